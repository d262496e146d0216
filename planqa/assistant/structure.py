"""Answers from the plan's structure: a task or a section by number, document facts.

Pure functions of the parsed ``Plan``; every quote is text of the cleaned plan.
"""

import os
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from types import MappingProxyType

from planqa.assistant.answer import Citation, place
from planqa.assistant.facts import raw_facts
from planqa.assistant.query import without
from planqa.index.chunk import split_sentences
from planqa.index.lexical import pieces, word_edges
from planqa.ingest.grammar import grammar, raw_grammar
from planqa.ingest.numerals import int_to_cn
from planqa.ingest.plan import Plan, Section, Task, attachment_key

Reply = tuple[str, tuple[Citation, ...], bool]  # answer text, citations, abstained


def task_label(task: Task, plan: Plan | None = None) -> str:
    return place(task.number, task.label, plan.section_of(task).ref if plan else "")


def section_label(section: Section) -> str:
    if section.label.startswith("第"):  # 第七章, 第二篇: as printed
        return section.attachment + section.label
    if section.attachment:
        return place(None, "", section.ref)
    return f"第{section.number}部分" if section.number else "（未分部分）"


def task_citation(plan: Plan, task: Task, quote: str, score: float = 1.0) -> Citation:
    section = plan.section_of(task)
    return Citation(plan.plan_id, task.number, section.ref, task.title, quote, score, task.label)


def range_text(plan: Plan) -> str:
    """The body's tasks; an attachment's are not the document's own (their numbers go on after)."""
    numbers = [t.number for t in plan.body_tasks]
    if not numbers:
        return f"{plan.name}没有编号的任务，共{len(plan.body)}个部分"
    return f"{plan.name}共{len(numbers)}项任务（第{min(numbers)}—{max(numbers)}项）"


def find_tasks(plan: Plan, number: int, section: str | None = None) -> list[Task]:
    """Task ``number`` of the body, or of the section whose ref is given."""
    if section is None:
        return [t for t in plan.body_tasks if t.number == number]
    return [t for t in plan.tasks if t.number == number and plan.section_of(t).ref == section]


COMMON_SHARE = 3  # a phrase in more than a third of the tasks is the plan's subject
MIN_COMMON_TASKS = 3


@lru_cache(maxsize=32)  # asked per question; a plan is frozen
def part_texts(plan: Plan) -> tuple[tuple[str, ...], ...]:
    """Each part's tasks, title and text, in the order of the plan's parts."""
    return tuple(tuple(f"{t.title} {t.text}" for t in s.tasks) for s in plan.body)


@lru_cache(maxsize=32)  # asked per question; a plan is frozen
def common_phrases(plan: Plan) -> frozenset[str]:
    """Runs of a part's title (four characters or more) that many of the plan's tasks print:
    the plan's subject ("智慧城市建设" in 科学制定智慧城市建设顶层设计), which names no part."""
    texts = [t.title + t.text for s in plan.body for t in s.tasks]
    least = max(MIN_COMMON_TASKS, len(texts) / COMMON_SHARE)
    found: set[str] = set()
    for section in plan.body:
        title = section.title
        for size in range(4, len(title) + 1):
            for i in range(len(title) - size + 1):
                run = title[i:i + size]
                if run not in found and sum(run in t for t in texts) > least:
                    found.add(run)
    return frozenset(found)


@lru_cache(maxsize=32)  # asked per answer; a plan is frozen, so its items never change
def printed_items(plan: Plan) -> Mapping[int, tuple[Task, str]]:
    """The items a plan prints with numbers below its tasks, read-only (see ``_printed_items``)."""
    return MappingProxyType(_printed_items(plan))


def _printed_items(plan: Plan) -> dict[int, tuple[Task, str]]:
    """The items a plan prints with numbers below its tasks ("1.促进工业数据共享开放。" under
    "（一）…"), numbered once across the plan: number → (the task holding it, its line). {}
    when the tasks print such numbers themselves (3．, 第八条) or each task restarts them:
    "第8条" then names a task."""
    if any(t.label[:1].isdigit() or t.label.startswith("第") for t in plan.body_tasks):
        return {}
    found: dict[int, tuple[Task, str]] = {}
    for task in plan.body_tasks:
        for line in task.text.split("\n"):
            label = grammar().label(line.strip())
            if label is not None and label.level.name == "number":
                if label.value in found:
                    return {}
                found[label.value] = (task, line.strip())
    # Numbered across tasks: one task's own list (1. 2. 3. under its title) names no item of the plan
    across = len({id(task) for task, _ in found.values()}) > 1
    return found if across and sorted(found) == list(range(1, len(found) + 1)) else {}


def missing_task(plan: Plan, number: int) -> Reply:
    return f"{range_text(plan)}，没有第{number}项。", (), True


def find_section(plan: Plan, position: int | None = None, number: str | None = None,
                 within: str | None = None) -> Section | None:
    """A section by its ref, or a part by its position (第三部分; -1 the last: 推荐表最后一部分) in
    the body or in the attachment ``within`` names (附件2第一部分)."""
    if number is not None:
        return next((s for s in plan.sections if s.ref == number), None)
    parts = [s for s in plan.sections_of(within) if s.number] if within else list(plan.body)
    if position and position < 0:
        return parts[position] if -position <= len(parts) else None
    wanted = int_to_cn(position) if position and 0 < position < 1000 else None
    by_number = next((s for s in parts if s.number == wanted), None)
    if by_number:
        return by_number
    return parts[position - 1] if position and 0 < position <= len(parts) else None


def missing_section(plan: Plan, position: int | None, number: str | None, within: str | None = None) -> Reply:
    asked = number or (int_to_cn(position) if position and 0 < position < 1000 else str(position))
    place = f"倒数第{int_to_cn(-position)}" if not number and position and -1000 < position < 0 else f"第{asked}"
    if within:
        count = sum(1 for s in plan.sections_of(within) if s.number)
        return f"{within}共{count}个部分，没有{place}部分。", (), True
    return f"{plan.name}共{len(plan.body)}个部分，没有{place}部分。", (), True


ATTACHMENT_AFTER = ("第", "里", "中", "的")  # 附件第四部分, 附件里…: the attachment itself (附件一共…: `total`)


