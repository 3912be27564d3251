// "Sao chép" buttons: copy the address of the input a button names (data-copy). Our own
// few lines, in a file of their own: the pages' Content-Security-Policy runs no inline
// script. The inputs stay selectable without them.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  button.addEventListener("click", function () {
    var input = document.getElementById(button.getAttribute("data-copy"));
    input.select();
    var done = function () { button.textContent = "Đã sao chép"; };
    if (navigator.clipboard) { navigator.clipboard.writeText(input.value).then(done); }
    else if (document.execCommand("copy")) { done(); }
  });
});
