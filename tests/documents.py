"""Real documents made from a plan's text by real tools, as an author would make them:

- ``make_docx``: python-docx, the numbered lines turned into Word lists (numbering.xml with
  chineseCounting / decimal levels and lvlText such as ``（%2）``; the top two levels numbered
  through paragraph styles, the others by direct numPr; tasks numbered across the parts are a
  second list) so that Word prints the labels, not the text; a line whose printed number Word
  would not generate keeps its label as typed.
- ``make_pdf``: reportlab with its built-in STSong-Light CJK font, a running header and page
  numbers, paragraphs wrapped CJK-style with a first-line indent.
- ``make_html``: a government page: header, search, navigation, breadcrumbs, metadata, share
  and print links, related links, footer and scripts around the article.
"""

import html
import io
import re
from dataclasses import dataclass

# (level, pattern, numFmt) of the labels a plan prints, outermost first.
LEVELS = (
    (0, re.compile(r"^([一二三四五六七八九十]+)(、)"), "chineseCounting"),
    (1, re.compile(r"^([（(])([一二三四五六七八九十]+)([）)])"), "chineseCounting"),
    (2, re.compile(r"^(\d{1,2})([.．、])(?!\d)"), "decimal"),
    (3, re.compile(r"^([（(])(\d{1,2})([）)])"), "decimal"),
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Numbered:
    level: int | None  # None: not a list paragraph (label, if any, typed)
    text: str  # the paragraph's text without the label Word will print


def _label(line: str):
    for level, pattern, _ in LEVELS:
        m = pattern.match(line)
        if m:
            return level, m
    return None, None


def _lvl_texts(lines: list[str]) -> dict[int, str]:
    """lvlText per level, shaped like the first label of that level the text prints."""
    texts = {0: "%1、", 1: "（%2）", 2: "%3.", 3: "（%4）"}
    seen = set()
    for line in lines:
        level, m = _label(line)
        if level is None or level in seen:
            continue
        seen.add(level)
        g = m.groups()
        texts[level] = (f"%{level + 1}{g[1]}" if len(g) == 2 else f"{g[0]}%{level + 1}{g[2]}")
    return texts


def plan_numbering(lines: list[str], split: int) -> list[Numbered]:
    """Which lines Word numbers: simulate the lists' counters and keep a line's printed label
    only where Word would print exactly that label. Levels from ``split`` on are a second list,
    numbered across the first one's items (tasks 1–17 across the parts); 9: one list."""
    from planqa.ingest.read.word import format_number

    texts = _lvl_texts(lines)
    counters: dict[int, int] = {}
    out = []
    for line in lines:
        level, m = _label(line)
        if level is None:
            out.append(Numbered(None, line))
            continue
        trial = dict(counters)
        trial[level] = trial.get(level, 0) + 1
        for deeper in [k for k in trial if k > level]:
            if (deeper < split) == (level < split):  # a level restarts its own list's deeper levels
                del trial[deeper]
        fmt = LEVELS[level][2]
        label = texts[level].replace(f"%{level + 1}", format_number(trial[level], fmt))
        if line.startswith(label):
            counters = trial
            out.append(Numbered(level, line[len(label):]))
        else:
            out.append(Numbered(None, line))
    return out


def _numbering_xml(abstract_id: int, texts: dict[int, str], split: int, outer: bool) -> str:
    """One multilevel list definition; the outer list's top levels are tied to paragraph styles."""
    levels = []
    for level, _, fmt in LEVELS:
        style = f'<w:pStyle w:val="PlanLevel{level + 1}"/>' if level < 2 and (level < split) == outer else ""
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}'
            f'<w:lvlText w:val="{html.escape(texts[level])}"/><w:lvlJc w:val="left"/>'
            f'<w:suff w:val="nothing"/><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
        )
    return (f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>' + "".join(levels) + "</w:abstractNum>")


def make_docx(text: str) -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    lines = [line for line in text.splitlines() if line.strip()]
    split = best_split(lines[1:])
    numbered = plan_numbering(lines[1:], split)
    document = docx.Document()
    numbering = document.part.numbering_part.element
    texts = _lvl_texts(lines[1:])
    # abstractNum elements come before num elements
    numbering.insert(0, parse_xml(_numbering_xml(91, texts, split, outer=False)))
    numbering.insert(0, parse_xml(_numbering_xml(90, texts, split, outer=True)))
    outer, inner = numbering.add_num(90).numId, numbering.add_num(91).numId

    def num_id(level: int) -> int:
        return outer if level < split else inner

    for level in (0, 1):  # the top levels are numbered through their paragraph styles
        style = document.styles.add_style(f"PlanLevel{level + 1}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.bold = level == 0
        num_pr = parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/>'
                           f'<w:numId w:val="{num_id(level)}"/></w:numPr>')
        style.element.get_or_add_pPr().insert(0, num_pr)
    title = document.add_paragraph(lines[0])
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].font.size = Pt(18)
    for item in numbered:
        if item.level in (0, 1):
            document.add_paragraph(item.text, style=f"PlanLevel{item.level + 1}")
            continue
        p = document.add_paragraph(item.text)
        p.paragraph_format.first_line_indent = Pt(24)
        if item.level is not None:
            p._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{item.level}"/>'
                f'<w:numId w:val="{num_id(item.level)}"/></w:numPr>'))
    section = document.sections[0]
    section.header.paragraphs[0].text = "政策文件汇编 · " + lines[0][:16]
    footer = section.footer.paragraphs[0]  # 第 N 页 with a PAGE field, as Word prints it
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    footer._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" 页")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def best_split(lines: list[str]) -> int:
    """The lists (one, or two split at a level) that let Word number most labelled lines."""
    return max((9, 3, 2, 1), key=lambda c: sum(n.level is not None for n in plan_numbering(lines, c)))


