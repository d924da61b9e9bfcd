/* The explorer: filter every commitment in the browser.
 *
 * Reads commitments.json (written by `chengnuo site`), fills the <select>s
 * from its facets, and lists the commitments that match every chosen filter
 * and the free text. Data is only ever put into the page as text nodes
 * (textContent), never as HTML: report text cannot inject markup.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.cn-explorer");
  if (!form) return;
  var list = document.querySelector("ol.cn-results");
  var count = document.querySelector(".cn-count");
  var strings = JSON.parse(form.getAttribute("data-strings"));
  var LIMIT = 200;  // rows drawn at once; the count always covers every match

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function matches(item, filters, words) {
    for (var facet in filters) {
      var want = filters[facet];
      var have = item[facet];
      if (Array.isArray(have) ? have.indexOf(want) < 0 : have !== want) return false;
    }
    if (!words.length) return true;
    var haystack = (item.title + " " + item.text + " " + item.zh).toLowerCase();
    return words.every(function (word) { return haystack.indexOf(word) >= 0; });
  }

  var shownFor = null;  // the filters the list was last drawn for

  function render(data) {
    var filters = {};
    form.querySelectorAll("select[data-facet]").forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-facet")] = select.value;
    });
    var query = form.querySelector("input[data-facet=q]").value.trim().toLowerCase();
    var words = query ? query.split(/\s+/) : [];
    // A text box fires "change" again when it loses focus, e.g. on a click on a
    // result: redrawing then would remove the link being clicked.
    var key = JSON.stringify([filters, words]);
    if (key === shownFor) return;
    shownFor = key;
    var found = data.items.filter(function (item) { return matches(item, filters, words); });
    count.textContent = strings.shown
      .replace("{shown}", String(found.length)).replace("{total}", String(data.items.length));
    list.replaceChildren();
    found.slice(0, LIMIT).forEach(function (item) {
      var li = el("li", "cn-result");
      var a = el("a", null, item.title);
      a.href = item.url;
      li.appendChild(a);
      li.appendChild(el("span", "cn-result-text", item.text));
      list.appendChild(li);
    });
  }

  fetch(form.getAttribute("data-source"))
    .then(function (response) { return response.json(); })
    .then(function (data) {
      form.querySelectorAll("select[data-facet]").forEach(function (select) {
        var facet = data.facets[select.getAttribute("data-facet")] || {};
        Object.keys(facet).forEach(function (key) {
          var option = el("option", null, facet[key]);
          option.value = key;
          select.appendChild(option);
        });
      });
      form.addEventListener("input", function () { render(data); });
      form.addEventListener("change", function () { render(data); });
      form.addEventListener("reset", function () { setTimeout(function () { render(data); }, 0); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.setAttribute("data-ready", "true");
      render(data);
    });
})();
