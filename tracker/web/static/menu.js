// The header's menu on a narrow screen: folded behind the "Trình đơn" button, which opens
// and closes it. Our own few lines, served from /static (the pages' Content-Security-Policy
// runs no inline script). Without them the links simply stay shown.
(function () {
  var header = document.querySelector("header.top");
  var button = header && header.querySelector(".menu-toggle");
  var menu = header && document.getElementById(button ? button.getAttribute("aria-controls") : "");
  if (!button || !menu) { return; }
  header.classList.add("folding");
  button.hidden = false;
  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("open", open);
  }
  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      show(false);
      button.focus();
    }
  });
})();
