"""Follow-ups: what a question in a conversation can point at, and how it says so.

The previous answers give the context (the task, part and tasks cited last, and the latest
list); "它", "这一项", "下一项", "这部分", "其中", "第二个", "另一个", "还有别的…吗", or a question
that names nothing of its own ("什么时候完成？") point into it. Pure: no model, no store.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from planqa.assistant.answer import Answer, Citation
from planqa.assistant.query import without
from planqa.ingest.numerals import to_int
from planqa.ingest.plan import join_ref

_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Context:
    """What a follow-up can refer to: the best citation of the previous answer."""

    plan: str | None = None
    task: int | None = None
    section: str | None = None  # Chinese numeral
    tasks: tuple[int, ...] = ()  # every task the previous answer cited
    listed: tuple[int, ...] = ()  # the tasks of the latest answer that cited several: 第一个, 另一个
    question: str = ""  # the latest question asked: an elliptical follow-up asks what it asked
    recent: tuple[int, ...] = ()  # the task each latest answer was about, latest first: 这两条
    visited: tuple[int, ...] = ()  # the tasks answered one by one (or places asked) since the latest list
    quote: str = ""  # what the latest answer quoted (shown as such): "第二个" may be a thing it lists
    seen: tuple[int, ...] = ()  # every task an earlier answer cited (not as related), latest first: 回到…
    lists: tuple[tuple[int, ...], ...] = ()  # every list earlier answers gave, latest first: 第三个 after two
    overview_last: bool = False  # the latest answer cited the document as a whole: its task is further back

    @property
    def rest(self) -> tuple[int, ...]:
        """The latest list's tasks not yet answered one by one since it: 剩下两项, 剩下那条."""
        return tuple(t for t in self.listed if t not in self.visited)


MAX_RECENT = 3  # tasks a follow-up may name together by how many (这两条, 这三项)


def context_from_history(history: Sequence) -> Context | None:
    """The focus of the latest answer that cited something (Answer objects or Answer JSON),
    and the tasks of the latest answer that listed several (the list being walked: an answer
    to a place in it, "第一个里的…", citing some of its tasks is one step of the walk)."""
    context, recent = None, []
    # latest first: (tasks, tasks not related, question, of the conversation's plan, a step of a walk)
    steps: list[tuple[tuple[int, ...], tuple[int, ...], str, bool, bool]] = []
    history = list(history or [])
    latest = history[-1] if history else None
    asked = _question_of(latest)
    for item in reversed(history):
        cites = _citations(item)
        if not cites:
            continue
        tasks = tuple(dict.fromkeys(c["task"] for c in cites if c["task"] is not None))
        counted = tuple(dict.fromkeys(c["task"] for c in cites if c["task"] is not None and not c["related"]))
        if context is None:
            first = cites[0]
            shown = item.answer if isinstance(item, Answer) else item.get("answer") if isinstance(item, dict) else ""
            quoted = first["quote"] if item is latest and isinstance(shown, str) and first["quote"] in shown else ""
            context = Context(first["plan"], first["task"], first["section"], tasks, question=asked, quote=quoted)
        if tasks and cites[0]["plan"] == context.plan and tasks[0] not in recent:
            recent.append(tasks[0])
        question = _question_of(item)
        step = len(counted) > 1 and _steps_in_list(question)
        steps.append((tasks, counted, question, cites[0]["plan"] == context.plan, step))
        if len(counted) > 1 and not step and len(recent) >= MAX_RECENT:
            break  # a list asked for, and enough recent tasks
    if context is None:
        return None
    several = [i for i, step in enumerate(steps) if len(step[1]) > 1]
    at = _walked([(steps[i][1], steps[i][4], steps[i][3]) for i in several])
    listed = steps[several[at]][1] if at is not None else ()
    visited = []
    for tasks, counted, question, same, _ in steps[:several[at]] if at is not None else ():
        if len(counted) > 1:  # a step of the walk: the place it asked
            place = list_reference(question, Context(context.plan, listed=listed, tasks=listed))
            visited += [place] if place is not None else []
        elif len(tasks) == 1 and same:
            visited.append(tasks[0])  # of the plan the conversation is about
    answers = [tuple(dict.fromkeys(c["task"] for c in _citations(item) if c["task"] is not None
                                   and not c["related"] and c["plan"] == context.plan)) for item in reversed(history)]
    seen = dict.fromkeys(task for tasks in answers for task in tasks)
    return replace(context, listed=listed, recent=tuple(recent), visited=tuple(dict.fromkeys(visited)),
                   seen=tuple(seen), lists=tuple(tasks for tasks in answers if len(tasks) > 1),
                   overview_last=latest is not None and _overview_only(latest))


