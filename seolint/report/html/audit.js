(function () {
"use strict";
var doc = document, table = doc.getElementById("articles-table");
if (!table || !window.URLSearchParams) return;
doc.documentElement.classList.add("js");
var data = JSON.parse(doc.getElementById("findings-data").textContent);
var words = data.words, lang = doc.documentElement.lang || "en";
var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
function number(n) { return lang === "en" ? String(n) : n.toLocaleString(lang); }
function say(text, values) {  // the page's words, {placeholders} filled
  return text.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? number(values[k]) : all; });
}
function form(forms, n) {  // a plural message's form for n: [one, other]
  return forms[(plurals ? plurals.select(n) === "one" : n === 1) ? 0 : 1];
}
var heads = [].slice.call(table.tHead.rows[0].cells), body = table.tBodies[0];
var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"});
var rows = [].slice.call(body.rows).map(function (tr) {
  var cells = [].slice.call(tr.cells);
  var codes = {};
  data.rows[+tr.dataset.i].forEach(function (f) { codes[data.rules[f[2]][0]] = true; });
  return {tr: tr, i: +tr.dataset.i, lang: tr.dataset.lang, detail: null, codes: codes,
    text: (cells[0].textContent + "\n" + cells[1].textContent).toLowerCase(),
    values: cells.map(function (td, k) {
      return "num" in heads[k].dataset ? parseFloat(td.textContent.replace(",", ".")) : td.textContent; })};
});
var keys = heads.map(function (th) { return th.dataset.key; });
var controls = {q: "f-q", lang: "f-lang", rule: "f-rule", errors: "f-errors", min: "f-min", max: "f-max"};
Object.keys(controls).forEach(function (k) { controls[k] = doc.getElementById(controls[k]); });
var ruleLinks = [].slice.call(doc.querySelectorAll("#rules a.rule"));
ruleLinks.forEach(function (a) {  // the rules in the table's order: errors first
  var option = doc.createElement("option");
  option.value = option.textContent = a.textContent;
  controls.rule.appendChild(option);
});
var count = doc.getElementById("count"), sorted = "";
function state() {
  var s = {q: controls.q.value.trim(), lang: controls.lang.value, rule: controls.rule.value,
    errors: controls.errors.checked ? "1" : "", min: controls.min.value, max: controls.max.value};
  var th = table.querySelector("th[aria-sort]");
  s.sort = th ? (th.getAttribute("aria-sort") === "descending" ? "-" : "") + th.dataset.key : "";
  return s;
}
function show(s) {
  var q = s.q.toLowerCase(), min = parseFloat(s.min), max = parseFloat(s.max), shown = 0;
  var score = keys.indexOf("score"), errors = keys.indexOf("errors");
  rows.forEach(function (r) {
    var ok = (!q || r.text.indexOf(q) >= 0) && (!s.lang || r.lang === s.lang) && (!s.rule || r.codes[s.rule]) &&
      (!s.errors || r.values[errors] > 0) && !(r.values[score] < min) && !(r.values[score] > max);
    r.tr.hidden = !ok;
    if (r.detail) r.detail.hidden = !ok;
    if (ok) shown++;
  });
  count.textContent = say(form(words.shown, shown), {shown: shown, count: rows.length});
}
function sort(spec) {
  if (spec === sorted) return;
  sorted = spec;
  var desc = spec.charAt(0) === "-", k = keys.indexOf(spec.replace(/^-/, ""));
  heads.forEach(function (th, j) {
    if (j === k) th.setAttribute("aria-sort", desc ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  });
  var order = rows.slice();
  if (k >= 0) order.sort(function (a, b) {
    var x = a.values[k], y = b.values[k], c;
    if (typeof x === "number") {
      if (isNaN(x) || isNaN(y)) c = isNaN(x) - isNaN(y);  // unmeasured last, either way
      else c = desc ? y - x : x - y;
    } else c = desc ? collator.compare(y, x) : collator.compare(x, y);
    return c || a.i - b.i;
  });
  var fragment = doc.createDocumentFragment();
  order.forEach(function (r) { fragment.appendChild(r.tr); if (r.detail) fragment.appendChild(r.detail); });
  body.appendChild(fragment);
}
function apply(s) { sort(s.sort); show(s); }
function fromHash() {
  var p = new URLSearchParams(location.hash.slice(1));
  controls.q.value = p.get("q") || "";
  controls.lang.value = p.get("lang") || "";
  controls.rule.value = p.get("rule") || "";
  controls.errors.checked = /^(1|true|yes|on)$/.test(p.get("errors") || "");
  controls.min.value = p.get("min") || "";
  controls.max.value = p.get("max") || "";
  var spec = p.get("sort") || "";
  apply({q: controls.q.value.trim(), lang: controls.lang.value, rule: controls.rule.value,
    errors: controls.errors.checked ? "1" : "",
    min: controls.min.value, max: controls.max.value,
    sort: keys.indexOf(spec.replace(/^-/, "")) >= 0 ? spec : ""});
}
function toHash() {
  var s = state(), p = new URLSearchParams();
  Object.keys(s).forEach(function (k) { if (s[k]) p.set(k, s[k]); });
  var hash = p.toString();
  try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); }
  catch (e) { /* some browsers refuse it on file: URLs; the view still works */ }
}
function changed() { var s = state(); show(s); toHash(); }
heads.forEach(function (th) {
  var button = doc.createElement("button");
  button.type = "button";
  button.textContent = th.textContent;
  button.title = say(words.sort, {column: th.textContent});
  th.textContent = "";
  th.appendChild(button);
  button.addEventListener("click", function () {
    sort((th.getAttribute("aria-sort") === "ascending" ? "-" : "") + th.dataset.key);
    changed();
  });
});
function findings(r) {
  var list = data.rows[r.i], tr = doc.createElement("tr"), td = doc.createElement("td");
  var inner = doc.createElement("table"), head = inner.createTHead().insertRow();
  words.heads.forEach(function (label) {
    var th = doc.createElement("th"); th.scope = "col"; th.textContent = label; head.appendChild(th); });
  var tbody = inner.createTBody();
  list.forEach(function (f) {
    var rule = data.rules[f[2]], row = tbody.insertRow();
    var at = doc.createElement("a");
    at.href = data.files[r.i].replace("{line}", f[0]).replace("{column}", f[1]);
    at.textContent = f[0] + ":" + f[1];
    row.insertCell().appendChild(at);
    var code = row.insertCell(); code.textContent = rule[0]; code.title = rule[1];
    var sev = doc.createElement("span"); sev.className = "sev " + rule[2]; sev.textContent = words.severities[rule[2]];
    row.insertCell().appendChild(sev);
    var message = row.insertCell(); message.textContent = data.texts[f[3]];
    if (f[4] >= 0) {
      var hint = doc.createElement("div"); hint.className = "muted"; hint.textContent = data.texts[f[4]];
      message.appendChild(hint);
    }
  });
  tr.className = "detail"; td.colSpan = heads.length; td.appendChild(inner); tr.appendChild(td);
  return tr;
}
rows.forEach(function (r) {
  var n = data.rows[r.i].length;
  if (!n) return;
  var button = doc.createElement("button");
  button.type = "button"; button.className = "expand"; button.textContent = "▸";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-label", say(form(words.show, n), {count: n}));
  r.tr.cells[0].insertBefore(button, r.tr.cells[0].firstChild);
  button.addEventListener("click", function () {
    if (r.detail) { r.detail.remove(); r.detail = null; }
    else { r.detail = findings(r); r.tr.after(r.detail); }
    button.textContent = r.detail ? "▾" : "▸";
    button.setAttribute("aria-expanded", r.detail ? "true" : "false");
  });
});
Object.keys(controls).forEach(function (k) { controls[k].addEventListener("input", changed); });
ruleLinks.forEach(function (a) {  // a click on a rule shows the articles that have it
  a.addEventListener("click", function (e) {
    e.preventDefault();
    controls.rule.value = a.textContent;
    changed();
    doc.getElementById("articles").scrollIntoView();
  });
});
doc.querySelector("form.filters").addEventListener("submit", function (e) { e.preventDefault(); });
doc.querySelector("form.filters").hidden = false;
window.addEventListener("hashchange", fromHash);
fromHash();
})();
