"""scripts/bench measures a site it is given, and says what is missing."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BENCH = REPO / "scripts" / "bench"


def bench(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), "--project", str(project), *args],
                          capture_output=True, text=True, check=False)


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def page(scripts: list[str], styles: list[str], body: str = "") -> str:
    tags = "".join(f'<script src="{s}"></script>' for s in scripts)
    tags += "".join(f'<link rel="stylesheet" href="{s}">' for s in styles)
    return f"<html><head>{tags}</head><body>{body}</body></html>"


def make_site(root: Path) -> None:
    site = root / "build" / "site"
    write(site / "assets" / "bundle.js", b"x" * 1000)
    write(site / "assets" / "main.css", b"c" * 200)
    write(site / "assets" / "plotly-basic.min.js", b"p" * 5000)
    write(site / "index.html", page(["assets/bundle.js", "assets/plotly-basic.min.js"],
                                    ["assets/main.css"]))
    write(site / "topics" / "index.html", page(["../assets/bundle.js"], ["../assets/main.css"]))
    write(site / "topics" / "education" / "index.html",
          page(["../../assets/bundle.js", "../../assets/plotly-basic.min.js"],
               ["../../assets/main.css"], "y" * 400_000))
    write(site / "search" / "search_index.json", json.dumps({"docs": ["教育"] * 1000}))
    write(site / "en" / "index.html", page(["../assets/bundle.js"], [],
                                           '<script>var a = 1;</script>'))
    write(site / "en" / "downloads" / "index.html",
          page(["https://cdn.example.org/x.js"], ["../../assets/main.css"]))


def test_it_reports_pages_sizes_kinds_and_budgets_per_language(tmp_path):
    make_site(tmp_path)
    result = bench(tmp_path, "--no-build")
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    zh, en = out.split("== zh:")[1].split("== en:")
    assert "pages: 3 " in zh and "pages: 2 " in en
    # Kinds, with and without charts: JS counts the files each page loads.
    assert "  home                        yes      1      6.0 kB       200 B       175 B\n" in zh
    assert "  topics                      yes      1      6.0 kB       200 B    400.2 kB\n" in zh
    assert "  topics (index)               no      1      1.0 kB       200 B       131 B\n" in zh
    # The inline script counts too (1,000 + 10 bytes); a CDN script is not a local byte.
    assert "  home                         no      1      1.0 kB         0 B       109 B\n" in en
    assert "  downloads                    no      1         0 B       200 B       143 B\n" in en
    index = (tmp_path / "build/site/search/search_index.json").read_bytes()
    gzipped = len(gzip.compress(index, 9, mtime=0))
    assert f"search index: {len(index) / 1000:.1f} kB raw, {gzipped} B gzipped" in zh
    assert "search index: missing" in en and "FAIL en: no search index" in out
    assert "largest 400.2 kB (topics/education/index.html)" in zh
    assert "FAIL zh: 1 HTML pages over 300 kB, e.g. topics/education/index.html" in out
    assert "FAIL en: scripts or styles from other hosts: ['https://cdn.example.org/x.js']" in out
    assert "plotly.js bundle: 5.0 kB raw" in out


def test_without_a_site_it_says_what_is_missing(tmp_path):
    result = bench(tmp_path, "--no-build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "site: missing" in result.stdout and "Not measured: page counts" in result.stdout
    assert "downloads: missing" in result.stdout


def test_it_is_an_executable_script():
    assert BENCH.stat().st_mode & 0o111
    assert BENCH.read_text().startswith("#!/usr/bin/env python3\n")
