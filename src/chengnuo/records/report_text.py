"""Line-level cleaning for work reports printed in PDFs, newspapers and gazettes.

read:    one source line of a work report, as decoded by the text stage
produce: the line without page furniture, its bold lead-in phrases found, and
         the cleaned text that paragraphs, titles and commitments are made of

Cleaning removes what the print added (page furniture, `**` markers, spaces
that PDF extraction puts around numbers) and writes half-width punctuation
between Chinese characters full-width, so that the newspaper's `,` and the
plan's `，` compare equal. It never changes a word or a number: OCR misreadings
stay as printed, and `source_text` keeps every original line verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chengnuo.records.textclean import clean_inline
from chengnuo.zh.text import CJK, CLAUSE_STOPS, SENTENCE_STOPS

# `(上接4版)` opens a newspaper page that continues an article; `（上接第22页）` a gazette page.
CONTINUED_FROM = re.compile(r"^\s*[（(]\s*上接\s*第?\s*[0-9０-９]+\s*[版页]\s*[）)]\s*")
# `(下转第21页)`: the text goes on elsewhere, so the next line is not its continuation.
CONTINUED_ON = re.compile(r"\s*[（(]\s*下转\s*第?\s*[0-9０-９]+\s*[版页]\s*[）)]\s*$")
# Whole lines that belong to the page, not to the text: page numbers (`3`, `- 3 -`,
# `— 3 —`) and the gazette's running header (`聊城市人民政府公报`, `2022年第2期`,
# `第2期（总第227期）`, `(总第227期)`).
_PAGE_FURNITURE = (
    re.compile(r"^[-—–－\s]*[0-9０-９]{1,3}[-—–－\s]*$"),
    re.compile(r"^\S{0,12}公报$"),
    re.compile(r"^([0-9]{4}\s*年\s*)?第\s*[0-9]+\s*期\s*([（(]\s*总第\s*[0-9]+\s*期\s*[）)])?$"),
    re.compile(r"^[（(]\s*总第\s*[0-9]+\s*期\s*[）)]$"),
)

# A bold phrase that ends with a full stop is a lead-in (`**千方百计促消费。**`,
# `**深化转型赋能**。`); bold followed by a comma (`**更加突出积极进取**，`) is emphasis.
_BOLD_SPAN = re.compile(r"\*\*(?P<inner>[^*]{1,30}?)\*\*(?P<stop>\s*。)?")
_PHRASE_BREAKS = "，、；：,;:"

_CJK_CHAR = re.compile(f"[{CJK}]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# An English word inside Chinese text (`精神 and 习近平`) keeps the spaces around it;
# every other space next to a Chinese character is an extraction artefact.
_ENGLISH_WORDS = re.compile(r"(?<=\S)\s+(?P<words>[a-z]{2,}(?:\s+[a-z]{2,})*)\s+(?=\S)")


@dataclass(frozen=True)
class LeadIn:
    """A bold lead-in phrase inside a line: where it starts, and its title."""

    start: int  # index in the line of its opening `**`
    title: str  # cleaned, without its full stop


def is_page_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and any(p.match(stripped) for p in _PAGE_FURNITURE)


def find_bold_lead_ins(line: str) -> list[LeadIn]:
    """The bold lead-in phrases of `line`, in order; each opens a paragraph of its own."""
    lead_ins = []
    for match in _BOLD_SPAN.finditer(line):
        inner = match["inner"].strip()
        ends_sentence = inner.endswith("。") or match["stop"] is not None
        before = line[:match.start()].replace("**", "").rstrip()
        at_sentence_start = not before or before[-1] in SENTENCE_STOPS
        title = inner.rstrip("。").strip()
        if (ends_sentence and at_sentence_start and title
                and not any(ch in _PHRASE_BREAKS for ch in title)):
            lead_ins.append(LeadIn(match.start(), clean_text(title)))
    return lead_ins


def clean_text(text: str) -> str:
    """`text` as readers see it: markup and extraction spaces gone, punctuation full-width.

    Idempotent. English words between Chinese characters keep one space on each side.
    """
    pieces, last = [], 0
    for match in _ENGLISH_WORDS.finditer(text):
        pieces.append(clean_inline(text[last:match.start()]))
        pieces.append(" " + " ".join(match["words"].split()) + " ")
        last = match.end()
    pieces.append(clean_inline(text[last:]))
    return full_width_punctuation("".join(pieces).strip())


def full_width_punctuation(text: str) -> str:
    """Half-width `,;:?!()` next to Chinese characters written full-width; `8:00` and `5,000` stay."""
    chars = list(text)
    _full_width_brackets(chars)
    for i, ch in enumerate(chars):
        if ch in _FULL_WIDTH and (_is_cjk(chars, i - 1) or _is_cjk(chars, i + 1)):
            chars[i] = _FULL_WIDTH[ch]
    return "".join(chars)


def _full_width_brackets(chars: list[str]) -> None:
    """Each `(…)` pair that holds or touches Chinese text becomes `（…）`, both halves together."""
    openers: list[int] = []
    pairs: list[tuple[int | None, int | None]] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            openers.append(i)
        elif ch == ")":
            pairs.append((openers.pop() if openers else None, i))
    pairs += [(i, None) for i in openers]
    for opener, closer in pairs:
        inside = chars[(opener or 0) + 1:closer if closer is not None else len(chars)]
        touches = ((opener is not None and _is_cjk(chars, opener - 1))
                   or (closer is not None and _is_cjk(chars, closer + 1)))
        holds = opener is not None and closer is not None and any(
            _CJK_CHAR.match(c) for c in inside)
        alone = (opener is None or closer is None) and (
            (closer is not None and _is_cjk(chars, closer - 1))
            or (opener is not None and _is_cjk(chars, opener + 1)))
        if touches or holds or alone:
            if opener is not None:
                chars[opener] = "（"
            if closer is not None:
                chars[closer] = "）"


def _is_cjk(chars: list[str], i: int) -> bool:
    return 0 <= i < len(chars) and bool(_CJK_CHAR.match(chars[i]))


def ends_sentence(text: str) -> bool:
    """True when `text` cannot run on into the next line: it ends a sentence or a clause list.

    A closing quote ends a sentence only after a full stop: `启动“青年兴聊”` at
    the bottom of a page goes on (`工程，引进…`) on the next.
    """
    if not text:
        return False
    if text[-1] in "”’":
        return len(text) > 1 and text[-2] in SENTENCE_STOPS + "…"
    return text[-1] in CLAUSE_STOPS + "：:…"


def ends_weakly(text: str) -> bool:
    """True for `…做优“聊·胜一筹！”`: a brand name's `！` inside quotes may end the
    sentence or not; the next line decides (see `opens_paragraph`)."""
    return len(text) > 1 and text[-1] in "”’" and text[-2] in "！？!?"
