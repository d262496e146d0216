"""Clean text → ``Plan``: the outline of a Chinese official document (docs/outline-grammar.md).

1. Lines: a table of contents and page numbers go; lines a PDF wrapped mid-sentence are joined;
   a numbered heading run into the previous line ("…。10．加强…") is split out.
2. The body begins at the first heading of the top numbering level present; before it stand
   the front matter (web-page lines, red header, 文号, covering notice, title) and the overview.
3. The end matter (signature, date, 抄送/印发, 附件, contacts, 施行/有效期) closes the document.
4. Parts are the top level; in each part, the first numbered level under it holds the tasks;
   deeper levels stay inside their task's text. Lead notes become the task's ``leads``.

Patterns and word lists live in ``grammar.toml``; this module holds only the order of the steps.
"""

import re
from dataclasses import dataclass, field, replace

from planqa.errors import PlanStructureError
from planqa.ingest.grammar import Grammar, Label, Level, fold_digits, grammar, numeral_value
from planqa.ingest.numerals import DIGITS, int_to_cn
from planqa.ingest.plan import Attachment, Plan, Section, Task

# A paragraph that ends with one of these is closed; a wrapped line ends elsewhere.
_CLOSED = "。！？；：…”）】》」』!?;:"
# Where a heading may stand run into the text before it: after a sentence or a lead note's
# closing bracket ("…（省发展改革委负责）四、实施…"), or (digit and bracket labels only) right
# after a Han character.
_SENTENCE_END = "。；！？：，;!?"
_NOTE_END = "）)"
_RUN_IN = re.compile(r"(?<=[。；！？：，;!?）)\u4e00-\u9fff])[ \u3000]*(?=[0-9０-９（(一二三四五六七八九十第①-⑳抄主附])")
_DIGIT_OR_BRACKET = "0123456789０１２３４５６７８９（("
_TITLE_END = re.compile(r"[。：]")
_PARENTHETICAL = re.compile(r"[（(][^（）()]*[）)]")
_PARENTHETICALS = re.compile(r"(?:[（(][^（）()]*[）)])+")
_SIGNATURE_MAX = 40
_PART_LEVELS = ("chapter", "part")


def parse_plan(text: str, plan_id: str) -> Plan:
    """Parse cleaned text (``clean_text`` output); raise ``PlanStructureError`` if it is no plan."""
    g = grammar()
    lines = unwrap(split_run_ins([g.repaired(ln) for ln in _without_contents(_stripped(text), g) if not g.skip.match(ln)], g))
    labels = [g.label(ln) for ln in lines]
    # Attachments close a body numbered before them; a document whose own text has no numbered
    # lines is read from its first numbered heading, wherever it stands (a covering notice).
    pieces = _attachments(lines, labels, g)
    closed = pieces[0].start if pieces and _numbered(labels[:pieces[0].start]) else len(lines)
    start = _body_start(labels[:closed])
    if start is None:
        raise PlanStructureError(
            "没有识别出计划的结构：没有“一、”“（一）”“1.”或“第一章”式的编号标题"
        )
    start, labels, restored = _lost_first_part(lines, labels, start, first=1)  # line 0: the title
    end = min(_end_start(lines, labels, start, g), closed)
    front = _front(lines[:start], g)
    end_matter = lines[end:]
    signer, signed, printer, printed = _signature(end_matter, g)
    sections, warnings = _outline(lines[start:end], labels[start:end], g)
    warnings = restored + warnings
    attached = [p for p in pieces if p.start >= end]
    sections += _attached_sections(attached, lines, labels, sections, g)
    if not front.title:
        warnings.append("没有找到计划标题")
    return Plan(
        plan_id=plan_id,
        title=front.title,
        issuer=signer or front.issuer or printer,
        date=signed or front.date or printed,
        overview="\n".join(front.overview),
        sections=tuple(sections),
        notice="\n".join(front.notice),
        notice_title=front.notice_title,
        addressees=front.addressees,
        published=front.published,
        doc_number=front.doc_number,
        end_matter="\n".join(end_matter),
        attachments=tuple(Attachment(p.label, p.title) for p in attached),
        warnings=tuple(warnings),
    )


