"""Understand a question: the rule table of rules.toml, tried in order, builds the Query.

Each row names its pattern (built from the shared word lists), what it needs from the
conversation and the builder below that turns a match into a Query; a builder may decline, and
the next row is tried. The words are data; the builders only read slots (numbers, places in a
list) and the conversation. Pure: no model, no store.
"""

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from importlib.resources import files

from planqa.assistant.followup import Context, list_reference, listed_count, listed_thing, topicless
from planqa.assistant.query import (Query, as_printed, role_names, section_by_title, section_by_word, title_clauses,
                                    titles_named, without)
from planqa.assistant.structure import common_phrases, main_line, part_texts
from planqa.index.lexical import all_han, content_words, pieces, pointing
from planqa.ingest.numerals import to_int
from planqa.ingest.plan import Plan

SLOT_LISTS = {"num", "en_num"}  # word lists that are regexes (the slots), not words
_NAME = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern | None  # None: the rule matches whenever its needs are met
    needs: str  # "", "task", "section", "tasks"
    builds: str
    examples: tuple[dict, ...]
    template: str = ""  # the pattern before its word lists were filled in


@dataclass(frozen=True)
class Medium:
    """A way to be contacted a question may ask for (e-mail, phone …): the facts of ``kind`` (a
    contact or a person when "") whose text ``printed`` finds give it."""

    name: str
    said: tuple[str, ...]
    kind: str
    printed: re.Pattern

    def gives(self, fact) -> bool:
        kinds = (self.kind,) if self.kind else ("contact", "person")
        return fact.kind in kinds and bool(self.printed.search(fact.text))


@dataclass(frozen=True)
class Table:
    words: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    patterns: dict[str, re.Pattern]  # flags read off any question (listing, literal …)
    asks: tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]  # fact type asked, in order
    loose: frozenset[str] = frozenset()  # asked kinds a task answers even without that fact
    sets: dict[str, frozenset[str]] = field(default_factory=dict)  # each word list as a set
    roles: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()  # [[part_role]]: (prints, said)
    role_titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [[part_role]]: name → prints
    media: tuple["Medium", ...] = ()  # [[contact_medium]]

    def flag(self, name: str, question: str) -> bool:
        return bool(self.patterns[name].search(question))

    def word_set(self, name: str) -> frozenset[str]:
        return self.sets[name]


@cache
def pointing_words() -> tuple[str, ...]:
    """Words pointing at the tasks in view, no topic (这几项里, 其中, 这些当中): the `these_tasks`,
    `these_within` and `within` lists, in that order."""
    words = table().words
    return (*words["these_tasks"], *words["these_within"], *words["within"])


def generic_words() -> frozenset[str]:
    """Words that name items of any plan, no topic of their own (任务, 措施, 行动, 安排, 方面,
    一共, 重点, 具体 …): the `item_noun`, `action_noun`, `plan_things`, `part_item`, `total` and
    `qualifier` lists."""
    t = table()
    return frozenset().union(*(t.word_set(n) for n in (
        "item_noun", "action_noun", "plan_things", "part_item", "total", "qualifier")))


@cache
def no_topic_words() -> frozenset[str]:
    """Words a question says of any fact it asks, naming no topic a clause stating the fact must
    hold: the total (一共) and the plan's own (整个, 全省, 今年). Not the present (目前, 现在): a
    plan's targets are no answer to how many there are now."""
    return table().word_set("total") | table().word_set("own_plan")


def asks_others_of(question: str, thing: str) -> bool:
    """Whether the question asks for others of the thing itself, named right after a word for
    another (别的系统, 其他的系统), not for things about it (别的系统相关的: `about_thing`)."""
    about = tuple(table().words["about_thing"])
    for other in table().words["another"]:
        for said in (f"{other}{thing}", f"{other}的{thing}"):
            at = question.find(said)
            while at >= 0:
                if not question[at + len(said):].lstrip("的").startswith(about):
                    return True
                at = question.find(said, at + 1)
    return False


