/* The learning-rate slider (docs/learning/gradient.md).

   Gradient descent with one learning rate η on two losses at once, exactly as
   site_src.examples.descent does it:
   - the one-dial loss L(w) = (w − 3)²: slope = 2(w − 3), then w ← w − η·slope (descend);
   - the round bowl L(x, y) = (x − 3)² + (y − 2)²: slopes 2(x − 3) and 2(y − 2), then both
     dials step at once (descend_2d), drawn on a map with contour circles.
   One step per click: nothing moves by itself. */
(function () {
  "use strict";

  function mount(box, config) {
    const {el, fmt, slider, button, out, plot} = DLW;
    const target = config.target, [a, b] = config.bowl.target, keep = config.history;
    const slope = (w) => 2.0 * (w - target);
    const loss = (w) => (w - target) * (w - target); // Python's (w - target) ** 2, correctly rounded
    const bowlGrad = ([x, y]) => [2.0 * (x - a), 2.0 * (y - b)];
    const bowl = ([x, y]) => (x - a) * (x - a) + (y - b) * (y - b);
    const lossText = (v) => fmt(v, 2, {sciBelow: 0.01});
    let lr = config.lr, path, points;
    const restart = () => { path = [config.start]; points = [config.bowl.start.slice()]; };

    const controls = el("div", {class: "dl-widget__controls"});
    const rate = slider(controls, {
      name: "lr", label: "learning rate η", min: config.range[0], max: config.range[1], step: config.step, value: lr,
      show: (v) => fmt(v), onInput(v) { lr = v; restart(); draw(); },
    });
    const buttons = el("div", {class: "dl-widget__buttons"});
    const stepOnce = () => {
      const w = path[path.length - 1], [x, y] = points[points.length - 1], [gx, gy] = bowlGrad([x, y]);
      path.push(w - lr * slope(w));
      points.push([x - lr * gx, y - lr * gy]);
    };
    button(buttons, {name: "step", label: "Take one step", onClick: () => { stepOnce(); draw(); }});
    button(buttons, {name: "ten", label: "Take 10 steps", onClick: () => { for (let k = 0; k < 10; k++) stepOnce(); draw(); }});
    button(buttons, {name: "reset", label: "Reset", onClick: () => { lr = config.lr; restart(); draw(); }});

    const text = (layer, x, y, words, anchor = "middle", extra = {}) =>
      layer.append(el("svg:text", {x, y, "text-anchor": anchor, ...extra}, words));
    const pictures = el("div", {class: "dl-descent__pictures"});

    // the one dial: the curve (w − 3)² and the steps on it
    const X = [-3, 9], Y = [0, 40];
    const p = plot(pictures, {width: 360, height: 240, x: X, y: Y, pad: 30,
                              label: "The loss curve (w − 3)² with the dial's steps on it"});
    const axes = p.layer("dl-widget__axes"), trail = p.layer("dl-descent__trail");
    let curve = "";
    for (let k = 0; k <= 120; k++) {
      const w = X[0] + ((X[1] - X[0]) * k) / 120;
      curve += `${k ? "L" : "M"}${p.sx(w).toFixed(1)},${p.sy(Math.min(loss(w), Y[1] + 5)).toFixed(1)}`;
    }
    axes.append(el("svg:rect", {x: p.pad, y: p.pad, width: p.width - 2 * p.pad, height: p.height - 2 * p.pad, class: "dl-widget__frame"}));
    axes.append(el("svg:path", {d: curve, class: "dl-widget__curve", "clip-path": "inset(0)"}));
    for (const w of [-3, 0, 3, 6, 9]) text(axes, p.sx(w), p.height - 14, fmt(w, 0));
    for (const v of [0, 20, 40]) text(axes, p.pad - 4, p.sy(v) + 4, fmt(v, 0), "end");
    text(axes, p.width / 2, p.height - 1, "the dial w");
    text(axes, 10, p.height / 2, "loss", "middle", {transform: `rotate(-90 10 ${p.height / 2})`});

    // the round bowl: a map of the two dials, one contour circle per loss level
    const MX = [-3, 9], MY = [-2, 6];
    const m = plot(pictures, {width: 360, height: 260, x: MX, y: MY, pad: 30,
                              label: "A map of the round bowl (x − 3)² + (y − 2)²: contour circles around the lowest point (3, 2), with the two dials' steps on it"});
    const map = m.layer("dl-widget__axes"), walk = m.layer("dl-descent__trail");
    const unit = m.sx(1) - m.sx(0); // the same scale across and up
    map.append(el("svg:rect", {x: m.pad, y: m.pad, width: m.width - 2 * m.pad, height: m.height - 2 * m.pad, class: "dl-widget__frame"}));
    for (const level of config.bowl.levels) {
      map.append(el("svg:circle", {cx: m.sx(a), cy: m.sy(b), r: Math.sqrt(level) * unit, class: "dl-widget__grid"}));
    }
    const outer = config.bowl.levels[config.bowl.levels.length - 1];
    text(map, m.sx(a) + Math.sqrt(outer / 2) * unit + 4, m.sy(b) - Math.sqrt(outer / 2) * unit - 2, `loss ${fmt(outer, 0)}`, "start");
    map.append(el("svg:path", {d: `M${m.sx(a) - 6},${m.sy(b)}h12M${m.sx(a)},${m.sy(b) - 6}v12`, class: "dl-widget__curve"}));
    for (const x of [-3, 0, 3, 6, 9]) text(map, m.sx(x), m.height - 14, fmt(x, 0));
    for (const y of [-2, 2, 6]) text(map, m.pad - 4, m.sy(y) + 4, fmt(y, 0), "end");
    text(map, m.width / 2, m.height - 1, "dial x");
    text(map, 10, m.height / 2, "dial y", "middle", {transform: `rotate(-90 10 ${m.height / 2})`});
    const marker = el("svg:marker", {id: DLW.id("arrow"), viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto"},
      el("svg:path", {d: "M0,0L10,5L0,10z", class: "dl-gradient"}));
    m.svg.prepend(el("svg:defs", {}, marker));

    const readout = el("div", {class: "dl-widget__readout"},
      el("p", {}, "η = ", out("lr"), ", after ", out("t"), " steps:"),
      el("p", {}, "One dial: w = ", out("w", "dl-widget__strong"), ", loss = ", out("loss", "dl-widget__strong"),
         ", slope = ", out("slope"), "."),
      el("p", {}, "Bowl: (x, y) = (", out("b-x", "dl-widget__strong"), ", ", out("b-y", "dl-widget__strong"), "), loss = ",
         out("b-loss", "dl-widget__strong"), ", slopes = (", out("b-gx"), ", ", out("b-gy"), ")."));
    const formula = el("p", {class: "dl-widget__formula"});
    const history = el("p", {class: "dl-widget__formula"});
    const note = el("p", {}, "On the map, the red arrow is −∇L, straight downhill: it crosses the contour circles at right angles.");
    readout.append(formula, history, note);
    const announce = DLW.live(box);
    box.append(controls, pictures, buttons, readout);

    const fill = (parent, values) => {
      for (const [name, value] of Object.entries(values)) parent.querySelector(`[data-out="${name}"]`).textContent = value;
    };
    const inside = (w) => w >= X[0] && w <= X[1] && loss(w) <= Y[1];
    const onMap = ([x, y]) => x >= MX[0] && x <= MX[1] && y >= MY[0] && y <= MY[1];

    function drawCurve(w) {
      trail.replaceChildren();
      path.forEach((v, k) => {
        if (k && inside(v) && inside(path[k - 1])) {
          trail.append(el("svg:line", {x1: p.sx(path[k - 1]), y1: p.sy(loss(path[k - 1])), x2: p.sx(v), y2: p.sy(loss(v)), class: "dl-path dl-descent__step"}));
        }
      });
      if (inside(w)) trail.append(el("svg:circle", {cx: p.sx(w), cy: p.sy(loss(w)), r: 7, class: "dl-active"}));
      else text(trail, p.width / 2, p.pad + 16, "The dial has jumped off the picture!");
    }

    function drawMap(here) {
      walk.replaceChildren();
      const shown = points.filter(onMap);
      if (shown.length > 1) {
        walk.append(el("svg:polyline", {points: shown.map(([x, y]) => `${m.sx(x).toFixed(1)},${m.sy(y).toFixed(1)}`).join(" "),
                                        class: "dl-path dl-descent__step"}));
      }
      for (const [x, y] of shown.slice(0, -1)) walk.append(el("svg:circle", {cx: m.sx(x), cy: m.sy(y), r: 2.5, class: "dl-descent__dot"}));
      if (!onMap(here)) { text(walk, m.width / 2, m.pad + 16, "The dials have jumped off the map!"); return; }
      walk.append(el("svg:circle", {cx: m.sx(here[0]), cy: m.sy(here[1]), r: 7, class: "dl-active"}));
      const [gx, gy] = bowlGrad(here), size = Math.hypot(gx, gy);
      if (size > 1e-9) { // an arrow one unit long, against the gradient, over the ball
        const [x, y] = here;
        walk.append(el("svg:line", {x1: m.sx(x), y1: m.sy(y), x2: m.sx(x - gx / size), y2: m.sy(y - gy / size),
                                    class: "dl-descent__arrow", "marker-end": `url(#${marker.id})`}));
      }
    }

    function draw() {
      rate.set(lr);
      const t = path.length - 1, w = path[t], here = points[t], [gx, gy] = bowlGrad(here);
      const show = {lr: fmt(lr), t: String(t), w: fmt(w), loss: lossText(loss(w)), slope: fmt(slope(w)),
                    "b-x": fmt(here[0]), "b-y": fmt(here[1]), "b-loss": lossText(bowl(here)), "b-gx": fmt(gx), "b-gy": fmt(gy)};
      fill(box, show);
      formula.replaceChildren();
      if (t) {
        const before = path[t - 1], [px, py] = points[t - 1], [pgx, pgy] = bowlGrad(points[t - 1]);
        formula.append("Last step: w ← w − η × slope = ", out("f-w"), " − ", out("f-lr"), " × (", out("f-slope"), ") = ",
                       out("f-new", "dl-widget__strong"), "; on the bowl, x ← ", out("bf-x"), " − ", out("bf-lr"), " × (",
                       out("bf-gx"), ") = ", out("bf-nx", "dl-widget__strong"), " and y ← ", out("bf-y"), " − η × (",
                       out("bf-gy"), ") = ", out("bf-ny", "dl-widget__strong"), ".");
        fill(formula, {"f-w": fmt(before), "f-lr": fmt(lr), "f-slope": fmt(slope(before)), "f-new": fmt(w),
                       "bf-x": fmt(px), "bf-lr": fmt(lr), "bf-gx": fmt(pgx), "bf-nx": fmt(here[0]),
                       "bf-y": fmt(py), "bf-gy": fmt(pgy), "bf-ny": fmt(here[1])});
      }
      history.replaceChildren("Loss at each step, one dial: ");
      const first = Math.max(0, t - keep + 1);
      for (let k = first; k <= t; k++) history.append(k > first ? " · " : "", `${k}: `, out(`h${k}`));
      history.append(". Bowl: ");
      for (let k = first; k <= t; k++) history.append(k > first ? " · " : "", `${k}: `, out(`bh${k}`));
      history.append(".");
      for (let k = first; k <= t; k++) fill(history, {[`h${k}`]: lossText(loss(path[k])), [`bh${k}`]: lossText(bowl(points[k]))});
      drawCurve(w);
      drawMap(here);
      announce(`Step ${t}: w ${show.w}, loss ${show.loss}; bowl loss ${show["b-loss"]}.`);
    }

    restart();
    draw();
  }

  if (window.DLW) DLW.register("descent", mount);
  else (window.DLW_PENDING = window.DLW_PENDING || []).push(["descent", mount]);
})();