def _stripped(text: str) -> list[str]:
    return [s for line in text.split("\n") if (s := line.strip())]


def _without_contents(lines: list[str], g: Grammar) -> list[str]:
    """Lines without a table of contents whose entries lost their dot leaders: after its
    heading (目录), the run of lines that the document prints again further on, spaces aside
    (an entry may stand there broken in two: "附件1：" | "智能制造相关名词术语")."""
    for i, line in enumerate(lines):
        if not g.contents.match(line):
            continue
        rest = [re.sub(r"\s+", "", ln) for ln in lines[i + 1:]]
        later, at, run = "".join(rest), 0, 0
        for entry in rest:
            at += len(entry)
            if later.find(entry, at) < 0:
                break
            run += 1
        if run >= 2:
            return lines[:i + 1] + lines[i + 1 + run:]
    return lines


# 1. Lines ------------------------------------------------------------------------------------

def _width(line: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in line)


def unwrap(lines: list["str | _Heading"]) -> list[str]:
    """Join the lines of a hard-wrapped text (a PDF's) back into paragraphs.

    A text is wrapped when most of its full-width lines end mid-sentence; then a full-width
    line that ends mid-sentence continues on the next line unless that one starts a heading.
    """
    widths = [ln.width if isinstance(ln, _Heading) else _width(ln) for ln in lines]
    long = sorted(w for w in widths if w >= 30)
    if len(long) < 8:
        return [str(ln) for ln in lines]
    full = long[int(0.75 * (len(long) - 1))]
    at_full = [ln for ln, w in zip(lines, widths) if w >= 0.85 * full]
    if sum(1 for ln in at_full if ln[-1] not in _CLOSED) < 0.5 * len(at_full):
        return [str(ln) for ln in lines]
    g = grammar()
    out: list[str] = []
    open_line = False
    for line, width in zip(lines, widths):
        if open_line and not _starts_block(line, g):
            out[-1] += line
        else:
            out.append(str(line))
        open_line = width >= 0.85 * full and line[-1] not in _CLOSED and not isinstance(line, _Heading)
    return out


def _starts_block(line: str, g: Grammar) -> bool:
    return bool(g.label(line) or g.date.match(line) or g.end_rule(line) or g.draft_mark.match(line))


class _Heading(str):
    """A heading split off the line it was run into: it ends where the line ended, so it is
    never a wrapped line; ``width`` is that of the physical line it came from."""

    width: int = 0


def split_run_ins(lines: list[str], g: Grammar) -> list["str | _Heading"]:
    """"…形成合力。10．加强…" → two lines, when the label continues its level's numbering.

    A label counts as run in where it is the next number of its level (or the first of a level
    under the heading that opens the line), after a sentence, or right after a heading's words
    for digit and bracket labels ("…持续发展1.加强…"); an end-matter line (抄送, 主送) after a
    sentence is split off too.
    """
    out: list[str | _Heading] = []
    last: dict[str, int] = {}  # the last value seen per level, across the whole text
    for line in lines:
        opening = g.label(line)
        _note(opening, last)
        pieces: list[str] = [line]
        while (tail := _run_in(pieces[-1], opening, last, g)) is not None:
            pieces[-1:] = [pieces[-1][: -len(tail)].rstrip(" \u3000"), tail]
            _note(g.label(tail), last)
        out.append(pieces[0])
        for piece in pieces[1:]:
            heading = _Heading(piece)
            heading.width = _width(line)
            out.append(heading)
    return out


def _note(label: Label | None, last: dict[str, int]) -> None:
    if label:
        last[label.level.name] = label.value


