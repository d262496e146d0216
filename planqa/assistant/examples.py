"""Example questions for a plan, built from its own parts, tasks and facts: every one names
something the plan has, in words the assistant routes to an answer from that plan.

Pure functions of the parsed ``Plan``; no randomness (the same plan gives the same examples).
"""

import re

from planqa.assistant.answer import place
from planqa.assistant.rules import plan_frame, understand
from planqa.ingest.grammar import grammar
from planqa.ingest.plan import Plan, Task

MAX_PHRASE = 12  # characters of a topic phrase taken from a task title
MIN_PHRASE = 4  # an unquoted run shorter than this is rarely distinctive (加强, 组织领导 …)
MIN_QUOTED = 2  # a quoted name may be short: “四聚”
LONG_PHRASE = 6  # phrases this long are preferred: 科普社会化建设 before 组织领导
HEADLINE = 36  # a longer title is the task's first sentence: its runs are clauses, not names
# Verbs a task title of the genre opens with: the topic is what follows them.
_LEADING_VERBS = (
    "做大做强", "深入", "切实", "扎实", "积极", "大力", "着力", "全面", "持续", "不断", "加快", "加强",
    "加大", "推进", "推动", "促进", "开展", "实施", "强化", "深化", "提升", "提高", "完善", "健全",
    "建立", "建设", "构建", "打造", "搭建", "做好", "落实", "组织", "培育", "支持", "鼓励", "引导",
)
# A run that opens or closes like a clause, not a name: 在道路测试过程中, 和重大工程; or holds 的.
_NOT_FIRST = set("中在对为以和及与并由从按经如凡本将把向于其该各等")
_NOT_LAST = set("中时的后前等下上内外")
_CLAUSE_OPENERS = ("包括", "详见", "参见", "其中", "不得", "应当", "可以", "需要", "必须")
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")
_QUOTED = re.compile(r"[“「『]([^”」』]+)[”」』]")
_RUN_BREAK = re.compile(r"[，,、；;：:。！？!?（）()《》\s—…·/]+")
_PLAIN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")


def example_questions(plan: Plan, n: int = 5) -> list[str]:
    """Up to ``n`` distinct questions the plan answers: a topic from a task title, a part's
    tasks, one task, who leads a task (when lead units are noted), a document fact (when
    printed), the number of tasks; then more of these to fill the list. A question is kept only
    if the router sends it where it is meant to go (a topic that reads as asking for a number or
    a date, such as 数字化…, is not)."""
    tasks = plan.body_tasks  # example questions ask of the document's own text
    noun = plan.genre
    topics = [(q, task) for q, task in ((_topic_question(p), task) for p, task in _topics(plan))
              if _routes(q, plan, "mention")]
    parts = [s for s in plan.body if s.number and s.tasks]
    part = _around(parts, 0.5)
    shown = {task for _, task in topics[:1]}
    task = _around([t for t in tasks if t not in shown], 0.3) or _around(tasks, 0.3)
    led = [t for t in tasks if t.leads and t is not task and t not in shown]
    lead = _around(led, 0.5) or (task if task is not None and task.leads else None)

    first = [(q, "mention") for q, _ in topics[:1]]
    if part is not None:
        first.append((f"第{part.number}部分有哪些任务？", "section"))
    if task is not None:
        first.append((f"{_asked_place(plan, task)}讲什么？", "task"))
    if lead is not None:
        first.append((_lead_question(plan, lead), "task"))
    facts = []
    if plan.issuer:
        facts.append((f"这份{noun}是谁印发的？", "meta"))
    if plan.date:
        facts.append((f"这份{noun}是什么时候印发的？", "meta"))
    first += facts[:1]
    if tasks:
        first.append((f"这份{noun}一共有多少项任务？", "meta"))
    # Fillers, when the plan lacks a kind above: the other fact, more topics, parts.
    more = facts[1:] + [(q, "mention") for q, _ in topics[1:3]]
    if len(plan.body) > 1 and plan.body[0].number:
        more.append((f"这份{noun}分几个部分？", "meta"))
    if not tasks:  # parts without numbered tasks: what a part says
        more += [(f"第{s.number}部分讲什么？", "section") for s in plan.body if s.number][:2]
    kept = [q for q, kind in first + more if _routes(q, plan, kind)]
    return list(dict.fromkeys(kept))[:n]


def _routes(question: str, plan: Plan, kind: str) -> bool:
    """The rule table sends the question to ``kind``; a topic question to a search for the
    topic (a listing of tasks, or retrieval) that asks for nothing in particular."""
    intent = understand(question, plan_frame(plan))
    if kind == "mention":
        return intent.kind in ("mention", "search") and intent.asks is None
    return intent.kind == kind