def docx_numbered_share(text: str) -> float:
    """The share of labelled lines that Word numbers in ``make_docx`` (the rest are typed)."""
    lines = [line for line in text.splitlines() if line.strip()][1:]
    best = plan_numbering(lines, best_split(lines))
    labelled = sum(1 for line in lines if _label(line)[0] is not None)
    return sum(n.level is not None for n in best) / max(1, labelled)


def make_pdf(text: str, header: str = "政策文件汇编", flush_headings: bool = False,
             password: str | None = None) -> bytes:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20,
                          firstLineIndent=24, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0 if flush_headings else 24,
                             spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=28, alignment=TA_CENTER,
                           firstLineIndent=0, spaceAfter=12)

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        canvas.restoreState()

    lines = [line for line in text.splitlines() if line.strip()]
    story = [Paragraph(html.escape(lines[0]), title)]
    for line in lines[1:]:
        style = heading if _label(line)[0] in (0, 1) else body
        story.append(Paragraph(html.escape(line), style))
    buf = io.BytesIO()
    kwargs = {"encrypt": password} if password else {}
    SimpleDocTemplate(buf, pagesize=A4, title=lines[0], **kwargs).build(
        story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()


def make_scanned_pdf(text: str) -> bytes:
    """A 'scanned' page: the text drawn into a picture, the PDF holding only the picture."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(text.splitlines()[:40]):
        draw.text((100, 100 + 40 * i), line.encode("ascii", "replace").decode(), fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def make_html(text: str, charset: str = "utf-8") -> bytes:
    lines = [line for line in text.splitlines() if line.strip()]
    title, body = lines[0], lines[1:]
    paras = "\n".join(f'<p style="text-indent:2em;">{html.escape(line)}</p>' for line in body)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{html.escape(title)}_山东省人民政府</title>
<meta name="ArticleTitle" content="{html.escape(title)}">
<link rel="stylesheet" href="/css/common.css">
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
<style>.nav li {{ display: inline; }} .footer {{ color: #666; }}</style>
</head>
<body>
<div class="top"><div class="wrap">欢迎访问山东省人民政府门户网站 <a href="/en">English</a> <a href="/wza">无障碍</a> <a href="/m">手机版</a></div></div>
<header class="header"><img src="/images/logo.png" alt="山东省人民政府">
<div class="search"><form action="/search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div></header>
<nav><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zcwj">政策文件</a></li>
<li><a href="/hdjl">互动交流</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/sdgk">走进山东</a></li></ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a> &gt; 正文</div>
<div class="main">
<div class="article">
<h1 class="art-title">{html.escape(title)}</h1>
<div class="art-info"><span>发布日期：2024-03-05 10:30</span> <span>来源：山东省人民政府办公厅</span>
<span>字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</span></div>
<div id="zoom" class="TRS_Editor">
{paras}
</div>
<div class="art-tools">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a>
<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<aside class="related"><h3>相关文件</h3><ul>
<li><a href="/a1">关于印发《山东省数字经济发展规划》的通知</a></li>
<li><a href="/a2">山东省人民政府办公厅关于加快推进新型工业化的实施意见</a></li>
<li><a href="/a3">政策解读：一图读懂《行动计划》</a></li></ul></aside>
</div>
<footer class="footer"><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
<p>主办单位：山东省人民政府办公厅　承办单位：山东省大数据中心</p>
<p>网站标识码：3700000063　鲁ICP备05045536号　鲁公网安备 37010202000107号</p></footer>
<script src="/js/jquery.min.js"></script><script>document.write("<span>访问量统计</span>");</script>
</body></html>
"""
    return page.encode(charset)


def make_listing_html() -> bytes:
    """A government page with no plan on it: a list of links and a footer."""
    items = "\n".join(f'<li><a href="/art/{i}">关于做好2024年第{i}批项目申报工作的通知</a><span>2024-03-0{i % 9 + 1}</span></li>'
                      for i in range(1, 21))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件_山东省人民政府</title></head>
<body><nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav><div class="list"><h2>政策文件</h2><ul>{items}</ul>
<div class="page">共 20 条 <a>上一页</a> <a>下一页</a></div></div>
<div class="footer">主办单位：山东省人民政府办公厅 网站标识码：3700000063</div></body></html>""".encode()
