"""The site stage: datapackage/ → generated pages → the bilingual site in build/site/.

read:  datapackage/, the decoded text of each source (document pages), the
       hand-written pages in docs/zh and docs/en, node_modules' plotly.js
       bundle, build/downloads/ when the downloads stage has run
work:  the Markdown, chart JSON/CSV and explorer data of every generated page,
       per language
write: the generated folders of docs/zh and docs/en (git-ignored), then one
       `mkdocs build --strict` per language: Chinese into build/site/,
       English into build/site/en/, swapped in whole when both succeed
"""

from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
import os
import shutil
from pathlib import Path

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.site.commitment_pages import commitment_pages
from chengnuo.site.data import SiteData
from chengnuo.site.document_pages import document_pages
from chengnuo.site.entity_pages import area_pages, department_pages, topic_pages
from chengnuo.site.home_pages import explorer_page, hand_written_links, home_page
from chengnuo.site.labels import LANGS, t
from chengnuo.site.markdown import front_matter
from chengnuo.stage import Progress, StageReport, no_progress, replaced_folder
from chengnuo.text.stage import source_lines

# Everything the stage writes into docs/<lang>/ (and .gitignore ignores); the
# rest of docs/ is hand-written. Home-page chart files are `home-*`.
GENERATED = ("index.md", "topics", "counties", "departments", "documents", "commitments",
             "explorer", "assets/vendor", "downloads")
PLOTLY = Path("node_modules/plotly.js-basic-dist-min/plotly-basic.min.js")
MAX_PAGE_BYTES = 300_000
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def generate(project: Project, data: SiteData, lang: str) -> dict[str, str]:
    """Every generated file of one language, keyed by its path under docs/<lang>/."""
    files: dict[str, str] = {}
    docs_dir = project.root / "docs" / lang
    home_page(data, lang, files, hand_written_links(docs_dir, lang))
    topic_pages(data, lang, files)
    if "topics/index.md" not in files:  # the nav lists it: say there is nothing yet
        files["topics/index.md"] = (front_matter(t(lang, "topics")) + f"# {t(lang, 'topics')}\n\n"
                                    + t(lang, "no_data_yet") + "\n")
    area_pages(data, lang, files)
    department_pages(data, lang, files)
    lines: dict[str, list[str]] = {}

    def lines_of(source_id: str) -> list[str]:
        if source_id not in lines:
            lines[source_id] = source_lines(project, source_id)
        return lines[source_id]

    files.update(document_pages(data, lang, lines_of))
    files.update(commitment_pages(data, lang))
    explorer_page(data, lang, files)
    return files


def write_generated(project: Project, lang: str, files: dict[str, str]) -> None:
    docs_dir = project.root / "docs" / lang
    for name in GENERATED:
        target = docs_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    for old in docs_dir.glob("home-*"):
        old.unlink()
    for relative, text in sorted(files.items()):
        path = docs_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    plotly = project.root / PLOTLY
    if not plotly.is_file():
        raise ChengnuoError("the plotly.js bundle is missing", path=project.relative(plotly),
                            hint="run `npm ci` in the project folder")
    vendor = docs_dir / "assets" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly, vendor / plotly.name)
    downloads = project.stage_dir("downloads")
    if downloads.is_dir():
        shutil.copytree(downloads, docs_dir / "downloads")


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings, so a strict build's failure names what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(project: Project, lang: str, site_dir: Path, site_url: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = project.root / f"mkdocs.{lang}.yml"
    if not config_file.is_file():
        raise ChengnuoError("the site configuration is missing", path=project.relative(config_file))
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    old_cwd = os.getcwd()
    try:
        os.chdir(project.root)  # mkdocs resolves some paths (hooks, custom_dir) from here
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True,
                             site_url=site_url)
        build(config)
    except MkDocsException as error:
        details = "; ".join(collect.messages[:5]) or str(error)
        raise ChengnuoError(f"mkdocs build --strict failed: {details}",
                            path=project.relative(config_file)) from error
    finally:
        os.chdir(old_cwd)
        logger.removeHandler(collect)


def check_sizes(site_dir: Path) -> list[str]:
    """Pages over the budget: a 2,000-commitment list on one page would not load on a phone."""
    return [str(p.relative_to(site_dir)) for p in sorted(site_dir.rglob("*.html"))
            if p.stat().st_size > MAX_PAGE_BYTES]


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    data = SiteData.load(project.datapackage_dir)
    counts: dict[str, int] = {}
    for lang in LANGS:
        files = generate(project, data, lang)
        write_generated(project, lang, files)
        # Generated pages only: hand-written ones come and go with other work.
        counts[f"{lang} pages"] = sum(1 for name in files if name.endswith(".md"))
    site_url = os.environ.get("CHENGNUO_SITE_URL") or DEFAULT_SITE_URL
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    target = project.stage_dir("site")
    with replaced_folder(target) as staging:
        progress("mkdocs build --strict (zh, en)")
        # The two builds are independent: one process each (MkDocs is single-threaded).
        # English goes to a folder of its own first, since the Chinese build empties its site_dir.
        jobs = {"zh": (staging, site_url), "en": (staging.parent / f"{staging.name}-en",
                                                  site_url + "en/")}
        with ProcessPoolExecutor(max_workers=2, mp_context=get_context("fork")) as pool:
            futures = [pool.submit(mkdocs_build, project, lang, out, url)
                       for lang, (out, url) in jobs.items()]
            for future in futures:
                future.result()
        os.replace(jobs["en"][0], staging / "en")
        too_big = check_sizes(staging)
        if too_big:
            raise ChengnuoError(f"{len(too_big)} pages are over {MAX_PAGE_BYTES // 1000} KB: "
                                + ", ".join(too_big[:5]), path="build/site")
    return StageReport("site", counts=counts)
