"""The site as an MkDocs plugin: `plugins: [chengnuo]` in mkdocs.zh.yml and mkdocs.en.yml.

- on_config: checks the inputs (inputs.py), takes the loaded data package that
  `chengnuo site` hands over (or loads it, when MkDocs is run by hand), teaches
  jieba the names in it, and adds the English edition's notice;
- on_files: registers the generated pages (pages.py), the downloads with their
  page and the plotly.js bundle as files of the build; docs/ keeps only the
  hand-written pages;
- on_post_build: adds the search fields of search.py to the search index.

It runs in every build of the site, whether `chengnuo site` starts it or a
maintainer runs `mkdocs build -f mkdocs.zh.yml` by hand. A plugin rather than a
`hooks:` script, because the configuration then names an installed package
instead of a path into this repository (any project folder can use it), and
`chengnuo site` can hand its loaded data to the plugin instance of each build.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jieba
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from chengnuo.errors import ChengnuoError
from chengnuo.i18n.ui import label
from chengnuo.project import DOWNLOADS_PAGES, Project, downloads_page
from chengnuo.site.data import SiteData
from chengnuo.site.inputs import PLOTLY, check_inputs
from chengnuo.site.pages import generate
from chengnuo.site.search import add_search_fields, dictionary_words


class SitePlugin(BasePlugin):
    def __init__(self) -> None:
        # Set by `chengnuo site` before the build; loaded in on_config otherwise.
        self.data: SiteData | None = None
        self.project: Project | None = None
        self.pages = 0  # generated Markdown pages of the last build

    def on_config(self, config):
        self.project = Project.find(Path(config.config_file_path).parent)
        try:
            check_inputs(self.project)
        except ChengnuoError as error:
            raise PluginError(str(error)) from None
        if self.data is None:
            self.data = SiteData.load(self.project.datapackage_dir)
        # jieba is one tokenizer per process; adding a word twice is harmless.
        for word in dictionary_words(self.data):
            jieba.add_word(word, freq=20000)
        # The English edition is an unofficial translation: every English page says so
        # (theme/main.html shows it as Material's announcement bar).
        if config.theme["language"] == "en":
            config.extra["translation_notice"] = label("unofficial_translation", "en")
        return config

    def on_files(self, files: Files, *, config) -> Files:
        assert self.project is not None and self.data is not None  # set in on_config
        project, lang = self.project, config.theme["language"]
        added = [File.generated(config, "downloads.md",
                                abs_src_path=str(project.stage_dir("downloads") / downloads_page(lang))),
                 File.generated(config, f"assets/vendor/{PLOTLY.name}",
                                abs_src_path=str(project.root / PLOTLY))]
        for path in sorted(project.stage_dir("downloads").rglob("*")):
            relative = path.relative_to(project.stage_dir("downloads")).as_posix()
            if path.is_file() and not relative.startswith(DOWNLOADS_PAGES + "/"):
                added.append(File.generated(config, f"downloads/{relative}", abs_src_path=str(path)))
        present = {file.src_uri for file in files} | {file.src_uri for file in added}
        pages = generate(project, self.data, lang, present.__contains__)
        added += [File.generated(config, uri, content=text) for uri, text in pages.items()]
        self.pages = sum(1 for uri in pages if uri.endswith(".md"))
        return with_generated(files, added, config)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config) -> None:
        path = Path(config.site_dir) / "search" / "search_index.json"
        if path.is_file():
            index = add_search_fields(json.loads(path.read_text(encoding="utf-8")))
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                            encoding="utf-8")


def with_generated(files: Files, added: list[File], config) -> Files:
    """The docs folder's files and `added`, as if `added` had been in the folder.

    MkDocs builds pages (and writes the search index and sitemap) in the order
    of its walk of docs_dir, so the generated files take the places they had
    when they were written there; the theme's files follow, as they did.
    """
    docs = [file for file in files if file.src_dir == config.docs_dir]
    clashes = sorted({file.src_uri for file in docs} & {file.src_uri for file in added})
    if clashes:
        where = os.path.relpath(config.docs_dir)
        raise PluginError(f"{len(clashes)} files in {where} have the path of a generated page or "
                          f"download, e.g. {where}/{clashes[0]} (left by an older chengnuo, which "
                          "wrote them there? delete them)")
    others = [file for file in files if file.src_dir != config.docs_dir]
    return Files(sorted(docs + added, key=lambda file: walk_order(file.src_uri)) + others)


def walk_order(src_uri: str) -> tuple:
    """The place of a file in MkDocs' walk of a docs folder (`get_files`): a folder's
    files before its subfolders, `index` (or `README`) first, then by name."""
    *folders, name = src_uri.split("/")
    first = os.path.splitext(name)[0] in ("index", "README")
    return (*((1, folder) for folder in folders), (0, not first, name))