def attachment_in(plan: Plan | None, question: str) -> str | None:
    """The label of the plan's attachment the question names (附件2, 附件 二, 附表1), or None."""
    if plan is None or not plan.attachments:
        return None
    keys = {attachment_key(b.label) for b in plan.attachments}
    unnumbered = tuple(_table().words["numeral_words"])
    itself = (*ATTACHMENT_AFTER, *PLACE_OPENINGS, *_table().words["total"])
    for a in plan.attachments:
        noun = a.label[:2]
        # a plan's only attachment needs no number (附件第四部分, 附件最后一部分), printed 附件 or
        # 附件1; not one the outline names by its title, nor 附件材料
        alone = a.label != a.title and sum(1 for b in plan.attachments if b.label[:2] == noun) == 1
        at = question.find(noun)
        while at >= 0:
            number = ""
            start = len(question) - len(question[at + 2:].lstrip(" "))  # past the spaces after it
            for ch in question[start:] if not question.startswith(unnumbered, start) else "":
                if not (ch.isdigit() or ch in "一二三四五六七八九十"):
                    break  # (a numeral opening 一共 numbers nothing)
                number += ch
            # the longest start of the run that numbers one of them (附件2一共, 附件二一共: 一 opens
            # 一共; 附件12 is not 附件1 where both are)
            numbered = next((noun + number[:end] for end in range(len(number), 0, -1)
                             if attachment_key(noun + number[:end]) in keys), "")
            if numbered and attachment_key(numbered) == attachment_key(a.label):
                return a.label
            if alone and not number and question.startswith(itself, start):
                return a.label
            at = question.find(noun, at + 2)
    return _titled_attachment(plan, question)


ATTACHMENT_HEAD_CHARS = 3  # the ending of an attachment's title that names it (任务书, 推荐表)
PLACE_OPENINGS = ("第", "最后", "倒数")  # a place in it after its name: 第三部分, 最后一部分


@lru_cache(maxsize=1024)
def _word_endings(title: str) -> tuple[str, ...]:
    """Each ending of the title that opens at one of its words, longest first (cut once per title);
    a closing qualifier in brackets (试点任务要点（北京工业大学）, …指南（试行）) may be left out:
    the name's endings before it count too."""
    words = pieces(title)
    endings = ["".join(words[i:]) for i in range(len(words))]
    opening = max(title.rfind("（"), title.rfind("("))
    if opening > 0 and title.endswith(("）", ")")):
        endings += _word_endings(title[:opening])
    return tuple(dict.fromkeys(endings))


def _titled_attachment(plan: Plan, question: str) -> str | None:
    """The attachment whose title, or an ending of it in whole words that neither the document's
    own title nor a heading of its body holds, the question says before a place in it ("任务书第三
    部分", "任务书倒数第二部分" for the attachment 揭榜任务书; not 重点任务 for …试点任务); None when
    no one attachment is named so. A shorter ending names it only when it is a genre noun other
    than the document's own (指南 of a notice's …技术指南; not 本方案, nor 方案 of a 方案)."""
    body = [plan.title, *(s.title for s in plan.body), *(t.title for s in plan.body for t in s.tasks)]
    said = pieces(question)
    starts = {sum(map(len, said[:i])) for i in range(len(said))}  # where the question's words open
    other_genres = set(raw_grammar()["genre"]["nouns"]) - {plan.genre}
    this = tuple(_table().words["doc_demonstrative"])
    named = set()
    for a in plan.attachments:
        for ending in _word_endings(a.title):
            short = len(ending) < ATTACHMENT_HEAD_CHARS
            if (short and ending not in other_genres) or any(ending in b for b in body):
                continue
            if any(question[at + len(ending):].lstrip("的里中").startswith(PLACE_OPENINGS)
                   and not (short and question[:at].endswith(this))
                   for at in starts if question.startswith(ending, at)):
                named.add(a.label)
                break
    return named.pop() if len(named) == 1 else None


# A part whose own words are little more than a sentence announcing what follows ("…应具备以下
#条件。", "具体要求如下："): the items below it are what it says about that (条件, 要求).
ANNOUNCING = ("以下", "下列")
ANNOUNCING_AFTER = "如下"  # its noun stands before it: 要求如下
ANNOUNCING_ENDS = ("。", "：", ":")
ANNOUNCING_SENTENCES = 2  # a longer text says things of its own, which a question may ask
ANNOUNCED_CHARS = 2  # of the noun announced: 条件, 要求, 领域
ANNOUNCING_MIN_CHARS = 4  # of a sentence announcing items that says something of them
_CN_NUMERALS = "零一二三四五六七八九十百千万亿两"


def _table():  # the rule table's word lists
    from planqa.assistant.rules import table  # rules imports this module: its table is read here

    return table()


def announced(section: Section) -> str:
    """The noun of the part's announcement of its items (应具备以下条件 → 条件), or "" when the
    part has no items, says more than an announcement, or does not end with one."""
    text = section.text.strip()
    if not section.tasks or not text.endswith(ANNOUNCING_ENDS):
        return ""
    sentences = [s for s in text[:-1].replace("：", "。").replace("；", "。").split("。") if s.strip()]
    if not sentences or len(sentences) > ANNOUNCING_SENTENCES:
        return ""
    last = sentences[-1]
    for word in ANNOUNCING:
        if word in last:
            after = re.split(r"[，,、]", last[last.index(word) + len(word):])[0]
            # the first noun of items in the phrase (下列基本条件, 以下程序办理), else its opening
            nouns = [(after.find(n), n) for n in _table().words["announced_noun"] if n in after]
            noun = min(nouns)[1] if nouns else after[:ANNOUNCED_CHARS]
            return noun if len(noun) >= ANNOUNCED_CHARS else ""
    if last.endswith(ANNOUNCING_AFTER):
        noun = last[:-len(ANNOUNCING_AFTER)][-ANNOUNCED_CHARS:]
        return noun if len(noun) == ANNOUNCED_CHARS else ""
    return ""


