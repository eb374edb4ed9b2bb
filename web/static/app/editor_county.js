// The plan editor's county section: keep, strengthen (county relief,
// in editor_rules.js) or abolish the county authority, or move some of
// its tasks; a receiver for each task of the county task catalogue; and
// the regions of municipalities, copied from a saved scenario whose host
// cooperations form regions (editor_county.go lists them).
// editor.js calls PlanCounty.render(container, ctx) after every change.
(function () {
  "use strict";
  var ctx, t, h;
  var opened = false;
  var receivers = ["staten", "kommunene", "regioner"];

  function fk(el, key) { el.setAttribute("data-fk", key); return el; }
  function tasks() { return ctx.boot.county_tasks || []; }
  function movable() { return tasks().filter(function (x) { return !x.ends; }); }
  function mode(sc) {
    if (sc.county) { return sc.county.abolish ? "abolish" : "move"; }
    return sc.county_relief && sc.county_relief.length ? "strengthen" : "keep";
  }
  // receiverOf is the task's receiver: its move, else others, else ""
  // (the county keeps it).
  function receiverOf(c, id) {
    var m = (c.moves || []).filter(function (x) { return x.task === id; })[0];
    return m ? m.to : (c.others || "");
  }
  // explicit writes others out as one move per task, so that each task
  // shows, and keeps, its own receiver.
  function explicit(c) {
    c.moves = c.moves || [];
    if (c.others) {
      var o = c.others;
      movable().forEach(function (x) { if (!c.moves.some(function (m) { return m.task === x.id; })) { c.moves.push({ task: x.id, to: o }); } });
      delete c.others;
    }
    var order = {};
    tasks().forEach(function (x, i) { order[x.id] = i; });
    c.moves.sort(function (a, b) { return (a.task in order ? order[a.task] : 1e6) - (b.task in order ? order[b.task] : 1e6); });
  }
  function setReceiver(c, id, to) {
    explicit(c);
    c.moves = c.moves.filter(function (m) { return m.task !== id; });
    if (to) { c.moves.push({ task: id, to: to }); }
    explicit(c);
  }
  function setMode(sc, m) {
    var c = sc.county;
    if (m === "keep" || m === "strengthen") {
      delete sc.county;
      if (m === "keep") { delete sc.county_relief; }
      if (m === "strengthen" && !(sc.county_relief && sc.county_relief.length)) {
        var first = ctx.boot.tasks[0];
        sc.county_relief = [{ task: first ? first.id : "" }];
      }
      return;
    }
    c = c || { moves: [] };
    explicit(c);
    if (m === "abolish") {
      c.abolish = true;
      // The starting point, shown beside every task: the state.
      movable().forEach(function (x) { if (!receiverOf(c, x.id)) { c.moves.push({ task: x.id, to: "staten" }); } });
      explicit(c);
    } else {
      delete c.abolish;
    }
    delete sc.county_relief; // the radio buttons choose one way
    sc.county = c;
  }
  function regionKey(rs) {
    return (rs || []).map(function (r) { return (r.members || []).slice().sort().join(","); }).sort().join(";");
  }

  function modeField(sc) {
    var cur = mode(sc);
    return h("fieldset", { "class": "plan-inline plan-county-mode" }, h("legend", { text: t("county.mode") }),
      ["keep", "strengthen", "move", "abolish"].map(function (m) {
        return h("label", { "class": "plan-check" }, fk(h("input", { type: "radio", name: "plan-county-mode", id: "plan-county-mode-" + m, value: m, checked: cur === m, onchange: function () {
          ctx.change(function () { setMode(ctx.sc(), m); });
        } }), "plan-county-mode-" + m), " " + t("county." + m));
      }));
  }
  function receiverSelect(id, value, withStays, set, label) {
    var opts = (withStays ? [""] : []).concat(receivers);
    if (value && opts.indexOf(value) < 0) { opts.push(value); } // a receiver from a file; the validation words it
    return fk(h("select", { "class": "ds-input", id: id, "aria-label": label, onchange: function (e) { var v = e.target.value; ctx.change(function () { set(v); }); } },
      opts.map(function (r) {
        var o = h("option", { value: r, text: r === "" ? t("county.stays") : (receivers.indexOf(r) >= 0 ? t("county.to." + r) : r) });
        o.selected = r === value; return o;
      })), id);
  }
  function taskFields(sc) {
    var c = sc.county, abolish = !!c.abolish;
    var all = fk(h("select", { "class": "ds-input", id: "plan-county-all", onchange: function (e) {
      var v = e.target.value;
      if (v === "-") { return; }
      ctx.change(function () { movable().forEach(function (x) { setReceiver(c, x.id, v); }); });
    } }, h("option", { value: "-", text: t("county.all.choose") }), (abolish ? [] : [""]).concat(receivers).map(function (r) {
      return h("option", { value: r, text: r === "" ? t("county.stays") : t("county.to." + r) });
    })), "plan-county-all");
    var known = {};
    tasks().forEach(function (x) { known[x.id] = true; });
    var unknown = (c.moves || []).filter(function (m) { return !known[m.task]; });
    // The democratic bodies end with the county unless a move names them
    // (others does not reach them).
    var ends = tasks().filter(function (x) { return x.ends && !(c.moves || []).some(function (m) { return m.task === x.id; }); });
    return h("fieldset", { "class": "plan-county-tasks" }, h("legend", { text: t("county.tasks") }),
      h("p", { "class": "ds-paragraph plan-hint", text: abolish ? t("county.default") : t("county.movehint") }),
      h("div", { "class": "ds-field plan-county-all" }, h("label", { "class": "ds-label", "for": "plan-county-all", text: t("county.all") }), all),
      h("ul", { "class": "plan-county-list" }, movable().concat(tasks().filter(function (x) { return x.ends && ends.indexOf(x) < 0; }), unknown.map(function (m) { return { id: m.task, name: m.task }; })).map(function (x) {
        var id = "plan-county-task-" + x.id;
        return h("li", { "class": "plan-county-task" },
          h("label", { "class": "ds-label", "for": id }, x.name, x.unverified ? h("span", { "class": "plan-hint plan-county-unverified", text: " (" + t("county.unverified") + ")" }) : null),
          receiverSelect(id, receiverOf(c, x.id), !abolish, function (v) { setReceiver(c, x.id, v); }, x.name));
      })),
      abolish && ends.length ? h("p", { "class": "ds-paragraph", id: "plan-county-ends", text: t("county.ends", ends.map(function (x) { return x.name; }).join(", ")) }) : null);
  }
  function regionFields(sc) {
    var c = sc.county, rs = c.regions || [];
    var toRegions = (c.moves || []).some(function (m) { return m.to === "regioner"; }) || c.others === "regioner";
    if (!toRegions && !rs.length) { return null; }
    var sources = ctx.boot.region_sources || [], key = regionKey(rs), cur = "";
    sources.forEach(function (s) { if (!cur && rs.length && regionKey(s.regions) === key) { cur = s.id; } });
    if (rs.length && !cur) { cur = "-own"; }
    var sel = fk(h("select", { "class": "ds-input", id: "plan-county-regions", onchange: function (e) {
      var v = e.target.value;
      if (v === "-own") { return; }
      var src = sources.filter(function (s) { return s.id === v; })[0];
      ctx.change(function () { if (src) { c.regions = JSON.parse(JSON.stringify(src.regions)); } else { delete c.regions; } });
    } }, h("option", { value: "", text: t("county.regions.none") }),
      cur === "-own" ? h("option", { value: "-own", text: t("county.regions.own", rs.length) }) : null,
      sources.map(function (s) {
        return h("option", { value: s.id, text: t("county.regions.option", s.name, s.regions.length) });
      })), "plan-county-regions");
    sel.value = cur;
    var members = 0;
    rs.forEach(function (r) { members += (r.members || []).length; });
    return h("fieldset", { "class": "plan-county-regions" }, h("legend", { text: t("county.regions") }),
      h("div", { "class": "ds-field" }, h("label", { "class": "ds-label", "for": "plan-county-regions", text: t("county.regions.from") }), sel,
        h("p", { "class": "ds-paragraph plan-hint", text: t("county.regions.hint") })),
      sources.length ? null : h("p", { "class": "ds-paragraph plan-hint" }, t("county.regions.nosource") + " ", h("a", { href: "/sok?mode=regions", text: t("county.regions.search") })),
      rs.length ? h("p", { "class": "ds-paragraph", id: "plan-county-regions-count", text: t("county.regions.count", rs.length, members, Math.max(0, ctx.boot.municipalities.length - members)) }) : null,
      rs.length ? h("details", { "class": "plan-county-regionlist" }, h("summary", { text: t("county.regions.show") }),
        h("ul", null, rs.map(function (r) {
          return h("li", null, h("strong", { text: r.name + ": " }), (r.members || []).map(function (n) { return ctx.munis[n] ? ctx.munis[n].name : n; }).join(", "));
        }))) : null);
  }

  window.PlanCounty = {
    render: function (container, c) {
      ctx = c; t = c.t; h = c.h;
      var sc = ctx.sc(), m = mode(sc);
      container.innerHTML = "";
      var tag = m === "keep" ? null : h("span", { "class": "plan-count", text: " (" + t("county.state." + m) + ")" });
      container.appendChild(h("details", { "class": "plan-rule-section", open: m === "move" || m === "abolish" || opened, id: "plan-sec-county", ontoggle: function (e) { opened = e.target.open; } },
        h("summary", null, h("span", { "class": "plan-sec-title", text: t("county") }), tag),
        h("p", { "class": "ds-paragraph plan-hint", text: t("county.hint") }),
        modeField(sc),
        m === "strengthen" ? h("p", { "class": "ds-paragraph plan-hint", id: "plan-county-strengthen", text: t("county.strengthen.hint") }) : null,
        sc.county ? taskFields(sc) : null,
        sc.county ? regionFields(sc) : null,
        h("div", { "class": "plan-problems", "data-problems": "county" }, ctx.problemList(ctx.problemsFor("county", -1)))));
    }
  };
})();
