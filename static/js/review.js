// Keyboard shortcuts for the review pages. Every action is a plain form or link that works
// without this script; the keys only press those buttons, focus those fields, follow those links.
(() => {
  "use strict";
  const root = document.querySelector("[data-review]");
  if (!root) return;
  const help = document.getElementById("keys-help");

  const typing = (element) => element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));

  const toggleHelp = () => {
    if (!help) return;
    if (help.open) help.close(); else help.showModal();
  };

  const activate = (key) => {
    const target = root.querySelector(`[data-key="${key}"]`);
    if (!target) return false;
    if (target.matches("input, select, textarea")) target.focus();
    else target.click();
    return true;
  };

  // The queue: a current row moved by j/k, ticked by x, approved or rejected in bulk.
  const rows = () => Array.from(root.querySelectorAll("[data-row]"));
  let current = -1;

  const select = (index) => {
    const all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((row, i) => row.classList.toggle("is-current", i === current));
    all[current].querySelector(".row-link").focus();
  };

  const currentRow = () => rows()[current] || null;

  const ticked = () => root.querySelectorAll('input[name="ids"]:checked').length;

  const tickCurrentIfNone = () => {
    const row = currentRow();
    if (!ticked() && row) row.querySelector('input[name="ids"]').checked = true;
    return ticked() > 0;
  };

  const queueKey = (key) => {
    const row = currentRow();
    switch (key) {
      case "j": select(current + 1); return true;
      case "k": select(current < 0 ? 0 : current - 1); return true;
      case "o": if (row) row.querySelector(".row-link").click(); return Boolean(row);
      case "x": {
        const box = row && row.querySelector('input[name="ids"]');
        if (box) box.checked = !box.checked;
        return Boolean(box);
      }
      case "a": {
        const button = document.getElementById("bulk-approve");
        if (!button || !tickCurrentIfNone()) return false;
        button.click();
        return true;
      }
      case "r": {
        const reason = document.getElementById("bulk-reason");
        if (!reason || !tickCurrentIfNone()) return false;
        reason.focus();
        return true;
      }
      default: return false;
    }
  };

  // A second key press while the first decision is on its way would post it twice.
  let leaving = false;
  document.addEventListener("submit", () => { leaving = true; });

  document.addEventListener("keydown", (event) => {
    if (leaving) { event.preventDefault(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && typing(document.activeElement)) {
      document.activeElement.blur();
      return;
    }
    if (typing(event.target) || (help && help.open && event.key !== "?")) return;
    const key = event.key;
    let handled = false;
    if (key === "?") {
      toggleHelp();
      handled = true;
    } else if (root.dataset.review === "queue") {
      handled = queueKey(key);
    } else {
      handled = activate(key);
    }
    if (handled) event.preventDefault();
  });

  // Rows follow focus too, so a Tab through the links and then j/k carries on from there.
  root.addEventListener("focusin", (event) => {
    const row = event.target.closest && event.target.closest("[data-row]");
    if (!row) return;
    current = rows().indexOf(row);
    rows().forEach((other) => other.classList.toggle("is-current", other === row));
  });

  const tickAll = document.getElementById("tick-all");
  if (tickAll) {
    tickAll.hidden = false;
    tickAll.addEventListener("change", () => {
      root.querySelectorAll('input[name="ids"]').forEach((box) => { box.checked = tickAll.checked; });
    });
  }
})();
