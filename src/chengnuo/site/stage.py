"""The site stage: datapackage/ → the bilingual site in build/site/.

read:  datapackage/ (loaded once, here), the decoded text of each source
       (document pages), build/downloads/ and its page, the hand-written pages
       in docs/zh and docs/en, node_modules' plotly.js bundle (inputs.py
       declares them and checks them first)
work:  one `mkdocs build --strict` per language, in two forked processes that
       inherit the loaded package; in each, the plugin (plugin.py) generates the
       pages, charts and explorer data of its language as files of the build
write: build/site/ (Chinese) and build/site/en/ (English), swapped in whole
       when both succeed; nothing is written into docs/
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.site.data import SiteData
from chengnuo.site.inputs import check_inputs
from chengnuo.site.labels import LANGS
from chengnuo.stage import Progress, StageReport, no_progress, replaced_folder

PLUGIN = "chengnuo"  # the plugin's name in mkdocs.zh.yml and mkdocs.en.yml (pyproject's entry point)
MAX_PAGE_BYTES = 300_000
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings, so a strict build's failure names what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(project: Project, lang: str, site_dir: Path, site_url: str,
                 data: SiteData | None = None) -> int:
    """One language's `mkdocs build --strict`; the number of generated pages.

    `data` is the loaded package for the plugin (without it, the plugin loads it).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = project.root / f"mkdocs.{lang}.yml"
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    old_cwd = os.getcwd()
    try:
        os.chdir(project.root)  # mkdocs resolves some paths (custom_dir) from here
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True,
                             site_url=site_url)
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            raise ChengnuoError(f"the site configuration does not use the `{PLUGIN}` plugin",
                                path=project.relative(config_file))
        plugin.data = data
        build(config)
        return plugin.pages
    except MkDocsException as error:
        details = "; ".join(collect.messages[:5]) or str(error)
        raise ChengnuoError(f"mkdocs build --strict failed: {details}",
                            path=project.relative(config_file)) from error
    finally:
        os.chdir(old_cwd)
        logger.removeHandler(collect)


# The package loaded by `run`, in a build process. Forked processes get it from
# their parent's memory (initargs are not pickled under fork): one load per run.
_inherited: SiteData | None = None
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _inherit(data: SiteData, parent: int) -> None:
    global _inherited
    _inherited = data
    _end_with(parent)


def _end_with(parent: int) -> None:
    """A build worker ends when the `chengnuo site` that forked it is killed.

    A SIGKILL of the parent alone (not of its process group) would otherwise leave
    both MkDocs builds running for minutes, holding the caller's pipes open. Linux
    sends the worker SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG).
    """
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: a kill of the process group still ends them
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call above: no signal will come
        os._exit(1)


def _build_inherited(project: Project, lang: str, site_dir: Path, site_url: str) -> int:
    return mkdocs_build(project, lang, site_dir, site_url, _inherited)


def check_sizes(site_dir: Path) -> list[str]:
    """Pages over the budget: a 2,000-commitment list on one page would not load on a phone."""
    return [str(p.relative_to(site_dir)) for p in sorted(site_dir.rglob("*.html"))
            if p.stat().st_size > MAX_PAGE_BYTES]


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    check_inputs(project)
    data = SiteData.load(project.datapackage_dir)
    site_url = os.environ.get("CHENGNUO_SITE_URL") or DEFAULT_SITE_URL
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    target = project.stage_dir("site")
    with replaced_folder(target) as staging:
        progress("mkdocs build --strict (zh, en)")
        # The two builds are independent: one process each (MkDocs is single-threaded).
        # English goes to a folder of its own first, since the Chinese build empties its site_dir.
        jobs = {"zh": (staging, site_url), "en": (staging.parent / f"{staging.name}-en",
                                                  site_url + "en/")}
        with ProcessPoolExecutor(max_workers=2, mp_context=get_context("fork"),
                                 initializer=_inherit, initargs=(data, os.getpid())) as pool:
            futures = {lang: pool.submit(_build_inherited, project, lang, out, url)
                       for lang, (out, url) in jobs.items()}
            # Generated pages only: hand-written ones come and go with other work.
            counts = {f"{lang} pages": futures[lang].result() for lang in LANGS}
        os.replace(jobs["en"][0], staging / "en")
        too_big = check_sizes(staging)
        if too_big:
            raise ChengnuoError(f"{len(too_big)} pages are over {MAX_PAGE_BYTES // 1000} KB: "
                                + ", ".join(too_big[:5]), path="build/site")
    return StageReport("site", counts=counts)
