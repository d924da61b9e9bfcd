"""Write a text report in the other formats and encodings maintainers receive.

The tests make every copy themselves from the bundled original, with the real
writers (python-docx, reportlab), so a copy is what Word, a browser's "save page"
or a PDF printer would hand over: the docx has a page header and footer, the
HTML page has a site's navigation and footer around the article, the PDF wraps
long lines and prints a running header and a page number on every page.
"""

from __future__ import annotations

import html
import io

ENCODINGS = {  # name -> (codec, line end)
    "utf-8": ("utf-8", "\n"),
    "utf-8-bom-crlf": ("utf-8-sig", "\r\n"),
    "gbk-crlf": ("gbk", "\r\n"),
    "gb18030-cr": ("gb18030", "\r"),
    "utf-16-crlf": ("utf-16", "\r\n"),
    "utf-16-le-no-bom": ("utf-16-le", "\n"),
    "utf-16-be-no-bom": ("utf-16-be", "\r\n"),
}


def lines_of(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def as_encoding(text: str, name: str) -> bytes:
    codec, end = ENCODINGS[name]
    return end.join(lines_of(text)).encode(codec) + end.encode(codec.replace("-sig", ""))


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "聊城市人民政府文件"
    section.footer.paragraphs[0].text = "— 1 —"
    for line in lines_of(text):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_CHROME_TOP = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}"><title>{title} - 聊城市人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav li {{ float: left }}</style></head>
<body>
<div class="top-header"><img src="logo.png" alt="聊城市人民政府"> 聊城市人民政府 欢迎您</div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zmhd/">政民互动</a></li><li><a href="/bsfw/">办事服务</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="main">
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="#">2022年市政府工作报告重点工作任务责任分工方案</a></li>
<li><a href="#">聊城市人民政府关于印发某某方案的通知</a></li></ul></div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布日期：2023-01-11 来源：市政府办公室 <span class="share">分享到：微信 微博</span></div>
<div id="zoom" class="TRS_Editor">
"""
_CHROME_BOTTOM = """</div>
<div class="print-bar"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div></div>
<footer class="footer"><p>主办：聊城市人民政府办公室 版权所有</p>
<p>网站标识码：3715000001 鲁ICP备05001948号</p></footer>
</body></html>
"""


def as_html(text: str, charset: str = "utf-8") -> bytes:
    """A saved government web page: one <p> per line, a few lines joined by <br>."""
    lines = [line for line in lines_of(text) if line.strip()]
    title = "聊城市人民政府关于印发2023年市政府工作报告重点工作任务责任分工方案的通知"
    body = []
    for number, line in enumerate(lines):
        escaped = html.escape(line.strip())
        # Editors often put a paragraph's lines in one <p> split by <br>: every fifth line.
        if number % 5 == 4 and body and body[-1].endswith("</p>"):
            body[-1] = body[-1][:-4] + f"<br>\n{escaped}</p>"
        else:
            body.append(f'<p style="text-indent:2em">{escaped}</p>')
    page = _CHROME_TOP.format(charset=charset, title=title) + "\n".join(body) + "\n" + _CHROME_BOTTOM
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


def _wrap(line: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken only between two CJK characters."""
    out = []
    while len(line) > width:
        cut = width
        while cut > width // 2 and (line[cut - 1].isascii() or line[cut].isascii()):
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    out.append(line)
    return out


def as_pdf(text: str, width: int = 36) -> bytes:
    """An A4 PDF with a text layer (reportlab's built-in Chinese CID font, nothing embedded)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    # The font's GB CMap (UniGB-UCS2-H) has GB2312's middle dot (A1A4) under U+30FB, not
    # U+00B7, so reportlab would drop `·`; a GB print driver sends it the same way, and
    # the PDF's own mapping gives U+00B7 back when the text is extracted.
    text = text.replace("\u00b7", "\u30fb")
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    lines = [part for line in lines_of(text) if line.strip() for part in _wrap(line.strip(), width)]
    per_page = 44
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    for number, page in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(72, 800, "聊城市人民政府文件")
        pdf.drawString(400, 800, "2023年1月11日")
        pdf.setFont("STSong-Light", 11)
        y = 770
        for line in page:
            pdf.drawString(60, y, line)
            y -= 16
        pdf.setFont("STSong-Light", 9)
        pdf.drawCentredString(297, 40, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return out.getvalue()