def _run_in(line: str, opening: Label | None, last: dict[str, int], g: Grammar) -> str | None:
    for m in _RUN_IN.finditer(line, 1):
        tail = line[m.end():]
        after_sentence = line[m.start() - 1] in _SENTENCE_END
        label = g.label(tail)
        if line[m.start() - 1] in _NOTE_END and not _ends_in_lead_note(line[: m.start()], g):
            continue  # "按照（一）（二）的要求": a reference after a bracket, no heading
        if label and len(label.rest) > 1 and (after_sentence or tail[0] in _DIGIT_OR_BRACKET
                                               or len(label.rest) >= 4):
            under_opening = opening is not None and opening.level.rank < label.level.rank \
                and label.value == 1 and label.level.name not in last
            # "…起草。　第一章　总体要求": the first chapter run into the preface's last line
            first_chapter = after_sentence and label.level.rank == 0 and label.value == 1 \
                and label.level.name not in last
            if under_opening or first_chapter or last.get(label.level.name, -1) + 1 == label.value:
                return tail
        rule = g.end_rule(tail)
        if after_sentence and rule and rule.strong and rule.pattern.match(tail):
            return tail
    return None


def _ends_in_lead_note(text: str, g: Grammar) -> bool:
    """Whether the text ends with a bracketed lead note (（省发展改革委负责）), or with a note's
    role word and bracket when the note began on the line before (…办公室负责）)."""
    start = max(text.rfind("（"), text.rfind("("))
    if start >= 0 and any(p.fullmatch(text[start:]) for p in g.leads):
        return True
    return start < 0 and bool(g.unit_role.search(text[:-1]))


# 2. Where the body begins and ends -----------------------------------------------------------

def _body_start(labels: list[Label | None]) -> int | None:
    """The first heading of the top level in use (a level used twice or more): the one
    numbered 1, or the first of that level where a damaged text lost it."""
    counts: dict[str, int] = {}
    for lab in labels:
        if lab:
            counts[lab.level.name] = counts.get(lab.level.name, 0) + 1
    used = [lab.level.rank for lab in labels if lab and counts[lab.level.name] >= 2]
    if not used:
        used = [lab.level.rank for lab in labels if lab]
    if not used:
        return None
    top = [(lab.value != 1, i) for i, lab in enumerate(labels) if lab and lab.level.rank == min(used)]
    return min(top)[1]


def _end_start(lines: list[str], labels: list[Label | None], start: int, g: Grammar) -> int:
    """Where the end matter begins: at a strong end line (or a signature date) anywhere after
    the first heading, or at the run of end-matter lines that closes the document."""
    n = len(lines)
    end = n
    for i in range(start + 1, n):
        line = lines[i]
        rule = None if labels[i] else g.end_rule(line)
        if (rule and rule.strong and rule.pattern.match(line)) or g.issued.match(line):
            end = i
            break
        if g.date.match(line):
            end = _signature_top(lines, labels, i, start)
            break
    i = n
    while i > start + 1 and not labels[i - 1] and (
            _end_like(lines[i - 1], g) or (i < n and g.date.match(lines[i]) and _is_signature_line(lines[i - 1]))):
        i -= 1
    return min(end, i)


def _end_like(line: str, g: Grammar) -> bool:
    return bool(g.end_rule(line) or g.date.match(line) or g.issued.match(line))


def _is_signature_line(line: str) -> bool:
    return len(line) <= _SIGNATURE_MAX and not any(p in line for p in "。，；：、！？") \
        and not any(ch.isdigit() for ch in line)


def _signature_top(lines: list[str], labels: list[Label | None], date_at: int, start: int) -> int:
    """The first line of the signature above a date line (up to four short organization lines)."""
    top = date_at
    while top - 1 > start and date_at - top < 4 and not labels[top - 1] \
            and _is_signature_line(lines[top - 1]):
        top -= 1
    return top


def _iso(y: str, m: str, d: str) -> str:
    year = int(y) if y.isdigit() else int("".join(str(DIGITS[c]) for c in y))  # 二〇一九: digit by digit
    values = [year, numeral_value(m), numeral_value(d)]
    if not all(values):
        return ""
    return f"{values[0]:04d}-{values[1]:02d}-{values[2]:02d}"


def _date_of(line: str, g: Grammar) -> str:
    m = g.date.match(fold_digits(line))
    return _iso(*m.groups()) if m else ""


