"""What one turn answers from, gathered once: the hybrid scores of every chunk of the plan asked,
the tasks that hold the question's phrase word for word (or as the plan spells an abbreviation:
电商 → 电子商务), and the facts each task states. Every handler of the Assistant reads the same
Evidence; nothing searches twice for one question.
"""

import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import permutations, product

from planqa.assistant import extractive as ex
from planqa.assistant.abbreviations import spans as abbreviation_spans
from planqa.assistant.colloquial import said_spans
from planqa.assistant.facts import (
    ADMIN_ENDS,
    Fact,
    asked_unit,
    asks_kinds,
    counted_nouns,
    counting,
    enumerated_counts,
    facts_in,
    filled_counts,
    in_kinds_only,
    in_unit,
    named_place,
    of_kind,
    prints_year,
    single_counts,
    sized_set,
    year_of,
)
from planqa.assistant.followup import topicless
from planqa.assistant.query import titles_named, without
from planqa.assistant.retrieve import HybridSearch, Lexicon, Scored
from planqa.index.chunk import Chunk, split_sentences
from planqa.index.glossary import TRANSLATION_TRUST, is_english
from planqa.index.lexical import all_han, content_words, pointing, tagged, word_edges
from planqa.ingest.plan import Plan

KEY_SHARE = 0.7  # of the question's key-word weight (idf) that a phrase or a listed task must hold
MIN_PHRASE_CHARS = 2
FIGURE_KINDS = ("money", "count")  # the figures a question may quote to point at where they stand
MAX_WORDS_APART = 1  # content words between two translations that make one phrase ("revision of provincial regulations")
MAX_PHRASE_GROUPS = 3  # an English phrase made of at most three translations (academician expert workstation)
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』]{2,30})[”\"」』]")
NAME_KIND_CHARS = 4  # the kind of thing said after 叫什么 (叫什么计划来着)
CLOSING = ("来着", "呀", "呢", "啊", "吗", "吧")  # particles closing a question
NO_FACT_NEEDED = {"part", "whether"}  # asked kinds that any task answers
LOCATIVE_REACH = 6  # characters before a place where 在/于/地点 may stand
RATIO_MARKS = ("%", "％", "百分之", "成")
DAY_MARKS = "月日号旬"  # a date that says which day (or part of a month)
MAX_PHRASE_TASKS = 0.3  # a phrase in more of the tasks than this names no topic of its own
FACT_BAND = 0.6  # a hit this close to the best one that states the fact asked for may answer instead
FACT_SHARE = 0.6  # ... when the clause stating it (under its title) holds this much of the key words
WHOLE_SHARE = 0.99  # ... or from any hit searched when the clause holds all of them (a sum of floats)
MAX_KIND_CHARS = 6  # a kind of institution asked for (协会, 研究院, 产业联盟), not a phrase
EVENT_SHARE = 0.3  # of the key words the sentence of a time told by an event holds to answer 什么时候


TIME_ASKS = ("when", "date")  # the kinds of fact that are a time


def subject_of(plan: Plan) -> Callable[[str], bool]:
    """Whether a word is the plan's subject, naming no topic in it: in its title, or printed by
    half its tasks or more (the tasks' texts read once, for every word tested)."""
    return _subject_in(plan.title or "", _task_texts(plan))


def _task_texts(plan: Plan) -> list[str]:
    """Each task's title and text, as the plan's subject is tested against them."""
    return [f"{t.title}{t.text}" for t in plan.tasks]


def _subject_in(title: str, every: Sequence[str]) -> Callable[[str], bool]:
    return lambda word: word in title or 2 * sum(word in x for x in every) >= len(every)


def spelled_out(question: str, plan_text: str) -> str:
    """The question with its abbreviations and everyday words spelled as the plan spells them
    (电商 → 电子商务, 年轻人 → 青年), each where the question says it; a word the plan prints
    itself stays (研发), and so does one whose plan form the question already says (摸底调查)."""
    found, taken = [], set()
    for start, end, fulls in sorted([*abbreviation_spans(question), *said_spans(question, word_edges(question))],
                                    key=lambda s: (s[0] - s[1], s[0])):  # longest first (网上办事 over 网上)
        if not taken & set(range(start, end)):
            taken |= set(range(start, end))
            found.append((start, end, fulls))
    spelled = question
    for start, end, fulls in sorted(found, reverse=True):  # from the end: earlier places stay put
        short = question[start:end]
        if short in plan_text and short in without(plan_text, fulls):  # 养老 only inside 养老服务: spelled
            continue
        full = next((f for f in fulls if f in plan_text), None)
        if full and full not in question:
            spelled = spelled[:start] + full + spelled[end:]
    return spelled


@lru_cache(maxsize=4096)
def task_facts(text: str, leads: tuple[str, ...]) -> tuple[Fact, ...]:
    """facts_in, kept across turns: a task's text is the same until it is re-indexed."""
    return facts_in(text, leads)


def located(fact: Fact) -> bool:
    """A place fact with a word before it that says something happens there."""
    from planqa.assistant.rules import table

    at = fact.sentence.find(fact.text)
    before = fact.sentence[max(0, at - LOCATIVE_REACH): at] if at >= 0 else ""
    return any(w in before for w in table().words["locative"]) or fact.sentence.startswith("地点")


def said_in_years(text: str) -> bool:
    """Whether a time is said in years (the `in_years` flag: 2025年, 每年; not 定期)."""
    from planqa.assistant.rules import table  # rules imports this module

    return table().flag("in_years", text)