def _walked(answers: Sequence[tuple[tuple[int, ...], bool, bool]]) -> int | None:
    """Which of the answers citing several tasks (latest first; each with whether its question
    pointed at a place in a list and whether it is of the conversation's plan) gave the list
    being walked: the latest, unless it answered a place and cites only tasks of the list walked
    before it, of the same plan ("第二个" goes on in that list)."""
    chosen = None
    for at in range(len(answers) - 1, -1, -1):  # from the oldest
        counted, step, same = answers[at]
        if chosen is None or not step or same != answers[chosen][2] or not set(counted) <= set(answers[chosen][0]):
            chosen = at
    return chosen


def _steps_in_list(question: str) -> bool:
    """Whether a question points at a place in a list without asking a list itself ("第一个里的…",
    not "第二个阶段有哪些任务")."""
    from planqa.assistant.rules import table

    return bool(question and _list_place().search(question)) and not table().flag("listing", question)


def _question_of(item) -> str:
    """An earlier turn's question (Answer, or Answer JSON from a client), or ""."""
    asked = item.question if isinstance(item, Answer) else item.get("question") if isinstance(item, dict) else ""
    return asked if isinstance(asked, str) else ""


def _all_citations(item) -> list[dict]:
    """An earlier answer's citations (Answer, or Answer JSON from a client), the overview's too."""
    cites = item.citations if isinstance(item, Answer) else (
        item.get("citations") if isinstance(item, dict) else None)
    if not isinstance(cites, (list, tuple)):
        return []
    return [_cited(c.to_json() if isinstance(c, Citation) else c) for c in cites if isinstance(c, (Citation, dict))]


def _overview_only(item) -> bool:
    """Whether the answer cites the document as a whole only (its opening words, its date …)."""
    cites = _all_citations(item)
    return bool(cites) and all(c["task"] is None and not c["section"] for c in cites)


def _citations(item) -> list[dict]:
    """An earlier answer's citations of a task or part (Answer, or Answer JSON from a client)."""
    return [c for c in _all_citations(item) if c["task"] is not None or c["section"]]


def _cited(c: dict) -> dict:
    """A citation from the history as Answer JSON, with only well-typed fields kept: the
    history comes from clients, and "task": "5" must not become task arithmetic."""
    def typed(key, kind):
        value = c.get(key)
        return value if isinstance(value, kind) and not isinstance(value, bool) and value != "" else None

    # the section's ref, as the plan names it: "附件2/一" for part 一 of attachment 2
    ref = join_ref(typed("attachment", str) or "", typed("section", str) or "")
    return {"plan": typed("plan", str), "task": typed("task", int), "section": ref or None,
            "related": c.get("related") is True, "quote": typed("quote", str) or ""}


