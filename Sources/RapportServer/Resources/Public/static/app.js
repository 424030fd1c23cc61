// Rapport's only script: keyboard shortcuts on lists (j/k move, o opens, ? lists them), and focus
// on a form's error summary. Single-key shortcuts can be turned off (WCAG 2.1.4); the choice is
// kept in this browser. Everything works without this file.
(function () {
  "use strict";
  var KEY = "rapport.shortcuts";
  function enabled() { return window.localStorage.getItem(KEY) !== "off"; }
  var summary = document.querySelector("[data-focus]");
  if (summary) { summary.focus(); }
  var rows = [];
  document.querySelectorAll("table[data-keys] tbody tr").forEach(function (row) { rows.push(row); });
  var current = -1;
  function select(index) {
    if (rows.length === 0) { return; }
    if (current >= 0) { rows[current].classList.remove("selected"); rows[current].removeAttribute("aria-selected"); }
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows[current].classList.add("selected");
    rows[current].setAttribute("aria-selected", "true");
    var link = rows[current].querySelector("a[data-open]") || rows[current].querySelector("a");
    if (link) { link.focus(); }
  }
  function help() {
    var box = document.getElementById("shortcut-help");
    if (box) { box.remove(); return; }
    box = document.createElement("div");
    box.id = "shortcut-help";
    box.className = "shortcuts";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Keyboard shortcuts");
    var text = document.createElement("p");
    text.textContent = "j: next row · k: previous row · o: open the row · ?: show or hide this list";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.textContent = enabled() ? "Turn single-key shortcuts off" : "Turn single-key shortcuts on";
    toggle.addEventListener("click", function () {
      window.localStorage.setItem(KEY, enabled() ? "off" : "on");
      toggle.textContent = enabled() ? "Turn single-key shortcuts off" : "Turn single-key shortcuts on";
    });
    box.appendChild(text);
    box.appendChild(toggle);
    document.body.appendChild(box);
    toggle.focus();
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    if (event.key === "?") { help(); event.preventDefault(); return; }
    if (!enabled()) { return; }
    if (event.key === "j") { select(current + 1); event.preventDefault(); }
    else if (event.key === "k") { select(current - 1); event.preventDefault(); }
    else if (event.key === "o" && current >= 0) {
      var link = rows[current].querySelector("a[data-open]") || rows[current].querySelector("a");
      if (link) { window.location.href = link.href; }
    }
  });
})();
