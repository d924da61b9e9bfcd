"""Where a paragraph's text sits in the original file: offsets in `text_zh` → lines.

The targets stage gives each result the line its figure is printed on, and the
outcomes stage each review sentence; both ask here, so the rule that made
`text_zh` from the paragraph's lines (records stage) is applied back in one place.
"""

from __future__ import annotations

from typing import Any, Callable

from chengnuo.records.textclean import clean_inline


def line_finder(paragraph: dict[str, Any]) -> Callable[[int, str], int]:
    """Maps an offset in the paragraph's text to the line of the original file it is on.

    `text_zh` is the paragraph's lines cleaned and joined; where it is not (a
    line of page furniture was dropped), the figure is looked up line by line,
    and failing that the paragraph's first line is given.
    """
    lines = [clean_inline(line) for line in paragraph["source_text"].split("\n")]
    first = paragraph["line_start"]
    if "".join(lines) == paragraph["text_zh"]:
        ends, total = [], 0
        for line in lines:
            total += len(line)
            ends.append(total)

        def by_offset(start: int, snippet: str) -> int:
            return first + next((i for i, end in enumerate(ends) if start < end), len(ends) - 1)
        return by_offset

    def by_search(start: int, snippet: str) -> int:
        snippet = clean_inline(snippet)
        return first + next((i for i, line in enumerate(lines) if snippet in line), 0)
    return by_search