def announcing_sentence(section: Section) -> str:
    """The last sentence of the part's own text when it announces the items below it
    (…组织制定如下11项工程标准。, …应具备以下条件：): what it says, it says of each of them; ""
    when it announces none."""
    text = section.text.strip()
    if not section.tasks or not text.endswith(ANNOUNCING_ENDS):
        return ""
    last = text[:-1].replace("；", "。").replace(";", "。").replace("\n", "。").split("。")[-1].strip()
    if len(last) < ANNOUNCING_MIN_CHARS:  # 其中： says nothing of the items
        return ""

    def announces(word: str) -> bool:  # 以下条件, 下列3项; not 2000万元以下的企业 (an amount's bound)
        at = last.find(word)
        before, after = last[at - 1: at], last[at + len(word): at + len(word) + 1]
        return at >= 0 and not (before.isdigit() or before in _CN_NUMERALS) and after != "的"

    return last if text.endswith(("：", ":")) or ANNOUNCING_AFTER in last or any(map(announces, ANNOUNCING)) else ""


def answer_section(plan: Plan, section: Section, besides: int | None = None, near: int = 0) -> Reply:
    """Every task of the section; ``besides``: the ones other than that task ("还有哪些"); and
    ``near``: only so many after it (before it, if negative: "后面两条")."""
    # a plan without parts: its one unnumbered section is the whole text ("第一部分讲什么")
    head = f"{plan.name}不分部分，" if not section.number and not section.title and not section.attachment \
        else f"{section_label(section)}“{section.title}”"
    if not section.tasks:
        cite = section_citation(plan, section)
        text = f"{head}没有编号的任务，内容如下：\n“{cite.quote}”"
        if len(dashed := dash_items(section.text)) >= 2:  # ——基本建成…体系，… : its points, by their first clause
            text += f"\n其下列了{len(dashed)}条：" + "".join(f"\n——{d}" for d in dashed)
        return text, (cite,), False
    tasks = [t for t in section.tasks if t.number != besides]
    at = next((i for i, t in enumerate(section.tasks) if t.number == besides), None)
    if near and at is not None:
        tasks = section.tasks[at + 1: at + 1 + near] if near > 0 else section.tasks[max(0, at + near): at]
        side = "后面" if near > 0 else "前面"
        if not tasks:
            return f"{head}里第{besides}项{side}没有任务了。", (), False
        return _task_list(plan, f"{head}里第{besides}项{side}的{len(tasks)}项任务：", tasks)
    if len(tasks) == len(section.tasks):
        items = sum(task in section.tasks for task, _ in printed_items(plan).values())
        held = f"（共{items}条）：" if items else "："
        if len(tasks) == 1:  # a part of one task is that task: what it says, not its title alone
            return _task_list(plan, f"{head}只有1项任务" + held, tasks, lead=SOLE_TASK_QUOTE_CHARS)
        return _task_list(plan, f"{head}包括{len(section.tasks)}项任务" + held, tasks)
    if tasks:  # a few others: what each says first, not only its title ("另外两条简单说一下")
        return _task_list(plan, f"{head}除第{besides}项外，还有{len(tasks)}项任务：", tasks,
                          quoted=len(tasks) <= MAX_QUOTED_OTHERS)
    return f"{head}只有第{besides}项这一项任务。", (), False


MAX_QUOTED_OTHERS = 3  # the other tasks of a part shown with their first sentence
MAX_OPENING_CHARS = 120  # a longer first sentence is left to the task's own answer
SOLE_TASK_QUOTE_CHARS = 220  # a part's only task quoted as long as a one-task answer's quote


def leading(text: str, limit: int) -> str:
    """The text's first sentences as printed, up to ``limit`` characters; a first sentence
    longer than that up to its last clause within the limit, marked as cut (……)."""
    kept = ""
    for sentence in split_sentences(text.strip()):
        sentence = sentence.strip()
        if len(kept) + len(sentence) > limit:
            if not kept:
                cut = max(sentence.rfind(mark, 0, limit) for mark in "，；、")
                kept = sentence[:cut] + "……" if cut > 0 else ""
            break
        kept += sentence
    return kept


def opening(task: Task) -> str:
    """The task's first sentence as printed, or "" when it is long or the task has no text."""
    first = next(iter(split_sentences(task.text.strip())), "").strip()
    return first if 0 < len(first) <= MAX_OPENING_CHARS else ""


def _task_list(plan: Plan, intro: str, tasks: Sequence[Task], quoted: bool = False, lead: int = 0) -> Reply:
    """The intro, then each task by its label and title, each cited by its title; ``quoted``:
    with its first sentence under it, cited by that; ``lead``: with its first sentences up to so
    many characters."""
    lines, cites = [intro], []
    for t in tasks:
        first = leading(t.text, lead) if lead else opening(t) if quoted else ""
        lines.append(f"{task_label(t, plan)}：{t.title}" + (f"\n  “{first}”" if first else ""))
        cites.append(task_citation(plan, t, first or t.title))
    return "\n".join(lines), tuple(cites), False


def listed_in_section(plan: Plan, section: Section, listed: Sequence[int]) -> Reply:
    """Which of the tasks just listed stand in the section ("这几个里哪些在第四部分")."""
    head = f"{section_label(section)}“{section.title}”"
    tasks = [t for t in section.tasks if t.number in listed]
    if not tasks:
        return f"上面列出的任务都不在{head}里。", (), False
    return _task_list(plan, f"上面列出的任务中，{len(tasks)}项在{head}里：", tasks)


def answer_attachment_parts(plan: Plan, label: str) -> Reply | None:
    """The numbered parts of an attachment that has no numbered tasks (a glossary: 一、智能网联汽车
    …), counted and named ("名词解释一共解释了多少个术语"); None when it has none or has tasks."""
    sections = plan.sections_of(label)
    parts = [s for s in sections if s.number]
    if not parts or any(s.tasks for s in sections):
        return None
    title = next((a.title for a in plan.attachments if a.label == label), "")
    names = "\n".join(f"{s.label or s.number}{s.title}" for s in parts)
    return (f"{label}“{title}”共{len(parts)}项：\n{names}",
            tuple(section_citation(plan, s) for s in parts), False)


def numbers_items(plan: Plan, label: str) -> bool:
    """Whether an attachment numbers any parts or items (answer_attachments counts them), not a
    text or table printed without numbers."""
    return any(s.number or s.tasks for s in plan.sections_of(label))


