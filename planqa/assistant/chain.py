"""The Assistant: question (+ history) → Answer.

    prepare: normalize, follow-up context, the plan, the Query (rules.py), one Evidence
      └─ HANDLERS[query.kind]: task | section | meta | mention | search | chat
         (search: scope → the evidence's shape → extractive quote, or the LLM chain)

Every front end (CLI, REST, chat, eval) calls ``Assistant.stream`` or ``ask`` (its last item).
"""

import math
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import groupby, takewhile

from planqa.assistant import extractive as ex
from planqa.assistant.abbreviations import expansions
from planqa.assistant import structure
from planqa.assistant.answer import Answer, place
from planqa.assistant.evidence import (
    EVENT_SHARE,
    FACT_SHARE,
    KEY_SHARE,
    MIN_PHRASE_CHARS,
    NO_FACT_NEEDED,
    TIME_ASKS,
    WHOLE_SHARE,
    Evidence,
    spelled_out,
    subject_of,
    unasked_text,
)
from planqa.assistant.facts import (
    count_unit,
    counted_nouns,
    counting,
    enumerations,
    named_nouns,
    raw_facts,
    shown,
    which_nouns,
)
from planqa.assistant.followup import (Context, context_from_history, listed_count, listed_thing, topicless,
                                       without_reference)
from planqa.assistant.llm import LLMAnswerer, LLMUnavailable
from planqa.assistant.query import (
    Query,
    as_printed,
    normalize_question,
    plays_role,
    section_by_title,
    split_questions,
    title_clauses,
    titles_named,
)
from planqa.assistant.retrieve import HybridSearch, Lexicon, Scored
from planqa.assistant.rules import (
    Frame,
    asks_for,
    asks_others_of,
    besides_the_plan,
    doc_pattern,
    expand,
    fact_named,
    generic_words,
    names_a_topic,
    no_topic_words,
    pattern,
    plan_frame,
    pointing_words,
    rule,
    strip_preamble,
    table,
    understand,
    which_word,
)
from planqa.assistant.scope import ASKED_TEXT, Verdict, judge, outside_plan
from planqa.errors import NoPlanIndexed
from planqa.index.chunk import Chunk, chunk_plan, split_sentences
from planqa.index.glossary import english_words, is_english
from planqa.index.lexical import content_words, is_word, pieces, pointing, tagged, tokenize
from planqa.ingest.grammar import genre_of
from planqa.ingest.plan import Plan, Section, Task

SEARCH_K = 5
HALF_IDF = math.log(2)  # the BM25 idf of a word that half the plan's texts hold
# a part answers "which part" (_which_part, _one_part); the hits near the top of a search (_answered_apart)
PART_HITS, PART_BAND, PART_TITLE_SHARE = 3, 0.8, 0.5
PART_FIRST_BAND = 0.5  # a part's own text this far ahead of every task answers "which part" by itself
UNIT_REST_ENDS = "？?。！!，, 呢啊呀吗吧"  # what may follow "X那部分有哪几项" (_unit_referred)
RELATED_BAND = 0.75  # a task scoring this close to the best one is listed as related too
MAX_RELATED = 4  # among the best hits only
MAX_TOPIC_SHARE = 0.25  # a joined topic found in more of the tasks than this is too general
ITEM_HEAD_CHARS = 2  # the last characters of a counted noun that name an item (专项行动 → 行动)
MIN_TITLE_CHARS = 4  # an attachment's title this long, said in a question, names it
COUNTED_REACH = 12  # characters before a noun in which the opening counts it (40个智能制造典型场景)
MAX_TOPICS = 4  # more joined parts than this are a list of words, not topics to place apart
OVERVIEW_BAND = 0.85  # a task scoring this close to the overview, with its words, answers instead
PHRASE_BAND = 0.9  # the one task printing the question's phrase, this close to the best hit, answers instead
NAMED_PHRASE_BAND = 0.8  # ... a phrase long enough to name a thing (科技评估): printed in one task, it says more
MIN_OVERVIEW_PHRASE = 3  # a phrase this long, printed by the overview alone, is answered there
WHAT_TOPIC_TASKS = 2  # asked what there is (有啥) of joined topics: each printed by this many tasks at most
STICKY = 0.75  # a follow-up stays with the previous task when it scores this close to the top
MIN_STICKY_SHARE = 0.3  # ... or when its words hold this much of the question's, and the top's no more
_HAN = re.compile(r"[\u4e00-\u9fff]")
_UNPUNCTUATED = str.maketrans("", "", "、 \u3000“”‘’「」\"")


@dataclass(frozen=True)
class Turn:
    raw: str
    question: str  # normalized
    plan: Plan | None  # None: several plans and none chosen
    intent: Query
    context: Context | None
    evidence: Evidence


def returned_to(turn: Turn) -> list[Scored]:
    """The tasks earlier answers cited whose words hold the topic named after "回到" (回到论坛，
    谁负责), best first."""
    terms = ex.key_terms(rule("return_to").pattern.sub("，", turn.evidence.unasked(turn.intent.asks)), turn.evidence.idf)
    return [h for h in turn.evidence.task_hits if h.chunk.task_number in turn.intent.among
            and terms and ex.term_share(h.chunk, terms, turn.evidence.idf) >= KEY_SHARE]


def is_held(ctx: Context, hit: Scored) -> bool:
    """Whether the hit is the conversation's task (its number within its part)."""
    return (hit.chunk.task_number, hit.chunk.section_number) == (ctx.task, ctx.section)


def _numbered_set(word: str) -> bool:
    """Whether a word only counts the things it names (十大, 六类 of 十大工程, 六类试点示范: facts.toml
    `set_measures`, as `named_counted` reads them)."""
    return (len(word) >= 2 and word[-1] in raw_facts()["words"]["set_measures"]
            and all(c in "一二三四五六七八九十两0123456789" for c in word[:-1]))


def counts_noun(text: str, noun: str) -> bool:
    """Whether the text counts the noun by a number in its clause: "40个智能制造典型场景"."""
    at = text.find(noun)
    while at >= 0:
        window = text[max(0, at - COUNTED_REACH): at]
        clause = window[max(window.rfind(stop) for stop in "，,。；;：:") + 1:]
        if any(c == "个" and i and clause[i - 1].isdigit() for i, c in enumerate(clause)):
            return True
        at = text.find(noun, at + 1)
    return False


def summing_up(chunk: Chunk) -> bool:
    """The overview, or a task that sums up the plan (指导思想, 发展目标, 基本原则 …): its meaning
    is near any topic of the plan."""
    if chunk.kind == "overview":
        return True
    titles = f"{chunk.task_title}\n{chunk.section_title}"
    return any(w in titles for w in table().words["summary_title"])


def tasks_first(hits: list[Scored]) -> list[Scored]:
    """A summing-up chunk is near any topic; a specific task that scores near it and matches
    the question's words at least as well is the answer ("Tell me about the anti-cult work").
    The summary keeps the words it alone has (迎接…召开, 到2026年的目标)."""
    if not hits or not summing_up(hits[0].chunk):
        return hits
    task = next((h for h in hits if h.chunk.kind == "task" and not summing_up(h.chunk)), None)
    if (task is None or task.score < OVERVIEW_BAND * hits[0].score
            or (task.lexical or 0.0) < (hits[0].lexical or 0.0)):
        return hits
    return [task, *(h for h in hits if h is not task)]


NAMED_RUN = 4  # characters of a name a question gives, printed by the task that answers it
NAMED_TASKS = 2  # ... and by no more tasks than this: a name, not the plan's subject
PLACED = ("呢", "也是", "是在", "也在", "是不是", "在不在")  # after a short name: placed (not 负责人是谁)


def named_by(question: str, text: str, tasks: Sequence[str]) -> bool:
    """Whether the text prints a name the question gives: the longest run of Chinese characters
    the two share is four or more long and few of the plan's ``tasks`` print it."""
    best = ""
    for han, chars in groupby(question, key=lambda c: "\u4e00" <= c <= "\u9fff"):
        if not han:
            continue
        run = "".join(chars)
        m = SequenceMatcher(None, run, text, autojunk=False).find_longest_match(0, len(run), 0, len(text))
        best = max(best, run[m.a:m.a + m.size], key=len)
    return len(best) >= NAMED_RUN and sum(best in t for t in tasks) <= NAMED_TASKS


def rare_word_printed(question: str, text: str, tasks: Sequence[str], idf: Mapping[str, float]) -> bool:
    """Whether the text prints a word of the question that few of the plan's ``tasks`` print (泰山,
    反邪教): a thing the question names, though shorter than a name ``named_by`` finds; not a
    pronoun (自己) nor a word pointing back."""
    pronouns = {w for w, tag in tagged(question) if tag.startswith("r") or pointing(w)}
    return any(w in text and sum(w in t for t in tasks) <= NAMED_TASKS
               for w in ex.key_terms(question, idf) if w not in generic_words() and w not in pronouns)


def printed_name(question: str, texts: Sequence[str]) -> str:
    """The longest run of the question's Chinese characters (four or more, or a word of three)
    that the plan's task ``texts`` print word for word and few of them do: a name the question
    gives ("院士建议直通车"), not the plan's subject; "" when there is none."""
    best = ""
    for han, chars in groupby(question, key=lambda c: "\u4e00" <= c <= "\u9fff"):
        run = "".join(chars) if han else ""
        for i in range(len(run)):
            for j in range(len(run), i + max(NAMED_RUN, len(best) + 1) - 1, -1):  # longest first
                if 0 < sum(run[i:j] in t for t in texts) <= NAMED_TASKS:
                    best = run[i:j]
                    break
    if not best:  # a shorter name that is a word of its own, placed ("直通车呢", "科技馆也是这条的吗")
        best = next((w for w in content_words(question) if len(w) == NAMED_RUN - 1 and is_word(w)
                     and any(w + after in question for after in PLACED)
                     and 0 < sum(w in t for t in texts) <= NAMED_TASKS), "")
    return best


ITEM_LABEL_CHARS = 6  # an item's label before its name: 4、, （12）, 第三,
# What ends the noun after a which-word: a verb (not a verbal noun), a particle, preposition,
# conjunction, adverb, pronoun, number or measure, a mark ("服务平台来…", "线上平台？").
KIND_ENDS = ("v", "u", "p", "c", "d", "r", "m", "q", "x", "y", "w")


def _kinds_plain(question: str) -> str:
    """The question without the words asking a reason or a time (为什么, 什么时候: `not_kind`)."""
    plain = question
    for word in table().words["not_kind"]:
        plain = plain.replace(word, "，")
    return plain


def asks_a_thing(question: str, frame: Frame) -> bool:
    """Whether the question asks for a thing (啥, 什么, 哪…), not how, why or when, nor what is
    done or meant (`deed_asked`, read besides the words naming the plan: 工作 of 本工作要点)."""
    words = table().words
    return (any(w in _kinds_plain(question) for w in words["thing_asked"])
            and not any(w in besides_the_plan(question, frame) for w in words["deed_asked"]))


def kind_asked(question: str) -> str:
    """The noun right after the question's last which-word ("建哪些服务平台来…" → 服务平台): a kind
    of thing asked, of which a task may name its own; "" when none. 为什么 and 什么时候 ask a
    reason or a time, no kind (`not_kind`)."""
    t = table()
    plain = _kinds_plain(question)
    at = max((plain.rfind(w) + len(w) for w in t.words["which_of"] + t.words["kind_of"] if w in plain), default=-1)
    if at < 0:
        return ""
    words = takewhile(lambda wt: wt[1] == "vn" or not wt[1].startswith(KIND_ENDS), tagged(plain[at:]))
    return "".join(w for w, _ in words)


def holds_kind_of(question: str, name: str, own: str, texts: Sequence[str]) -> bool:
    """Whether ``name`` is the kind a follow-up asks of the task in view (it stands after the
    which-word) and the task names something of that kind: it prints a piece of the name that
    few of the plan's ``texts`` print (网络 of 网络平台, not a word most tasks have)."""
    if not name or name not in kind_asked(question):
        return False
    rare = [p for p in name_pieces(name) if 2 * sum(p in text for text in texts) <= len(texts)]
    return any(p in own for p in rare)


def name_pieces(name: str) -> list[str]:
    """The words a name is made of, a long one (资源共享, 网络平台) in pairs of characters: a
    task holding them all speaks of the same thing in its own order."""
    parts: list[str] = []
    for w in content_words(name):
        parts += [w[i:i + 2] for i in range(0, len(w), 2)] if len(w) > 3 else [w]
    return [p for p in parts if len(p) > 1]


# jieba's tags of words that end no name: verbs, particles, prepositions, conjunctions, adverbs,
# pronouns (建 of 职工书屋建); 日 and 月 are tagged as numerals (m) and do end one.
NOT_A_HEAD = ("v", "u", "p", "c", "d", "r")


def headed_by_a_character(name: str) -> bool:
    """Whether a name ends in a word of one character that its pieces leave out (日 of
    全民健身日, 月 of 全民读书月): the thing named is that, not its words'."""
    words = tagged(name)
    return bool(words) and len(words[-1][0]) == 1 and not words[-1][1].startswith(NOT_A_HEAD)


def _asked_text(turn: Turn, asks: str | None) -> str:
    """The fact asked, as a refusal names it: the ways to be contacted the question names (电子邮箱)
    rather than any contact."""
    media = turn.evidence.contact_media if asks == "contact" else ()
    return "或".join(m.name for m in media) or ASKED_TEXT.get(asks, "这方面的内容")


DEMONSTRATED_CHARS = 2  # of the noun after a demonstrative: most nouns, or their first word
DEMONSTRATED_SHARE = 0.5  # of the best hit's share of the key words the pointed-at task must hold


def demonstrated(question: str) -> str:
    """The noun a question opens by pointing at ("这个调查…" → 调查, "那这项改革…" → 改革), or ""."""
    text = question.lstrip("，, ").removeprefix("那么").removeprefix("那")
    for word in sorted(table().word_set("demonstrative"), key=len, reverse=True):
        if text.startswith(word):
            noun = text[len(word):len(word) + DEMONSTRATED_CHARS]
            return noun if len(noun) == DEMONSTRATED_CHARS and all(_HAN.match(c) for c in noun) else ""
    return ""


def repeated_subject(question: str, previous: str) -> str:
    """The word a follow-up opens with when the previous question said it too ("普查什么时候
    开始" after "要开展哪些普查" → 普查): the thing talked about, said again; or ""."""
    words = tagged(question.lstrip("，, ").removeprefix("那么").removeprefix("那"))
    if not words:
        return ""
    first, tag = words[0]
    if len(first) < 2 or not tag.startswith(("n", "vn")) or first in generic_words() | no_topic_words():
        return ""  # 全省, 方案: said of anything
    if len(words) > 1 and words[1][1].startswith(("n", "vn")):
        return ""  # 市县科技馆: the thing is the whole phrase, not its first word
    return first if first in content_words(previous) else ""


def titled_so(task: Task, end: str) -> bool:
    """Whether the task's title ends with ``end`` (closing quotes aside)."""
    return task.title.rstrip("”\"’'）)】 ").endswith(end)


def mostly_titled(section: Section, end: str) -> bool:
    """Whether most of the part's tasks have titles ending with ``end``."""
    return 2 * sum(titled_so(t, end) for t in section.tasks) > len(section.tasks)


def clauses_of(text: str) -> list[str]:
    """The text's clauses, split at commas and semicolons."""
    for stop in "，,；;":
        text = text.replace(stop, "，")
    return [c for c in text.split("，") if c.strip()]


NAMED_PHRASE_CHARS = 4  # a phrase of the plan this long that a question holds names a thing of it (墙体材料)


def merge_answers(question: str, parts: list[Answer], labels: Sequence[str] = ()) -> Answer:
    """Answers to the parts of one question (第4条和第5条, or several questions in one message,
    each under its own ``labels``): texts in order, citations in order without repeats, those of
    the parts answered (a part refused for a fact its task lacks names that task, answering
    nothing); abstained only if every part was."""
    texts, cites, seen = [], [], set()
    refused = all(a.abstained for a in parts)
    for i, answer in enumerate(parts):
        texts.append(f"问：{labels[i]}\n{answer.answer}" if labels else answer.answer)
        for c in answer.citations if refused or not answer.abstained else ():
            if (c.plan, c.task, c.section) not in seen:
                seen.add((c.plan, c.task, c.section))
                cites.append(c)
    return Answer(question, "\n\n".join(texts), all(a.abstained for a in parts), tuple(cites))


def named_parts(plan: Plan, question: str) -> set[str]:
    """The parts whose whole title the question names (主要任务, 保障措施), when it names some
    but not all: a listing is then among their tasks."""
    named = set(titles_named(question, structure.section_titles(plan)))
    return named if len(named) < len(plan.body) else set()


def part_of(plan: Plan, number: str) -> str:
    """A part as an answer names it: 第三部分：保障措施, 第七章：交通违法和事故处理."""
    section = structure.find_section(plan, number=number)
    return f"{structure.section_label(section)}：{section.title}" if section else place(None, "", number)


def _topic_of_title(clause: str, idf: Mapping[str, float]) -> dict[str, float]:
    """A title clause's key words (→ idf) that say its topic, not what is done of it (推进, 加强:
    `work_verb`): a word opening with such a verb stands for its rest (深化改革 → 改革). All its
    key words when none is left (组织实施)."""
    verbs = sorted(table().word_set("work_verb"), key=len, reverse=True)
    plain = generic_words() | no_topic_words()
    terms = ex.key_terms(clause, idf)
    topic: dict[str, float] = {}
    for term in terms:
        verb = next((v for v in verbs if term.startswith(v)), "")
        rest = term[len(verb):]
        if term in plain or (verb and not rest):
            continue
        topic[rest if len(rest) >= 2 else term] = idf[term]
    return topic or {t: idf[t] for t in terms}


SOUND_TAGS = ("e", "y", "o")  # interjections, modal particles, onomatopoeia (嗯, 呃, 哈哈): no words asked