def names_a_topic(text: str, besides: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` holds a word of two characters or more that is none of the generic words
    (nor of ``besides``): 资金 in "资金方面", none in "有哪几项"."""
    generic = generic_words() | besides
    return any(len(w) > 1 and w not in generic for w in content_words(text))


def which_word(question: str) -> tuple[int, int] | None:
    """Where the question's first word asking which things there are (`which_things`) stands:
    (start, end), or None."""
    found = [(i, i + len(w)) for w in table().words["which_things"] if (i := question.find(w)) >= 0]
    return min(found) if found else None


def alternatives(words: Sequence[str], slot: bool = False) -> str:
    """One regex alternative per word, longest first (so 最后一部分 wins over 部分)."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(ordered if slot else (re.escape(w) for w in ordered))


def expand(template: str, words: dict[str, Sequence[str]], extra: dict[str, Sequence[str]] | None = None) -> str:
    """The template with each {name} replaced by that word list's alternatives."""
    lists = {**words, **(extra or {})}

    def fill(m: re.Match) -> str:
        name = m.group(1)
        if name not in lists:
            raise KeyError(f"rules.toml: no word list {name!r}")
        return "(?:" + alternatives(lists[name], name in SLOT_LISTS) + ")"

    return _NAME.sub(fill, template)


def parse_table(data: dict) -> Table:
    from planqa.ingest.grammar import raw_grammar

    # The genre nouns (工作要点, 方案 …) are the outline grammar's: one list for both.
    words = {**{k: tuple(v) for k, v in data["words"].items()}, "genre": tuple(raw_grammar()["genre"]["nouns"])}
    patterns = {k: re.compile(expand(v, words)) for k, v in data["patterns"].items()}
    rules = []
    for row in data["rule"]:
        template = row.get("pattern", "")
        if template.startswith("@"):  # the row matches where a named flag pattern does
            pattern = patterns[template[1:]]
        else:
            pattern = re.compile(expand(template, words)) if template else None
        if row["builds"] not in BUILDERS:
            raise KeyError(f"rules.toml: rule {row['name']!r} builds with unknown {row['builds']!r}")
        rules.append(Rule(row["name"], pattern, row.get("needs", ""), row["builds"],
                          tuple(row.get("examples", ())), template))
    asks = tuple((row["name"], re.compile(expand(row["pattern"], words)), tuple(row.get("examples", ())))
                 for row in data["asks"])
    loose = frozenset(row["name"] for row in data["asks"] if row.get("absent") == "answer")
    roles = tuple((tuple(row["prints"]), tuple(row["said"])) for row in data.get("part_role", ()))
    role_titles = {row["name"]: tuple(row["prints"]) for row in data.get("part_role", ())}
    media = tuple(Medium(row["name"], tuple(row["said"]), row.get("kind", "contact"), re.compile(row.get("printed", "")))
                  for row in data.get("contact_medium", ()))
    return Table(words, tuple(rules), patterns, asks, loose, {k: frozenset(v) for k, v in words.items()}, roles,
                 role_titles, media)


PLAN_SLOTS = ("{doc}", "{owner}")  # word lists that the plan asked adds to


@lru_cache(maxsize=64)
def doc_pattern(doc_nouns: tuple[str, ...]) -> re.Pattern:
    """Words that name the document, with the plan's own noun: 文件, 通知, 方案 …"""
    words = table().words
    return re.compile(expand("(?i){doc}", words, {"doc": (*words["doc"], *doc_nouns)}))


@lru_cache(maxsize=64)
def rules_for(doc_nouns: tuple[str, ...], owner: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The rules with the plan's own words: its document noun (方案, 意见 …) added to {doc},
    the names of its organization (山东省科协, 省科协, 科协) in {owner}."""
    t = table()
    words = {**t.words, "doc": (*t.words["doc"], *doc_nouns), "owner": owner}
    return tuple(replace(r, pattern=re.compile(expand(r.template, words)))
                 if any(slot in r.template for slot in PLAN_SLOTS) else r for r in t.rules)


def owner_names(title: str, issuer: str | None, genre_nouns: Sequence[str] = ()) -> tuple[str, ...]:
    """How a question may name the plan's organization or place: the longest start of the title
    (before its year, 关于 or genre) that ends like an organization or a place, and the issuer,
    each with its endings of two characters or more and without a final 省/市/县: 山东省科协 →
    省科协, 科协; 济南市 → 济南. "今年科协有哪些重点工作" then asks about this plan."""
    words = table().words
    head = re.split(r"(?:19|20)\d{2}|关于|" + "|".join(map(re.escape, genre_nouns or ("工作",))), title or "")[0]
    head = re.sub(r"[^\u4e00-\u9fff]", "", head)
    ends = tuple(words["org_suffix"])
    starts = [head[:i] for i in range(len(head), 1, -1) if head[:i].endswith(ends)]
    names = []
    for name in (starts[0] if starts else "", re.sub(r"[^\u4e00-\u9fff]", "", issuer or "")):
        if 2 <= len(name) <= 20:
            names += [name[i:] for i in range(len(name) - 1)]
            if name.endswith(tuple(words["place_suffix"])) and len(name) >= 3:
                names.append(name[:-1])
            # 山东省科协 is called 山东科协 too: a place's 省/市 left out inside the name
            names += [name[:i] + name[i + 1:] for i in range(2, len(name) - 2) if name[i] in words["place_suffix"]]
    return tuple(dict.fromkeys(names))


@cache
def table() -> Table:
    return parse_table(tomllib.loads(files("planqa.assistant").joinpath("rules.toml").read_text("utf-8")))


def pattern(name: str) -> re.Pattern:
    """One of rules.toml's named patterns (``frame``, ``and``, ``elsewhere`` …), compiled once."""
    return table().patterns[name]


def strip_preamble(question: str) -> str:
    """The question without the courtesies and topic switches before it ("谢谢！另外换个话题，…")
    and a sentence after it that asks nothing ("…？我是做孵化器的想了解下"), which would
    otherwise count as its words; a question of courtesies only, or of courtesies and the
    document ("hi，帮我查下文件"), is kept whole."""
    question = pattern("postscript").sub("", question)
    m = pattern("preamble").match(question)
    rest = question[m.end():] if m else question
    named = rest.strip(" ，,。.？?！!~～")
    if not any(c.isalnum() for c in rest) or named in table().word_set("doc") | table().word_set("genre"):
        return question
    return rest


def asks_for(question: str) -> str | None:
    """The kind of fact the question asks for (when, who, count …), or None. A question that
    ends asking which task ("…到底有多少、分布在哪，这是哪项工作？"), whether there is such work
    ("…，有这个安排吗") or about what it points back to ("…，这种做法行吗", "…——这个叫什么")
    asks what its last clause asks: the clauses before it describe the task. One that opens on
    which thing it asks for, describing it after 是 ("哪个平台是…的"), asks what that head asks."""
    question = pattern("quoted").sub("“”", question)  # a name quoted (“省级主管部门”) is searched, no fact asked
    last = re.split(r"[，,；;—]", question.rstrip("？?。.！! "))[-1]
    if last != question and any(table().flag(name, last) for name in ("which_task", "task_asked", "points_back")):
        question = last
    if head := pattern("which_described").match(question):
        question = head.group(0)
    if table().flag("times_said", question):
        return None
    for name, asking, _ in table().asks:
        if any(not (name == "count" and _some(question, m)) for m in asking.finditer(question)):
            return name
    return None


def fact_named(phrase: str) -> str | None:
    """The kind of fact a phrase names as what it asks ("孵化基地建成时间" → when, "重点项目数量"
    → count: a count noun ends it), said with no asking word; None for none, or for a kind any
    task answers (part, whether)."""
    from planqa.assistant.evidence import NO_FACT_NEEDED  # evidence reads this module's table

    kind = asks_for(f"{phrase}？") or ("count" if phrase.endswith(tuple(table().words["count_noun"])) else None)
    return kind if kind not in NO_FACT_NEEDED else None


def contact_media(question: str) -> tuple[Medium, ...]:
    """The ways to be contacted the question names ("邮箱是多少" → e-mail), in its order; () when it
    names none (any answers). A word inside a longer one said counts as that one (邮件地址 is no
    地址); a way of reaching someone named beside the person (联系人电话) is what is asked."""
    lowered = question.lower()
    taken: list[range] = []
    found: dict[str, tuple[int, Medium]] = {}
    for word, medium in _media_words():
        start = lowered.find(word)
        while start >= 0:
            span = range(start, start + len(word))
            if not any(start in r or span[-1] in r for r in taken):
                found.setdefault(medium.name, (start, medium))
            taken.append(span)  # an overlapping word covers its own inner words too
            start = lowered.find(word, start + 1)
    ordered = [m for _, m in sorted(found.values(), key=lambda pm: pm[0])]
    return tuple([m for m in ordered if m.kind == "contact"] or ordered)


@cache
def _media_words() -> tuple[tuple[str, Medium], ...]:
    """Every word said of a way to be contacted, with its way, longest first (sorted once)."""
    return tuple(sorted(((w, m) for m in table().media for w in m.said), key=lambda wm: -len(wm[0])))


def _some(question: str, m: re.Match[str]) -> bool:
    """Whether the 几 matched says some and counts nothing: in a question of yes or no ("能不能再拆
    几个课题一起报", "想办几个会，支持吗") or in a clause of condition before what is asked
    ("几所学校合作申请的话，…", "如果报几个项目，…") or naming those who do so ("几家单位联合申报
    的，…"; not "有几个县参加的，…"): what it supposes is not asked."""
    return m.group(0).startswith("几") and bool(
        pattern("yes_no").search(question, 0, m.start()) or pattern("yes_no_after").search(question, m.end())
        or (pattern("if_before").search(question, 0, m.start()) and pattern("clause_closes").match(question, m.end()))
        or pattern("if_after").match(question, m.end())
        or (pattern("done_by").match(question, m.end()) and not pattern("has_before").search(question, 0, m.start())))


# --- what the question is asked about ---------------------------------------------------------

@dataclass(frozen=True)
class Frame:
    """What a rule may consult: the conversation and the plan asked (its parts' numbers and
    titles, and its document nouns: the genre's own word, 方案 or 意见, besides 文件/通知)."""

    context: Context | None = None
    section_titles: tuple[tuple[str, str], ...] = ()
    doc_nouns: tuple[str, ...] = ()
    owner: tuple[str, ...] = ()  # owner_names()
    part_sizes: tuple[int, ...] = ()  # how many tasks each part holds, in section_titles' order
    common: frozenset[str] = frozenset()  # runs of the titles that are the plan's subject
    part_texts: tuple[tuple[str, ...], ...] = ()  # each part's tasks (title and text), in section_titles' order
    title: str = ""  # the plan's title: a document it names by its genre (指导意见) is itself
    task_titles: tuple[tuple[int, str, str], ...] = ()  # (number, its part's number, title) of the body's tasks
    parts: tuple[str, ...] = ()  # every part's title, the attachments' too
    headings: tuple[str, ...] = ()  # ... and every task's
    attached_titles: tuple[tuple[str, str, str], ...] = ()  # (ref, title, its attachment's title) of the
    # attachments' parts: 附件1/四, 重点工作, 数字化试点实施方案
    main_line: str = ""  # the opening's 以…为主线: its words asked of are the plan's (改革的主线)

    def part_index(self, number: str | None) -> int | None:
        """Where the part numbered so stands in ``section_titles`` and ``part_texts``; None when
        its tasks' texts are not known."""
        at = next((i for i, (n, _) in enumerate(self.section_titles) if n == number), None)
        return at if at is not None and at < len(self.part_texts) else None

    @cached_property
    def all_parts(self) -> tuple[str, ...]:
        """Every part's title (the body's when none are given)."""
        return self.parts or tuple(title for _, title in self.section_titles)

    @cached_property
    def all_headings(self) -> tuple[str, ...]:
        """Every heading: the parts' and tasks' titles (from the body's when none are given)."""
        return self.headings or self.all_parts + tuple(title for *_, title in self.task_titles)

    @cached_property
    def role_names(self) -> tuple[tuple[str, str], ...]:
        """(another name, the part it names) of the parts playing a role (query.role_names): an
        attachment's 保障措施 keeps the body's 组织实施 from being called so."""
        return role_names(self.all_parts, self.all_headings, table().roles)


def plan_frame(plan: Plan | None, context: Context | None = None) -> Frame:
    """The frame of a question asked of ``plan``: its parts, its document nouns (工作要点, also
    要点) and the names of its organization."""
    if plan is None:
        return Frame(context)
    genre = plan.genre or ""
    nouns = tuple(genre[i:] for i in range(len(genre) - 1))
    titles = tuple((s.number, s.title) for s in plan.body)
    sizes = tuple(len(s.tasks) for s in plan.body)
    tasks = tuple((t.number, s.number, t.title) for s in plan.body for t in s.tasks)
    parts = tuple(s.title for s in plan.sections)
    attached = tuple((s.ref, s.title, plan.attachment_title(s.attachment))
                     for s in plan.sections if s.attachment and s.number and s.title)
    return Frame(context, titles, nouns, owner_names(plan.title, plan.issuer, nouns), sizes, common_phrases(plan),
                 part_texts(plan), plan.title or "", tasks, parts, parts + tuple(t.title for t in plan.tasks), attached,
                 main_line(plan)[1])


def needs_met(needs: str, ctx: Context | None) -> bool:
    if not needs:
        return True
    if ctx is None:
        return False
    return {"task": ctx.task is not None, "section": bool(ctx.section),
            "tasks": bool(ctx.section or ctx.tasks), "list": len(ctx.listed) > 1, "seen": bool(ctx.seen)}[needs]


def understand(question: str, frame: Frame = Frame()) -> Query:
    """The Query of a normalized question: the first rule that matches and builds one. A part
    called by another name of its role (保障措施 for the part 组织保障) is read as printed."""
    question = as_printed(question, frame.role_names, table().words["role_before"])
    asks = asks_for(question)
    if asks in table().word_set("heading_named"):
        asks = asks_for(_headings_quoted(question, frame.all_headings))
    doc = doc_pattern(frame.doc_nouns)
    for rule in rules_for(frame.doc_nouns, frame.owner):
        if not needs_met(rule.needs, frame.context):
            continue
        m = rule.pattern.search(question) if rule.pattern is not None else None
        if rule.pattern is not None and m is None:
            continue
        query = BUILDERS[rule.builds](Match(question, m, rule, frame, asks, doc))
        if query is not None:
            # (a rule that read part of the question through another keeps that one's name)
            return replace(carried(query, question, m, frame.context), rule=query.rule or rule.name)
    raise AssertionError("rules.toml must end with a rule that always builds")


HEADING_NAME_CHARS = 4  # a heading this long held whole names a thing (基础共性标准), asks nothing


def _headings_quoted(question: str, headings: Sequence[str]) -> str:
    """The question with each heading of the plan it holds whole quoted, as a quoted name is:
    "基础共性标准是什么" asks what that part says, no criterion (标准是什么)."""
    quoted: list[str] = []
    for heading in sorted(headings, key=len, reverse=True):
        if len(heading) >= HEADING_NAME_CHARS and heading in question and not any(heading in q for q in quoted):
            question = question.replace(heading, f"“{heading}”")  # (not again inside a longer one)
            quoted.append(heading)
    return question


@dataclass(frozen=True)
class Match:
    question: str
    m: re.Match | None
    rule: Rule
    frame: Frame
    asks: str | None
    doc: re.Pattern

    @property
    def ctx(self) -> Context | None:
        return self.frame.context

    def group(self, *numbers: int) -> str | None:
        return next((self.m.group(n) for n in numbers if self.m and self.m.group(n)), None)

    def preceded_by(self, words: str) -> bool:
        """Whether the text just before the match ends with a word of the list ``words``."""
        return self.question[: self.m.start()].endswith(tuple(table().word_set(words)))

    def followed_by(self, words: str) -> bool:
        """Whether the text after the match (spaces skipped) opens with a word of ``words``."""
        return self.question[self.m.end():].lstrip().startswith(tuple(table().word_set(words)))


def carried(query: Query, question: str, m: re.Match | None, ctx: Context | None) -> Query:
    """An elliptical follow-up about a task ("那第5项呢？", "下一项呢？", "它呢？") asks what the
    previous question asked: after "第3项什么时候完成？" it asks when."""
    if query.kind != "task" or query.asks or ctx is None or not ctx.question:
        return query
    rest = question[: m.start()] + question[m.end():] if m else question
    if not table().flag("elliptical", rest):
        return query
    asks = asks_for(ctx.question)
    if asks == "count" and rule("count_tasks").pattern.search(ctx.question) and not task_numbers(ctx.question):
        return query  # "有几条？" counted the tasks shown, no fact a task of them states (第4项有几条措施 did)
    return replace(query, asks=asks, followup=True, carried=True) if asks else query


def _chat(x: Match) -> Query:
    return Query("chat", meta=x.rule.name)


def _section_place_en(x: Match) -> Query:
    word = x.group(1).lower()
    place = -1 if word == "last" else to_int(word)
    return Query("task", section=to_int(x.group(2)), section_place=place, asks=x.asks)


def _last_task(x: Match) -> Query | None:
    titles = x.frame.section_titles
    if x.group(1):  # 倒数第二条: counted back from the plan's last task, as numbered (1,2,3,13…)
        back = to_int(x.group(1))
        if not back or back > len(x.frame.task_titles):
            return None
        number, part, _ = x.frame.task_titles[-back]
        return Query("task", task=number, section_number=part, asks=x.asks)
    return Query("task", section_number=titles[-1][0], section_place=-1, asks=x.asks) if titles else None


SENTENCE_MARKS = "。？?！!"


def _named_task(x: Match) -> Query | None:
    """The task named by the words before 那条 ("人才工作那条里…", "学术交流那项还办什么"): the one
    whose title holds the longest end of those words (at least half of them, two characters or
    more). Several titles holding it: the ones in the latest list, then the ones whose first
    clause holds it (a title opens with what the task is about). Two things joined ("这条跟海智
    那条…") or no single title: not one task named."""
    from planqa.assistant.extractive import bare  # extractive reads this module's table

    name = x.group(1)
    if name.startswith(tuple(table().words["besides"])) or x.followed_by("besides_after"):
        return None  # "除了科技馆那条，还有哪里…": the other tasks are asked for
    if name.endswith(tuple(table().words["work_verb"])) and "这" in x.m.group(0)[len(name):]:
        return None  # "推进这项工作要坚持什么": the work the verb acts on (not "工作落实那条")
    if x.followed_by("and"):
        return None  # "整改那条和落实那条…": two things, not one named
    for size in range(len(name), 1, -1):
        if 2 * size < len(name):
            return None
        end = name[-size:]
        holders = [t for t in x.frame.task_titles if end in bare(t[2])]
        if not holders:
            continue
        if name[:-size].endswith(tuple(table().words["and"])):
            return None  # "这条跟海智那条…": the other of two things
        listed = set(x.ctx.listed) if x.ctx else set()
        for narrower in (lambda t: t[0] in listed, lambda t: end in title_clauses(bare(t[2]))[0]):
            if len(holders) > 1 and (kept := [t for t in holders if narrower(t)]):
                holders = kept
        if len(holders) != 1:
            return None
        number, section, _ = holders[0]
        # what the sentence naming it asks ("一共几条？另外科技馆那条在哪部分": the part)
        before, after = x.question[: x.m.start()], x.question[x.m.start():]
        opens = max((before.rfind(mark) + 1 for mark in SENTENCE_MARKS), default=0)
        ends = min((i + 1 for mark in SENTENCE_MARKS if (i := after.find(mark)) >= 0), default=len(after))
        sentence = before[opens:] + after[:ends]
        return Query("task", task=number, section_number=section or None, asks=asks_for(sentence))
    return None


def _section_en(x: Match) -> Query:
    return Query("section", section=to_int(x.group(1, 2)))


def _section_place(x: Match) -> Query | None:
    place = -1 if x.group(3) else to_int(x.group(2, 5) or "")
    if x.group(1, 4):  # 第五部分第二项, 第五章第二部分
        return Query("task", section=to_int(x.group(1, 4)), section_place=place, asks=x.asks)
    if x.ctx and x.ctx.section and place:
        return Query("task", section_number=x.ctx.section, section_place=place, asks=x.asks, followup=True)
    return None


def _section_label(x: Match) -> Query | None:
    section, place = to_int(x.group(1) or x.group(2) or ""), to_int(x.group(3))
    return Query("task", section=section, section_place=place, asks=x.asks) if section and place else None


def _part_by_word(before: str, titles: Sequence[tuple[str, str]]) -> str | None:
    return section_by_word(before, titles, table().words["part_tail"])


MIN_TASK_TITLE = 4  # a task's title this long, whole before a place, names the task whose items are counted


def _titled_label(x: Match) -> Query | None:
    place = to_int(x.group(1, 2, 3, 4) or "")
    before = x.question[: x.m.start()].rstrip("第的里中 ")
    titles = x.frame.section_titles
    named = [(n, part) for n, part, title in x.frame.task_titles
             if len(title) >= MIN_TASK_TITLE and before.endswith(title) and all(title != t for _, t in titles)]
    if len(named) == 1 and place:  # "核心技术标准的第3项": the third item that task lists
        return Query("task", task=named[0][0], section_number=named[0][1], item_place=place, asks=x.asks)
    number = (section_by_title(before, titles, x.frame.common) or _part_by_word(before, titles)) if before else None
    if not (number and place):
        return None
    sizes = dict(zip((n for n, _ in titles), x.frame.part_sizes))
    if not x.group(1) and place > sizes.get(number, place):
        return None  # "科普工作的第17项" where tasks are numbered across the plan: task 17
    return Query("task", section_number=number, section_place=place, asks=x.asks)


def _task_number(x: Match) -> Query | None:
    n = to_int(x.group(1, 2, 3, 4, 5, 6, 7, 8) or "")
    if n is None:
        return None
    numbers = task_numbers(x.question)
    rest = x.question[: x.m.start()] + x.question[x.m.end():]
    last = rule("last_task").pattern.search(x.question)
    if x.frame.task_titles and last and x.question[: last.start()].endswith(tuple(table().words["and"])):
        numbers.append(max(k for k, *_ in x.frame.task_titles))  # "第二项和最后一项": the plan's last task too
    also = tuple(dict.fromkeys(k for k in numbers if k != n))
    asks = x.asks if asks_for(rest) else None  # "第5项讲什么" asks for the task itself
    listed = x.ctx.listed if x.ctx else ()
    if not also and x.m.group(1) and len(listed) > 1 and 0 < n <= len(listed):
        # after a list (第六部分的任务: 20, 21), "第一项要形成什么" is the list's first
        return Query("task", task=listed[n - 1], asks=asks, followup=True)
    item = not also and x.m.group(0).rstrip().endswith("条")  # 第8条: a printed item, if any
    return Query("task", task=n, asks=asks, also=also, item=item)


def task_numbers(question: str) -> list[int]:
    """Every task number in the question, in order (第4条和第5条, 第3、4项 → 3 and 4)."""
    return numbered(question, "task_number", "项|条")


def joined(text: str) -> list[str]:
    """The text split where a joiner (和, 与, 及, 或, 、 … the `and` words) joins things; a joiner
    is a word of its own, not a character of one (涉及, 参与, 及时, 跟踪). The segmenter decides:
    科普及教育 reads 科/普及/教育 and stays whole."""
    joiners = table().word_set("and")
    parts = [""]
    for word in pieces(text):
        if word in joiners:
            parts.append("")
        else:
            parts[-1] += word
    return parts


def rule(name: str) -> Rule:
    """One of the table's rules, by its name."""
    return next(r for r in table().rules if r.name == name)


def numbered(question: str, rule_name: str, noun: str) -> list[int]:
    """Every number the rule finds in the question, and each number of a list before one noun
    (第3、4项, 第六和第七部分), in order."""
    t = table()
    found = []
    for m in rule(rule_name).pattern.finditer(question):
        value = next((g for g in m.groups() if g), None)
        found.append((m.start(), to_int(value or "")))
    listed = re.compile(expand(r"第\s*((?:(?:{num})\s*(?:{joiner})\s*第?\s*)+)(?:{num})\s*(?:" + noun + ")", t.words))
    num = re.compile(expand("{num}", t.words))
    for m in listed.finditer(question):  # 第3、4项: every number of the list
        found += [(m.start(), to_int(v)) for v in num.findall(m.group(0))]
    return [n for _, n in sorted(found) if n is not None]


def _section_number(x: Match) -> Query | None:
    n = to_int(x.group(1, 2) or "")
    if n is None:
        return None
    also = tuple(dict.fromkeys(k for k in numbered(x.question, "section_number", "{section_noun}") if k != n))
    before = x.question[: x.m.start()]
    if not also and x.ctx and len(x.ctx.tasks) > 1 and (
            any(w in before for w in table().word_set("these_tasks")) or table().flag("within", before)):
        return Query("section", section=n, within=True, followup=True)  # "这几个里哪些在第四部分": among them
    if not also and _one_inside(x, x.question[x.m.end():]):
        return Query("search", section=n, asks=x.asks)  # "第一部分里哪条讲八项规定": searched in it
    if not also and (task := _task_titled_after(x, n, x.question[x.m.end():])):
        return Query("task", task=task, asks=x.asks)  # "第二章技术架构…": the part's task so titled
    return Query("section", section=n, also=also)  # 第六部分和第七部分: each in turn


def _task_titled_after(x: Match, n: int, after: str) -> int | None:
    """The part's task whose title the words after the part's name quote, as a part's own title
    is quoted (``section_by_title``): a reader naming the place down to the item."""
    if x.asks == "count" or table().flag("enumerate", after) or any(
            w in x.question[: x.m.start()] for w in table().words["attachment_noun"]):
        return None  # its items asked for (…有几个, 哪几条); an attachment's part (titles are the body's)
    titles = [(str(number), title) for number, part, title in x.frame.task_titles if to_int(part) == n]
    own = [(number, title) for number, title in x.frame.section_titles if to_int(number) == n]
    if not titles or section_by_title(after, own, x.frame.common):
        return None  # "第一部分讲从严治党，有哪几条": the part's own words say which part it is
    found = section_by_title(after, titles, x.frame.common)
    return int(found) if found else None


def _one_inside(x: Match, after: str) -> bool:
    """Whether the words after a part's name ask which one of its items treats a thing the plan
    prints ("里哪条讲八项规定", "中关于网上科协的是哪一项"), not for its items (有哪些任务)."""
    which = pattern("which_one").search(after)
    return bool(which) and _names_a_printed_topic(x, after[: which.start()] + "，" + after[which.end():])


def _part_at(x: Match, at: int) -> Query | None:
    """The body's part at that place (0 the first, -1 the last); None when there is none."""
    titles = x.frame.section_titles
    return Query("section", section_number=titles[at][0]) if -len(titles) <= at < len(titles) else None


def _last_section(x: Match) -> Query | None:
    """A part counted from the end (倒数第二块), by position: of the body, or of the attachment
    the question names (推荐表最后一部分)."""
    back = to_int(x.group(1)) if x.group(1) else 1  # not bounded by the body's parts: a named
    # attachment may have more (find_section finds it, or missing_section says there is none)
    return Query("section", section=-back) if back and back > 0 and x.frame.section_titles else None


def _first_section(x: Match) -> Query | None:
    return _part_at(x, 0)


def _section_title(x: Match) -> Query | None:
    # 方面, 这块 name topics, unless the question asks what lies under them (下面有几项)
    by_word = (x.m.group(0) not in table().word_set("topic_section_word")
               or bool(pattern("under_part").match(x.question[x.m.end():].lstrip())))
    before = x.question[: x.m.start()]
    if by_word:  # "智库和自身建设这两部分": each part its word names
        named = [_part_by_word(p, x.frame.section_titles) for p in joined(before)]
        if len(named) > 1 and None not in named and len(set(named)) == len(named):
            return Query("section", section_number=named[0], also=tuple(named[1:]))
    number = section_by_title(x.question, x.frame.section_titles, x.frame.common)
    if number is None and by_word:  # "改革那部分"
        number = _part_by_word(before, x.frame.section_titles)
    if not by_word and (_topic_inside(x, number, before) or _topic_in_part(x, number)):
        return None  # "保障措施里资金方面有什么支持": a topic inside the part, searched
    if _thing_named_in_part(x, number):  # "智库那部分要办好哪个直通车": one thing inside it asked by name
        return Query("search", section=to_int(number), asks=x.asks)  # searched in the part
    return Query("section", section_number=number) if number else None


def _topic_inside(x: Match, number: str | None, text: str) -> bool:
    """Whether ``text`` names the part by its title and then, after 里/中, a thing inside it
    ("保障措施里，资金和人才…"; not "重点任务的第五个方面", "重点任务分为几个方面")."""
    return _thing_inside(x, text, dict(x.frame.section_titles).get(number or "", ""))


INSIDE_WORDS = ("里面", "当中", "之中", "里", "中")


def _thing_inside(x: Match, text: str, title: str) -> bool:
    """Whether ``text`` names ``title`` and then, after 里/中, a thing inside it."""
    after = text.split(title, 1)[1] if title and title in text else ""
    inside = next((after[len(w):] for w in INSIDE_WORDS if after.startswith(w)), "")
    return bool(inside) and names_a_topic(inside) and _names_a_thing(x, inside)


IN_PART_WORDS = 2  # words of the question only the part's tasks print: a thing inside it


def _topic_in_part(x: Match, number: str | None) -> bool:
    """Whether the question names, besides the part, things some of its tasks print (at most
    half of them) and its title does not ("人才培养方面，高校和企业怎么合作": 高校, 企业;
    "做芯片、框架这类支撑的培养方向都包括啥"); one such word is the part's own business ("保障措施
    方面怎么落实"), and a question asking which part it is asks for the part."""
    if (part := _part_looked_into(x, number)) is None:
        return False
    asked = content_words(x.doc.sub(" ", pattern("by_genre").sub(" ", x.question)))  # 这份意见: the plan
    inside = _inside(x, part, asked)
    return len(inside) >= IN_PART_WORDS or any(_qualified(x.question, w, *part) for w in inside)


def _thing_named_in_part(x: Match, number: str | None) -> bool:
    """Whether the question asks for one thing by name ("哪个规划", "哪两份文件", "有个联盟是什么")
    that some of the part's tasks print and its title does not: a thing inside the part, whatever
    else is said of it. Read from the question as typed (哪个规划 names another document, not this
    one)."""
    if (part := _part_looked_into(x, number)) is None:
        return False
    things = [m.group(m.lastindex) for m in pattern("thing_named").finditer(x.question)]
    return bool(_inside(x, part, [w for thing in things for w in content_words(thing)]))


def _part_looked_into(x: Match, number: str | None) -> tuple[str, tuple[str, ...]] | None:
    """The title and the tasks' texts of the part the question names, unless it asks which part
    a thing is in."""
    at = x.frame.part_index(number)
    return None if x.asks == "part" or at is None else (x.frame.section_titles[at][1], x.frame.part_texts[at])


def _inside(x: Match, part: tuple[str, tuple[str, ...]], said: Iterable[str]) -> set[str]:
    """The words said that some of the part's tasks print (at most half of them), its title does
    not and no part's business is (全省, 各级, 开展, 落实 …)."""
    title, tasks = part
    words = table().word_set
    skip = generic_words() | set(x.frame.owner) | words("topicless") | words("own_plan") | words("work_verb")
    return {w for w in said if len(w) > 1 and w not in skip and w not in title
            and 0 < 2 * sum(w in task for task in tasks) <= len(tasks)}


def _qualified(question: str, word: str, title: str, tasks: Sequence[str]) -> bool:
    """Whether ``word`` narrows the part's name the question goes on with into a thing a task
    prints (青年 + 科技人才 of a part titled …科技人才工作: a task's 青年科技人才)."""
    if (at := question.find(word)) < 0:
        return False  # a word content_words changed (AI → ai)
    at += len(word)
    size = next((n for n in range(len(question) - at, 1, -1) if question[at:at + n] in title), 0)
    return size > 0 and any(f"{word}{question[at:at + size]}" in task for task in tasks)


CLAUSE_CHARS = 6  # a clause of a part's title this long names the part, as its whole title does
MIN_ATTACHED_TITLE = 4  # an attachment's part named by a title this long (重点工作), as 保障措施 is


def _attached_part_alone(x: Match, title: str, attachment: str) -> bool:
    """Whether the question names the attachment's part by its title and nothing besides the
    plan and that attachment ("实施方案里重点工作都有哪些"; not "服务商方面的重点工作", nor
    "重点工作里资金…": a thing inside it)."""
    before = x.question.split(title, 1)[0]
    own = [w for w in content_words(_besides_the_plan(x, before)) if len(w) > 1 and w not in attachment]
    return not own and not _thing_inside(x, x.question, title)


def _section_named(x: Match) -> Query | None:
    """A part asked for by its whole title, without the word 部分: "保障措施都有哪些？"."""
    named = titles_named(x.question, x.frame.section_titles, x.frame.common, table().words["work_verb"])
    if not named and not table().flag("literal", x.question):  # "服务创新驱动发展的任务有哪些": a clause of it
        named = [number for number, title in x.frame.section_titles
                 if any(len(c) >= CLAUSE_CHARS and c in x.question and not _names_a_thing(x, x.question.split(c)[0])
                        for c in title_clauses(title))]
    if not named and not any(title in x.question for *_, title in x.frame.task_titles):
        # "附件方案里的重点工作都有哪些" of a plan whose attachment alone has a part titled so
        attached = [(ref, title, of) for ref, title, of in x.frame.attached_titles
                    if len(title) >= MIN_ATTACHED_TITLE and title in x.question]
        if len(attached) == 1 and _attached_part_alone(x, *attached[0][1:]):
            return Query("section", section_number=attached[0][0])
    if len(named) != 1:
        return None
    title = dict(x.frame.section_titles)[named[0]]
    asked = re.search(f"(?:{alternatives(table().words['which'])}|什么){re.escape(title)}", x.question)
    if _topic_inside(x, named[0], x.question) or (not asked and _topic_in_part(x, named[0])):
        return None  # "保障措施里，资金和人才这两方面…": topics inside the part, searched
    return Query("section", section_number=named[0])


@cache
def _plan_things() -> tuple[str, ...]:
    """The words for a plan's items (`plan_things`), longest first."""
    return tuple(sorted(table().words["plan_things"], key=len, reverse=True))


def _section_asked(x: Match) -> Query | None:
    """A part asked for by its whole title right after 哪些/什么: "方案提出了哪些保障措施？"."""
    after = x.question[x.m.end():]
    if _names_a_thing(x):
        return None  # "人才培养有什么保障措施": measures for a thing, not the part
    for number, title in x.frame.section_titles:
        if len(title) < 4 or not after.startswith(title):
            continue
        rest = after[len(title):].removeprefix("的")
        rest = rest[len(next((w for w in _plan_things() if rest.startswith(w)), "")):]  # 组织实施措施: its items
        if not any(c.isalpha() for c in rest):
            return Query("section", section_number=number)
    # "有哪几条保障？": the title said without its last word, one for items (保障措施)
    stem = pattern("closing").sub("", after).rstrip("？?。！! ").removesuffix("吗")
    if len(stem) < 2 or not all_han(stem):
        return None
    titled = [number for number, title in x.frame.section_titles
              if title.startswith(stem) and title[len(stem):] in _plan_things()]
    return Query("section", section_number=titled[0]) if len(titled) == 1 else None


def _which_listed(x: Match) -> Query | None:
    listed = x.ctx.listed  # the latest answer's own list, not one further back
    return Query("task", task=listed[0], also=listed[1:], followup=True) if len(listed) > 1 and x.ctx.tasks == listed else None


def _listed_thing(x: Match) -> Query | None:
    """"第二个是啥" after one task's answer that quoted a list of things: that thing."""
    found = listed_thing(x.question, x.ctx) if x.asks is None else None  # "第二个什么时候完成": a task's fact
    return Query("task", task=x.ctx.task, followup=True, thing=found[0]) if found else None


def _listed_count(x: Match) -> Query | None:
    """"一共几个" after one task's answer that quoted a list of things: how many it lists."""
    return Query("task", task=x.ctx.task, followup=True, asks="count", things=True) if listed_count(x.question, x.ctx) else None


def _list_reference(x: Match) -> Query | None:
    n = list_reference(x.question, x.ctx)
    return Query("task", task=n, asks=x.asks, followup=True) if n is not None else None


def _list_rest(x: Match) -> Query | None:
    """The latest list's tasks not answered one by one since: "剩下那条是关于啥的" is the one
    left, "剩下两项里哪个讲学会" is searched among those left, "剩下两项呢" lists them."""
    rest = x.ctx.rest
    if not rest or len(rest) == len(x.ctx.listed):
        return None  # none of the list answered since: 剩下 points at no part of it
    said = pattern("in_part_head").sub("", x.question[x.m.end():])
    asks = asks_for(x.question[: x.m.start()] + said)  # "剩下几条里…" counts nothing
    if len(rest) == 1:
        return Query("task", task=rest[0], asks=asks, followup=True)
    if topicless(x.question[: x.m.start()] + said):
        return Query("task", task=rest[0], also=rest[1:], asks=asks, followup=True)
    return Query("search", within=True, among=rest, asks=asks, followup=True)


# The rules whose reading of what follows the words going back yields to it: a topic searched,
# "它" (that topic, not the task in view), a bare term.
RETURN_SEARCHED = frozenset({"search", "this_task", "bare_term"})


def _return_to(x: Match) -> Query | None:
    """"回到论坛，谁负责": the topic named after the words going back, searched among the tasks
    earlier answers cited; what follows as another rule reads it ("说回上一条，谁负责": the
    previous task; "回过头来看，一共几项任务": a count); None when it names nothing ("回到那条")."""
    rest = x.question[x.m.end():].lstrip(" ，,、：:")  # what follows, read from its start (^ rules)
    if not rest.strip(" ，,、。.？?！!：:"):
        return None
    other = understand(rest, x.frame)
    if other.rule not in RETURN_SEARCHED:
        return other
    skip = table().word_set("topicless") | table().word_set("return_pointing")
    if not any(len(w) > 1 and w not in skip and not pointing(w) for w in content_words(rest)):
        return None  # "回到那条，谁负责", "回头说说那个": pointing words only
    return Query("search", within=True, among=x.ctx.seen, asks=x.asks, followup=True)


def _next(x: Match) -> Query:
    return Query("task", task=x.ctx.task + 1, followup=True)


def _prev(x: Match) -> Query:
    return Query("task", task=x.ctx.task - 1, followup=True)


def _its_section(x: Match) -> Query:
    return Query("section", section_number=x.ctx.section, followup=True)


def _this_section(x: Match) -> Query | None:
    t, q, ctx = table(), x.question, x.ctx
    if any(w in q[: x.m.start()] for w in t.word_set("these_tasks")):
        return None  # "这两项是不是在同一个部分": those tasks' parts
    if _names_another_part(x, q[: x.m.start()]):
        return None  # "那安全生产这块？" after a task of another part: that topic, searched
    if t.flag("rest", q):  # "这一部分剩下的呢？"
        return Query("section", section_number=ctx.section, followup=True, besides=ctx.task)
    if (few := pattern("next_few").search(q)) and (n := to_int(few.group(2))):  # "同部分后面两条"
        place = n if few.group(1).startswith("后") else -n
        return Query("section", section_number=ctx.section, followup=True, besides=ctx.task, section_place=place)
    # "这部分除了这条还有别的任务吗" names nothing: the words pointing at the task shown are no topic
    rest = re.sub(alternatives([*t.words["besides"], *t.words["this_task"]]), "", q[: x.m.start()] + q[x.m.end():])
    named = not topicless(rest)
    besides = ctx.task if t.flag("others", q) else None  # "人才引进这块还有其他的吗": not the task shown
    # "这部分里和青少年有关的是哪项"; "这块给了多少经费？" asks a fact of it, not its tasks
    # "同一部分里学会改革试点选多少个学会": a count of a thing it names, searched there
    counted = x.asks == "count" and _names_a_printed_topic(x, rest)  # not 一共有几项任务
    # "学术交流这块有哪些活动": a topic the part in view prints, asked which: searched there (not
    # 这部分有哪些建设任务: a word of what is done, or of the part's own title, is all of it)
    printed = named and (at := x.frame.part_index(ctx.section)) is not None and _names_a_printed_topic(
        x, rest, at, exclude=t.word_set("work_verb") | set(content_words(x.frame.section_titles[at][1])))
    if t.flag("within", q) or (named and (not t.flag("several", q) or counted or printed)) or (
            x.asks not in (None, "count", "part", "whether") and not t.flag("apart", q)):
        return Query("search", within=True, asks=x.asks, followup=True, besides=besides)
    return Query("section", section_number=ctx.section, followup=True, besides=besides)


MIN_AREA_CHARS = 3  # a topic named before 这块 that can stand for an area (安全生产; not 网上, 人才)


def _names_another_part(x: Match, before: str) -> bool:
    """Whether the words before 这块 name a topic ("安全生产这块") that no task of the part in view
    prints and a task of another part does: the area of that topic, not the part in view. A
    word of two characters (网上这块) says which side of the task in view."""
    at = x.frame.part_index(x.ctx.section)
    topic = before.strip(" ，,")
    topic = topic[2:] if topic.startswith("那么") else topic[1:] if topic.startswith("那") else topic
    if at is None or len(topic) < MIN_AREA_CHARS or not names_a_topic(topic):
        return False
    elsewhere = [task for i, part in enumerate(x.frame.part_texts) if i != at for task in part]
    return not any(topic in task for task in x.frame.part_texts[at]) and any(topic in task for task in elsewhere)


def _within(x: Match) -> Query | None:
    """"其中…", "这些当中…": asked among the tasks in view; of several, "其中哪几条讲了X" lists
    those saying X, as "这几条里…" does (these_tasks)."""
    if x.m.group(0) in table().word_set("these_within") and len(x.ctx.tasks) < 2:
        return None  # "这些里面…" after one task: not those in view
    rest, tasks = x.question[x.m.end():], x.ctx.tasks
    if len(tasks) > 1 and not x.asks and (table().flag("which_several", rest) or table().flag("mentioned_whether", rest)):
        return Query("mention", within=True, among=tasks, listing=True, followup=True, literal=True)
    if len(tasks) > 1 and x.asks and table().flag("which_stating", rest):  # "其中哪几项有时间要求": those stating one
        return Query("search", within=True, asks=x.asks, followup=True, among=tasks)
    return Query("search", within=True, asks=x.asks, followup=True)


def _this_task(x: Match) -> Query | None:
    if x.preceded_by("besides"):
        return None  # "除了这一项，还有哪里提到论坛": the other tasks (mention, besides the context)
    after = x.question[x.m.end():]
    named = pattern("pointed_term").match(after)  # "它提到的院士专家工作站，别的条目…": the term after it
    if (other := pattern("other_place").search(after)) and names_a_topic(
            x.question[: x.m.start()] + "，" + (after[named.end(): other.start()] if named else "")):
        return Query("mention", listing=True, followup=True,  # "院士专家工作站这条里有，别的地方还提过吗"
                     literal=table().flag("literal", x.question))
    return Query("task", task=x.ctx.task, asks=x.asks, followup=True)


def _these_tasks(x: Match) -> Query | None:
    if x.followed_by("section_word"):
        return None  # 这两个部分: parts, the part rules'
    tasks = x.ctx.tasks or ((x.ctx.task,) if x.ctx.task is not None else ())
    counted = to_int(x.m.group(0)[1:2]) if x.m.group(0)[1:2] in "两三" else None
    if counted and len(tasks) < counted <= len(x.ctx.recent):  # "这两条" after two tasks asked in turn
        tasks = tuple(reversed(x.ctx.recent[:counted]))
    elif len(tasks) < 2 and len(x.ctx.listed) > 1 and not x.m.group(0).endswith(("它们",)):
        tasks = x.ctx.listed  # "这两项" after one task of an earlier list: the list
    rest = x.question[: x.m.start()] + x.question[x.m.end():]
    if not tasks:
        return None
    each_saying = Query("mention", within=True, among=tasks, listing=True, followup=True, literal=True)
    if x.followed_by("in_part"):  # "这两项里哪项和青少年有关": searched among them
        if (table().flag("which_several", rest) or table().flag("mentioned_whether", rest)) and not x.asks:
            return each_saying  # "这几条里哪些还提到了院士", "这几条里有没有讲到青年的"
        if x.asks and table().flag("which_stating", rest):  # "这几项里哪个给了明确的完成时限": those stating one
            return Query("search", within=True, asks=x.asks, followup=True, among=tasks)
        return Query("search", within=True, asks=x.asks, followup=True)
    if not topicless(rest):
        if len(tasks) > 1 and not x.asks and table().flag("mentioned_whether", rest):
            return each_saying  # "这两条都提青年了吗"
        return None
    return Query("task", task=tasks[0], also=tasks[1:], asks=x.asks, followup=True)


def _each_of_them(x: Match) -> Query | None:
    tasks = tuple(t for t in x.ctx.tasks if t in x.ctx.seen) or x.ctx.tasks  # not those cited as related
    return Query("task", task=tasks[0], also=tasks[1:], followup=True) if tasks else None


def _else(x: Match) -> Query:
    rest = [t for t in x.ctx.listed if t != x.ctx.task]
    plain = topicless(x.question[: x.m.start()] + x.question[x.m.end():])
    if rest and plain:  # "还有别的吗？"
        return Query("task", task=rest[0], also=tuple(rest[1:]), followup=True)
    other_tasks = any(w in x.question for w in table().words["task_word"])  # 还有其他任务吗: other tasks
    if plain and not other_tasks and not x.ctx.listed and x.ctx.task is not None:  # "还有别的要求吗？": the
        return Query("task", task=x.ctx.task, asks=x.asks, followup=True)  # rest of that task
    return Query("mention", asks=x.asks, listing=True, followup=True)


def _meta(x: Match) -> Query | None:
    if x.rule.name == "count_tasks" and (x.preceded_by("bound") or (
            x.preceded_by("make_verb") and x.m.group(0).startswith(("几", "多少")))):
        return None  # "不少于多少项", "要形成几项": a target a task sets
    if x.rule.name == "count_sections" and _names_a_thing(x):
        return None  # "指南把人工智能产业链分成了几个部分": the parts of a thing, not of the plan
    if x.rule.name == "mainline" and _names_a_printed_topic(x, _besides_the_plan(x), main_line=(
            x.frame.main_line if "主线" in x.m.group(0) else "")):
        return None  # "科普信息化这块，总体思路是怎样的": a topic's, searched
    said = x.m.group(0)
    if x.rule.name == "all_tasks" and x.ctx and len(x.ctx.listed) > 1 and not any(
            w in said for w in ("所有", "全部")) and any(w in said for w in table().words["one_by_one"]):
        return None  # "任务逐个说一下" after a list: the tasks listed, one by one
    if (x.rule.name == "title" and "叫" in said and x.ctx and x.ctx.task is not None
            and not any(n in said for n in ("文件", "通知", *x.frame.doc_nouns))):
        return None  # "这个计划叫什么" after a task about one (海智强鲁计划): that one, not the plan
    return Query("meta", meta=x.rule.name, asks=x.asks)  # asks: if the plan lacks it, a search


def _attachments(x: Match) -> Query:
    """The attachments (which, how many), or one of them by its number: 附件2 → "附件2"."""
    number = to_int(x.group(1) or "")
    noun = next((w for w in table().words["attachment_noun"] if w in x.m.group(0)), "附件")
    return Query("meta", meta="attachments", section_number=f"{noun}{number}" if number else None)


def _names_a_thing(x: Match, before: str | None = None) -> bool:
    """Whether the words before the match (or ``before``) name something besides the plan itself
    (its nouns and owner, 这份, 一共, 分成, 提出了)."""
    return any(len(w) > 1 and not w.isascii() for w in content_words(_besides_the_plan(x, before)))


def _names_a_printed_topic(x: Match, text: str, part: int | None = None,
                           exclude: frozenset[str] | set[str] = frozenset(), main_line: str = "") -> bool:
    """Whether ``text`` holds a word that is no generic word (nor one of ``exclude``) and that a
    task of the plan (of its part at index ``part``, when given) prints (智库; not 上次 or 帮忙 of
    "谢谢上次帮忙，这次想问…"). A word ending the plan's ``main_line`` (改革 of 以科协系统深化改革为
    主线) names the line itself: "改革的主线" asks for it."""
    generic = generic_words() | exclude
    parts = x.frame.part_texts if part is None else x.frame.part_texts[part:part + 1]
    return any(len(w) > 1 and w not in generic and not (main_line and main_line.endswith(w))
               and any(w in t for p in parts for t in p) for w in content_words(text))


def _besides_the_plan(x: Match, before: str | None = None) -> str:
    """The words before the match (or ``before``) without those naming the plan itself."""
    return besides_the_plan(x.question[: x.m.start()] if before is None else before, x.frame)


def besides_the_plan(before: str, frame: Frame) -> str:
    """The words without those naming the plan itself (这份要点, 山东省科协的, 正文, 一共)."""
    t = table()
    while "《" in before and "》" in before.split("《", 1)[1]:  # 《…规划》: a document's name
        head, rest = before.split("《", 1)
        before = head + " " + rest.split("》", 1)[1]
    before = without(before, sorted(frame.owner, key=len, reverse=True), " ")  # 山东省科协的工作要点
    before = doc_pattern(frame.doc_nouns).sub(" ", pattern("by_genre").sub(" ", before))  # 这份建设指南: by its genre
    plain = (*t.words["own_plan"], *t.words["total"], *t.words["divided"], *t.words["asking"], *t.words["whole_text"],
             *t.words["by_numbering"],
             *t.words["plan_verb"], *t.words["carry_out"], *t.words["inside"])
    return without(before, sorted(plain, key=len, reverse=True), " ")


_WORDED = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a word of any kind: not only the asking and marks


def _document_meta(x: Match) -> Query | None:
    """A fact of the document itself (its date, issuer, addressees) only when the question
    names the document or nothing else: "调查结果什么时候公布" asks about a task."""
    rest = x.question[: x.m.start()] + x.question[x.m.end():] if x.m else x.question
    if pattern("cited_doc").search(rest) or x.asks == "frequency":
        return None  # "文件引用的那个国务院文件，文号是多少": a document the plan cites; "多久发布一次": a recurring act
    places = table().words["doc_place"]  # 网页上显示的发布时间; not 评选结果什么时候网上公布
    named = without(rest, sorted(places, key=len, reverse=True), "")
    shown = any(w in x.question for w in places) and (topicless(named) or not _WORDED.search(named))
    pointing = table().word_set("doc_ref_en")  # "Who issued it?"
    # "与行动计划衔接的实施方案，谁来制定": the plan named, but another document asked about (not
    # 这份…指南, nor the plan called by its genre: 实施方案是哪天印发的)
    other = pattern("other_doc").search(x.doc.sub(" ", pattern("this_doc").sub(" ", pattern("book_title").sub(" ", rest))))
    if other:  # 关于智慧林业的指导意见: the plan by its title's genre (a plan without a title: any)
        noun = max((g for g in table().words["genre"] if other.group(0).endswith(g)), key=len)
        other = None if not x.frame.title or noun in x.frame.title else other
    if ((names_document(x.question, x.doc, x.frame.title) and not other) or shown or topicless(rest)
            or not _WORDED.search(rest)
            or (rest.isascii() and set("".join(c if c.isalpha() else " " for c in rest.lower()).split()) <= pointing)):
        return Query("meta", meta=x.rule.name)  # "哪天发的？": nothing besides the asking
    return None


def _noun_after(text: str, genre: frozenset[str]) -> bool:
    """Whether ``text`` opens with a word of a thing other than the document (需求清单; not 是哪天,
    在网上: no word right after the demonstrative; nor words ending in a word for the document:
    指导意见, 推动…发展的意见, 这份东西)."""
    t = table()
    stops = [at for w in t.words["doc_phrase_end"] if (at := text.find(w)) >= 0]
    described = text[: min(stops, default=len(text))]
    if any(w in described for w in genre | t.word_set("doc") | t.word_set("doc_stand_in")):
        return False
    first = next(iter(content_words(text)), "")
    return bool(first) and text.startswith(first)


def names_document(question: str, doc: re.Pattern, title: str) -> bool:
    """Whether a word for the document names it (印发, 文件 always): a genre's noun standing
    alone or after a demonstrative or particle (这份计划, 发的通知), after words the title prints
    (改造行动计划 of a 技术改造三年行动计划) or ending a longer genre's noun (工作要点); not as the
    end of another thing's name (专项计划, 科技计划 in a plan of another genre)."""
    words = table().words
    before_it, genre = tuple(words["doc_demonstrative"] + words["doc_particle"]), table().word_set("genre")
    for m in doc.finditer(question):
        before = question[: m.start()]
        named = question[: m.end()]
        if m.group(0) in words["doc_demonstrative"] and _noun_after(question[m.end():], genre):
            continue  # 那份清单, 这篇报告: a thing of the plan pointed at, not the document
        if (m.group(0) not in genre or not before or not "\u4e00" <= before[-1] <= "\u9fff"
                or before.endswith(before_it) or before[-2:] in title
                or any(len(g) > len(m.group(0)) and named.endswith(g) for g in genre)):  # 工作要点
            return True
    return False


def _topicless(x: Match) -> Query | None:
    if not topicless(x.question):
        return None
    return Query("task", task=x.ctx.task, asks=x.asks, followup=True)


def _bare_term(x: Match) -> Query | None:
    if table().flag("interrogative", x.question) or table().flag("list_ask", x.question) or (
            table().flag("listing", x.question) and table().flag("literal", x.question)):
        return None  # "提到调研的条目都列一下", "所有写到调研的条目" ask for them: the mention rules
    return Query("mention", literal=True)


def _mention(x: Match) -> Query:
    t, q = table(), x.question
    literal = t.flag("literal", q)
    # "哪里提到…", "where does it talk about…": a place in the plan, not one the plan names
    asks = None if (literal or t.flag("text_places", q)) and x.asks in ("place", "where") else x.asks
    return Query("mention", asks=asks, literal=literal, listing=t.flag("listing", q),
                 in_order=t.flag("in_order", q))


def _search(x: Match) -> Query:
    return Query("search", asks=x.asks)


BUILDERS: dict[str, Callable[[Match], Query | None]] = {
    "chat": _chat, "section_place_en": _section_place_en, "section_en": _section_en,
    "section_place": _section_place, "section_label": _section_label, "titled_label": _titled_label, "task_number": _task_number, "these_tasks": _these_tasks, "each_of_them": _each_of_them, "section_asked": _section_asked, "section_number": _section_number,
    "last_section": _last_section, "first_section": _first_section, "last_task": _last_task, "section_title": _section_title, "section_named": _section_named, "list_reference": _list_reference, "listed_thing": _listed_thing, "listed_count": _listed_count, "which_listed": _which_listed, "list_rest": _list_rest, "return_to": _return_to,
    "next": _next, "prev": _prev, "named_task": _named_task, "its_section": _its_section, "this_section": _this_section,
    "within": _within, "this_task": _this_task, "else": _else, "meta": _meta, "attachments": _attachments,
    "document_meta": _document_meta, "topicless": _topicless, "bare_term": _bare_term,
    "mention": _mention, "search": _search,
}