def _signature(end_matter: list[str], g: Grammar) -> tuple[str, str, str, str]:
    """(signer, signature date, 印发 organization, 印发 date) from the end matter."""
    signer = signed = issuer = issued = ""
    for i, line in enumerate(end_matter):
        if m := g.issued.match(fold_digits(line)):
            issuer, issued = issuer or m.group(1).strip(), issued or _iso(*m.groups()[1:])
        elif not signed and (date := _date_of(line, g)):
            signed, signer = date, join_organizations(_signers_above(end_matter, i, g), g)
    return signer, signed, issuer, issued


def _signers_above(lines: list[str], date_at: int, g: Grammar) -> list[str]:
    """The organization lines right above a signature date (up to four)."""
    above: list[str] = []
    for prev in reversed(lines[max(0, date_at - 4): date_at]):
        if not _is_signature_line(prev) or g.end_rule(prev) or g.label(prev):
            break
        above.insert(0, prev)
    return above


def join_organizations(lines: list[str], g: Grammar) -> str:
    """Signature lines → issuer: "国家自然科学基金委员会" + "国际合作局" is one organization (a
    sub-unit or a wrapped name continues the line above); a line that names its own place or
    level ("工业和信息化部", "济南市公安局") is another, joined by 、."""
    names: list[str] = []
    for line in (ln.replace(" ", "").replace("\u3000", "") for ln in lines):
        if names and not g.organization.match(line):
            names[-1] += line
        else:
            names.append(line)
    return "、".join(names)


# 3. Attachments ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Piece:
    start: int  # its heading line
    content: int  # its first line after the heading and title
    end: int
    label: str
    title: str


def _numbered(labels: list[Label | None]) -> bool:
    """Whether some numbering level is used at least twice (a body, not a stray "1.")."""
    names = [lab.level.name for lab in labels if lab]
    return any(names.count(n) >= 2 for n in set(names))


def _attachments(lines: list[str], labels: list[Label | None], g: Grammar) -> list[_Piece]:
    """The attachments printed after the document: each from its heading ("附件2", "附件 1：
    名词解释") to the next, with text of its own (the "附件：1. …" list of their names has none);
    or, where no heading names one, each titled text whose numbering starts over (a 函 with its
    任务要点, a guide with its 任务书): named by its title."""
    n = len(lines)
    close = n
    while close > 0 and not labels[close - 1] and _end_like(lines[close - 1], g) and not g.date.match(lines[close - 1]):
        close -= 1  # 抄送 and 印发 lines close the document after its attachments
    found = {i: m for i in range(n) if not labels[i] and (m := g.attachment.match(lines[i]))}
    # An 印发 line ends the document: what follows it is no attachment of this one.
    close = min(close, next((k for k in range(min(found, default=0), n) if g.issued.match(lines[k])), n))
    labels_at = {i: re.sub(r"\s+", "", fold_digits(m.group(1))) for i, m in found.items() if i < close}
    # A label printed twice heads its attachment the last time: the first was a list of the
    # attachments' names, or a page that carries the document twice.
    heads = [i for i in labels_at if not any(labels_at[j] == labels_at[i] for j in labels_at if j > i)]
    pieces = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else max(close, i + 1)
        label, title, content = labels_at[i], found[i].group(2).strip(), i + 1
        while not title and content < end and not _worded(lines[content]):
            content += 1  # a form's "20XX年 第XXX号" above its title
        if not title and content < end and _title_like(lines[content], g) and not labels[content]:
            title, content = lines[content], content + 1
        if _has_text(lines[content:end], g):
            pieces.append(_Piece(i, content, end, label, title))
    if pieces:
        return pieces
    # Unlabelled: a title line above the top numbering level starting over at 1 ("揭榜任务书"
    # above 一、 after the guide's 一、二、; a letter's 任务要点 after its signature). Deeper levels
    # start over under boxes and figures (专栏2, 图5) inside the body.
    top: float | None = min((lab.level.rank for lab in labels if lab), default=None)
    starts = [i for i in range(1, close - 1) if _starts_over(i, lines, labels, top, g)]
    return [_Piece(i, i + 1, end, lines[i], lines[i]) for i, end in zip(starts, starts[1:] + [close])]


