"""Word, PDF and web pages read back into a plan's paragraphs; bad files refused clearly."""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planqa.errors import InputError
from planqa.ingest.read import read_document, sniff
from planqa.ingest.read.pdf import Line, drop_running_lines, join_paragraphs
from planqa.ingest.read.word import format_number
from tests.documents import (
    W,
    make_docx,
    make_html,
    make_listing_html,
    make_pdf,
    make_scanned_pdf,
)

PLAN = """关于加快发展数字经济的实施方案
为加快数字经济发展，制定本方案。
一、总体要求
（一）指导思想。
坚持创新驱动。
（二）主要目标。
到2025年，数字经济规模显著提升。
二、重点任务
（三）夯实数字基础设施。
1.建设千兆城市。推进5G网络建设。
2.优化算力布局。建设一批数据中心。
（四）做强数字产业。
3.培育龙头企业。支持企业兼并重组。
三、保障措施
加强组织领导，各地要抓好落实。
"""


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# --- Word ---------------------------------------------------------------------------------------

def test_docx_numbering_generated_by_word_is_printed_back():
    data = make_docx(PLAN)
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # the labels are in numbering.xml, not the text
        body = z.read("word/document.xml").decode()
        numbering = z.read("word/numbering.xml").decode()
    assert "一、总体要求" not in body and "总体要求" in body and "（一）" not in body
    assert 'w:numFmt w:val="chineseCounting"' in numbering and "（%2）" in numbering
    doc = read_document(data, "plan.docx")
    assert (doc.format, doc.encoding) == ("docx", "")
    assert lines(doc.text) == lines(PLAN)  # tasks numbered across parts: lvlRestart 0