def understood(question: str, lexicon: Lexicon) -> bool:
    """Whether the question has words at all: Chinese content words, or English words the
    dictionary knows ("asdfgh", "？？？" and "啊啊啊" have none)."""
    if any(t in lexicon.bm25.idf for t in tokenize(question)):  # a word or number the plan has: 12368
        return True
    if is_english(question) or not _HAN.search(question):
        return bool(lexicon.glossary.english_groups(question)[0])
    sounds = {w.lower() for w, flag in tagged(question) if flag in SOUND_TAGS}
    return any(is_word(w) and w not in sounds for w in content_words(question))


LLM_DOWN = "（大模型服务暂时不可用（{reason}），以下为计划原文摘录）"
LLM_REMOVED = "（已删除回答中不在检索结果里的引用：{numbers}）"


FACT_LABEL = {"who": "责任单位", "lead": "责任单位", "when": "时间", "date": "日期", "money": "金额", "place": "地点", "places": "地点", "where": "地点", "contact": "联系方式",
              "person": "人员", "actor": "单位或人员", "penalty": "处罚", "frequency": "频次", "role": "定位",
              "doc_number": "文号", "founded": "成立", "code": "标准编号"}
DOCUMENT_FACTS = {"signed": "印发日期", "published": "发布日期", "issuer": "印发单位", "addressees": "主送单位",
                  "doc_number": "文号", "instruction": "对收文单位的要求", "effective": "施行日期或有效期"}
STRUCTURAL = ("meta", "section", "task")  # answered from the outline, not by retrieval
NOT_UNDERSTOOD = "没有理解这个问题。可以换个说法，或者问{name}的某一部分、某一项，例如：{examples}"
GREETING = "您好！我可以回答关于{name}的问题，并注明出自第几项任务。例如：{examples}"
THANKS = "不客气。还可以接着问，例如：{examples}"
COMPOSE = "我只回答{name}里写了什么，并注明出自第几项任务，不代写文稿，也不代办计划以外的事（推荐、规划、预订、转发、打印等）。可以这样问，例如：{examples}"
SEND_FILE = "我只回答{name}里写了什么，并注明出自第几项任务，不能发送文件或提供下载。可以这样问，例如：{examples}"


