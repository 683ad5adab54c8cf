// Typeset every formula with KaTeX, on the first load and after each instant page swap.
document$.subscribe(({ body }) => {
  body.querySelectorAll(".arithmatex").forEach((element) =>
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true },
      ],
      throwOnError: false,
    }),
  );
});
