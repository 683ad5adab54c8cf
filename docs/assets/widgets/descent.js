/* The learning-rate slider (docs/learning/gradient.md).

   Gradient descent on the one-dial loss L(w) = (w − 3)², exactly as
   site_src.examples.descent.descend does it: slope = 2(w − 3), then w ← w − η·slope.
   One step per click: nothing moves by itself. */
(function () {
  "use strict";

  function mount(box, config) {
    const {el, fmt, slider, button, out, plot} = DLW;
    const target = config.target;
    const slope = (w) => 2.0 * (w - target);
    const loss = (w) => (w - target) * (w - target); // Python's (w - target) ** 2, correctly rounded
    let lr = config.lr, path;

    const controls = el("div", {class: "dl-widget__controls"});
    const rate = slider(controls, {
      name: "lr", label: "learning rate η", min: config.range[0], max: config.range[1], step: config.step, value: lr,
      show: (v) => fmt(v), onInput(v) { lr = v; path = [config.start]; draw(); },
    });
    const buttons = el("div", {class: "dl-widget__buttons"});
    const stepOnce = () => { const w = path[path.length - 1]; path.push(w - lr * slope(w)); };
    button(buttons, {name: "step", label: "Take one step", onClick: () => { stepOnce(); draw(); }});
    button(buttons, {name: "ten", label: "Take 10 steps", onClick: () => { for (let k = 0; k < 10; k++) stepOnce(); draw(); }});
    button(buttons, {name: "reset", label: "Reset", onClick: () => { lr = config.lr; path = [config.start]; draw(); }});

    const X = [-3, 9], Y = [0, 40];
    const p = plot(box, {width: 360, height: 240, x: X, y: Y, pad: 30,
                         label: "The loss curve (w − 3)² with the dial's steps on it"});
    const axes = p.layer("dl-widget__axes"), trail = p.layer("dl-descent__trail");
    let curve = "";
    for (let k = 0; k <= 120; k++) {
      const w = X[0] + ((X[1] - X[0]) * k) / 120;
      curve += `${k ? "L" : "M"}${p.sx(w).toFixed(1)},${p.sy(Math.min(loss(w), Y[1] + 5)).toFixed(1)}`;
    }
    axes.append(el("svg:rect", {x: p.pad, y: p.pad, width: p.width - 2 * p.pad, height: p.height - 2 * p.pad, class: "dl-widget__frame"}));
    axes.append(el("svg:path", {d: curve, class: "dl-widget__curve", "clip-path": "inset(0)"}));
    for (const w of [-3, 0, 3, 6, 9]) axes.append(el("svg:text", {x: p.sx(w), y: p.height - 14, "text-anchor": "middle"}, fmt(w, 0)));
    for (const v of [0, 20, 40]) axes.append(el("svg:text", {x: p.pad - 4, y: p.sy(v) + 4, "text-anchor": "end"}, fmt(v, 0)));
    axes.append(el("svg:text", {x: p.width / 2, y: p.height - 1, "text-anchor": "middle"}, "the dial w"));
    axes.append(el("svg:text", {x: 10, y: p.height / 2, transform: `rotate(-90 10 ${p.height / 2})`, "text-anchor": "middle"}, "loss"));

    const readout = el("div", {class: "dl-widget__readout"},
      el("p", {}, "η = ", out("lr"), ", after ", out("t"), " steps: w = ", out("w", "dl-widget__strong"), ", loss = ",
         out("loss", "dl-widget__strong"), ", slope = ", out("slope"), "."));
    const formula = el("p", {class: "dl-widget__formula"});
    const history = el("p", {class: "dl-widget__formula"});
    readout.append(formula, history);
    const announce = DLW.live(box);
    box.append(controls, p.svg, buttons, readout);

    const inside = (w) => w >= X[0] && w <= X[1] && loss(w) <= Y[1];
    function draw() {
      rate.set(lr);
      const w = path[path.length - 1], t = path.length - 1;
      const show = {lr: fmt(lr), t: String(t), w: fmt(w), loss: fmt(loss(w), 2, {sciBelow: 0.01}), slope: fmt(slope(w))};
      for (const [name, text] of Object.entries(show)) box.querySelector(`[data-out="${name}"]`).textContent = text;
      formula.replaceChildren();
      if (t) {
        const before = path[t - 1];
        formula.append("Last step: w ← w − η × slope = ", out("f-w"), " − ", out("f-lr"), " × (", out("f-slope"), ") = ", out("f-new", "dl-widget__strong"));
        const values = {"f-w": fmt(before), "f-lr": fmt(lr), "f-slope": fmt(slope(before)), "f-new": fmt(w)};
        for (const [name, text] of Object.entries(values)) formula.querySelector(`[data-out="${name}"]`).textContent = text;
      }
      history.textContent = "Loss at each step: " + path.slice(-12).map((v, k) => `${t - Math.min(t, 11) + k}: ${fmt(loss(v), 2, {sciBelow: 0.01})}`).join(" · ");
      trail.replaceChildren();
      path.forEach((v, k) => {
        if (k && inside(v) && inside(path[k - 1])) {
          trail.append(el("svg:line", {x1: p.sx(path[k - 1]), y1: p.sy(loss(path[k - 1])), x2: p.sx(v), y2: p.sy(loss(v)), class: "dl-path dl-series-1"}));
        }
      });
      if (inside(w)) trail.append(el("svg:circle", {cx: p.sx(w), cy: p.sy(loss(w)), r: 7, class: "dl-active"}));
      else trail.append(el("svg:text", {x: p.width / 2, y: p.pad + 16, "text-anchor": "middle"}, "The dial has jumped off the picture!"));
      announce(`Step ${t}: w ${show.w}, loss ${show.loss}.`);
    }

    path = [config.start];
    draw();
  }

  if (window.DLW) DLW.register("descent", mount);
  else (window.DLW_PENDING = window.DLW_PENDING || []).push(["descent", mount]);
})();