def _starts_over(i: int, lines: list[str], labels: list[Label | None], top: float | None, g: Grammar) -> bool:
    """Whether line i is a title above parts (一、, 第一章) numbered anew: the parts used
    before went past 1. A list (1. 2.) under unnumbered headings starts over within one body."""
    first = labels[i + 1]
    return (first is not None and first.value == 1 and labels[i] is None and first.level.rank == top
            and first.level.name in _PART_LEVELS and _title_like(lines[i], g)
            and len(lines[i]) <= MAX_UNLABELLED_TITLE
            and any(lab and lab.level == first.level and lab.value > 1 for lab in labels[:i]))


_NUMBERING_CHARS = set("年月日第号")


def _worded(line: str) -> bool:
    """Whether a line has words: Han characters besides those of a date or number."""
    return len({ch for ch in line if "\u4e00" <= ch <= "\u9fff"} - _NUMBERING_CHARS) >= 2


MAX_UNLABELLED_TITLE = 30  # characters of the title line that heads an unlabelled attachment


def _has_text(lines: list[str], g: Grammar) -> bool:
    """Sentences, or long lines of no list: an attachment's content, not a list of the
    attachments' names ("1.“智能机器人”重点专项2018年度项目申报指南") or a signature."""
    return any("。" in ln or "；" in ln or (len(ln) >= 40 and not g.label(ln)) for ln in lines)


def _attached_sections(pieces: list[_Piece], lines: list[str], labels: list[Label | None],
                       body: list[Section], g: Grammar) -> list[Section]:
    """Each attachment's parts and tasks, outlined like a body; its text before its first
    heading is a part of its own (unnumbered). Task numbers go on after the body's, so that a
    number still names one task of the plan."""
    number = max((t.number for s in body for t in s.tasks), default=0)
    out: list[Section] = []
    for p in pieces:
        text, marks = lines[p.content:p.end], labels[p.content:p.end]
        start = _body_start(marks) if _numbered(marks) else None
        if start is None:
            out.append(Section("", p.title, "\n".join(text), (), "", p.label))
            continue
        start, marks, _ = _lost_first_part(text, marks, start)
        sections, _ = _outline(text[start:], marks[start:], g)
        preface = "\n".join(text[:start])
        if not sections[0].number:  # numbered items without parts: one part, the attachment's
            sections[0] = replace(sections[0], title=p.title,
                                  text="\n".join(x for x in (preface, sections[0].text) if x))
        elif preface:
            sections.insert(0, Section("", p.title, preface))
        for section in sections:
            tasks = []
            for task in section.tasks:
                number += 1
                tasks.append(replace(task, number=number))
            out.append(replace(section, tasks=tuple(tasks), attachment=p.label))
    return out


# 4. Front matter -----------------------------------------------------------------------------

@dataclass
class _Front:
    title: str = ""
    notice_title: str = ""
    issuer: str = ""
    date: str = ""
    addressees: str = ""
    published: str = ""
    doc_number: str = ""
    notice: list[str] = field(default_factory=list)
    overview: list[str] = field(default_factory=list)


def _front(lines: list[str], g: Grammar) -> _Front:
    f = _Front()
    organs: list[str] = []
    rest: list[str] = []
    for line in lines:
        if m := g.published.search(fold_digits(line)):
            f.published = f.published or _iso(*m.groups())
        if (m := g.doc_number.search(line)) and len(line) <= 40 and not f.doc_number:
            f.doc_number = m.group(1).replace(" ", "")
            continue
        if g.header_end.match(line):
            organs, rest = [ln for ln in rest if _is_signature_line(ln) and g.organization.match(ln)], []
            continue
        rest.append(line)
    body = _take_notice(rest, f, g)
    for line in body:
        if g.meta.match(line):  # a web page's lines around the document: kept in the notice only
            continue
        if not f.doc_number and (m := g.doc_number.search(line)) and len(line) <= 40:
            f.doc_number = m.group(1).replace(" ", "")
            continue
        if not f.title and not f.overview and (m := g.attachment.match(line)):
            f.title = m.group(2).strip()  # the plan printed as a notice's attachment: 附件, then its title
            continue
        if not f.title and not f.overview and _title_like(line, g):
            f.title = line
            continue
        if not f.title and not f.overview and (m := g.title_run_in.match(line)):
            f.title, line = m.group(1), line[m.end(1):]
        if g.draft_mark.match(line) and not f.overview:
            continue
        if f.title and not f.overview and _PARENTHETICALS.fullmatch(line) and len(line) <= 20:
            # "（2021版）（征求意见稿）" under the title: the edition joins it, a draft mark does not
            f.title += "".join(p for p in _PARENTHETICAL.findall(line) if not g.draft_mark.match(p))
            continue
        if g.addressees.match(line) and not f.addressees and not f.overview:
            f.addressees = line.rstrip("：")
            continue
        if g.date.match(line) and not f.overview:
            continue
        f.overview.append(line)
    if organs:
        f.issuer = join_organizations(organs, g)
    return f


