"""Every generated page and data file of one language, from the loaded package.

The plugin (plugin.py) registers them as files of the MkDocs build; nothing is
written into docs/, which holds only the hand-written pages.
"""

from __future__ import annotations

from collections.abc import Callable

from chengnuo.project import Project
from chengnuo.site.commitment_pages import commitment_pages
from chengnuo.site.data import SiteData
from chengnuo.site.document_pages import document_pages
from chengnuo.site.entity_pages import area_pages, department_pages, topic_pages
from chengnuo.site.home_pages import explorer_page, home_page, other_page_links
from chengnuo.site.labels import t
from chengnuo.site.markdown import front_matter
from chengnuo.text.stage import source_lines


def generate(project: Project, data: SiteData, lang: str,
             page_exists: Callable[[str], bool]) -> dict[str, str]:
    """Every generated file of one language, keyed by its path in the site's docs folder.

    `page_exists` says whether the site has a page besides these (the home page
    links to the downloads and methodology pages when they exist).
    """
    files: dict[str, str] = {}
    home_page(data, lang, files, other_page_links(page_exists, lang))
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
