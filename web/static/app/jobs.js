// The job page (/jobber/{id}) without JavaScript shows the state when it
// was loaded and a link to load it again; with it, the page follows the
// job: every second it reads the page again and takes over its state,
// progress and notes, so that the state and the progress always come from
// the same reading, in words and numbers the server wrote (the page is
// often opened while the job is still queued, and then must say when it
// runs). When the job ends, the page reloads to show its result.
(function () {
  "use strict";
  var el = document.getElementById("job");
  if (!el || el.dataset.over === "true") return;
  var bar = document.getElementById("job-progress");
  // take copies the text of the element id of the new page.
  function take(doc, id) {
    var from = doc.getElementById(id), to = document.getElementById(id);
    if (from && to && to.textContent !== from.textContent) to.textContent = from.textContent;
  }
  function poll() {
    fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { setTimeout(poll, 5000); return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var job = doc.getElementById("job");
        if (!job) { setTimeout(poll, 5000); return; }
        if (job.dataset.over === "true") {
          window.location.reload();
          return;
        }
        var nbar = doc.getElementById("job-progress");
        if (nbar) {
          bar.value = nbar.value;
          bar.textContent = nbar.textContent;
        }
        take(doc, "job-state-text");
        take(doc, "job-percent");
        take(doc, "job-step-count");
        var note = doc.getElementById("job-note"), mine = document.getElementById("job-note");
        if (note && mine && note.innerHTML !== mine.innerHTML) mine.innerHTML = note.innerHTML;
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