# A task of the last list by its place in it (第二个, 最后一个, 倒数第二个, 中间那个), or the one
# not yet asked about.
@cache
def _list_place() -> re.Pattern:
    """The places in a list: numbered ones are slots (第三个, 排第三的), the first and the last
    are said in words (list_first, list_last)."""
    from planqa.assistant.rules import alternatives, table

    return re.compile(r"(?:(?<=排)第(?=[一二三四五六七八九十\d]+的那)|(?<=排在)第(?=[一二三四五六七八九十\d]+的那)"
                      r"|第(?=[一二三四五六七八九十\d]+个))([一二三四五六七八九十\d]+)(?:个|的)"
                      r"|(" + alternatives(table().words["list_last"]) + r")|("
                      + alternatives(table().words["list_first"]) + r")(?![月年季周天批次])"
                      r"|\bthe (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last) one\b"
                      r"|(后一个|\bthe latter\b)|(前一个|\bthe former\b)"
                      r"|倒数第([一二三四五六七八九十\d]+)(?:个|项|条)|(中间(?:那|的那|那一)?(?:个|项|条))", re.I)
def list_reference(question: str, context: Context) -> int | None:
    """The task a follow-up points at in the last list: by place, or "the other one"."""
    listed = context.listed if len(context.listed) > 1 else context.tasks
    from planqa.assistant.rules import table

    # right after two tasks, or two listed with others cited as related only: the former, the latter
    pair = context.tasks if len(context.tasks) == 2 else (
        context.listed if len(context.listed) == 2 and context.tasks[:2] == context.listed else ())
    if pair:  # "前一条"/"后面那条"
        if table().flag("pair_former", question):
            return pair[0]
        if table().flag("pair_latter", question):
            return pair[1]
    elif (len(context.listed) == 2 and set(context.visited) == {context.task} and context.task in context.listed
          and not _by_number(context.question)):  # one of a pair answered since the list, and only it:
        other = context.listed[0] if context.task == context.listed[1] else context.listed[1]  # the other
        if table().flag("pair_former" if other == context.listed[0] else "pair_latter", question):
            return other
    if m := _list_place().search(question):
        if m.group(7) or m.group(8):  # 倒数第二个; 中间那个 (of an odd number)
            n = to_int(m.group(7)) if m.group(7) else None
            if n:
                return listed[-n] if n <= len(listed) else None
            return listed[len(listed) // 2] if len(listed) % 2 == 1 and len(listed) > 2 else None
        if m.group(5) or m.group(6):  # 后一个/前一个: of a pair; else the next or previous task
            return (listed[-1] if m.group(5) else listed[0]) if len(listed) == 2 else None
        if len(listed) < 2:  # the answer gave one task: the first one is that task, unless it
            if _by_number(context.question):  # was asked by number ("第17条是啥" → "第一个呢"):
                return None  # places then count in the plan's own order; the last is the plan's
            first = bool(m.group(3) or (m.group(1) and to_int(m.group(1)) == 1)
                         or (m.group(4) or "").lower() == "first")
            return listed[0] if listed and first else None
        if m.group(2) or (m.group(4) or "").lower() == "last":
            return listed[-1]
        if m.group(3):
            return listed[0]
        n = to_int(m.group(1) or m.group(4))  # 第二个, "the fourth one"
        if n and n > len(listed):  # 第三个 after a list of two: the latest list that long
            listed = next((tasks for tasks in context.lists if len(tasks) >= n), listed)
        return listed[n - 1] if n and n <= len(listed) else None
    if table().flag("list_other", question) and len(listed) > 1 and context.task in listed:
        return next(t for t in listed if t != context.task)
    return None


def listed_thing(question: str, context: Context) -> tuple[int, tuple[str, ...], str] | None:
    """The thing a follow-up points at by its place ("第二个是啥", "最后一个平台是啥") among those
    the latest answer's quote lists (打造委员服务系统、院士专家服务系统、智库…服务系统), when that
    answer gave one task: (its place from 1, the things, their sentence)."""
    m = _list_place().search(question)
    if m is None or m.group(5) or m.group(6) or m.group(8) or any(w in m.group(0) for w in "项条"):
        return None  # of a pair, the middle, or 最后一项 / 第二条: tasks, not things
    found = _quoted_list(question[m.end():], context)
    if found is None:
        return None
    things, sentence = found
    if m.group(2) or (m.group(4) or "").lower() == "last":
        place = len(things)
    elif m.group(3) or (m.group(4) or "").lower() == "first":
        place = 1
    elif m.group(7):
        place = len(things) + 1 - (to_int(m.group(7)) or 0)
    else:
        place = to_int(m.group(1) or m.group(4)) or 0
    return (place, things, sentence) if 0 < place <= len(things) else None


def listed_count(question: str, context: Context) -> tuple[tuple[str, ...], str] | None:
    """The things a bare count ("一共几个", "有几种平台") after one task's answer counts: those its
    quote lists, chosen as ``listed_thing`` chooses (the things, their sentence)."""
    from planqa.assistant.rules import table

    words = table().words
    found = [(at, w) for w in words["count_word"] if (at := question.find(w)) >= 0]
    if not found:
        return None
    at, word = min(found)
    after = question[at + len(word):]
    unit = next((u for u in sorted(words["thing_unit"], key=len, reverse=True) if after.startswith(u)), "")
    return _quoted_list(after[len(unit):], context)


def _quoted_list(after: str, context: Context) -> tuple[tuple[str, ...], str] | None:
    """Of the lists the latest answer's quote holds (that answer gave one task), the one a
    follow-up means: whose things or following words hold the noun the follow-up names (``after``
    its place or count word: "最后一个平台"), or else the noun the previous question asked for
    (哪几个服务系统); None without such a list."""
    from planqa.assistant.rules import table

    if len(context.listed) > 1 or context.task is None or not context.quote:
        return None
    if (_by_number(context.question) and not table().flag("which_several", context.question)
            and not _asks_a_thing(context.question)):
        return None  # "第21项是什么" → "最后一个呢": tasks, in the plan's order
    from planqa.assistant.facts import enumerations

    lists = enumerations(context.quote)
    if not lists:
        return None
    after = after.lstrip("的那这")
    run = after[: next((i for i, c in enumerate(after) if not _HAN.match(c)), len(after))]
    asked = "" if len(run) < 2 or run.startswith(tuple(table().words["place_asking"])) else run[:2]
    named = [entry for entry in lists if asked and (asked in entry[1] or any(asked in i for i in entry[0]))]
    if asked and not named:
        return None  # "最后一个平台" after a list of systems: no thing of that list
    if not named:
        named = [entry for entry in lists if (noun_after := entry[1].lstrip("等")[:2]) and noun_after in context.question] or lists
    things, _, sentence = named[0]
    return things, sentence


def _asks_a_thing(question: str) -> bool:
    """Whether the question only asks for a listed thing by its place ("第一个？", "第二个是啥"):
    its 第一个 is no task number, and the next place asked is in the same list."""
    from planqa.assistant.rules import table

    m = _list_place().search(question)
    if not m or any(w in m.group(0) for w in "项条"):
        return False
    rest = without(question[: m.start()] + question[m.end():],
                   sorted(table().words["place_asking"], key=len, reverse=True))
    return not _HAN.search(rest.strip("的那这"))


def _by_number(question: str) -> bool:
    """Whether the question named a task by its number (第17条是啥, task 5)."""
    from planqa.assistant.rules import task_numbers

    return bool(question and task_numbers(question))


def without_reference(question: str) -> str:
    """The question without the words that point at its task (第21项, 第二个, 最后一条): what
    it asks of the task ("第21项具体干啥" → "具体干啥")."""
    from planqa.assistant.rules import rule

    return _list_place().sub("", rule("task_number").pattern.sub("", question))


def topicless(question: str) -> bool:
    """Whether the question names nothing of its own (asks about "it" without saying it)."""
    from planqa.assistant.rules import table  # the words are data (rules.toml)
    from planqa.index.lexical import content_words  # jieba loads on first use

    if not _HAN.search(question):
        return False
    words = table().word_set("topicless")
    return all(w in words for w in content_words(question))
