"""Question sets: JSONL lines {"id", "question", "tasks", "kind"?, "answer_any"?, "abstain"?}.
A bad line is a ``PlanqaError`` naming the file and line.

Instead of ``tasks``, a line may give ``cite``: the places that answer as printed, each the path
of labels from the part down to the smallest numbered item (``["二", "（一）", "3."]``), so that
a set can be written from the document alone; ``resolve_cites`` maps them onto the plan's task
numbers (the task holding that item; a part alone stands for all its tasks)."""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from planqa.errors import PlanqaError
from planqa.ingest.grammar import fold_digits, grammar
from planqa.ingest.numerals import cn_to_int, int_to_cn, to_int
from planqa.ingest.plan import Plan, Section, attachment_key, join_ref

HERE = Path(__file__).resolve().parent
# Kinds answered from the plan's structure, not by retrieval.
STRUCTURAL = frozenset({"task_number", "section", "meta"})


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    tasks: tuple[int, ...]
    kind: str = ""
    answer_any: tuple[str, ...] = ()
    abstain: bool = False
    cite: tuple[tuple[str, ...], ...] = ()  # printed label paths, resolved into ``tasks``
    # The parts a cite path names whole, as (section ref, its tasks), and the attachments it names
    # whole, as (附件2/, what they hold: tasks, or their parts' refs): an answer citing such a part
    # or attachment itself (its lead, or one without numbered tasks) cites what the question expects.
    parts: tuple[tuple[str, tuple[int | str, ...]], ...] = ()
    # What the cite paths name, best first: tasks, and a part without numbered tasks by its ref.
    expected: tuple[int | str, ...] = ()


