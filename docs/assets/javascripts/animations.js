// The clip player (built by scripts/hooks/videos.py). The captions are not drawn over the
// frame, where the clips put their conclusion: the current cue is shown as text under the
// video, and the reader can pause, replay, and step to the previous or next cue (one cue is
// one step). Clips play only while on screen, and never by themselves when the reader has
// asked for reduced motion (WCAG 2.2.2).

// A cue's text as a reader sees it: tags and entities resolved, line breaks as spaces.
const cueText = (cue) => cue.getCueAsHTML().textContent.replace(/\s+/g, " ").trim();

function mountPlayer(figure, reduceMotion) {
  const video = figure.querySelector("video");
  const track = video.querySelector("track[kind=captions]");
  const cueBox = figure.querySelector(".dl-anim__cue");
  const controls = figure.querySelector(".dl-anim__controls");
  const button = (name) => figure.querySelector(`.dl-anim__${name}`);
  const toggle = button("toggle");
  const [previous, next] = [button("previous"), button("next")];
  let cues = [];
  // A clip pauses when it leaves the screen and plays again when it comes back, unless it
  // was paused while on screen: then the reader paused it (our button, the keyboard's media
  // key, ...) and it waits for them.
  let onScreen = false;
  let pausedByReader = reduceMotion;

  // Our controls replace the browser's; the captions stay loaded (cuechange still fires)
  // but "hidden" means the browser draws nothing over the frame.
  video.controls = false;
  if (track) track.track.mode = "hidden";
  cueBox.hidden = false;
  controls.hidden = false;

  const showState = () => {
    const label = video.paused ? "Play" : "Pause";
    toggle.textContent = label;
    toggle.setAttribute("aria-label", `${label} the animation`);
  };
  // The button's label follows at once (video.paused changes at the call; the play and
  // pause events come a moment later, and also catch changes made from elsewhere).
  const play = () => {
    video.play().catch(() => {});
    showState();
  };
  const pause = () => {
    video.pause();
    showState();
  };

  // The step the reader is on: the last cue that has started (between two cues the last
  // one stays in the box, so it does not flicker). -1 when there is no cue yet.
  // A millisecond of slack: a seek may land a hair before the time asked for.
  const started = (cue, time) => cue.startTime <= time + 0.001;
  const stepAt = (time) => {
    let step = cues.length ? 0 : -1;
    cues.forEach((cue, index) => {
      if (started(cue, time)) step = index;
    });
    return step;
  };

  let shown = null;
  const showCue = () => {
    const time = video.currentTime;
    const step = stepAt(time);
    const cue = cues[step];
    const live = Boolean(cue) && started(cue, time) && time < cue.endTime;
    cueBox.classList.toggle("dl-anim__cue--live", live);
    previous.setAttribute("aria-disabled", String(step <= 0));
    next.setAttribute("aria-disabled", String(step < 0 || step >= cues.length - 1));
    if (step === shown) return;  // rewriting the same text would make screen readers repeat it
    shown = step;
    cueBox.querySelector(".dl-anim__step").textContent = cue ? `Step ${step + 1} of ${cues.length}` : "";
    cueBox.querySelector(".dl-anim__text").textContent = cue ? cueText(cue) : "";
  };

  const goTo = (step) => {
    if (step < 0 || step >= cues.length) return;
    // Seeking keeps a playing clip playing and a paused one paused.
    video.currentTime = cues[step].startTime;
    showCue();
  };
  const stepBy = (delta) => goTo(stepAt(video.currentTime) + delta);

  // The cue list, available before playback: a hidden track still loads its cues.
  const loadCues = () => {
    cues = track && track.track.cues ? [...track.track.cues] : [];
    // Invisible copies of every cue, stacked in one place, give the box the height of the
    // longest cue, so the page below does not jump from cue to cue.
    cueBox.querySelectorAll(".dl-anim__sizer").forEach((sizer) => sizer.remove());
    cues.forEach((cue) => {
      const sizer = document.createElement("span");
      sizer.className = "dl-anim__sizer";
      sizer.setAttribute("aria-hidden", "true");
      sizer.textContent = cueText(cue);
      cueBox.append(sizer);
    });
    shown = null;
    showCue();
  };
  if (track) {
    if (track.readyState === 2) loadCues();
    track.addEventListener("load", loadCues);
    track.track.addEventListener("cuechange", showCue);
  }
  ["timeupdate", "seeked", "loadedmetadata"].forEach((type) => video.addEventListener(type, showCue));

  video.addEventListener("play", () => {
    pausedByReader = false;
    showState();
  });
  video.addEventListener("pause", () => {
    if (onScreen) pausedByReader = true;
    showState();
  });

  toggle.addEventListener("click", () => (video.paused ? play() : pause()));
  video.addEventListener("click", () => toggle.click());
  button("replay").addEventListener("click", () => {
    video.currentTime = 0;
    play();
  });
  previous.addEventListener("click", () => stepBy(-1));
  next.addEventListener("click", () => stepBy(+1));
  controls.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const delta = { ArrowLeft: -1, ArrowRight: +1 }[event.key];
    if (!delta) return;
    event.preventDefault();
    stepBy(delta);
  });

  new IntersectionObserver(([entry]) => {
    onScreen = entry.isIntersecting;
    if (onScreen && !pausedByReader) play();
    else if (!onScreen) pause();
  }, { threshold: 0.4 }).observe(video);
  showState();
}

// Last, once everything above is defined: document$ may call back at once (it replays the
// page already shown when this script runs after Material's, see overrides/main.html).
document$.subscribe(() => {
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  document.querySelectorAll("figure.dl-anim:not([data-player])").forEach((figure) => {
    figure.dataset.player = "ready";
    mountPlayer(figure, reduceMotion);
  });
});
