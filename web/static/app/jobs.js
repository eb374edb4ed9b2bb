// The job page (/jobber/{id}) without JavaScript shows the state when it
// was loaded and a link to load it again; with it, the progress follows
// the job (GET /api/v1/jobs/{id} every second) and the page reloads when
// the job ends, to show its result.
(function () {
  "use strict";
  var el = document.getElementById("job");
  if (!el || el.dataset.over === "true") return;
  var bar = document.getElementById("job-progress");
  var pct = document.getElementById("job-percent");
  var nb = document.documentElement.lang !== "en";
  function percent(x) {
    var s = String(Math.round(100 * x));
    return nb ? s + "\u00a0%" : s + "%";
  }
  function poll() {
    fetch(el.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (!j) return;
        if (j.state === "done" || j.state === "failed" || j.state === "cancelled") {
          window.location.reload();
          return;
        }
        bar.value = Math.round(1000 * j.progress);
        bar.textContent = percent(j.progress);
        pct.textContent = percent(j.progress);
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