def made_verbs() -> frozenset[str]:
    """Verbs of making or holding a thing (组建, 举办): no topic of a which-question about things
    of a kind, and what a task must say of one (`make_verb`, `hold_verb`)."""
    from planqa.assistant.rules import table  # rules imports this module

    return table().word_set("make_verb") | table().word_set("hold_verb")


def _kind_ends() -> tuple[str, ...]:
    """How the name of a kind of institution ends (协会, 研究院, 机构)."""
    from planqa.assistant.rules import table

    return (*table().words["institution"], *table().words["institution_word"])


def asking_words(asks: str | None) -> re.Pattern | None:
    """The rule table's pattern of the words asking for a kind of fact (None: no such kind)."""
    from planqa.assistant.rules import table  # rules imports this module

    return next((p for name, p, _ in table().asks if name == asks), None)


def unasked_text(text: str, asks: str | None) -> str:
    """The text without its words asking for the kind of fact ``asks`` (完成时间, 是谁, a count
    noun ending it: 数量): what the fact must be said of."""
    from planqa.assistant.rules import table  # rules imports this module

    asking = asking_words(asks)
    text = asking.sub("，", text) if asking else text
    if asks == "count":
        text = text.removesuffix(next((n for n in table().words["count_noun"] if text.endswith(n)), ""))
    return text


def _pointers() -> list[str]:
    """The words pointing at a topic just said (这块, 那一部分): the part nouns after 这 or 那,
    longest first."""
    from planqa.assistant.rules import table  # rules imports this module

    return sorted((d + n for d in ("这", "那", "这一", "那一") for n in table().words["part_noun"]), key=len, reverse=True)


def _only_frame(text: str) -> bool:
    """Whether the text names no topic once its frame is cut ("下一步准备咋办？", "在哪一项？")."""
    from planqa.assistant.rules import pattern  # rules imports this module

    return topicless(pattern("frame").sub("", ex.bare(text)))


def _only_verbs(text: str) -> bool:
    """Whether the text is nothing but verbs and adverbs (开发, 推动成立): no words of a name."""
    return all(tag[:1] in ("v", "d") for _, tag in tagged(text))


def _ending(name: str, ends: Sequence[str]) -> str:
    """The first of the endings the name ends with."""
    return next(end for end in ends if name.endswith(end))


def _common_suffix(a: str, b: str) -> int:
    """How many characters two texts end with alike."""
    return len(os.path.commonprefix([a[::-1], b[::-1]]))


