"""Detect the encoding of a source file and split it into the lines a reader sees.

Detection is a fixed chain of rules, never a statistical guess, so the same bytes
always give the same answer and the registry can record it:

1. No bytes at all (or only a byte-order mark): refused, the file is empty.
2. A byte-order mark decides: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE. UTF-32 is tested
   before UTF-16 because the UTF-32 LE mark starts with the UTF-16 LE one.
3. NUL bytes without a mark: UTF-16 if at least 90% of the NULs sit on the same side
   of each byte pair (ASCII characters and line ends in UTF-16 give one NUL per
   pair), or else if one byte order reads as at least 95% ASCII, CJK and CJK
   punctuation (Chinese text indented with U+3000 has NULs on both sides), and the
   bytes are not UTF-8 text with stray NULs; anything else with NULs is binary and
   refused.
4. Strict UTF-8.
5. GB18030, which covers GBK and GB2312 - unless the bytes before the first bad
   UTF-8 byte already hold `UTF8_EVIDENCE` multi-byte UTF-8 characters. GB18030
   text practically never does that, so such a file is damaged UTF-8 and is refused
   at the damaged line instead of being read as GB18030 gibberish.

Whatever the encoding, text whose characters are more than `CONTROL_LIMIT`
control characters is binary and refused.

The encoding is reported as a Python codec name that decodes the whole file:
"utf-8", "utf-8-sig", "utf-16", "utf-32" (the last three read the mark),
"utf-16-le", "utf-16-be" or "gb18030".

Line ends are CRLF, lone CR and LF, each one line end, as in text editors.
U+2028, U+2029, NEL (U+0085), VT and FF stay inside their line as characters:
editors and `wc -l` do not break lines there, and the lines must keep the numbers
a person sees when opening the original file. A line end after the last line
ends it and does not start an empty line. The text is otherwise left exactly as
decoded: no stripping, no Unicode normalisation.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from chengnuo.errors import ChengnuoError

UTF8_EVIDENCE = 8
UTF16_NUL_SHARE = 0.9
UTF16_TEXT_SHARE = 0.95
CONTROL_LIMIT = 0.10

# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS = (  # (mark, codec named for the whole file, codec for the bytes after the mark)
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")
# C0 controls and DEL, except the ones plain text uses: TAB, LF, VT, FF, CR.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
# What Chinese government text is made of: ASCII, Latin-1, general punctuation, CJK
# symbols and ideographs, full-width forms.
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u3000-\u303f"
                        "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

_SAVE_AS_UTF8 = "save the file as UTF-8 text"


@dataclass(frozen=True)
class DecodedText:
    """A decoded file: `lines[n - 1]` is line n of the original file."""

    encoding: str
    lines: list[str]


def split_lines(text: str) -> list[str]:
    """The lines of `text`, split at CRLF, CR and LF only (see the module notes)."""
    if not text:
        return []
    lines = _LINE_END.split(text)
    if lines[-1] == "":  # the final line end closes the last line
        lines.pop()
    return lines


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Detect the encoding of `data` and split it into lines.

    `name` is how the file is shown in error messages (e.g. reports/x.txt).
    Raises ChengnuoError for empty, binary and undecodable input.
    """
    encoding, text = _detect(data, name)
    if not text:
        raise ChengnuoError("the file is empty (it holds only a byte-order mark)", path=name,
                            hint="restore the original file")
    _refuse_control_heavy(text, name)
    return DecodedText(encoding, split_lines(text))


def decode_file(path: Path, name: str | None = None) -> DecodedText:
    return decode_bytes(Path(path).read_bytes(), name or str(path))


def starts_with_bom(data: bytes) -> bool:
    """True when `data` begins with a UTF-8, UTF-16 or UTF-32 byte-order mark."""
    return any(data.startswith(bom) for bom, _, _ in _BOMS)


