"""Tell from a file's text what it holds: which documents, of what kind, whose, which year.

Everything is read from the words the government prints, by fixed rules:

- a covering notice (关于印发…的通知) before a plan is a document of its own, from
  the first line to the last line before the plan's title;
- the kind comes from the title: 分工方案 → task_plan, 政府工作报告 → work_report;
  without such a title, from the shape (assignment brackets 牵头… → task_plan,
  "各位代表" → work_report);
- the jurisdiction is the most specific known one named in the titles or the
  letterhead (东昌府区 beats 聊城市), else in the first lines;
- the year is the first `YYYY年` of the title, else of the first lines;
- a document ends before the distribution list (抄送, 抄报) and the rules of the
  printed 版记 that follow its last item.

Nothing here is a guess by statistics, so the same file always gives the same
answer; whatever cannot be told is left None for the caller to ask for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from chengnuo.records.textclean import clean_inline, strip_markup
from chengnuo.reference import Jurisdiction, load_jurisdictions

HEAD_LINES = 30  # where titles, letterheads and dates are looked for
_PLAN_TITLE = ("分工方案", "任务分工", "责任分工")
_NOTICE_TITLE = re.compile(r"关于.*印发|印发.*的?通知")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,8}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_ITEM = re.compile(r"^[0-9０-９]{1,3}\s*[.．、]")
_END_MATTER = re.compile(r"^(抄送|抄报|主送)[：:]|^[-—_=*]{3,}$")
_BRACKET = re.compile(r"[（(〔\[]\s*牵头(领导|单位)")
# A government named in a title: `临沂市人民政府`, `2023年临沂市政府…`; a name starts after a
# non-Chinese character or after 年, and never with 年, 月 or 日 themselves.
_GOVERNMENT = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=年))(?![年月日])"
                         r"([\u4e00-\u9fff]{1,10}?(?:省|市|区|县|旗|盟|州))(?:人民政府|政府)")


@dataclass
class DetectedDocument:
    kind: str | None
    title_zh: str
    line_start: int
    line_end: int
    year: int | None = None
    jurisdiction_id: str | None = None
    doc_number: str | None = None
    issued_date: date | None = None


@dataclass
class Detection:
    documents: list[DetectedDocument]
    publisher_zh: str | None
    unknown_places: list[str] = field(default_factory=list)  # governments named but not listed

    @property
    def main(self) -> DetectedDocument:
        """The document the file is about: the plan or report, not its covering notice."""
        return next((d for d in self.documents if d.kind != "notice"), self.documents[-1])


def _clean(line: str) -> str:
    return clean_inline(strip_markup(line))


def _nonblank(lines: list[str], start: int = 0, stop: int | None = None) -> list[int]:
    """0-based indexes of the non-blank lines in lines[start:stop]."""
    stop = len(lines) if stop is None else min(stop, len(lines))
    return [i for i in range(start, stop) if _clean(lines[i])]


def _join_title(lines: list[str], first: int, wants) -> tuple[str, int]:
    """The title starting at `first`, joined with the next lines while `wants(title, next)`."""
    title, last = _clean(lines[first]), first
    for i in _nonblank(lines, first + 1, min(len(lines), first + 6)):
        line = _clean(lines[i])
        if _ITEM.match(line) or len(line) > 40 or not wants(title, line):
            break
        title, last = title + line, i
    return title, last


def _title_wants(kind: str | None):
    if kind == "notice":
        return lambda title, line: not title.endswith("通知")
    if kind == "task_plan":
        return lambda title, line: not title.endswith("方案")
    if kind == "work_report":  # 政府工作报告 / ——2024年1月12日在… / …会议上
        return lambda title, line: (title.endswith("工作报告") and line.startswith("——")) or (
            "——" in title and not title.endswith("上"))
    return lambda title, line: False


def _plan_title(lines: list[str], start: int) -> int | None:
    for i in _nonblank(lines, start, min(len(lines), start + HEAD_LINES + 20)):
        line = _clean(lines[i])
        following = "".join(_clean(lines[j]) for j in _nonblank(lines, i + 1, i + 3)[:1])
        joined = line + following
        if ("印发" in line or "《" in line or len(line) > 60 or "通知" in line
                or _ITEM.match(line) or line.startswith(("一、", "（一）"))):
            continue
        if any(word in line for word in _PLAN_TITLE) or (
                any(word in joined for word in _PLAN_TITLE) and "工作报告" in line):
            return i
    return None


def _end(lines: list[str], start: int) -> int:
    """0-based index of the last line of the document starting at `start`."""
    last_item = max((i for i in range(start, len(lines)) if _ITEM.match(_clean(lines[i]))),
                    default=start)
    stop = len(lines)
    for i in range(last_item + 1, len(lines)):
        if _END_MATTER.match(strip_markup(lines[i])):
            stop = i
            break
    body = _nonblank(lines, start, stop)
    return body[-1] if body else start


def _kind_of(title: str, text: list[str]) -> str | None:
    if any(word in title for word in _PLAN_TITLE):
        return "task_plan"
    if "工作报告" in title:
        return "work_report"
    if sum(bool(_BRACKET.search(line)) for line in text) >= 3:
        return "task_plan"
    if any("各位代表" in line for line in text[:200]):
        return "work_report"
    return None


def _issued(lines: list[str]) -> date | None:
    for line in lines:
        match = _DATE.search(line)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def _signature(lines: list[str], start: int, stop: int) -> tuple[str | None, date | None]:
    """The signing government and date at the end of a notice (两行: 某某人民政府 / 日期)."""
    body = _nonblank(lines, start, stop)
    for position, i in enumerate(body):
        if _DATE_LINE.match(_clean(lines[i])):
            before = _clean(lines[body[position - 1]]) if position else ""
            publisher = before if before.endswith(("人民政府", "办公室", "政府")) else None
            return publisher, _issued([lines[i]])
    return None, None


class Places:
    """The jurisdictions this project knows, and how to find them in a title."""

    def __init__(self, jurisdictions: tuple[Jurisdiction, ...] | None = None):
        self.all = jurisdictions or load_jurisdictions()
        self.by_id = {j.jurisdiction_id: j for j in self.all}

    def depth(self, jurisdiction: Jurisdiction) -> int:
        depth = 0
        while jurisdiction.parent_id:
            jurisdiction, depth = self.by_id[jurisdiction.parent_id], depth + 1
        return depth

    def named_in(self, text: str) -> Jurisdiction | None:
        found = [j for j in self.all if j.name_zh in text]
        return max(found, key=lambda j: (self.depth(j), -text.index(j.name_zh)), default=None)

    def most_named(self, text: str) -> Jurisdiction | None:
        """For text without a title naming one: the place named most often, the wider first."""
        counts = {j: text.count(j.name_zh) for j in self.all}
        return max((j for j in counts if counts[j]), default=None,
                   key=lambda j: (counts[j], -self.depth(j)))

    def unknown_in(self, text: str) -> list[str]:
        known = {j.name_zh for j in self.all}
        names = []
        for match in _GOVERNMENT.finditer(text):
            name = match[1]
            # `聊城市东昌府区人民政府` names 东昌府区: compare the end of the name.
            if not any(name.endswith(k) or k.endswith(name) for k in known) and name not in names:
                names.append(name)
        return names


def detect(lines: list[str], places: Places | None = None) -> Detection:
    """The documents in `lines` and what their words say about them."""
    places = places or Places()
    first = next(iter(_nonblank(lines)), 0)
    head = [_clean(lines[i]) for i in _nonblank(lines, 0, min(len(lines), first + HEAD_LINES))]
    documents: list[DetectedDocument] = []
    notice_title = None
    start = first
    window = "".join(head[:6])
    if _NOTICE_TITLE.search(window) and "通知" in window:
        plan = _plan_title(lines, first + 1)
        if plan is not None:
            at = next(i for i in _nonblank(lines, first) if "关于" in _clean(lines[i])
                      or _NOTICE_TITLE.search(_clean(lines[i])))
            before = _nonblank(lines, first, at)
            if before and _clean(lines[before[-1]]).endswith("人民政府"):
                at = before[-1]  # the sender's name on the line above 关于…
            notice_title, _ = _join_title(lines, at, _title_wants("notice"))
            notice_end = _nonblank(lines, first, plan)[-1]
            publisher, signed = _signature(lines, first, plan)
            documents.append(DetectedDocument("notice", notice_title, first + 1, notice_end + 1,
                                              issued_date=signed))
            start = plan
    title = _clean(lines[start]) if lines else ""
    guess = "task_plan" if documents or any(w in title for w in _PLAN_TITLE) else (
        "work_report" if "工作报告" in title else None)
    title, _ = _join_title(lines, start, _title_wants(guess)) if lines else ("", 0)
    body = [_clean(line) for line in lines[start:]]
    main = DetectedDocument(_kind_of(title, body), title, start + 1, _end(lines, start) + 1)
    documents.append(main)

    publisher = None
    if documents[0].kind == "notice":
        publisher, _ = _signature(lines, first, start)
    named_text = " ".join(filter(None, [notice_title, title, publisher, *head[:3]]))
    jurisdiction = places.named_in(named_text)
    if jurisdiction is None and not places.unknown_in(named_text):
        # Only when the title names no government at all: an unknown county's plan that
        # mentions the city in its text must not be filed under the city.
        jurisdiction = places.most_named("\n".join(lines))
    year_match = _YEAR.search(title) or _YEAR.search(notice_title or "") or _YEAR.search(" ".join(head))
    doc_number = _DOC_NUMBER.search(" ".join(head))
    issued = documents[0].issued_date or (_issued([title]) if main.kind == "work_report" else None)
    for document in documents:
        document.year = int(year_match[1]) if year_match else None
        document.jurisdiction_id = jurisdiction.jurisdiction_id if jurisdiction else None
        document.doc_number = doc_number[0].replace(" ", "") if doc_number else None
        document.issued_date = issued
    if publisher is None and jurisdiction is not None:
        government = jurisdiction.name_zh + "人民政府"
        publisher = government if any(government in line for line in head) else None
    return Detection(documents, publisher, places.unknown_in(named_text))
