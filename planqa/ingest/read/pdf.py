"""A text PDF → its text, one paragraph a line.

pdfplumber gives each page's lines with their positions. Reading order is top to bottom, left to
right (one column, as plans are printed). Running headers and footers are the lines at the top
or bottom of a page that repeat, digits aside, at the same height on at least half the pages, or
that are set in small type apart from the text; page numbers (- 3 -, 第3页 共9页, 3/9) are
dropped wherever they stand first or last on a page.
Lines are joined back into paragraphs: a line that runs to the right edge continues on the next
line unless that one is indented, starts a numbered item after a full stop, or stands apart.
"""

import io
import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from planqa.errors import InputError

_PAGE_NUMBER = re.compile(
    r"^[-—－–_~·•\s]*(?:第\s*)?[0-9０-９ivxIVX]{1,4}\s*(?:页)?\s*(?:(?:[/／]|共)\s*[0-9０-９]{1,4}\s*页?)?[-—－–_~·•\s]*$"
    r"|^(?:第\s*[0-9]{1,4}\s*页\s*)?(?:共\s*[0-9]{1,4}\s*页)$|^page\s*\d+(?:\s*of\s*\d+)?$",
    re.IGNORECASE,
)
# (3.2022年底前… is a label, as in the outline grammar; 1.5亿元 is none)
_LABEL = re.compile(r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,3}[.．﹒、](?!\d(?!\d{3}\s*年))"
                    r"|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分]|附件|附：)")
EDGE = 4  # lines at the top and at the bottom of a page that may be a running header or footer
_END = tuple("。；：！？;:!?")
# A paragraph's last line: a full stop, perhaps followed by a note in parentheses (牵头单位：…).
_CLOSED = re.compile(r"[。；：！？.;:!?](?:[（(][^（()）]*[)）])?$")
# What a line breaker keeps together and carries to the next line when it does not fit.
_UNBREAKABLE = re.compile(r"^(?:[\u4e00-\u9fff][、，。；：]?|[(（\[])?[A-Za-z0-9][A-Za-z0-9.,\-_/%+]*[)\]）]?")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")  # wrapped at a space: Latin words are not split
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    lead: float = 0.0  # width of the unbreakable chunk the line starts with (询、12345 / (FP16)), if any


def read_pdf(data: bytes, name: str = "输入") -> str:
    pages = _pdf_lines(data, name)
    lines = [line for page in drop_running_lines(pages) for line in page]
    if sum(len(line.text) for line in lines) < 20:
        total = len(pages)
        raise InputError(f"PDF 没有文字层（共 {total} 页，可能是扫描件），需要先做 OCR 文字识别：{name}")
    return "\n".join(join_paragraphs(lines)) + "\n"


