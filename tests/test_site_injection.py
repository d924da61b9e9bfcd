"""Report text is untrusted: a commitment whose text is markup shows as text in
the real browser, and nothing in it runs."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import chromium, serve, visit
from tests.conftest import copy_site_inputs

EVIL = ('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
        '[link](javascript:window.__pwned=3) {: onclick="window.__pwned=4" } **not bold**')
TARGET = "liaocheng-2023-task-plan-49"


@pytest.fixture(scope="module")
def evil_site(built, tmp_path_factory) -> Path:
    """The built project with one commitment's Chinese and English text replaced by EVIL."""
    root = tmp_path_factory.mktemp("evil")
    shutil.copytree(built / "datapackage", root / "datapackage")
    shutil.copytree(built / "reports", root / "reports")
    shutil.copytree(built / "build" / "text", root / "build" / "text")
    shutil.copytree(built / "build" / "downloads", root / "build" / "downloads")
    copy_site_inputs(root)
    path = root / "datapackage" / "data" / "commitments.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["commitment_id"] == TARGET:
            row["text_zh"] = row["text_en"] = EVIL
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = subprocess.run([str(Path(sys.executable).with_name("chengnuo")), "--project", str(root),
                             "site"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "build" / "site"


@pytest.mark.parametrize("path", [f"commitments/{TARGET}/", f"en/commitments/{TARGET}/",
                                  "explorer/", "counties/dongchangfu/"])
def test_markup_in_report_text_shows_as_text_and_runs_nothing(evil_site, path):
    with serve(evil_site) as base, chromium() as browser, visit(browser, base) as seen:
        seen.page.goto(base + path, wait_until="networkidle")
        if "explorer" in path:
            seen.page.wait_for_selector("form.cn-explorer[data-ready=true]")
            seen.page.fill("input[data-facet=q]", "pwned")
            seen.page.wait_for_selector(".cn-result")
        assert seen.page.evaluate("window.__pwned") is None
        body = seen.page.inner_text("article")
        assert "<script>window.__pwned = 1</script>" in body
        assert seen.page.locator("article script, article img[src=x], article a[href^=javascript]").count() == 0
        assert seen.page.locator("article [onclick]").count() == 0
        assert seen.problems() == []
