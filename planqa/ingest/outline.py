"""Clean plan text → ``Plan``: notice header, overview, sections 一、…, numbered tasks 1. / 1． / 1、.

Sub-items such as （一） stay paragraphs of the unit they stand in. A plan whose sections carry no
numbered tasks is valid: each section is then the citable unit. Gaps or duplicates in the
numbering are parsed as printed and reported in ``Plan.warnings``.
"""

import re
from dataclasses import dataclass, field

from planqa.errors import PlanStructureError
from planqa.ingest.numerals import cn_to_int, int_to_cn
from planqa.ingest.plan import Plan, Section, Task

_SECTION = re.compile(r"^([一二三四五六七八九十百零〇]{1,4})、\s*(.+)$")
_TASK = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*(.+)$")
_NOTICE_TITLE = re.compile(r"^(.*?)关于印发[《“]?(.+?)[》”]?的通知$")
_META = re.compile(r"^(访问次数|浏览次数|点击数|发布时间|来源|作者|发布日期)")
_PUBLISHED = re.compile(r"(?:发布时间|发布日期)：?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_SIGNED = re.compile(r"^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[)）]?$")
_YEAR_PREFIX = re.compile(r"^(.+?)(?:\d{4}年|关于)")


def parse_plan(text: str, plan_id: str) -> Plan:
    """Parse cleaned text (``clean_text`` output); raise ``PlanStructureError`` if it is no plan."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first = next(
        (i for i, line in enumerate(lines) if _SECTION.match(line) or _TASK.match(line)), None
    )
    if first is None:
        raise PlanStructureError(
            "没有识别出计划的结构：既没有“一、”式的部分标题，也没有“1.”式的任务编号"
        )
    header = _parse_header(lines[:first])
    sections, warnings = _parse_body(lines[first:])
    if not header.title:
        warnings.append("没有找到计划标题")
    return Plan(
        plan_id=plan_id,
        title=header.title,
        issuer=header.issuer,
        date=header.published or header.signed,
        overview="\n".join(header.overview),
        sections=tuple(sections),
        notice="\n".join(header.notice),
        notice_title=header.notice_title,
        addressees=header.addressees,
        signed_date=header.signed,
        warnings=tuple(warnings),
    )


@dataclass
class _Header:
    title: str = ""
    notice_title: str = ""
    issuer: str = ""
    addressees: str = ""
    published: str = ""
    signed: str = ""
    notice: list[str] = field(default_factory=list)
    overview: list[str] = field(default_factory=list)


def _iso(m: re.Match[str]) -> str:
    y, mo, d = m.groups()
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _parse_header(lines: list[str]) -> _Header:
    h = _Header()
    notice = _NOTICE_TITLE.match(lines[0]) if lines else None
    if notice:
        h.notice_title, h.title = lines[0], notice.group(2)
        end = next((i for i in range(1, len(lines)) if lines[i] == h.title), None)
        if end is None:  # no repeated title: the notice ends with its signature date
            end = next((i + 1 for i, ln in enumerate(lines) if _SIGNED.match(ln)), 1)
            h.notice, rest = lines[:end], lines[end:]
        else:
            h.notice, rest = lines[:end], lines[end + 1 :]
    elif lines:
        h.title, rest = lines[0], lines[1:]
    else:
        rest = []

    for line in h.notice + rest:
        if m := _PUBLISHED.search(line):
            h.published = h.published or _iso(m)
    for i, line in enumerate(h.notice):
        if m := _SIGNED.match(line):
            h.signed = _iso(m)
            signer = h.notice[i - 1] if i > 0 else ""
            if len(signer) <= 40 and not any(p in signer for p in "，。：；"):
                h.issuer = signer
        elif line.endswith("：") and not _META.match(line) and not h.addressees:
            h.addressees = line.rstrip("：")
    for line in rest:
        if m := _SIGNED.match(line):
            h.signed = h.signed or _iso(m)
        elif not _META.match(line):
            h.overview.append(line)
    if not h.issuer:
        source = (notice.group(1) if notice else "") or _title_prefix(h.title)
        h.issuer = source
    return h


def _title_prefix(title: str) -> str:
    m = _YEAR_PREFIX.match(title)
    return m.group(1) if m else ""


def _split_title(line: str) -> tuple[str, str]:
    """"加强党建。以思想建党为根本……" → title and the first paragraph of the text."""
    title, sep, rest = line.partition("。")
    if sep and rest:
        return title, rest
    return line.rstrip("。"), ""


@dataclass
class _Open:
    number: str
    title: str
    text: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


def _parse_body(lines: list[str]) -> tuple[list[Section], list[str]]:
    sections: list[_Open] = []
    task: _Open | None = None

    def close_task() -> None:
        nonlocal task
        if task is not None:
            sections[-1].tasks.append(Task(int(task.number), task.title, "\n".join(task.text)))
            task = None

    for line in lines:
        if m := _SECTION.match(line):
            close_task()
            sections.append(_Open(m.group(1), m.group(2)))
        elif m := _TASK.match(line):
            close_task()
            if not sections:  # numbered tasks with no section above them
                sections.append(_Open("", ""))
            title, first = _split_title(m.group(2))
            task = _Open(m.group(1), title, [first] if first else [])
        elif task is not None:
            task.text.append(line)
        else:
            sections[-1].text.append(line)
    close_task()
    result = [Section(s.number, s.title, "\n".join(s.text), tuple(s.tasks)) for s in sections]
    return result, _numbering_warnings(result)


def _numbering_warnings(sections: list[Section]) -> list[str]:
    warnings = []
    if len(sections) == 1 and not sections[0].number:
        warnings.append("没有找到“一、”式的部分标题：全部任务归入一个部分")
    else:
        numbers = [cn_to_int(s.number) for s in sections]
        warnings += _sequence_warnings(numbers, "部分", lambda n: f"第{int_to_cn(n)}部分")
    restarts = len(sections) > 1 and all(s.tasks[0].number == 1 for s in sections if s.tasks)
    if restarts and sum(1 for s in sections if s.tasks) > 1:
        for s in sections:
            warnings += _sequence_warnings([t.number for t in s.tasks], f"“{s.number}、”部分的任务")
    else:
        warnings += _sequence_warnings([t.number for s in sections for t in s.tasks], "任务")
    return warnings


def _sequence_warnings(numbers: list, what: str, name=lambda n: f"第{n}项") -> list[str]:
    warnings = []
    expected = 1
    for n in numbers:
        if n is None:
            continue
        if n < expected:
            warnings.append(f"{what}编号重复或倒退：{name(n)}出现在{name(expected - 1)}之后")
        elif n > expected:
            missing = name(expected) if n - 1 == expected else f"{name(expected)}至{name(n - 1)}"
            warnings.append(f"{what}编号不连续：缺少{missing}")
        expected = max(expected, n + 1)
    return warnings
