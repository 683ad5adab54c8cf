// Animations play only while on screen, and only when the reader has not asked
// for reduced motion. The button under each clip pauses and plays it (WCAG 2.2.2).
document$.subscribe(() => {
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  document.querySelectorAll("figure.dl-anim").forEach((figure) => {
    const video = figure.querySelector("video");
    const button = figure.querySelector(".dl-anim__toggle");
    let pausedByReader = reduceMotion;
    const showState = () => {
      button.textContent = video.paused ? "Play" : "Pause";
      button.setAttribute("aria-pressed", String(video.paused));
      button.setAttribute("aria-label", (video.paused ? "Play" : "Pause") + " the animation");
    };
    button.addEventListener("click", () => {
      pausedByReader = !video.paused;
      if (video.paused) video.play().catch(() => {});
      else video.pause();
    });
    video.addEventListener("play", showState);
    video.addEventListener("pause", showState);
    new IntersectionObserver(([entry]) => {
      if (entry.isIntersecting && !pausedByReader) video.play().catch(() => {});
      else video.pause();
    }, { threshold: 0.4 }).observe(video);
    showState();
  });
});