def _title_like(line: str, g: Grammar) -> bool:
    """The document's own title: a short line that is no sentence (a genre noun usually ends it,
    but "…重点工作安排" shows the list of nouns is never complete)."""
    return len(line) <= 60 and not any(p in line for p in "。；，：！？") and not g.date.match(line)


def _take_notice(lines: list[str], f: _Front, g: Grammar) -> list[str]:
    """A covering notice ("…关于印发《X》的通知", or a letter "现将《X》印发给你们"): its lines go
    to ``f.notice``; X is the title; the lines after X printed again (or after the notice's
    date) are returned."""
    for i in range(len(lines)):
        for span in (1, 2):
            joined = "".join(lines[i:i + span])
            if m := g.notice.match(joined):
                f.notice_title, f.title, f.issuer = joined, m.group(2), m.group(1).strip()
                notice, rest = _until_title(lines[i + span:], f.title, g)
                f.notice = [joined] + notice
                _notice_facts(notice, f, g)
                return rest
        if (m := g.notice_letter.search(lines[i])) and (found := _find_joined(lines[i:], m.group(1))):
            f.title = m.group(1)
            f.notice, rest = lines[:i + found[0]], lines[i + found[1]:]
            _notice_facts(f.notice, f, g)
            return rest
    # A letter whose signature date stands before the plan: everything up to it is the notice.
    dated = [k for k, ln in enumerate(lines[:-1]) if g.date.match(ln)]
    if dated:
        f.notice, rest = lines[:dated[0] + 1], lines[dated[0] + 1:]
        _notice_facts(f.notice, f, g)
        return rest
    return lines


def _until_title(lines: list[str], title: str, g: Grammar) -> tuple[list[str], list[str]]:
    """The notice's remaining lines and what follows the plan's title printed again."""
    found = _find_joined(lines, title)
    if found:
        return lines[:found[0]], lines[found[1]:]
    cut = next((k + 1 for k, ln in enumerate(lines) if g.date.match(ln)), 0)
    return lines[:cut], lines[cut:]


def _find_joined(lines: list[str], title: str) -> tuple[int, int] | None:
    """Where ``title`` stands again, maybe wrapped over two or three lines: (first, after last)."""
    want = title.replace(" ", "")
    for i in range(len(lines)):
        joined = ""
        for j in range(i, min(i + 3, len(lines))):
            joined += lines[j].replace(" ", "")
            if joined == want:
                return i, j + 1
            if not want.startswith(joined):
                break
    return None


def _notice_facts(notice: list[str], f: _Front, g: Grammar) -> None:
    """The notice's addressees, signature and date."""
    for i, line in enumerate(notice):
        if date := _date_of(line, g):
            f.date = date
            signers = _signers_above(notice, i, g)
            if signers:  # the signature says it better than the notice title's prefix
                f.issuer = join_organizations(signers, g)
        elif g.addressees.match(line) and not f.addressees:
            f.addressees = line.rstrip("：")


# 5. Parts and tasks --------------------------------------------------------------------------

@dataclass
class _Open:
    label: Label | None
    title: str
    text: list[str] = field(default_factory=list)
    tasks: list["_Open"] = field(default_factory=list)


def _heading(label: Label) -> tuple[str, str]:
    """"加强党建。以思想建党为根本……" → the title and the rest of the line."""
    m = _TITLE_END.search(label.rest)
    if m and m.end() < len(label.rest):
        return label.rest[: m.start()], label.rest[m.end():]
    return label.rest.rstrip("。："), ""