def count_attachment_sections(plan: Plan, label: str, question: str, noun: str) -> Reply | None:
    """An attachment's numbered parts counted and named, when the question counts them by a word
    for parts or divisions (几个部分, 几个环节) or by the kind every part's title ends with (几类课程 of
    基础知识类课程, 专业知识类课程; not 几个课程, the courses); None otherwise, or when it has
    fewer than two parts."""
    parts = [s for s in plan.sections_of(label) if s.number]
    kinds = [f"{unit}{noun}" for unit in raw_facts()["words"]["kind_units"]]
    divisions = _table().word_set("part_noun") | _table().word_set("division_noun")
    if len(parts) < 2 or not (noun in divisions or any(
            kind in question and all(s.title.endswith(kind) for s in parts) for kind in kinds)):
        return None
    found = next(a for a in plan.attachments if a.label == label)
    titles = "；".join(f"{s.label or s.number}{s.title}" for s in parts)
    return f"{found.name}分{len(parts)}个部分：{titles}。", tuple(section_citation(plan, s) for s in parts), False


def section_citation(plan: Plan, section: Section) -> Citation:
    """A part cited whole, by its first paragraph (its title when it has none)."""
    quote = section.text.split("\n")[0][:200] or section.title
    return Citation(plan.plan_id, None, section.ref, section.title, quote, 1.0)


def _overview_citation(plan: Plan, quote: str) -> Citation:
    return Citation(plan.plan_id, None, "", plan.title, quote, 1.0)


def _sentence_with(text: str, needle: str) -> str:
    for sentence in re.split(r"(?<=[。；])", text):
        if needle in sentence:
            return sentence.strip()
    return ""


SECTION_SHARE = 0.6  # of an English question's translated weight that a part's title must hold


def section_by_terms(plan: Plan, groups: Sequence[tuple[float, Sequence[str]]]) -> str | None:
    """The part whose title holds most of an English question's translated words ("the part
    about think tanks" → 六、建设科技创新智库体系…); None unless one part clearly does."""
    total = sum(w for w, _ in groups)
    if not total:
        return None
    shares = sorted(((sum(w for w, terms in groups if any(t in s.title for t in terms)) / total, s.number)
                     for s in plan.body), reverse=True)
    best = shares[0]
    if best[0] >= SECTION_SHARE and (len(shares) == 1 or shares[1][0] < best[0]):
        return best[1]
    return None


def missing_place(plan: Plan, section: Section, place: int) -> Reply:
    count = len(section.tasks)
    return (f"{section_label(section)}“{section.title}”共{count}项任务，没有第{place}项。", (), True)


def answer_meta(plan: Plan, meta: str) -> Reply | None:
    """Document facts; None when the plan does not state the fact asked for."""
    published = plan.published if plan.published and plan.published != plan.date else ""
    signed = _chinese_date(plan.date) if plan.date else ""
    if meta == "count_tasks":
        items = printed_items(plan)  # 1.–21. below the tasks: "共多少条" may count those
        numbered = f"，其下编号的条目共{len(items)}条" if items else ""
        return f"{range_text(plan)}，分{len(plan.body)}个部分{numbered}{_also(attached(plan))}。", (), False
    if meta == "count_sections":
        titles = "；".join(f"{s.number}、{s.title}" for s in plan.body)
        return (f"{plan.name}分{len(plan.body)}个部分，共{len(plan.body_tasks)}项任务：{titles}"
                f"{_also(attached(plan))}。", tuple(section_citation(plan, s) for s in plan.body), False)  # each part named
    if meta == "issuer" and plan.issuer:
        quote = plan.notice_title or plan.issuer
        return f"{plan.name}由{plan.issuer}印发。", (_overview_citation(plan, quote),), False
    if meta in ("published", "signed") and (published or signed):
        parts = []
        if published:
            parts.append(f"发布时间是{published}")
        if signed:  # a signature is its unit and its date: "落款是哪" asks both
            by = f"通知落款是{plan.issuer}，" if meta == "signed" and plan.issuer else "通知"
            parts.append(f"{by}落款日期是{signed}")
        if meta == "signed":
            parts.reverse()
        quote = f"发布时间：{published}" if published and meta == "published" else (signed or published)
        return f"{plan.name}的{'，'.join(parts)}。", (_overview_citation(plan, quote),), False
    if meta == "doc_number" and plan.doc_number:
        return f"{plan.name}的文号是{plan.doc_number}。", (_overview_citation(plan, plan.doc_number),), False
    if meta == "addressees" and plan.addressees:
        return (f"通知发给：{plan.addressees}。",
                (_overview_citation(plan, plan.addressees + "："),), False)
    if meta == "instruction" and (asked := _instruction(plan)):
        return f"印发通知要求：{asked}", (_overview_citation(plan, asked),), False
    if meta == "mainline":
        sentence, line = main_line(plan)
        if sentence:
            lead = f"工作主线是“{line}”。" if line else ""
            return f"{lead}总体工作思路中写道：\n“{sentence}”", (_overview_citation(plan, sentence),), False
        return None
    if meta == "outline":
        return _outline(plan)
    if meta == "all_tasks":
        return _all_tasks(plan)
    if meta == "year":
        m = re.search(r"(\d{4})年", plan.title)
        if m:
            return f"这是{m.group(1)}年的工作安排（{plan.name}）。", (_overview_citation(plan, plan.title),), False
        return None
    if meta == "effective" and (said := _effective(plan)):
        return (f"{plan.name}写明：" + "".join(f"\n“{sentence}”" for sentence, _ in said),
                tuple(cite for _, cite in said), False)
    if meta == "title" and plan.title:  # and the covering notice's own title, when it has one
        notice = f"印发通知的标题是“{plan.notice_title}”。" if plan.notice_title and plan.notice_title != plan.title else ""
        return f"文件标题是{plan.name}。{notice}", (_overview_citation(plan, plan.title),), False
    return None


