// Plan editor for scenarios (/scenarier/ny). The server draws the map and
// evaluates; this script only keeps the groups the user clicks together and
// asks the server for the outcome after each change. Without JavaScript
// the page still shows the map and the JSON form.
(function () {
  "use strict";
  var root = document.getElementById("plan-editor");
  if (!root) { return; }
  var structure = parseInt(root.dataset.structure, 10);
  var year = parseInt(root.dataset.year, 10);
  var groups = [{ name: "Ny kommune 1", members: [] }];
  var current = 0;
  var status = document.getElementById("plan-status");
  var out = document.getElementById("plan-outcome");
  var list = document.getElementById("plan-groups");
  var json = document.getElementById("plan-json");

  function scenario() {
    var mergers = groups.filter(function (g) { return g.members.length >= 2; }).map(function (g) {
      return { name: g.name, members: g.members.slice().sort(), centre: g.members.slice().sort()[0] };
    });
    return { name: document.getElementById("plan-name").value || "Nytt scenario", structure: structure, year: year, mergers: mergers };
  }

  function mark() {
    var inGroup = {};
    groups.forEach(function (g, i) { g.members.forEach(function (m) { inGroup[m] = i; }); });
    root.querySelectorAll("path[data-code]").forEach(function (p) {
      var i = inGroup[p.getAttribute("data-code")];
      p.classList.toggle("plan-selected", i !== undefined);
      p.classList.toggle("plan-current", i === current);
    });
    list.innerHTML = "";
    groups.forEach(function (g, i) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "ds-button";
      b.setAttribute("data-variant", i === current ? "primary" : "secondary");
      b.setAttribute("aria-pressed", i === current ? "true" : "false");
      b.textContent = g.name + " (" + g.members.length + "): " + g.members.join(", ");
      b.addEventListener("click", function () { current = i; mark(); });
      li.appendChild(b);
      list.appendChild(li);
    });
    json.value = JSON.stringify(scenario(), null, 2);
  }

  function evaluate() {
    status.textContent = "Beregner …";
    fetch("/api/v1/evaluate", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(scenario()) })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (!res.ok) {
          status.textContent = res.body.error ? res.body.error.message : "Feil";
          return;
        }
        var o = res.body;
        status.textContent = "Oppdatert.";
        out.querySelector("[data-metric=municipalities]").textContent = o.municipalities;
        out.querySelector("[data-metric=vulnerable]").textContent = o.vulnerable;
        out.querySelector("[data-metric=median]").textContent = Math.round(o.stats.median);
        out.querySelector("[data-metric=distance]").textContent = o.mean_distance_km === null ? "ingen data" : o.mean_distance_km.toFixed(1);
      })
      .catch(function () { status.textContent = "Kunne ikke nå tjeneren."; });
  }

  function toggle(code) {
    var g = groups[current];
    groups.forEach(function (other, i) {
      if (i !== current) { other.members = other.members.filter(function (m) { return m !== code; }); }
    });
    var at = g.members.indexOf(code);
    if (at >= 0) { g.members.splice(at, 1); } else { g.members.push(code); }
    mark();
    evaluate();
  }

  root.querySelectorAll("a").forEach(function (a) {
    var p = a.querySelector("path[data-code]");
    if (!p) { return; }
    a.addEventListener("click", function (e) {
      e.preventDefault();
      toggle(p.getAttribute("data-code"));
    });
  });
  document.getElementById("plan-new-group").addEventListener("click", function () {
    groups.push({ name: "Ny kommune " + (groups.length + 1), members: [] });
    current = groups.length - 1;
    mark();
  });
  mark();
})();
