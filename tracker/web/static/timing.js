// The task form's timing preview: as the officer types a timing, ask the server how it
// reads (GET /api/timing/preview) and list the dates it gives. Our own few lines, served
// by the app (the pages' Content-Security-Policy runs no inline script). Without script,
// the form's "Xem trước các hạn" button asks the server for the same preview.
(function () {
  function item(text, muted) {
    var li = document.createElement("li");
    li.textContent = text;
    if (muted) { li.className = "muted"; }
    return li;
  }
  function para(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) { p.className = className; }
    return p;
  }
  function show(box, words) {
    box.textContent = "";
    if (words.reason) { box.appendChild(para("Cần xem lại: " + words.reason, "review-reason")); }
    if (words.kinds) { box.appendChild(para(words.kinds)); }
    if (words.count) {
      box.appendChild(para(words.count + " hạn:"));
      var list = document.createElement("ul");
      words.dates.forEach(function (d) { list.appendChild(item(d.due + (d.label ? " · " + d.label : ""))); });
      if (words.more) { list.appendChild(item("… và " + words.more + " hạn nữa", true)); }
      box.appendChild(list);
    } else if (!words.kinds) {
      box.appendChild(para("Chưa có hạn nào.", "muted"));
    }
  }
  document.querySelectorAll("input[data-timing-preview]").forEach(function (input) {
    var box = document.getElementById(input.getAttribute("data-timing-preview"));
    var year = input.getAttribute("data-year") || "";
    var period = "";
    ["start", "end"].forEach(function (name) {
      var value = input.getAttribute("data-" + name);
      if (value) { period += "&" + name + "=" + encodeURIComponent(value); }
    });
    var timer = null;
    var asked = 0;
    function ask() {
      var mine = ++asked;
      var query = "text=" + encodeURIComponent(input.value) + "&year=" + encodeURIComponent(year) + period;
      fetch("/api/timing/preview?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && mine === asked) { show(box, data.words); } })
        .catch(function () { /* the button still previews through the server */ });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 300);
    });
    if (input.value && !box.children.length) { ask(); }
  });
})();