def _effective(plan: Plan) -> list[tuple[str, Citation]]:
    """The sentences saying when the document takes effect or how long it holds, where they are
    printed: a task (its title too: 第四十二条 本办法于…起施行), a part's own text, the notice, the
    opening or the end matter; each opens naming the document (本措施自2024年1月1日起施行, 自印发之日起),
    not a permit's term (本市认定的…有效期为3年) nor a project's (本项目自立项之日起执行)."""
    marks, openings = _table().words["effective_mark"], tuple(_table().words["effective_opening"])
    places = [(text, lambda s, t=t: task_citation(plan, t, s)) for t in plan.tasks for text in (t.title, t.text)]
    places += [(s.text, lambda q, s=s: replace(section_citation(plan, s), quote=q)) for s in plan.sections]
    places += [(text, lambda s: _overview_citation(plan, s)) for text in (plan.notice, plan.overview, plan.end_matter)]
    return [(s, cite(s)) for text, cite in places for line in text.split("\n")
            for s in (x.strip() for x in split_sentences(line)) if s.startswith(openings) and any(m in s for m in marks)]


def _instruction(plan: Plan) -> str:
    """The covering notice's sentences asking its recipients to act ("请结合实际，认真贯彻落实"):
    those with a word of request, not one of asking for something (申请, 邀请)."""
    words = _table().words
    return "".join(s for s in split_sentences(plan.notice) if any(w in s for w in words["request_word"])
                   and not any(w in s for w in words["not_request"]))


@lru_cache(maxsize=32)  # asked per question (the rules' frame); a plan is frozen
def main_line(plan: Plan) -> tuple[str, str]:
    """The overview's sentence with 主线, and the line itself ("科协系统深化改革"); "" when absent."""
    sentence = _sentence_with(plan.overview, "主线")
    m = re.search(r"以([^，,。；;以]{2,30}?)为主线", sentence)  # the 以 nearest it (以…为主题，以…为主线)
    return sentence, m.group(1) if m else ""


def _all_tasks(plan: Plan) -> Reply:
    """Every task of the plan by part ("把23项任务都列一遍"), each cited."""
    if not plan.body_tasks:
        return _outline(plan)
    lines = [f"{plan.name}分{len(plan.body)}个部分、共{len(plan.body_tasks)}项任务："]
    for s in plan.body:
        if s.tasks:
            lines.append(f"{section_label(s)}“{s.title}”" if s.number or s.title else "")
            lines += [f"  {task_label(t, plan)}：{t.title}" for t in s.tasks]
    cites = tuple(task_citation(plan, t, t.title) for t in plan.body_tasks)
    return "\n".join(line for line in lines if line), cites, False


def _outline(plan: Plan) -> Reply:
    """The plan at a glance: its main line, then each part with its task numbers."""
    sentence, line = main_line(plan)
    lead = f"以“{line}”为主线，" if line else ""
    lines = []
    for s in plan.body:
        numbers = [t.number for t in s.tasks]
        span = (f"（第{numbers[0]}项）" if len(numbers) == 1 else f"（第{numbers[0]}—{numbers[-1]}项）") if numbers else ""
        lines.append(f"{s.number}、{s.title}{span}")
    if plan.attachments:
        lines.append(attached(plan))
    text = (f"{plan.name}{lead}分{len(plan.body)}个部分、共{len(plan.body_tasks)}项任务：\n"
            + "\n".join(lines) + "\n可以接着问某一部分或某一项，例如“第二部分有哪些任务”“第9项讲什么”。")
    quote = sentence or plan.title
    return text, (_overview_citation(plan, quote),), False


def _chinese_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def attached(plan: Plan, verb: str = "另有") -> str:
    """"另有2个附件：附件1“…”、附件2“…”" — the plan's attachments, or ""."""
    if not plan.attachments:
        return ""
    names = "、".join(a.name for a in plan.attachments)
    return f"{verb}{len(plan.attachments)}个附件：{names}"


def _also(clause: str) -> str:
    return f"；{clause}" if clause else ""


def answer_attachments(plan: Plan, label: str | None) -> Reply | None:
    """The plan's attachments, or the parts and tasks of the one asked (附件2讲什么)."""
    if not plan.attachments:
        return None  # "需要提交哪些附件": materials a task may name, searched for
    if label is None and len(plan.attachments) == 1:  # 附件讲什么: the one there is
        label = plan.attachments[0].label
        listed = answer_attachments(plan, label)
        return (f"{plan.name}有1个附件。{listed[0]}", *listed[1:]) if listed else None
    if label is None:
        cites = tuple(_attachment_citation(plan, a.label) for a in plan.attachments)
        return f"{plan.name}{attached(plan, '共有')}。", cites, False
    found = next((a for a in plan.attachments if attachment_key(a.label) == attachment_key(label)), None)
    if found is None:
        return f"{plan.name}{attached(plan, '共有')}，没有{label}。", (), True
    sections = plan.sections_of(found.label)
    head = found.name
    tasks = [t for s in sections for t in s.tasks]
    parts = [s for s in sections if s.number]
    if not tasks and not parts:
        quote = next((ln for s in sections for ln in s.text.split("\n") if ln.strip()), found.title)[:200]
        return f"{head}没有编号的条目，内容如下：\n“{quote}”", (_attachment_citation(plan, found.label),), False
    counted = f"分{len(parts)}个部分" + (f"、共{len(tasks)}项" if tasks else "") if parts else f"包括{len(tasks)}项"
    lines = [f"{head}{counted}："]
    for s in sections:
        if s.number:
            lines.append(f"{s.label}{s.title}")
        lines += [f"  {t.label}{t.title}" for t in s.tasks]
    cites = tuple(task_citation(plan, t, t.title) for t in tasks) or tuple(section_citation(plan, s) for s in parts)
    return "\n".join(lines), cites, False


def _attachment_citation(plan: Plan, label: str) -> Citation:
    """The attachment as a whole (its ref names no part: "附件2/")."""
    section = plan.sections_of(label)[0]
    title = plan.attachment_title(label) or section.title
    quote = title or next((ln for ln in section.text.split("\n") if ln.strip()), "")
    return Citation(plan.plan_id, None, f"{label}/", title, quote, 1.0)


def section_titles(plan: Plan) -> list[tuple[str, str]]:
    """Each part's ref and title, the attachments' parts too (企业网络安全保障要求一共列了多少条)."""
    return [(s.ref, s.title) for s in plan.sections if s.title]