def _lines(path: str | Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise PlanqaError(f"无法读取问题集 {path}：{err}") from None


def _question(data: dict, default_id: str) -> Question:
    if not isinstance(data.get("question"), str):
        raise ValueError("缺少字符串字段 question")
    return Question(
        id=str(data.get("id", default_id)),
        question=data["question"],
        tasks=tuple(int(t) for t in data.get("tasks", [])),
        kind=str(data.get("kind", "")),
        answer_any=tuple(str(a) for a in data.get("answer_any", [])),
        abstain=bool(data.get("abstain", False)),
        cite=tuple(tuple(str(label) for label in path) for path in data.get("cite", [])),
    )


def _key(label: str) -> tuple[str, int] | None:
    """"3．" and "3." are the same place: a label is its level and value."""
    label = label.strip()
    found = grammar().label(f"{label}题") or grammar().label(f"{label}、题")  # "五" for 五、
    return (found.level.name, found.value) if found else None


BOX_NOUNS = ("专栏",)  # a box printed inside a part: 专栏一 …, 专栏 2 …


def _box(label: str) -> tuple[str, int] | None:
    """A cited box ("专栏二", "专栏 2") → ("专栏", 2); None for any other label."""
    text = "".join(fold_digits(label).split())
    noun = next((n for n in BOX_NOUNS if text.startswith(n)), None)
    value = to_int(text[len(noun):]) if noun else None
    return (noun, value) if value else None


def _heads_box(line: str, box: tuple[str, int]) -> bool:
    """Whether a line of the outline opens the box: its noun and number as printed (专栏二, 专栏 2),
    then its title. Spaces were taken out of the outline's lines, so a title opening with a
    numeral of the same script (专栏二十大场景) is not told from the number: no match."""
    noun, value = box
    text = fold_digits(line).strip()
    if not text.startswith(noun):
        return False
    after = text[len(noun):].lstrip()
    for numeral, more in ((str(value), str.isdigit), (int_to_cn(value), lambda ch: cn_to_int(ch) is not None)):
        if after.startswith(numeral) and not (len(after) > len(numeral) and more(after[len(numeral)])):
            return True
    return False


def _tasks_at(plan: Plan, path: tuple[str, ...]) -> tuple[int, ...] | None:
    """The tasks a path names: in the attachment its first label names ("附件2", or its title),
    else in the body; a path into an attachment that names none stands for the one attachment
    it fits (a letter's 任务要点 cited by their own labels)."""
    named = _attachment_named(plan, path[0]) if path else None
    if named is not None:
        return _within(plan.sections_of(named), path[1:])
    if path and not plan.attachments and grammar().attachment.match(path[0]) \
            and attachment_key(path[0])[1] in (None, 1):
        return _tasks_at(plan, path[1:])  # a notice's one attachment that is the plan read as its body
    found = _within(plan.body, path)
    if found is not None:
        return found
    if len(path) > 1 and _key(path[0]) is None and not grammar().attachment.match(path[0]):
        # an unnumbered heading named first ("申报单位相关证明材料", "5."): the labels after it,
        # else the one task of the whole plan that prints the last of them
        once = [t for t in plan.tasks if _key(t.label) == _key(path[-1])]
        return _tasks_at(plan, path[1:]) or ((once[0].number,) if len(once) == 1 else None)
    part = next((s for s in plan.body if s.number and _names_part(path[0], s)), None) if path else None
    letter = not plan.body_tasks and any(s.number for s in plan.body)  # points without items
    if not path or not (part is not None and not part.tasks or letter):
        return None
    # The part the path names has no tasks of its own: a label the body prints once names its
    # task under another part (numbering that runs across parts, one part's 二、 lost in print),
    # else the one attachment the path fits (a letter's 任务要点 cited by their own labels).
    once = [t for t in plan.body_tasks if _key(t.label) == _key(path[-1])]
    if len(path) > 1 and len(once) == 1:
        return (once[0].number,)
    fits = [f for a in plan.attachments
            if (f := _within(plan.sections_of(a.label), path)) is not None]
    return fits[0] if len(fits) == 1 else None


def _names_part(label: str, section: Section) -> bool:
    return cn_to_int(label.rstrip("、")) == cn_to_int(section.number) or (
        _key(label) is not None and _key(label) == _key(section.label))


def _attachment_named(plan: Plan, first: str) -> str | None:
    name = re.sub(r"\s+", "", fold_digits(first)).rstrip("：:")
    for a in plan.attachments:
        if attachment_key(name) == attachment_key(a.label) or (a.title and name == re.sub(r"\s+", "", a.title)):
            return a.label
    return plan.attachments[0].label if name == "附件" and len(plan.attachments) == 1 else None


def _within(sections: Sequence[Section], path: tuple[str, ...]) -> tuple[int, ...] | None:
    # "三" for 三、, "第五章" as printed
    numbered = [s for s in sections if s.number and path and _names_part(path[0], s)]
    unnumbered = [s for s in sections if not s.number]
    # a label the parts print once (items numbered across them) names its task alone, and so
    # does it followed by paragraphs numbered inside that task's text (1. 2. the outline keeps whole)
    once = [t for s in sections for t in s.tasks
            if path and _key(t.label) == _key(path[0]) and _prints_items(t.text, path[1:])]
    if numbered:
        section, rest = numbered[0], path[1:]
    elif len(unnumbered) == 1 and (path or len(sections) == 1):
        section, rest = unnumbered[0], path
    elif not path and sections:  # an attachment cited whole
        return tuple(t.number for s in sections for t in s.tasks)
    else:
        return (once[0].number,) if len(once) == 1 else None
    if not rest:
        return tuple(t.number for t in section.tasks)
    for k, label in enumerate(rest):
        box = _box(label)
        if box is None:
            continue
        # A box (专栏二) inside a task's text is that task's; one in the part's own text heads
        # the tasks after it: the box whole is the part's tasks, else the labels that follow.
        holders = [t for t in section.tasks if any(_heads_box(line, box) for line in t.text.split("\n"))]
        if len(holders) == 1:
            return (holders[0].number,)
        if holders or not any(_heads_box(line, box) for line in section.text.split("\n")):
            return None
        if k + 1 == len(rest):
            return tuple(t.number for t in section.tasks)
        rest = rest[k + 1:]
        break
    for label in rest:  # the task is the first label on the path that names one of its tasks
        task = next((t for t in section.tasks if _key(t.label) == _key(label)), None)
        if task:
            return (task.number,)
    # No task's label is on the path (the task's own label was never printed): the task that
    # holds the item the path ends with.
    holding = [t for t in section.tasks if any(_line_key(line) == _key(rest[-1]) for line in t.text.split("\n"))]
    if len(holding) == 1:
        return (holding[0].number,)
    return (once[0].number,) if len(once) == 1 and not numbered else None  # a preface before the parts


def _prints_items(text: str, labels: tuple[str, ...]) -> bool:
    """Whether a task's text opens a line with each label (its own numbered paragraphs)."""
    printed = {_line_key(line) for line in text.split("\n")} - {None}
    return all(_key(label) in printed for label in labels)


def _part_cited(plan: Plan, path: tuple[str, ...]) -> Section | None:
    """The part a path names whole (["三、"], ["附件2", "一、"]), else None."""
    named = _attachment_named(plan, path[0]) if path else None
    sections, rest = (plan.sections_of(named), path[1:]) if named is not None else (plan.body, path)
    if len(rest) != 1:
        return None
    return next((s for s in sections if s.number and _names_part(rest[0], s)), None)


def _parts_of_attachment(plan: Plan, path: tuple[str, ...]) -> tuple[str, ...]:
    """An attachment cited whole whose parts hold no numbered tasks (a glossary of 一、二、…):
    its parts, since an answer can cite nothing smaller."""
    named = _attachment_named(plan, path[0]) if len(path) == 1 else None
    return tuple(s.ref for s in plan.sections_of(named) if s.number) if named is not None else ()


def _line_key(line: str) -> tuple[str, int] | None:
    found = grammar().label(line.strip())
    return (found.level.name, found.value) if found else None


def resolve_cites(questions: list[Question], plan: Plan) -> list[Question]:
    """Each question's ``cite`` paths as the plan's task numbers, best first; a path that names
    no part or task of the plan is an error naming the question."""
    resolved = []
    for q in questions:
        if not q.cite:
            resolved.append(q)
            continue
        tasks: list[int] = []
        parts = []
        expected: list[int | str] = []
        for path in q.cite:
            found = _tasks_at(plan, path)
            if found is None:
                raise PlanqaError(f"问题 {q.id} 的出处 {'/'.join(path)} 在《{plan.title or plan.plan_id}》里找不到")
            tasks += [n for n in found if n not in tasks]
            part = _part_cited(plan, path)
            if part is not None:
                parts.append((part.ref, tuple(t.number for t in part.tasks)))
            # an attachment cited whole: an answer citing it whole (附件2) cites what it holds
            whole = _attachment_named(plan, path[0]) if len(path) == 1 and part is None else None
            named = found or ((part.ref,) if part is not None else _parts_of_attachment(plan, path)
                              or ((join_ref(whole, ""),) if whole is not None else ()))
            if whole is not None:
                parts.append((join_ref(whole, ""), named))
            expected += [n for n in named if n not in expected]
        resolved.append(replace(q, tasks=tuple(tasks), parts=tuple(parts), expected=tuple(expected)))
    return resolved


@dataclass(frozen=True)
class Conversation:
    id: str
    turns: tuple[Question, ...]
    kind: str = "followup"


def bundled_conversations() -> Path:
    return HERE / "conversations.jsonl"


def bundled_sets() -> list[Path]:
    return sorted(p for p in HERE.glob("*.jsonl") if p.name != "conversations.jsonl")


def corpus_sets() -> dict[str, Path]:
    """plan id → the bundled question set written for that corpus plan (cite paths)."""
    return {p.stem: p for p in sorted((HERE / "corpus").glob("*.jsonl"))}


def load_any(path: str | Path) -> tuple[list[Question], list[Conversation]]:
    """A question file whose lines are questions or conversations ({"turns": [...]}) or both."""
    questions, conversations = [], []
    for n, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("每行应是一个 JSON 对象")
            if "turns" in data:
                turns = tuple(_question(t, f"{data.get('id', n)}.{i}") for i, t in enumerate(data["turns"], 1))
                if not turns:
                    raise ValueError("turns 是空的")
                conversations.append(Conversation(str(data.get("id", n)), turns, str(data.get("kind", "followup"))))
            else:
                questions.append(_question(data, f"{Path(path).stem}:{n}"))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
            raise PlanqaError(f"{path} 第 {n} 行不是有效的问题：{type(err).__name__} {err}") from None
    return questions, conversations


def load_questions(path: str | Path) -> list[Question]:
    """The single questions of a file (its conversation lines, if any, are left out)."""
    return load_any(path)[0]


def load_conversations(path: str | Path) -> list[Conversation]:
    """The conversations of a file: each turn is asked after the ones before it."""
    return load_any(path)[1]