def _near(a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether two groups of a question's content words stand next to each other, in either
    order ("revision of the regulations" is 条例修订), at most one other word between them."""
    return 0 < min(b) - max(a) <= MAX_WORDS_APART + 1 or 0 < min(a) - max(b) <= MAX_WORDS_APART + 1


@dataclass
class Evidence:
    search: HybridSearch
    question: str
    plan: Plan | None  # None: several plans indexed and none chosen
    _facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)
    _parts: dict[str, list[Scored]] = field(default_factory=dict)
    _filled: dict[tuple[str, str], tuple[Fact, ...]] = field(default_factory=dict)
    _enumerated: dict[tuple[str, str], tuple[Fact, ...]] = field(default_factory=dict)
    _topics: dict[str | None, dict[str, float]] = field(default_factory=dict)
    _named: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def spelled(self) -> str:
        """The question as the plan would word it (abbreviations spelled out)."""
        if self.plan:
            text = self.search.plan_text.get(self.plan.plan_id, "")
        else:
            text = "\n".join(self.search.plan_text.values())
        return spelled_out(self.question, text)

    @cached_property
    def searched(self) -> str:
        """What is searched: the spelled question without the particles closing it (…多少项呢？)
        and without where it asks for the thing (写在哪一部分): they name nothing, and the
        encoder would weigh them."""
        from planqa.assistant.rules import pattern

        text = pattern("closing").sub("", self.spelled) or self.spelled
        bare = pattern("part_asked").sub("", text)
        return (bare.strip("，,？?。 ") or text) if bare != text else text

    @cached_property
    def hits(self) -> list[Scored]:
        """Every chunk the question reaches, best first (one search for the whole turn)."""
        plan_id = self.plan.plan_id if self.plan else None
        return self.search.search(self.searched, k=len(self.search.chunks), plan=plan_id)

    @cached_property
    def task_hits(self) -> list[Scored]:
        return [h for h in self.hits if h.chunk.kind == "task"]

    def part_hits(self, part: str) -> list[Scored]:
        """The tasks one topic of the question reaches on its own (科普的线上平台 | 科技场馆),
        best first; searched once per topic and turn."""
        if part not in self._parts:
            plan_id = self.plan.plan_id if self.plan else None
            hits = self.search.search(spelled_out(part, self.plan_text), k=len(self.search.chunks), plan=plan_id)
            self._parts[part] = [h for h in hits if h.chunk.kind == "task"]
        return self._parts[part]

    @cached_property
    def lexicon(self) -> Lexicon:
        """The words of the plan asked (of every plan when none is): its statistics only."""
        return self.search.lexicon(self.plan.plan_id if self.plan else None)

    @property
    def idf(self) -> Mapping[str, float]:
        return self.lexicon.bm25.idf

    @cached_property
    def plan_text(self) -> str:
        plan_id = self.plan.plan_id if self.plan else (self.hits[0].chunk.plan if self.hits else None)
        return self.search.plan_text.get(plan_id, "") if plan_id else ""

    @cached_property
    def phrase(self) -> str:
        """The longest run of the question that the plan has word for word and that carries
        most of its key words ("院士专家工作站"); "" when there is none."""
        from planqa.assistant.rules import generic_words, table, which_word

        question = self.spelled
        # a term in quotes that the plan prints word for word is one phrase, 和 and all (“统筹发展和安全”)
        quoted = _QUOTED.findall(question)
        if len(quoted) == 1 and len(quoted[0]) >= MIN_PHRASE_CHARS and quoted[0] in ex.bare(self.plan_text):
            return quoted[0]
        if is_english(question):
            return self._english_phrase
        if len(ex.conjunct_terms(question, self.idf)) > 1:  # two topics joined by 和: no one phrase
            return ""
        phrase = ex.plan_phrase(question, self.plan_text, self.idf, KEY_SHARE) or ex.marked_topic(
            question, self.plan_text, _pointers(), table().words["topic_lead"]) or self._figure_quoted
        if not phrase and (terms := ex.key_terms(question, self.idf)):
            if len(terms) == 1 and _only_frame(question.replace(terms[0], "")):
                # the question is its one key word and a frame ("链主在哪一项？", "“品牌”出现在哪",
                # "品牌这两个字文件里哪里有")
                phrase = terms[0]
            elif (which := which_word(question)) and not self._titles_named:
                # which things of one word it asks for ("宣传方面要做哪些事"): a word before the asking,
                # no frame or item word (方面, 行动), nor the verb of making the things (新组建哪些协会);
                # with none, the kind of thing asked for right after it (要建哪几个平台); the plan's
                # subject before it is none (_plain_subject)
                # (nor a verb of the part it plays, 参与, 负责: "高校要参与哪些事" asks what the actor does)
                making = table().word_set("work_verb") | made_verbs() | table().word_set("lead_role")
                after = question[which[1]:]
                # (none when it is a kind of doer or place, 哪些单位, 哪几个地区: its instances are asked)
                kind = [] if after.lstrip("个家类种").startswith(tuple(table().words["class_noun"])) else [
                    t for t in ex.key_terms(after, self.idf)[:1] if t not in generic_words()]
                plain = self._plain_subject(kind[0] if kind else "")
                before = {t for t in ex.key_terms(question[:which[0]], self.idf) if not plain(t)} \
                    - generic_words() - making
                weight = KEY_SHARE * sum(self.idf[t] for t in terms
                                         if t not in generic_words() and t not in making and not plain(t))
                if (named := [t for t in terms if t in before]) and self.idf[named[0]] >= weight:
                    phrase = named[0]
                elif kind and self.idf[kind[0]] >= weight and not before and (
                        not (rest := "".join(w for w in content_words(question[:which[0]])
                                             if w not in making and not plain(w)))
                        or topicless(rest)):
                    phrase = kind[0]
        return phrase if len(phrase) >= MIN_PHRASE_CHARS else ""

    def _own_place(self, place: str) -> bool:
        """Whether the place is the plan's own, its title naming it (山东, 山东省 of a 山东省… plan):
        said of all the plan, as 全省 is."""
        return bool(self.plan and self.plan.title) and place.rstrip(ADMIN_ENDS) in self.plan.title

    @cached_property
    def _figure_quoted(self) -> str:
        """A figure of the plan the question quotes ("文中的45.6亿元是哪年的"): an amount or count
        in digits that the plan prints once, naming the place that prints it as a phrase does."""
        printed = [f.text for f in facts_in(self.spelled) if f.kind in FIGURE_KINDS and any(c.isdigit() for c in f.text)]
        once = [f for f in dict.fromkeys(printed) if ex.figure_places(self.plan_text, f) == 1]
        return once[0] if len(once) == 1 else ""

    def _plain_subject(self, kind: str) -> Callable[[str], bool]:
        """Whether a word before a which-word is the plan's subject, naming no topic ("市商务局要办哪些
        论坛", the issuer): in more than half its tasks, or else (in its title, or in half of them) only when
        it does not part the tasks naming the kind asked, or all the tasks when none is named (学会
        of a 科普和学会 plan, printed by one of the two tasks naming 论坛, is a topic)."""
        if self.plan is None:
            return lambda word: False
        every = _task_texts(self.plan)  # read once for both tests
        subject = _subject_in(self.plan.title or "", every)
        holding = [x for x in every if kind and kind in x] or every  # no kind named: all the tasks
        return lambda word: word != kind and subject(word) and (
            2 * sum(word in x for x in every) > len(every) or len({word in x for x in holding}) < 2)

    @cached_property
    def phrase_is_topic(self) -> bool:
        """Whether the question is its phrase and a frame ("人才驿站建设下一步准备咋办？"): the one
        task printing the phrase holds all it asks about."""
        rest = self.spelled.replace(self.phrase, "") if self.phrase else ""
        rest = next((rest[len(p):] for p in _pointers() if rest.startswith(p)), rest)  # 这块 after the phrase
        return bool(rest) and _only_frame(rest)

    @cached_property
    def _english_phrase(self) -> str:
        """An English question's phrase: the longest run of the plan that the translations of
        words said one after another make in the same order ("WeChat official account" → 微信 +
        公众号 → 微信公众号), or one term the plan prints (智库 for "think tanks"), that carries
        most of the question's groups."""
        groups, trust = self.lexicon.glossary.placed_groups(self.question)
        if trust < KEY_SHARE * TRANSLATION_TRUST:
            return ""  # most of its words have no translation: no phrase stands for it
        text = ex.bare(self.plan_text)
        total = sum(weight for weight, _, _ in groups)
        best, best_key = "", (0.0, 0, 0)
        for size in range(1, min(MAX_PHRASE_GROUPS, len(groups)) + 1):
            for chosen in permutations(groups, size):
                weight = sum(w for w, _, _ in chosen)
                if weight < KEY_SHARE * total or not all(_near(a[2], b[2]) for a, b in zip(chosen, chosen[1:])):
                    continue  # words apart in the question ("association … museum") make no phrase
                for terms in product(*(t for _, t, _ in chosen)):
                    # of equal weight: the longest run of several translations (科学技术协会, not
                    # 科技社团: more of the words as the plan spells them), else the term the plan
                    # prints most (智库, not 思想库)
                    run = "".join(terms)
                    if run not in text:
                        continue
                    key = (weight, len(run) if size > 1 else 0, text.count(run) * len(run))
                    if key > best_key:
                        best, best_key = run, key
        return best if len(best) >= MIN_PHRASE_CHARS else ""

    @cached_property
    def _made(self) -> tuple[str, ...]:
        """The verbs of making, when the question asks which things of a kind are made, held or
        set up (新组建哪些协会, 要办哪几个论坛): a task must say so of the phrase."""
        from planqa.assistant.rules import which_word

        which = which_word(self.spelled)
        if not self.phrase or not which or self.phrase not in self.spelled[which[1]:]:
            return ()
        verbs = tuple(made_verbs())
        return verbs if any(v in self.spelled[: which[0]] for v in verbs) else ()

    @cached_property
    def set_up(self) -> tuple[str, ...]:
        """The endings of the names of the institutions the question asks which are set up
        ("新成立哪些协会或者机构" → 协会 and every ending of an institution's name), or (): a verb
        of setting up before the asking word, and after it only kinds of institutions."""
        from planqa.assistant.rules import besides_the_plan, joined, pattern, plan_frame, table

        words = table().words
        question = self.spelled.rstrip("？?。！! ")
        asks = [(i, w) for w in words["set_up_ask"] if (i := question.find(w)) >= 0]
        if not asks:
            return ()
        at, ask = min(asks, key=lambda a: (a[0], -len(a[1])))
        before = question[:at]
        verbs = [v for v in words["set_up_verb"] if v in before]
        if not verbs:
            return ()
        # the kinds may stand between the verb and the asking ("新成立的协会、研究院都有哪几个")
        verb_end = max(before.rfind(v) + len(v) for v in verbs)
        between = pattern("set_up_between").sub("", before[verb_end:])
        kinds_between = between.endswith(_kind_ends())
        asked = between if kinds_between else question[at + len(ask):]
        before = before[:verb_end] if kinds_between else before
        # nothing named before the verb but the plan's frame ("今年打算新成立"): every such
        # institution is asked for, not the one a topic sets up ("科普志愿服务方面要成立…")
        for verb in verbs:
            before = before.replace(verb, "")
        if self.plan is not None:  # "今年科协准备新成立…": the plan's own organization is no topic
            before = besides_the_plan(before, plan_frame(self.plan))
        rest = pattern("frame").sub("", pattern("and").sub("", before))
        if rest.strip() and not topicless(rest):  # "成立哪些协会": nothing before it
            return ()
        endings: list[str] = []
        for stop in "？?。！!，,；;":  # "…？分别叫啥" asks their names
            asked = asked.split(stop)[0]
        for joiner in words["kind_joiner"]:
            asked = asked.replace(joiner, "、")
        for kind in (k.strip("，, ") for k in joined(pattern("closing").sub("", asked))):
            glued = {i + w for i in words["generic_institution"] for w in words["institution_word"]}
            plain = {*words["institution"], *words["institution_word"], *glued}
            new = next((w for w in words["set_up_new"] if kind.startswith(w) and kind[len(w):] in plain), "")
            kind = kind[len(new):]  # 新协会: the new ones are asked for; the kind is 协会 (not 新材料产业联盟)
            if not kind:
                continue
            word = next((w for w in words["institution_word"] if kind.endswith(w)), None)
            if kind in words["institution_word"] or kind in glued:
                endings += words["institution"]  # 机构, 协会机构: any institution
            elif word and len(kind) <= MAX_KIND_CHARS:  # 研究机构: those named so (研究院, 研究所)
                named = [e for e in words["institution"] if kind[: -len(word)] in e]
                if not named:
                    return ()  # 金融机构, 志愿者组织: no kind the table names
                endings += named
            elif kind.endswith(tuple(words["institution"])) and len(kind) <= MAX_KIND_CHARS:
                endings.append(max((e for e in words["institution"] if kind.endswith(e)), key=len))  # 省级协会: 协会
            else:
                return ()  # something else asked after it ("成立哪些协会的分会", "…分别叫啥")
        return tuple(dict.fromkeys(endings))

    @cached_property
    def _titles_named(self) -> bool:
        """Whether the question holds a task's or part's whole title (基础共性标准下面各大类…,
        保障措施里包含哪些内容): it says which."""
        return bool(self.plan) and bool(titles_named(self.spelled, [
            *((s.number, s.title) for s in self.plan.body), *((str(t.number), t.title) for t in self.plan.tasks)]))

    @cached_property
    def phrase_printed(self) -> list[Scored]:
        """Every task whose own words hold the phrase, best first (however many)."""
        return [h for h in self.task_hits if ex.mentions(h.chunk, [self.phrase])] if self.phrase else []

    @cached_property
    def phrase_hits(self) -> list[Scored]:
        """The tasks whose own words hold the phrase, best first; [] when the phrase is too
        common to single out tasks (it is in more than a quarter of them)."""
        found = self.phrase_printed
        if self._made:  # things of a kind made: where a task makes one (组建…协会), not 修订…协会条例
            found = [h for h in found if ex.says_made(h.chunk, self.phrase, self._made)]
        tasks = len(self.plan.tasks) if self.plan else len(self.task_hits)
        return found if len(found) <= max(4, MAX_PHRASE_TASKS * tasks) else []

    def facts(self, chunk: Chunk) -> tuple[Fact, ...]:
        """The facts a task states (dates, amounts, counts, responsible units …)."""
        if chunk.id not in self._facts:  # the title is the task's words too: 本办法于2022年4月15日起施行
            title = chunk.task_title if chunk.task_title and chunk.task_title not in chunk.body else ""
            self._facts[chunk.id] = task_facts(f"{title}。\n{chunk.body}" if title else chunk.body,
                                               tuple(self.leads(chunk)))
        return self._facts[chunk.id]

    def filled(self, chunk: Chunk) -> tuple[Fact, ...]:
        """The counts the question leaves blank ("几位一体") as the chunk prints them (五位一体);
        read once per chunk and turn, as the facts are."""
        key = (chunk.id, chunk.body)
        if key not in self._filled:
            self._filled[key] = filled_counts(self.question, chunk.body)
        return self._filled[key]

    def enumerated(self, chunk: Chunk) -> tuple[Fact, ...]:
        """The things the question counts as the chunk lists them (人、机、料、法、环等生产要素);
        of several lists of the noun, those whose sentence holds most of the question's words
        (养老领域…等服务模式 for 养老领域有几种服务模式, not the other fields' lists)."""
        key = (chunk.id, chunk.body)
        if key not in self._enumerated:
            found = enumerated_counts(self.question, chunk.body)
            if len(found) > 1:
                topic = self.topic_of("count")
                shares = [ex.text_share(f.sentence, topic) for f in found]
                found = tuple(f for f, share in zip(found, shares) if share >= max(shares))
            self._enumerated[key] = found
        return self._enumerated[key]

    def leads(self, chunk: Chunk) -> Sequence[str]:
        entry = self.search.entries.get(chunk.plan)
        if entry is None or chunk.task_number is None:
            return ()
        plan = entry.plan
        task = next((t for t in plan.tasks if t.number == chunk.task_number
                     and plan.section_of(t).ref == chunk.section_number), None)
        return task.leads if task else ()

    @cached_property
    def own_years(self) -> frozenset[str]:
        """The year of a one-year plan's title, as a date fact prints it (2017年): no deadline
        there. A title spanning years (2024—2025年) has none: its years are its targets."""
        title = self.plan.title if self.plan else ""
        years = frozenset(f"{y}年" for y in re.findall(r"(?:19|20)\d{2}", title))
        return years if len(years) == 1 else frozenset()

    @cached_property
    def asked_years(self) -> frozenset[str]:
        """The years the question asks as years ("到2025年一共要制定多少项" → 2025)."""
        return frozenset(re.findall(r"(?:19|20)\d{2}(?=\s*年)", self.spelled))

    def _of_year(self, chunk: Chunk, facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
        """Of a number asked for a year the task speaks of, those said of that year (``year_of``):
        "到2022年…制定30项" does not answer how many by 2025 when the task's words on 2025 give
        none. A year the task never prints as a year (the plan's own;
        《中国制造2025》) filters nothing."""
        years = [y for y in self.asked_years if prints_year(chunk.text, y)]  # its title too
        if not years:
            return facts
        return tuple(f for f in facts if any(prints_year(year_of(f, chunk.text), y) for y in years))

    def stated(self, chunk: Chunk, kind: str) -> tuple[Fact, ...]:
        """The chunk's facts of the kind asked for; a day asked for ("哪一天") needs a month
        or a day in the date, a year alone does not say which day."""
        if kind in TIME_ASKS:  # the plan's own year (2017年 of a 2017 plan) is no deadline
            found = tuple(f for f in of_kind(self.facts(chunk), "when") if f.text not in self.own_years)
            if kind == "date":
                return tuple(f for f in found if any(c in f.text for c in DAY_MARKS))
            if self._asks_year:  # 定期 or 常态化 names no year
                found = tuple(f for f in found if said_in_years(f.text))
            told = of_kind(self.facts(chunk), "event_time")
            if not self._point_in_time:  # "及时总结" answers 什么时候总结, not 截止时间
                told += of_kind(self.facts(chunk), "time_manner")
            else:  # 全年 spans the year: no point in time, no deadline
                found = tuple(f for f in found if f.text not in self._time_spans)
            return found + self._about(told, chunk)
        if kind == "count":  # "是多少" is answered by any number with a unit, an amount too
            counts = self._of_year(chunk, of_kind(self.facts(chunk), "count") + of_kind(self.facts(chunk), "money"))
            if units := self._asked_unit:  # 多少例样本: not 不少于3家
                counts = tuple(f for f in counts if f.kind == "count" and in_unit(f, units))
            if not self._asks_kinds:  # 两大类 of 多少颗: no
                counts = tuple(f for f in counts if not in_kinds_only(f))
            counts = tuple(f for f in counts if not sized_set(f) or counting(self.question, f))
            if not any(counting(self.question, f) for f in counts):
                if listed := self._of_year(chunk, self.enumerated(chunk)):
                    return self.filled(chunk) + listed  # what the question counts is listed, not numbered
                counts += single_counts(self.question, chunk.body)  # "一张网" for 几张网
                if not counts:  # "培育一批…" for 培育多少: the amount as the plan says it, where it is said of that
                    counts = self._amounts_of_asked(self._about(of_kind(self.facts(chunk), "amount_manner"), chunk, kind))
            return self.filled(chunk) + counts
        if kind == "ratio":  # a share: a percentage, 百分之…, 三成, or a ratio (1：1比例)
            return self._of_year(chunk, tuple(f for f in self.facts(chunk) if f.kind == "ratio" or (
                f.kind == "count" and any(m in f.text for m in RATIO_MARKS))))
        if kind == "money":
            return self._of_year(chunk, of_kind(self.facts(chunk), "money"))
        if kind == "places":  # "哪几个城市": the places the task names by their names (济南,
            return tuple(f for f in of_kind(self.facts(chunk), "place")  # 崂山区; not 长三角), but
                         if named_place(f.text) and not self._own_place(f.text)  # not the plan's own
                         and (not self._place_level or f.text.endswith(tuple(self._place_level))))
        if kind == "contact" and (media := self.contact_media):  # an e-mail asked: no phone number
            return tuple(f for f in self._contacts(chunk) if any(m.gives(f) for m in media))
        if kind == "lead":  # a unit named: by a lead note or in the task's words
            return of_kind(self.facts(chunk), "who")
        if kind == "actor":  # "…是谁" with no title asked: a person named, or a unit
            return of_kind(self.facts(chunk), "person") + of_kind(self.facts(chunk), "who")
        if kind in ("place", "where"):  # a place named as where something happens, not in passing
            return tuple(f for f in of_kind(self.facts(chunk), "place") if located(f))
        if kind == "name":
            return self._names(chunk)
        if kind == "list_names" and self._kind_quoted:  # "各种“工程”都是哪些": the names of that kind
            return of_kind(self.facts(chunk), kind) + ex.names_ending(chunk, self._kind_quoted)
        if kind == "list_names":  # "整合的公共科普设施都是哪些": the things a sentence lists as that kind
            return of_kind(self.facts(chunk), kind) + self.enumerated(chunk)
        return of_kind(self.facts(chunk), kind)

    @cached_property
    def _name_ends(self) -> tuple[str, ...]:
        """How the name asked for ends: the thing the question names before asking it (那个论坛叫啥
        → 论坛; an institution's endings for 机构, 组织); () when it names none, or a task or a
        part (第7项叫什么: its title)."""
        from planqa.assistant.rules import table

        words = [w for w in content_words(self._name_thing) if all_han(w) and not pointing(w)]
        head = words[-1] if words else ""
        if len(words) > 1 and len(head) == 1 and self._name_thing.endswith(words[-2] + head):
            head = words[-2] + head  # 公众号 cut as 公众|号
        plain = table().word_set("task_word") | table().word_set("section_word")
        if not head or head in plain or head.startswith("第"):
            return ()
        if head in table().word_set("institution_word"):
            return tuple(table().words["institution"])
        return (head,)

    @cached_property
    def _named_ends(self) -> tuple[str, ...]:
        """Of the endings asked, those of kinds a plan names by a phrase ending so (论坛, 研究院)."""
        from planqa.assistant.rules import table

        kinds = tuple(table().words["named_kind"])
        return tuple(end for end in self._name_ends if end.endswith(kinds))

    def _names(self, chunk: Chunk) -> tuple[Fact, ...]:
        """The names the chunk prints of the thing asked ("name"), not said in the question: those
        ending as the thing is called, and titles in 《》 of a document or periodical asked for.
        No thing named: the task's own title is its name."""
        from planqa.assistant.rules import table

        ends = self._name_ends
        if not ends:
            title = chunk.task_title or chunk.section_title
            return (Fact("name", title, title),) if title else ()
        said = self._names_said(chunk)
        # a phrase with 的 ending so describes the thing (庆祝…的节日), it names none
        names = [n for n in self._ending_so(chunk) if "的" not in n]
        sentences = [chunk.task_title, *split_sentences(chunk.body)]
        titled = tuple(table().words["titled_thing"])
        if any(end.endswith(titled) for end in ends):
            names += [f.text.strip("《》") for f in of_kind(self.facts(chunk), "titled")]
        # a name in quotes in a clause speaking of the thing (the title is read whole)
        clauses = [chunk.task_title, *(c for x in sentences[1:] for end in ends for c in ex.clauses_of(x, end))]
        names += [q for c in clauses if any(end in c for end in ends) for q in _QUOTED.findall(c)]
        return tuple(Fact("name", n, next((x for x in sentences if n in x), ""))
                     for n in dict.fromkeys(names) if n not in said and n not in self._name_thing)

    def _names_said(self, chunk: Chunk) -> frozenset[str]:
        """What the chunk prints of the thing in the question's own words (…官方网站 of "市局官方
        网站叫啥"): a phrase ending as it is called whose ending the question says with more than
        that word, nothing but verbs before."""
        thing = self._name_thing
        return frozenset(n for n in self._ending_so(chunk)
                         if (k := _common_suffix(n, thing)) >= min(len(n), len(_ending(n, self._named_ends)) + 2)
                         and _only_verbs(n[:len(n) - k]))

    def _ending_so(self, chunk: Chunk) -> tuple[str, ...]:
        """The phrases the chunk prints ending as the thing asked is called, for kinds plans name
        (ex.names_ending), read once per chunk and turn."""
        key = (chunk.id, chunk.body)  # the overview's chunk is also read as its notice alone
        if key not in self._named:
            self._named[key] = tuple(n.text for end in self._named_ends for n in ex.names_ending(chunk, end))
        return self._named[key]

    def lacks_name(self, chunk: Chunk) -> bool:
        """Whether the chunk speaks of the thing whose name is asked in the question's own words
        and names it nowhere: the plan does not give the name. (A thing the question words
        otherwise may be named in words no pattern foresees: not judged lacking.)"""
        return not self._names(chunk) and bool(self._names_said(chunk))

    @cached_property
    def _name_thing(self) -> str:
        """The question's words before it asks a name (那个高水平论坛 of "那个高水平论坛叫啥"), and
        the kind of thing said after (引进人才那块叫什么计划 → …那块计划)."""
        m = asking_words("name").search(self.spelled)
        if m is None:
            return ""
        after = self.spelled[m.end():].rstrip("？?。！! ")
        for particle in CLOSING:
            after = after.removesuffix(particle)
        before = "".join(self.spelled[:m.start()].split()).rstrip("，,的、")
        return before + (after if 0 < len(after) <= NAME_KIND_CHARS and all_han(after) else "")

    @cached_property
    def _kind_quoted(self) -> str:
        """A kind of thing the question quotes whose names it asks for (“工程”, “行动”): a short
        word in quotes; "" when there is none."""
        quoted = _QUOTED.findall(self.spelled)
        return quoted[0] if len(quoted) == 1 and len(quoted[0]) <= MAX_KIND_CHARS else ""

    def stating(self, hits: Sequence[Scored], kind: str, keep: Callable[[Fact], bool] | None = None) -> Scored | None:
        """Of the hits after the best one, the task that states the fact asked for about the
        question's topic: the clause stating it, under the task's title, holds the question's
        key words ("要形成多少套系统解决方案？" → "形成15套系统解决方案"); None when no hit near
        enough does (a number of something else is no answer: "经费是多少" ↛ "20个学会"). A fact said of
        the whole document (a contact), asked with nothing else named, is the first hit of the best
        hit's plan that states one. ``keep``: only the facts it keeps count."""
        from planqa.assistant.rules import table  # rules imports this module

        best, share = None, FACT_SHARE
        named = bool(self.topic_of(kind)) or kind not in table().word_set("said_of_document")
        for h in hits[1:]:  # a part without tasks (总体目标) states targets and years too
            if h.chunk.kind not in ("task", "section"):
                continue
            if not named:  # "联系电话是多少": said of the document (the best hit's), no key word to hold
                if h.chunk.plan == hits[0].chunk.plan and self.states(h.chunk, kind):
                    return h
                continue
            held = self.stated_share(h.chunk, kind, keep)
            # a clause holding every key word answers from further down the ranking
            if held >= share and (h.score >= FACT_BAND * hits[0].score or held >= WHOLE_SHARE):
                best, share = h, held
        return best

    def counting_instead(self, hits: Sequence[Scored], best: Chunk) -> Scored | None:
        """Of the hits after the best one (answered from ``best``), when the best counts nothing
        the question counts (几个层次 ↛ "分为四个部分"), the one whose number counts it ("分…三个层次"),
        as ``stating`` finds it; None otherwise."""
        if not counted_nouns(self.question) or any(counting(self.question, f) for f in self.stated(best, "count")):
            return None
        return self.stating(hits, "count", keep=lambda f: counting(self.question, f))

    def stated_share(self, chunk: Chunk, kind: str, keep: Callable[[Fact], bool] | None = None) -> float:
        """How much of the question's key words (those asking for the fact left out) the clause
        stating a fact of the kind (one ``keep`` keeps, if given) holds, under the task's title,
        at best: 0.0 when none is stated."""
        return max((share for f, share in self.stated_shares(chunk, kind, self.topic_of(kind))
                    if keep is None or keep(f)), default=0.0)

    def stated_shares(self, chunk: Chunk, kind: str, weights: Mapping[str, float]) -> Iterator[tuple[Fact, float]]:
        """Each fact of the kind the chunk states, with the share of ``weights`` its clause
        holds under the task's title, and its part's for the kinds said of all a part's items
        (`said_of_each`: an item titled 试点指导单位 says who leads the pilot its part is titled
        by; a count in one item is not the part's)."""
        from planqa.assistant.rules import table  # rules imports this module

        t = table()
        part = chunk.section_title if kind in t.word_set("said_of_each") else ""
        # how things stand now is said by a sentence stating no target
        settled = {w: v for w, v in weights.items() if w not in t.word_set("now_word") | t.word_set("dated_present")}
        for f in self.stated(chunk, kind):
            held = weights if t.flag("target_stated", f.sentence) else settled
            yield f, max(ex.text_share(f"{part}\n{chunk.task_title}\n{clause}", held)
                         for clause in ex.clauses_of(f.sentence, f.text))

    def unasked(self, asks: str | None) -> str:
        """The question without its words asking for the kind of fact ``asks`` (时间上, 是谁):
        what the fact must be said of."""
        return unasked_text(self.spelled, asks)

    @cached_property
    def names_nothing(self) -> bool:
        """A Chinese question that opens without a subject and names no thing
        (extractive.names_nothing): in a conversation, about the conversation's task."""
        return not is_english(self.question) and ex.names_nothing(self.question)

    def topic_of(self, asks: str | None) -> dict[str, float]:
        """The question's key words without the words asking for the fact (多少个, 什么时候): what
        the fact must be said of ("公共服务平台要建几个" → 公共服务, 平台)."""
        if asks not in self._topics:
            from planqa.assistant.rules import no_topic_words  # rules imports this module

            plain = no_topic_words()  # 一共, 整个, 全省: said of any fact, no topic a clause must hold
            self._topics[asks] = {w: v for w, v in ex.topic_weights(self.unasked(asks), self.idf).items()
                                  if w not in plain and not (named_place(w) and self._own_place(w))}
        return self._topics[asks]

    @cached_property
    def _asks_year(self) -> bool:
        from planqa.assistant.rules import table

        return table().flag("asks_year", self.spelled)

    def _contacts(self, chunk: Chunk) -> tuple[Fact, ...]:
        """The chunk's contacts and the people named as contacts: in a sentence giving a contact
        or saying 联系 (`contact_mark`), or on a line of their own in a task whose title ends as a
        contact person (外方联系人: a word of the 联系人 way of `contact_medium`), not any person it
        names (a leader's instructions)."""
        from planqa.assistant.rules import table  # rules imports this module

        facts = self.facts(chunk)
        contacts = of_kind(facts, "contact")
        giving = {f.sentence for f in contacts}
        marks = tuple(table().words["contact_mark"])
        ending = tuple(w for m in table().media if m.kind == "person" for w in m.said)
        titled = (chunk.task_title or "").rstrip("：: ").endswith(ending)
        return contacts + tuple(f for f in of_kind(facts, "person") if f.sentence in giving or any(
            m in f.sentence for m in marks) or (titled and f.sentence.strip() == f.text))

    @cached_property
    def contact_media(self):
        """The ways to be contacted the question names (rules.contact_media), read once per turn."""
        from planqa.assistant.rules import contact_media  # rules imports this module

        return contact_media(self.question)

    @cached_property
    def _asked_unit(self) -> frozenset[str]:
        return asked_unit(self.question)  # once per turn, not once per chunk checked

    @cached_property
    def _asks_kinds(self) -> bool:
        return asks_kinds(self.question)  # once per turn, as the unit asked

    @cached_property
    def _place_level(self) -> str:
        """The level of the places asked by name ("哪几个县" → 县, "哪些区县" → 区县): a city
        (济南市) names no county; "" when the question asks no level."""
        from planqa.assistant.rules import table

        return next((w for w in table().words["place_level"]
                     if any(f"{which}{w}" in self.spelled for which in table().words["which_of"])), "")

    @cached_property
    def _time_spans(self) -> frozenset[str]:
        from planqa.assistant.rules import table

        return table().word_set("time_span")

    @cached_property
    def _point_in_time(self) -> bool:
        from planqa.assistant.rules import table

        return table().flag("point_in_time", self.spelled)

    def _about(self, events: tuple[Fact, ...], chunk: Chunk, kind: str = "when") -> tuple[Fact, ...]:
        """The facts of a manner (a time told by an event, an amount without a number) that
        answer the question: their sentence holds EVENT_SHARE of the question's key words (those
        asking the ``kind`` left out) and as many as any sentence of the task ("研究者培训在什么时候做"
        ← "临床试验开始前，应进行相关培训，以确保研究者…"), not only the task's topic."""
        if not events:
            return ()

        def share(sentence: str) -> float:
            return ex.text_share(sentence, self.topic_of(kind))

        needed = max([EVENT_SHARE, *map(share, split_sentences(chunk.body))])
        return tuple(f for f in events if share(f.sentence) >= needed)

    def _amounts_of_asked(self, amounts: tuple[Fact, ...]) -> tuple[Fact, ...]:
        """The amounts said of the thing whose number is asked: a key word of the question stands
        in the amount's clause after it (培育一批…供应商 for 供应商培育多少家), as a figure's noun
        follows the figure; when the question names what it counts (多少个园区), that noun must follow
        the amount as it follows a figure (`counting`): not an amount of another thing in the
        sentence (组建若干专家团). None at all for how many there are now (目前有几个): an amount
        with no figure is what a plan means to do."""
        from planqa.assistant.rules import table  # rules imports this module

        if any(w in self.spelled for w in table().word_set("now_word") | table().word_set("exact_ask")):
            return ()  # (nor when a figure as such is asked: 具体是多少家, 至少几个)
        if counted_nouns(self.question):
            return tuple(f for f in amounts if counting(self.question, f))
        topic = self.topic_of("count")
        return tuple(f for f in amounts if any(w in clause[clause.find(f.text):] for w in topic
                                               for clause in ex.clauses_of(f.sentence, f.text)))

    def figure_of_asked(self, fact: Fact) -> bool:
        """Whether a fact stated is a figure (not an amount like 一批) of what the question counts,
        when it names that (the noun follows the figure: `counting`)."""
        return fact.kind != "amount_manner" and (not counted_nouns(self.question) or counting(self.question, fact))

    def amount_only(self, chunk: Chunk) -> bool:
        """Whether all the chunk says of a count asked is an amount without a figure (一批)."""
        counts = self.stated(chunk, "count")
        return bool(counts) and all(f.kind == "amount_manner" for f in counts)

    def states(self, chunk: Chunk, kind: str | None) -> bool:
        """Whether the chunk states the kind of fact asked for (no kind asked: anything goes)."""
        if kind in NO_FACT_NEEDED:
            return kind != "part" or chunk.kind != "overview"  # every task and part's text stands in a part
        return kind is None or bool(self.stated(chunk, kind))

    def lacks(self, chunk: Chunk, kind: str | None) -> bool:
        """Whether the chunk is shown not to give the kind of fact asked: it states none; a name
        only when it speaks of the thing in the question's own words and names it nowhere."""
        return self.lacks_name(chunk) if kind == "name" else not self.states(chunk, kind)
