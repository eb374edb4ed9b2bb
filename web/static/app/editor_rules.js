// The plan editor's forms for the levers besides mergers: cooperation per
// task, task differentiation, mandated cooperation, trials (named
// municipalities in a rule's criteria), county relief, norm changes and
// support schemes for new cooperation.
// editor.js calls PlanRules.render(container, ctx) after every change;
// ctx gives the scenario, change (with undo), texts and names.
(function () {
  "use strict";
  var ctx, t, h;
  var opened = {}; // sections the user opened, kept open over renders

  function fk(el, key) { el.setAttribute("data-fk", key); return el; }
  function field(id, labelText, control, hint) {
    return h("div", { "class": "ds-field" }, h("label", { "class": "ds-label", "for": id, text: labelText }), control, hint ? h("p", { "class": "ds-paragraph plan-hint", text: hint }) : null);
  }
  function taskSelect(id, value, onlyStaffing, set) {
    var opts = ctx.boot.tasks.filter(function (x) { return !onlyStaffing || x.staffing; }).map(function (x) {
      var o = h("option", { value: x.id, text: x.name }); o.selected = x.id === value; return o;
    });
    return fk(h("select", { "class": "ds-input", id: id, onchange: function (e) { var v = e.target.value; ctx.change(function () { set(v); }); } }, opts), id);
  }
  function formSelect(id, value, lawful, set) {
    return fk(h("select", { "class": "ds-input", id: id, onchange: function (e) { var v = e.target.value; ctx.change(function () { set(v); }); } },
      ctx.boot.forms.filter(function (f) { return !lawful || !f.law_change; }).map(function (f) {
        var o = h("option", { value: f.id, text: f.name }); o.selected = f.id === value; return o;
      })), id);
  }
  // parseMunicipality finds the municipality a user typed: "Sokndal
  // (1111)", "1111" or "Sokndal".
  function parseMunicipality(s) {
    s = s.trim();
    var m = /\((\d{4})\)\s*$/.exec(s) || /^(\d{4})$/.exec(s);
    if (m && ctx.munis[m[1]]) { return m[1]; }
    var low = s.toLocaleLowerCase("nb"), found = "";
    Object.keys(ctx.munis).forEach(function (n) { if (ctx.munis[n].name.toLocaleLowerCase("nb") === low) { found = n; } });
    return found;
  }
  // picker is a list of municipalities with a field to add one by name
  // or number; single keeps at most one.
  function picker(id, labelText, list, set, single) {
    var err = h("p", { "class": "ds-paragraph plan-field-error", "aria-live": "polite" });
    var input = fk(h("input", { "class": "ds-input", id: id, list: "plan-muni-list", autocomplete: "off", placeholder: t("picker.placeholder") }), id);
    function add() {
      var n = parseMunicipality(input.value);
      if (!n) { err.textContent = input.value.trim() ? t("picker.unknown", input.value.trim()) : t("picker.empty"); return; }
      if (list.indexOf(n) >= 0) { err.textContent = t("picker.already", ctx.label(n)); return; }
      ctx.change(function () { set(single ? [n] : list.concat([n])); });
    }
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); add(); } });
    return h("div", { "class": "plan-picker" },
      h("label", { "class": "ds-label", "for": id, text: labelText }),
      list.length ? h("ul", { "class": "plan-chips" }, list.map(function (n) {
        return h("li", null, h("span", { text: ctx.label(n) }), fk(h("button", { type: "button", "class": "ds-button", "data-variant": "tertiary", "data-size": "sm", "aria-label": t("removeof", ctx.munis[n] ? ctx.munis[n].name : n), onclick: function () {
          ctx.change(function () { set(list.filter(function (x) { return x !== n; })); });
        } }, "×"), id + "-rm" + n));
      })) : null,
      h("div", { "class": "plan-picker-row" }, input, fk(h("button", { type: "button", "class": "ds-button", "data-variant": "secondary", "data-size": "sm", onclick: add }, single ? t("picker.choose") : t("picker.add")), id + "-add")),
      err);
  }
  // number is a text field for a decimal number (comma or point); a
  // value that is not a number is refused beside the field.
  function number(id, labelText, value, set, hint, integer) {
    var err = h("p", { "class": "ds-paragraph plan-field-error", "aria-live": "polite" });
    var en = ctx.boot.lang === "en";
    var shown = value === undefined || value === null ? "" : new Intl.NumberFormat(en ? "en-GB" : "nb-NO", { maximumFractionDigits: 3 }).format(value);
    var input = fk(h("input", { "class": "ds-input plan-num", id: id, inputmode: integer ? "numeric" : "decimal", autocomplete: "off", value: shown, onchange: function (e) {
      var s = e.target.value.trim().replace(/[\s\u2212]/g, function (c) { return c === "\u2212" ? "-" : ""; });
      s = en ? s.replace(/,/g, "") : s.replace(",", ".");
      if (s === "") { ctx.change(function () { set(undefined); }); return; }
      var v = Number(s);
      if (!isFinite(v) || (integer && Math.round(v) !== v)) { err.textContent = integer ? t("num.integer") : t("num.bad"); return; }
      ctx.change(function () { set(v); });
    } }), id);
    return h("div", { "class": "ds-field" }, h("label", { "class": "ds-label", "for": id, text: labelText }), input, hint ? h("p", { "class": "ds-paragraph plan-hint", text: hint }) : null, err);
  }
  function criteria(id, c, setC) {
    var cen = c.centrality || [];
    return h("fieldset", { "class": "plan-criteria" }, h("legend", { text: t("crit") }),
      number(id + "-pop", t("crit.pop"), c.population_below, function (v) { if (v) { c.population_below = v; } else { delete c.population_below; } setC(c); }, null, true),
      h("fieldset", { "class": "plan-inline" }, h("legend", { text: t("crit.centrality") }), [1, 2, 3, 4, 5, 6].map(function (k) {
        return h("label", { "class": "plan-check" }, fk(h("input", { type: "checkbox", checked: cen.indexOf(k) >= 0, onchange: function (e) {
          var on = e.target.checked;
          ctx.change(function () { var l = cen.filter(function (x) { return x !== k; }); if (on) { l.push(k); l.sort(); } if (l.length) { c.centrality = l; } else { delete c.centrality; } setC(c); });
        } }), id + "-c" + k), " " + k);
      })),
      h("label", { "class": "plan-check" }, fk(h("input", { type: "checkbox", checked: !!c.below_robust, onchange: function (e) {
        var on = e.target.checked; ctx.change(function () { if (on) { c.below_robust = true; } else { delete c.below_robust; } setC(c); });
      } }), id + "-br"), " " + t("crit.robust")),
      picker(id + "-named", t("crit.named"), c.named || [], function (l) { if (l.length) { c.named = l; } else { delete c.named; } setC(c); }),
      h("p", { "class": "ds-paragraph plan-hint", text: t("crit.hint") }));
  }

  function firstTask(onlyStaffing) {
    var x = ctx.boot.tasks.filter(function (k) { return !onlyStaffing || k.staffing; })[0];
    return x ? x.id : "";
  }
  var sections = [
    { key: "cooperations", title: "coop", hint: "coop.hint", make: function () { return { task: firstTask(false), form: "vertskommune_administrativt", members: [] }; },
      fields: function (r, id) {
        var form = ctx.boot.forms.filter(function (f) { return f.id === r.form; })[0];
        return [taskSelectField(r, id, false), field(id + "-form", t("form"), formSelect(id + "-form", r.form, false, function (v) { r.form = v; })),
          picker(id + "-members", t("members"), r.members || [], function (l) { r.members = l; if (l.indexOf(r.host) < 0) { delete r.host; } }),
          (r.members || []).length ? field(id + "-host", form && form.host ? t("host.required") : t("host"), fk(h("select", { "class": "ds-input", id: id + "-host", onchange: function (e) {
            var v = e.target.value; ctx.change(function () { if (v) { r.host = v; } else { delete r.host; } });
          } }, h("option", { value: "", text: t("host.none") }), r.members.map(function (n) { var o = h("option", { value: n, text: ctx.label(n) }); o.selected = n === r.host; return o; })), id + "-host")) : null];
      } },
    { key: "differentiation", title: "diff", hint: "diff.hint", make: function () { return { task: firstTask(false), to: "fylkeskommune", criteria: {} }; },
      fields: function (r, id) {
        return [taskSelectField(r, id, false),
          field(id + "-to", t("to"), fk(h("select", { "class": "ds-input", id: id + "-to", onchange: function (e) { var v = e.target.value; ctx.change(function () { r.to = v; if (v !== "vertskommune") { delete r.host; } }); } },
            ["fylkeskommune", "vertskommune", "staten"].map(function (v) { var o = h("option", { value: v, text: t("to." + v) }); o.selected = v === r.to; return o; })), id + "-to")),
          r.to === "vertskommune" ? picker(id + "-host", t("host.required"), r.host ? [r.host] : [], function (l) { if (l.length) { r.host = l[0]; } else { delete r.host; } }, true) : null,
          criteria(id, r.criteria || (r.criteria = {}), function (c) { r.criteria = c; })];
      } },
    { key: "mandated", title: "mand", hint: "mand.hint", make: function () { return { task: firstTask(false), form: "vertskommune_administrativt", criteria: { below_robust: true } }; },
      fields: function (r, id) {
        return [taskSelectField(r, id, false), field(id + "-form", t("form"), formSelect(id + "-form", r.form, true, function (v) { r.form = v; })),
          criteria(id, r.criteria || (r.criteria = {}), function (c) { r.criteria = c; })];
      } },
    { key: "county_relief", title: "relief", hint: "relief.hint", make: function () { return { task: firstTask(false) }; },
      fields: function (r, id) {
        var cs = r.counties || [];
        return [taskSelectField(r, id, false), h("fieldset", { "class": "plan-inline plan-counties" }, h("legend", { text: t("counties") }), ctx.boot.counties.map(function (c) {
          return h("label", { "class": "plan-check" }, fk(h("input", { type: "checkbox", checked: cs.indexOf(c.n) >= 0, onchange: function (e) {
            var on = e.target.checked;
            ctx.change(function () { var l = cs.filter(function (x) { return x !== c.n; }); if (on) { l.push(c.n); l.sort(); } if (l.length) { r.counties = l; } else { delete r.counties; } });
          } }), id + "-k" + c.n), " " + c.name);
        })), h("label", { "class": "plan-check" }, fk(h("input", { type: "checkbox", checked: !!r.all, onchange: function (e) {
          var on = e.target.checked; ctx.change(function () { if (on) { r.all = true; } else { delete r.all; } });
        } }), id + "-all"), " " + t("relief.all"))];
      } },
    { key: "norms", title: "norm", hint: "norm.hint", make: function () { return { task: firstTask(true), note: "" }; },
      fields: function (r, id) {
        var task = ctx.boot.tasks.filter(function (x) { return x.id === r.task; })[0] || {};
        return [taskSelectField(r, id, true),
          number(id + "-fte", t("norm.fte"), r.fte_per_1000, function (v) { if (v === undefined) { delete r.fte_per_1000; } else { r.fte_per_1000 = v; } }, task.fte ? t("today.value", task.fte) : null),
          number(id + "-min", t("norm.min"), r.min_team, function (v) { if (v === undefined) { delete r.min_team; } else { r.min_team = v; } }, task.min_team ? t("today.value", task.min_team) : null),
          field(id + "-note", t("norm.note"), fk(h("input", { "class": "ds-input", id: id + "-note", value: r.note || "", maxlength: "500", onchange: function (e) { var v = e.target.value.trim(); ctx.change(function () { r.note = v; }); } }), id + "-note"), t("norm.note.hint"))];
      } },
    { key: "support", title: "sup", hint: "sup.hint", make: function () { return { criteria: {} }; },
      fields: function (r, id) {
        var c = r.criteria || (r.criteria = {});
        var forms = c.forms || [], tasks = c.tasks || [];
        function amount(key, label) {
          return number(id + "-" + key, t(label), r[key], function (v) { if (v === undefined) { delete r[key]; } else { r[key] = v; } }, null, true);
        }
        return [
          field(id + "-name", t("sup.name"), fk(h("input", { "class": "ds-input", id: id + "-name", value: r.name || "", maxlength: "200", onchange: function (e) {
            var v = e.target.value.trim(); ctx.change(function () { if (v) { r.name = v; } else { delete r.name; } });
          } }), id + "-name")),
          amount("per_cooperation", "sup.percoop"), amount("per_participant", "sup.perpart"), amount("years", "sup.years"),
          h("fieldset", { "class": "plan-inline plan-support-forms" }, h("legend", { text: t("sup.forms") }), ctx.boot.forms.map(function (f) {
            return h("label", { "class": "plan-check" }, fk(h("input", { type: "checkbox", checked: forms.indexOf(f.id) >= 0, onchange: function (e) {
              var on = e.target.checked;
              ctx.change(function () { var l = forms.filter(function (x) { return x !== f.id; }); if (on) { l.push(f.id); } if (l.length) { c.forms = l; } else { delete c.forms; } r.criteria = c; });
            } }), id + "-f-" + f.id), " " + f.name);
          })),
          field(id + "-tasks", t("sup.tasks"), fk(h("select", { "class": "ds-input", id: id + "-tasks", multiple: true, size: "6", onchange: function (e) {
            var l = Array.prototype.filter.call(e.target.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
            ctx.change(function () { if (l.length) { c.tasks = l; } else { delete c.tasks; } r.criteria = c; });
          } }, ctx.boot.tasks.map(function (x) { var o = h("option", { value: x.id, text: x.name }); o.selected = tasks.indexOf(x.id) >= 0; return o; })), id + "-tasks")),
          number(id + "-pop", t("sup.pop"), c.population_below, function (v) { if (v) { c.population_below = v; } else { delete c.population_below; } r.criteria = c; }, null, true),
          h("label", { "class": "plan-check" }, fk(h("input", { type: "checkbox", checked: !!c.below_robust, onchange: function (e) {
            var on = e.target.checked; ctx.change(function () { if (on) { c.below_robust = true; } else { delete c.below_robust; } r.criteria = c; });
          } }), id + "-br"), " " + t("sup.robust"))];
      } }
  ];
  function taskSelectField(r, id, onlyStaffing) {
    return field(id + "-task", t("task"), taskSelect(id + "-task", r.task, onlyStaffing, function (v) { r.task = v; }));
  }

  window.PlanRules = {
    render: function (container, c) {
      ctx = c; t = c.t; h = c.h;
      var sc = ctx.sc();
      container.innerHTML = "";
      sections.forEach(function (s) {
        var rules = sc[s.key] || [];
        var open = rules.length > 0 || opened[s.key];
        container.appendChild(h("details", { "class": "plan-rule-section", open: open, id: "plan-sec-" + s.key, ontoggle: function (e) { opened[s.key] = e.target.open; } },
          h("summary", null, h("span", { "class": "plan-sec-title", text: t(s.title) }), rules.length ? h("span", { "class": "plan-count", text: " (" + rules.length + ")" }) : null),
          h("p", { "class": "ds-paragraph plan-hint", text: t(s.hint) }),
          rules.map(function (r, i) {
            var id = "plan-" + s.key + "-" + i;
            return h("fieldset", { "class": "plan-rule", "data-rule": s.key + ":" + i },
              h("legend", { text: t(s.title + ".one", i + 1) }),
              s.fields(r, id),
              h("div", { "class": "plan-problems", "data-problems": s.key + ":" + i }, ctx.problemList(ctx.problemsFor(s.key, i))),
              fk(h("button", { type: "button", "class": "ds-button", "data-variant": "tertiary", "data-size": "sm", onclick: function () {
                ctx.change(function () { rules.splice(i, 1); });
              } }, t("rule.remove")), id + "-del"));
          }),
          fk(h("button", { type: "button", "class": "ds-button", "data-variant": "secondary", "data-size": "sm", onclick: function () {
            ctx.change(function () { sc[s.key] = rules.concat([s.make()]); });
          } }, t(s.title + ".add")), "plan-add-" + s.key)));
      });
    }
  };
})();
