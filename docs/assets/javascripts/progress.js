// Reading progress, remembered by this browser only (localStorage: no account, nothing
// is sent anywhere). A chapter counts as read once the reader reaches its "Remember"
// section (or, on a page without one, its last block); the course map on the home page
// then marks the chapter with a check mark, and says "(read)" to screen readers.
// Runs when the page has loaded (Material's document$).
// Checked in tests/test_theme.py.
(() => {
  const KEY = "dl-read";

  const load = () => {
    try {
      return new Set(JSON.parse(localStorage.getItem(KEY)) || []);
    } catch {
      return new Set(); // storage blocked or spoiled: start afresh
    }
  };
  const save = (read) => {
    try {
      localStorage.setItem(KEY, JSON.stringify([...read]));
    } catch {
      // storage blocked: nothing is remembered, the page works the same
    }
  };

  let watcher = null;

  const watchChapter = (chapter) => {
    const goal = document.getElementById("remember") || chapter.closest("article").lastElementChild;
    watcher = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      const read = load();
      read.add(chapter.dataset.dlChapter);
      save(read);
      watcher.disconnect();
    });
    watcher.observe(goal);
  };

  const markMap = (map) => {
    const read = load();
    map.querySelectorAll("[data-dl-page]").forEach((stop) => {
      if (!read.has(stop.dataset.dlPage) || stop.classList.contains("dl-map__stop--read")) return;
      stop.classList.add("dl-map__stop--read");
      stop.querySelector("a").insertAdjacentHTML("beforeend",
        '<span class="dl-map__read"><span aria-hidden="true">✓</span><span class="dl-sr-only"> (read)</span></span>');
    });
  };

  document$.subscribe(() => {
    if (watcher) watcher.disconnect();
    const chapter = document.querySelector("[data-dl-chapter]");
    if (chapter) watchChapter(chapter);
    const map = document.querySelector("[data-dl-map]");
    if (map) markMap(map);
  });
})();
