/* The optimizer playground (docs/training/choosing.md).

   SGD, momentum, RMSprop and Adam race on the ravine or the saddle of
   site_src.examples.surfaces, each step exactly as site_src.optimizers does it (which equals
   torch.optim), in the same order of operations. Settings and starts come from site_src. */
(function () {
  "use strict";

  const SURFACES = {
    ravine: {loss: (x, y) => (x * x) / 20 + 5 * (y * y), grad: (x, y) => [x / 10, 10 * y],
             x: [-9, 2], y: [-1.6, 1.6], levels: [0.05, 0.2, 0.5, 1, 2, 4, 8], label: "the ravine x²/20 + 5y²"},
    saddle: {loss: (x, y) => (x * x) / 2 + ((y * y - 1) * (y * y - 1)) / 4, grad: (x, y) => [x, y * (y * y - 1)],
             x: [-2.5, 1], y: [-1.6, 1.6], levels: [0.02, 0.1, 0.25, 0.5, 1, 1.5, 2],
             label: "the mountain pass x²/2 + (y² − 1)²/4"},
  };

  // One step of each optimizer, on the point theta = [x, y], with state kept between calls.
  const STEP = {
    SGD(theta, g, s, t, k) {
      let d = g;
      if (k.momentum !== 0) {
        s.b = t === 1 ? g.slice() : s.b.map((b, i) => k.momentum * b + 1 * g[i]); // dampening 0
        d = s.b;
      }
      return theta.map((v, i) => v - k.lr * d[i]);
    },
    RMSprop(theta, g, s, t, k) {
      s.v = (s.v || [0, 0]).map((v, i) => k.alpha * v + (1 - k.alpha) * g[i] * g[i]);
      return theta.map((v, i) => v - (k.lr * g[i]) / (Math.sqrt(s.v[i]) + k.eps));
    },
    Adam(theta, g, s, t, k) {
      s.m = (s.m || [0, 0]).map((m, i) => m * k.beta1 + (1 - k.beta1) * g[i]);
      s.v = (s.v || [0, 0]).map((v, i) => v * k.beta2 + (1 - k.beta2) * g[i] * g[i]);
      return theta.map((v, i) => {
        let step = Math.sqrt(s.v[i] / (1 - k.beta2 ** t));
        step += k.eps;
        step = s.m[i] / step;
        step *= k.lr / (1 - k.beta1 ** t);
        return v - step;
      });
    },
  };
  const KNOB_LABEL = {lr: "η", momentum: "μ", alpha: "α", beta1: "β₁", beta2: "β₂"};

  function mount(box, config) {
    const {el, fmt, button, out, plot} = DLW;
    let surface = config.surface, racers;

    const top = el("div", {class: "dl-widget__buttons"});
    const pick = el("select", {id: DLW.id("surface"), "data-control": "surface"},
                    el("option", {value: "ravine"}, "the ravine"), el("option", {value: "saddle"}, "the mountain pass"));
    pick.addEventListener("change", () => { surface = pick.value; restart(); });
    top.append(el("span", {class: "dl-widget__pair"}, el("label", {for: pick.id}, "surface"), pick));
    button(top, {name: "step", label: "One step", onClick: () => { racers.forEach(stepOnce); draw(); }});
    button(top, {name: "ten", label: "10 steps", onClick: () => { for (let k = 0; k < 10; k++) racers.forEach(stepOnce); draw(); }});
    button(top, {name: "reset", label: "Reset", onClick: () => { surface = config.surface; makeRacers(); restart(); }});

    const holder = el("div");
    const table = el("table", {class: "dl-widget__numbers"});
    const formulas = el("div", {class: "dl-widget__readout"});
    const announce = DLW.live(box);
    box.append(top, holder, el("div", {class: "dl-widget__table", tabindex: 0, role: "region", "aria-label": "the racers, step by step"}, table),
               el("p", {}, "Steps taken: ", out("t", "dl-widget__strong"), ". The last step of each racer, for x (y works the same way):"), formulas);

    function makeRacers() {
      racers = config.racers.map((r) => ({...r, knobs: {...r.knobs}}));
      table.replaceChildren(el("thead", {}, el("tr", {}, ...["racer", "settings", "x", "y", "loss"].map((h) => el("th", {scope: "col"}, h)))));
      const body = el("tbody");
      racers.forEach((r, n) => {
        const knobs = el("td");
        for (const name of r.show) {
          const input = el("input", {type: "number", step: "any", min: 0, value: r.knobs[name], id: DLW.id(name), "data-control": `${r.name}-${name}`});
          input.addEventListener("change", () => {
            const v = Number(input.value);
            if (input.value.trim() !== "" && Number.isFinite(v) && v > 0 && (name === "lr" || v < 1)) { r.knobs[name] = v; restart(); }
          });
          knobs.append(el("span", {class: "dl-widget__pair"}, el("label", {for: input.id}, KNOB_LABEL[name]), input));
        }
        r.formula = el("span");
        body.append(el("tr", {}, el("th", {scope: "row"}, el("span", {class: `dl-swatch-line dl-series-${n}`}), r.name), knobs,
                       el("td", {}, out(`${r.name}-x`)), el("td", {}, out(`${r.name}-y`)), el("td", {}, out(`${r.name}-loss`))));
      });
      table.append(body);
      formulas.replaceChildren(...racers.map((r) => el("p", {class: "dl-widget__formula"}, el("strong", {}, r.name + ": "), r.formula)));
    }

    function restart() {
      pick.value = surface;
      for (const r of racers) { r.path = [config.starts[surface].slice()]; r.state = {}; r.last = null; }
      draw(true);
    }

    function stepOnce(r) {
      const theta = r.path[r.path.length - 1], g = SURFACES[surface].grad(...theta), t = r.path.length;
      const next = STEP[r.kind](theta, g, r.state, t, r.knobs);
      r.last = {x: theta[0], g: g[0], b: r.state.b && r.state.b[0], v: r.state.v && r.state.v[0], m: r.state.m && r.state.m[0]};
      r.path.push(next);
    }

    let p, trails;
    function drawMap() {
      const S = SURFACES[surface];
      holder.replaceChildren();
      p = plot(holder, {width: 340, height: 220, x: S.x, y: S.y, pad: 26, label: `A contour map of ${S.label} with each racer's path`});
      const map = p.layer("dl-widget__grid");
      // Contour lines by marching squares: in each grid cell, join the points where the loss crosses the level.
      const nx = 70, ny = 44, X = (i) => S.x[0] + ((S.x[1] - S.x[0]) * i) / nx, Y = (j) => S.y[0] + ((S.y[1] - S.y[0]) * j) / ny;
      const F = [];
      for (let i = 0; i <= nx; i++) { F.push([]); for (let j = 0; j <= ny; j++) F[i].push(S.loss(X(i), Y(j))); }
      let d = "";
      for (const c of S.levels) {
        for (let i = 0; i < nx; i++) {
          for (let j = 0; j < ny; j++) {
            const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]], cuts = [];
            corners.forEach(([a, b], k) => {
              const [a2, b2] = corners[(k + 1) % 4], f1 = F[a][b] - c, f2 = F[a2][b2] - c;
              if ((f1 < 0) !== (f2 < 0)) { const t = f1 / (f1 - f2); cuts.push([X(a + t * (a2 - a)), Y(b + t * (b2 - b))]); }
            });
            for (let k = 0; k + 1 < cuts.length; k += 2) {
              d += `M${p.sx(cuts[k][0]).toFixed(1)},${p.sy(cuts[k][1]).toFixed(1)}L${p.sx(cuts[k + 1][0]).toFixed(1)},${p.sy(cuts[k + 1][1]).toFixed(1)}`;
            }
          }
        }
      }
      map.append(el("svg:path", {d, class: "dl-widget__grid"}));
      map.append(el("svg:rect", {x: p.pad, y: p.pad, width: p.width - 2 * p.pad, height: p.height - 2 * p.pad, class: "dl-widget__frame"}));
      const axes = p.layer("dl-widget__axes");
      axes.append(el("svg:text", {x: p.width / 2, y: p.height - 8, "text-anchor": "middle"}, "x"));
      axes.append(el("svg:text", {x: 10, y: p.height / 2, "text-anchor": "middle"}, "y"));
      trails = p.layer("dl-optimizers__trails");
    }

    function draw(fresh) {
      if (fresh || !p) drawMap();
      const S = SURFACES[surface], clampX = (v) => Math.max(S.x[0], Math.min(S.x[1], v)), clampY = (v) => Math.max(S.y[0], Math.min(S.y[1], v));
      trails.replaceChildren();
      const show = {t: String(racers[0].path.length - 1)};
      racers.forEach((r, n) => {
        const pts = r.path.map(([x, y]) => `${p.sx(clampX(x)).toFixed(1)},${p.sy(clampY(y)).toFixed(1)}`).join(" ");
        trails.append(el("svg:polyline", {points: pts, class: `dl-path dl-series-${n}`}));
        const [x, y] = r.path[r.path.length - 1];
        trails.append(el("svg:circle", {cx: p.sx(clampX(x)), cy: p.sy(clampY(y)), r: 4.5, class: `dl-series-${n}`}));
        Object.assign(show, {[`${r.name}-x`]: fmt(x, 3), [`${r.name}-y`]: fmt(y, 3), [`${r.name}-loss`]: fmt(S.loss(x, y), 3, {sciBelow: 0.001})});
        r.formula.replaceChildren();
        if (!r.last) return;
        const L = r.last, k = r.knobs, eta = fmt(k.lr, 3, {trim: true}), f = (name) => out(`${r.name}-f-${name}`);
        const values = {x: fmt(L.x, 3), g: fmt(L.g, 3), new: fmt(x, 3)};
        if (r.kind === "SGD" && k.momentum !== 0) {
          values.b = fmt(L.b, 3);
          r.formula.append("g = ", f("g"), "; b ← μb + g = ", f("b"), "; x ← x − ηb = ", f("x"), ` − ${eta} × (`, values.b, ") = ", f("new"));
        } else if (r.kind === "SGD") {
          r.formula.append("g = ", f("g"), "; x ← x − ηg = ", f("x"), ` − ${eta} × (`, values.g, ") = ", f("new"));
        } else if (r.kind === "RMSprop") {
          values.v = fmt(L.v, 3, {sciBelow: 0.001});
          r.formula.append("g = ", f("g"), "; v ← αv + (1 − α)g² = ", f("v"), "; x ← x − ηg ÷ (√v + ε) = ", f("x"), " − ", eta, " × ", values.g,
                           " ÷ (√", values.v, " + ε) = ", f("new"));
        } else {
          values.m = fmt(L.m, 3, {sciBelow: 0.001});
          values.v = fmt(L.v, 3, {sciBelow: 0.001});
          r.formula.append("g = ", f("g"), "; m = ", f("m"), ", v = ", f("v"), "; x ← x − η m̂ ÷ (√v̂ + ε) = ", f("x"), ` − ${eta} × m̂ ÷ (√v̂ + ε) = `, f("new"));
        }
        for (const [name, text] of Object.entries(values)) show[`${r.name}-f-${name}`] = text;
      });
      for (const [name, text] of Object.entries(show)) {
        const node = box.querySelector(`[data-out="${name}"]`);
        if (node) node.textContent = text;
      }
      announce(`Step ${show.t}: ` + racers.map((r) => `${r.name} loss ${show[`${r.name}-loss`]}`).join(", ") + ".");
    }

    makeRacers();
    restart();
  }

  if (window.DLW) DLW.register("optimizers", mount);
  else (window.DLW_PENDING = window.DLW_PENDING || []).push(["optimizers", mount]);
})();