def _pdf_lines(data: bytes, name: str) -> list[list[Line]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise InputError(f"PDF 已加密，需要密码才能打开；请提供未加密的版本：{name}") from None
        raise InputError(f"PDF 文件已损坏，无法读取：{name}（{type(cause).__name__}）") from None
    except Exception as err:  # pdfminer raises many kinds on a damaged file
        raise InputError(f"PDF 文件已损坏，无法读取：{name}（{type(err).__name__}）") from None
    pages, unmapped = [], 0
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                raw = page.extract_text_lines(return_chars=True, strip=True)
            except Exception as err:
                raise InputError(f"PDF 第 {number} 页无法读取：{name}（{type(err).__name__}）") from None
            lines = []
            for r in raw:
                chars = [c for c in r["chars"] if c.get("upright", True)]
                if not chars:
                    continue
                unmapped += len(_CID.findall(r["text"]))
                size = median(c["size"] for c in chars)
                lines.append(Line(r["text"], r["x0"], r["x1"], r["top"], r["bottom"], size, number,
                                  _lead_width(r["text"], chars)))
            pages.append(sorted(lines, key=lambda ln: (round(ln.top), ln.x0)))
    if unmapped > 20:
        raise InputError(f"PDF 的字体没有文字映射，取不出文字，需要先做 OCR 文字识别：{name}")
    return pages


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Each page without its page number and the headers and footers that repeat across pages."""
    def key(line: Line) -> tuple[str, int]:
        return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", line.text)), round(line.top / 12)

    sizes = [line.size for page in pages for line in page]
    body = median(sizes) if sizes else 0.0
    edges = [page[:EDGE] + page[-EDGE:] for page in pages]
    counts = Counter(k for edge in edges for k in {key(line) for line in edge})
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    out = []
    for page in pages:
        kept = list(page)
        while kept and key(kept[0]) in repeated:  # a header may run over several lines
            kept.pop(0)
        while kept and key(kept[-1]) in repeated:
            kept.pop()
        while kept and _PAGE_NUMBER.match(kept[-1].text):
            kept.pop()
        while kept and _PAGE_NUMBER.match(kept[0].text):
            kept.pop(0)
        # A header or footer in small type, set apart from the text (a one-page document too).
        if len(kept) > 1 and _small_apart(kept[0], kept[1], body):
            kept.pop(0)
        if len(kept) > 1 and _small_apart(kept[-1], kept[-2], body):
            kept.pop()
        out.append(kept)
    return out


def _lead_width(text: str, chars: list[dict]) -> float:
    chunk = _UNBREAKABLE.match(text)
    if not chunk:
        return 0.0
    glyphs = [c for c in chars if not c["text"].isspace()]
    n = len(re.sub(r"\s", "", chunk.group()))
    return glyphs[n - 1]["x1"] - glyphs[0]["x0"] if 0 < n <= len(glyphs) else 0.0


def _small_apart(edge: Line, neighbour: Line, body: float) -> bool:
    gap = edge.top - neighbour.bottom if edge.top > neighbour.top else neighbour.top - edge.bottom
    return edge.size < 0.85 * body and gap > 1.5 * body


def join_paragraphs(lines: list[Line]) -> list[str]:
    """Lines (reading order, running lines gone) → paragraphs."""
    if not lines:
        return []
    size = median(line.size for line in lines)
    left = _mode(round(line.x0) for line in lines)
    right = _mode(round(line.x1) for line in lines if line.x1 > left + 10 * size)
    paragraphs: list[str] = []
    current = lines[0].text
    for prev, line in zip(lines, lines[1:]):
        if _continues(prev, line, left, right, size):
            current = _join(current, line.text)
        else:
            paragraphs.append(current)
            current = line.text
    paragraphs.append(current)
    return paragraphs


def _continues(prev: Line, line: Line, left: float, right: float, size: float) -> bool:
    full = prev.x1 >= right - 1.6 * max(size, prev.size)  # ran to the right edge: the sentence wraps
    indented = line.x0 > left + 0.8 * size
    if full and prev.x0 < left + 2 * prev.size and _symmetric(line, left, right) \
            and abs(line.size - prev.size) < 0.5 and line.page == prev.page and indented:
        return True  # a centred title over two lines
    if not full:
        # A Latin word or number that did not fit at the end of the line starts the next one.
        if not line.lead or prev.text.endswith(_END) or prev.x1 + line.lead <= right - 0.25 * size:
            return False
    if indented or _centered(prev, left, right):
        return False
    if line.page == prev.page:
        gap = line.top - prev.bottom
        if gap > 1.2 * max(prev.bottom - prev.top, size):
            return False  # a blank line's worth of space: a new paragraph
    return not (_CLOSED.search(prev.text) and _LABEL.match(line.text))


def _symmetric(line: Line, left: float, right: float) -> bool:
    return abs((line.x0 - left) - (right - line.x1)) < 1.5 * line.size


def _centered(line: Line, left: float, right: float) -> bool:
    margin = 2.5 * line.size  # more than a first-line indent of two characters
    return line.x0 - left > margin and right - line.x1 > margin and _symmetric(line, left, right)


def _join(a: str, b: str) -> str:
    if a and b and _ASCII_WORD.match(a[-1]) and _ASCII_WORD.match(b[0]):
        return a + " " + b
    return a + b


def _mode(values) -> float:
    counts = Counter(values)
    if not counts:
        return 0.0
    return float(counts.most_common(1)[0][0])
