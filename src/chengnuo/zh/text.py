"""Chinese text: sentences, the form in which texts are compared, character bigrams.

Ground floor: imports no stage. Every stage that cuts, compares or indexes
Chinese text does it here, so two stages never disagree on where a sentence
ends or on whether two spellings are the same words.

- `sentence_spans` / `sentence_around`: one rule for the end of a sentence
  (`。！？`), or of a clause when `clauses=True` (`；` ends one too).
- `comparable`: the one normaliser for comparing texts (NFKC, no spaces or
  markup, punctuation full-width). Callers add only what their comparison needs
  on top (names drop a trailing 等, plan clauses their item number).
- `ascii_figures`: full-width digits, `．` and `％` as ASCII, for reading numbers.
- `bigrams`: the overlapping character pairs of a text.
- `CJK`: the characters next to which a space means nothing (for regexes).
"""

from __future__ import annotations

import re
import unicodedata

# Characters that make a space next to them meaningless in Chinese typesetting
# (a regex character class body): CJK ideographs, CJK and full-width punctuation,
# the CJK brackets, curly quotes, the dash and the ellipsis.
CJK = (r"\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       r"\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026")

# What ends a sentence. A `；` clause is shorter: cutting there separates a
# figure from the action it belongs to, so only callers that want the smallest
# piece around a figure or a phrase use clauses (a figure's due year and reported
# sentence, review sentences quoted as evidence, plan clauses linked to a report).
SENTENCE_STOPS = "。！？!?"
CLAUSE_STOPS = SENTENCE_STOPS + "；;"
_OPENERS, _CLOSERS = "“‘（(《", "”’）)》"
# A closing quote or bracket right after the stop belongs to the sentence it closes.
_TRAILING = "”’）)"

# Spaces and PDF line breaks split words; Word and PDF extraction leave
# zero-width characters, which `\s` does not match; `*` is Markdown bold.
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff*]+")
# NFKC writes full-width punctuation half-width; Chinese text is compared full-width.
_FULL_WIDTH_PUNCTUATION = str.maketrans("(),;:!?~", "（），；：！？～")
_ASCII_FIGURES = str.maketrans({**{0xFF10 + i: ord("0") + i for i in range(10)},
                                0xFF0E: ".", 0xFF05: "%"})


def sentence_spans(text: str, *, clauses: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, in order; joined they give back `text`.

    A sentence ends after a run of stops (`。`, `！？`) and the closing quotes or
    brackets right after it. A stop inside quotes or brackets does not end the
    sentence: `做优“聊·胜一筹！”“聊城新三宝”品牌` is one. Quotes that never close
    (an OCR slip) would swallow the rest of the text, so then every stop counts.
    """
    stops = CLAUSE_STOPS if clauses else SENTENCE_STOPS
    cuts = _cuts(text, stops, mind_quotes=True)
    if cuts is None:
        cuts = _cuts(text, stops, mind_quotes=False)
    bounds = [0, *cuts]
    if bounds[-1] < len(text):
        bounds.append(len(text))
    return list(zip(bounds, bounds[1:]))


def _cuts(text: str, stops: str, mind_quotes: bool) -> list[int] | None:
    """The offsets after each sentence end; None if quotes are minded and never close."""
    cuts, depth, i = [], 0, 0
    while i < len(text):
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
        elif ch in stops and (depth == 0 or not mind_quotes):
            while i + 1 < len(text) and text[i + 1] in stops:
                i += 1
            while i + 1 < len(text) and text[i + 1] in _TRAILING:
                i += 1
            cuts.append(i + 1)
        i += 1
    return None if mind_quotes and depth else cuts


def sentences(text: str, *, clauses: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text` that is not blank."""
    return [(start, end, text[start:end])
            for start, end in sentence_spans(text, clauses=clauses) if text[start:end].strip()]


def sentence_around(text: str, start: int, end: int, *, clauses: bool = False) -> tuple[int, int]:
    """(start, end) of the sentences holding `text[start:end]`, their stops included."""
    spans = sentence_spans(text, clauses=clauses)
    first = next((s for s, e in spans if start < e), len(text))
    last = next((e for s, e in spans if max(end, start + 1) <= e), len(text))
    return first, last


def comparable(text: str) -> str:
    """The form in which texts are compared: NFKC (full-width letters and digits,
    PM₁₀, compatibility ideographs written plainly), no whitespace, zero-width
    characters or `*`, and punctuation full-width (the newspaper prints `(`, `,`
    where the plan has `（`, `，`). NFKC once more after the removal, because
    removing a space can bring a combining mark next to a letter it composes
    with. Idempotent."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))
    return text.translate(_FULL_WIDTH_PUNCTUATION)


def ascii_figures(text: str) -> str:
    """Full-width digits, decimal points and percent signs (`１２．５％`) as ASCII
    (`12.5%`); everything else as it is, so offsets stay valid."""
    return text.translate(_ASCII_FIGURES)


def bigrams(text: str) -> list[str]:
    """The overlapping pairs of characters of `text`, in order: 农村公路 → 农村, 村公, 公路."""
    return [text[i:i + 2] for i in range(len(text) - 1)]
