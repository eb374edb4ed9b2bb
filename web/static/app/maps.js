// Focus on a map's municipality: draws a black ring on a white one over
// the whole map, so that no neighbouring area covers half of it (an SVG
// has no z-order but document order). See maps.css.
(function () {
  "use strict";
  if (window.geomapFocus) return;
  window.geomapFocus = true;
  var NS = "http://www.w3.org/2000/svg";
  function clear(svg) {
    var old = svg.querySelector(".geomap-focus");
    if (old) old.parentNode.removeChild(old);
  }
  document.addEventListener("focusin", function (e) {
    var a = e.target;
    if (!a || !a.closest) return;
    var svg = a.closest("svg.geomap");
    if (!svg || svg.closest(".plan-map")) return; // the plan editor draws its own
    clear(svg);
    var area = a.querySelector && a.querySelector("path.geomap-area");
    var layer = svg.querySelector(".geomap-map");
    if (!area || !layer) return;
    var g = document.createElementNS(NS, "g");
    g.setAttribute("class", "geomap-focus");
    g.setAttribute("aria-hidden", "true");
    ["geomap-focus-outer", "geomap-focus-inner"].forEach(function (cls) {
      var p = document.createElementNS(NS, "path");
      p.setAttribute("class", cls);
      p.setAttribute("d", area.getAttribute("d"));
      g.appendChild(p);
    });
    layer.appendChild(g);
  });
  document.addEventListener("focusout", function (e) {
    var svg = e.target && e.target.closest && e.target.closest("svg.geomap");
    if (svg) clear(svg);
  });
})();
