/* Softmax temperature (docs/activations/softmax.md).

   The same arithmetic as site_src.activations.softmax and
   site_src.losses.cross_entropy_from_logits: z = scores / T; e = exp(z − max z);
   p = e / Σe; loss = max z + log Σe − z[true]. */
(function () {
  "use strict";

  function mount(box, config) {
    const {el, fmt, slider, out, plot} = DLW;
    const k = config.scores.length;
    let scores = config.scores.slice(), T = config.T, label = config.label;

    const controls = el("div", {class: "dl-widget__controls"});
    const scoreBox = el("fieldset", {class: "dl-widget__add"}, el("legend", {}, "The scores"));
    config.classes.forEach((name, i) => {
      const input = el("input", {type: "number", step: 0.1, value: scores[i], id: DLW.id("z"), "data-control": `z${i}`});
      input.addEventListener("input", () => {
        const v = Number(input.value);
        if (input.value.trim() !== "" && Number.isFinite(v)) { scores[i] = v; draw(); }
      });
      scoreBox.append(el("span", {class: "dl-widget__pair"}, el("label", {for: input.id}, name), input));
    });
    const temperature = slider(controls, {
      name: "T", label: "temperature T", min: config.range[0], max: config.range[1], step: config.step, value: T,
      show: (v) => fmt(v, 1), onInput(v) { T = v; draw(); },
    });
    const pick = el("select", {id: DLW.id("label"), "data-control": "label"},
                    ...config.classes.map((name, i) => el("option", {value: i}, name)));
    pick.addEventListener("change", () => { label = Number(pick.value); draw(); });
    controls.append(el("div", {class: "dl-widget__slider"}, el("label", {for: pick.id}, "the right answer"), pick));

    const W = 300, H = 190;
    const p = plot(box, {width: W, height: H, x: [0, k], y: [0, 1], pad: 30, label: "The probabilities as bars"});
    const axes = p.layer("dl-widget__axes"), bars = p.layer("dl-softmax__bars");
    axes.append(el("svg:line", {x1: p.sx(0), y1: p.sy(1 / k), x2: p.sx(k), y2: p.sy(1 / k), class: "dl-widget__grid", "stroke-dasharray": "4 4"}));
    for (const v of [0, 0.5, 1]) axes.append(el("svg:text", {x: p.pad - 4, y: p.sy(v) + 4, "text-anchor": "end"}, fmt(v, 1)));
    config.classes.forEach((name, i) => axes.append(el("svg:text", {x: p.sx(i + 0.5), y: H - 10, "text-anchor": "middle"}, name)));

    const table = el("table", {class: "dl-widget__numbers"},
      el("thead", {}, el("tr", {}, el("th", {scope: "col"}, "class"), el("th", {scope: "col"}, "score z"), el("th", {scope: "col"}, "z ÷ T"),
                                  el("th", {scope: "col"}, "exp(z÷T − max)"), el("th", {scope: "col"}, "probability"))));
    const body = el("tbody");
    config.classes.forEach((name, i) => body.append(el("tr", {}, el("th", {scope: "row"}, name), el("td", {}, out(`z${i}`)),
      el("td", {}, out(`zT${i}`)), el("td", {}, out(`e${i}`)), el("td", {}, out(`p${i}`, "dl-widget__strong")))));
    body.append(el("tr", {}, el("th", {scope: "row"}, "sum"), el("td"), el("td"), el("td", {}, out("sum")), el("td", {}, "1")));
    table.append(body);
    const readout = el("div", {class: "dl-widget__readout"},
      el("p", {}, "T = ", out("T"), ". Cross-entropy for the right answer ", out("true"), ": −log(", out("p-true"), ") = ",
         out("loss", "dl-widget__strong"), "."));
    const announce = DLW.live(box);
    box.append(scoreBox, controls, p.svg, el("div", {class: "dl-widget__table", tabindex: 0, role: "region", "aria-label": "the softmax, step by step"}, table), readout);

    function draw() {
      temperature.set(T);
      pick.value = String(label);
      const z = scores.map((s) => s / T);
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, v) => a + v, 0);
      const prob = e.map((v) => v / sum);
      const ce = top + Math.log(sum) - z[label]; // logsumexp(z) − z[true]
      const show = {T: fmt(T, 1), loss: fmt(ce, 3), true: config.classes[label], "p-true": fmt(prob[label], 3), sum: fmt(sum, 3)};
      for (let i = 0; i < k; i++) Object.assign(show, {[`z${i}`]: fmt(scores[i]), [`zT${i}`]: fmt(z[i]), [`e${i}`]: fmt(e[i], 3), [`p${i}`]: fmt(prob[i], 3)});
      for (const [name, text] of Object.entries(show)) box.querySelector(`[data-out="${name}"]`).textContent = text;
      bars.replaceChildren(...prob.map((v, i) => el("svg:rect", {x: p.sx(i + 0.15), y: p.sy(v), width: p.sx(0.7) - p.sx(0), height: p.sy(0) - p.sy(v),
                                                                 class: i === label ? "dl-positive" : "dl-series-3", "fill-opacity": i === label ? 1 : 0.55})));
      prob.forEach((v, i) => bars.append(el("svg:text", {x: p.sx(i + 0.5), y: p.sy(v) - 4, "text-anchor": "middle"}, fmt(v, 3))));
      announce(`Temperature ${show.T}: ` + config.classes.map((name, i) => `${name} ${show[`p${i}`]}`).join(", ") + `; loss ${show.loss}.`);
    }

    draw();
  }

  if (window.DLW) DLW.register("softmax", mount);
  else (window.DLW_PENDING = window.DLW_PENDING || []).push(["softmax", mount]);
})();
