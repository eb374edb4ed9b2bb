// The scenario comparison: its maps are heavy, so they load when the
// reader opens them (without JavaScript, the link beside them opens the
// same maps on a page of their own).
(function () {
  "use strict";
  var box = document.getElementById("cmp-maps");
  if (!box) { return; }
  var loaded = false;
  box.addEventListener("toggle", function () {
    if (!box.open || loaded) { return; }
    loaded = true;
    var body = box.querySelector(".cmp-maps-body");
    fetch(box.dataset.src, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.text();
    }).then(function (html) {
      body.innerHTML = html;
    }).catch(function () {
      loaded = false;
      body.textContent = box.dataset.failed;
    });
  });
})();
