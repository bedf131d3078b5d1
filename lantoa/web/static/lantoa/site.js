// Lan Tỏa: small enhancements on every page; each page works without them (issue 14, item 8).
"use strict";

// File inputs speak Vietnamese whatever the browser's language: a "Chọn tệp" button and the
// names chosen. The native input lies over them, transparent, so it keeps its label, its
// keyboard focus and its click.
function styleFileInputs(root) {
  const texts = document.body.dataset;
  root.querySelectorAll('input[type="file"]').forEach((input) => {
    if (input.closest(".lt-file")) return;
    const wrap = document.createElement("div");
    wrap.className = "lt-file";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    const button = document.createElement("span");
    button.className = "btn btn-outline-primary lt-file-button";
    button.textContent = texts.fileChoose;
    const names = document.createElement("span");
    names.className = "lt-file-name";
    names.textContent = texts.fileNone;
    button.setAttribute("aria-hidden", "true");
    names.setAttribute("aria-hidden", "true");
    wrap.append(button, names);
    input.addEventListener("change", () => {
      const chosen = Array.from(input.files || []).map((file) => file.name);
      names.textContent = chosen.length ? chosen.join(", ") : texts.fileNone;
    });
  });
}

document.addEventListener("DOMContentLoaded", () => styleFileInputs(document));
document.addEventListener("htmx:afterSwap", (event) => styleFileInputs(event.target));

// «còn 16 cảnh báo ›»: each tap goes to the next place that needs a look (issue 14, item 6);
// without script the link goes to the first.
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-cycle-anchors]");
  if (!link) return;
  const anchors = link.dataset.cycleAnchors.trim().split(/\s+/);
  const next = (Number(link.dataset.cycleAt || -1) + 1) % anchors.length;
  link.dataset.cycleAt = String(next);
  const target = document.getElementById(anchors[next]);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.classList.add("lt-flash");
  setTimeout(() => target.classList.remove("lt-flash"), 1600);
});
