// Two small page behaviours, when the page has loaded (Material's document$).

// 1. A formula wider than the page scrolls sideways inside its box. Readers who use a
//    keyboard must be able to scroll it too, so such a box can take focus (Tab, then the
//    arrow keys). Narrow formulas stay out of the Tab order. Code blocks too: Material
//    does the same for a code block only once it has been on screen (content.lazy in
//    mkdocs.yml), so the ones near the screen are made ready here first. A box is
//    measured when it comes near the screen: measuring makes the browser lay the formula
//    out, which site.css otherwise saves until it is needed.
//    Checked by axe (scrollable-region-focusable) in tests/test_accessibility.py.
const measure = (box) => {
  if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
  else box.removeAttribute("tabindex");
};
const nearby = new IntersectionObserver(
  (entries) => entries.forEach(({ target, isIntersecting }) => isIntersecting && measure(target)),
  { rootMargin: "50% 0px" },
);
// Wide formulas, wide tables, code blocks and notebook code cells can all scroll sideways.
const SCROLLERS = "div.arithmatex, .md-typeset__scrollwrap, .md-typeset pre > code, .jupyter-wrapper .highlight-ipynb";
const watchFormulas = () => {
  nearby.disconnect();
  document.querySelectorAll(SCROLLERS).forEach((box) => nearby.observe(box));
};
let resized;
window.addEventListener("resize", () => {
  clearTimeout(resized);
  resized = setTimeout(watchFormulas, 300);
});

document$.subscribe(() => {
  watchFormulas();

  // 2. site.css lets the browser skip text far off screen until it is needed
  //    (content-visibility), so the blocks above a section are only measured once the page
  //    has jumped there. Jump once more when they have been, so a link to a section
  //    (#the-math-corner) lands exactly on its heading. Checked in tests/test_browser.py.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) {
    requestAnimationFrame(() => requestAnimationFrame(() => target.scrollIntoView()));
  }
});
