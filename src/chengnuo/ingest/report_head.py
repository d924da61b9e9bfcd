"""The head of a file as collected from the web: what is the report, and what is not.

Real files start with whatever the collector kept: a crawler's header
(`标题：…` `发文单位：…` `来源URL：…` `正文：`), a site's navigation and tools
(下载 / 打印 / 字号 / 分享 / 首页 > …), a photo caption (`许勤作政府工作报告。记者…摄`).
None of it is the report. The title, the year and the place come from the
report's own lines; the crawler's header is only a last resort, read for what
its values say and never shown as the title with its key.

A work report's year is the year it plans, which is the year it is delivered:
the date of its subtitle (`——2024年1月12日在…会议上`, also `二〇一九年一月十四日在…`),
else one more than the year its review part looks back on (`一、2016年工作回顾`),
else the year of its plan part (`二、2014年工作总体要求`) or of its lists
(`2023年重点民生事项清单`), else the title's year.
A file name's year is never read: it lies (a report delivered in January 2019
may be filed as 2018).
"""

from __future__ import annotations

import re

from chengnuo.records.textclean import clean_inline, strip_markup

# `标题：…`, `来源URL：…`, `正文：`: the keys a crawler writes before the text.
_CRAWLER_KEY = re.compile(r"^(标题|发文单位|发文时间|发文字号|报告人|来源URL|来源链接|正文)\s*[：:]\s*")
# Lines of a web page's frame, never of a report.
_FURNITURE = re.compile(
    r"^(下载|打印|打印本稿|全屏|收藏|分享[:：]?|加大|还原|减小|[大中小]|字体[:：]?|【?字号[:：]?|[【】\[\]>]"
    r"|首页|网站首页|推荐朋友|关闭窗口|返回顶部|长者模式|相关报道[:：]?|来源[:：].*|时间[:：].*|日期[:：].*"
    r"|.*(?:点击|浏览次数|添加时间|责任编辑|摄$|记者).*)$")
# A line that is a caption or a sentence about the report, not its title.
_NOT_A_TITLE = re.compile(r"作(?:政府)?工作报告|向大会|审议|点击|请予")
_CONTENTS_MARKS = "◎●○■□◆◇★☆▲△·•"
_TITLE_PREFIX = re.compile(r"^(?:资料|全文|实录)\s*[:：]\s*")
_DASH = re.compile(r"^[—―\-－]{1,2}")
# The subtitle: `——2024年1月12日在聊城市第十八届人民代表大会第四次会议上`.
_DIGIT = r"[0-9０-９〇零一二三四五六七八九十]"
_DATE = re.compile(rf"({_DIGIT}{{4}})\s*年\s*{_DIGIT}{{1,3}}\s*月\s*{_DIGIT}{{1,3}}\s*日")
_DELIVERED = re.compile(r"在.{2,20}(?:人民代表大会|人大).{0,12}会议上")
_REVIEW_YEAR = re.compile(r"^(?:[一二三四五六七八九十]+\s*、\s*)?((?:19|20)\d\d)年.{0,12}回顾")
_PLAN_YEAR = re.compile(r"^(?:[一二三四五六七八九十]+\s*、\s*)?((?:19|20)\d\d)年.{0,10}"
                        r"(?:总体要求|工作安排|目标任务|主要任务|重点工作|工作任务|主要目标)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# An attachment of the year's lists: `2023年重点民生事项清单` (a print that starts mid-way).
_LIST_YEAR = re.compile(r"^((?:19|20)\d\d)年[^，。]{2,16}清单$")
_DIGEST = re.compile(r"摘登|摘要|（摘）|\(摘\)|要点")
_CN_DIGITS = {**{c: str(i) for i, c in enumerate("〇一二三四五六七八九")}, "零": "0",
              **{chr(0xFF10 + i): str(i) for i in range(10)}}
HEAD_WINDOW = 80  # non-blank lines where a title is looked for


def clean(line: str) -> str:
    return clean_inline(strip_markup(line))


def crawler_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """The crawler's `key：value` lines at the top of a file, and the index of the first line after.

    A header is recognised only when it ends with `正文：`, so that a report whose
    first line happens to read `标题：…` keeps it.
    """
    values: dict[str, str] = {}
    for index, raw in enumerate(lines[:20]):
        line = clean(raw)
        if not line:
            continue
        match = _CRAWLER_KEY.match(line)
        if not match:
            return {}, 0
        values[match[1]] = line[match.end():]
        if match[1] == "正文":
            return values, index + 1
    return {}, 0


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line))


def _title_text(line: str) -> str:
    return _TITLE_PREFIX.sub("", line)


