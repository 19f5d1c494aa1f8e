// Small touches that make the site nicer with JavaScript; everything works without it.

// Copy buttons only make sense where the clipboard does: they start hidden.
if (navigator.clipboard) {
  document.querySelectorAll("[data-copy][hidden]").forEach((button) => { button.hidden = false; });
}

// On a narrow screen the category row scrolls sideways: bring the chosen one into view.
const activeCategory = document.querySelector(".category-nav .active");
if (activeCategory) {
  const row = activeCategory.closest("ul");
  row.scrollLeft += activeCategory.getBoundingClientRect().left - row.getBoundingClientRect().left - 12;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button || !navigator.clipboard) return;
  navigator.clipboard.writeText(button.dataset.copy).then(() => {
    const label = button.textContent;
    button.textContent = "Copied!";
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});

// The heart form posts in place and shows the new count; without JavaScript it posts and comes back.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("[data-heart]");
  if (!form || !window.fetch) return;
  event.preventDefault();
  const button = form.querySelector("button");
  const status = form.querySelector("[data-heart-status]");
  button.disabled = true;
  fetch(form.action, {
    method: "POST",
    body: new FormData(form),
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  })
    .then((response) => response.json().then((data) => ({ ok: response.ok, data })))
    .then(({ ok, data }) => {
      if (!ok) {
        status.textContent = data.error || "Your heart could not be counted just now.";
        return;
      }
      const noun = data.hearts === 1 ? "reader" : "readers";
      form.querySelector("[data-heart-count]").textContent = `${data.hearts} ${noun} loved this story`;
      form.querySelector("[data-heart-label]").textContent = "You loved this story";
      button.classList.add("is-hearted");
      button.setAttribute("aria-pressed", "true");
      status.textContent = data.added ? "Thank you! Your heart is on this story." : "You have already given this story a heart.";
    })
    .catch(() => { form.submit(); })
    .finally(() => { button.disabled = false; });
});
