"""Bar charts as Plotly figure JSON, each with its data table and a CSV file.

A chart is three files next to its page: `<name>.json` (the figure, drawn in
the browser by the local plotly.js bundle through charts.js), `<name>.csv`
(the same numbers), and the Markdown block that holds the chart container and
a collapsible table of its data. The page's front matter sets `charts: true`,
which is the only thing that makes the theme load plotly.js.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from chengnuo.escape import chart_text, md, slug
from chengnuo.site.labels import t
from chengnuo.site.markdown import table

# Category labels longer than this are cut in the chart (a 360 px screen has
# room for little more); the data table below the chart shows them whole.
AXIS_LABEL_LIMIT = 12


@dataclass
class Chart:
    name: str                     # file stem, a slug
    title: str                    # plain text in the page's language
    category_title: str
    categories: list[str]
    series: list[tuple[str, list[int | float]]] = field(default_factory=list)
    horizontal: bool = False

    def figure(self) -> dict:
        def cut(label: str) -> str:
            return label if len(label) <= AXIS_LABEL_LIMIT else label[: AXIS_LABEL_LIMIT - 1] + "…"

        # Categories stay whole (two departments may share their first 12
        # characters); the axis shows them cut, through tickvals/ticktext.
        labels = [chart_text(c) for c in self.categories]
        ticks = {"tickmode": "array", "tickvals": labels,
                 "ticktext": [chart_text(cut(c)) for c in self.categories]}
        data = []
        for series_name, values in self.series:
            trace = {"type": "bar", "name": chart_text(series_name),
                     "hovertemplate": "%{y}: %{x}<extra></extra>" if self.horizontal
                     else "%{x}: %{y}<extra></extra>"}
            if self.horizontal:
                # Plotly draws the first category at the bottom; readers expect the top.
                trace.update(x=list(reversed(values)), y=list(reversed(labels)), orientation="h")
            else:
                trace.update(x=labels, y=values)
            data.append(trace)
        rows = len(self.categories)
        category_axis = {"automargin": True, "type": "category", **ticks}
        layout = {
            "barmode": "stack",
            "showlegend": len(self.series) > 1,
            "legend": {"orientation": "h", "y": -0.15 if not self.horizontal else -0.1},
            "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
            "xaxis": {"automargin": True} if self.horizontal else category_axis,
            "yaxis": category_axis if self.horizontal else {"automargin": True},
            "height": max(260, 28 * rows + 80) if self.horizontal else 320,
        }
        return {"data": data, "layout": layout}

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([self.category_title] + [s for s, _ in self.series])
        for i, category in enumerate(self.categories):
            writer.writerow([category] + [values[i] for _, values in self.series])
        return out.getvalue()

    def files(self, folder: str) -> dict[str, str]:
        """The figure and its CSV, keyed by path under docs/<lang>/."""
        stem = f"{folder}/{slug(self.name, what='chart name')}" if folder else self.name
        return {f"{stem}.json": json.dumps(self.figure(), ensure_ascii=False, sort_keys=True) + "\n",
                f"{stem}.csv": self.csv_text()}

    def markdown(self, lang: str, level: int = 3) -> str:
        """Heading, chart container, then the data table folded under it."""
        rows = [[md(c)] + [md(values[i]) for _, values in self.series]
                for i, c in enumerate(self.categories)]
        body = table([md(self.category_title)] + [md(s) for s, _ in self.series], rows)
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        return (f"{'#' * level} {md(self.title)}\n\n"
                f'<div class="cn-chart" data-figure="{self.name}.json" role="img" '
                f'aria-label="{md(self.title)}"></div>\n\n'
                f'??? note "{t(lang, "data_table")}"\n\n{indented}\n\n'
                f"    [{t(lang, 'csv')}]({self.name}.csv)\n\n")


def non_empty(chart: Chart) -> bool:
    return bool(chart.categories) and any(any(v for v in values) for _, values in chart.series)