def test_docx_tables_and_typed_labels_and_no_header(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("计划")
    document.add_paragraph("一、任务分工")
    table = document.add_table(rows=2, cols=3)
    for cells, row in zip(("序号 任务 牵头单位".split(), "1 建设千兆城市 省通信管理局".split()), table.rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("二、保障措施")
    document.sections[0].header.paragraphs[0].text = "页眉文字"
    buf = io.BytesIO()
    document.save(buf)
    text = read_document(buf.getvalue(), "t.docx").text
    assert lines(text) == ["计划", "一、任务分工", "序号\t任务\t牵头单位", "1\t建设千兆城市\t省通信管理局",
                           "二、保障措施"]


def test_docx_start_override_restarts_a_list():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'))
    first, second = numbering.add_num(77), numbering.add_num(77)
    second.add_lvlOverride(0).add_startOverride(1)
    for num, text in ((first, "甲"), (first, ""), (first, "乙"), (second, "丙")):
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{num.numId}"/></w:numPr>'))
    buf = io.BytesIO()
    document.save(buf)
    assert lines(read_document(buf.getvalue(), "t.docx").text) == ["①甲", "③乙", "①丙"]  # ② is empty


def test_docx_lvl_restart_zero_numbers_tasks_across_parts():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="78">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    num = numbering.add_num(78)
    for level, text in ((0, "甲"), (1, "子"), (1, "丑"), (0, "乙"), (1, "寅")):
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num.numId}"/></w:numPr>'))
    buf = io.BytesIO()
    document.save(buf)
    assert lines(read_document(buf.getvalue(), "t.docx").text) == ["一、甲", "1.子", "2.丑", "二、乙", "3.寅"]


@pytest.mark.parametrize(
    "n, fmt, printed",
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (23, "chineseCountingThousand", "二十三"),
     (12, "decimal", "12"), (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"),
     (4, "upperRoman", "IV"), (27, "lowerLetter", "aa"), (5, "chineseLegalSimplified", "伍"),
     (7, "decimalFullWidth", "７"), (3, "someFutureFormat", "3"), (11, "taiwaneseCountingThousand", "十一"),
     (10, "ideographDigital", "一〇")],
)
def test_word_number_formats(n, fmt, printed):
    assert format_number(n, fmt) == printed


# --- PDF ----------------------------------------------------------------------------------------

def test_pdf_with_header_footer_and_page_numbers_reads_as_paragraphs():
    long_plan = PLAN.replace("推进5G网络建设。", "推进5G网络建设。" + "加快建设高速泛在的网络基础设施，" * 12 + "全面提速。")
    data = make_pdf(long_plan * 3, header="某某市人民政府办公室")
    doc = read_document(data, "plan.pdf")
    assert doc.format == "pdf"
    assert lines(doc.text) == lines(long_plan * 3)


def test_pdf_flush_left_headings_after_a_full_line_start_a_paragraph():
    plan = PLAN.replace("坚持创新驱动。", "坚持创新驱动，" * 17 + "推动发展。")
    assert lines(read_document(make_pdf(plan, flush_headings=True), "p.pdf").text) == lines(plan)


def L(text, x0, x1, top, page=1, size=12.0):  # noqa: E743
    return Line(text, x0, x1, top, top + size, size, page)


def test_running_lines_are_dropped_by_position_and_repetition():
    body = ["（一）指导思想。", "坚持创新驱动。", "（二）主要目标。", "到2025年，数字经济规模显著提升。",
            "二、重点任务", "（三）夯实数字基础设施。"]
    pages = [[L("某某市人民政府文件", 250, 350, 30, p)]
             + [L(text, 78, 510, 80 + 20 * i, p) for i, text in enumerate(body[2 * p - 2: 2 * p])]
             + [L(f"- {p} -", 280, 310, 800, p)] for p in (1, 2, 3)]
    pages[0].insert(1, L("某某市人民政府文件", 250, 350, 60, 1))  # the same words lower down: the title
    kept = [line.text for page in drop_running_lines(pages) for line in page]
    assert kept == ["某某市人民政府文件"] + body


@pytest.mark.parametrize("number", ["3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 9 页", "3/9", "－3－"])
def test_page_numbers_are_dropped(number):
    pages = [[L("正文", 78, 510, 80), L(number, 280, 310, 800)]]
    assert [line.text for line in drop_running_lines(pages)[0]] == ["正文"]


def test_lines_join_into_paragraphs():
    got = join_paragraphs([
        L("标题在中间", 250, 340, 40, size=18),
        L("一、总体要求", 102, 174, 80),
        L("第一段文字写满了一整行，写满了一整行，写满了一整行，写满", 102, 510, 100),
        L("了第二行。", 78, 140, 120),
        L("1.第二段从缩进开始，写满了一整行，写满了一整行，写满了一", 102, 510, 140),
        L("整行，也写满了这一行，写满了这一行，写满了这一行，写满了这一", 78, 510, 160),
        L("行。", 78, 102, 180, page=1),
        L("跨页的段落写满了一整行，写满了一整行，写满了一整行，写满了", 102, 510, 700),
        L("下一页接着写。", 78, 160, 80, page=2),
    ])
    assert got == ["标题在中间", "一、总体要求", "第一段文字写满了一整行，写满了一整行，写满了一整行，写满了第二行。",
                   "1.第二段从缩进开始，写满了一整行，写满了一整行，写满了一整行，也写满了这一行，写满了这一行，写满了这一行，写满了这一行。",
                   "跨页的段落写满了一整行，写满了一整行，写满了一整行，写满了下一页接着写。"]


def test_a_label_before_a_year_opens_a_paragraph_after_a_full_line():
    # a full line closed by 。, then "3.2022年…" flush left: a new item, not a decimal carried on;
    # "1.5亿元…" would continue the paragraph
    full = L("2.第二项写满了一整行，写满了一整行，写满了一整行，写满了。", 78, 510, 100)
    assert join_paragraphs([full, L("3.2022年底前建成平台。", 78, 300, 120)])[1:] == ["3.2022年底前建成平台。"]
    assert len(join_paragraphs([full, L("1.5亿元用于平台建设。", 78, 300, 120)])) == 1


def test_a_word_carried_to_the_next_line_does_not_end_the_paragraph():
    short = L("打印最终", 78, 470, 100)  # 40 short of the right edge
    carried = Line("PDF版本申请书。", 78, 200, 120, 132, 12.0, 1, lead=42.0)  # "PDF" is 42 wide here
    assert join_paragraphs([L("x" * 30, 78, 510, 80), short, carried]) == ["x" * 30 + "打印最终PDF版本申请书。"]
    fits = Line("PDF版本申请书。", 78, 200, 120, 132, 12.0, 1, lead=5.0)
    assert join_paragraphs([L("x" * 30, 78, 510, 80), short, fits]) == ["x" * 30 + "打印最终", "PDF版本申请书。"]


def test_a_scanned_pdf_names_ocr():
    with pytest.raises(InputError, match="没有文字层.*共 2 页.*扫描件.*OCR"):
        read_document(make_scanned_pdf(PLAN), "scan.pdf")


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(InputError, match="PDF 已加密.*密码"):
        read_document(make_pdf(PLAN, password="secret"), "locked.pdf")


def test_a_damaged_pdf_is_refused():
    data = make_pdf(PLAN)
    with pytest.raises(InputError, match="PDF"):
        read_document(data[: len(data) // 3], "cut.pdf")


# --- web pages ----------------------------------------------------------------------------------

def test_a_government_page_gives_its_article_only():
    doc = read_document(make_html(PLAN), "plan.html")
    assert doc.format == "html"
    assert lines(doc.text) == lines(PLAN)
    for boilerplate in ("首页", "搜索", "当前位置", "分享到", "打印本页", "相关文件", "网站标识码", "访问量", "hmt"):
        assert boilerplate not in doc.text


def test_a_gb2312_page_without_extension_and_titles_in_book_marks():
    plan = PLAN.replace("制定本方案。", "根据《数字中国建设整体布局规划》，制定本方案。")
    doc = read_document(make_html(plan, charset="gb2312"), "download")
    assert (doc.format, doc.encoding) == ("html", "gb18030")
    assert lines(doc.text) == lines(plan)


def test_paragraphs_split_by_br_and_a_title_only_in_title_tag():
    page = ("<html><head><title>某某县2024年工作要点 - 某某县人民政府</title></head><body>"
            "<div><a href='/'>首页</a></div><div class='c'>" + "<br>".join(lines(PLAN)[1:]) + "</div></body></html>")
    assert lines(read_document(page.encode(), "p.htm").text) == ["某某县2024年工作要点"] + lines(PLAN)[1:]


def test_share_and_print_links_beside_a_short_article_are_left_out():
    page = ("<html><body><div class='art'><h1>某某县2024年工作要点</h1><div>发布时间：2024-03-05</div>"
            + "".join(f"<p>{line}</p>" for line in lines(PLAN)[1:])
            + "<div>分享到：<a>微信</a> <a>微博</a></div><p><a>【打印本页】</a><a>【关闭窗口】</a></p>"
            "<p>上一篇：<a href='/1'>关于做好2024年春季农业生产工作的通知</a></p></div></body></html>")
    got = lines(read_document(page.encode(), "p.html").text)
    assert got == ["某某县2024年工作要点", "发布时间：2024-03-05"] + lines(PLAN)[1:]


def test_an_aspnet_page_wrapped_in_a_form_and_a_page_with_a_broken_byte():
    page = make_html(PLAN).replace(b"<body>", b"<body><form id='form1' method='post'>").replace(
        b"</body>", b"</form></body>")
    assert lines(read_document(page, "p.aspx").text) == lines(PLAN)
    broken = make_html(PLAN).replace("坚持创新驱动".encode(), "坚持创新驱动".encode()[:-1] + b"\xff")
    doc = read_document(broken, "p.html")
    assert doc.encoding == "utf-8" and "坚持创新驱\ufffd" in doc.text
    with pytest.raises(InputError, match="文件编码"):
        read_document(broken.replace(b"<!DOCTYPE html>", b""), "p.txt")


def test_a_page_with_no_plan_on_it_is_refused():
    with pytest.raises(InputError, match="网页里没有找到正文"):
        read_document(make_listing_html(), "list.html")


# --- what the bytes are ---------------------------------------------------------------------------

def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in names.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data, name, message",
    [
        (_zip({"photos/1.jpg": b"\xff\xd8\xff"}), "plan.docx", "不是 Word 文档.*压缩包.*word/document.xml"),
        (_zip({"xl/workbook.xml": b"<x/>"}), "plan.docx", "不是 Word 文档.*Excel"),
        (_zip({"OFD.xml": b"<x/>"}), "plan.ofd", "OFD"),
        (b"PK\x03\x04 truncated", "plan.docx", "损坏的压缩包"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "plan.doc", "旧版 Office.*另存为 .docx"),
        (b"{\\rtf1\\ansi plan}", "plan.rtf", "RTF"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "scan.jpg", "图片（JPEG）.*OCR"),
        (b"\x1f\x8b\x08" + bytes(50), "plan.txt.gz", "gzip 压缩包"),
        ("一、计划\n".encode(), "plan.pdf", "扩展名是 .pdf.*不是 PDF"),
        ("一、计划\n".encode(), "plan.docx", "扩展名是 .docx.*不是 Word"),
    ],
)
def test_files_that_are_not_what_planqa_reads(data, name, message):
    with pytest.raises(InputError, match=message):
        read_document(data, name)


def test_a_docx_with_a_broken_document_part():
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not xml"})
    with pytest.raises(InputError, match="Word 文档"):
        read_document(data, "broken.docx")


@pytest.mark.parametrize(
    "data, name, kind",
    [(b"%PDF-1.7\n", "x.bin", "pdf"), (_zip({"word/document.xml": b""}), "x", "docx"),
     (b"<p>x</p>", "a.HTM", "html"), ("一、计划".encode(), "a.txt", "txt"), (b"BMW", "a.txt", "txt")],
)
def test_sniff_by_content_then_extension(data, name, kind):
    assert sniff(data, name) == kind


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]),
       st.binary(max_size=600), st.sampled_from(["x.txt", "x.docx", "x.pdf", "x.html", "x"]))
def test_any_bytes_give_text_or_a_one_line_reason(prefix, data, name):
    try:
        doc = read_document(prefix + data, name)
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert doc.text.strip() and doc.format in ("txt", "html", "pdf", "docx")
