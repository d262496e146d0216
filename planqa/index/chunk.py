"""``Plan`` → retrieval chunks: one per task, one for notice + overview, one per section without
tasks (long ones split by paragraph). Chunk ids are content hashes of (plan, unit, text), so an
unchanged chunk keeps its id and re-indexing can skip it.
"""

import hashlib
import re
from dataclasses import dataclass, replace

from planqa.ingest.plan import Plan, Section, split_ref

# A section without tasks longer than this is split at paragraph boundaries.
MAX_SECTION_CHARS = 600


@dataclass(frozen=True)
class Chunk:
    id: str
    plan: str
    unit: str  # "overview", "task-9", "section-三", "section-三-2"
    kind: str  # "overview" | "task" | "section"
    text: str  # what retrieval sees: prefixed with the section and task titles
    body: str  # the plan's own words for this unit, for quoting
    section_number: str = ""
    section_title: str = ""
    task_number: int | None = None
    task_title: str = ""
    task_label: str = ""  # as printed: "（二）"


def chunk_id(plan: str, unit: str, text: str) -> str:
    return hashlib.sha256(f"{plan}\x1f{unit}\x1f{text}".encode()).hexdigest()[:32]


def _make(plan: Plan, unit: str, kind: str, text: str, body: str, **meta) -> Chunk:
    return Chunk(chunk_id(plan.plan_id, unit, text), plan.plan_id, unit, kind, text, body, **meta)


def chunk_plan(plan: Plan) -> list[Chunk]:
    chunks = _units(plan)
    # A plan that repeats a number inside one section would repeat a unit name: number them.
    seen: dict[str, int] = {}
    for i, c in enumerate(chunks):
        seen[c.unit] = seen.get(c.unit, 0) + 1
        if seen[c.unit] > 1:
            unit = f"{c.unit}#{seen[c.unit]}"
            chunks[i] = replace(c, unit=unit, id=chunk_id(c.plan, unit, c.text))
    return chunks


def _units(plan: Plan) -> list[Chunk]:
    chunks = [_overview_chunk(plan)]
    for section in plan.sections:
        heading = _section_heading(section, plan)
        # section_number names the section in its plan: its ref ("三", "附件2/一")
        meta = {"section_number": section.ref, "section_title": section.title}
        if section.tasks:
            if section.text:  # paragraphs above the first task
                unit = f"section-{section.ref}"
                chunks.append(
                    _make(plan, unit, "section", f"{heading}\n{section.text}", section.text, **meta)
                )
            for task in section.tasks:
                unit = f"task-{task.number}"  # unique in a plan (Plan JSON)
                head = f"{task.label or f'{task.number}.'}{task.title}"
                text = "\n".join(p for p in (heading, head, task.text) if p)
                chunks.append(
                    _make(
                        plan, unit, "task", text, task.text or task.title,
                        task_number=task.number, task_title=task.title, task_label=task.label, **meta,
                    )
                )
        else:
            parts = split_paragraphs(section.text, MAX_SECTION_CHARS) or [""]
            for i, part in enumerate(parts, start=1):
                unit = f"section-{section.ref}" + (f"-{i}" if len(parts) > 1 else "")
                text = f"{heading}\n{part}" if part else heading
                chunks.append(_make(plan, unit, "section", text, part or section.title, **meta))
    return chunks


def _section_heading(section: Section, plan: Plan) -> str:
    heading = f"{section.number}、{section.title}" if section.number else section.title
    if not section.attachment:
        return heading
    # An attachment's parts are searched under its name and title ("附件2 核心课程参考建议").
    title = plan.attachment_title(section.attachment)
    above = " ".join(dict.fromkeys(x for x in (section.attachment, title) if x and x != section.title))
    return f"{above}\n{heading}" if heading else above


def _overview_chunk(plan: Plan) -> Chunk:
    # The plan's title leads the body: it is the chunk's title passage.
    body = "\n".join(p for p in (plan.title, plan.notice, plan.overview) if p)
    return _make(plan, "overview", "overview", body, body)


def split_paragraphs(text: str, limit: int) -> list[str]:
    """Group whole paragraphs into parts of at most ``limit`` characters (a longer paragraph
    stands alone)."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for para in (p for p in text.split("\n") if p):
        if current and size + len(para) > limit:
            parts.append("\n".join(current))
            current, size = [], 0
        current.append(para)
        size += len(para)
    if current:
        parts.append("\n".join(current))
    return parts


@dataclass(frozen=True)
class Passage:
    """What gets a vector: a chunk's title line (id = the chunk's id) or one of its sentences.

    A question matches one sentence far better than a whole task; the task's score is the best
    of its passages, and the best sentences are what an answer quotes.
    """

    id: str
    chunk_id: str
    text: str
    role: str  # "title" | "sentence"


_SENTENCE_END = re.compile(r"(?<=[。；！？])|\n")
MIN_SENTENCE_CHARS = 8
_NOTE = re.compile(r"[（(][^（）()]*[）)]")


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。；！？ or a line break; fragments shorter than 8 characters and
    notes in brackets after a sentence (（责任单位：…）) join the sentence before them, never the
    next item's."""
    out: list[str] = []
    for piece in (p.strip() for p in _SENTENCE_END.split(text)):
        if not piece:
            continue
        if out and (len(piece) < MIN_SENTENCE_CHARS or _NOTE.fullmatch(piece)):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def passages(chunk: Chunk) -> list[Passage]:
    if chunk.kind == "task":
        title = f"{chunk.task_number}.{chunk.task_title}"
    elif chunk.kind == "section":
        number = split_ref(chunk.section_number)[1]
        title = f"{number}、{chunk.section_title}" if number else chunk.section_title
    else:
        title = chunk.body.split("\n", 1)[0]
    sentences = [s for s in split_sentences(chunk.body) if s != title]
    return [Passage(chunk.id, chunk.id, title, "title")] + [
        Passage(f"{chunk.id}-{i}", chunk.id, s, "sentence") for i, s in enumerate(sentences, 1)
    ]