def _outline(lines: list[str], labels: list[Label | None], g: Grammar) -> tuple[list[Section], list[str]]:
    top = labels[0].level
    has_parts = top.name in _PART_LEVELS
    parts: list[_Open] = [] if has_parts else [_Open(None, "")]
    rows: list[list[tuple[str, Label | None]]] = [] if has_parts else [[]]
    for line, label in zip(lines, labels):
        if has_parts and label and label.level == top and _continues(parts, label, True):
            parts.append(_Open(label, *_split(label)))
            rows.append([])
        else:
            rows[-1].append((line, label))
    warnings: list[str] = _lost_part_labels(parts, rows, top) if has_parts else []
    for part, part_rows in zip(parts, rows):
        # The tasks are the highest-ranked numbering under the part; deeper ones are sub-items.
        ranks = [lab.level.rank for _, lab in part_rows if lab and (lab.level != top or not has_parts)]
        task_rank = min(ranks, default=None)
        for line, label in part_rows:
            if label and label.level.rank == task_rank:
                if _continues(part.tasks, label, True):
                    part.tasks.append(_Open(label, *_split(label)))
                    continue
                warnings.append(f"编号重复或倒退：“{label.printed}{_split(label)[0]}”出现在"
                                f"“{part.tasks[-1].label.printed}”之后，并入上一项")
            (part.tasks[-1].text if part.tasks else part.text).append(line)
    for part in parts:
        _lost_first_label(part)
    running = _runs_across([t.label.value for p in parts for t in p.tasks])
    sections, position = [], 0
    for p in parts:
        tasks = []
        for t in p.tasks:
            position += 1
            text = "\n".join(t.text)
            tasks.append(Task(t.label.value if running else position, t.title, text,
                              t.label.printed, _leads(t.title + "\n" + text, g)))
        number = int_to_cn(p.label.value) if p.label else ""
        sections.append(Section(number, p.title, "\n".join(p.text), tuple(tasks),
                                p.label.printed if p.label else ""))
    return sections, warnings + _warnings(parts, sections, running)


MAX_LOST_TITLE = 24  # characters of a run-in heading that lost its label


def _lost_first_label(part: "_Open") -> None:
    """Text copied from a web page often drops the first label of a list: "实施重点企业链式培育
    工程。围绕…" stands where （一） was, and the part's numbering starts at （二）. The part's first
    paragraph is then task one when it opens with a short run-in heading (no comma before its
    stop, so an introduction such as "围绕…，重点抓好以下工作。" is not taken for one)."""
    if not part.tasks or part.tasks[0].label.value != 2 or not part.text:
        return
    first = part.text[0]
    m = _TITLE_END.search(first)
    if not m or not 2 <= m.start() <= MAX_LOST_TITLE or re.search(r"[，,；;、]", first[: m.start()]):
        return
    second = part.tasks[0].label
    label = Label(second.level, 1, _first_printed(second.printed), first)
    rest = first[m.end():]
    part.tasks.insert(0, _Open(label, first[: m.start()], ([rest] if rest else []) + part.text[1:]))
    part.text = []


def _first_printed(printed: str) -> str:
    """A label as printed, numbered 1 instead: （二） → （一）, 2. → 1."""
    return re.sub(r"[一二三四五六七八九十百零〇]+|[0-9]+", lambda n: "1" if n.group(0).isdigit() else "一",
                  printed, count=1)


def _title_alone(line: str) -> bool:
    """Whether an unlabelled line could be a heading that lost its label: short, no sentence."""
    return 2 <= len(line) <= MAX_LOST_TITLE and not any(p in line for p in _SENTENCE_END)


