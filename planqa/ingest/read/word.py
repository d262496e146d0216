"""A Word document (.docx) → its text: body paragraphs and tables in document order, one
paragraph a line, with the numbers Word generates from list styles written back as printed
(一、 （一） 1. ①): numbering.xml's levels (numFmt, lvlText, start) and counters as Word keeps
them. Headers, footers and comments are not part of the plan and are left out."""

import io
import zipfile
from dataclasses import dataclass, field

from planqa.errors import InputError
from planqa.ingest.numerals import int_to_cn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_STOP_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
# LibreOffice writes taiwaneseCountingThousand for the 一、二、… it prints
_COUNTING = {"chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
             "japaneseCounting"}
_DIGITAL = {"ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"}
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def read_docx(data: bytes, name: str = "输入") -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(f"不是有效的 Word 文档（.docx），无法打开：{name}（{err}）") from None
    except Exception as err:  # lxml syntax errors and the like inside a damaged package
        raise InputError(f"Word 文档已损坏，无法读取：{name}（{type(err).__name__}）") from None
    try:
        numbering = Numbering.from_element(document.part.numbering_part.element)
    except NotImplementedError:  # python-docx raises this when the document has no numbering part
        numbering = Numbering()
    styles = _style_numbering(document.styles.element)
    lines: list[str] = []
    _blocks(document.element.body, numbering, styles, lines)
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise InputError(f"Word 文档里没有文字：{name}")
    return text + "\n"


def _blocks(parent, numbering: "Numbering", styles: dict, lines: list[str]) -> None:
    for child in parent.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph(child, numbering, styles))
        elif child.tag == _W + "tbl":
            lines.extend(_table(child, numbering, styles))
        elif child.tag == _W + "sdt":  # a content control wraps ordinary blocks
            content = child.find(_W + "sdtContent")
            if content is not None:
                _blocks(content, numbering, styles, lines)


def _paragraph(p, numbering: "Numbering", styles: dict) -> str:
    from docx.text.paragraph import Paragraph

    text = Paragraph(p, None).text.replace("\n", " ")
    num_id, level, style = _num_pr(p, styles)
    if num_id:  # an empty list paragraph still takes its number, as Word shows it
        label = numbering.label(num_id, level, style)
        return label + text.strip() if text.strip() else ""
    return text


def _table(tbl, numbering: "Numbering", styles: dict) -> list[str]:
    rows = []
    for tr in tbl.iterchildren(_W + "tr"):
        cells = []
        for tc in tr.iterchildren(_W + "tc"):
            if _val(tc.find(f"{_W}tcPr/{_W}vMerge")) == "continue" or _vmerge_continue(tc):
                continue  # the rest of a vertically merged cell: its text is in the first
            inner: list[str] = []
            _blocks(tc, numbering, styles, inner)
            cells.append(" ".join(s.strip() for s in inner if s.strip()))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _vmerge_continue(tc) -> bool:
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val") in (None, "continue")


def _val(el) -> str | None:
    return None if el is None else el.get(_W + "val")


def _num_pr(p, styles: dict) -> tuple[str | None, int | None, str | None]:
    """(numId, level, style id) of a paragraph: its own numPr, else its style's (through basedOn).
    The level is None when only the style names the list: then the level is the one whose
    pStyle names the style."""
    num_pr = p.find(f"{_W}pPr/{_W}numPr")
    style = _val(p.find(f"{_W}pPr/{_W}pStyle"))
    num_id = level = None
    if num_pr is not None:
        num_id, level = _val(num_pr.find(_W + "numId")), _val(num_pr.find(_W + "ilvl"))
    if num_id is None and style in styles:
        num_id, style_level = styles[style]
        level = level if level is not None else style_level
    if not num_id or num_id == "0":
        return None, None, style
    return num_id, int(level) if level is not None and level.isdigit() else None, style


