/* Draw every chart container of the page with the local plotly.js bundle.
 *
 * A container names its figure: <div class="cn-chart" data-figure="x.json">.
 * Colours follow Material's colour scheme (light or slate) and change with it;
 * the figure resizes with the page (responsive down to a 360 px phone).
 */
(function () {
  "use strict";

  function colours() {
    var style = getComputedStyle(document.body);
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return {
      text: style.getPropertyValue("--md-typeset-color").trim() || (dark ? "#e2e4e9" : "#222"),
      grid: dark ? "rgba(255,255,255,0.15)" : "rgba(0,0,0,0.1)",
      bars: dark
        ? ["#ff8a80", "#82b1ff", "#b9f6ca", "#ffd180", "#ea80fc", "#a7ffeb"]
        : ["#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f"]
    };
  }

  function themed(figure) {
    var c = colours();
    var layout = Object.assign({}, figure.layout, {
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: c.text, family: "system-ui, -apple-system, 'Noto Sans CJK SC', sans-serif", size: 13 },
      colorway: c.bars,
      autosize: true
    });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: c.grid, zerolinecolor: c.grid, fixedrange: true });
    });
    return layout;
  }

  function draw(container, figure) {
    window.Plotly.react(container, figure.data, themed(figure), {
      responsive: true, displayModeBar: false, staticPlot: false
    });
  }

  var drawn = [];
  document.querySelectorAll(".cn-chart[data-figure]").forEach(function (container) {
    fetch(container.getAttribute("data-figure"))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      })
      .then(function (figure) {
        drawn.push([container, figure]);
        draw(container, figure);
        container.setAttribute("data-drawn", "true");
      })
      .catch(function (error) {
        container.textContent = String(error);
      });
  });

  // Redraw in the other colours when the reader switches light/dark.
  new MutationObserver(function () {
    drawn.forEach(function (pair) { draw(pair[0], pair[1]); });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
