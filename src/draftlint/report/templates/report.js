// draftlint HTML report: filters, tooltips, n/p stepping, index sorting.
// Inlined into the page and pinned by the page's CSP hash. It reads the findings from the
// JSON block and writes page text only through textContent: no innerHTML, no eval, no network.
(function () {
  "use strict";
  if (window.performance && performance.mark) performance.mark("draftlint-script");
  var data = JSON.parse(document.getElementById("dl-data").textContent);
  var findings = data.findings;
  var rules = data.rules;
  var root = document.documentElement;

  // ------------------------------------------------------------- indexes by finding id
  var fragments = [];   // id -> [mark, ...] (the head first: it comes first in the page)
  var items = [];       // id -> list item
  var haystack = [];    // id -> lower-case text the search box looks in
  findings.forEach(function (f) {
    fragments[f.id] = [];
    haystack[f.id] = [f.code, f.name, f.message, f.text, f.suggestions.join(" ")].join(" ").toLowerCase();
  });
  document.querySelectorAll("mark.hl").forEach(function (m) {
    var list = fragments[+m.dataset.f];
    if (list) list.push(m);
  });
  document.querySelectorAll("li.finding").forEach(function (li) { items[+li.dataset.f] = li; });

  // ------------------------------------------------------------------- sticky offsets
  var bar = document.querySelector(".bar");
  function measureBar() { root.style.setProperty("--bar-h", bar.offsetHeight + "px"); }
  measureBar();
  window.addEventListener("resize", measureBar);

  // -------------------------------------------------------------------------- filters
  var controls = document.getElementById("dl-filters");
  var search = controls.querySelector("input[type=search]");
  var ruleSelect = controls.querySelector("select[name=rule]");
  var countOut = document.getElementById("dl-count");

  function checked(name) {
    var set = {};
    controls.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      if (box.checked) set[box.value] = true;
    });
    return set;
  }

  // Where each finding's list item sits, so that filtering counts without querying the DOM.
  var groups = Array.prototype.slice.call(document.querySelectorAll(".list .fam"));
  var lists = Array.prototype.slice.call(document.querySelectorAll(".list"));
  var groupIndex = new Map(), listIndex = new Map();
  groups.forEach(function (g, i) { groupIndex.set(g, i); });
  lists.forEach(function (l, i) { listIndex.set(l, i); });
  var groupOf = [], listOf = [], shownNow = [];
  findings.forEach(function (f) {
    var li = items[f.id];
    groupOf[f.id] = li ? groupIndex.get(li.closest(".fam")) : -1;
    listOf[f.id] = li ? listIndex.get(li.closest(".list")) : -1;
    shownNow[f.id] = true;
  });

  function applyFilters() {
    var fams = checked("family"), sevs = checked("severity");
    var rule = ruleSelect.value, query = search.value.trim().toLowerCase();
    var shown = 0;
    var inGroup = groups.map(function () { return 0; });
    var inList = lists.map(function () { return 0; });
    findings.forEach(function (f) {
      var on = !!fams[f.family] && !!sevs[f.severity] && (!rule || f.code === rule) &&
               (!query || haystack[f.id].indexOf(query) >= 0);
      if (on) {
        shown += 1;
        if (groupOf[f.id] >= 0) inGroup[groupOf[f.id]] += 1;
        if (listOf[f.id] >= 0) inList[listOf[f.id]] += 1;
      }
      if (shownNow[f.id] === on) return; // touch the DOM only where something changes
      shownNow[f.id] = on;
      fragments[f.id].forEach(function (m, i) {
        m.classList.toggle("off", !on);
        if (i === 0) m.tabIndex = on ? 0 : -1;
      });
      if (items[f.id]) items[f.id].hidden = !on;
    });
    groups.forEach(function (group, i) {
      group.hidden = inGroup[i] === 0;
      group.querySelector(".n").textContent = String(inGroup[i]);
    });
    lists.forEach(function (list, i) {
      var count = list.querySelector(".shown");
      if (count) count.textContent = String(inList[i]);
      var empty = list.querySelector(".empty");
      if (empty) empty.hidden = inList[i] > 0 || !list.querySelector("li.finding");
    });
    countOut.textContent = shown === findings.length ?
      findings.length + " findings" : shown + " of " + findings.length + " findings shown";
  }
  controls.addEventListener("input", applyFilters);
  controls.addEventListener("change", applyFilters);

  // ------------------------------------------------------------------------- tooltip
  // Wide findings (a long sentence, a paragraph, the whole draft) show only their badge until
  // they are focused or chosen; hovering text inside them does not pop their tooltip, and in
  // the tooltip of a finding inside them they are one line each ("Also here").
  var tip = document.getElementById("dl-tip");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function header(f) {
    var head = el("div", "tip-head");
    head.appendChild(el("span", "badge f-" + f.fclass, f.family));
    head.appendChild(el("span", "", f.code));
    head.appendChild(el("span", "tip-name", f.name));
    head.appendChild(el("span", "sev s-" + f.severity, f.severity));
    return head;
  }

  function describe(f) {
    var box = el("div", "tip-one");
    box.appendChild(header(f));
    box.appendChild(el("div", "tip-msg", f.message));
    if (f.suggestions.length) {
      box.appendChild(el("div", "tip-sugg", "Suggestion: " + f.suggestions.slice(0, 5).join(", ")));
    }
    var rule = rules[f.code];
    if (rule && rule.why) box.appendChild(el("div", "tip-why", "Why: " + rule.why));
    box.appendChild(el("div", "tip-name", "Line " + f.line + ", column " + f.column));
    return box;
  }

  function brief(f) {
    var box = el("div", "tip-one tip-brief");
    box.appendChild(header(f));
    box.appendChild(el("div", "tip-msg", f.message));
    return box;
  }

  function covering(mark) {
    // Every shown finding at this point, innermost first: overlapping findings are not lost.
    var ids = [], m = mark;
    while (m) {
      var id = +m.dataset.f;
      if (!m.classList.contains("off") && ids.indexOf(id) < 0) ids.push(id);
      m = m.parentElement ? m.parentElement.closest("mark.hl") : null;
    }
    return ids;
  }

  var hovered = null;  // the finding whose extent the tooltip lights up
  function light(id, cls, on) {
    if (id !== null && fragments[id]) fragments[id].forEach(function (m) { m.classList.toggle(cls, on); });
  }

  // subject: the finding the tooltip is about (null: the innermost one that is not wide).
  function showTip(mark, subject) {
    var ids = covering(mark);
    if (subject === undefined || subject === null) {
      subject = null;
      for (var i = 0; i < ids.length; i += 1) {
        if (!findings[ids[i]].wide) { subject = ids[i]; break; }
      }
    }
    if (subject === null || isNaN(subject)) return false;
    var parts = [describe(findings[subject])];
    var others = ids.filter(function (id) { return id !== subject; });
    if (others.length) {
      parts.push(el("div", "tip-also", "Also here"));
      others.forEach(function (id) {
        parts.push(findings[id].wide ? brief(findings[id]) : describe(findings[id]));
      });
    }
    tip.replaceChildren.apply(tip, parts);
    tip.hidden = false;
    light(hovered, "hov", false);
    hovered = subject;
    light(hovered, "hov", true);
    var anchor = fragments[subject][0] === mark ? mark : (mark.closest("mark.hl") || mark);
    var r = anchor.getClientRects()[0] || anchor.getBoundingClientRect();
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, window.innerWidth - width - 16));
    var top = r.bottom + 8;
    if (top + height > window.innerHeight && r.top - height - 8 > bar.offsetHeight) top = r.top - height - 8;
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
    return true;
  }
  function hideTip() {
    tip.hidden = true;
    light(hovered, "hov", false);
    hovered = null;
  }

  function focusedMark() {
    var active = document.activeElement;
    return active && active.matches && active.matches("mark.hl") ? active : null;
  }

  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest("mark.hl");
    if (!mark || mark.classList.contains("off") || showTip(mark)) return;
    var active = focusedMark();  // only wide findings here: keep the focused one's tooltip
    if (active) showTip(active, +active.dataset.f); else hideTip();
  });
  document.addEventListener("mouseout", function (event) {
    var to = event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest("mark.hl");
    if (to) return;
    var active = focusedMark();
    if (active) showTip(active, +active.dataset.f); else hideTip();
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("mark.hl")) showTip(event.target, +event.target.dataset.f);
  });
  document.addEventListener("focusout", function (event) {
    if (event.target.matches("mark.hl")) hideTip();
  });
  window.addEventListener("scroll", function () {
    if (!tip.hidden && !focusedMark()) hideTip();
  }, { passive: true });

  // -------------------------------------------------------------- going to a finding
  var current = null;
  function setCurrent(id) {
    if (current !== null) {
      var old = fragments[current] && fragments[current][0];
      if (old) old.classList.remove("current");
      light(current, "lit", false);
      if (items[current]) items[current].querySelector(".item").removeAttribute("aria-current");
    }
    current = id;
    var head = fragments[id][0];
    if (head) head.classList.add("current");
    light(id, "lit", true);
    var li = items[id];
    if (li) {
      li.querySelector(".item").setAttribute("aria-current", "true");
      var pane = li.closest(".list-inner");
      if (pane && pane.scrollHeight > pane.clientHeight) {
        // Bring the item into the part of its pane that is on screen, without moving the page.
        var pr = pane.getBoundingClientRect(), lr = li.getBoundingClientRect();
        var top = Math.max(pr.top, bar.offsetHeight), bottom = Math.min(pr.bottom, window.innerHeight);
        if (lr.top < top || lr.bottom > bottom) pane.scrollTop += lr.top - (top + (bottom - top) / 3);
      }
    }
  }

  function goTo(id) {
    var head = fragments[id] && fragments[id][0];
    if (!head) return;
    head.scrollIntoView({ block: "center", inline: "nearest" });
    head.focus({ preventScroll: true });
    setCurrent(id);
    head.classList.remove("flash");
    void head.offsetWidth; // restart the animation when the same finding is chosen twice
    head.classList.add("flash");
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest(".item");
    if (item) { goTo(+item.dataset.f); return; }
    var mark = event.target.closest("mark.hl");
    if (!mark || mark.classList.contains("off")) return;
    var ids = covering(mark).filter(function (id) { return !findings[id].wide; });
    if (!ids.length && mark.classList.contains("head") && onBadge(mark, event)) ids = [+mark.dataset.f];
    if (ids.length) { setCurrent(ids[0]); showTip(mark, ids[0]); }
  });

  function onBadge(mark, event) {
    // The family badge is drawn before the head's first line; a click there chooses the mark.
    var first = mark.getClientRects()[0];
    return !!first && event.clientX - first.left < 28 && event.clientY >= first.top &&
      event.clientY <= first.bottom;
  }

  function step(delta) {
    var heads = Array.prototype.slice.call(document.querySelectorAll("mark.hl.head:not(.off)"));
    if (!heads.length) return;
    var at = current === null ? -1 : heads.indexOf(fragments[current][0]);
    var next = at < 0 ? (delta > 0 ? 0 : heads.length - 1) : (at + delta + heads.length) % heads.length;
    goTo(+heads[next].dataset.f);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target.matches("input, select, textarea") || target.isContentEditable;
    if (event.key === "Escape") { hideTip(); if (typing && target === search) search.blur(); return; }
    if (typing) return;
    if (event.key === "n") { event.preventDefault(); step(1); }
    else if (event.key === "p") { event.preventDefault(); step(-1); }
    else if (event.key === "/") { event.preventDefault(); search.focus(); }
  });

  // --------------------------------------------------------------------- index sort
  var table = document.querySelector("table.index");
  if (table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.dataset.type === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
          if (x === "" || y === "") return (x === "") - (y === ""); // no value: always last
          var order = numeric ? (+x) - (+y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // --------------------------------------------------------------------------- print
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    hideTip();
  });

  applyFilters();
  root.dataset.ready = "true";
  if (window.performance && performance.mark) performance.mark("draftlint-ready");
})();