@cache
def _item_opening() -> re.Pattern[str]:
    return re.compile(raw_grammar()["items"]["pattern"])


ITEM_NAME_CHARS = 24  # of a numbered item's heading, up to its first stop


BARE = "bare"


@cache
def _bare_number() -> re.Pattern:
    """A paragraph opening with a bare number and a word: a label that lost its dot, when such
    numbers run on by one through the task (1, 2, 3 …; 13, 14 …); not a number counted or a time (1月底前, 2个平台)."""
    units = sorted({*_table().words["measure_word"], *_table().words["after_number"]}, key=len, reverse=True)
    return re.compile(r"([1-9][0-9]?)(?!" + "|".join(map(re.escape, units)) + r")(?=[\u4e00-\u9fff])")


_NAME_END = re.compile(r"[。；;：:，,]")


def _item_name(text: str) -> str:
    """An item's name: its words up to the first stop or comma."""
    return _NAME_END.split(text, maxsplit=1)[0][:ITEM_NAME_CHARS]


def item_names_shown(task: Task, items: Sequence[str]) -> list[str]:
    """The items' names as an answer lists them: one cut at ITEM_NAME_CHARS before its first stop
    ends in "…" (a name that long which ends there stays whole)."""
    def cut(name: str) -> bool:
        at = task.text.find(name)
        following = task.text[at + len(name): at + len(name) + 1] if at >= 0 else ""
        return len(name) >= ITEM_NAME_CHARS and following not in ("", "\n") and not _NAME_END.match(following)
    return [name + ("…" if cut(name) else "") for name in items]


def _item_lead(lead: str) -> bool:
    """Whether the words every item opens with alike are a list's heading word (坚持…), not
    a verb or a subject that opens any sentence (加强…, 各市要…, 到2025年…)."""
    return lead.startswith(tuple(_table().words["item_lead"]))


def _run_in_items(paragraphs: list[str]) -> list[str]:
    """The paragraphs, each run-in heading that a copy ran into the paragraph before it
    ("…转型升级。坚持安全可控。牢固树立…") set on a paragraph of its own: a sentence after a stop
    that opens as every run-in heading of the text does (坚持) and is as short as one."""
    heads = [m.group("heading") for p in paragraphs if (m := _item_opening().match(p)) and m.group("heading")]
    lead = os.path.commonprefix(heads) if len(heads) >= 2 else ""
    if not _item_lead(lead):
        return paragraphs
    longest = max(map(len, heads))
    return [piece for p in paragraphs for piece in _split_run_in(p, lead, longest)]


def _split_run_in(paragraph: str, lead: str, longest: int) -> list[str]:
    """The paragraph cut before each sentence that opens with ``lead`` and ends within
    ``longest`` characters of heading words (a run-in heading)."""
    pieces, start, at = [], 0, paragraph.find("。" + lead)
    while at >= 0:
        end = paragraph.find("。", at + 1)
        if 0 < end - at - 1 <= longest and all(_heading_char(c) for c in paragraph[at + 1:end]):
            pieces.append(paragraph[start:at + 1])
            start = at + 1
        at = paragraph.find("。" + lead, at + 1)
    return [*pieces, paragraph[start:]]