def _style_numbering(styles_el) -> dict[str, tuple[str, str | None]]:
    """style id → (numId, ilvl) from the style's own numPr or the styles it is based on."""
    own, based = {}, {}
    for s in styles_el.iterchildren(_W + "style"):
        sid = s.get(_W + "styleId")
        num_pr = s.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            own[sid] = (_val(num_pr.find(_W + "numId")), _val(num_pr.find(_W + "ilvl")))
        based[sid] = _val(s.find(_W + "basedOn"))
    resolved = {}
    for sid in based:
        seen, cur = set(), sid
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in own and own[cur][0]:
            resolved[sid] = own[cur]
    return resolved


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    style: str | None = None
    legal: bool = False
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never


@dataclass
class Numbering:
    """numbering.xml: numId → abstractNumId (+ start overrides), abstractNumId → levels, and the
    counters, kept per abstract list as Word does, a level restarting lower levels."""

    nums: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set = field(default_factory=set)

    @classmethod
    def from_element(cls, root) -> "Numbering":
        n = cls()
        for a in root.iterchildren(_W + "abstractNum"):
            levels = {}
            for lvl in a.iterchildren(_W + "lvl"):
                start = _int(_val(lvl.find(_W + "start")))
                levels[int(lvl.get(_W + "ilvl", "0"))] = Level(
                    fmt=_val(lvl.find(_W + "numFmt")) or "decimal",
                    text=_val(lvl.find(_W + "lvlText")) or "",
                    start=1 if start is None else start,
                    style=_val(lvl.find(_W + "pStyle")),
                    legal=lvl.find(_W + "isLgl") is not None,
                    restart=_int(_val(lvl.find(_W + "lvlRestart"))),
                )
            n.abstracts[a.get(_W + "abstractNumId")] = levels
        for num in root.iterchildren(_W + "num"):
            num_id = num.get(_W + "numId")
            n.nums[num_id] = _val(num.find(_W + "abstractNumId"))
            for ov in num.iterchildren(_W + "lvlOverride"):
                start = _val(ov.find(_W + "startOverride"))
                if start is not None and start.isdigit():
                    n.overrides.setdefault(num_id, {})[int(ov.get(_W + "ilvl", "0"))] = int(start)
        return n

    def label(self, num_id: str, level: int | None, style: str | None = None) -> str:
        """The printed label of the next paragraph of list ``num_id`` at ``level``."""
        abstract = self.nums.get(num_id)
        levels = self.abstracts.get(abstract)
        if not levels:
            return ""
        if level is None:  # numbered through a style: the level whose pStyle names the style
            level = next((k for k, lv in sorted(levels.items()) if lv.style and lv.style == style), 0)
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a num's start overrides apply at its first paragraph
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        lvl = levels.get(level, Level())
        counters[level] = counters.get(level, lvl.start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or level < restart:
                del counters[deeper]
        if lvl.fmt == "bullet" or lvl.fmt == "none":
            return ""
        out = lvl.text
        for k in range(9):
            if f"%{k + 1}" in out:
                value = counters.get(k, levels.get(k, Level()).start)
                fmt = "decimal" if lvl.legal else levels.get(k, Level()).fmt
                out = out.replace(f"%{k + 1}", format_number(value, fmt))
        return out


def _int(text: str | None) -> int | None:
    return int(text) if text is not None and text.lstrip("-").isdigit() else None


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word prints it in ``fmt`` (w:numFmt); unknown formats print digits."""
    if fmt in _COUNTING and 0 < n < 1000:
        return int_to_cn(n)
    if fmt in _DIGITAL and n >= 0:
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified" and 0 < n < 1000:
        return int_to_cn(n).translate(_LEGAL)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN_DIGITS[n - 1] if 0 < n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _STOP_DIGITS[n - 1] if 0 < n <= 20 else f"{n}."
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, digits in _ROMAN:
            while rest >= value:
                out, rest = out + digits, rest - value
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)