def _lead_question(plan: Plan, task: Task) -> str:
    """Who leads the task, asked in the words of its lead note: 的责任单位有哪些 for
    "（责任单位：…）", 由哪个单位牵头 for "（…牵头）", 由哪些单位负责 for "（…负责）"."""
    asked = _asked_place(plan, task)
    g = grammar()
    note = next((m for p in g.leads if (m := p.search(f"{task.title}\n{task.text}"))), None)
    if note is not None:
        inside = note.group(0).strip("（()）。；; \n")
        if label := g.unit_label.match(inside):
            return f"{asked}的{label.group(0).rstrip('：: ')}有哪些？"
        after = note.group(0)[note.end("units") - note.start():].strip("（()）。；; \n")
        role = g.unit_role.search(re.split(r"[，,；;]", after)[0]) or g.unit_role.search(
            note.group("units").strip())
        if role and role.group(0) == "负责":  # （…按职责分工负责）
            return f"{asked}由哪些单位负责？"
    return f"{asked}由哪个单位牵头？"


def _around(items: list, at: float):
    """The item at the fraction ``at`` of the list (from the middle, not the first); None if empty."""
    return items[min(len(items) - 1, int(len(items) * at))] if items else None


def _asked_place(plan: Plan, task: Task) -> str:
    """The task as the answers name it (第9项), or, where numbering restarts per part, by its
    place in the part (第二部分第1项): the form a question routes to that task."""
    section = plan.section_of(task)
    named = place(task.number, task.label, section.number)
    if named == f"第{task.number}项" or not section.number:
        return named
    return f"第{section.number}部分第{section.tasks.index(task) + 1}项"


def _topic_question(phrase: str) -> str:
    """Which tasks concern the phrase: answered by the tasks that say it, the one whose title
    holds it first ("X是第几项任务" goes to retrieval, which a part's text can win)."""
    return f"哪项任务涉及{phrase}？"


def _topics(plan: Plan) -> list[tuple[str, Task]]:
    """Distinctive phrases of task titles, at most one per task: a quoted name, else the head
    of the title or a run between its punctuation, without the verb it opens with; a phrase
    found in the titles of one or two tasks only. Quoted names and longer phrases first, runs of
    a title that is a whole sentence last; then the tasks nearest 60 % of the way through the
    plan (its substance, not its first task)."""
    tasks = plan.body_tasks
    titles = [t.title for t in tasks]
    start = len(tasks) * 3 // 5
    ranked = []
    for i, task in enumerate(tasks):
        for j, (phrase, bare) in enumerate(_phrases(task.title)):
            if 1 <= sum(bare in t for t in titles) <= 2:
                long = len(bare) >= (MIN_PHRASE if phrase != bare else LONG_PHRASE)
                tier = 2 if len(task.title) > HEADLINE and phrase == bare else int(not long)
                ranked.append((tier, abs(i - start), i, j, phrase, bare))
    found, used, seen = [], set(), set()
    for _, _, i, _, phrase, bare in sorted(ranked):
        if i not in used and bare not in seen:
            used.add(i)
            seen.add(bare)
            found.append((phrase, tasks[i]))
    return found


def _phrases(title: str) -> list[tuple[str, str]]:
    """Candidate phrases of a title as (shown, bare): quoted names first (shown with their
    quotes), then the runs between punctuation, the head first."""
    out = []
    for name in _QUOTED.findall(title):
        if MIN_QUOTED <= len(name) <= MAX_PHRASE - 2 and _PLAIN.fullmatch(name):
            out.append((f"“{name}”", name))
    for run in _RUN_BREAK.split(_ASIDE.sub("", title)):
        if not _PLAIN.fullmatch(run or "-"):
            continue  # holds quotes or symbols: its quoted name was a candidate already
        run = _strip_verbs(run)
        if (MIN_PHRASE <= len(run) <= MAX_PHRASE and not run.isascii()
                and run[0] not in _NOT_FIRST and run[-1] not in _NOT_LAST and "的" not in run
                and not run.startswith(_CLAUSE_OPENERS)):
            out.append((run, run))
    return out


def _strip_verbs(run: str) -> str:
    """"组织开展创新争先行动" → "创新争先行动": leading verbs off, while a phrase remains."""
    while True:
        verb = next((v for v in _LEADING_VERBS if run.startswith(v) and len(run) - len(v) >= MIN_PHRASE), None)
        if verb is None:
            return run
        run = run[len(verb):]