def _heading_char(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c in "“”、，"


MIN_SENTENCE_ITEMS = 3  # sentences opening alike that make a list run into one paragraph


def _sentence_items(text: str) -> tuple[str, ...]:
    """The items of a paragraph whose sentences each open alike ("坚持政策引导，…。坚持绿色智能，…。"),
    after an optional lead-in: each by its first clause. () for prose."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paragraphs) != 1:
        return ()
    sentences = split_sentences(paragraphs[0])
    for body in (sentences, sentences[1:]):  # the first may lead in
        lead = os.path.commonprefix(body) if len(body) >= MIN_SENTENCE_ITEMS else ""
        names = tuple(_item_name(x) for x in body)
        if _item_lead(lead) and all(len(n) < len(x.rstrip("。；")) for n, x in zip(names, body)):
            return names  # each a heading clause, then its text
    return ()


def items_of(text: str) -> tuple[str, ...]:
    """The items a task enumerates, by name: its paragraphs (after an optional lead-in, and
    after lead-ins announcing them with a colon, 其中：, when they are numbered 1, 2, 3 … in
    order) when each opens as an item does (——X。, a run-in heading X。, or a numbered
    sub-level); the items are those opened like the first one, deeper ones belong to them. ()
    when the text is not such a list."""
    openings: list[tuple[str, str] | None] = []  # (kind of opening, item name) per paragraph
    values: dict[str, list[int]] = {}  # the numbers of each numbered level, in order
    paragraphs = _run_in_items([p.strip() for p in text.split("\n")])
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if m := _item_opening().match(paragraph):
            dash = m.group("dash") or m.group("clause")
            openings.append(("dash", dash) if dash else ("heading", m.group("heading") or m.group("stage")))
        elif label := grammar().label(paragraph):
            name = _item_name(label.rest)
            openings.append((label.level.name, name) if name else None)
            values.setdefault(label.level.name, []).append(label.value)
        elif m := _bare_number().match(paragraph):  # "1突破…": a label whose dot was lost in copying
            name = _item_name(paragraph[m.end():])
            openings.append((BARE, name) if name else None)
            values.setdefault(BARE, []).append(int(m.group(1)))
        else:
            openings.append(None)
    # a number, no label, unless they run on by one: 1, 2, 3, or 13, 14, 15 (items numbered
    # across the plan's tasks)
    if (bare := values.get(BARE)) and (bare != list(range(bare[0], bare[0] + len(bare))) or (bare[0] > 1 and len(bare) < 2)):
        openings = [None if o and o[0] == BARE else o for o in openings]
        values.pop(BARE)
    colon_led = False
    if openings and openings[0] is None:  # a lead-in: 场景创新成为…新路径。then the items
        openings = openings[1:]
        lead = [p for p in paragraphs if p][1:]
        while openings and openings[0] is None and lead[0].endswith(("：", ":")):  # and 其中：
            openings, lead, colon_led = openings[1:], lead[1:], True
    if not openings or openings[0] is None:
        return _sentence_items(text)
    # A paragraph without an opening continues the item before it (a line broken in copying),
    # as long as most paragraphs open items: otherwise the text is prose.
    opened = [o for o in openings if o]
    top = opened[0][0]
    items = tuple(name for kind, name in opened if kind == top)
    # Numbered 1, 2, 3 … in order is a list however many lines each item was broken into.
    counted = values.get(top) == list(range(1, len(items) + 1))
    # Items announced after a second lead-in are numbered 1, 2, 3 … (not several lists in a row).
    listed = counted or (2 * len(opened) > len(openings) and not colon_led)
    return items if len(items) >= 2 and listed else _sentence_items(text)


DASH_ITEM_CHARS = 40  # of a point opened by a dash, up to its first stop or comma
DASHES = ("——", "—", "――", "─", "－－", "--")  # as printed, or as a copied or converted text makes of it
CLAUSE_ENDS = "。；;：:，,"


def dash_items(text: str) -> tuple[str, ...]:
    """The points a part's text opens with dashes ("——基本建成…感知体系，…"), each by its first
    clause; a part of prose has none."""
    items = []
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph.startswith(DASHES):
            continue
        rest = paragraph.lstrip("".join(DASHES)).strip()
        end = min((i for i in map(rest.find, CLAUSE_ENDS) if i >= 0), default=len(rest))
        if clause := rest[:end].strip():
            items.append(clause[:DASH_ITEM_CHARS])
    return tuple(items)


_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{1,20})[”\"」』]")


def quoted_terms(question: str) -> list[str]:
    """The terms a question quotes (“院士专家工作站”), two characters or more."""
    return [t for t in _QUOTED.findall(question) if len(t) >= 2]


TITLE_HEAD = 2  # the last word of a title (行动, 工程) that a quoted name is followed by
QUOTE_GAP = 3  # characters between them ("“提质增效”那项行动")
TITLE_VERB = 2  # characters of a title's leading verb a question may leave out (实施…工程)
MIN_TITLE = 4
MIN_SIBLINGS = 3  # titles of one part that share an opening or an end
MIN_SHARED_HEAD = 3  # characters of the words several task titles open with that a question may leave out


def task_titled(plan: Plan, question: str) -> Task | None:
    """The one task whose title (four characters or more; its first two may be left out:
    创新生态营造优化工程 for 实施创新生态营造优化工程, and the characters several titles open with:
    智能制造推广应用行动 for 建材工业智能制造推广应用行动) the question holds: 基本原则有几条."""
    verbs = _table().word_set("work_verb") | _table().word_set("make_verb")
    titles = [t.title for t in plan.tasks]

    def shared(head: str) -> bool:  # 建材工业 opening 建材工业智能制造推广应用行动 and its siblings
        return len(head) >= MIN_SHARED_HEAD and sum(t.startswith(head) for t in titles) > 1

    def shared_end(head: str, end: str) -> bool:  # …的智能汽车 before 法规标准体系, as a sibling's
        # title has it before an end of its own (…的智能汽车技术创新体系)
        return any(len(rest := t.split(head[-n:], 1)[1]) >= MIN_TITLE and rest != end
                   for n in range(MIN_SHARED_HEAD, len(head) + 1) for t in titles
                   if head[-n:] in t and not t.endswith(head + end))

    def alone(rest: str) -> bool:  # not the end of a longer name the plan prints (心理健康管理服务)
        at = question.find(rest)
        return at == 0 or not any(question[at - 1:at + len(rest)] in f"{t.title}{t.text}" for t in plan.tasks)

    def named(title: str) -> bool:  # whole, or without a leading verb (not 船厂应用标准 for 应用标准)
        return any(len(o) >= MIN_TITLE and o in question for o in _openings(title, verbs)) or any(
            len(title) - k >= MIN_TITLE and title[k:] in question and shared(title[:k])
            # the rest is that title's alone (not 注意事项 of 申请人注意事项 and 依托单位注意事项)
            and sum(title[k:] in t for t in titles) == 1 and alone(title[k:]) for k in range(MIN_SHARED_HEAD, len(title))) or any(
            # or its own end after the words its siblings share ("法规标准体系" of 构建系统完善的
            # 智能汽车法规标准体系 beside 构建协同开放的智能汽车技术创新体系)
            len(title) - k >= MIN_TITLE and title[k:] in question and shared_end(title[:k], title[k:])
            and sum(title[k:] in t for t in titles) == 1 and alone(title[k:]) for k in range(MIN_SHARED_HEAD, len(title)))

    def cores() -> Iterator[tuple[Task, str]]:  # 应用场景开发 of 实施应用场景开发行动, as each title
        # of its part opens 实施 and ends 行动: what tells a task from its siblings
        for section in plan.sections:
            titles_of = [t.title for t in section.tasks]
            if len(titles_of) < MIN_SIBLINGS:
                continue
            head = len(os.path.commonprefix(titles_of))
            tail = len(os.path.commonprefix([t[::-1] for t in titles_of]))
            for task in section.tasks:
                rest = task.title[head: len(task.title) - tail]
                if (head or tail) and len(rest) >= MIN_TITLE:
                    yield task, rest

    found = [t for t in plan.tasks if named(t.title)]
    if not found:
        found = [t for t, c in cores() if c in question and sum(c in other.title for other in plan.tasks) == 1 and alone(c)]
    if len(found) > 1:  # 服务精准化要求 named whole, not 实现服务精准化 without its verb
        found = [t for t in found if t.title in question]
    if not found:  # a name the title quotes, with the title's last word after it: “创新提质”行动
        # (…那项行动) names the task
        found = [t for t in plan.tasks for q in quoted_terms(question) if f"“{q}”" in t.title and not t.title.endswith("”")
                 and t.title[-TITLE_HEAD:] in question[question.find(q) + len(q):][:TITLE_HEAD + QUOTE_GAP + 1]]
    if not found:  # or the title said without its quoted name: 算力设施行动 of 算力设施“强基”行动
        # (a name before it and a word after it: not 实施行动 of 实施“科普+”行动, nor 实施数字乡村 alone)
        unquoted = [_unquoted(t.title) for t in plan.tasks]
        found = [t for t, u in zip(plan.tasks, unquoted) if u != t.title and not t.title.endswith("”")
                 and t.title.split("“")[0] not in verbs and len(u) >= MIN_TITLE and u in question
                 and unquoted.count(u) == 1 and alone(u)]
    if not found:  # its opening or a name it quotes, then a demonstrative and its last word:
        # 平台建设那个工程 of 平台建设攻坚工程
        found = [t for t in plan.tasks if _cut_by_demonstrative(t.title, question, verbs, alone)]
    if not found and (plain := without(question, _table().words["filler"])) != question:
        return task_titled(plan, plain)  # 平台建设那个攻坚工程: the title with a demonstrative inside it
    return found[0] if len(found) == 1 else None


def _openings(title: str, verbs: Collection[str]) -> list[str]:
    """The title, and the title less a leading verb a question may leave out (实施…工程)."""
    return [title[k:] for k in range(TITLE_VERB + 1) if not k or title[:k] in verbs]


def _cut_by_demonstrative(title: str, question: str, verbs: Collection[str], alone: Callable[[str], bool]) -> bool:
    """Whether the question names the title by a piece of it (its opening of MIN_TITLE characters
    or more, or a name it quotes), then a demonstrative (那个, 这项) and the title's last word as a
    word of its own (not 工程师 for 工程), the piece no end of a longer name the plan prints."""
    end = title[-TITLE_HEAD:]
    pieces_of = [o[:n] for o in _openings(title, verbs) for n in range(MIN_TITLE, len(o) - TITLE_HEAD)]
    pieces_of += quoted_terms(title)
    for pointer in (w for w in _table().words["demonstrative"] if len(w) > 1):  # not 该, 此 alone
        at = question.find(pointer + end)
        while at >= 0:
            after = at + len(pointer) + len(end)
            if after in word_edges(question) and any(
                    question[:at].endswith(p) and alone(p) for p in pieces_of):
                return True
            at = question.find(pointer + end, at + 1)
    return False


def _unquoted(title: str) -> str:
    start = title.find("“")
    end = title.find("”", start + 1)
    return title[:start] + title[end + 1:] if 0 <= start < end else title


MAX_NOUN_HEAD = 2  # a word this short before a kind of items a title ends with qualifies it (建设原则)


def lists_as_named(plan: Plan, task: Task, nouns: Sequence[str]) -> bool:
    """Whether the task's items are the things a question asks for by name (要坚持哪些原则,
    要用到哪些领域): its title alone ends with the noun and names the items, no deed (基本原则, not
    支持科技型企业), every item does, or the text prints each item before it (种苗培育领域、营造林领域)."""
    items = items_of(task.text)
    if len(items) < 2:
        return False
    verbs = _table().word_set("work_verb") | _table().word_set("make_verb")
    # 基本原则 is its items; 支持企业 is a deed; 建设原则 names items of a kind (`item_kind`) by what they are of
    def named(n: str) -> bool:
        return not task.title.startswith(tuple(verbs)) or (
            n in _table().word_set("item_kind") and len(task.title) - len(n) <= MAX_NOUN_HEAD)
    return any(len(n) >= 2 and (
        (task.title.endswith(n) and named(n) and sum(t.title.endswith(n) for t in plan.tasks) == 1)
        or all(i.endswith(n) for i in items) or all(f"{i}{n}" in task.text for i in items)) for n in nouns)


ITEM_HEAD_CHARS = 4  # of an item's name, that a sentence summing the items up prints


def naming_sentence(task: Task, nouns: Sequence[str]) -> str:
    """The task's sentence that prints each of its items before the noun asked for ("在种苗培育领域、
    营造林领域…"), as printed; else the lead-in's sentence summing them up before they follow
    (包括能力评价、参考模型…等四类标准); "" when none does."""
    items = items_of(task.text)
    lines = task.text.split("\n")
    for n in nouns:
        for sentence in (s.strip() for line in lines for s in split_sentences(line)):
            if items and all(f"{i}{n}" in sentence for i in items):
                return sentence
    heads = [i[:ITEM_HEAD_CHARS] for i in items if len(i) >= ITEM_HEAD_CHARS]
    if len(items) < 2 or len(heads) < len(items):
        return ""
    opening = next((k for k, line in enumerate(lines) if grammar().label(line.strip()) or _item_opening().match(line.strip())),
                   len(lines))
    lead = [s.strip() for line in lines[:opening] for s in split_sentences(line)]
    return next((s for s in lead if all(h in s for h in heads) and not any(s.startswith(h) for h in heads)), "")


def titled_alike(plan: Plan, nouns: Sequence[str]) -> tuple[str, tuple[Task, ...]]:
    """The tasks of one part whose titles end with the thing a question asks for by name, when
    two or more do (开放工业赋能场景, 开放园区场景 … for "开放哪些方面的场景"), with that ending:
    the longest such; ("", ()) when no part or several have them."""
    for noun in sorted((n for n in nouns if len(n) >= 2), key=len, reverse=True):
        parts = [ended for s in plan.sections if len(ended := tuple(t for t in s.tasks if t.title.endswith(noun))) >= 2]
        if parts:
            return (noun, parts[0]) if len(parts) == 1 else ("", ())
    return "", ()


def answer_titled_alike(plan: Plan, tasks: Sequence[Task], noun: str) -> Reply:
    """The tasks titled alike, each with its first sentence."""
    section = plan.section_of(tasks[0])
    head = f"{section_label(section)}“{section.title}”" if section.title else plan.name
    return _task_list(plan, f"{head}里讲{noun}的有{len(tasks)}项：", tasks, quoted=True)


def answer_items(plan: Plan, task: Task, unit: str = "条", printed: str = "") -> Reply | None:
    """How many items a task lists (counted in ``unit``: 5个方面), and which; None when it lists none.
    ``printed``: the sentence naming them all, quoted as the plan words it."""
    items = items_of(task.text)
    if not items:
        return None
    paragraphs = [p.strip() for p in task.text.split("\n") if p.strip()]
    first = printed or next((p for p in paragraphs if items[0] in p), paragraphs[0])  # quoted as printed
    text = f"{task_label(task, plan)}“{task.title}”列了{len(items)}{unit}：{'；'.join(items)}。"
    return text + (f"\n“{printed}”" if printed else ""), (task_citation(plan, task, first),), False
