"""The built site in real Chromium: every page kind in both languages, charts,
the language switch, search, the explorer, phones, and no request off the machine.

Screenshots of every page kind (desktop and 360 px) go to build/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import chromium, serve, visit
from tests.conftest import REPO

SCREENSHOTS = REPO / "build" / "screenshots"
PHONE = 360

PAGE_KINDS = {
    "home": "",
    "topics": "topics/",
    "counties": "counties/",
    "county": "counties/dongchangfu/",
    "departments": "departments/",
    "department": "departments/liaocheng-transport-bureau/",
    "documents": "documents/",
    "document": "documents/liaocheng-2023-task-plan/",
    "commitment": "commitments/liaocheng-2023-task-plan-49/",
    "explorer": "explorer/",
    "methodology": "methodology/",
}


def _first_topic(site: Path) -> str | None:
    pages = sorted(site.glob("topics/*/index.html"))
    return pages[0].parent.name if pages else None


@pytest.fixture(scope="module")
def site(built) -> str:
    with serve(built / "build" / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def page_kinds(built_site: Path) -> dict[str, str]:
    kinds = dict(PAGE_KINDS)
    topic = _first_topic(built_site)
    if topic:
        kinds["topic"] = f"topics/{topic}/"
    return kinds


def _open(seen, url: str) -> None:
    response = seen.page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, url
    charts = seen.page.locator(".cn-chart")
    for i in range(charts.count()):
        # Each chart container gets an SVG from plotly.js.
        charts.nth(i).locator("svg.main-svg").first.wait_for(state="attached", timeout=15000)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_kind_loads_cleanly_on_desktop_and_phone(built, site, browser, lang):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    root = site if lang == "zh" else site + "en/"
    problems = []
    for width in (1280, PHONE):
        with visit(browser, site, width=width, height=800 if width > PHONE else 740) as seen:
            for kind, path in page_kinds(built / "build" / "site").items():
                _open(seen, root + path)
                overflow = seen.page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if overflow > 0:
                    problems.append(f"{lang} {kind} at {width}px scrolls sideways by {overflow}px")
                seen.page.screenshot(path=str(SCREENSHOTS / f"{lang}-{kind}-{width}.png"))
            problems += seen.problems()
    assert problems == []


def test_charts_draw_in_dark_mode_with_light_text(site, browser):
    with visit(browser, site, color_scheme="dark") as seen:
        _open(seen, site + "en/")
        assert seen.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        fill = seen.page.locator(".cn-chart svg .xtick text").first.evaluate(
            "e => getComputedStyle(e).fill")
        red, green, blue = (int(x) for x in re.findall(r"\d+", fill)[:3])
        assert min(red, green, blue) > 150, fill  # light text on the dark page
        seen.page.screenshot(path=str(SCREENSHOTS / "en-home-dark.png"), full_page=True)
        assert seen.problems() == []


def test_pages_without_charts_do_not_load_plotly(site, browser):
    with visit(browser, site) as seen:
        scripts = []
        seen.page.on("request", lambda r: scripts.append(r.url) if r.url.endswith(".js") else None)
        _open(seen, site + PAGE_KINDS["commitment"])
        assert not any("plotly" in url for url in scripts)
        _open(seen, site)
        assert any("plotly" in url for url in scripts)


@pytest.mark.parametrize("start, other", [("", "en/"), ("en/", "")])
def test_the_language_switch_lands_on_the_same_page(site, browser, start, other):
    path = PAGE_KINDS["commitment"]
    with visit(browser, site) as seen:
        _open(seen, site + start + path)
        seen.page.hover(".md-header .md-select")
        with seen.page.expect_navigation():
            seen.page.click(f".md-select__link[hreflang={'en' if other else 'zh'}]")
        assert seen.page.url == site + other + path
        assert seen.problems() == []


def _search(seen, root: str, query: str) -> list[tuple[str, str]]:
    """(address, text) of each search result for `query` in the search box."""
    _open(seen, root)
    box = seen.page.locator(".md-search__input")
    box.click()
    # The whole query at once, then a key press (Material searches on keyup): typed
    # a key at a time, a busy machine may show the results for "公" of "公路".
    box.fill(query)
    box.press("End")
    first = seen.page.locator(".md-search-result__item").first
    for _ in range(60):  # the index may still be loading: a key press searches again
        if first.is_visible():
            break
        seen.page.wait_for_timeout(500)
        box.press("End")
    first.wait_for(timeout=1000)
    items = seen.page.locator(".md-search-result__item > a")

    def shown() -> list[tuple[str, str]]:
        return [(items.nth(i).get_attribute("href"), items.nth(i).inner_text())
                for i in range(items.count())]

    # The list is drawn in pages as results arrive: wait until it stops changing.
    results = shown()
    for _ in range(20):
        seen.page.wait_for_timeout(400)
        again = shown()
        if again == results:
            break
        results = again
    return results


@pytest.mark.parametrize("query, expected", [("农村公路", "农村公路"), ("公路", "农村公路"),
                                             ("县政府", "县政府")])
def test_chinese_search_finds_words_and_words_inside_words(site, browser, query, expected):
    with visit(browser, site) as seen:
        results = _search(seen, site, query)
        assert any(expected in text for _, text in results), results[:5]
        assert seen.problems() == []


def test_english_search_stays_on_the_english_site(built, site, browser):
    topic = _first_topic(built / "build" / "site" / "en")
    with visit(browser, site) as seen:
        if topic:
            title = seen.page.goto(site + f"en/topics/{topic}/") and seen.page.title()
            query = title.split(" - ")[0]
            results = _search(seen, site + "en/", query)
            assert any(query.lower() in text.lower() for _, text in results), results[:5]
        results = _search(seen, site + "en/", "transport")
        assert any("Transport Bureau" in text for _, text in results), results[:5]
        assert all("/en/" in seen.page.evaluate("h => new URL(h, location.href).href", href)
                   for href, _ in results)
        assert seen.problems() == []


@pytest.mark.parametrize("query", ["rural roads", "elderly care", "hydrogen buses"])
def test_english_search_finds_commitments_by_their_english_words(site, browser, query):
    with visit(browser, site) as seen:
        results = _search(seen, site + "en/", query)
        hits = [(href, text) for href, text in results
                if "/commitments/" in href and query in text.lower()]
        assert hits, [href for href, _ in results]
        assert seen.problems() == []


def test_the_explorer_filters_narrow_the_list(site, browser):
    with visit(browser, site) as seen:
        _open(seen, site + "explorer/")
        seen.page.wait_for_selector("form.cn-explorer[data-ready=true]")

        def shown() -> tuple[int, int]:
            numbers = re.findall(r"\d+", seen.page.inner_text(".cn-count"))
            return int(numbers[0]), int(numbers[1])

        everything, total = shown()
        assert everything == total > 0
        seen.page.select_option("select[data-facet=kind]", "policy")
        policies, _ = shown()
        assert 0 < policies < total
        assert seen.page.locator(".cn-result").count() == policies
        seen.page.select_option("select[data-facet=kind]", "")
        seen.page.fill("input[data-facet=q]", "农村公路")
        roads, _ = shown()
        assert 0 < roads < total
        first = seen.page.locator(".cn-result a").first
        with seen.page.expect_navigation():
            first.click()
        assert "/commitments/" in seen.page.url
        assert seen.problems() == []
