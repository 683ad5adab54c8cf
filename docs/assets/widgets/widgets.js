/* The widgets' shared machinery: mounting, number formatting, a tiny SVG helper, controls.

   scripts/hooks/widgets.py turns each <div class="dl-widget" data-widget="NAME"> of a page
   into a mount point carrying its settings from site_src (data-config, JSON) and adds this
   script and NAME.js to the page. NAME.js calls DLW.register(NAME, mount); mount(box, config)
   runs once per mount point, now and after every instant navigation (Material's document$).
   Every number a widget shows goes through DLW.fmt, which writes it exactly as
   scripts/style/numbers.py's fmt does, so the browser test can compare it with site_src. */
(function () {
  "use strict";
  if (window.DLW) return; // instant navigation runs this script again

  const registry = {};

  function mountAll() {
    for (const box of document.querySelectorAll(".dl-widget[data-widget]:not([data-mounted])")) {
      const mount = registry[box.dataset.widget];
      if (!mount) continue;
      box.setAttribute("data-mounted", "");
      const config = JSON.parse(box.dataset.config || "{}");
      box.replaceChildren(...box.querySelectorAll(":scope > p")); // keep the intro sentence
      mount(box, config);
    }
  }

  function register(name, mount) {
    registry[name] = mount;
    mountAll();
  }

  // ------------------------------------------------------------ numbers, as numbers.py fmt

  // Python's f"{x:.{digits}f}": the exact value rounded, a tie to the even digit.
  // JavaScript's toFixed rounds the exact value too, but a tie away from zero.
  function fixed(x, digits) {
    if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    let text = x.toFixed(digits);
    const exact = Math.abs(x).toFixed(Math.min(100, digits + 60));
    const point = exact.indexOf(".");
    if (/^50*$/.test(exact.slice(point + 1 + digits))) {
      const kept = exact.slice(0, point + 1 + digits).replace(/\.$/, "");
      if (Number(kept[kept.length - 1]) % 2 === 0) text = (x < 0 ? "-" : "") + kept;
    }
    return text;
  }

  const SUPERSCRIPTS = {"-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹"};

  function fmt(x, digits = 2, {sign = false, trim = false, sciBelow = null} = {}) {
    if (sciBelow !== null && x !== 0 && Math.abs(x) < sciBelow) {
      const [mantissa, exponent] = x.toExponential(1).split("e");
      const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPTS[c]);
      return `${mantissa} × 10${power}`.replace(/-/g, "−");
    }
    let text = fixed(x, digits);
    if (sign && !text.startsWith("-")) text = "+" + text;
    if (trim && text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
    if (text.replace(/^[+-]+/, "").replace(/^[0.]+|[0.]+$/g, "") === "") text = trim ? "0" : fixed(0, digits);
    return text.replace(/-/g, "−");
  }

  // ------------------------------------------------------------ elements

  const SVG = "http://www.w3.org/2000/svg";

  // el("button", {type: "button", class: "md-button"}, "Learn") or el("svg:line", {...})
  function el(tag, attrs = {}, ...children) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  }

  // A plot: data coordinates [x0, x1] × [y0, y1] drawn into a width × height viewBox.
  function plot(parent, {width, height, x, y, pad = 28, label}) {
    const svg = el("svg:svg", {viewBox: `0 0 ${width} ${height}`, class: "dl-widget__plot", role: "img", "aria-label": label,
                                "data-frame": JSON.stringify({x, y, pad})}); // where the tests click
    parent.append(svg);
    const sx = (v) => pad + ((v - x[0]) / (x[1] - x[0])) * (width - 2 * pad);
    const sy = (v) => height - pad - ((v - y[0]) / (y[1] - y[0])) * (height - 2 * pad);
    const invert = (event) => {
      const box = svg.getBoundingClientRect();
      const px = ((event.clientX - box.left) / box.width) * width, py = ((event.clientY - box.top) / box.height) * height;
      return [x[0] + ((px - pad) / (width - 2 * pad)) * (x[1] - x[0]), y[0] + ((height - pad - py) / (height - 2 * pad)) * (y[1] - y[0])];
    };
    const layer = (cls) => svg.appendChild(el("svg:g", {class: cls}));
    return {svg, sx, sy, invert, layer, width, height, pad};
  }

  let uid = 0;
  const id = (stem) => `dlw-${stem}-${++uid}`;

  // A labelled native range slider with its number shown beside it (data-out = name).
  function slider(parent, {name, label, min, max, step, value, show, onInput}) {
    const inputId = id(name);
    const out = el("output", {for: inputId});
    const input = el("input", {type: "range", id: inputId, min, max, step, value, "data-control": name});
    input.addEventListener("input", () => onInput(Number(input.value)));
    parent.append(el("div", {class: "dl-widget__slider"}, el("label", {for: inputId}, label), input, out));
    return {input, set(v) { input.value = v; out.textContent = show(v); input.setAttribute("aria-valuetext", show(v)); }};
  }

  function button(parent, {name, label, onClick}) {
    const b = el("button", {type: "button", class: "md-button dl-widget__button", "data-control": name, onclick: onClick}, label);
    parent.append(b);
    return b;
  }

  // A polite live region: the widget's current numbers, read out after a change settles.
  function live(parent) {
    const region = el("p", {class: "dl-widget__live", "aria-live": "polite", "data-out": "live"});
    parent.append(region);
    let timer;
    return (text) => {
      clearTimeout(timer);
      timer = setTimeout(() => { region.textContent = text; }, 250);
    };
  }

  // Where the widget writes one shown number: <span data-out="name">.
  const out = (name, cls) => el("span", {"data-out": name, class: cls});

  const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  window.DLW = {register, mountAll, fmt, el, plot, slider, button, live, out, id, reducedMotion};
  for (const [name, mount] of window.DLW_PENDING || []) register(name, mount);
  if (window.document$) window.document$.subscribe(mountAll);
  else document.addEventListener("DOMContentLoaded", mountAll);
})();
