"""The outline grammar as data: ``grammar.toml`` read once into compiled patterns.

Numbering levels, lines to skip, front-matter and end-matter lines and lead notes are rows of
that file, each with examples (tests/unit/ingest/test_grammar.py checks them).
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from planqa.ingest.numerals import cn_to_int

_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def fold_digits(text: str) -> str:
    """Full-width digits as ASCII (labels and dates only: the text keeps them as printed)."""
    return text.translate(_FULL_DIGITS)


def numeral_value(numeral: str) -> int | None:
    """"3" "３" "十二" "⑤" → 3 12 5."""
    numeral = fold_digits(numeral.replace(" ", ""))
    if len(numeral) == 1 and numeral in _CIRCLED:  # before isdigit(), which "①" passes
        return _CIRCLED.index(numeral) + 1
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    return cn_to_int(numeral)


@dataclass(frozen=True)
class Level:
    name: str
    rank: float
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Label:
    """A numbered heading at the start of a line."""

    level: Level
    value: int
    printed: str  # spaces removed, full-width digits as ASCII: "3．", "（二）"
    rest: str  # the heading text after the label


@dataclass(frozen=True)
class EndRule:
    name: str
    strong: bool
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Grammar:
    levels: tuple[Level, ...]
    skip: re.Pattern[str]
    repairs: tuple[tuple[re.Pattern[str], str], ...]
    contents: re.Pattern[str]
    notice: re.Pattern[str]
    notice_letter: re.Pattern[str]
    doc_number: re.Pattern[str]
    header_end: re.Pattern[str]
    attachment: re.Pattern[str]
    addressees: re.Pattern[str]
    meta: re.Pattern[str]
    published: re.Pattern[str]
    draft_mark: re.Pattern[str]
    title_run_in: re.Pattern[str]
    organization: re.Pattern[str]
    date: re.Pattern[str]
    issued: re.Pattern[str]
    ends: tuple[EndRule, ...]
    leads: tuple[re.Pattern[str], ...]
    supporting: tuple[str, ...]
    separators: re.Pattern[str]
    unit_label: re.Pattern[str]
    unit_role: re.Pattern[str]

    def label(self, line: str) -> Label | None:
        for level in self.levels:
            m = level.pattern.match(line)
            if m and (value := numeral_value(m.group(2))):
                printed = fold_digits(re.sub(r"\s+", "", m.group(1)))
                return Label(level, value, printed, m.group(3).strip())
        return None

    def repaired(self, line: str) -> str:
        """The line with a heading label a PDF's text layer damaged as printed (grammar.toml [[repair]])."""
        for pattern, replace in self.repairs:
            line = pattern.sub(replace, line, count=1)
        return line

    def end_rule(self, line: str) -> EndRule | None:
        return next((r for r in self.ends if r.pattern.search(line)), None)


def genre_of(title: str) -> str:
    """"山东省科协2017年工作要点" → 要点; a title without a genre noun → 文件."""
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title or "")
    return next((n for n in raw_grammar()["genre"]["nouns"] if bare.endswith(n)), "文件")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def raw_grammar() -> dict:
    return tomllib.loads(resources.files("planqa.ingest").joinpath("grammar.toml").read_text("utf-8"))


@cache
def grammar() -> Grammar:
    data = raw_grammar()
    front, dates = data["front"], data["dates"]
    return Grammar(
        levels=tuple(Level(r["name"], float(r["rank"]), _compile(r["pattern"])) for r in data["level"]),
        skip=_compile(data["skip"]["pattern"]),
        repairs=tuple((_compile(r["pattern"]), r["replace"]) for r in data["repair"]),
        contents=_compile(data["skip"]["contents"]),
        notice=_compile(front["notice"]),
        notice_letter=_compile(front["notice_letter"]),
        doc_number=_compile(front["doc_number"]),
        header_end=_compile(front["header_end"]),
        attachment=_compile(front["attachment"]),
        addressees=_compile(front["addressees"]),
        meta=_compile(front["meta"]),
        published=_compile(front["published"]),
        draft_mark=_compile(front["draft_mark"]),
        title_run_in=_compile(front["title_run_in"]),
        organization=_compile(front["organization"]),
        date=_compile(dates["date"]),
        issued=_compile(dates["issued"]),
        ends=tuple(EndRule(r["name"], r["strength"] == "strong", _compile(r["pattern"]))
                   for r in data["end"]),
        leads=tuple(_compile(r["pattern"]) for r in data["lead"]),
        supporting=tuple(data["lead_units"]["supporting"]),
        separators=_compile(data["lead_units"]["separators"]),
        unit_label=_compile(data["lead_units"]["label"]),
        unit_role=_compile(data["lead_units"]["role"]),
    )
