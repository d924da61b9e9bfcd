"""The text layer of a PDF as lines, without page numbers and running headers.

pdfplumber groups the characters of each page into lines by position.  What a
printed page adds around the text is then removed:

- page numbers: a first or last line of a page that is only a number, in the
  forms printers use (`3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 9 页`, `3/9`);
- running headers and footers: a first or last line of a page whose text repeats
  on the same edge of at least half the pages (and on at least two); digits are
  ignored in the comparison, so `公报 2022年第2期 第5页` repeats too.

"Line" in a PDF source means a line of the extracted text, counted over all
pages in order after those removals; the line map gives, for every extracted
line, its page and its line on that page (as pdfplumber reads it).  A PDF
without a text layer (a scan) is refused: this project does no OCR.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from chengnuo.errors import ChengnuoError

_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(?:第\s*)?[0-9０-９]+\s*(?:页)?(?:\s*(?:/|共)\s*[0-9０-９]+\s*页?)?[-—–\s]*$")
_DIGITS = re.compile(r"[0-9０-９]+")
_EDGE_LINES = 2  # how many lines at each edge of a page may be header or footer
# A work report or task plan has tens of pages; thousands take minutes and gigabytes.
MAX_PAGES = 1_000


def _password_error(error: BaseException) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect in an exception with no message."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, PDFPasswordIncorrect) or any(
                isinstance(arg, PDFPasswordIncorrect) for arg in getattr(error, "args", ())):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _key(line: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", line))


def pdf_lines(data: bytes, name: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The lines of the text layer and, for each, (page, line on the page), both 1-based."""
    import pdfplumber  # slow to import: only when a PDF is read

    # pdfminer logs every odd object it meets; the user gets our messages instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[list[str]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ChengnuoError(f"the PDF has {len(pdf.pages):,} pages, more than the {MAX_PAGES:,} "
                                    "a report can have", path=name,
                                    hint="split out the report, or save its text as .txt")
            for page in pdf.pages:
                text = page.extract_text() or ""
                pages.append([line.strip() for line in text.split("\n")])
    except ChengnuoError:
        raise
    except Exception as error:  # noqa: BLE001 - a broken PDF fails anywhere inside pdfminer
        if _password_error(error):
            raise ChengnuoError("the PDF is password-protected", path=name,
                                hint="open it with its password and save an unprotected copy, "
                                "or save its text as .txt") from None
        detail = " ".join(str(error).split())[:80]
        raise ChengnuoError(f"cannot read this PDF ({type(error).__name__}: {detail})",
                            path=name, hint="open it in a PDF reader and export it again, "
                            "or save its text as .txt") from None
    if not any(line for page in pages for line in page):
        raise ChengnuoError("the PDF has no text layer (a scanned image?)", path=name,
                            hint="this project does no OCR: find the text version of the document")
    repeated = _running_lines(pages)
    lines, origins = [], []
    for page_number, page in enumerate(pages, start=1):
        content = [(n, line) for n, line in enumerate(page, start=1) if line]
        edges = {n for n, _ in content[:_EDGE_LINES] + content[-_EDGE_LINES:]}
        for number, line in content:
            if number in edges and (_PAGE_NUMBER.match(line) or _key(line) in repeated):
                continue
            lines.append(line)
            origins.append((page_number, number))
    return lines, origins


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Edge lines that repeat on at least half of the pages: headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        content = [line for line in page if line]
        counts.update({_key(line) for line in content[:_EDGE_LINES] + content[-_EDGE_LINES:]})
    return {key for key, count in counts.items() if count >= max(2, len(pages) / 2)}
