// Plan editor for scenarios (/scenarier/ny). The server draws the maps,
// checks and evaluates; this script keeps the scenario the user builds
// (with undo), shows where each problem is, asks for the figures after
// each change (debounced; only the latest answer counts) and saves
// through the scenario API. The other levers' forms are in
// editor_rules.js. No framework: plain DOM.
(function () {
  "use strict";
  var root = document.getElementById("plan-editor");
  if (!root) { return; }
  var boot = JSON.parse(root.dataset.boot);
  var T = boot.texts;
  var canSave = root.dataset.canSave === "true";
  var csrf = root.dataset.csrf;
  var byId = function (id) { return document.getElementById(id); };

  // t fills %s and %d in a catalogue text, in order.
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1), i = 0;
    var s = T[key] === undefined ? key : T[key];
    return s.replace(/%[sd]/g, function () { return String(args[i++]); });
  }
  // h builds an element: h("button", {type: "button", onclick: f}, "text", child…).
  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) { return; }
      if (k.slice(0, 2) === "on") { el.addEventListener(k.slice(2), v); } else if (k === "text") { el.textContent = v; } else { el.setAttribute(k, v === true ? "" : v); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) { continue; }
      if (Array.isArray(c)) { c.forEach(function (x) { if (x) { el.appendChild(x); } }); } else { el.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    }
    return el;
  }

  var munis = {}, countyName = {};
  boot.municipalities.forEach(function (m) { munis[m.n] = m; });
  boot.counties.forEach(function (c) { countyName[c.n] = c.name; });
  function label(n) { var m = munis[n]; return m ? m.name + " (" + n + ")" : n; }

  // --- state and undo

  var sc = boot.scenario ? JSON.parse(JSON.stringify(boot.scenario)) : { name: "", structure: boot.structure, year: boot.year };
  sc.structure = boot.structure;
  sc.year = boot.year;
  if (!sc.mergers || sc.mergers.length === 0) { sc.mergers = [{ name: t("newgroup", 1), members: [], centre: "" }]; }
  var mode = boot.mode; // new, stored or example
  var active = 0;
  var undoStack = [];
  var problems = []; // the latest evaluation's, placed
  var lastOK = true;
  var dirty = false;

  function snapshot() { return JSON.stringify({ sc: sc, active: active }); }
  // change records the state for undo, applies f, and shows and
  // evaluates the result.
  function change(f) {
    undoStack.push(snapshot());
    if (undoStack.length > 50) { undoStack.shift(); }
    f();
    dirty = true;
    problems = [];
    render();
    evaluate();
  }
  function undo() {
    if (undoStack.length === 0) { return; }
    var s = JSON.parse(undoStack.pop());
    sc = s.sc; active = s.active;
    problems = [];
    render();
    evaluate();
    status(t("undone"));
  }

  // scenario is what is evaluated and saved: merger drafts with fewer
  // than two members are left out (mergerIndex maps the sent mergers
  // back), every centre is a member, and empty fields are dropped.
  var mergerIndex = [];
  function scenario() {
    var out = JSON.parse(JSON.stringify(sc));
    mergerIndex = [];
    out.mergers = [];
    sc.mergers.forEach(function (g, i) {
      if (g.members.length < 2) { return; }
      var m = { name: g.name || t("newgroup", i + 1), members: g.members.slice(), centre: g.members.indexOf(g.centre) >= 0 ? g.centre : g.members[0] };
      if (g.allow_non_contiguous) { m.allow_non_contiguous = true; }
      out.mergers.push(m);
      mergerIndex.push(i);
    });
    ["mergers", "splits", "cooperations", "differentiation", "mandated", "county_relief", "norms"].forEach(function (k) {
      if (out[k] && out[k].length === 0) { delete out[k]; }
    });
    if (mode !== "stored") { delete out.id; delete out.version; }
    delete out.created_at; delete out.updated_at;
    return out;
  }

  // --- map

  var mapFig = byId("plan-map");
  var nationalMap = mapFig.innerHTML;
  var countySel = byId("plan-county");
  boot.counties.forEach(function (c) { countySel.appendChild(h("option", { value: c.n, text: c.name + " (" + c.n + ")" })); });
  function groupOf(n) {
    for (var i = 0; i < sc.mergers.length; i++) { if (sc.mergers[i].members.indexOf(n) >= 0) { return i; } }
    return -1;
  }
  function markMap() {
    var svg = mapFig.querySelector("svg");
    if (!svg) { return; }
    var old = svg.querySelector(".plan-labels");
    if (old) { old.remove(); }
    var labels = document.createElementNS("http://www.w3.org/2000/svg", "g");
    labels.setAttribute("class", "plan-labels");
    labels.setAttribute("aria-hidden", "true");
    var box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal, k = box.width ? vb.width / box.width : 1;
    var biggest = {};
    mapFig.querySelectorAll("path[data-code]").forEach(function (p) {
      var code = p.getAttribute("data-code"), g = groupOf(code);
      for (var c = 0; c < 6; c++) { p.classList.remove("plan-g" + c); }
      p.classList.toggle("plan-selected", g >= 0);
      p.classList.toggle("plan-current", g === active);
      var a = p.closest("a");
      if (a) {
        a.setAttribute("aria-label", label(code) + (g >= 0 ? ", " + t("ingroup", groupName(g)) : ""));
        a.setAttribute("aria-pressed", g === active ? "true" : "false");
      }
      if (g < 0) { return; }
      p.classList.add("plan-g" + (g % 6));
      var r = p.getBoundingClientRect();
      if (r.width * r.height > (biggest[g] ? biggest[g].width * biggest[g].height : 0)) { biggest[g] = r; }
    });
    // One numbered label per merger, on its largest member.
    var NS = "http://www.w3.org/2000/svg";
    Object.keys(biggest).forEach(function (g) {
      var r = biggest[g];
      var x = (r.left + r.width / 2 - box.left) * k, y = (r.top + r.height / 2 - box.top) * k;
      var c0 = document.createElementNS(NS, "circle");
      c0.setAttribute("cx", x); c0.setAttribute("cy", y); c0.setAttribute("r", 9 * k);
      var tx = document.createElementNS(NS, "text");
      tx.setAttribute("x", x); tx.setAttribute("y", y + 4 * k); tx.setAttribute("font-size", 12 * k);
      tx.textContent = String(+g + 1);
      labels.appendChild(c0); labels.appendChild(tx);
    });
    svg.appendChild(labels);
  }
  // enlarge gives every municipality in a county view a target of at
  // least 28 × 28 pixels: a circle around the small ones, inside their link.
  function enlarge() {
    mapFig.querySelectorAll(".plan-hit").forEach(function (c) { c.remove(); });
    if (!countySel.value) { return; }
    mapFig.querySelectorAll("a path[data-code]").forEach(function (p) {
      var r = p.getBoundingClientRect(), b = p.getBBox();
      if (r.width >= 28 && r.height >= 28) { return; }
      var upp = r.width > 0 ? b.width / r.width : (r.height > 0 ? b.height / r.height : 0);
      if (!upp) { return; }
      var c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      c.setAttribute("class", "plan-hit");
      c.setAttribute("cx", b.x + b.width / 2); c.setAttribute("cy", b.y + b.height / 2); c.setAttribute("r", 15 * upp);
      p.parentNode.appendChild(c);
    });
  }
  function wireMap() {
    mapFig.querySelectorAll("a").forEach(function (a) {
      if (!a.querySelector("path[data-code]")) { return; }
      a.setAttribute("role", "button");
    });
    enlarge();
    markMap();
  }
  mapFig.addEventListener("click", function (e) {
    var a = e.target.closest("a");
    var p = a && a.querySelector("path[data-code]");
    if (!p) { return; }
    e.preventDefault();
    toggle(p.getAttribute("data-code"));
  });
  mapFig.addEventListener("keydown", function (e) {
    // role=button: Space works as Enter.
    if (e.key !== " ") { return; }
    var a = e.target.closest("a");
    if (a && a.querySelector("path[data-code]")) { e.preventDefault(); a.click(); }
  });
  var mapSeq = 0;
  countySel.addEventListener("change", function () {
    var c = countySel.value, seq = ++mapSeq;
    if (!c) { mapFig.innerHTML = nationalMap; wireMap(); renderResults(); return; }
    var codes = boot.municipalities.filter(function (m) { return m.county === c; }).map(function (m) { return m.n; });
    var width = Math.max(320, Math.min(900, Math.round(mapFig.clientWidth || 640)));
    byId("plan-map-status").textContent = t("maploading");
    fetch("/api/v1/maps/population.svg?structure=" + boot.structure + "&year=" + boot.year + "&lang=" + boot.lang + "&width=" + width + "&focus=" + codes.join(","))
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (svg) {
        if (seq !== mapSeq) { return; }
        mapFig.innerHTML = svg;
        byId("plan-map-status").textContent = t("mapshown", countyName[c]);
        wireMap();
      })
      .catch(function () { if (seq === mapSeq) { byId("plan-map-status").textContent = t("maperror"); } });
    renderResults();
  });
  var resizeTimer = 0;
  window.addEventListener("resize", function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(function () { enlarge(); markMap(); }, 200); });

  // toggle puts n in the active merger, or takes it out if it is there.
  function toggle(n) {
    var g = sc.mergers[active], was = groupOf(n);
    change(function () {
      if (was >= 0) { sc.mergers[was].members = sc.mergers[was].members.filter(function (m) { return m !== n; }); }
      if (was !== active) { g.members.push(n); }
      fixCentre(g);
      if (was >= 0 && was !== active) { fixCentre(sc.mergers[was]); }
    });
    status(was === active ? t("removed", label(n), groupName(active)) : t("added", label(n), groupName(active)));
  }
  function fixCentre(g) {
    if (g.members.indexOf(g.centre) < 0) { g.centre = g.members.length ? g.members[0] : ""; }
  }
  function groupName(i) { var g = sc.mergers[i]; return g ? "«" + (g.name || t("newgroup", i + 1)) + "»" : ""; }

  // --- the searchable list

  var search = byId("plan-search"), results = byId("plan-results"), count = byId("plan-results-count");
  var dl = byId("plan-muni-list");
  boot.municipalities.forEach(function (m) { dl.appendChild(h("option", { value: label(m.n) })); });
  function norm(s) { return s.toLocaleLowerCase(boot.lang === "en" ? "en" : "nb").trim(); }
  function renderResults() {
    var q = norm(search.value), c = countySel.value, list;
    if (q) {
      list = boot.municipalities.filter(function (m) { return m.n.indexOf(q) === 0 || norm(m.name).indexOf(q) >= 0; });
      list.sort(function (a, b) { return (norm(b.name).indexOf(q) === 0) - (norm(a.name).indexOf(q) === 0) || a.name.localeCompare(b.name, "nb"); });
    } else if (c) {
      list = boot.municipalities.filter(function (m) { return m.county === c; });
    } else {
      list = [];
    }
    results.innerHTML = "";
    var shown = list.slice(0, 40);
    count.textContent = !q && !c ? t("listhint") : list.length === 0 ? t("nomatch") : list.length > shown.length ? t("showing", shown.length, list.length) : list.length === 1 ? t("matches.one") : t("matches", list.length);
    shown.forEach(function (m) {
      var g = groupOf(m.n), act;
      if (g === active) { act = t("removefrom", groupName(active)); } else if (g >= 0) { act = t("moveto", groupName(active)); } else { act = t("addto", groupName(active)); }
      results.appendChild(h("li", { "class": g >= 0 ? "plan-result plan-in" : "plan-result" },
        h("span", { "class": "plan-result-name" }, g >= 0 ? h("span", { "class": "plan-swatch plan-g" + (g % 6), "aria-hidden": "true", text: String(g + 1) }) : null, h("strong", { text: m.name }), " (" + m.n + ")"),
        h("span", { "class": "plan-result-meta", text: (countyName[m.county] || "") + (g >= 0 ? " · " + t("ingroup", groupName(g)) : "") }),
        h("button", { type: "button", "class": "ds-button", "data-variant": g === active ? "secondary" : "primary", "data-size": "sm", "data-fk": "r" + m.n, "aria-label": act + ": " + m.name, onclick: function () { toggle(m.n); } }, act)));
    });
  }
  search.addEventListener("input", renderResults);

  // --- merger groups

  var groupsEl = byId("plan-groups");
  function problemsFor(section, i) {
    return problems.filter(function (p) { return p.section === section && p.index === i; });
  }
  function problemList(ps) {
    if (!ps.length) { return null; }
    return h("ul", { "class": "plan-problem-list" }, ps.map(function (p) {
      return h("li", { "class": p.warning ? "plan-warning" : "plan-error" }, h("strong", { text: (p.warning ? t("warning") : t("error")) + ": " }), p.text);
    }));
  }
  function renderGroups() {
    groupsEl.innerHTML = "";
    sc.mergers.forEach(function (g, i) {
      var isActive = i === active, id = "plan-g" + i;
      var sent = mergerIndex.indexOf(i);
      var ps = sent >= 0 ? problemsFor("mergers", sent) : [];
      var centre = h("select", { "class": "ds-input", id: id + "-centre", "data-fk": id + "-centre", onchange: function (e) { var v = e.target.value; change(function () { g.centre = v; }); } },
        g.members.map(function (n) { var o = h("option", { value: n, text: label(n) }); o.selected = n === g.centre; return o; }));
      var members = h("ul", { "class": "plan-members" }, g.members.map(function (n) {
        var move = h("select", { "class": "ds-input", "data-size": "sm", "aria-label": t("moveof", munis[n] ? munis[n].name : n), "data-fk": id + "-mv" + n, onchange: function (e) {
          var to = e.target.value;
          if (to === "") { return; }
          change(function () {
            g.members = g.members.filter(function (m) { return m !== n; }); fixCentre(g);
            if (to === "new") { sc.mergers.push({ name: t("newgroup", sc.mergers.length + 1), members: [n], centre: n }); active = sc.mergers.length - 1; return; }
            var dest = sc.mergers[+to]; dest.members.push(n); fixCentre(dest);
          });
        } }, h("option", { value: "", text: t("moveto.choose") }),
        sc.mergers.map(function (o, j) { return j === i ? null : h("option", { value: String(j), text: t("moveto.group", j + 1, o.name || t("newgroup", j + 1)) }); }),
        h("option", { value: "new", text: t("moveto.new") }));
        return h("li", null, h("span", { "class": "plan-member-name", text: label(n) }), move,
          h("button", { type: "button", "class": "ds-button", "data-variant": "tertiary", "data-size": "sm", "data-fk": id + "-rm" + n, "aria-label": t("removeof", munis[n] ? munis[n].name : n), onclick: function () {
            change(function () { g.members = g.members.filter(function (m) { return m !== n; }); fixCentre(g); });
          } }, t("remove")));
      }));
      groupsEl.appendChild(h("article", { "class": "plan-group" + (isActive ? " plan-group-active" : ""), "aria-labelledby": id + "-h", "data-group": String(i) },
        h("div", { "class": "plan-group-head" },
          h("span", { "class": "plan-swatch plan-g" + (i % 6), "aria-hidden": "true", text: String(i + 1) }),
          h("h3", { "class": "ds-heading", "data-size": "2xs", id: id + "-h", text: t("group", i + 1, g.name || t("newgroup", i + 1)) }),
          isActive ? h("span", { "class": "plan-active-tag", text: t("activegroup") }) :
            h("button", { type: "button", "class": "ds-button", "data-variant": "secondary", "data-size": "sm", "data-fk": id + "-act", onclick: function () { active = i; render(); status(t("nowactive", groupName(i))); } }, t("makeactive"))),
        h("div", { "class": "plan-group-fields" },
          h("div", { "class": "ds-field" }, h("label", { "class": "ds-label", "for": id + "-name", text: t("groupname") }),
            h("input", { "class": "ds-input", id: id + "-name", "data-fk": id + "-name", value: g.name, maxlength: "200", autocomplete: "off", onchange: function (e) { var v = e.target.value.trim(); change(function () { g.name = v; }); } })),
          g.members.length ? h("div", { "class": "ds-field" }, h("label", { "class": "ds-label", "for": id + "-centre", text: t("centre") }), centre) : null),
        g.members.length ? members : null,
        g.members.length < 2 ? h("p", { "class": "ds-paragraph plan-hint", text: t("needtwo") }) : null,
        h("label", { "class": "plan-check" }, h("input", { type: "checkbox", "data-fk": id + "-nc", checked: !!g.allow_non_contiguous, onchange: function (e) { var v = e.target.checked; change(function () { g.allow_non_contiguous = v; }); } }), " " + t("noncontiguous")),
        h("div", { "class": "plan-problems", "data-problems": "mergers:" + i }, problemList(ps)),
        h("button", { type: "button", "class": "ds-button", "data-variant": "tertiary", "data-size": "sm", "data-fk": id + "-del", onclick: function () {
          change(function () { sc.mergers.splice(i, 1); if (sc.mergers.length === 0) { sc.mergers.push({ name: t("newgroup", 1), members: [], centre: "" }); } active = Math.min(active, sc.mergers.length - 1); });
          status(t("deleted"));
        } }, t("deletegroup"))));
    });
  }
  byId("plan-new-group").addEventListener("click", function () {
    change(function () { sc.mergers.push({ name: t("newgroup", sc.mergers.length + 1), members: [], centre: "" }); active = sc.mergers.length - 1; });
    status(t("nowactive", groupName(active)));
  });

  // --- rendering, keeping the focus where it was

  var nameEl = byId("plan-name"), descEl = byId("plan-desc"), json = byId("plan-json"), undoBtn = byId("plan-undo");
  nameEl.addEventListener("change", function () { var v = nameEl.value.trim(); change(function () { sc.name = v; }); });
  nameEl.addEventListener("input", function () { if (nameEl.value.trim()) { nameEl.removeAttribute("aria-invalid"); } });
  descEl.addEventListener("change", function () { var v = descEl.value.trim(); change(function () { if (v) { sc.description = v; } else { delete sc.description; } }); });
  undoBtn.addEventListener("click", undo);
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key === "z" && !/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) { e.preventDefault(); undo(); }
  });
  var rulesCtx = { t: t, h: h, change: change, label: label, munis: munis, boot: boot, problemsFor: problemsFor, problemList: problemList, sc: function () { return sc; } };
  function render() {
    var fk = document.activeElement && document.activeElement.getAttribute && document.activeElement.getAttribute("data-fk");
    scenario(); // fills mergerIndex
    nameEl.value = sc.name || "";
    descEl.value = sc.description || "";
    undoBtn.disabled = undoStack.length === 0;
    undoBtn.textContent = undoStack.length ? t("undo.n", undoStack.length) : t("undo");
    renderGroups();
    renderResults();
    if (window.PlanRules) { window.PlanRules.render(byId("plan-rules"), rulesCtx); }
    if (window.PlanCounty) { window.PlanCounty.render(byId("plan-county-lever"), rulesCtx); }
    markMap();
    json.value = JSON.stringify(scenario(), null, 2);
    placeTopProblems();
    if (fk) {
      var el = root.querySelector('[data-fk="' + fk + '"]');
      if (el) { el.focus(); }
    }
  }
  function placeTopProblems() {
    var byName = problems.filter(function (p) { return p.section === "name"; });
    var known = ["name", "mergers", "cooperations", "differentiation", "mandated", "county_relief", "norms", "support", "county"];
    var other = problems.filter(function (p) { return known.indexOf(p.section) < 0 || (p.section === "mergers" && (p.index < 0 || p.index >= mergerIndex.length)); });
    var a = root.querySelector('[data-problems="name"]'), b = root.querySelector('[data-problems="scenario"]');
    a.innerHTML = ""; b.innerHTML = "";
    var la = problemList(byName), lb = problemList(other);
    if (la) { a.appendChild(la); }
    if (lb) { b.appendChild(lb); }
  }
  function status(s) { byId("plan-status").textContent = s; }

  // --- evaluation

  var outTable = byId("plan-outcome"), econ = byId("plan-economy");
  var evalSeq = 0, evalTimer = 0;
  function setFigures(f) {
    ["municipalities", "vulnerable", "median", "distance"].forEach(function (k) {
      outTable.querySelector('[data-metric="' + k + '"]').textContent = f ? f[k] : "–";
    });
  }
  function stale(why) {
    outTable.classList.add("plan-stale");
    econ.classList.add("plan-stale");
    outTable.setAttribute("aria-busy", "true");
    status(why);
  }
  function clearFigures(why) {
    setFigures(null);
    econ.innerHTML = "";
    outTable.classList.remove("plan-stale");
    econ.classList.remove("plan-stale");
    outTable.removeAttribute("aria-busy");
    status(why);
  }
  function evaluate() {
    var seq = ++evalSeq;
    stale(t("evaluating"));
    clearTimeout(evalTimer);
    evalTimer = setTimeout(function () { send(seq, false); }, 300);
  }
  function send(seq, retried) {
    fetch("/scenarier/ny/beregn?lang=" + boot.lang, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(scenario()) })
      .then(function (r) {
        if (seq !== evalSeq) { return; }
        if (r.status === 503) {
          var wait = Math.min(30, parseInt(r.headers.get("Retry-After"), 10) || 2);
          if (retried) { clearFigures(t("busy.again")); return; }
          stale(t("busy.wait", wait));
          setTimeout(function () { if (seq === evalSeq) { send(seq, true); } }, wait * 1000);
          return;
        }
        return r.json().then(function (b) {
          if (seq !== evalSeq) { return; }
          if (!r.ok) { clearFigures(b.error && b.error.message ? b.error.message : t("failed")); return; }
          show(b);
        });
      })
      .catch(function () { if (seq === evalSeq) { clearFigures(t("unreachable")); } });
  }
  function show(res) {
    problems = res.problems || [];
    lastOK = res.ok;
    render();
    if (!res.ok) {
      clearFigures(t("haserrors"));
      return;
    }
    setFigures(res.figures);
    outTable.classList.remove("plan-stale");
    outTable.removeAttribute("aria-busy");
    econ.classList.remove("plan-stale");
    renderEconomy(res.economy);
    renderSupport(res.support);
    status(problems.length ? t("updated.warnings") : t("updated"));
  }
  function renderEconomy(e) {
    econ.innerHTML = "";
    if (!e) { return; }
    econ.appendChild(h("h3", { "class": "ds-heading", "data-size": "2xs", text: e.caption }));
    e.rows.forEach(function (r) {
      var row = function (k, v) { return [h("dt", { text: t(k) }), h("dd", { "class": "num", text: v })]; };
      econ.appendChild(h("div", { "class": "plan-econ-group", "data-merger": r.name }, h("h4", { text: r.name }),
        h("dl", { "class": "plan-econ" }, row("econ.income", r.income), row("econ.comp", r.compensation), row("econ.first", r.first), row("econ.all", r.all_years))));
    });
    if (e.missing) { econ.appendChild(h("p", { "class": "ds-paragraph plan-econ-missing", id: "plan-econ-missing", text: e.missing })); }
    econ.appendChild(h("p", { "class": "ds-paragraph plan-hint" }, t("econ.source") + " ", h("a", { href: "/okonomi", text: t("econ.link") })));
  }

  // renderSupport shows the support schemes' cost per year and what each
  // municipality receives, below the economy (compare_support.go words it).
  function renderSupport(s) {
    if (!s) { return; }
    var box = h("div", { "class": "plan-support", id: "plan-support" }, h("h3", { "class": "ds-heading", "data-size": "2xs", text: t("sup") }));
    s.schemes.forEach(function (x) { box.appendChild(h("p", { "class": "ds-paragraph", text: x.text + " " + x.amounts + " " + x.criteria })); });
    var row = function (k, v) { return [h("dt", { text: k }), h("dd", { "class": "num", text: v })]; };
    box.appendChild(h("h4", { text: t("sup.cost") }));
    var flat = function (l) { return [].concat.apply([], l); };
    box.appendChild(h("dl", { "class": "plan-econ", id: "plan-support-years" }, flat(s.years.map(function (y) { return row(y[0], y[1]); })), row(t("sup.total"), s.total)));
    if (s.municipalities && s.municipalities.length) {
      box.appendChild(h("h4", { text: t("sup.munis") }));
      box.appendChild(h("dl", { "class": "plan-econ" }, flat(s.municipalities.map(function (m) { return row(m.name, m.first + " · " + m.period); }))));
    }
    if (s.unknown) { box.appendChild(h("p", { "class": "ds-paragraph", text: s.unknown })); }
    econ.appendChild(box);
  }

  // --- save, download

  var saveStatus = byId("plan-save-status");
  function slug(s) {
    var x = (s || "scenario").toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48);
    return x || "scenario";
  }
  function download() {
    var blob = new Blob([JSON.stringify(scenario(), null, 2) + "\n"], { type: "application/json" });
    var a = h("a", { href: URL.createObjectURL(blob), download: slug(sc.name) + ".json" });
    document.body.appendChild(a); a.click(); a.remove();
  }
  byId("plan-download").addEventListener("click", download);
  function saved(id) {
    return fetch("/api/v1/scenarios/" + encodeURIComponent(id), { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (s) {
      sc.id = s.id; sc.version = s.version; mode = "stored"; dirty = false;
      window.history.replaceState(null, "", "/scenarier/ny?id=" + encodeURIComponent(s.id));
      var q = "id=" + encodeURIComponent(s.id);
      saveStatus.innerHTML = "";
      saveStatus.className = "plan-save-status plan-ok";
      saveStatus.appendChild(h("p", { "class": "ds-paragraph" }, h("strong", { text: t("saved", s.name, s.version) })));
      saveStatus.appendChild(h("ul", { "class": "plan-links" },
        h("li", null, h("a", { href: "/scenarier/sammenlign?" + q, id: "plan-compare-link", text: t("link.compare") })),
        h("li", null, h("a", { href: "/scenarier/rapport?" + q, id: "plan-report-link", text: t("link.report") })),
        h("li", null, h("a", { href: "/scenarier/rapport?" + q + "&format=md", text: t("link.md") })),
        h("li", null, h("a", { href: "/scenarier/rapport?" + q + "&format=csv", text: t("link.csv") }))));
      json.value = JSON.stringify(scenario(), null, 2);
    });
  }
  function save(asCopy) {
    // A name typed but not yet committed (no change event) counts.
    if (nameEl.value.trim() !== (sc.name || "")) { sc.name = nameEl.value.trim(); }
    if (!sc.name) {
      nameEl.setAttribute("aria-invalid", "true");
      saveMessage(t("save.noname"), true);
      nameEl.focus();
      return;
    }
    if (!lastOK) { saveMessage(t("save.fixfirst"), true); return; }
    var body = scenario(), method = "POST", url = "/api/v1/scenarios";
    if (asCopy || mode !== "stored") {
      body.id = slug(body.name) + "-" + Math.random().toString(36).slice(2, 7);
      if (asCopy && mode === "stored") { body.name = t("copyname", body.name); }
      delete body.version;
    } else {
      method = "PUT"; url += "/" + encodeURIComponent(sc.id);
    }
    saveMessage(t("saving"), false);
    fetch(url, { method: method, headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) {
          if (asCopy) { sc.name = body.name; nameEl.value = sc.name; }
          return saved(body.id || sc.id);
        }
        if (r.status === 409 && method === "PUT") { conflict(); return; }
        saveMessage(r.status === 403 || r.status === 401 ? t("save.forbidden") : r.status === 400 ? t("save.invalid") : t("save.failed"), true);
      })
      .catch(function () { saveMessage(t("save.failed"), true); });
  }
  function saveMessage(s, bad) {
    saveStatus.innerHTML = "";
    saveStatus.className = "plan-save-status" + (bad ? " plan-bad" : "");
    saveStatus.appendChild(h("p", { "class": "ds-paragraph", text: s }));
  }
  function conflict() {
    saveStatus.innerHTML = "";
    saveStatus.className = "plan-save-status plan-bad";
    saveStatus.appendChild(h("div", { id: "plan-conflict" },
      h("p", { "class": "ds-paragraph" }, h("strong", { text: t("conflict") })),
      h("p", { "class": "ds-paragraph", text: t("conflict.kept") }),
      h("div", { "class": "plan-toolbar" },
        h("button", { type: "button", "class": "ds-button", "data-variant": "primary", id: "plan-conflict-copy", onclick: function () { save(true); } }, t("savecopy")),
        h("button", { type: "button", "class": "ds-button", "data-variant": "secondary", onclick: download }, t("download")),
        h("a", { "class": "ds-button", "data-variant": "tertiary", href: "/scenarier/ny?id=" + encodeURIComponent(sc.id), id: "plan-conflict-reload" }, t("conflict.reload")))));
  }
  if (canSave) {
    byId("plan-save").addEventListener("click", function () { save(false); });
    byId("plan-save-copy").addEventListener("click", function () { save(true); });
  }

  wireMap();
  render();
  if (boot.scenario) { evaluate(); } else { status(t("ready")); }
  // An opened scenario shows the county of its first merger, where its
  // members are large enough to see and click.
  var first = sc.mergers[active] && sc.mergers[active].members[0];
  if (first && munis[first]) { countySel.value = munis[first].county; countySel.dispatchEvent(new Event("change")); }
})();