def looks_like_utf8(data: bytes) -> bool:
    """True when the bytes are valid UTF-8, or damaged UTF-8 (rule 5 above)."""
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        return _is_damaged_utf8(data, error)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    if not data:
        raise ChengnuoError("the file is empty", path=name, hint="restore the original file")
    for bom, encoding, body_codec in _BOMS:
        if data.startswith(bom):
            label = encoding.removesuffix("-sig").upper()
            # Decode after the mark with an explicit byte order, so error offsets stay exact.
            return encoding, _decode_strictly(data, body_codec, name, f"not valid {label} text, "
                                              f"although it starts with a {label} byte-order mark",
                                              start=len(bom))
    if b"\x00" in data:
        encoding = _utf16_by_nul_pattern(data)
        if encoding is None or _is_utf8_with_stray_nuls(data):
            line = _line_of_byte(data, data.index(b"\x00"))
            raise ChengnuoError("looks like a binary file, not text: it holds NUL bytes",
                                path=name, line=line, hint=_SAVE_AS_UTF8)
        return encoding, _decode_strictly(data, encoding, name,
                                          "not valid UTF-16 text, although its NUL bytes look like UTF-16")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if _is_damaged_utf8(data, utf8_error):
            raise _undecodable(data, utf8_error, "utf-8", name,
                               "not valid UTF-8 text, although it is UTF-8 up to here") from None
        try:
            return "gb18030", data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            # Report the reading that got furthest: its first bad byte is the likelier damage.
            error, encoding = max((utf8_error, "utf-8"), (gb_error, "gb18030"),
                                  key=lambda pair: pair[0].start)
            raise _undecodable(data, error, encoding, name,
                               "neither UTF-8 nor GB18030 text") from None


def _decode_strictly(data: bytes, encoding: str, name: str, what: str, start: int = 0) -> str:
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, encoding, name, what, start) from None


def _undecodable(data: bytes, error: UnicodeDecodeError, encoding: str, name: str,
                 what: str, start: int = 0) -> ChengnuoError:
    """The error for the first bad byte; `start` is where the decoded bytes began."""
    bad = data[start + error.start]
    # Everything before the first bad byte decodes, so its line ends can be counted.
    prefix = data[start:start + error.start].decode(encoding)
    line = len(_LINE_END.findall(prefix)) + 1
    return ChengnuoError(f"{what}: undecodable byte 0x{bad:02x} (read as {encoding})",
                         path=name, line=line, hint=_SAVE_AS_UTF8)


def _is_damaged_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    return len(_UTF8_MULTIBYTE.findall(data[:error.start])) >= UTF8_EVIDENCE


def _is_utf8_with_stray_nuls(data: bytes) -> bool:
    # One stray NUL in a UTF-8 file would pass the UTF-16 test (all NULs on one side) and
    # decode as UTF-16 gibberish; real UTF-16 text is not plain UTF-8 once its NULs are gone.
    without_nuls = data.replace(b"\x00", b"")
    try:
        without_nuls.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(_UTF8_MULTIBYTE.findall(without_nuls)) >= UTF8_EVIDENCE


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    nul_at_even = data[0::2].count(0)
    nul_at_odd = data[1::2].count(0)
    total = nul_at_even + nul_at_odd
    # Little-endian puts the zero high byte of ASCII second (odd offsets), big-endian first.
    if nul_at_odd >= UTF16_NUL_SHARE * total:
        return "utf-16-le"
    if nul_at_even >= UTF16_NUL_SHARE * total:
        return "utf-16-be"
    # Chinese text puts NULs on both sides: the ideographic space U+3000 that indents
    # paragraphs (and every U+xx00 character) has a zero low byte. Then the reading in
    # which nearly every character is ASCII, CJK or CJK punctuation is the right one;
    # the other byte order turns ASCII into U+xx00 and ideographs into scattered blocks.
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_PLAUSIBLE.findall(text)) >= UTF16_TEXT_SHARE * len(text):
            return codec
    return None


def _line_of_byte(data: bytes, offset: int) -> int:
    return len(_LINE_END_BYTES.findall(data[:offset])) + 1


def _refuse_control_heavy(text: str, name: str) -> None:
    controls = _CONTROL.findall(text)
    if len(controls) > CONTROL_LIMIT * len(text):
        first = _CONTROL.search(text)
        line = len(_LINE_END.findall(text[:first.start()])) + 1
        raise ChengnuoError(f"looks like a binary file, not text: {len(controls)} of "
                            f"{len(text)} characters are control characters",
                            path=name, line=line, hint=_SAVE_AS_UTF8)
