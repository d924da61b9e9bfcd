"""The body text of a Word (.docx) file as lines, with python-docx.

Only the body is read: Word keeps page headers, footers and page numbers in
other parts of the file, so none of them reaches the text.

"Line" in a .docx source means a line of the extracted text: each paragraph is
one line (an empty paragraph is an empty line, as Word shows it), a paragraph
with manual line breaks (Shift+Enter) gives one line per break, and each table
row is one line with its cells joined by a TAB.  The line map gives, for every
extracted line, the number of its body paragraph or table (counted together, in
document order) and its line within it.
"""

from __future__ import annotations

import io
import zipfile

from chengnuo.errors import ChengnuoError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The most a .docx may hold once unzipped. A long report is a few megabytes of
# XML; a zip bomb of 3 MB unzips to gigabytes. zipfile stops inflating each
# member at the size its directory records, so checking that size is enough.
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024


def check_unzipped_size(data: bytes, name: str, limit: int = MAX_UNZIPPED_BYTES) -> None:
    """Refuse a zip (docx, xlsx) whose members add up to more than `limit`, before inflating any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise ChengnuoError(f"cannot read this zip archive ({error})", path=name,
                            hint="open it in Word and save it again, or save it as .txt") from None
    if total > limit:
        raise ChengnuoError(f"unzipped it would take {total:,} bytes, more than the "
                            f"{limit:,} a report can be (a zip bomb?)", path=name,
                            hint="save the document from Word again, or save it as .txt")


def docx_lines(data: bytes, name: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The lines of the body and, for each, (body block, line within it), both 1-based."""
    import docx  # only when a .docx is read
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ChengnuoError("not a .docx file (a .docx is a zip archive)", path=name,
                            hint="save the document from Word as .docx, or as .txt")
    check_unzipped_size(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        for element in document.element.body.iterchildren():
            if element.tag == f"{_W}p":
                blocks.append(Paragraph(element, document).text.replace("\r", "\n").split("\n"))
            elif element.tag == f"{_W}tbl":
                blocks.append(["\t".join(_cell_text(cell) for cell in row.cells)
                               for row in Table(element, document).rows])
    except ChengnuoError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged archive fails anywhere inside python-docx
        detail = " ".join(str(error).split())[:80]
        raise ChengnuoError(f"cannot read this .docx ({type(error).__name__}: {detail})",
                            path=name, hint="open it in Word and save it again, or save it as .txt")
    lines, origins = [], []
    for block_number, block in enumerate(blocks, start=1):
        for line_number, line in enumerate(block, start=1):
            lines.append(line)
            origins.append((block_number, line_number))
    if not any(line.strip() for line in lines):
        raise ChengnuoError("the .docx holds no text", path=name,
                            hint="restore the original document")
    return lines, origins


def _cell_text(cell) -> str:
    # A cell's paragraphs joined by spaces, so a row stays one line.
    return " ".join(paragraph.text.replace("\n", " ") for paragraph in cell.paragraphs)
