"""The site plugin: generated files take the places MkDocs would give them, the site
stage checks its inputs first, and a build publishes the downloads without writing
anything into docs/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from chengnuo.cli import main
from chengnuo.project import DOWNLOADS_PAGES, Project
from chengnuo.site.inputs import check_inputs
from chengnuo.site.plugin import walk_order
from tests.conftest import REPO

# Folders and files as a docs folder holds them: index and README first, files
# before subfolders, names that sort differently as files and as folders.
DOCS = ["index.md", "a.md", "home-by-topic.csv", "home-by-topic.json", "z.md", "downloads.md",
        "b/README.md", "b/a.md", "b/c/x.md", "b/c/index.md", "b.md", "assets/vendor/p.js",
        "downloads/csv/t.csv", "downloads/x.zip", "downloads/extracts/topics/e.csv",
        "commitments/liaocheng-2023-task-plan-10.md", "commitments/liaocheng-2023-task-plan-9.md",
        "commitments/index.md", "topics/index.md", "topics-x.md", "topics/a/index.md"]


def test_generated_files_sort_as_mkdocs_walks_a_docs_folder(tmp_path):
    for name in DOCS:
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text("x", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    walked = [file.src_uri for file in get_files(load_config(str(tmp_path / "mkdocs.yml")))]
    assert sorted(walked) == sorted(DOCS)
    assert sorted(DOCS, key=walk_order) == walked


def _site_inputs(root: Path) -> Project:
    """Stand-ins for everything the site stage reads (the check looks for them, no more)."""
    for name in ("mkdocs.zh.yml", "mkdocs.en.yml", "datapackage/datapackage.json",
                 f"build/downloads/{DOWNLOADS_PAGES}/zh.md", f"build/downloads/{DOWNLOADS_PAGES}/en.md",
                 "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")
    (root / "build" / "text").mkdir()
    return Project(root)


@pytest.mark.parametrize("missing, error", [
    ("datapackage/datapackage.json",
     "datapackage/datapackage.json: the data package is missing (run `chengnuo datapackage` first)"),
    # A whole stage's output missing: the stage graph's one message (chengnuo.pipeline).
    ("build/text", "build/text: the text stage's output is missing (run `chengnuo text` first)"),
    ("build/downloads", "build/downloads: the downloads stage's output is missing "
                        "(run `chengnuo downloads` first)"),
    ("build/downloads/pages/zh.md", "build/downloads/pages/zh.md: the downloads page (zh) is "
                                    "missing (run `chengnuo downloads` first)"),
    ("build/downloads/pages/en.md", "build/downloads/pages/en.md: the downloads page (en) is "
                                    "missing (run `chengnuo downloads` first)"),
    ("node_modules", "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js: the plotly.js "
                     "bundle is missing (run `npm ci` in the project folder)"),
    ("mkdocs.en.yml", "mkdocs.en.yml: the site configuration is missing"),
])
def test_a_missing_input_is_one_error_naming_what_makes_it(tmp_path, missing, error):
    project = _site_inputs(tmp_path)
    assert check_inputs(project) is None
    path = tmp_path / missing
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "site"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"error: {error}"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_writes_nothing_into_docs(built):
    # The build's copy of docs/ was made from the repository's: the same files after the build.
    assert _files(built / "docs") == _files(REPO / "docs")


@pytest.mark.parametrize("lang_dir", ["", "en/"])
def test_the_site_publishes_every_download_beside_its_page(built, lang_dir):
    downloads = built / "build" / "downloads"
    published = _files(built / "build" / "site" / f"{lang_dir}downloads")
    page = published.pop("index.html").decode("utf-8")
    expected = {name: data for name, data in _files(downloads).items()
                if not name.startswith(DOWNLOADS_PAGES + "/")}
    assert published == expected
    assert 'href="chengnuo-liaocheng.zip"' in page