def is_report_title(line: str) -> bool:
    """`2026年安徽省政府工作报告`, `政 府 工 作 报 告`; not `省长赵刚作政府工作报告`, nor a
    gazette's table of contents (`◎ 政府工作报告`)."""
    return ("工作报告" in line and len(line) <= 70 and not _NOT_A_TITLE.search(line)
            and not is_furniture(line) and line[0] not in _CONTENTS_MARKS)


def report_title(lines: list[str], start: int) -> tuple[int, str] | None:
    """The index of a work report's title line at or after `start`, and the title.

    The title joins the subtitle on the next line (`政府工作报告` / `——2024年1月12日
    在…` / `…会议上`); a subtitle printed without its dash gets one, as the
    reports print it.
    """
    seen = 0
    for index in range(start, len(lines)):
        line = clean(lines[index])
        if not line:
            continue
        seen += 1
        if seen > HEAD_WINDOW or line.startswith("各位代表"):
            return None
        if is_report_title(line):
            return index, _join_subtitle(lines, index, _title_text(line))
    return None


def _join_subtitle(lines: list[str], index: int, title: str) -> str:
    if not title.endswith("工作报告"):
        return title
    following = [clean(line) for line in lines[index + 1:index + 6] if clean(line)]
    if not following:
        return title
    first = following[0]
    subtitle = _DASH.sub("", first)
    if not (_DASH.match(first) or _DATE.match(subtitle)) or not (
            _DATE.search(subtitle) or "会议" in subtitle):
        return title
    if not subtitle.endswith("上") and len(following) > 1 and following[1].endswith("会议上") \
            and len(following[1]) <= 30:
        subtitle += following[1]  # a subtitle broken over two lines
    if "会议上" not in subtitle:
        return title
    subtitle = subtitle[:subtitle.rindex("会议上") + 3]  # without `陕西省省长 赵刚` after it
    return f"{title}——{subtitle}"


def year_of(numerals: str) -> int:
    return int("".join(_CN_DIGITS.get(c, c) for c in numerals))


def opening(lines: list[str], start: int) -> list[str]:
    """The cleaned lines from the title to `各位代表` (exclusive), furniture dropped."""
    out = []
    for raw in lines[start:start + 40]:
        line = clean(raw)
        if line.startswith("各位代表"):
            break
        if line and not is_furniture(line):
            out.append(line)
    return out


def report_year(lines: list[str], start: int, title: str) -> int | None:
    """The year a work report plans: see the module's docstring for the order of the rules."""
    for line in [title, *opening(lines, start)]:
        match = _DATE.search(line)
        if match and (_DELIVERED.search(line[match.end():]) or line.startswith(("（", "("))
                      or _DASH.match(line) or line is title):
            return year_of(match[1])
    headings = [clean(line) for line in lines[start:]]
    for line in headings:
        if match := _REVIEW_YEAR.match(line):
            return int(match[1]) + 1
    for line in headings:
        if match := _PLAN_YEAR.match(line) or _LIST_YEAR.match(line):
            return int(match[1])
    match = _YEAR.search(title)
    return int(match[1]) if match else None


def is_digest(title: str, opening_lines: list[str]) -> bool:
    """A newspaper's digest (摘登) of the report rather than its full text."""
    return any(_DIGEST.search(line) for line in [title, *opening_lines[:3]])


def ends_mid_sentence(lines: list[str], start: int, end: int) -> int | None:
    """The line (0-based) where the report's text stops mid-sentence (`今后五年的奋斗目标是，`):
    the file holds only part of it. None when its last line of text ends a sentence."""
    for index in range(end, start - 1, -1):
        line = clean(lines[index])
        if line and not is_furniture(line):
            return index if line[-1] in "，,、：:；;" else None
    return None


def repeated_from(lines: list[str], start: int) -> int | None:
    """The index where the report starts again, when the file holds it twice.

    The first part heading (`一、2009年工作回顾`) printed a second time, with the
    report's opening sentence before it, marks the copy; the copy starts at
    the title or `各位代表` line just before that heading.
    """
    first_heading = None
    for index in range(start, len(lines)):
        line = clean(lines[index])
        if re.match(r"^一\s*、", line):
            first_heading = (index, line)
            break
    if first_heading is None:
        return None
    index, heading = first_heading
    for later in range(index + 1, len(lines)):
        if clean(lines[later]) == heading:
            begin = later
            for back in range(later - 1, max(index, later - 12), -1):
                text = clean(lines[back])
                if text.startswith("各位代表") or is_report_title(text) or _DASH.match(text):
                    begin = back
            # back to the title above the 各位代表 line, if any
            for back in range(begin - 1, max(index, begin - 8), -1):
                if is_report_title(clean(lines[back])):
                    begin = back
            return begin
    return None