class Assistant:
    def __init__(self, search: HybridSearch, llm: LLMAnswerer | None = None):
        self.search = search
        self.llm = llm
        # One small handler per kind of Query; each reads the turn's one Evidence.
        self.handlers = {"task": self._task, "section": self._section, "meta": self._meta,
                         "mention": self._mention, "search": self._retrieve, "chat": self._chat}

    def ask(self, question: str, plan: str | None = None, history: Sequence = (),
            id: str | int | None = None) -> Answer:
        """The Answer: the last item of ``stream`` (the text pieces before it are dropped)."""
        *_, answer = self.stream(question, plan, history, id)
        return answer

    def _handle(self, turn: Turn) -> Answer:
        return self.handlers[turn.intent.kind](turn)

    def _answer(self, question: str, plan: str | None, history: Sequence) -> Answer:
        """The message as one question; if that is refused, or answered from the outline while
        it holds questions of other kinds, and it holds several questions (机关改革什么时候完成？
        新馆投资多少钱？), each is answered in turn, as a conversation so
        that "它…" in a later one means the earlier one's task, and the answers are given
        under their questions: a part the plan does not cover says so, as the whole did. Parts
        are not tried first, and a message about another year or organization stays refused
        as a whole: "2016年…完成了哪些工作？取得了什么成绩？" is one question about 2016,
        whose second half alone would be answered wrongly."""
        turn = self._prepare({"question": question, "plan": plan, "history": history})
        answer = self._handle(turn)
        parts = split_questions(question)
        if not parts or self._other_plan(turn, self._plan_for(turn)):
            return answer
        searched = not answer.abstained and turn.intent.kind in ("search", "mention")
        if not answer.abstained and not self._asks_apart(turn, parts) and not searched:
            return answer
        answers: list[Answer] = []
        turns: list[Turn] = []
        for p in parts:
            turns.append(self._prepare({"question": p, "plan": plan, "history": [*history, *answers]}))
            answers.append(self._handle(turns[-1]))
        if all(a.abstained for a in answers):
            return answer
        if searched and not self._answered_apart(answer, answers, turns, self._plan_for(turn)):
            return answer
        return merge_answers(question, answers, labels=parts)

    @staticmethod
    def _answered_apart(whole: Answer, answers: list[Answer], turns: list[Turn], plan: Plan) -> bool:
        """Whether questions searched together are answered better apart: each is answered, from
        different tasks, and a task the whole did not cite prints a name its question gives
        (four characters or more, printed by few tasks: "数字科普扶贫工程在哪一项？还有科普资源
        集成共享平台是面向谁的？"), or a word of it few tasks print (…论坛还办不办？) when no task
        the whole cited is near the top of its own search. Questions about one task, a second
        question that leans on the first ("…有啥要求？在学会里工作的人能发展入党吗？") or one that
        names only the plan's subject (工业数据) keep the whole's answer."""
        if any(a.abstained or not a.citations for a in answers):
            return False
        firsts = [(a.citations[0].plan, a.citations[0].task, a.citations[0].section) for a in answers]
        cited = {(c.plan, c.task, c.section) for c in whole.citations}
        if len(set(firsts)) < len(firsts) or set(firsts) <= cited:
            return False
        own = {t.number: t.title + t.text for s in plan.sections for t in s.tasks}
        texts = list(own.values())

        def apart_from_whole(turn: Turn) -> bool:  # the whole's tasks are far down this one's search
            hits = turn.evidence.task_hits
            return bool(hits) and not any((h.chunk.plan, h.chunk.task_number, h.chunk.section_number) in cited
                                          for h in hits[:PART_HITS] if h.score >= PART_BAND * hits[0].score)

        return all(first in cited or named_by(t.raw, a.citations[0].title + a.citations[0].quote, texts)
                   or (rare_word_printed(t.raw, own.get(first[1], ""), texts, t.evidence.idf) and apart_from_whole(t))
                   for first, t, a in zip(firsts, turns, answers))

    def _asks_apart(self, turn: Turn, parts: list[str]) -> bool:
        """Whether an answered message still holds questions of different kinds, of which the
        whole answered one: "一共多少项任务？第三部分讲什么？" is a count and a part."""
        if turn.intent.kind not in STRUCTURAL:
            return False
        frame = plan_frame(turn.plan, turn.context)
        each = rule("each_of_them").pattern  # "…哪几条？分别是什么？": the whole's list names them
        queries = {(q.kind, q.meta, q.task, q.section, q.section_number)
                   for q in (understand(normalize_question(p), frame) for p in parts if not each.search(p))}
        return len(queries) > 1

    def _chat(self, turn: Turn) -> Answer:
        """A greeting or thanks: a short reply with questions this plan answers; a request to write
        something is refused the same way (abstained: the plan does not answer it)."""
        plan = self._plan_for(turn)
        template = {"thanks": THANKS, "compose": COMPOSE, "send_file": SEND_FILE}.get(turn.intent.meta, GREETING)
        text = template.format(name=plan.name, examples=self._examples(plan))
        return Answer(turn.raw, text, turn.intent.meta in ("compose", "send_file"), ())  # a request it refuses

    @staticmethod
    def _examples(plan: Plan) -> str:
        from planqa.assistant.examples import example_questions

        return "；".join(f"“{q}”" for q in example_questions(plan, 3))

    def _not_understood(self, turn: Turn) -> Answer:
        plan = self._plan_for(turn)
        return Answer(turn.raw, NOT_UNDERSTOOD.format(name=plan.name, examples=self._examples(plan)), True, ())

    def _other_plan(self, turn: Turn, plan: Plan | None) -> Verdict | None:
        """Why the question is about another year, place or organization's plan, or None."""
        return outside_plan(turn.evidence.spelled, self._plan_text(plan), plan.title if plan else "",
                            turn.intent.kind == "task")

    # --- preparation ------------------------------------------------------------------------
    def _prepare(self, request: dict) -> Turn:
        normalized = normalize_question(request["question"])
        question = strip_preamble(normalized)
        if not self.search.entries:
            raise NoPlanIndexed("还没有索引任何计划：先用 planqa index FILE 或在“计划管理”里上传一个计划")
        context = context_from_history(request.get("history") or ())
        plan_id = request.get("plan")
        if plan_id is not None:
            self.search.plan_ids(plan_id)  # unknown plan → UnknownPlan
        elif context and context.plan in self.search.entries:
            plan_id = context.plan
        elif len(self.search.entries) == 1:
            plan_id = next(iter(self.search.entries))
        plan = self.search.entries[plan_id].plan if plan_id else None
        context = context if not context or context.plan == plan_id else None
        said = normalized[: max(0, normalized.find(question))]  # its preamble
        if context and any(w in said for w in table().words["topic_switch"]):
            context = None  # "换个问题，反邪教网站叫啥": nothing carried from the task before
        frame = plan_frame(plan, context)
        intent = understand(question, frame)
        back = rule("return_to").pattern.match(question) if context and context.seen else None
        if back and intent.rule != "return_to":  # "说回上一条，谁负责": what follows, read and searched alone
            question = question[back.end():].lstrip(" ，,、：:") or question
        evidence = Evidence(self.search, question, plan)
        if plan and intent.kind in ("mention", "search") and table().flag("english_part", question):
            # "part", "tasks" translate to noise (部分): the words about the structure go first
            words = re.sub(expand(r"(?i)\b{en_frame}\b", table().words), " ", question)
            if number := structure.section_by_terms(plan, evidence.lexicon.glossary.english_groups(words)[0]):
                intent = Query("section", section_number=number)
        turn = Turn(request["question"], question, plan, intent, context, evidence)
        if intent.rule == "return_to" and intent.among and not returned_to(turn):  # 回到家乡创业: no earlier
            turn = replace(turn, intent=replace(intent, within=False, among=(), followup=False))  # topic
        return turn

    def _plan_for(self, turn: Turn) -> Plan:
        """Structural questions need one plan: the chosen one, else the best hit's."""
        if turn.plan is not None:
            return turn.plan
        hits = turn.evidence.hits
        plan_id = hits[0].chunk.plan if hits else next(iter(self.search.entries))
        return self.search.entries[plan_id].plan

    def _reply(self, turn: Turn, reply: structure.Reply) -> Answer:
        text, cites, abstained = reply
        return Answer(turn.raw, text, abstained, cites)

    # --- structural ---------------------------------------------------------------------------
    def _task(self, turn: Turn) -> Answer:
        plan = self._plan_for(turn)
        if verdict := self._other_plan(turn, plan):  # "2018年的工作要点里这项还保留吗？"
            return self._refuse(turn, plan, [], verdict.reason)
        if (place := turn.intent.section_place) is not None:  # 这部分第二项: resolve the number
            within = structure.attachment_in(plan, turn.question)  # 附件1的第二部分第3项
            section = structure.find_section(plan, turn.intent.section, turn.intent.section_number, within)
            if section is None:
                return self._reply(turn, structure.missing_section(plan, turn.intent.section,
                                                                   turn.intent.section_number, within))
            if not section.tasks or not (place == -1 or 0 < place <= len(section.tasks)):
                return self._reply(turn, structure.missing_place(plan, section, place))
            task = section.tasks[-1 if place == -1 else place - 1].number
            turn = replace(turn, intent=replace(turn.intent, task=task, section_place=None, section_number=section.ref))
        if turn.intent.also:  # 第4条和第5条: each in turn
            numbers = (turn.intent.task, *turn.intent.also)
            answers = [self._task(replace(turn, intent=replace(turn.intent, task=n, also=())))
                       for n in numbers]
            return merge_answers(turn.raw, answers)
        if turn.intent.item and (printed := structure.printed_items(plan).get(turn.intent.task)):
            return self._printed_item(turn, plan, *printed)  # 第8条: the item printed "8."
        # the task's section: resolved from its place (附件1第二部分第3项), or the conversation's
        section = turn.intent.section_number or (turn.context.section if turn.context and turn.intent.followup else None)
        tasks = structure.find_tasks(plan, turn.intent.task, section) or structure.find_tasks(plan, turn.intent.task)
        if (not tasks and not plan.body_tasks and turn.intent.task and turn.intent.task <= len(plan.body)
                and turn.intent.section_number is None and structure.attachment_in(plan, turn.question) is None):
            # a letter's numbered paragraphs are its only items ("回函第二条"): part 二 (not an attachment's)
            return self._section(replace(turn, intent=replace(turn.intent, kind="section", section=turn.intent.task,
                                                              task=None, followup=False)))
        if not tasks:
            return self._reply(turn, structure.missing_task(plan, turn.intent.task))
        if turn.intent.thing is not None and turn.context and (found := listed_thing(turn.question, turn.context)):
            place_at, things, sentence = found  # "第二个是啥": the thing its quote lists there
            return self._quoted_list(turn, plan, tasks[0], things, sentence, f"第{place_at}个是：{things[place_at - 1]}。")
        if turn.intent.things and turn.context and (counted := listed_count(turn.question, turn.context)):
            return self._quoted_list(turn, plan, tasks[0], *counted)  # "一共几个": the things its quote lists
        if turn.intent.item_place is not None and len(tasks) == 1:
            return self._listed_item(turn, plan, tasks[0], turn.intent.item_place)
        if turn.intent.followup and len(tasks) == 1 and (moved := self._named_elsewhere(turn, plan, tasks[0])):
            return moved
        if turn.intent.rule == "list_reference" and len(tasks) == 1 and (
                found := self._listed_saying(turn, plan, tasks[0])) is not None:
            other, words = found  # "第一个里要做啥推选" where only the third listed prints 推选
            answer = self._task(replace(turn, intent=replace(turn.intent, task=other.number,
                                                             section_number=plan.section_of(other).ref)))
            where = structure.task_label(tasks[0], plan)
            return replace(answer, answer=f"{where}没有提到“{'”“'.join(words)}”，见：\n{answer.answer}")
        hits = [h for h in turn.evidence.hits if h.chunk.plan == plan.plan_id]
        # Keyed by section too: plans that restart numbering per section repeat numbers.
        by_task = {(h.chunk.section_number, h.chunk.task_number): h for h in hits if h.chunk.kind == "task"}
        items = []
        for task in tasks:
            section_number = plan.section_of(task).ref
            chunk = self._chunk_of(plan, task.number, section_number)
            hit = by_task.get((section_number, task.number))
            asks = turn.intent.asks
            if asks == "count" and len(tasks) == 1 and (listed := structure.answer_items(plan, task, self._unit(turn))):
                return self._reply(turn, listed)  # "第九条一共列了几项条件？": the items it lists
            if asks and turn.evidence.lacks(chunk, asks):  # said under the task asked about
                where = structure.task_label(task, plan)
                lacks = f"{where}没有写明{_asked_text(turn, asks)}。"
                if turn.intent.carried or asks in table().loose:  # the task, and what it lacks
                    plain = replace(turn, intent=replace(turn.intent, asks=None, carried=False))
                    answer = self._task(plain)
                    return replace(answer, answer=f"{lacks}该项内容如下：\n{answer.answer}")
                text = f"{lacks}该项是：{task.title}"
                return Answer(turn.raw, text, True, (ex.citation(chunk, task.title, hit.score if hit else 1.0),))
            # What the question asks of the task, its number aside: with no word of its own
            # ("第21项讲什么", "第二个具体干啥") no sentence is nearer than another, and the
            # task's opening answers
            asked = without_reference(turn.question)
            if ex.key_terms(rest := pattern("pointing_lead").sub("", asked), turn.evidence.idf):
                asked = rest  # "学会改革试点那个，要建什么考核机制": the clause after the pointing asks
            near = hit.best_passages if hit and ex.key_terms(asked, turn.evidence.idf) else ()
            quote = ex.pick_quote(chunk, asked, turn.evidence.idf, self._marks(turn, chunk), near)
            items.append((chunk, quote, hit.score if hit else 1.0))
        intro = ""
        if len(items) > 1:  # numbering restarts in every section
            where = "、".join(part_of(plan, c.section_number) for c, _, _ in items)
            intro = f"这份计划各部分分别编号，{where}都有第{turn.intent.task}项："
        answer = self._compose(turn, items, intro)
        if turn.intent.asks and len(items) == 1 and (line := self._fact_line(turn, items[0][0])):
            answer = replace(answer, answer=answer.answer + f"\n{line}")
        if turn.intent.asks == "part" and len(tasks) == 1:  # "这一项属于哪个部分？"
            answer = replace(answer, answer=answer.answer + f"\n（属于{part_of(plan, plan.section_of(tasks[0]).ref)}）")
        return answer

    def _listed_saying(self, turn: Turn, plan: Plan, task: Task) -> tuple[Task, list[str]] | None:
        """Of the list a follow-up points into by a place ("第一个里…"), the one other task that
        prints all the follow-up's own words when the task at that place lacks some ("第一个里要做啥
        推选" where only the third prints 推选): the user may count the list otherwise, the words
        say which; with the words the place's task lacks. None when it prints them all, or no one
        other listed task does."""
        ctx = turn.context
        listed = (ctx.listed if len(ctx.listed) > 1 else ctx.tasks) if ctx else ()
        numbers = [t.number for t in plan.tasks]
        by_number = {t.number: t for t in plan.tasks}
        if len(listed) < 2 or task.number not in listed or any(numbers.count(n) != 1 for n in listed):
            return None  # a number that is not one task's (numbered again in an attachment)
        # 市、县级学会 prints 市县: the list's commas, spaces and quotes left out
        texts = {n: (by_number[n].title + by_number[n].text).translate(_UNPUNCTUATED) for n in listed}
        # A time asked (截止时间, 什么时候完成): the words asking it and the verbs of a time
        # (`time_verb`: 完成, 启动) say nothing of which task is meant; other words may (推选), and
        # the one other task printing them is meant only if it states a time. Other facts' words
        # may name the thing (组建的是哪个中心, 要创办的期刊叫啥): they say which.
        asks, evidence = turn.intent.asks, turn.evidence
        timed = asks in TIME_ASKS
        generic = generic_words() | (table().word_set("time_verb") if timed else set())
        asked = without_reference(evidence.unasked(asks) if timed else turn.question)
        words = list(dict.fromkeys(w for w in content_words(asked) if len(w) >= 2
                                   and _HAN.search(w) and w not in generic and not pointing(w)
                                   and any(w in text for text in texts.values())))
        if not words or all(w in texts[task.number] for w in words):
            return None
        lacking = [w for w in words if w not in texts[task.number]]
        every, kind = [f"{t.title}{t.text}" for t in plan.tasks], kind_asked(turn.question)
        if all(w in kind for w in lacking) and holds_kind_of(turn.question, kind, texts[task.number], every):
            return None  # "第二个办哪些服务活动" of a task with its own 服务…: the kind asked of it
        holders = [n for n in listed if n != task.number and all(w in texts[n] for w in words)]
        if len(holders) != 1:
            return None
        held = by_number[holders[0]]
        if timed and not evidence.states(self._chunk_of(plan, held.number, plan.section_of(held).ref), asks):
            return None
        return held, lacking

    def _named_elsewhere(self, turn: Turn, plan: Plan, task: Task) -> Answer | None:
        """A follow-up that places a name in the task it points at ("…是在上一条里提的吗", "…也是
        这条里的吗") when that task does not print it, nor all its words, and another does: the
        task printing it answers, the one pointed at named as not holding it."""
        texts = {(s.ref, t.number): t.title + t.text for s in plan.sections for t in s.tasks}
        name = printed_name(turn.question, list(texts.values()))
        own = texts.get((plan.section_of(task).ref, task.number), name).translate(_UNPUNCTUATED)
        pieces = name_pieces(name)
        if not name or name in own or (all(w in own for w in pieces) and not headed_by_a_character(name)):
            # its words are the task's too ("资源共享平台" of a task with 资源 and 共享; 市县 of 市、县级): it
            # stays; not when a character heads them (全民健身日 of a task with 全民健身)
            return None
        if all(w in generic_words() or w in table().word_set("topicless") for w in pieces):
            return None  # "这一项的牵头单位是谁": a kind of fact asked of it, no name
        if turn.question.split(name, 1)[0].endswith(tuple(table().words["and"])):
            return None  # "这条跟…行动是一个部分的吗": the two compared, not one placed
        if holds_kind_of(turn.question, name, own, list(texts.values())):
            return None  # "它要搭哪些服务平台" of a task with its own 服务…: the kind asked of it, its own
        idf = turn.evidence.idf
        items = []
        for (section, number), text in texts.items():
            if name in text:
                chunk = self._chunk_of(plan, number, section)
                items.append((chunk, ex.pick_quote(chunk, name, idf, (), (), ex.LIST_QUOTE_CHARS), 1.0))
        where = structure.task_label(task, plan)
        return self._compose(turn, items, f"“{name}”不在{where}里，见：")

    def _listed_item(self, turn: Turn, plan: Plan, task: Task, place: int) -> Answer:
        """The item at ``place`` of those the task lists ("核心技术标准的第3项"), quoting it from
        the paragraph (or sentence) it opens up to the next item's; the task, and that it lists
        fewer or none, otherwise."""
        items = structure.items_of(task.text)
        where = structure.task_label(task, plan)
        if not 0 < place <= len(items):
            answer = self._task(replace(turn, intent=replace(turn.intent, item_place=None)))
            said = f"{where}只列了{len(items)}项。" if items else f"{where}没有分项列出。"
            return replace(answer, answer=said + answer.answer)
        item, following = items[place - 1], (items[place] if place < len(items) else None)

        def opens(text: str, name: str | None) -> bool:  # after its label, not in a lead-in naming them all
            return bool(name) and name in text[:len(name) + ITEM_LABEL_CHARS]

        paragraphs = [p.strip() for p in task.text.split("\n") if p.strip()]
        start = next((i for i, p in enumerate(paragraphs) if opens(p, item)), None)
        if start is not None:
            end = next((i for i in range(start + 1, len(paragraphs)) if opens(paragraphs[i], following)), len(paragraphs))
            line = "\n".join(paragraphs[start:end])
        else:  # items run on in one paragraph: the sentence it opens
            line = next((x.strip() for x in split_sentences(task.text) if opens(x.strip(), item)), item)
        quote = line if len(line) <= ex.SINGLE_QUOTE_CHARS else structure.leading(line, ex.SINGLE_QUOTE_CHARS) or line
        chunk = self._chunk_of(plan, task.number, plan.section_of(task).ref)
        answer = self._compose(turn, [(chunk, quote, 1.0)], f"{where}列的第{place}项是“{item}”：")
        if turn.intent.asks and (fact := self._fact_line(turn, chunk)):
            answer = replace(answer, answer=answer.answer + f"\n{fact}")
        return answer

    def _printed_item(self, turn: Turn, plan: Plan, task: Task, line: str) -> Answer:
        """The task that holds the printed item, quoting the item (the fact asked, if any, from
        the task as a whole)."""
        chunk = self._chunk_of(plan, task.number, plan.section_of(task).ref)
        if turn.intent.asks and turn.evidence.lacks(chunk, turn.intent.asks):
            plain = replace(turn, intent=replace(turn.intent, task=task.number, item=False))
            return self._task(plain)  # says what the task lacks
        quote = line if len(line) <= ex.LIST_QUOTE_CHARS * 2 else ex.pick_quote(
            chunk, f"{turn.question} {line}", turn.evidence.idf, self._marks(turn, chunk), ())
        answer = self._compose(turn, [(chunk, quote, 1.0)], f"第{turn.intent.task}条在{structure.task_label(task, plan)}里：")
        if turn.intent.asks and (fact := self._fact_line(turn, chunk)):
            answer = replace(answer, answer=answer.answer + f"\n{fact}")
        return answer

    def _chunk_of(self, plan: Plan, number: int, section: str) -> Chunk:
        def same(c: Chunk) -> bool:
            return c.plan == plan.plan_id and c.task_number == number and c.section_number == section

        # The index may have switched versions during this request: the plan's own chunks then.
        return next((c for c in self.search.chunks if same(c)), None) or next(
            c for c in chunk_plan(plan) if same(c))

    def _section(self, turn: Turn) -> Answer:
        plan = self._plan_for(turn)
        intent = turn.intent
        if intent.also:  # "智库和自身建设这两部分", "第六部分和第七部分": each part in turn
            first = intent.section if intent.section is not None else intent.section_number
            return merge_answers(turn.raw, [self._section(replace(turn, intent=replace(
                intent, section=n if isinstance(n, int) else None,
                section_number=n if isinstance(n, str) else None, also=()))) for n in (first, *intent.also)])
        within = structure.attachment_in(plan, turn.question)  # 附件2第一部分
        found = structure.find_section(plan, intent.section, intent.section_number, within)
        if found is None:
            return self._reply(turn, structure.missing_section(plan, intent.section, intent.section_number, within))
        if not intent.followup and (listed := self._items_asked(turn, plan, found)):
            return listed  # "总体要求里的基本原则有哪几条？": the task inside the part is asked
        if intent.within and turn.context and turn.context.tasks:
            return self._reply(turn, structure.listed_in_section(plan, found, turn.context.tasks))
        return self._reply(turn, structure.answer_section(plan, found, intent.besides, intent.section_place or 0))

    def _meta(self, turn: Turn) -> Answer:
        plan = self._plan_for(turn)
        if verdict := self._other_plan(turn, plan):
            return self._refuse(turn, plan, [], verdict.reason)  # 江苏省科协今年的重点工作
        if listed := self._items_asked(turn, plan):
            return listed  # "基本原则一共几条？": a task's items, not the plan's tasks
        if turn.intent.meta == "count_tasks" and (section := self._part_titled(turn.question, plan)):
            return self._reply(turn, structure.answer_section(plan, section))  # "主要任务一共有多少项？"
        if turn.intent.meta == "count_tasks" and (label := structure.attachment_in(plan, turn.question)) and (
                structure.numbers_items(plan, label)):
            # "附件一共有几项": the attachment's items, not the plan's tasks; its parts when they are
            # what is counted ("附件共有几个方面")
            nouns = counted_nouns(turn.question)
            if reply := (nouns and structure.count_attachment_sections(plan, label, turn.question, nouns[0])
                         or structure.answer_attachments(plan, label)):
                return self._reply(turn, reply)
        if turn.intent.meta == "count_tasks" and self._count_printed(turn):
            return self._retrieve(replace(turn, intent=replace(turn.intent, kind="search", meta=None, asks="count")))
        if turn.intent.meta == "count_tasks" and (counted := self._counted_on_topic(turn)) is not None:
            return counted
        if turn.intent.meta == "count_tasks" and (part := self._part_in_view(turn, plan)) is not None:
            return self._reply(turn, structure.answer_section(plan, part))  # "有几条？" after a part
        if turn.intent.meta == "attachments" and (
                listed := structure.answer_attachments(plan, turn.intent.section_number)):
            return self._reply(turn, listed)
        reply = structure.answer_meta(plan, turn.intent.meta)
        if reply is None and turn.intent.meta in DOCUMENT_FACTS:  # not printed: say so, not a task
            return self._refuse(turn, plan, [], f"{plan.genre}里没有写明{DOCUMENT_FACTS[turn.intent.meta]}")
        return self._reply(turn, reply) if reply else self._retrieve(turn)

    @staticmethod
    def _part_in_view(turn: Turn, plan: Plan) -> Section | None:
        """The part the latest answer showed whole (all its tasks), when a question asking for
        tasks names neither a topic nor the document ("第一部分讲啥？" → "下面有几条？"): it
        asks of that part, not of the plan."""
        ctx = turn.context
        if ctx is None or ctx.plan != plan.plan_id or not ctx.section:
            return None
        m = rule("count_tasks").pattern.search(turn.question)
        rest = turn.question[: m.start()] + turn.question[m.end():] if m else turn.question
        if any(not pointing(w) for w in content_words(rest)):
            return None  # "全年一共几项任务", "省科协今年有多少项任务": words of their own, not 下面/这里
        part = structure.find_section(plan, number=ctx.section)
        if part is None or len(part.tasks) < 2 or ctx.tasks != tuple(t.number for t in part.tasks):
            return None
        whole = (*table().words["genre"], *table().words["whole_text"])
        if doc_pattern(plan_frame(plan, ctx).doc_nouns).search(turn.question) or any(w in turn.question for w in whole):
            return None  # "这份要点一共几条", "这个方案有几条": the document's
        return part

    def _count_printed(self, turn: Turn) -> bool:
        """Whether a task prints, with its number, the thing a count question names besides the
        plan's own items ("标准制修订多少项" ← "制修订30项以上…相关标准", "关键技术攻关任务有多少项"
        ← "每年部署不少于20项关键技术攻关任务"): then the number printed answers, not the count of
        the plan's tasks. Words for items (任务, 措施, 重点) name nothing by themselves, nor words
        half the plan's texts print (工作); a noun counted after the number must be the one
        printed after it (学会改革有多少项任务 ↛ 20个左右的省级学会). A thing of the genre counted by
        itself (工程, 项目) is named by the number printed before it."""
        generic = generic_words()
        weights = {w: v for w, v in turn.evidence.topic_of("count").items() if w not in generic and v > HALF_IDF}
        nouns = counted_nouns(turn.question)
        if not weights:  # "重点工程一共多少项": a thing of the genre counted, not the plan's items
            # (重点工作, 工作任务), that a number printed in a task or a part's lead counts (12项工程)
            items = (*table().words["item_noun"], *table().words["plan_things"])
            own = [n for n in nouns if not n.endswith(items)]
            return bool(own) and any(
                counting(turn.question, f, own) for h in tasks_first(turn.evidence.hits[:SEARCH_K])
                if h.chunk.kind in ("task", "section") for f in turn.evidence.stated(h.chunk, "count"))
        return any(share >= FACT_SHARE and (not nouns or counting(turn.question, f))
                   for h in tasks_first(turn.evidence.hits[:SEARCH_K]) if h.chunk.kind in ("task", "section")
                   for f, share in turn.evidence.stated_shares(h.chunk, "count", weights))

    def _counted_on_topic(self, turn: Turn) -> Answer | None:
        """How many tasks treat a topic the question names besides the plan and its items
        ("科普方面的任务有几项", "带“试点”两个字的工作有几项", "跟院士有关的一共几条"): the tasks
        printing it, listed and counted. A thing named before the count with its own modifier
        ("巡视反馈的问题一共多少条") is what is counted: a task's fact, searched (and refused
        when no task prints its number). None: the plan's own tasks are counted."""
        m = rule("count_tasks").pattern.search(turn.question)
        if m is None or turn.plan is None or is_english(turn.question):
            return None  # (several plans and none chosen: the plan answering counts its own)
        before = pattern("count_lead").sub("", turn.question[: m.start()])
        if turn.plan is not None:  # "这个管理办法正文一共多少条": the plan by its genre is no topic
            before = besides_the_plan(before, plan_frame(turn.plan, turn.context))
        idf, generic = turn.evidence.idf, generic_words()
        title = turn.plan.title if turn.plan else ""  # its words (2020年, 智能制造) name the whole plan
        if not any(w in idf and w not in title and not any(c.isdigit() for c in w)
                   for w in ex.topic_weights(before, idf) if w not in generic):
            return None  # "这份要点一共几项任务": nothing the plan prints besides itself
        task = structure.task_titled(turn.plan, turn.question)
        if task is not None and before.endswith(task.title[-2:]):  # "基本原则一共几条": that task's
            return self._retrieve(replace(turn, intent=replace(turn.intent, kind="search", meta=None, asks=None)))  # text
        thing = pattern("modified_thing").search(before)
        if thing and not thing.group(1).endswith(tuple(generic)) and not names_a_topic(m.group(0)):
            return self._retrieve(replace(turn, intent=replace(turn.intent, kind="search", meta=None, asks="count")))
        return self._mention(replace(turn, intent=replace(turn.intent, kind="mention", listing=True, asks=None)))

    def _items_asked(self, turn: Turn, plan: Plan | None, within: Section | None = None) -> Answer | None:
        """The items of the task the question names by its title, when it asks how many or
        which (基本原则有几条 / 有哪些) and the task lists some."""
        asked = (turn.intent.meta == "count_tasks" or asks_for(turn.question) == "count"
                 or table().flag("enumerate", turn.question)
                 or (turn.intent.asks is None and any(w in turn.question for w in table().words["items_asked"])))
        task = structure.task_titled(plan, turn.question) if plan and asked else None
        if task is None or (within is not None and task not in within.tasks):
            return None
        named = structure.naming_sentence(task, self._item_nouns(turn))
        reply = structure.answer_items(plan, task, self._unit(turn), named)
        return self._reply(turn, reply) if reply else None

    def _titled_alike(self, turn: Turn) -> Answer | None:
        """The tasks of one part whose titles end with the thing asked for by name (哪些方面的场景
        → 开放工业赋能场景, 开放园区场景 …), unless the question names one of them by words no
        other of them has; else the one part titled so (哪些原则 → 基本原则)."""
        plan = turn.plan
        asked = plan is not None and turn.intent.asks in (None, "count", "list_names")
        # after 哪些, else before 分别是哪些 ("配套工程具体指哪些": the tasks titled …工程); not the
        # plan's words for its contents (主要任务, 重点工作: any task is one)
        things = tuple(table().words["plan_things"])
        nouns = (self._things_named(turn) or tuple(n for n in named_nouns(turn.question)
                                                    if not n.endswith(things))) if asked else ()
        if not nouns or outside_plan(turn.evidence.spelled, self._plan_text(plan), plan.title):
            return None  # "江苏的…有哪些目标": another place's, refused where it is judged; a fact asked besides: searched
        noun, tasks = structure.titled_alike(plan, nouns)
        if not tasks:  # "要遵循哪些原则": the one part of the body titled so (基本原则), by the whole noun
            whole = [n for n in nouns if not any(o != n and o.endswith(n) for o in nouns)]
            parts = [s for s in plan.body if len(s.tasks) >= 2 and any(s.title.endswith(n) for n in whole)]
            if len(parts) != 1 or self._narrows(turn, plan, parts[0].tasks, parts[0].title):
                return None
            return self._reply(turn, structure.answer_section(plan, parts[0]))
        if any(self._names_own_words(turn.question, plan, t.title[:-len(noun)], [o.title for o in tasks if o is not t])
               for t in tasks) or self._narrows(turn, plan, tasks, noun):
            return None  # "生态保护方面有哪些应用体系": the one titled so
        return self._reply(turn, structure.answer_titled_alike(plan, tasks, noun))

    @staticmethod
    def _narrows(turn: Turn, plan: Plan, tasks: Sequence[Task], noun: str) -> bool:
        """Whether the question names a thing of the plan that not all of the tasks print, and
        that is no word of the plan at large, in most tasks or its title (养老 of 哪些场景; 墙体材料
        of 哪些标准; OTA of 哪些能力 where another task treats it; not 企业 in a plan about
        enterprises): it asks about that thing, not all of them."""
        asked = pattern("frame").sub("，", turn.question)
        verbs = table().word_set("work_verb") | table().word_set("make_verb") | generic_words()  # 建设, 支持: no thing
        words = [w for w in ex.key_terms(asked, turn.evidence.idf)
                 if w not in noun and w not in verbs and not _numbered_set(w)]
        phrase = ex.plan_phrase(asked, turn.evidence.plan_text, turn.evidence.idf, KEY_SHARE)
        words += [phrase] if len(phrase) >= NAMED_PHRASE_CHARS and noun not in phrase else []
        # the words naming the kind before the noun (数字服务 of 数字服务标准有哪几种: one kind of
        # 标准), unless the part holding the tasks is titled by that kind (…重点工程: all of them);
        # the whole name only, which starts after any 的 (方案里的重点工程 names 重点工程)
        held = plan.section_of(tasks[0]).title if tasks else ""
        whole = [max(ns, key=len).rpartition("的")[2] for ns in (which_nouns(turn.question), named_nouns(turn.question)) if ns]
        words += [q for n in whole if n.endswith(noun) and n not in held  # (九大 of 九大行动 counts them)
                  and len(q := n[:-len(noun)]) >= 2 and not _numbered_set(q)]
        texts = [f"{t.title}{t.text}".lower() for t in tasks]
        every = [f"{t.title}{t.text}".lower() for t in plan.tasks]
        forms = {short.lower(): full for short, full in expansions(turn.question)}  # AI where 人工智能 is printed

        def printing(w: str, among: list[str]) -> int:
            return sum(w in x or any(f in x for f in forms.get(w, ())) for x in among)
        return any(0 < printing(w, every) and 2 * printing(w, every) < len(every) and not printing(w, [plan.title])
                   and printing(w, texts) < len(texts) for w in words)  # the title's words are the plan's subject

    @staticmethod
    def _things_named(turn: Turn) -> tuple[str, ...]:
        """The things the question asks for by name (which_nouns), not the plan's own words for
        its contents (哪些工作, 哪些措施: any task is one)."""
        return tuple(n for n in which_nouns(turn.question) if n not in table().word_set("plan_things"))

    def _item_nouns(self, turn: Turn) -> tuple[str, ...]:
        """What a task's items may be asked as: the things named, or counted (几个阶段)."""
        return self._things_named(turn) + counted_nouns(turn.question)

    @staticmethod
    def _names_own_words(question: str, plan: Plan, head: str, others: Sequence[str]) -> bool:
        """Whether the question holds two characters of the title's head that no other title has,
        and that are not the plan's subject (its title's words, or in half its tasks)."""
        subject = subject_of(plan)

        def own(pair: str) -> bool:
            return pair in question and not any(pair in o for o in others) and not subject(pair)
        return any(own(head[i:i + 2]) for i in range(len(head) - 1))

    def _named_items(self, turn: Turn, top: Scored | None) -> Answer | None:
        """The best task's items when they are the things asked for by name or counted
        (要坚持哪些原则 of a task titled 基本原则; 要用到哪些领域 of one printing 种苗培育领域、…)."""
        nouns = self._item_nouns(turn)  # most questions name none: nothing looked up
        if (not nouns or turn.intent.asks not in (None, "count") or top is None or top.chunk.kind != "task"
                or (entry := self.search.entries.get(top.chunk.plan)) is None):
            return None  # a fact asked besides: searched
        plan = entry.plan
        task = self._task_of(top.chunk)
        if task is not None and not structure.lists_as_named(plan, task, nouns):
            # the best hit lists none of them: things asked by name and nothing else (哪些原则, not
            # counted, no topic but the plan's subject) are the one task's so titled (建设原则), if it
            # lists them, wherever the plan's subject put it in the ranking
            named = frozenset(self._things_named(turn))
            titled = [t for t in plan.tasks if any(len(n) >= 2 and t.title.endswith(n) for n in named)]
            task = titled[0] if (len(titled) == 1 and self._said_as_such(turn, plan, named)
                                 and structure.lists_as_named(plan, titled[0], tuple(named))) else None
        if task is None or any(counts_noun(task.text, n) for n in nouns):
            return None  # a count the task prints (建设10个平台): searched
        reply = structure.answer_items(plan, task, self._unit(turn), structure.naming_sentence(task, nouns))
        return self._reply(turn, reply) if reply else None

    def _unit_referred(self, turn: Turn) -> Answer | None:
        """The one task whose title holds every key word of what the question calls "X那部分"
        (打基础那部分 → 夯实数字化转型基础), with its items; None when no task or several are."""
        plan = turn.plan
        if plan is None or not (m := pattern("unit_referred").search(turn.question)):
            return None
        rest = turn.question[m.end():].lstrip()
        held = pattern("under_part").match(rest)
        if held is None or rest[held.end():].strip(UNIT_REST_ENDS):
            return None  # "人才工作这块，国内培养的…", "那部分有哪些工作提到了标准": a topic it goes on to ask of
        terms = ex.key_terms(m.group(1), turn.evidence.idf)
        def holds(title: str) -> bool:
            return bool(terms) and all(w in title.lower() for w in terms)
        titled = [t for t in plan.tasks if holds(t.title)]
        if len(titled) != 1 or any(holds(s.title) for s in plan.sections):
            return None  # a part titled so is what "智库这块" means
        reply = structure.answer_items(plan, titled[0], self._unit(turn))
        return self._reply(turn, reply) if reply else self._task(replace(turn, intent=replace(
            turn.intent, kind="task", task=titled[0].number, section_number=plan.section_of(titled[0]).ref)))

    @staticmethod
    def _unit(turn: Turn) -> str:
        return count_unit(turn.question, table().words["part_item"])

    # --- retrieval ----------------------------------------------------------------------------
    def _mention(self, turn: Turn) -> Answer:
        """Every task whose own words contain the question's key terms, best first; unless the
        question asks for the words themselves ("提到"), also the tasks that score near the best."""
        if verdict := self._other_plan(turn, turn.plan):
            return self._refuse(turn, turn.plan, [], verdict.reason)
        if listed := self._items_asked(turn, turn.plan):
            return listed  # "产业生态优化工程下面列了哪些具体工作？": that task's items
        if alike := self._titled_alike(turn):
            return alike  # "哪几套应用体系": the tasks titled 建设…应用体系
        if (held := self._part_items(turn)) is not None:
            return held  # "保障措施包括哪些方面": the tasks of the part titled so
        if (more := self._more_in_context(turn)) is not None:
            # "还有别的平台吗" after a quote of one task that prints more of them: the rest of that task
            others = [h for h in turn.evidence.phrase_hits if not is_held(turn.context, h)]
            return self._also(self._extractive(turn, more), turn.evidence.phrase, others)
        if referred := self._unit_referred(turn):
            return referred  # "打基础那一块有哪几项": the one task titled so
        if turn.intent.asks == "part" and not turn.intent.literal:
            return self._retrieve(turn)  # "科普是哪一部分？里面有哪几项？": the part, with its tasks
        if made := self._set_up(turn):
            return made
        if (stating := self._stating_kind(turn)) is not None:
            return stating  # "有完成时限的是哪几项": the tasks that state one
        if (whole := self._part_listed(turn)) is not None:
            return whole  # "科普工作有哪几项任务": the part its title names, every task of it
        among = turn.intent.among if turn.intent.within else ()  # "这几条里面哪些还提到了院士": the tasks in view
        hits = [h for h in turn.evidence.task_hits if h.chunk.task_number in among] if among else \
            self._besides_context(turn, list(turn.evidence.task_hits))
        question = turn.question
        parts = named_parts(turn.plan, question) if turn.plan else ()
        if parts:  # "主要任务里哪些和港口有关"
            hits = [h for h in hits if h.chunk.section_number in parts] or hits
            for part in turn.plan.body:
                if part.number in parts:
                    question = question.replace(part.title, "，")  # the part's name is no topic
        if turn.intent.rule == "bare_term" and not structure.quoted_terms(question) and not any(
                ex.mentions(h.chunk, [question]) for h in hits):
            return self._retrieve(turn)  # a term the plan does not print whole: asked about, judged there
        # everyday words as the plan prints them (年轻人 → 青年); a quoted term is looked for as typed
        quoted = structure.quoted_terms(question)
        asked = question if quoted else self._listed_clause(
            spelled_out(question, turn.evidence.plan_text), turn.evidence.idf)
        if turn.plan is not None and not quoted:  # "哪些场景里提到了5G" of a plan listing 场景: its items, no topic
            for word in content_words(asked):
                if any(f"{which}{word}" in asked for which in table().words["which_of"]) \
                        and self._lists_as_items(turn.plan, word):
                    asked = asked.replace(word, "，")
        wholly = table().flag("about_wholly", question)
        if wholly:  # 专门讲: how it is about the topic, no topic
            asked = pattern("about_wholly").sub("，", asked)
        terms, found = self._containing(asked, hits, turn.evidence.lexicon, turn.intent.literal)
        # a part's own text too: where “X” stands, or a term asked for in so many words (one phrase)
        if (quoted or ((turn.intent.literal or table().flag("text_places", question)) and len(terms) == 1)) \
                and not table().flag("asks_items", question):
            found += self._parts_printing(turn, terms, parts)
        if units := self._units_named(turn, hits):  # "哪些任务是省市场监管局牵头的？"
            led = self._in_plan_order([h for h in hits if self._led_by(turn, h, units)])
            return self._listing(turn, led, units)  # in the plan's order: no task leads more
        if apart := self._apart(turn, found=found):
            return apart  # 学会自身改革和学会承接政府职能这两块: one topic's words are in no task
        related: list[Scored] = []
        # Near tasks join a topic list. Alone they make one only when the question asks for
        # several in so many words, or is English (which cannot match the plan's words): a
        # Chinese "哪些工作…" that matches no task is a paraphrase with one answer.
        alone = turn.intent.listing or is_english(turn.question)
        if not turn.intent.literal and hits and (found or alone):
            if not found:  # nothing says it in so many words: in scope at all?
                refused, _, _ = self._retrieval(turn)
                if refused is not None:
                    return refused
            band = RELATED_BAND * hits[0].score
            related = [h for h in hits[:MAX_RELATED] if h.score >= band and h not in found]
        if table().flag("in_titles", question):  # "标题里带“搭建”的任务": the tasks it titles
            found = [h for h in found if any(t in ex.bare(h.chunk.task_title) for t in terms)]
            if not found and terms:
                return self._refuse(turn, turn.plan, hits, f"没有哪项任务的标题里有“{'、'.join(terms)}”")
        if wholly:  # "哪几条专门讲人才": the tasks it titles, when some are, in the plan's order
            weights = {t: turn.evidence.idf[t] for t in ex.key_terms(asked, turn.evidence.idf)}
            if titled := [h for h in found + related
                          if ex.text_share(ex.bare(h.chunk.task_title).lower(), weights) >= PART_TITLE_SHARE]:
                found, related = self._in_plan_order(titled), []  # no task is more about it than another
        if among and not found and terms:  # none of the tasks in view prints them together:
            if any(ex.mentions(h.chunk, [t]) for h in hits for t in terms):
                return self._retrieve(turn)  # one prints some (年底前 of 年底、完成): searched among them
            return self._refuse(turn, turn.plan, hits, f"这几项里没有提到“{'、'.join(terms)}”")
        asks = turn.intent.asks
        counted = asks == "count" and found and set(terms) & set(counted_nouns(question))  # the thing listed
        if counted and any(turn.evidence.states(h.chunk, asks) for h in found):
            return self._retrieve(turn)  # "服务系统一共几个，分别是啥": the task printing the count answers
        if counted and table().flag("which_ones", question):
            # "论坛有几个，分别是啥": no count printed, so the tasks naming them, said to be no count
            listed = self._listing(turn, found, terms)
            return replace(listed, answer=f"{genre_of(turn.plan.title if turn.plan else '')}里没有写明数量，"
                                          f"提到“{'、'.join(terms)}”的任务如下：\n{listed.answer}")
        if (not found and not related) or (asks and not any(
                turn.evidence.states(h.chunk, asks) for h in found + related)):
            return self._retrieve(turn)  # judged there: e.g. names asked that no task gives
        if asks == "list_names":  # the names of a kind: the tasks naming one (not 工程进度)
            found = [h for h in found if turn.evidence.states(h.chunk, asks)]
            related = [h for h in related if turn.evidence.states(h.chunk, asks)]
        return self._listing(turn, found, terms, related)

    @staticmethod
    def _listed_clause(question: str, idf: Mapping[str, float]) -> str:
        """The question's first clause when it alone asks for a listing, of a topic of its own,
        and a later clause asks a thing of that topic, naming it again ("跟省科协委员有关的工作有
        哪些，委员能发挥什么作用"): what is listed is its topic's; else the whole question.""" 
        clauses = clauses_of(question)
        if len(clauses) < 2 or not table().flag("listing", clauses[0]) or any(
                table().flag("listing", c) for c in clauses[1:]):
            return question
        topic = set(ex.key_terms(clauses[0], idf)) - generic_words()
        later = {t for c in clauses[1:] for t in ex.key_terms(c, idf)}
        return clauses[0] if topic & later else question  # 委员 … 委员: the later clause asks of it

    def _stating_kind(self, turn: Turn) -> Answer | None:
        """"哪条给了明确的完成时限": the tasks stating a fact of the kind asked (a deadline, a lead
        unit …), in the plan's order; None unless the question asks which tasks state one and
        names no topic besides; refused when none does."""
        asks, plan, among = turn.intent.asks, turn.plan, turn.intent.among
        m = pattern("which_stating").search(turn.question)
        if m is None or asks is None or (turn.intent.followup and not among) or plan is None:
            return None  # among: the tasks in view ("这几项里哪个…")
        rest = turn.question[: m.start()] + turn.question[m.end():]
        if "最" in rest:
            return None  # "哪项的完成时间最晚": one task compared, not those stating one
        if among:
            for words in pointing_words():  # 这几项里, 其中, 这些当中: the tasks in view, no topic
                rest = rest.replace(words, "")
        if names_a_topic(pattern("frame").sub("，", rest), table().word_set("stated_kind") | table().word_set("qualifier")):
            return None  # "科普那几条里哪条有完成时限": a topic's tasks, judged by retrieval
        found = self._in_plan_order([h for h in turn.evidence.task_hits if turn.evidence.states(h.chunk, asks)
                                     and (not among or h.chunk.task_number in among)])
        wanted = _asked_text(turn, asks)
        if not found:
            return self._refuse(turn, plan, turn.evidence.hits, ("这几项里" if among else "") + f"没有哪项任务写明{wanted}")
        limit = ex.SINGLE_QUOTE_CHARS if len(found) == 1 else ex.LIST_QUOTE_CHARS
        items = [(h.chunk, ex.pick_quote(h.chunk, turn.question, turn.evidence.idf, self._marks(turn, h.chunk), (), limit),
                  h.score) for h in found]  # each quote holds the fact it states
        return self._compose(turn, items, f"写明{wanted}的共有{len(items)}项任务：")

    def _set_up(self, turn: Turn) -> Answer | None:
        """The tasks setting up institutions of the kinds asked ("新成立哪些协会或者机构"), in the
        plan's order; None when the question asks no such thing or no task sets one up."""
        endings = turn.evidence.set_up
        said = ex.set_up_said(endings) if endings else None
        found = [h for h in turn.evidence.task_hits if said.search(ex.own_words(h.chunk))] if said else []
        if not found:
            return None
        kinds = [*table().words["institution_word"], *endings]
        shown = sorted((w for w in kinds if w in turn.question), key=turn.question.find) or kinds[:1]
        verb = min((v for v in table().words["set_up_verb"] if v in turn.question), key=turn.question.find)
        return self._listing(turn, self._in_plan_order(found), [verb + "、".join(shown)])  # “成立协会、机构”

    @staticmethod
    def _parts_printing(turn: Turn, terms: list[str], parts: Sequence[str] = ()) -> list[Scored]:
        """The parts whose own text (a part's lead, a part without numbered tasks) prints one of
        the terms word for word, each once, among the parts the question names if it names any."""
        first: dict[str, Scored] = {}  # a long part is searched in several passages: it is one place
        for h in turn.evidence.hits:
            if h.chunk.kind == "section" and (not parts or h.chunk.section_number in parts) \
                    and any(ex.mentions(h.chunk, [t]) for t in terms):
                first.setdefault(h.chunk.section_number, h)
        return list(first.values())

    @staticmethod
    def _unshown_in_context(turn: Turn) -> Scored | None:
        """The conversation's one task, when the question asks what else there is of a thing
        (还有啥X) that the task's text prints and the latest answer's quote did not show; not which
        other task (还有哪项…), where words are (还有哪里提到…), another's (别的, 其他) or a listing."""
        ctx, phrase, question = turn.context, turn.evidence.phrase, turn.question
        if (ctx is None or ctx.task is None or len(ctx.tasks) != 1 or not ctx.quote or not phrase
                or phrase in ex.bare(ctx.quote) or turn.intent.followup or turn.intent.listing
                or not table().flag("also", question) or any(w in question for w in table().words["another"])
                or table().flag("which_task", question) or table().flag("literal", question)):
            return None
        return next((h for h in turn.evidence.phrase_hits if is_held(ctx, h) and h.chunk.plan == ctx.plan
                     and phrase in ex.bare(h.chunk.body)), None)

    @staticmethod
    def _more_in_context(turn: Turn) -> Scored | None:
        """The conversation's one task cut to its sentences printing a thing that the latest
        answer did not quote, when the question asks for others of the thing itself (还有别的X吗:
        the `else` rule, X right after 别的; not 别的X相关的) and the task is not titled by it; None
        when the quote showed them all."""
        ctx, phrase = turn.context, turn.evidence.phrase
        if turn.intent.rule != "else" or ctx is None or ctx.task is None or len(ctx.tasks) != 1 \
                or not ctx.quote or not phrase or not asks_others_of(turn.evidence.spelled, phrase):
            return None
        held = next((h for h in turn.evidence.task_hits if is_held(ctx, h) and h.chunk.plan == ctx.plan), None)
        if held is None or phrase in ex.bare(held.chunk.task_title):
            return None  # a task titled by the thing is one of them: 别的改革 after a reform's task, others
        shown = ex.bare(ctx.quote)
        rest = [s for s in split_sentences(held.chunk.body) if phrase in ex.bare(s) and ex.bare(s) not in shown]
        if not rest:
            return None
        # an id of its own: facts are cached by chunk id, and these are the task's unquoted ones
        return replace(held, chunk=replace(held.chunk, id=f"{held.chunk.id}-unquoted", body="\n".join(rest)))

    @staticmethod
    def _besides_context(turn: Turn, hits: list[Scored]) -> list[Scored]:
        """"还有哪项也讲…": the other tasks, not the one the conversation is about."""
        if turn.context and turn.context.task is not None and table().flag("also", turn.question):
            return [h for h in hits if h.chunk.task_number != turn.context.task]
        return hits

    def _units_named(self, turn: Turn, hits: list[Scored]) -> list[str]:
        """The responsible units a question about who leads names (those some task's lead
        notes or text give as responsible), in the order the question names them, none that
        is part of a longer one; [] when it names none."""
        if not table().flag("lead_role", turn.question):
            return []
        units = dict.fromkeys(f.text for h in hits for f in turn.evidence.stated(h.chunk, "who"))
        named = [u for u in units if len(u) >= 3 and u in turn.question]
        named = [u for u in named if not any(u in longer for longer in named if longer != u)]
        return sorted(named, key=lambda u: (turn.question.find(u), -len(u)))

    def _led_by(self, turn: Turn, hit: Scored, units: list[str]) -> bool:
        return any(u in f.text for f in turn.evidence.stated(hit.chunk, "who") for u in units)

    def _containing(self, question: str, hits: list[Scored], lexicon: Lexicon,
                    literal: bool = False) -> tuple[list[str], list[Scored]]:
        """The terms looked for and the hits whose task contains them: quoted words (any of
        them); an English question's dictionary translations (groups of synonyms, most of the
        groups' weight); for "提到…" the longest phrase the plan has word for word (学会群, not
        every task with 学会); else the question's key words (most of their idf weight: a rare
        word counts for more than 工作)."""
        quoted = structure.quoted_terms(question)
        if not quoted and literal and any(ex.mentions(h.chunk, [question]) for h in hits):
            quoted = [question]  # a bare term typed as a whole: 微信公众号
        if quoted:
            return quoted, [h for h in hits if any(ex.mentions(h.chunk, [t]) for t in quoted)]
        if is_english(question):  # by the dictionary's translations: any term of each group
            groups, _ = lexicon.glossary.english_groups(question)
            found = [h for h in hits if ex.group_share(h.chunk, groups) >= KEY_SHARE]
            # Name each group by the term the plan uses most: 智库 rather than 思想库.
            shown = [max(terms, key=lambda t: sum(ex.mentions(h.chunk, [t]) for h in hits)) for _, terms in groups]
            return shown, found
        idf = lexicon.bm25.idf
        items = table().word_set("item_noun")  # "…的措施散见于哪几条": the plan's items, no topic
        words = pieces(question)  # (as a word after 的 only: 保障措施, 限项 name things)
        question = "".join("，" if w in items and i and words[i - 1] == "的" else w for i, w in enumerate(words))
        topics = ex.conjunct_terms(question, idf)  # 科普社会化和科普信息化: a task for either
        plan_text = self.search.plan_text.get(hits[0].chunk.plan, "") if hits else ""
        phrase = ex.plan_phrase(question, plan_text, idf, KEY_SHARE) if len(topics) == 1 else ""
        if literal and phrase:  # 学会群, not every task with 学会; its words in one sentence too
            return [phrase], [h for h in hits if ex.mentions(h.chunk, [phrase]) or ex.says_together(h.chunk, phrase, idf)]
        # A joined topic the plan prints word for word with a character its words leave out (氢燃料,
        # whose only word is 燃料) is that phrase; one its words spell out (智库建设) stays its words.
        parts = ex.conjunct_parts(question, idf) if len(topics) > 1 else []
        printed = [said if ex.beyond_words(said, topic) else "" for said, topic in zip(
            (ex.plan_phrase(text, plan_text, idf, KEY_SHARE) for text, _ in parts), topics)] \
            if len(parts) == len(topics) else [""] * len(topics)
        matched = [[h for h in hits if ex.mentions(h.chunk, [said])] if said else
                   [h for h in hits if ex.term_share(h.chunk, t, idf) >= KEY_SHARE] for t, said in zip(topics, printed)]
        if len(topics) > 1:  # a joined topic that most tasks share (有关部门) lists nothing by itself
            matched = [m for m in matched if len(m) <= MAX_TOPIC_SHARE * len(hits)]
        elif phrase and len(printing := [h for h in hits if ex.mentions(h.chunk, [phrase])]) <= MAX_TOPIC_SHARE * len(hits):
            # "提高X能力" names X能力: a task printing it with another verb is about it too (not
            # the plan's subject, which most tasks print)
            matched = [matched[0] + [h for h in printing if h not in matched[0]]]
        found = [h for h in hits if any(h in m for m in matched)]
        # Named as the plan says it (“院士专家工作站”), not as the words it splits into.
        shown = [[said] if said else topic for topic, said in zip(topics, printed)]
        return [phrase] if phrase else list(dict.fromkeys(t for topic in shown for t in topic)), found

    def _listing(self, turn: Turn, found: list[Scored], terms: list[str],
                 related: list[Scored] = ()) -> Answer:
        idf = turn.evidence.idf
        # Where words occur ("哪些条目提到5G") reads in the plan's order, like a search of the
        # text; which tasks are about a topic ("智库建设有哪几项") reads best first.
        literal = turn.intent.literal or table().flag("literal", turn.question)  # a search too: X出现在第几项
        if turn.intent.in_order or (literal and found):
            found, related = self._in_plan_order(found), self._in_plan_order(related)
        elif len(found) > 1 and not turn.intent.followup and table().flag("apart", turn.question):
            found = self._in_asked_order(turn, found)  # "A和B分别在哪条": A's task first
        if turn.intent.meta == "count_tasks" and found:
            related = []  # a count of the tasks printing it: no near ones besides
        chosen = list(found) + list(related)
        limit = ex.SINGLE_QUOTE_CHARS if len(chosen) == 1 else ex.LIST_QUOTE_CHARS
        # The quote shows where each task says it: the terms lead the sentence ranking.
        wanted = " ".join([turn.question, *terms])
        if (len(chosen) == 1 and turn.intent.meta != "count_tasks" and not literal
                and (listed := self._items_listed(turn, chosen[0], terms))):
            return listed  # "产品要经过哪些阶段？请逐一列出" of the one task listing them
        items = [(h.chunk, ex.pick_quote(h.chunk, wanted, idf, (), h.best_passages, limit),
                  h.score) for h in chosen]
        if len(items) == 1 and turn.intent.meta != "count_tasks":  # a count says its one
            return self._compose(turn, items)
        texts = [f"{h.chunk.task_title}\n{h.chunk.body}" for h in found]
        shown = "、".join(f"“{ex.printed_form(t, texts)}”" for t in terms)
        if not found:
            return self._compose(turn, items, f"与问题最相关的{len(items)}项任务（按相关程度排列）：")
        count = f"{len(found)}项任务" if all(h.chunk.kind == "task" for h in found) else f"{len(found)}处"
        answer = self._compose(turn, items[: len(found)], f"涉及{shown}的共有{count}：")
        if not related:
            return answer
        return self._with_related(turn, answer, items[len(found):], "内容相关的还有：")

    def _items_listed(self, turn: Turn, hit: Scored, terms: Sequence[str]) -> Answer | None:
        """The one task a listing found, when its text enumerates items (（1）…（2）…, 1.…2.…)
        and the question asks for things of it (哪些阶段), not for the plan's tasks nor for where
        words stand: a short quote where it answers, then the items, which are what is asked.
        None otherwise (its quote answers alone)."""
        question, chunk = turn.question, hit.chunk
        if (chunk.kind != "task" or turn.intent.asks is not None
                or any(table().flag(f, question) for f in ("asks_items", "text_places"))):
            return None  # (a fact asked, 哪些单位牵头: the quote stating it answers)
        task = self._task_of(chunk)
        items = structure.items_of(task.text) if task else ()
        if len(items) < 2 or any(t in i for t in terms for i in items):
            return None  # "跟物流有关的有哪些": one item is the topic, not the list
        quote = ex.pick_quote(chunk, " ".join([question, *terms]), turn.evidence.idf, (), hit.best_passages,
                              ex.LIST_QUOTE_CHARS)
        if all(i in quote for i in items):
            return None
        answer = self._compose(turn, [(chunk, quote, hit.score)])
        return replace(answer, answer=f"{answer.answer}\n该项列了{len(items)}条：{'；'.join(structure.item_names_shown(task, items))}。")

    def _task_of(self, chunk: Chunk) -> Task | None:
        """The task a task chunk was made from (None for another chunk, or a plan not indexed)."""
        entry = self.search.entries.get(chunk.plan)
        return next(iter(structure.find_tasks(entry.plan, chunk.task_number, chunk.section_number)), None) \
            if entry and chunk.kind == "task" else None

    def _with_related(self, turn: Turn, answer: Answer, items: list[tuple[Chunk, str, float]], intro: str) -> Answer:
        """The answer, then the items under ``intro``, cited as related."""
        extra = self._compose(turn, items, intro)
        return replace(answer, answer=f"{answer.answer}\n{extra.answer}",
                       citations=answer.citations + tuple(replace(c, related=True) for c in extra.citations))

    def _in_plan_order(self, hits: Sequence[Scored]) -> list[Scored]:
        """Hits in the order their tasks stand in the plan (the overview first)."""
        places: dict[tuple[str, str, int | None], float] = {}
        for plan_id in dict.fromkeys(h.chunk.plan for h in hits):
            if (entry := self.search.entries.get(plan_id)) is not None:
                for section in entry.plan.sections:  # a part's own text before its tasks
                    places[(plan_id, section.ref, None)] = len(places)
                    for task in section.tasks:
                        places[(plan_id, section.ref, task.number)] = len(places)
        last = len(places)
        return sorted(hits, key=lambda h: -1 if h.chunk.kind == "overview" else places.get(
            (h.chunk.plan, h.chunk.section_number, h.chunk.task_number), last))

    @staticmethod
    def _in_asked_order(turn: Turn, found: list[Scored]) -> list[Scored]:
        """Tasks of two topics joined and asked apart ("A和B分别在哪条"), in the order the question
        names them, when each topic has one of them (its own search's best among those holding its
        words) and no task is left over; as found otherwise (a listing of more tasks, or of three
        topics or more, whose one-word topics (行业、工业、城市…) each search poorly: best first)."""
        idf = turn.evidence.idf
        parts = ex.conjunct_parts(turn.question, idf)
        held = turn.context.task if turn.context else None
        if not len(parts) == len(found) == 2 or (held is not None and any(h.chunk.task_number == held for h in found)) \
                or any(all(ex.term_share(h.chunk, terms, idf) >= KEY_SHARE for _, terms in parts) for h in found):
            # (the conversation's task among them: "它那几个论坛、基地各是啥" asks of it first; a task
            # holding both: they are not apart)
            return found
        ordered: list[Scored] = []
        for text, terms in parts:
            rank = {h.chunk.id: i for i, h in enumerate(turn.evidence.part_hits(text))}
            holding = [h for h in found if h not in ordered and h.chunk.id in rank
                       and ex.term_share(h.chunk, terms, idf) >= KEY_SHARE]
            if holding:
                ordered.append(min(holding, key=lambda h: rank[h.chunk.id]))
        return ordered if len(ordered) == len(found) else found

    def _apart(self, turn: Turn, found: list[Scored] | None = None) -> Answer | None:
        """Topics joined in one question (青少年和大学生的活动, 党建和组织体制改革) that the plan
        treats in different tasks, asked for apart (分别, 各是哪一项, 这两块): each topic searched
        on its own. When every topic has its evidence (its words in its best task, or a meaning
        as near as the refusal line asks for) and they land on different tasks, each topic's
        task answers. Unasked, topics joined by 和 or 、 are mostly one thing described (有多少、
        分布在哪、想法怎样), and splitting them lists tasks nobody asked for. ``found``: a listing's
        tasks; it answers instead when every topic is in one of them (新成立的协会、研究院分别有哪些)."""
        if (turn.intent.followup or turn.intent.literal or is_english(turn.question)
                or not table().flag("apart", turn.question)):
            return None
        idf = turn.evidence.idf
        parts = ex.conjunct_parts(turn.question, idf)
        if not 1 < len(parts) <= MAX_TOPICS:
            return None
        # a topic naming a fact of its own (A的截止时间和B的规模各是多少) asks that one, which no
        # listing of both answers
        own = [fact_named(text) for text, _ in parts]  # "…和B数量分别是": B's count, no asking word needed
        if not any(own[:-1]):  # the last topic carries the question's ending (…分别什么时候完成): shared
            own = [None] * len(parts)
        # ... unless it asks which task each is in (分别在哪条): a task each, not every task holding one
        if found is not None and not any(own) and not table().flag("which_task", turn.question) and all(
                any(ex.term_share(h.chunk, terms, idf) >= KEY_SHARE for h in found) for _, terms in parts):
            return None
        whole = turn.intent.asks if turn.intent.asks not in NO_FACT_NEEDED else None
        chosen: dict[str, tuple[Scored, str]] = {}
        for (text, terms), asks in zip(parts, own):
            if asks:  # 完成时间 asks the fact: no word of the topic
                terms = [t for t in terms if t in unasked_text(text, asks)]
            if not terms or (best := self._clearly_treating(turn, text, terms)) is None:
                return None  # a topic the plan does not clearly treat: no split
            asks = asks or whole
            if asks and turn.evidence.lacks(best.chunk, asks):
                return None
            chosen.setdefault(best.chunk.id, (best, text))
        return self._each_to_its_task(turn, chosen, f"问题里的{len(parts)}个方面")

    def _each_to_its_task(self, turn: Turn, chosen: dict[str, tuple[Scored, str]], asked: str) -> Answer | None:
        """Each part of a question answered from its own task (quoted for that part's words);
        None when they are fewer than two tasks."""
        if len(chosen) < 2:
            return None
        items = [(h.chunk, ex.pick_quote(h.chunk, text, turn.evidence.idf, self._marks(turn, h.chunk),
                                         h.best_passages, ex.LIST_QUOTE_CHARS), h.score) for h, text in chosen.values()]
        return self._compose(turn, items, f"{asked}分别见以下{len(items)}项任务：")

    def _clauses(self, turn: Turn, top: Scored | None) -> Answer | None:
        """Two questions in one message, each clause asking of a thing of its own ("对省科协委员，线下
        怎么服务他们履职，线上有没有专门的系统"): each asking clause searched on its own, with the
        clauses before the first asking one (what they are all about); when each clause's own words
        are in its best task and they land on different tasks, one of them the whole question's best,
        each clause's task answers. Clauses each asking a fact of their own ("A何时建好，B遴选多少个")
        are split too, even when the whole question asks one: each task must state its clause's fact."""
        if (turn.intent.followup or turn.intent.literal or turn.intent.kind != "search"
                or is_english(turn.question)):
            return None
        clauses = clauses_of(turn.question.rstrip("？?。.！! "))

        def asking(clause: str) -> bool:  # "市县两级的科技馆呢，…": a topic with 呢 asks nothing itself
            return table().flag("interrogative", pattern("closing").sub("", clause + "？"))

        first = next((i for i, c in enumerate(clauses) if asking(c)), None)
        # no clause asking in words, but each naming the fact it asks ("孵化基地建成时间，重点项目数量"):
        # every clause is asked, none leads
        named: list[str] = []  # each clause's fact, read once
        for clause in clauses if first is None else ():
            if not (kind := fact_named(clause)):
                return None
            named.append(kind)
        if first is None and not named:
            return None  # (no clause at all)
        first = first or 0
        lead, asked = "".join(clauses[:first]), clauses[first:]
        # "…一辆跟一辆自动列队行驶，这种应用计划里提了吗": the clauses describe one task; but each
        # clause asking which task ("A在哪条，B又在哪条") asks of a thing of its own
        which = [table().flag("which_task", c) for c in asked]
        last_asks_task = which[-1] or table().flag("task_asked", asked[-1])
        if not 1 < len(asked) <= MAX_TOPICS or not (named or all(asking(c) for c in asked)) or (
                last_asks_task and not all(which)):
            return None
        kinds = named or [asks_for(f"{c}？") for c in asked]
        facts_each = all(kinds)  # "X哪天完成，Y选几个": a fact asked of each thing
        referring = table().words["referring"]
        if any(w in referring for c in asked[1:] for w, _ in tagged(c)) or not (facts_each or all(which) or all(
                self._asks_else(c, "".join(clauses[: first + i + 1])) for i, c in enumerate(asked[1:]))):
            return None  # "…怎么发挥作用，有没有给他们提供条件", "钱从哪出啊，预算上怎么安排的": the same thing
        idf, generic = turn.evidence.idf, generic_words()
        about: list[str] = []  # what the later clauses say it of: the lead's and first clause's words
        # (or, each clause asking its own fact, a thing of its own its task is titled by: "A何时建好，
        # B遴选多少个" are two things, "A何时建好，补助多少钱" asks of A's money)
        chosen: dict[str, tuple[Scored, str]] = {}
        for clause, kind in zip(asked, kinds):
            # the words naming the fact asked (截止时间, 数量) are no words of the thing it is asked of
            terms = [t for t in ex.key_terms(unasked_text(clause, kind), idf) if t not in generic]
            hits = turn.evidence.part_hits(f"{lead}，{clause}" if lead else clause)[: SEARCH_K if about else 1]
            if chosen and terms and ex.mentions(next(iter(chosen.values()))[0].chunk, terms[:1]):
                return None  # "学会改革试点怎么开展，提升哪些服务能力": the first clause's task says its rarest word
            # (clauses each asking which task name their own things: none need share the first's words)
            best = next((h for h in hits if ex.term_share(h.chunk, terms, idf) >= KEY_SHARE and (
                not about or all(which) or any(ex.mentions(h.chunk, [t]) for t in about)
                or (facts_each and any(t in ex.bare(h.chunk.task_title) for t in terms)))), None) if terms else None
            if best is None or (facts_each and turn.evidence.lacks(best.chunk, kind)):
                return None  # a clause naming nothing of its own, or whose words no task near it holds
            about = about or [t for t in ex.key_terms(f"{lead}，{clause}", idf) if t not in generic]
            chosen.setdefault(best.chunk.id, (best, clause))
        if top is None or top.chunk.id not in chosen:
            return None  # the whole question's best task is neither clause's: one thing asked twice over
        return self._each_to_its_task(turn, chosen, f"问题里的{len(asked)}问")

    @staticmethod
    def _asks_else(clause: str, before: str) -> bool:
        """Whether a later clause asks of another thing than the clauses before it: it says so
        (又, 另外: `addition`) or names the counterpart of a word before it (线下… → 线上…)."""
        if any(w in clause for w in table().words["addition"]):
            return True
        pairs = [p.split("/") for p in table().words["counterparts"]]
        return any((a in clause and b in before) or (b in clause and a in before) for a, b in pairs)

    def _topics_listed(self, turn: Turn) -> Answer | None:
        """Topics joined in a question asking which things there are ("有哪些调查、课题研究安排"):
        every task printing one of them, when each topic is printed by some task and by few; asked
        what there is of them (有啥要求: `what_things`), only when each is printed by two tasks at
        most and no one task prints them all."""
        what = which_word(turn.question) is None  # "X和Y有啥要求": each one's task, when few print it
        if (turn.intent.followup or turn.intent.asks or (turn.context and turn.evidence.names_nothing)
                or (what and not any(w in turn.question for w in table().words["what_things"]))):
            return None  # 几个学会 asks neither which nor what; 哪些单位会参与进来 asks of the conversation's task
        idf = turn.evidence.idf
        generic = generic_words()
        topics = [[w for w in topic if w not in generic] for topic in ex.conjunct_terms(turn.question, idf)]
        if (not 1 < len(topics) <= MAX_TOPICS or not all(topics)
                or ex.asks_a_joined_part(turn.question) or ex.modifies_a_noun(turn.question)
                or self._asks_of_them(turn.question, topics)):
            return None  # 哪些行动或工程: any item; 与哪些部门合作: what is asked; 人员和场所的信息: one thing
        hits = turn.evidence.task_hits
        matched = [[h for h in hits if ex.word_share(h.chunk, topic, idf) >= KEY_SHARE] for topic in topics]
        if not all(matched) or any(len(m) > MAX_TOPIC_SHARE * len(hits) for m in matched):
            return None
        if what and (any(len(m) > WHAT_TOPIC_TASKS for m in matched)
                     or any(all(h in m for m in matched) for h in matched[0])):
            return None  # a word many tasks print is no topic of its own task; one task holding all answers
        found = [h for h in hits if any(h in m for m in matched)]
        return self._listing(turn, found, list(dict.fromkeys(t for topic in topics for t in topic))) if len(found) > 1 else None

    @staticmethod
    def _asks_of_them(question: str, topics: list[list[str]]) -> bool:
        """Whether the question asks a thing of its own of the joined topics ("委员和代表有哪些权利":
        权利), the words after its which-word naming neither a topic nor an item, or asks for
        instances of a kind ("哪些行业和领域": the `class_noun` words)."""
        which = which_word(question)
        after = question[which[1]:] if which else ""
        after = after[:min((i for c in "，,。？?！!" if (i := after.find(c)) >= 0), default=len(after))]
        if after.startswith(tuple(table().words["class_noun"])):
            return True  # "在哪些行业和领域开展": instances of a kind asked for
        named = {t for topic in topics for t in topic}
        return not any(t in after for t in named) and names_a_topic(after)

    def _clearly_treating(self, turn: Turn, text: str, terms: list[str]) -> Scored | None:
        """The task one topic of the question reaches first, when it clearly treats it: the
        topic's words are in it, or its meaning is as near as the refusal line asks for."""
        hits = turn.evidence.part_hits(text)
        best = hits[0] if hits else None
        if best is None or not (ex.term_share(best.chunk, terms, turn.evidence.idf) >= KEY_SHARE
                                or (best.dense or 0.0) >= self.search.calibration.min_dense):
            return None
        return best

    def _part_searched_first(self, turn: Turn, hits: list[Scored]) -> Answer | None:
        """The part asked for when the best hit is a part's own text (a part of text alone, a
        part's lead), far ahead of the tasks and holding more of the question's words than the best
        of them: that part, whatever tasks elsewhere hold some of the words (a part of text alone
        answers with its sentence saying it)."""
        plan = turn.plan
        if (plan is None or turn.intent.asks != "part" or turn.intent.followup or not hits
                or hits[0].chunk.kind != "section" or hits[0].chunk.plan != plan.plan_id):
            return None
        # ... far ahead of every task, and holding more of the question's words than the best does
        idf = turn.evidence.idf
        weights = {t: idf[t] for t in ex.key_terms(turn.evidence.spelled, idf)}
        own = ex.text_share(f"{hits[0].chunk.section_title}\n{hits[0].chunk.body}", weights)
        task = next((h for h in hits if h.chunk.kind == "task"), None)
        if task is not None and (task.score >= PART_FIRST_BAND * hits[0].score
                                 or own <= ex.text_share(ex.own_words(task.chunk), weights)):
            return None
        section = structure.find_section(plan, number=hits[0].chunk.section_number)
        if section is None:
            return None
        if not section.tasks:  # its sentence saying it, under the part's name
            return self._extractive(turn, hits[0])
        return self._reply(turn, structure.answer_section(plan, section))

    def _one_part(self, turn: Turn) -> Answer | None:
        """"房租补贴和产业链招商属于哪一部分？": topics joined in a question asking for the part,
        each clearly treated by a task of one part (its best, or one close to it, below):
        that part, with its tasks."""
        if turn.intent.asks != "part" or turn.intent.followup or is_english(turn.question):
            return None
        parts = ex.conjunct_parts(turn.question, turn.evidence.idf)
        if not 1 < len(parts) <= MAX_TOPICS:
            return None
        # Each topic's tasks: the one treating it best and, unless each is asked apart (分别), those
        # close to it that hold its words too (a topic whose best task stands in another part, but
        # a task of this part treats it nearly as well). The one part holding a task of every
        # topic, and the best task of one, answers, with two tasks or more.
        def part_of(hit: Scored) -> tuple[str, str]:
            return hit.chunk.plan, hit.chunk.section_number

        apart = table().flag("apart", turn.question)
        near_of = []
        for text, terms in parts:
            if (best := self._clearly_treating(turn, text, terms)) is None:
                return None
            near = [] if apart else [h for h in turn.evidence.part_hits(text)[1:PART_HITS]
                                     if h.score >= PART_BAND * best.score
                                     and ex.term_share(h.chunk, terms, turn.evidence.idf) >= KEY_SHARE]
            near_of.append([best, *near])
        places = [{part_of(h) for h in near} for near in near_of]
        common = [place for place in dict.fromkeys(part_of(best) for best, *_ in near_of) if all(place in p for p in places)]
        if len(common) != 1:
            return None
        chosen = {next(h for h in near if part_of(h) == common[0]).chunk.id for near in near_of}
        if len(chosen) < 2:
            return None
        plan_id, number = common[0]
        plan = self.search.entries[plan_id].plan
        section = structure.find_section(plan, number=number)
        return self._reply(turn, structure.answer_section(plan, section)) if section is not None else None

    def _part_items(self, turn: Turn) -> Answer | None:
        """The tasks of the part the question names by its title ("实施步骤分哪几个环节",
        "保障措施都有哪些"), when it asks which things there are and the title holds most of
        its key words (not "主要任务里哪些和港口有关": a topic among them, listed by mention)."""
        plan, intent = turn.plan, turn.intent
        if (plan is None or intent.followup or intent.within or intent.asks not in (None, "procedure")
                or not table().flag("enumerate", turn.question) or not self._asks_parts_items(turn)):
            return None
        part = self._part_titled(turn.question, plan)
        if part is None or len(part.tasks) < 2 or outside_plan(turn.evidence.spelled, self._plan_text(plan), plan.title):
            return None  # "2040年的保障措施": another year's, refused where it is judged
        idf = turn.evidence.idf
        weights = {t: idf[t] for t in self._topic_terms(turn)}
        # both ways: the title holds the question's words, the question most of a clause of the
        # title (not two words of a long title that names several things)
        if ex.text_share(part.title, weights) < KEY_SHARE or self._title_said(turn, part) < KEY_SHARE:
            return None
        return self._reply(turn, structure.answer_section(plan, part))

    @staticmethod
    def _topic_terms(turn: Turn) -> list[str]:
        """The question's key words, as the plan spells them, that name a topic: none generic (任务,
        方面) nor said of anything (一共, 全省)."""
        plain = generic_words() | no_topic_words()
        return [t for t in ex.key_terms(turn.evidence.spelled, turn.evidence.idf) if t not in plain]

    @staticmethod
    def _title_said(turn: Turn, part: Section) -> float:
        """How much of a clause of the part's title the question says, at best (its key words' idf)."""
        idf = turn.evidence.idf
        return max((ex.text_share(turn.evidence.spelled, _topic_of_title(clause, idf))
                    for clause in title_clauses(part.title)), default=0.0)

    def _part_listed(self, turn: Turn) -> Answer | None:
        """A listing of the tasks on a topic ("科普的任务有哪些") whose every word one part's
        title holds, where most of the tasks printing those words stand: that part, all its tasks
        (a task of it may treat the topic in other words), then the others printing them, as related. A
        topic the tasks print across parts (智库 in four tasks of two parts) is listed where printed.
        Not where words are printed (提到), a quoted term, a fact asked, things named (哪些技术),
        or the tasks in view; parts of the body only (an attachment's list is no topic's part)."""
        intent, plan = turn.intent, turn.plan
        if (plan is None or not intent.listing or intent.within or intent.asks or not self._asks_parts_items(turn)):
            return None
        if self._things_named(turn):
            return None  # "这块要攻关哪些技术": things inside the tasks, not the tasks
        topic = self._topic_terms(turn)
        if not topic:
            return None
        titled = [s for s in plan.body if len(s.tasks) >= 2 and all(t in ex.bare(s.title).lower() for t in topic)]
        if len(titled) != 1:
            return None
        part = titled[0]
        # as the question says it: a phrase the plan prints whole (创新驱动发展), else its words
        phrase = ex.plan_phrase(turn.evidence.spelled, self._plan_text(plan), turn.evidence.idf, KEY_SHARE).lower()
        said = [phrase] if phrase and phrase in ex.bare(part.title).lower() else topic
        tasks = [h for h in turn.evidence.task_hits if h.chunk.plan == plan.plan_id]
        titling = [h for h in tasks if all(t in ex.bare(h.chunk.task_title).lower() for t in said)]
        if any(h.chunk.section_number != part.ref for h in titling) or (
                len(titling) == 1 and self._title_said(turn, part) < KEY_SHARE):
            return None  # one task titles it, in a part whose title names it among other things: the task's
        printing = [h for h in tasks if all(t in ex.own_words(h.chunk) for t in said)]
        inside = [h for h in printing if h.chunk.section_number == part.ref]
        if not inside or 2 * len(inside) <= len(printing):
            return None
        answer = self._reply(turn, structure.answer_section(plan, part))
        others = [h for h in printing if h not in inside]
        if not others:
            return answer
        shown = "、".join(f"“{t}”" for t in said)
        items = [(h.chunk, ex.pick_quote(h.chunk, " ".join([turn.question, *said]), turn.evidence.idf, (),
                                         h.best_passages, ex.LIST_QUOTE_CHARS), h.score) for h in others]
        return self._with_related(turn, answer, items, f"其他部分提到{shown}的还有：")

    def _asks_parts_items(self, turn: Turn) -> bool:
        """Whether a question may ask for a part's tasks as such: not where words are printed (提到,
        涉及, 有体现; 包括 asks what a thing holds), not a quoted term, not the others besides the
        task in view (还有哪些)."""
        question = turn.question
        said_where = [v for v in table().words["mention_verb"] if v not in table().word_set("include_verb")]
        return not (turn.intent.literal or structure.quoted_terms(question) or any(v in question for v in said_where)
                    or (turn.context is not None and turn.context.task is not None and table().flag("also", question)))

    def _main_tasks_part(self, turn: Turn) -> Answer | None:
        """Where the plan's work as such is written ("要落实的工作列在哪一部分"): a question
        asking for a part, naming the plan's work (`work_said`, `deed`, 措施 …) and no topic but the
        plan's subject, asks for the one part of the body titled as holding the work ([[part_role]]
        "tasks": 主要任务, 重点工作 …, after a verb of two characters at most)."""
        plan, t = turn.plan, table()
        if plan is None or turn.intent.asks != "part":
            return None
        work = t.word_set("work_said") | t.word_set("deed") | t.word_set("item_noun") | t.word_set("action_noun")
        if not self._said_as_such(turn, plan, work):
            return None
        holding = [s for s in plan.body if len(s.tasks) >= 2 and plays_role(ex.bare(s.title), t.role_titles["tasks"])]
        return self._reply(turn, structure.answer_section(plan, holding[0])) if len(holding) == 1 else None

    def _targets_when(self, turn: Turn) -> Answer | None:
        """When the plan's targets as such are to be met ("定下的目标哪年达到", no topic named
        but the plan's subject): from the one heading titled as the targets ([[part_role]]
        "targets": 主要目标, 发展目标 …), a part or a task, when it states the time."""
        plan, t = turn.plan, table()
        if plan is None or turn.intent.asks not in TIME_ASKS:
            return None
        if not self._said_as_such(turn, plan, t.word_set("targets_said"), t.word_set("met_verb")):
            return None
        titled = [h for h in turn.evidence.hits if h.chunk.plan == plan.plan_id and h.chunk.kind in ("task", "section")
                  and plays_role(ex.bare((h.chunk.task_title if h.chunk.kind == "task" else h.chunk.section_title) or ""),
                                 t.role_titles["targets"])]
        if len({(h.chunk.task_number, h.chunk.section_number) for h in titled}) != 1 or not turn.evidence.states(
                titled[0].chunk, turn.intent.asks):
            return None
        return self._extractive(turn, titled[0])

    @staticmethod
    def _said_as_such(turn: Turn, plan: Plan, words: frozenset[str], plain: frozenset[str] = frozenset()) -> bool:
        """Whether a question, not a follow-up, says one of the words (whole) and names no topic
        besides them, the generic words, ``plain`` and the plan's subject."""
        if turn.intent.followup or is_english(turn.question):
            return False
        searched = turn.evidence.searched
        if not words & set(pieces(searched)):
            return False
        plain, subject = generic_words() | no_topic_words() | words | plain, subject_of(plan)
        return all(w in plain or subject(w) for w in ex.key_terms(searched, turn.evidence.idf))

    def _which_part(self, turn: Turn, hits: list[Scored]) -> Answer | None:
        """"申报条件写在哪一部分": the part the evidence points to as a whole, with all its tasks —
        its title holds the question's topic, or its tasks share the best hits. A topic one task
        treats by its title stays with that task (named with its part); several of one part's
        tasks titling it make it that part's."""
        plan = turn.plan
        if (plan is None or turn.intent.asks != "part" or turn.intent.followup or is_english(turn.question)
                or not hits or hits[0].chunk.kind != "task"):
            return None
        weights = {t: turn.evidence.idf[t] for t in ex.key_terms(turn.evidence.spelled, turn.evidence.idf)}
        top = hits[0]
        # A part of text alone (总体要求: 指导思想, 目标) near the best task and holding more of the
        # question's words than that task's text answers as the part.
        for h in hits[:PART_HITS]:
            part = structure.find_section(plan, number=h.chunk.section_number) \
                if h.chunk.kind == "section" and h.chunk.plan == plan.plan_id else None
            if (part is not None and not part.tasks and h.score >= PART_BAND * top.score
                    and ex.text_share(h.chunk.body, weights) > ex.text_share(ex.own_words(top.chunk), weights)):
                return self._reply(turn, structure.answer_section(plan, part))
        strong = [h for h in hits[:PART_HITS] if h.chunk.kind == "task" and h.chunk.plan == plan.plan_id
                  and h.score >= PART_BAND * top.score]
        task_share = ex.text_share(top.chunk.task_title or "", weights)  # the best task's own title
        # ... unless other tasks near it title the topic too (科普 in 推进科普社会化… and 推进科普信息化…)
        titling = [h for h in strong if ex.text_share(h.chunk.task_title or "", weights) >= PART_TITLE_SHARE]
        if len(titling) > 1 and len({h.chunk.section_number for h in titling}) == 1:
            task_share = 0.0
        chosen = []
        for section in plan.sections:
            if len(section.tasks) < 2 or not section.title:
                continue
            share = ex.text_share(section.title, weights)
            spread = sum(h.chunk.section_number == section.ref for h in strong)
            if (share >= PART_TITLE_SHARE and share > task_share) or (
                    spread >= 2 and section.ref == top.chunk.section_number and task_share < PART_TITLE_SHARE):
                chosen.append(((share, spread, section.ref == top.chunk.section_number), section))
        if not chosen:
            return None
        # the best title; of two parts titled alike (保障措施 in an attachment too), the hits' part
        return self._reply(turn, structure.answer_section(plan, max(chosen, key=lambda c: c[0])[1]))

    def _by_phrase(self, turn: Turn, top: Scored) -> Answer | None:
        """The shape the evidence gives, whatever the wording: the question's phrase in several
        tasks → all of them, best first. A fact asked for is answered from the task that states it; the others holding the
        phrase are named as also mentioning it."""
        if (unshown := self._unshown_in_context(turn)) is not None:
            # "还有啥论坛？" after a quote of the task that left its 论坛 out: what else the task has
            others = [h for h in turn.evidence.phrase_hits if h is not unshown]
            return self._also(self._extractive(turn, unshown), turn.evidence.phrase, others)
        if (overview := self._overview_printing(turn, top)) is not None:
            return self._extractive(turn, overview)  # printed by no task: where the plan says it
        found = self._besides_context(turn, turn.evidence.phrase_hits)
        if (elsewhere := self._elsewhere(turn)) is not None:
            found = [h for h in found if not elsewhere(h)]
        if (part := self._part_searched(turn)) is not None:  # among the part's tasks only
            found = [h for h in found if h.chunk.section_number == part.ref]
        if not found or turn.intent.followup or top.chunk.kind != "task":
            return None  # a follow-up is about the conversation's task, not every mention
        phrase = turn.evidence.phrase
        if len(found) < len(turn.evidence.phrase_hits):  # "还有哪项也讲…": the others, even one
            return self._listing(turn, found, [phrase])
        ctx = turn.context
        if ctx and turn.evidence.names_nothing and top not in found and (
                top.chunk.plan, top.chunk.task_number, top.chunk.section_number) == (ctx.plan, ctx.task, ctx.section):
            return None  # the conversation's task answers, though it lacks the phrase ("主要跟哪里对接？")
        asks = turn.intent.asks if turn.intent.asks not in NO_FACT_NEEDED else None
        if asks:
            stating = [h for h in found if turn.evidence.states(h.chunk, asks)]
            best = top if top in stating else (stating[0] if stating else None)
            if best is None:
                return None
            return self._also(self._extractive(turn, best), phrase, [h for h in found if h is not best])
        if turn.context and top in found and top.chunk.task_number == turn.context.task:
            # In a conversation about a task that says it: that task, the others noted.
            return self._also(self._extractive(turn, top), phrase, [h for h in found if h is not top])
        titled = [h for h in found if phrase in ex.bare(h.chunk.task_title)]
        if len(titled) == 1 and len(found) > 1 and not table().flag("which_several", turn.question):
            # one clear best: the task named by the phrase (unless several are asked for: 哪些事)
            answer = self._extractive(turn, titled[0])
            return self._also(answer, phrase, [h for h in found if h is not titled[0]])
        if len(found) == 1:  # the one task printing it word for word ("老科技工作者"), when near the best
            band = NAMED_PHRASE_BAND if len(phrase) >= NAMED_PHRASE_CHARS else PHRASE_BAND
            near = found[0] is not top and (found[0].score >= band * top.score or turn.evidence.phrase_is_topic)
            return self._extractive(turn, found[0]) if near else None
        return self._listing(turn, found, [phrase])

    def _opening_saying(self, turn: Turn) -> Scored | None:
        """The overview, when a thing is asked (要筹办哪个会, 要筹办哪些博览会) of a phrase that it alone
        prints, however the tasks score (a long opening's meaning is spread thin): the phrase of the
        question, or of its words besides the kind of thing asked (博览会: what the opening names,
        not a word it must print). Not how or why, nor what is done or meant, which tasks say in
        their own words."""
        if (opening := next((h for h in turn.evidence.hits if h.chunk.kind == "overview"), None)) is None:
            return None
        frame = plan_frame(turn.plan, turn.context)  # the words naming the plan itself are none (本工作要点…)
        if not asks_a_thing(turn.question, frame):
            return None
        phrase = turn.evidence.phrase
        if not phrase and (kind := kind_asked(turn.question)):
            # its one key word (迎接) when the rest is the asking alone (not 文中打了什么比方 of a topic)
            rest = besides_the_plan(turn.evidence.spelled.replace(kind, "，"), frame)
            for word in (*table().words["which_of"], *table().words["kind_of"]):
                rest = rest.replace(word, "，")
            words = [w for w in content_words(rest) if len(w) > 1 and w not in generic_words() and not topicless(w)]
            phrase = words[0] if len(words) == 1 and words[0] in turn.evidence.idf else ""
        said = ex.bare(self._answerable(opening.chunk).body)
        if len(phrase) < MIN_PHRASE_CHARS or not 0 < said.count(phrase) == ex.bare(turn.evidence.plan_text).count(phrase):
            return None  # (printed elsewhere too: there it may be said of the thing asked)
        return opening

    def _overview_printing(self, turn: Turn, top: Scored) -> Scored | None:
        """The overview, when it alone prints the question's phrase (three characters or more) and
        the question asks where or whether the plan says it: the plan says it there, before any task
        (not what it means or how it is done, which a task may say in other words; no fact asked)."""
        phrase = turn.evidence.phrase
        if (len(phrase) < MIN_OVERVIEW_PHRASE or top.chunk.kind != "task"
                or turn.evidence.phrase_printed or turn.intent.asks not in (None, *NO_FACT_NEEDED)
                or not (turn.intent.literal or any(w in turn.question for w in table().words["said_where"]))):
            return None
        return next((h for h in turn.evidence.hits if h.chunk.kind == "overview"
                     and ex.mentions(self._answerable(h.chunk), [phrase])), None)

    @staticmethod
    def _also(answer: Answer, phrase: str, others: list[Scored]) -> Answer:
        """The answer, noting the other tasks where the phrase occurs (not cited: they do not
        answer, they only mention it)."""
        if not others:
            return answer
        named = "、".join(place(h.chunk.task_number, h.chunk.task_label, h.chunk.section_number) for h in others)
        return replace(answer, answer=f"{answer.answer}\n（“{phrase}”也出现在{named}）")

    def _plan_text(self, plan: Plan | None) -> str:
        return self.search.plan_text.get(plan.plan_id, "") if plan else ""

    def _retrieve(self, turn: Turn) -> Answer:
        if not understood(turn.question, turn.evidence.lexicon) and not self._asks_held(turn):
            return self._not_understood(turn)
        if listed := self._items_asked(turn, turn.plan):
            return listed  # 发展目标列了几个方面: the items the task names
        if alike := self._titled_alike(turn):
            return alike  # "开放哪些方面的场景": the tasks titled 开放…场景
        if (held := self._part_items(turn)) is not None:
            return held  # "实施步骤分哪几个环节": the tasks of the part titled so
        if not turn.intent.followup and (made := self._set_up(turn)):
            return made  # 要新成立几个协会: the tasks setting them up
        if (stating := self._stating_kind(turn)) is not None:
            return stating  # 哪条给了明确的完成时限: the tasks that state one
        if (counted := self._part_counted(turn, items_only=True)) is not None:
            return counted  # the part's items, not the whole plan's count its opening prints
        if (work := self._main_tasks_part(turn)) is not None:
            return work  # "要落实的工作列在哪一部分": the part holding the plan's work
        if (met := self._targets_when(turn)) is not None:
            return met  # "定下的目标哪年达到": the targets' heading
        refused, hits, top = self._retrieval(turn)
        if refused is not None:
            return self._part_counted(turn) or refused
        if (named := self._named_items(turn, top)) is not None:
            return named  # "要坚持哪些原则": the items of the task titled 基本原则
        if (announcing := self._announcing(turn, hits)) is not None:
            return self._reply(turn, structure.answer_section(*announcing))  # "应具备以下条件": its items
        if (own := self._part_searched_first(turn, hits)) is not None:
            return own  # "2030年的目标写在哪部分": the part whose own text the search ranks first
        if (one_part := self._one_part(turn)) is not None:
            return one_part
        if (part := self._which_part(turn, hits)) is not None:
            return part
        if (apart := self._apart(turn)) is not None:
            return apart
        if (asked := self._clauses(turn, top)) is not None:
            return asked
        if (listed := self._topics_listed(turn)) is not None:
            return listed
        if (shaped := self._by_phrase(turn, top)) is not None:
            return shaped
        if self.llm is not None:
            try:
                drafted = self.llm.draft(turn.question, self._llm_hits(hits, top), self._title(top))
                return self._from_draft(turn, hits, top, drafted)
            except LLMUnavailable as err:
                return self._extractive(turn, top, notice=LLM_DOWN.format(reason=err))
        return self._extractive(turn, top)

    @staticmethod
    def _part_titled(question: str, plan: Plan) -> Section | None:
        """The part the question names by its title ("主要任务一共有多少项？"), or by another name of
        the role it plays (保障措施 of a part titled 组织保障: query.role_names)."""
        titles, common = structure.section_titles(plan), structure.common_phrases(plan)
        number = section_by_title(question, titles, common) or section_by_title(
            as_printed(question, plan_frame(plan).role_names, table().words["role_before"]), titles, common)
        return structure.find_section(plan, number=number) if number else None

    def _part_counted(self, turn: Turn, items_only: bool = False) -> Answer | None:
        """A count no task prints of what a part the question names by its title holds
        ("建设程序一共分几个环节？", "重点支持方向一共有几个？"): the part's items. The thing counted
        must be what the part's title names (its last word), a word for items (环节, 方面) or
        what the plan's opening counts as its items (`_lists_as_items`: 场景 of "40个…典型场景");
        "主要目标里要培育多少家企业", "揭榜单位条件" for 几家揭榜单位 count something else.
        ``items_only`` (asked before retrieval): only the last, whatever number a task prints; an
        attachment named by its title is counted by its parts either way."""
        plan = turn.plan
        major = any(w in turn.question for w in table().words["major_count"])  # 几大体系: asked as no count
        if plan is None or (turn.intent.asks != "count" and not major) or not (nouns := counted_nouns(turn.question)):
            return None
        titled = [a.label for a in plan.attachments if len(a.title) >= MIN_TITLE_CHARS and a.title in turn.question]
        if len(titled) == 1 and (parts := structure.answer_attachment_parts(plan, titled[0])):
            return self._reply(turn, parts)  # "名词解释一共解释了多少个术语": the glossary's parts
        named = titled[0] if len(titled) == 1 else structure.attachment_in(plan, turn.question)
        if named and (parts := structure.count_attachment_sections(plan, named, turn.question, nouns[0])):
            return self._reply(turn, parts)  # "附件2分了几类课程": its parts, titled …类课程
        if (named and len(nouns[0]) >= 2 and nouns[0] in plan.attachment_title(named)
                and structure.numbers_items(plan, named)
                and not any(s.number and s.title in turn.question for s in plan.sections_of(named))
                and (listed := structure.answer_attachments(plan, named))):
            # "附件收了多少个术语" of 附件“术语解释”: its items (of a part named, that part's)
            return self._reply(turn, listed)
        section = self._part_titled(turn.question, plan)
        if items_only:  # before any number printed: "生产作业环节一共几个场景" of a plan listing 场景,
            # "方法步骤总共分几步" counting the part its title names, "重点任务有几项创新行动" its tasks so titled
            counted = section is not None and section.tasks and (
                self._lists_as_items(plan, nouns[0]) or section.title in nouns or self._only_items_named(section, nouns[0])
                or self._attachment_of(plan, section, nouns[0]) or any(self._major_items(turn.question, section, n) for n in nouns))
            return self._reply(turn, structure.answer_section(plan, section)) if counted else None
        if section is None or not section.tasks or not (
                section.title.endswith(nouns[0]) or nouns[0] in table().word_set("part_item")
                or re.search(f"(?:几|多少)[^，。？]{{0,6}}{re.escape(section.title)}", turn.question)
                or self._items_named(section, nouns[0]) or self._lists_as_items(plan, nouns[0])):
            return None
        return self._reply(turn, structure.answer_section(plan, section))

    @staticmethod
    def _lists_as_items(plan: Plan, noun: str) -> bool:
        """Whether the plan says it lists things of that noun as its items: its opening counts
        them ("凝练总结了15个环节的40个智能制造典型场景") and no task counts them by a number
        (培育1000个企业 is a target, not the plan's items)."""
        return len(noun) >= 2 and counts_noun(plan.overview, noun) and not any(
            counts_noun(f"{t.title}。{t.text}", noun) for t in plan.tasks)

    @staticmethod
    def _major_items(question: str, section: Section, noun: str) -> bool:
        """Whether the question counts major things ("几大体系") that most of the part's tasks
        are titled as (构建…体系 six times): its tasks are what it counts."""
        return any(f"{w}{noun}" in question for w in table().words["major_count"]) and mostly_titled(section, noun)

    @staticmethod
    def _attachment_of(plan: Plan, section: Section, noun: str) -> bool:
        """Whether the part stands in an attachment titled as what is counted (附件“典型场景”
        grouped 一、研发设计 二、生产制造 …): its items are things of that noun."""
        return len(noun) >= 2 and plan.attachment_title(section.attachment).endswith(noun)

    @classmethod
    def _only_items_named(cls, section: Section, noun: str) -> bool:
        """Whether every task of the part is titled as what the question counts (…创新行动 × 7) and
        none prints a number of it (建设5个示范工程 counts those, not the part's tasks)."""
        head = noun[-ITEM_HEAD_CHARS:]
        return cls._items_named(section, noun) and all(
            titled_so(t, head) and not counts_noun(f"{t.title}。{t.text}", noun) for t in section.tasks)

    @staticmethod
    def _items_named(section: Section, noun: str) -> bool:
        """Whether most of the part's tasks are titled as what the question counts: 几个专项行动
        of tasks titled …开展“策源”行动."""
        head = noun[-ITEM_HEAD_CHARS:]
        items = table().word_set("action_noun") | table().word_set("part_item")  # 行动, 工程, 方向; not 平台
        return len(noun) > ITEM_HEAD_CHARS and head in items and mostly_titled(section, head)

    def _retrieval(self, turn: Turn) -> tuple[Answer | None, list[Scored], Scored | None]:
        """Hits for the question, the one to answer from, or the refusal."""
        within = turn.intent.within and turn.context
        part = self._part_searched(turn) if not within else None
        hits = tasks_first(turn.evidence.hits[:SEARCH_K if not (within or part) else 50])
        if (hits and (summary := turn.evidence.hits[0]) is not hits[0] and turn.intent.asks not in (None, *NO_FACT_NEEDED)
                and turn.evidence.stated_share(summary.chunk, turn.intent.asks) >= WHOLE_SHARE
                > turn.evidence.stated_share(hits[0].chunk, turn.intent.asks)):
            hits = [summary] + [h for h in hits if h is not summary]  # its clause states the fact of every key word
        if not within and (phrase := turn.evidence.phrase) and not turn.evidence.phrase_printed and (own := next((
                h for h in turn.evidence.hits if h.chunk.kind == "section" and phrase in ex.bare(h.chunk.body)), None)):
            hits = [own] + [h for h in hits if h is not own]  # the phrase only a part's own text prints
        elif not within and (opening := self._opening_saying(turn)) is not None:
            hits = [opening] + [h for h in hits if h is not opening]
        listed: tuple[int, ...] = ()
        if not within and (elsewhere := self._elsewhere(turn)) is not None:  # "别的部分还有提…的吗"
            hits = [h for h in hits if not elsewhere(h)] or hits  # (other words may say it: judged)
        if part is not None:  # "第一部分里哪条讲…": its tasks
            hits = [h for h in hits if h.chunk.section_number == part.ref] or hits
        if within:
            ctx = turn.context
            # "里面提到的网站" after one task: in that task; after several: among them; "这块…" (a
            # part's word): in the part
            # "里面哪一条说…" after a list asks which of the list, not what the task shown says
            listed = ctx.listed if (len(ctx.listed) > 1 and ctx.task in ctx.listed
                                    and table().flag("which_task", turn.question)) else ()
            inside = turn.intent.rule == "within" and ctx.task is not None and not listed
            among = turn.intent.among or (ctx.tasks if len(ctx.tasks) > 1 else listed)
            keep = (lambda h: h.chunk.task_number in among) if among else (
                lambda h: is_held(ctx, h) if inside else h.chunk.section_number == ctx.section)
            if turn.intent.rule == "return_to":  # "回到论坛…": the earlier task saying it, however the others score
                back = returned_to(turn)
                hits = back + [h for h in hits if h not in back]
            else:
                hits = [h for h in hits if keep(h)] or hits
            if turn.intent.besides is not None:  # "…这块还有别的吗": the part's other tasks
                hits = [h for h in hits if h.chunk.task_number != turn.intent.besides] or hits
        # the part's other tasks asked for, naming nothing else: however near its words are
        followed = bool(within) and turn.intent.besides is not None and turn.evidence.names_nothing
        held = None
        if not listed and (held := self._sticky(turn, hits)) is not None:  # the conversation's task answers, and
            hits = [held] + [h for h in hits if h is not held]  # is the one checked for the fact
            followed = turn.evidence.names_nothing
        elif (titled := self._titled(turn, hits)) is not None and not self._states_instead(turn, hits, titled):
            hits = [titled] + [h for h in hits if h is not titled]  # "试验区建设目标的时间节点" → 建设目标
        elif (about := self._titled_with_topic(turn, hits)) is not None:
            hits = [about] + [h for h in hits if h is not about]  # "哪条讲人才" → the task titled 人才
        asks = turn.intent.asks
        stated = bool(hits) and turn.evidence.states(self._answerable(hits[0].chunk), asks)
        # 这三条里, 其中, 这些当中 (cut as 这些|当中): words pointing at the tasks in view, no topic
        pointing = pointing_words()
        topic = {w for w in set(turn.evidence.topic_of(asks)) - generic_words() if not any(w in p for p in pointing)}
        if within and hits and not stated and asks not in NO_FACT_NEEDED and not topic and (near := next(
                (h for h in hits if turn.evidence.states(self._answerable(h.chunk), asks)), None)):
            hits, stated = [near] + [h for h in hits if h is not near], True  # "其中哪项有时间要求": the one saying it
            followed = True  # about the tasks in view: how near its words are says nothing
        if hits and not stated and asks not in NO_FACT_NEEDED and (
                near := turn.evidence.stating(hits[:SEARCH_K], asks)) is not None:
            hits, stated = [near] + [h for h in hits if h is not near], True  # the task that states it
        if hits and stated and asks == "count" and not within and turn.evidence.amount_only(self._answerable(hits[0].chunk)) and (
                figured := turn.evidence.stating(hits[:SEARCH_K], asks, keep=turn.evidence.figure_of_asked)) is not None:
            hits = [figured] + [h for h in hits if h is not figured]  # a figure printed near answers before 一批
        if hits and stated and asks == "count" and not within and held is None and (
                counted := turn.evidence.counting_instead(hits[:SEARCH_K], self._answerable(hits[0].chunk))) is not None:
            hits = [counted] + [h for h in hits if h is not counted]  # the number counting what is asked
        if hits and not stated and asks in table().word_set("said_of_each") and (
                lead := self._lead_stating(turn, hits[0])) is not None:
            hits, stated = [lead] + [h for h in hits if h is not lead], True  # said of all the items announced
        if hits and not stated and asks == "part" and (near := next(
                (h for h in hits[:SEARCH_K] if turn.evidence.states(h.chunk, asks)), None)) is not None:
            hits, stated = [near] + [h for h in hits if h is not near], True  # the best that stands in a part
        plan = turn.plan or (self.search.entries[hits[0].chunk.plan].plan if hits else None)
        # 剩下三项里…, 回到…: the words pointing into the list or back are no topic the plan should print
        asked = rule("list_rest").pattern.sub("，", turn.evidence.spelled) if turn.intent.among else turn.evidence.spelled
        if turn.intent.rule in ("within", "return_to"):  # 这些当中…, 回到…
            asked = rule(turn.intent.rule).pattern.sub("，", asked)
        verdict = judge(asked, hits, self._plan_text(plan), asks,
                        # a task not shown to lack the fact answers (one stating it, and one that
                        # names no thing asked in the question's own words, for a name)
                        answered=bool(hits) and (asks in table().loose
                                                 or not turn.evidence.lacks(self._answerable(hits[0].chunk), asks)
                                                 or self._announcing(turn, hits) is not None),
                        plan_title=plan.title if plan else "", calibration=self.search.calibration,
                        followed=followed, wanted=_asked_text(turn, asks))
        if not verdict.in_scope:
            if verdict.lacks and hits and (each := self._clauses(turn, hits[0])) is not None:
                return each, hits, None  # the whole question's fact is no one task's: each clause's own
            # A fact the best task does not state, of a topic the plan does treat ("大学生科技节几月
            # 份办"): that task is named and cited, so that "它在哪条里" next points at it.
            # (not a refusal for another year, place or round; the conversation's task when held)
            about = hits[0] if verdict.lacks and hits and hits[0].chunk.kind == "task" and (
                hits[0] is held or self._treats(turn, hits[0].chunk, asks)) else None
            return self._refuse(turn, plan, hits, verdict.reason, about), hits, None
        return None, hits, hits[0]

    @staticmethod
    def _asks_held(turn: Turn) -> bool:
        """A fact asked in words the plan lacks ("先挑多少家来试啊") of the conversation's task: words
        of some kind besides the asking (not "qwerty多少", "？？？几个"); or anything asked ("能接
        哪些？") in words whose every character the task in view prints (not "来来来哪些")."""
        if turn.context is None or turn.context.task is None:
            return False
        if not turn.intent.asks:
            tasks = structure.find_tasks(turn.plan, turn.context.task, turn.context.section) if turn.plan else []
            text = "".join(f"{t.title}{t.text}" for t in tasks[:1])
            return table().flag("interrogative", turn.question) and any(
                _HAN.search(w) and not pointing(w) and all(ch in text for ch in w) for w in content_words(turn.question))
        return any(_HAN.search(w) and not pointing(w) for w in content_words(turn.question)) or (
            is_english(turn.question) and len(english_words(turn.question)) > 1)

    @staticmethod
    def _elsewhere(turn: Turn):
        """What "别的部分", "其他地方" leave out: the conversation's part, or its task; None when
        the question asks for no other place."""
        ctx = turn.context
        m = pattern("other_place").search(turn.question)
        if m is None or ctx is None or ctx.task is None:
            return None
        if m.group(0).endswith(tuple(table().words["section_word"])):
            return lambda h: h.chunk.section_number == ctx.section
        return lambda h: is_held(ctx, h)

    @staticmethod
    def _treats(turn: Turn, chunk: Chunk, asks: str) -> bool:
        """Whether the task prints KEY_SHARE of the question's topic (its key words without those
        asking the fact): 大学生科技节 of "大学生科技节几月份办", not 局长 of "省大数据局局长是谁"."""
        return ex.text_share(ex.own_words(chunk), turn.evidence.topic_of(asks)) >= KEY_SHARE

    @staticmethod
    def _part_searched(turn: Turn) -> Section | None:
        """The part a search is held in ("第一部分里哪条讲…", "附件1第二部分里哪一项…"), or None."""
        if turn.plan is None or turn.intent.kind != "search" or turn.intent.section is None:
            return None
        return structure.find_section(turn.plan, turn.intent.section,
                                      within=structure.attachment_in(turn.plan, turn.question))

    def _titled(self, turn: Turn, hits: list[Scored]) -> Scored | None:
        """The task the question names by its whole title (four characters or more, one task's):
        the question says which task it is about."""
        plan = turn.plan
        task = structure.task_titled(plan, turn.question) if plan and hits else None
        if task is None or task.title not in turn.question or self._joined(turn.question, task.title):
            return None
        ref = plan.section_of(task).ref  # wherever the search ranked it: the title says it
        return next((h for h in turn.evidence.task_hits if (
            h.chunk.task_number, h.chunk.section_number) == (task.number, ref)), None)

    @staticmethod
    def _titled_with_topic(turn: Turn, hits: list[Scored]) -> Scored | None:
        """A question asking which task treats a topic ("哪条讲人才"), no fact: the one task near
        the best whose title holds the topic's words, when the best's title does not (a title
        says what a task is about; other tasks may only mention it)."""
        if turn.intent.asks or turn.intent.followup or not hits or not table().flag("which_task", turn.question):
            return None
        terms = [t for t in ex.key_terms(turn.question, turn.evidence.idf) if t not in generic_words()]
        if not terms:
            return None

        def titled(h: Scored) -> bool:
            return h.chunk.kind == "task" and all(t in ex.bare(h.chunk.task_title) for t in terms)

        holding = [h for h in hits[:SEARCH_K] if h.score >= PHRASE_BAND * hits[0].score and titled(h)]
        return holding[0] if len(holding) == 1 and not titled(hits[0]) else None

    def _states_instead(self, turn: Turn, hits: list[Scored], titled: Scored) -> bool:
        """Whether the best hit, not the task the question names by its title, states the fact
        asked for, about the question's words ("示范工厂称号的有效期是几年": the task on its renewal
        says 智能制造示范工厂有效期为3年; the one titled 智能制造示范工厂 gives no time), or at all,
        a fact said of the document asked with nothing else named (a form's blank titled 联系电话
        gives no number)."""
        asks = turn.intent.asks
        if asks in NO_FACT_NEEDED or asks is None or not hits or hits[0] is titled \
                or turn.evidence.states(titled.chunk, asks):
            return False
        best = self._answerable(hits[0].chunk)  # the notice's dates answer nothing
        if asks in table().word_set("said_of_document") and not turn.evidence.topic_of(asks):
            return turn.evidence.states(best, asks)  # "联系电话是多少": nothing named but the fact
        return turn.evidence.stated_share(best, asks) >= EVENT_SHARE

    @staticmethod
    def _joined(question: str, title: str) -> bool:
        """A title joined to other words by 和/与/、 (信息采集、交换和质量保障) is one topic among
        several, not the task the question is about."""
        at = question.find(title)
        around = question[at - 1: at] + question[at + len(title): at + len(title) + 1]
        return any(c in ex.JOINERS for c in around)

    ANNOUNCED_ASKS = (None, "count", "part", "standard")  # what a part's announced items answer

    def _quoted_list(self, turn: Turn, plan: Plan, task: Task, things: Sequence[str], sentence: str,
                     then: str = "") -> Answer:
        """The things a task's sentence lists, counted (and ``then`` what was asked of them): the
        sentence quoted, so the next place asked ("最后一个呢") is in it."""
        text = (f"{structure.task_label(task, plan)}“{task.title}”写道：“{sentence}”这句列了{len(things)}个："
                f"{'、'.join(things)}。{then}")
        return self._reply(turn, (text, (structure.task_citation(plan, task, sentence),), False))

    def _lead_stating(self, turn: Turn, top: Scored) -> Scored | None:
        """The part's own text, found among the hits, when its last sentence announces the items
        below it and states the fact asked of them all (交通运输部组织制定如下11项工程标准: who
        made each): the task found, one of those items, lacks it."""
        chunk = top.chunk
        if chunk.kind != "task":
            return None
        section = structure.find_section(self.search.entries[chunk.plan].plan, number=chunk.section_number)
        sentence = structure.announcing_sentence(section) if section else ""
        lead = next((h for h in turn.evidence.hits if h.chunk.kind == "section" and h.chunk.plan == chunk.plan
                     and h.chunk.section_number == chunk.section_number), None) if sentence else None
        if lead is None:
            return None
        return lead if any(sentence in f.sentence for f in turn.evidence.stated(lead.chunk, turn.intent.asks)) else None

    def _announcing(self, turn: Turn, hits: list[Scored]) -> tuple[Plan, Section] | None:
        """The part whose own text, found first, announces the items below it, when the question
        asks about what it announces (城市应具备哪些条件 after 应具备以下条件), or asks for several
        things its opening sums up without listing them (夯实…软硬件基础 → "基础方面要先攻哪几样"): its tasks."""
        chunk = hits[0].chunk if hits else None
        if chunk is None or chunk.kind != "section" or turn.intent.asks not in self.ANNOUNCED_ASKS:
            return None
        plan = self.search.entries[chunk.plan].plan
        section = structure.find_section(plan, number=chunk.section_number)
        if section is None:
            return None
        noun = structure.announced(section)
        # (an opening that lists things itself, 提升效率、可靠性和精度, answers with them)
        several = (len(section.tasks) > 1 and table().flag("which_several", turn.question)
                   and not enumerations(chunk.body))
        return (plan, section) if (noun and noun in turn.question) or several else None

    def _extractive(self, turn: Turn, top: Scored, notice: str = "") -> Answer:
        chunk = self._answerable(top.chunk)
        passages = tuple(p for p in top.best_passages if p in chunk.body)
        quote = ex.pick_quote(chunk, self._wanted(turn), turn.evidence.idf,
                              self._marks(turn, chunk), passages)
        answer = self._compose(turn, [(top.chunk, quote, top.score)])
        if turn.intent.asks == "part" and top.chunk.task_number is not None:
            plan = self.search.entries[top.chunk.plan].plan
            answer = replace(answer, answer=answer.answer + f"\n（属于{part_of(plan, top.chunk.section_number)}）")
        elif turn.intent.asks and (line := self._fact_line(turn, chunk)):
            answer = replace(answer, answer=answer.answer + f"\n{line}")
        return replace(answer, answer=f"{notice}\n{answer.answer}") if notice else answer

    @staticmethod
    def _fact_line(turn: Turn, chunk: Chunk) -> str:
        """The facts asked for, named: "责任单位：省大数据局、省财政厅" (units from the task's
        lead notes need not be in the quoted sentence)."""
        label = FACT_LABEL.get(turn.intent.asks)
        facts = turn.evidence.stated(chunk, turn.intent.asks)
        if label is None and (listed := [f for f in facts if f.kind == "enumeration"]):
            label = "包括" if turn.intent.asks == "list_names" else "数量"  # the things named, or their count
            facts = listed  # the count is no number printed: say it (共5个：人、机…)
        if label is None and facts and all(f.kind == "amount_manner" for f in facts):
            said = "”“".join(dict.fromkeys(f.text.removesuffix("的") for f in facts))
            return f"数量：没有写明具体数字，原文说“{said}”"  # 一批: an amount, not a figure
        texts = list(dict.fromkeys(shown(f) for f in facts))[:6]
        return f"{label}：{'、'.join(texts)}" if label and texts else ""

    @staticmethod
    def _marks(turn: Turn, chunk: Chunk) -> tuple[str, ...]:
        """The words of the facts asked for that the chunk states (its quote should hold them)."""
        asks = turn.intent.asks
        return tuple(f.text for f in turn.evidence.stated(chunk, asks)) if asks else ()

    def _answerable(self, chunk: Chunk) -> Chunk:
        """The part of a chunk an answer may come from: the overview chunk also holds the
        notice (for retrieval), whose header lines and dates answer nothing ("哪一天？")."""
        if chunk.kind != "overview":
            return chunk
        overview = self.search.entries[chunk.plan].plan.overview
        return replace(chunk, body=overview) if overview else chunk

    @staticmethod
    def _wanted(turn: Turn) -> str:
        """What the quote should contain: the question, plus its dictionary terms (an English
        question shares no words with the plan)."""
        question = turn.question
        terms = turn.evidence.lexicon.expansion(question).terms
        return " ".join([question, *terms]) if terms else question

    @staticmethod
    def _llm_hits(hits: list[Scored], top: Scored) -> list[Scored]:
        return [top] + [h for h in hits if h is not top]

    def _title(self, top: Scored) -> str:
        return self.search.entries[top.chunk.plan].plan.title

    def _from_draft(self, turn: Turn, hits: list[Scored], top: Scored, drafted) -> Answer:
        by_task = {h.chunk.task_number: h for h in self._llm_hits(hits, top)}
        cites = tuple(
            ex.citation(by_task[n].chunk,
                        ex.pick_quote(by_task[n].chunk, turn.question, turn.evidence.idf,
                                      self._marks(turn, by_task[n].chunk), by_task[n].best_passages),
                        by_task[n].score)
            for n in drafted.cited
        )
        text = drafted.text
        if drafted.removed:
            text += "\n" + LLM_REMOVED.format(numbers="、".join(f"第{n}项" for n in drafted.removed))
        return Answer(turn.raw, text, False, cites)

    # --- streaming ----------------------------------------------------------------------------
    def stream(self, question: str, plan: str | None = None, history: Sequence = (),
               id: str | int | None = None) -> Iterator[str | Answer]:
        """Text pieces as they are written (LLM mode), then the final Answer. Without an LLM, or
        for structural questions, the Answer comes at once."""
        started = time.perf_counter()
        self.search.refresh()  # a plan re-indexed meanwhile answers in its new version
        answer = None
        if split_questions(question):  # several questions in one: answered whole, at once
            answer = self._answer(question, plan, history)
        else:
            turn = self._prepare({"question": question, "plan": plan, "history": history})
            if self.llm is not None and turn.intent.kind == "search":
                answer = yield from self._stream_llm(turn)
            if answer is None:
                answer = self._handle(turn)
        yield replace(answer, id=id, latency_ms=(time.perf_counter() - started) * 1000)

    def _stream_llm(self, turn: Turn) -> Iterator[str]:
        """The LLM's pieces as written; returns the checked Answer (None: not the LLM's)."""
        refused, hits, top = self._retrieval(turn)
        if refused is not None:
            return refused
        pieces = []
        context = self._llm_hits(hits, top)
        try:
            for piece in self.llm.stream(turn.question, context, self._title(top)):
                pieces.append(piece)
                yield piece
            return self._from_draft(turn, hits, top, self.llm.finish("".join(pieces), context))
        except LLMUnavailable as err:
            return self._extractive(turn, top, notice=LLM_DOWN.format(reason=err))

    def _sticky(self, turn: Turn, hits: list[Scored]) -> Scored | None:
        """In a conversation, a question that the previous task answers about as well as the
        best hit stays with that task ("要争取哪方面的资金支持？" after task 18)."""
        if not turn.context or turn.context.task is None or not hits or turn.intent.besides == turn.context.task \
                or (turn.intent.among and turn.context.task not in turn.intent.among) or turn.intent.rule == "return_to":
            return None  # "…还有别的吗", "剩下两项里…", "回到…": another task than the one shown
        if not turn.evidence.names_nothing and (printed := turn.evidence.phrase_hits) and not any(
                is_held(turn.context, h) for h in printed):
            return None  # "学会群是哪条里的": a term other tasks print, the conversation's does not
        if self._elsewhere(turn) is not None:
            return None  # "别的部分还有…吗": not the conversation's task
        if turn.context.overview_last and not turn.intent.followup:
            return None  # a question naming nothing after the overview's 主线 asks of the overview, not
            # of a task cited before it (它…, 那…呢 still refer back to it)
        held = next((h for h in turn.evidence.task_hits if h.chunk.task_number == turn.context.task
                     and h.chunk.plan == turn.context.plan and h.chunk.section_number == turn.context.section), None)
        idf = turn.evidence.idf
        # "那X呢，Y" sets X against the task in view: it stays only holding X's words as fully as
        # the best hit does (Y's may well be its own: 有啥工程 after a task printing one)
        if held is not None and (opened := pattern("contrast_topic").match(turn.question)) and (
                named := ex.key_terms(opened.group(1), idf)) \
                and ex.term_share(held.chunk, named, idf) < ex.term_share(hits[0].chunk, named, idf):
            return None
        for h in hits[:3]:
            if h.chunk.task_number == turn.context.task and h.score >= STICKY * hits[0].score:
                return h
        # Or whose own words hold the question's key words as fully as the best hit's do
        # ("最后要形成什么格局？" after the task that says it): the conversation's task answers.
        # the words asking for the fact are no topic: "那时间上有要求没" asks the task when
        terms = ex.key_terms(turn.evidence.unasked(turn.intent.asks) if turn.intent.asks else turn.question, idf)
        if held is not None and not terms and turn.intent.asks and not is_english(turn.question):
            return held  # "什么时候要改完？": no word the plan knows, a fact asked of the task
        if held is not None and turn.evidence.names_nothing:
            return held  # "哪些单位会参与进来？": it names no thing of its own; the conversation's task
        # "这个调查…", or "调查…" said again, after the task about the survey (unless another says the rest far better)
        noun = (demonstrated(turn.question) or repeated_subject(turn.question, turn.context.question)) \
            if held is not None else ""  # tagging only when there is a task to hold
        if noun and noun in held.chunk.body and (
                ex.term_share(held.chunk, terms, idf) >= DEMONSTRATED_SHARE * ex.term_share(hits[0].chunk, terms, idf)):
            return held
        if held is not None and terms and ex.term_share(held.chunk, terms, idf) >= max(
                ex.term_share(hits[0].chunk, terms, idf), MIN_STICKY_SHARE):
            return held
        return None

    def _refuse(self, turn: Turn, plan: Plan | None, hits: list[Scored], reason: str,
                about: Scored | None = None) -> Answer:
        """The refusal, with the tasks near the question as pointers; ``about``: the task the
        question is about, which lacks the fact asked (named first and cited, still refused)."""
        title = plan.name if plan else "已索引的计划"
        if about is not None:
            lacks = _asked_text(turn, turn.intent.asks)
            text = f"{title}没有写明{lacks}。问题涉及{ex.label(about.chunk)}，该项没有写明{lacks}。"
            related = [h.chunk for h in hits[:3] if h.chunk.kind == "task" and h is not about]
            if related:
                text += "\n其他相关的任务（仅供参考）：" + "；".join(ex.label(c) for c in related)
            return Answer(turn.raw, text, True, (ex.citation(about.chunk, about.chunk.task_title, about.score),))
        text = f"{title}没有涉及这个问题" + (f"：{reason}。" if reason else "。")
        related = [h.chunk for h in hits[:3] if h.chunk.kind == "task"]
        if related:
            text += "\n相关的任务（仅供参考，未必回答了您的问题）：" + "；".join(ex.label(c) for c in related)
        return Answer(turn.raw, text, True, ())

    def _compose(self, turn: Turn, items: list[tuple[Chunk, str, float]], intro: str = "") -> Answer:
        cites = tuple(ex.citation(c, q, s) for c, q, s in items)
        if len(items) == 1 and not intro:
            chunk, quote, _ = items[0]
            return Answer(turn.raw, ex.single_answer(chunk, quote), False, cites)
        return Answer(turn.raw, ex.list_answer(intro, [(c, q) for c, q, _ in items]), False, cites)
