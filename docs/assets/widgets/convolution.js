/* The convolution explorer (docs/cnn/convolution.md).

   The same arithmetic as site_src.conv.conv2d: pad with zeros, then at each stop
   out[i, j] = Σ padded[i·s + u, j·s + v] × kernel[u, v], added up in NumPy's order
   (np.sum of nine numbers: eight in pairs, then the ninth), and the output size
   conv_output_size = ⌊(n + 2p − k) ÷ s⌋ + 1. Pictures and kernels come from site_src. */
(function () {
  "use strict";

  // np.sum of nine numbers: pairwise over the first eight, then the ninth.
  const sum9 = (a) => ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])) + a[8];

  function mount(box, config) {
    const {el, fmt, button, out} = DLW;
    const OWN = "your own";
    let image, kernelName, kernel, padding, stride, stop;

    const controls = el("div", {class: "dl-widget__buttons"});
    const choice = (name, label, options, onChange) => {
      const select = el("select", {id: DLW.id(name), "data-control": name}, ...options.map((o) => el("option", {value: o}, String(o))));
      select.addEventListener("change", () => { onChange(select.value); stop = 0; draw(); });
      controls.append(el("span", {class: "dl-widget__pair"}, el("label", {for: select.id}, label), select));
      return select;
    };
    const imageSelect = choice("image", "picture", Object.keys(config.images), (v) => { image = config.images[v].map((r) => r.slice()); drawCells(); });
    const kernelSelect = choice("kernel", "kernel", [...Object.keys(config.kernels), OWN], (v) => setKernel(v));
    const padSelect = choice("padding", "padding p", config.paddings, (v) => { padding = Number(v); });
    const strideSelect = choice("stride", "stride s", config.strides, (v) => { stride = Number(v); });

    const kernelBox = el("fieldset", {class: "dl-conv__kernel"}, el("legend", {}, "The kernel (type your own numbers)"));
    const kernelInputs = [];
    for (let u = 0; u < 9; u++) {
      const input = el("input", {type: "number", step: "any", "aria-label": `kernel row ${Math.floor(u / 3) + 1}, column ${(u % 3) + 1}`, "data-control": `k${u}`});
      input.addEventListener("input", () => {
        const v = Number(input.value);
        if (input.value.trim() === "" || !Number.isFinite(v)) return;
        if (kernelName !== OWN) { kernelName = OWN; kernelSelect.value = OWN; kernel = kernel.map((r) => r.slice()); }
        kernel[Math.floor(u / 3)][u % 3] = v;
        draw();
      });
      kernelInputs.push(input);
      kernelBox.append(input);
    }
    function setKernel(name) {
      kernelName = name;
      kernel = (name === OWN ? config.own : config.kernels[name]).map((r) => r.slice());
      kernelInputs.forEach((input, u) => { input.value = kernel[Math.floor(u / 3)][u % 3]; });
    }

    const steps = el("div", {class: "dl-widget__buttons"});
    const size = () => Math.floor((image.length + 2 * padding - 3) / stride) + 1;
    button(steps, {name: "prev", label: "◀ Previous stop", onClick: () => { stop = (stop - 1 + size() ** 2) % size() ** 2; draw(); }});
    button(steps, {name: "next", label: "Next stop ▶", onClick: () => { stop = (stop + 1) % size() ** 2; draw(); }});

    const pictures = el("div", {class: "dl-conv__pictures"});
    const products = el("table", {class: "dl-widget__numbers"});
    const readout = el("div", {class: "dl-widget__readout"},
      el("p", {}, "Output size: ⌊(n + 2p − k) ÷ s⌋ + 1 = ⌊(", out("n"), " + 2 × ", out("p"), " − ", out("k"), ") ÷ ", out("s"), "⌋ + 1 = ",
         out("size", "dl-widget__strong"), ", so ", out("stops"), " stops. This is stop ", out("stop"), "."),
      el("div", {class: "dl-widget__table", tabindex: 0, role: "region", "aria-label": "the nine products"}, products),
      el("p", {}, "Sum of the nine products: ", out("sum", "dl-widget__strong"), " (the yellow cell of the feature map)."));
    const drawBox = el("details", {class: "dl-conv__draw"}, el("summary", {}, "Draw on the picture"));
    const cells = el("div", {class: "dl-conv__cells"});
    drawBox.append(el("p", {}, "Each press cycles a pixel through " + config.levels.map((v) => fmt(v, 0)).join(", ") + "."), cells);
    const announce = DLW.live(box);
    box.append(controls, kernelBox, steps, pictures, readout, drawBox);

    function drawCells() {
      cells.style.gridTemplateColumns = `repeat(${image.length}, 1fr)`;
      cells.replaceChildren(...image.flatMap((row, r) => row.map((v, c) => {
        const b = el("button", {type: "button", "data-control": `cell-${r}-${c}`, "aria-label": `row ${r + 1}, column ${c + 1}: ${fmt(v, 0)}`}, fmt(v, 0));
        b.addEventListener("click", () => {
          const k = config.levels.indexOf(image[r][c]);
          image[r][c] = k < 0 ? config.levels[0] : config.levels[(k + 1) % config.levels.length];
          b.textContent = fmt(image[r][c], 0);
          b.setAttribute("aria-label", `row ${r + 1}, column ${c + 1}: ${b.textContent}`);
          draw();
        });
        return b;
      })));
    }

    function grid(values, highlight, label, outName) {
      const n = values.length, cell = 26, W = n * cell + 2;
      const svg = el("svg:svg", {viewBox: `0 0 ${W} ${W}`, class: "dl-widget__plot dl-conv__grid", role: "img", "aria-label": label});
      values.forEach((row, a) => row.forEach((v, b) => {
        const g = el("svg:g", {});
        g.append(el("svg:rect", {x: 1 + b * cell, y: 1 + a * cell, width: cell, height: cell, class: "dl-conv__cell"}));
        const text = el("svg:text", {x: 1 + b * cell + cell / 2, y: 1 + a * cell + cell / 2 + 4, "text-anchor": "middle"}, outName ? fmt(v, 1, {trim: true}) : fmt(v, 0));
        if (outName) text.setAttribute("data-out", `${outName}${a}-${b}`);
        g.append(text);
        svg.append(g);
      }));
      const [top, left, span] = highlight;
      svg.append(el("svg:rect", {x: 1 + left * cell, y: 1 + top * cell, width: span * cell, height: span * cell, class: "dl-conv__here"}));
      return svg;
    }

    function draw() {
      const n = image.length, m = size(), P = padding, S = stride;
      const padded = Array.from({length: n + 2 * P}, (_, a) => Array.from({length: n + 2 * P}, (_, b) =>
        (a >= P && a < n + P && b >= P && b < n + P ? image[a - P][b - P] : 0)));
      const map = Array.from({length: m}, (_, i) => Array.from({length: m}, (_, j) => {
        const prods = [];
        for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) prods.push(padded[i * S + u][j * S + v] * kernel[u][v]);
        return sum9(prods);
      }));
      const i = Math.floor(stop / m), j = stop % m;
      pictures.replaceChildren(grid(padded, [i * S, j * S, 3], "The padded picture with the kernel's window outlined"),
                               grid(map, [i, j, 1], "The feature map with the current stop outlined", "m"));
      products.replaceChildren(el("caption", {}, "picture × kernel = product"));
      const show = {n: String(n), p: String(P), k: "3", s: String(S), size: String(m), stops: String(m * m), stop: String(stop + 1),
                    sum: fmt(map[i][j], 2, {trim: true})};
      for (let u = 0; u < 3; u++) {
        const row = el("tr");
        for (let v = 0; v < 3; v++) {
          const q = u * 3 + v, x = padded[i * S + u][j * S + v], w = kernel[u][v];
          Object.assign(show, {[`x${q}`]: fmt(x, 2, {trim: true}), [`w${q}`]: fmt(w, 2, {trim: true}), [`p${q}`]: fmt(x * w, 2, {trim: true})});
          row.append(el("td", {}, out(`x${q}`), " × ", out(`w${q}`), " = ", out(`p${q}`, "dl-widget__strong")));
        }
        products.append(row);
      }
      for (const [name, text] of Object.entries(show)) box.querySelector(`[data-out="${name}"]`).textContent = text;
      announce(`Stop ${show.stop} of ${show.stops}: sum ${show.sum}.`);
    }

    function reset() {
      imageSelect.value = Object.keys(config.images)[0];
      image = config.images[imageSelect.value].map((r) => r.slice());
      kernelSelect.value = Object.keys(config.kernels)[0];
      setKernel(kernelSelect.value);
      padding = config.paddings[0];
      stride = config.strides[0];
      padSelect.value = String(padding);
      strideSelect.value = String(stride);
      stop = 0;
      drawCells();
      draw();
    }
    reset();
  }

  if (window.DLW) DLW.register("convolution", mount);
  else (window.DLW_PENDING = window.DLW_PENDING || []).push(["convolution", mount]);
})();
