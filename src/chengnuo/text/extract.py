"""Read a source file of any supported format into numbered lines of text.

| format | read with | "line n" means |
|---|---|---|
| txt, md | `decode.decode_bytes` (UTF-8, BOM, GB18030, UTF-16/32) | line n of the file |
| docx | python-docx (`docx_body`) | the n-th paragraph line of the body |
| html | the standard library's parser (`html_article`) | the n-th line of the article |
| pdf | pdfplumber (`pdf_layer`) | the n-th line of the text layer, headers and page numbers removed |

For the converted formats the extracted lines are what build/text/<source_id>.txt
holds and what every record's line numbers count; `Extracted.origins` says where
each line sits in the original file (page, paragraph or HTML line), so a reader
can still find it there.
"""

from __future__ import annotations

from dataclasses import dataclass

from chengnuo.errors import ChengnuoError
from chengnuo.formats import FORMATS, PDF_ENCODING
from chengnuo.text.decode import decode_bytes, split_lines, starts_with_bom

_MAGIC = ((b"%PDF-", "pdf"), (b"PK\x03\x04", "docx"), (b"\xd0\xcf\x11\xe0", "doc"))


@dataclass(frozen=True)
class Extracted:
    """A source read into lines: `lines[n - 1]` is line n of its text."""

    format: str
    encoding: str
    lines: list[str]
    # For converted formats, where each line came from in the original; None for txt/md.
    origins: list[str] | None = None


def extract(data: bytes, name: str, file_format: str) -> Extracted:
    """Detect the encoding (where there is one) and read the text lines of `data`."""
    _check_magic(data, name, file_format)
    if file_format in ("txt", "md"):
        decoded = decode_bytes(data, name)
        return Extracted(file_format, decoded.encoding, decoded.lines)
    if file_format == "html":
        return _extract_html(data, name)
    if file_format == "docx":
        from chengnuo.text.docx_body import docx_lines
        lines, origins = docx_lines(data, name)
        return Extracted("docx", "utf-8", lines,
                         [f"paragraph {block}" + (f", line {part}" if part > 1 else "")
                          for block, part in origins])
    if file_format == "pdf":
        from chengnuo.text.pdf_layer import pdf_lines
        lines, origins = pdf_lines(data, name)
        return Extracted("pdf", PDF_ENCODING, lines,
                         [f"page {page}, line {line}" for page, line in origins])
    raise ChengnuoError(f"unsupported format '{file_format}'", path=name,
                        hint="supported: " + ", ".join(FORMATS))


def _check_magic(data: bytes, name: str, file_format: str) -> None:
    for magic, actual in _MAGIC:
        if data.startswith(magic) and actual != file_format:
            ending = FORMATS.get(actual, (".doc",))[0]
            hint = ("save it from Word as .docx" if actual == "doc"
                    else f"rename it to end in {ending}")
            raise ChengnuoError(f"the file is a {actual.upper()} file, not {file_format}",
                                path=name, hint=hint)
    if file_format in ("pdf", "docx") and not data:
        raise ChengnuoError("the file is empty", path=name, hint="restore the original file")
    if file_format == "pdf" and not data.startswith(b"%PDF-"):
        raise ChengnuoError("not a PDF file: it does not start with %PDF-", path=name,
                            hint="rename it to its real type, or export it again as PDF")


def _extract_html(data: bytes, name: str) -> Extracted:
    from chengnuo.text.html_article import article_lines, declared_charset

    declared = declared_charset(data)
    if declared and not starts_with_bom(data):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError as error:
            line = data[:error.start].count(b"\n") + 1
            raise ChengnuoError(f"the page declares charset {declared} but byte "
                                f"0x{data[error.start]:02x} is not {declared}", path=name, line=line,
                                hint="save the page again from the browser, or fix its <meta charset>")
        encoding = declared
    else:
        decoded = decode_bytes(data, name)
        encoding, text = decoded.encoding, "\n".join(decoded.lines)
    lines, source_lines = article_lines(text)
    if not lines:
        raise ChengnuoError("the page holds no article text", path=name,
                            hint="save the page with its text (not only its frame), or copy the text into .txt")
    return Extracted("html", encoding, lines, [f"line {line} of the HTML" for line in source_lines])


__all__ = ["Extracted", "extract", "split_lines"]