def _lost_first_part(lines: list[str], labels: list[Label | None], start: int,
                     first: int = 0) -> tuple[int, list[Label | None], list[str]]:
    """The first part heading that lost its label (一、 gone, "研发设计" left above "1."): where
    the parts start at 二, the one short unlabelled line before them standing right above a
    first item of a deeper numbering opens part 一; lines before ``first`` (a document's title)
    are none. Returns the body's start, the labels (that line's restored) and a warning when one
    was."""
    second = labels[start]
    if second is None or second.value != 2 or second.level.name not in _PART_LEVELS:
        return start, labels, []
    found = [i for i in range(first, start - 1) if labels[i] is None and (below := labels[i + 1]) is not None
             and below.value == 1 and below.level.rank > second.level.rank and _title_alone(lines[i])]
    if len(found) != 1:
        return start, labels, []
    i = found[0]
    restored = list(labels)
    restored[i] = Label(second.level, 1, _first_printed(second.printed), lines[i])
    return i, restored, [f"部分标题“{lines[i]}”缺少编号，按顺序作为第一部分"]


def _lost_part_labels(parts: list[_Open], rows: list[list[tuple[str, Label | None]]], top: Level) -> list[str]:
    """A part heading that lost its label (二、 gone, "加强组合驾驶辅助准入与召回管理" left): where
    the part numbering skips one number, the one short unlabelled line of the part before that
    stands right above an item of the task level (the highest numbering under the parts) opens
    the missing part. Returns a warning for each part so restored."""
    ranks = [lab.level.rank for part_rows in rows for _, lab in part_rows if lab and lab.level != top]
    task_rank = min(ranks, default=None)
    warnings, k = [], 0
    while k + 1 < len(parts):
        here, after = parts[k].label, parts[k + 1].label
        if after.value - here.value == 2:
            found = [i for i, (line, label) in enumerate(rows[k][:-1]) if label is None
                     and (below := rows[k][i + 1][1]) is not None and below.level.rank == task_rank
                     and _title_alone(line)]
            if len(found) == 1:
                i = found[0]
                printed = int_to_cn(here.value + 1) + here.printed[len(int_to_cn(here.value)):]
                label = Label(top, here.value + 1, printed, rows[k][i][0])
                parts.insert(k + 1, _Open(label, rows[k][i][0]))
                rows.insert(k + 1, rows[k][i + 1:])
                rows[k] = rows[k][:i]
                warnings.append(f"部分标题“{label.rest}”缺少编号，按顺序作为第{int_to_cn(label.value)}部分")
        k += 1
    return warnings


def _split(label: Label) -> tuple[str, list[str]]:
    title, first = _heading(label)
    return title, [first] if first else []


def _continues(opened: list[_Open], label: Label, first_free: bool = False) -> bool:
    """A heading opens a new unit when its number follows the last one's (gaps allowed)."""
    if not opened:
        return True if first_free else label.value == 1
    return label.value > opened[-1].label.value


def _runs_across(values: list[int]) -> bool:
    return all(b > a for a, b in zip(values, values[1:]))


def _leads(text: str, g: Grammar) -> tuple[str, ...]:
    units: list[str] = []
    for pattern in g.leads:
        for m in pattern.finditer(text):
            for segment in re.split(r"[；;]", m.group("units")):
                if segment.startswith(g.supporting) or not segment.strip():
                    continue
                for unit in g.separators.split(segment):
                    unit = g.unit_role.sub("", g.unit_label.sub("", unit.strip()))
                    if unit and not unit.endswith(tuple(g.supporting)) and unit not in units:
                        units.append(unit)
    return tuple(units)


def _warnings(parts: list[_Open], sections: list[Section], running: bool) -> list[str]:
    warnings = []
    if not any(p.label for p in parts):
        warnings.append("没有找到“一、”式的部分标题：全部任务归入一个部分")
    else:
        warnings += _sequence_warnings([p.label.value for p in parts], "部分",
                                       lambda n: f"第{int_to_cn(n)}部分")
    if running:
        warnings += _sequence_warnings([t.number for s in sections for t in s.tasks], "任务")
    return warnings


def _sequence_warnings(numbers: list[int], what: str, name=lambda n: f"第{n}项") -> list[str]:
    warnings = []
    expected = 1
    for n in numbers:
        if n > expected:
            missing = name(expected) if n - 1 == expected else f"{name(expected)}至{name(n - 1)}"
            warnings.append(f"{what}编号不连续：缺少{missing}")
        expected = n + 1
    return warnings
