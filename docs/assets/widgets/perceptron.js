/* The perceptron playground (docs/first-steps/perceptron.md).

   The same arithmetic as site_src.neurons.Perceptron, in the same order, so every number
   equals the Python one: total = x₁w₁ + x₂w₂ + b; YES when total ≥ 0; after a wrong answer
   w ← w + (lr·error)·x and b ← b + lr·error. Settings (the fruit basket, lr, the starting
   weights) come from site_src through data-config. */
(function () {
  "use strict";
  const YES = "YES", NO = "NO";

  function mount(box, config) {
    const {el, fmt, slider, button, out, plot} = DLW;
    let X, y, names, w, b, next, last;

    const total = (x) => x[0] * w[0] + x[1] * w[1] + b;
    const answer = (x) => (total(x) >= 0 ? 1 : 0);

    function reset() {
      X = config.X.map((x) => x.slice());
      y = config.y.slice();
      names = config.names.slice();
      w = config.weights.slice();
      b = config.bias;
      next = 0;
      last = null;
    }

    function learnStep() {
      const i = next, x = X[i];
      const before = {w: w.slice(), b, total: total(x)};
      const error = y[i] - answer(x);
      const nudge = config.lr * error; // numpy: weights + lr * error * x, left to right
      w = [w[0] + nudge * x[0], w[1] + nudge * x[1]];
      b = b + config.lr * error;
      last = {name: names[i], x, ...before, target: y[i], answer: y[i] - error, error};
      next = (i + 1) % X.length;
    }

    // ---------------------------------------------------------------- the page
    const controls = el("div", {class: "dl-widget__controls"});
    const weightName = {w1: "w₁ (roundness weight)", w2: "w₂ (redness weight)", b: "b (bias)"};
    const sliders = {};
    for (const name of ["w1", "w2", "b"]) {
      sliders[name] = slider(controls, {
        name, label: weightName[name], min: config.range[0], max: config.range[1], step: config.step, value: 0,
        show: (v) => fmt(v),
        onInput(v) {
          if (name === "b") b = v;
          else w[Number(name[1]) - 1] = v;
          draw();
        },
      });
    }
    const buttons = el("div", {class: "dl-widget__buttons"});
    button(buttons, {name: "step", label: "Learn one fruit", onClick: () => { learnStep(); draw(); }});
    button(buttons, {name: "epoch", label: "Learn one epoch", onClick: () => { for (let k = X.length; k > 0; k--) learnStep(); draw(); }});
    button(buttons, {name: "reset", label: "Reset", onClick: () => { reset(); draw(); }});

    const p = plot(box, {width: 320, height: 320, x: [0, 1], y: [0, 1], pad: 40,
                         label: "The fruit basket: roundness across, redness up, with the robot's YES and NO sides"});
    const shade = p.layer("dl-perceptron__sides"), axes = p.layer("dl-widget__axes"), dots = p.layer("dl-perceptron__fruit");
    for (const v of [0, 0.5, 1]) {
      axes.append(el("svg:text", {x: p.sx(v), y: p.height - 14, "text-anchor": "middle"}, fmt(v, 1)));
      axes.append(el("svg:text", {x: p.pad - 5, y: p.sy(v) + 4, "text-anchor": "end"}, fmt(v, 1)));
    }
    axes.append(el("svg:text", {x: p.width / 2, y: p.height - 1, "text-anchor": "middle"}, "roundness"));
    axes.append(el("svg:text", {x: 9, y: p.height / 2, transform: `rotate(-90 9 ${p.height / 2})`, "text-anchor": "middle"}, "redness"));
    axes.append(el("svg:rect", {x: p.sx(0), y: p.sy(1), width: p.sx(1) - p.sx(0), height: p.sy(0) - p.sy(1), class: "dl-widget__frame"}));

    // Add a fruit: click the plot, or type it in the form (keyboard).
    const add = el("fieldset", {class: "dl-widget__add"}, el("legend", {}, "Add a fruit (or click the picture)"));
    const r = el("input", {type: "number", min: 0, max: 1, step: 0.01, value: 0.5, id: DLW.id("r"), "data-control": "x1"});
    const d = el("input", {type: "number", min: 0, max: 1, step: 0.01, value: 0.5, id: DLW.id("d"), "data-control": "x2"});
    const kind = el("select", {id: DLW.id("kind"), "data-control": "target"},
                    el("option", {value: "1"}, "an apple (YES)"), el("option", {value: "0"}, "not an apple (NO)"));
    add.append(el("label", {for: r.id}, "roundness"), r, el("label", {for: d.id}, "redness"), d,
               el("label", {for: kind.id}, "it is"), kind);
    const round2 = (v) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
    const addFruit = (x1, x2) => {
      X.push([round2(x1), round2(x2)]);
      y.push(Number(kind.value));
      names.push(`your fruit ${X.length - config.X.length}`);
      draw();
    };
    button(add, {name: "add", label: "Add it", onClick: () => addFruit(Number(r.value), Number(d.value))});
    p.svg.addEventListener("click", (event) => {
      const [x1, x2] = p.invert(event);
      if (x1 >= 0 && x1 <= 1 && x2 >= 0 && x2 <= 1) addFruit(x1, x2);
    });

    // The numbers, with the formula filled in.
    const readout = el("div", {class: "dl-widget__readout"},
      el("p", {}, "w₁ = ", out("w1"), ", w₂ = ", out("w2"), ", b = ", out("b"), ": ",
         out("wrong", "dl-widget__strong"), " of ", out("count"), " fruits on the wrong side (circled)."));
    const stepText = el("p", {class: "dl-widget__formula"});
    readout.append(stepText);
    const announce = DLW.live(box);

    box.append(controls, buttons, readout, add);
    box.insertBefore(p.svg, readout);

    // One side of the line w₁x₁ + w₂x₂ + b = 0 within the square, as a polygon: YES is total ≥ 0, NO is total < 0.
    function side(yes) {
      const corners = [[0, 0], [1, 0], [1, 1], [0, 1]], poly = [];
      const inside = ([a, c]) => (a * w[0] + c * w[1] + b >= 0) === yes;
      const f = ([a, c]) => a * w[0] + c * w[1] + b;
      corners.forEach((P, k) => {
        const Q = corners[(k + 1) % 4];
        if (inside(P)) poly.push(P);
        if (inside(P) !== inside(Q)) { const t = f(P) / (f(P) - f(Q)); poly.push([P[0] + t * (Q[0] - P[0]), P[1] + t * (Q[1] - P[1])]); }
      });
      return poly.map(([a, c]) => `${p.sx(a)},${p.sy(c)}`).join(" ");
    }

    function draw() {
      for (const name of ["w1", "w2", "b"]) sliders[name].set(name === "b" ? b : w[Number(name[1]) - 1]);
      shade.replaceChildren(el("svg:polygon", {points: side(true), class: "dl-fill-positive"}),
                            el("svg:polygon", {points: side(false), class: "dl-fill-negative"}));
      const ends = lineEnds();
      if (ends.length === 2) {
        shade.append(el("svg:line", {x1: p.sx(ends[0][0]), y1: p.sy(ends[0][1]), x2: p.sx(ends[1][0]), y2: p.sy(ends[1][1]),
                                     class: "dl-perceptron__line"}));
      }
      let wrong = 0;
      dots.replaceChildren();
      X.forEach((x, i) => {
        const cx = p.sx(x[0]), cy = p.sy(x[1]), bad = answer(x) !== y[i];
        wrong += bad;
        dots.append(y[i] ? el("svg:circle", {cx, cy, r: 6, class: "dl-perceptron__apple"})
                         : el("svg:rect", {x: cx - 5.5, y: cy - 5.5, width: 11, height: 11, class: "dl-perceptron__other"}));
        if (bad) dots.append(el("svg:circle", {cx, cy, r: 11, class: "dl-perceptron__wrong"}));
      });
      const show = {w1: fmt(w[0]), w2: fmt(w[1]), b: fmt(b), wrong: String(wrong), count: String(X.length)};
      for (const [name, text] of Object.entries(show)) box.querySelector(`[data-out="${name}"]`).textContent = text;
      stepText.replaceChildren();
      if (last) {
        const L = last, yes = (v) => (v ? YES : NO);
        stepText.append("Last fruit: ", out("s-name"), " (", out("s-x1"), ", ", out("s-x2"), "). total = ",
          out("s-w1"), " × ", fmt(L.x[0]), " + ", fmt(L.w[1]), " × ", fmt(L.x[1]), " + (", fmt(L.b), ") = ",
          out("s-total", "dl-widget__strong"), " → ", out("s-answer"), "; right answer ", out("s-target"),
          ", error ", out("s-error"), L.error ? `, so w₁ ← ${fmt(L.w[0])} + ${fmt(config.lr, 2, {trim: true})} × (${fmt(L.error, 0, {sign: true})}) × ${fmt(L.x[0])} = ${fmt(w[0])}, and the same for w₂ and b.` : ": right, nothing changes.");
        const values = {"s-name": L.name, "s-x1": fmt(L.x[0]), "s-x2": fmt(L.x[1]), "s-w1": fmt(L.w[0]), "s-w2": fmt(L.w[1]),
                        "s-b": fmt(L.b), "s-total": fmt(L.total, 3), "s-answer": yes(L.answer), "s-target": yes(L.target),
                        "s-error": fmt(L.error, 0, {sign: true})};
        for (const [name, text] of Object.entries(values)) {
          const node = stepText.querySelector(`[data-out="${name}"]`);
          if (node) node.textContent = text;
          else stepText.append(el("span", {"data-out": name, hidden: true}, text));
        }
      }
      announce(`w1 ${show.w1}, w2 ${show.w2}, bias ${show.b}: ${wrong} of ${X.length} fruits wrong.`);
    }

    // Where the line w₁x₁ + w₂x₂ + b = 0 crosses the square's edges.
    function lineEnds() {
      const corners = [[0, 0], [1, 0], [1, 1], [0, 1]], ends = [];
      const f = ([a, c]) => a * w[0] + c * w[1] + b;
      corners.forEach((P, k) => {
        const Q = corners[(k + 1) % 4], fp = f(P), fq = f(Q);
        if ((fp >= 0) !== (fq >= 0)) { const t = fp / (fp - fq); ends.push([P[0] + t * (Q[0] - P[0]), P[1] + t * (Q[1] - P[1])]); }
      });
      return ends;
    }

    reset();
    draw();
  }

  if (window.DLW) DLW.register("perceptron", mount);
  else (window.DLW_PENDING = window.DLW_PENDING || []).push(["perceptron", mount]);
})();
