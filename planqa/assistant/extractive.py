"""Answers without an LLM: the task number and title first, then the one to three sentences of
the cited task that answer the question, quoted exactly. Pure functions."""

import itertools
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from planqa.assistant.answer import Citation, place
from planqa.assistant.facts import Fact
from planqa.assistant.rules import alternatives, joined, names_a_topic, pattern, table, which_word
from planqa.index.chunk import Chunk, split_sentences
from planqa.index.lexical import STOP_WORDS, content_words, pieces, pointing, tagged, tokenize
from planqa.ingest.grammar import grammar

SINGLE_QUOTE_CHARS = 220  # a single-task answer stays around 300 characters in all
LIST_QUOTE_CHARS = 90  # per task when several are listed


def rank_sentences(question: str, sentences: Sequence[str], idf: Mapping[str, float],
                   marks: Sequence[str] = (), dense_order: Sequence[str] = ()) -> list[tuple[str, float]]:
    """Sentences scored by the question's terms they contain (idf-weighted share), whether they
    state the fact asked for (``marks``: the facts' words, a date for "什么时候"), and the dense
    ranking of the passages. Sums run in the question's order, never a set's: a set's order
    changes with the hash seed, and so would the last bits of a sum and the ties they break."""
    terms = list(dict.fromkeys(t for t in tokenize(question) if t in idf))
    total = sum(idf[t] for t in terms) or 1.0
    dense_rank = {s: i for i, s in enumerate(dense_order)}
    scored = []
    for s in sentences:
        present = set(tokenize(s))
        score = sum(idf[t] for t in terms if t in present) / total
        if any(m in s for m in marks):
            score += 0.5
        if s in dense_rank:
            score += 0.3 / (1 + dense_rank[s])
        scored.append((s, score))
    return sorted(scored, key=lambda x: -x[1])


def pick_quote(chunk: Chunk, question: str, idf: Mapping[str, float], marks: Sequence[str] = (),
               dense_order: Sequence[str] = (), limit: int = SINGLE_QUOTE_CHARS) -> str:
    """The best one to three sentences of ``chunk``, in document order, within ``limit`` (when
    no sentence holds anything of the question: the task's opening, as much as fits);
    ``marks``: the words of the facts asked for, which the quote should hold."""
    sentences = split_sentences(chunk.body)
    if not sentences:
        return chunk.task_title or chunk.section_title
    ranked = rank_sentences(question, sentences, idf, marks, dense_order)
    best_score = ranked[0][1]
    if best_score <= 0:  # nothing of the question in any sentence: the opening, as much as fits
        if len(sentences[0]) > limit:
            return _window(sentences[0], question, idf, marks, limit)
        ends = itertools.accumulate(map(len, sentences))
        return "".join(sentences[:sum(1 for _ in itertools.takewhile(lambda end: end <= limit, ends))])
    chosen = [ranked[0][0]]
    for s, score in ranked[1:3]:
        if score >= 0.6 * best_score and sum(map(len, chosen)) + len(s) <= limit:
            chosen.append(s)
    if len(chosen[0]) > limit:
        return _window(chosen[0], question, idf, marks, limit)
    order = {s: i for i, s in enumerate(sentences)}
    chosen.sort(key=lambda s: order.get(s, 0))
    lines = [line.strip() for line in chunk.body.split("\n")]
    if all(len(s.strip()) <= HEADING_CHARS and _opens_line(s, lines) for s in chosen):
        # "3.完善数字基础设施。": what the item says, up to the next item (labelled as it is, or
        # a short line opening like it)
        level = _level(chosen[0])
        at = order.get(chosen[-1], len(sentences))
        for s in sentences[at + 1:]:  # a deeper label (（1） under 7.) is the item's own
            nxt = _opens_line(s, lines) and (_level(s) == level if level else (
                _level(s) is not None or len(s.strip()) <= HEADING_CHARS))
            if nxt or sum(map(len, chosen)) + len(s) > limit:
                break
            chosen.append(s)
    return "".join(_under_headings(chosen, sentences, order, lines, limit))


SENTENCE_START = 6  # characters that find where a sentence begins among the lines
HEADING_CHARS = 24  # an item's heading: a short sentence that opens its line ("3.完善数字基础设施。")


def _under_headings(chosen: list[str], sentences: Sequence[str], order: Mapping[str, int],
                    lines: Sequence[str], limit: int) -> list[str]:
    """The chosen sentences, each after the labelled heading line it stands under, where the
    outline has no item for it ("（1）全厂通信网络架构标准" inside a part's text): the heading names
    what the sentence describes. A heading is a whole line with a label and no closing stop."""
    out: list[str] = []
    shown: set[str] = set()
    size = sum(map(len, chosen))
    for s in chosen:
        at = order.get(s, 0)
        head = sentences[at - 1] if at > 0 and _level(s) is None else ""  # a labelled one is its own item
        if not (head and head in lines and not head.endswith(("。", "；", "！", "？", "：", ":"))):
            head = _run_in_heading(s, sentences, at, lines)
        if (head and not any(head in c for c in chosen) and head not in shown and len(head) <= HEADING_CHARS
                and _level(head) is not None and size + len(head) <= limit):
            out.append(head + "\n")
            shown.add(head)  # once for the sentences of one paragraph
            size += len(head)
        out.append(s)
    return out


def _run_in_heading(sentence: str, sentences: Sequence[str], at: int, lines: Sequence[str]) -> str:
    """The run-in heading of the numbered paragraph a sentence stands in ("2.开展应用示范推广。"
    opening the line, the sentence further on in its paragraph), or ""."""
    if _level(sentence) is not None:
        return ""
    for before in reversed(sentences[:at]):
        if _level(before) is not None:  # the nearest labelled sentence: the paragraph's opening,
            head = before[: before.find("。") + 1] or before  # whose first sentence is its heading (a
            # heading line without a stop, "14.智能患者院后管理", is a sentence of its own)
            return head if head and _same_paragraph(head, sentence, lines) else ""
    return ""


def _same_paragraph(opening: str, sentence: str, lines: Sequence[str]) -> bool:
    """Whether the sentence stands in the item the opening begins: on its line, or on lines that
    continue it (each line before ends mid-sentence, as text copied from a PDF breaks), or under a
    heading standing alone on its line ("7.人工智能的安全性问题。") up to the next labelled line."""
    start = next((i for i, line in enumerate(lines) if line.startswith(opening.strip())), None)
    if start is None:
        return False
    alone = len(lines[start].strip()) <= HEADING_CHARS and lines[start].count("。") <= 1
    for i, line in enumerate(lines[start:]):
        if i and alone and _level(line) is not None:
            return False  # the next item
        if sentence.strip()[:SENTENCE_START] in line:  # where it begins
            return True
        if not alone and line.rstrip().endswith(("。", "；", "！", "？", "：", ":")):
            return False  # a paragraph ends: the sentence is in another one
    return False


def _level(sentence: str) -> str | None:
    found = grammar().label(sentence.strip())
    return found.level.name if found else None


def _opens_line(sentence: str, lines: Sequence[str]) -> bool:
    text = sentence.strip()
    return any(line.startswith(text) for line in lines)


def _window(sentence: str, question: str, idf: Mapping[str, float], marks: Sequence[str],
            limit: int) -> str:
    """The clauses of a long sentence around the one that answers, marked …… where cut."""
    clauses = [c for c in re.split(r"(?<=[，；、])", sentence) if c]
    ranked = rank_sentences(question, clauses, idf, marks)
    best = clauses.index(ranked[0][0])
    lo = hi = best
    size = len(clauses[best])
    while True:  # grow to the right first: a clause usually reads on into the next
        if hi + 1 < len(clauses) and size + len(clauses[hi + 1]) <= limit:
            hi += 1
            size += len(clauses[hi])
        elif lo > 0 and size + len(clauses[lo - 1]) <= limit:
            lo -= 1
            size += len(clauses[lo])
        else:
            break
    first = lo
    while first > 0 and clauses[first - 1].endswith("、"):
        first -= 1
    if sum(map(len, clauses[first : best + 1])) <= limit:  # a list is quoted from its first item on
        size += sum(map(len, clauses[first:lo]))
        lo = first
        while size > limit and hi > best:
            size -= len(clauses[hi])
            hi -= 1
    text = "".join(clauses[lo : hi + 1])[:limit]
    if hi + 1 < len(clauses):
        text = text.rstrip("，；、") + "……"
    return ("……" if lo > 0 else "") + text


# An item without a title of its own is "titled" by its whole first sentence: where the quote
# says that sentence again, the label shows its opening only (the citation keeps it whole).
TITLE_SHOWN_CHARS = 40


def label(chunk: Chunk, quote: str = "") -> str:
    if chunk.task_number is not None:
        title = chunk.task_title
        if len(title) > TITLE_SHOWN_CHARS and title in quote:
            title = title[:TITLE_SHOWN_CHARS].rstrip("，；、") + "……"  # the quote says it again
        return f"{place(chunk.task_number, chunk.task_label, chunk.section_number)}：{title}"
    if chunk.kind == "overview":
        return "总体工作思路"
    return f"{place(None, '', chunk.section_number)}：{chunk.section_title}"


def citation(chunk: Chunk, quote: str, score: float) -> Citation:
    title = chunk.task_title or chunk.section_title or chunk.body.split("\n", 1)[0]
    return Citation(chunk.plan, chunk.task_number, chunk.section_number, title, quote, score,
                    chunk.task_label)


def single_answer(chunk: Chunk, quote: str) -> str:
    return f"{label(chunk, quote)}\n“{quote}”"


def list_answer(intro: str, items: Sequence[tuple[Chunk, str]]) -> str:
    lines = [intro] + [f"{label(c, q)}\n  “{q.replace(chr(10), chr(10) + '  ')}”" for c, q in items]
    return "\n".join(lines)


def conjunct_terms(question: str, idf: Mapping[str, float]) -> list[list[str]]:
    """Key terms of each topic joined by 和/与/、 ("科普社会化和科普信息化分别…" → two topics); one
    list when the question names one topic."""
    parts = _joined(question)
    topics = [key_terms(part, idf) for part in parts]
    if sum(1 for t in topics if t) < 2:
        return [key_terms(question, idf)]
    # What the first topic's clause says of them all ("对省科协委员的宣传、联系和服务": 委员)
    # belongs to the later topics too, which the split cut off from it.
    said = _shared_words(parts)
    pronouns = {w for w, tag in tagged(said) if tag.startswith("r")}  # 科协自己的…: 自己 is no topic
    shared = [t for t in key_terms(said, idf) if t not in pronouns]
    topics = [topics[0], *(sorted(dict.fromkeys(t + shared), key=lambda w: -idf[w]) for t in topics[1:] if t)]
    # ... and what the last topic's clause says of them all after 都 (`distributive`) belongs to the earlier ones.
    if after := key_terms(_said_after(parts), idf):
        topics = [*(sorted(dict.fromkeys(t + after), key=lambda w: -idf[w]) for t in topics[:-1] if t), topics[-1]]
    return [t for t in topics if t]


def _said_after(parts: Sequence[str]) -> str:
    """What the last joined part's clause says after a word saying it of each topic (都, 均:
    the `distributive` words), when the part names a topic before it: said of every topic
    ("学会和高校都要建服务站" → 要建服务站); "" when there is none. (各自, 分别 ask apart:
    the frame cuts them, and each topic is asked for on its own.)"""
    words = pieces(parts[-1].split("，")[0])
    marks = table().word_set("distributive")
    at = next((i for i, w in enumerate(words) if w in marks), 0)
    return "".join(words[at + 1:]) if at else ""


def _shared_words(parts: Sequence[str]) -> str:
    """The words of the first joined part said of every part: a clause before it ("针对青年科技
    工作者，培养或宣传"), and what stands before the first topic in its clause — before its last
    的 ("省科协委员的宣传和服务"), else, of three topics or more, all but as many words as the
    middle one has ("对省科协委员有哪些联系、服务或沟通": 联系 is the first topic), or of two,
    what stands before the question word ("对青年科技工作者有哪些支持和宣传"). Nothing more
    when a later topic has a 的 of its own (科协的作用和学会的改革; not 宣传方面的安排) or a middle
    part is no topic alone (成立或组建哪些协会、研究院 joins verbs, then nouns)."""
    lead, _, first = parts[0].rpartition("，")
    heads = [_asked_away(p) for p in parts[1:]]
    if any(_own_modifier(h) for h in heads) or any(h != p.strip() for h, p in zip(heads[:-1], parts[1:-1])):
        return lead
    if "的" in first:
        return f"{lead}，{first[: first.rfind('的')]}"
    if (which := which_word(first)) and which[0] > 0:  # 对青年科技工作者有哪些支持和宣传: 青年科技工作者
        return f"{lead}，{first[: which[0]]}"
    if len(parts) < 3:  # 监督检查或督查: how many words the first topic has, one other cannot tell
        return lead
    words, size = content_words(first), len(content_words(heads[0]))
    at = first.lower().rfind(words[-size]) if size and len(words) > size else -1
    return f"{lead}，{first[:at]}" if at > 0 else lead


def _own_modifier(topic: str) -> bool:
    """Whether a topic has a 的 of its own before a word of its own (学会的改革), not before a
    word for plans' contents (宣传方面的安排, 具体的措施)."""
    generic = table().word_set("plan_things")
    return any(rest and not rest.startswith(tuple(generic)) for rest in topic.split("的")[1:])


def _asked_away(part: str) -> str:
    """A joined part up to its first comma or question word: the topic it names ("服务有哪些具体
    的措施" → 服务)."""
    head = part.split("，")[0]
    cut = min((i for w in QUESTION_WORDS if (i := head.find(w)) >= 0), default=len(head))
    return head[:cut].strip()


def asks_a_joined_part(question: str) -> bool:
    """Whether a part after 和/与/、 opens with the question word ("加强与哪些部门协同"): what is
    asked, not a topic joined."""
    first, *rest = _joined(question)
    return bool(first.strip("，, ")) and any(p.strip("，, ") and not _asked_away(p) for p in rest)


def modifies_a_noun(question: str) -> bool:
    """Whether the topics a question joins are said of a noun after them, through a 的 of their
    own ("重点人员和场所的基础信息"): one thing asked, not topics listed (not 调查、课题研究方面的安排)."""
    parts = _joined(question)
    last = parts[-1].split("，")[0] if len(parts) > 1 else ""
    kinds = table().word_set("class_noun")  # 协会、研究院之类的组织: kinds, not a thing
    return any(names_a_topic(rest, kinds) for rest in last.split("的")[1:])


def _unframed(question: str) -> str:
    """The question with its words about the plan and where in it a thing stands cut out."""
    return pattern("frame").sub("，", pattern("part_asked").sub("，", question))


def _joined(question: str) -> list[str]:
    """The question split where 和/与/、 join topics, its frame words ("计划里") cut out."""
    return joined(_unframed(question))


def conjunct_parts(question: str, idf: Mapping[str, float]) -> list[tuple[str, list[str]]]:
    """The topics a question joins with 和/与/、, each as words to search by and its key terms;
    a clause before the first topic ("学会这一块，党建和组织体制改革…") is said of every topic.
    [] when fewer than two parts name something the plan knows."""
    parts = [p.strip("，,。？?！! ") for p in _joined(question)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return []
    lead, _, first = parts[0].rpartition("，")
    own = [first, *parts[1:]]  # each topic's own words, for its key terms
    searched = [parts[0], *(f"{lead}，{p}" if lead else p for p in parts[1:])]
    if after := _said_after(parts):  # 学会和高校都要建服务站: 要建服务站 of either
        own = [*(f"{p}{after}" for p in own[:-1]), own[-1]]
        searched = [*(f"{p}{after}" for p in searched[:-1]), searched[-1]]
    topics = [(text, key_terms(words, idf)) for text, words in zip(searched, own)]
    topics = [(p, t) for p, t in topics if t]
    return topics if len(topics) > 1 else []


_GLUE = "的了是在和与及或等要把被对将也都还就之"
_QUOTE_MARKS = str.maketrans({"＋": "+"} | dict.fromkeys("“”\"‘’'「」『』《》"))  # (letters, digits fold when cleaned)


def bare(text: str) -> str:
    """The text without quotation marks: the plan's “科技工作者日”主题活动 is the phrase a question
    types as 科技工作者日主题活动, its “5G＋工业互联网” one typed 5G+工业互联网."""
    return text.translate(_QUOTE_MARKS)


def plan_phrase(question: str, plan_text: str, idf: Mapping[str, float], share: float) -> str:
    """The longest run of the question (three characters or more) that the plan has word for
    word and that holds ``share`` of the question's key-word weight: "学会群" where the words
    alone are 学会 (in most tasks) and 群; "" when there is none. A verb opening it is cut off
    when a noun phrase follows (object_of)."""
    terms = key_terms(question, idf)
    total = sum(idf[t] for t in terms)
    said = bare(pattern("frame").sub("，", question))
    topic = said.lower()  # 5g+ as 5G+ (terms are lowercased); the phrase as the question spells it
    plan_text = bare(plan_text).lower()
    best, whole = "", False
    for run in _phrase_runs(topic):
        starts = set(itertools.accumulate(map(len, pieces(run)), initial=0))
        for i in range(len(run)):
            # as long as the best, a run starting at one of the question's words wins over one
            # starting inside a word (教师节 over 年教师 of 今年教师节, the plan printing 青年教师)
            tie = i in starts and not whole
            j = i + len(best) + (0 if tie else 1)  # only runs that could beat the best so far
            while j <= len(run) and run[i:j] in plan_text:
                phrase = run[i:j].strip(_GLUE)  # 院士的 is 院士
                held = [t for t in terms if t in phrase]
                if ((tie or j - i > len(best))
                        and len(phrase) > max(map(len, held), default=len(phrase))
                        and sum(idf[t] for t in held) >= share * total > 0):
                    best, whole = phrase, i in starts
                j += 1
    at = topic.find(best)
    return object_of(said[at:at + len(best)] if best else best)


def marked_topic(question: str, plan_text: str, markers: Sequence[str], leads: Sequence[str]) -> str:
    """The words a question points at as its topic (退休工程师这块…): the run of Chinese right
    before the first marker, less a word leading it (``leads``: 关于), when the plan prints it word
    for word, three characters or more; "" when it does not (not a part of it: 智能化 of 工厂智能化)."""
    at = min((i for m in markers if (i := question.find(m)) > 0), default=-1)
    start = at
    while start > 0 and "\u4e00" <= question[start - 1] <= "\u9fff":
        start -= 1
    run = question[start:at]
    topics = [run] + [run[len(w):] for w in leads if run.startswith(w)]
    return next((t for t in topics if len(t) >= 3 and t in bare(plan_text)), "") if at > 0 else ""


def _phrase_runs(text: str) -> list[str]:
    """Runs of Chinese and digits (2023年底前 is a phrase too); a term joined by + (5G+工业互联网)
    is one run, Latin letters and all. Latin letters elsewhere end a run (BIM技术应用: 技术应用)."""
    runs = []
    for run in re.findall(r"[\u4e00-\u9fff0-9A-Za-z+]{3,}", text):
        pieces = [run] if "+" in run.strip("+") else [
            "".join(chars) for latin, chars in itertools.groupby(run, lambda c: c.isascii() and c.isalpha()) if not latin]
        runs += [p for p in pieces if len(p) >= 3 and "+" not in p[:1]]
    return runs


def beyond_words(phrase: str, words: Sequence[str]) -> bool:
    """Whether a phrase has a character none of the words holds (氢燃料 beyond 燃料)."""
    for word in sorted(words, key=len, reverse=True):
        phrase = phrase.replace(word, "")
    return bool(phrase.strip(_GLUE))


QUESTION_WORDS = ("哪", "什么", "啥", "多少", "几", "何")
# jieba's nouns (n, nr, ns, nz …), verbal nouns, Latin words, abbreviations (科协), idioms and set
# phrases (反邪教, 一岗双责), place words (网上)
NOUN_TAGS = ("n", "vn", "eng", "j", "i", "l", "s")


def topic_nouns(words: Sequence[tuple[str, str]]) -> list[str]:
    """The nouns a question (its words tagged) names its topic by: not the noun its question word
    asks for (哪些单位, 什么格局, 哪个文件), nor a document noun (文件里): "哪个部门负责科普" → 科普;
    "哪些单位会参与进来" → none (it asks about what the conversation is about)."""
    nouns, asked = [], False
    documents = table().word_set("doc")
    for word, tag in words:
        if word.startswith(QUESTION_WORDS):
            asked = True
        elif asked and tag in ("q", "m", "uj"):  # 哪个, 什么样的
            continue
        elif tag.startswith(NOUN_TAGS):
            if not asked and word not in STOP_WORDS and word not in documents:
                nouns.append(word)
            asked = False
        else:
            asked = False
    return nouns


# jieba's tags of a word that opens a question without naming its subject: pronouns (哪些, 它),
# adverbs, prepositions (跟, 依据), conjunctions, place words (最后), distinguishers (主要),
# adjectives (具体)
BARE_OPENINGS = ("r", "d", "p", "c", "f", "b", "a", "ad")
QUOTES = "“\"「『《‘"


def names_nothing(question: str) -> bool:
    """Whether the question opens without a subject and names no thing of its own ("主要跟哪里
    对接？", "要摸清哪些情况"): in a conversation it asks about what the conversation is about. A
    question opening with its topic does not, whatever its words' tags ("巡视整改呢", "那反邪教呢")."""
    if any(mark in question for mark in QUOTES) or table().flag("which_task", question):
        return False  # a quoted term is a thing named; "其中哪项讲巡视整改？" looks for a task
    words = [(w, t) for w, t in tagged(question) if t != "x"]
    if topic_nouns(words):
        return False
    last = question.replace(":", "：").split("：")[-1]  # "再问一个：…" opens with what follows
    opening = [(w, t) for w, t in tagged(pattern("frame").sub("，", last)) if t != "x"]
    while len(opening) > 1 and opening[0][0] in ("那", "那么"):
        opening = opening[1:]
    return bool(opening) and (opening[0][1] in BARE_OPENINGS or opening[0][0] in table().word_set("modal"))


MIN_OBJECT_PHRASE = 4


def object_of(phrase: str) -> str:
    """A phrase without the verb that opens it when what follows is a noun phrase of its own
    ("建设协同创新中心" → 协同创新中心): the tasks that name the thing are the topic, whatever
    they say is done with it (共建一批协同创新中心)."""
    verbs = sorted(table().word_set("work_verb") | table().word_set("make_verb"), key=len, reverse=True)
    while (verb := next((v for v in verbs if phrase.startswith(v)), "")) and len(phrase) - len(verb) >= MIN_OBJECT_PHRASE:
        phrase = phrase[len(verb):]  # 建立健全工作机制 → 工作机制
    return phrase


_CLAUSE = re.compile(r"[，,；;：:]")
# A Chinese aside only: a Latin one glosses a term as the plan may print it alone (窄带物联网（NB-IoT）).
_ASIDE = re.compile(r"（[^（）]*[\u4e00-\u9fff][^（）]*）|\([^()]*[\u4e00-\u9fff][^()]*\)")


def key_terms(question: str, idf: Mapping[str, float]) -> list[str]:
    """The question's content words that the plan knows (at least two characters), rarest first;
    an aside in brackets ("中国科协（包括中国科协的代表）", "提升（提高）") adds none: what it
    adds may be there or not."""
    words = dict.fromkeys(known for _, known in _topic_words(question, idf) if len(known) >= 2)
    return sorted(words, key=lambda w: -idf[w])


def topic_weights(question: str, idf: Mapping[str, float]) -> dict[str, float]:
    """key_terms with their weights, and the words the plan does not know at all (上市公司 in a
    plan without it) at the rarest weight: what the plan lacks is what the question is about."""
    weights: dict[str, float] = {}
    for word, known in _topic_words(question, idf):
        if len(known) >= 2:
            weights[known] = idf[known]
        elif len(word) >= 2 and not glued(word) and not pointing(word):  # 那个, 几个: unprinted, no topic
            weights[word] = max(idf.values(), default=1.0)
    return weights


def glued(word: str) -> bool:
    """A modal jieba glued to a one-character verb (要建, 要搞): no word of a topic; 能源, 会议 are."""
    return (len(word) == 2 and word[0] in table().word_set("modal")
            and all(tag.startswith("v") for _, tag in tagged(word)))


def _topic_words(question: str, idf: Mapping[str, float]) -> list[tuple[str, str]]:
    """Each content word of the question's topic (frame words and Chinese asides cut out) with
    the part of it the plan knows."""
    topic = _unframed(_ASIDE.sub("", question))
    # 打算, 需要 (a modal) and 出来 (a complement) say how a thing is done, not what it is
    how = table().word_set("modal") | table().word_set("complement")
    words = [_without_preposition(w) for w in dict.fromkeys(content_words(topic)) if w not in how]
    return [(w, known_part(w, idf)) for word in words if word for w in _headless(word, idf)]


def _headless(word: str, idf: Mapping[str, float]) -> tuple[str, ...]:
    """A word the segmenter made of a topic and a head that names no topic (试点工作): the topic
    and the head apart (the head keeps its small weight), when the plan's index has the topic as
    a term (every two characters of its text are one); a task saying 改革试点 is about 试点 too.
    Else the word."""
    for head in table().words["generic_head"]:
        stem = word[: -len(head)]
        if word.endswith(head) and len(stem) >= 2 and stem in idf:
            return stem, head
    return (word,)


def _without_preposition(word: str) -> str:
    """The word, "" for a preposition introducing the topic (面向, 针对), or what follows a
    one-character preposition the segmenter glued to it ("对省科协" cut as 对省|科协: 省) when the
    tagger splits the word there (对接, 对口 stay whole)."""
    prepositions = table().word_set("topic_preposition")
    if word in prepositions:
        return ""
    if len(word) > 1 and word[0] in prepositions and tagged(word)[0] == (word[0], "p"):
        return word[1:]
    return word


def known_part(word: str, idf: Mapping[str, float]) -> str:
    """The word, or its longest part that the plan knows: jieba may glue a particle to a term
    the plan has (链主是 → 链主); "" when no part of two characters or more is known."""
    if word in idf:
        return word
    for size in range(len(word) - 1, 1, -1):
        for i in range(len(word) - size + 1):
            if word[i : i + size] in idf:
                return word[i : i + size]
    return ""


def own_words(chunk: Chunk) -> str:
    """A task's title and body, lowercased: where a listing looks for the question's terms."""
    return bare(f"{chunk.task_title}\n{chunk.body}").lower()


def group_share(chunk: Chunk, groups: Sequence[tuple[float, Sequence[str]]]) -> float:
    """The weighted share of ``groups`` (weight, alternative terms) that the task's own words
    contain; a group counts when any one of its terms is there (智库 or 思想库)."""
    total = sum(weight for weight, _ in groups)
    if not total:
        return 0.0
    text = own_words(chunk)
    return sum(weight for weight, terms in groups if any(t in text for t in terms)) / total


def term_share(chunk: Chunk, terms: Sequence[str], idf: Mapping[str, float]) -> float:
    """The idf-weighted share of ``terms`` that the task's own words contain; a verb the
    segmenter glued to its object (开展调查) is there when both are ("开展前瞻研判和调查研究")."""
    return _share(chunk, terms, idf, whole_words=False)


def word_share(chunk: Chunk, terms: Sequence[str], idf: Mapping[str, float]) -> float:
    """``term_share`` by the task's whole words: 委员 is not said by 委员会, nor 代表 by 代表大会."""
    return _share(chunk, terms, idf, whole_words=True)


def _share(chunk: Chunk, terms: Sequence[str], idf: Mapping[str, float], whole_words: bool) -> float:
    total = sum(idf.get(t, 0.0) for t in terms)
    if not total:
        return 0.0
    text = own_words(chunk)
    said = _words_of(text) if whole_words else text
    return sum(idf.get(t, 0.0) for t in terms if t in said or _parts_in(t, text, idf)) / total


@lru_cache(maxsize=4096)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


MIN_OBJECT_CHARS = 2


def _parts_in(term: str, text: str, idf: Mapping[str, float]) -> bool:
    """A verb glued to its object (开展调查): both said in the task, apart."""
    verb = next((v for v in table().word_set("work_verb") if term.startswith(v)), "")
    rest = term[len(verb):]
    return bool(verb) and len(rest) >= MIN_OBJECT_CHARS and rest in idf and verb in text and rest in text


def text_share(text: str, weights: Mapping[str, float]) -> float:
    """The weighted share of the terms (term → weight) that one text (a sentence) contains."""
    total = sum(weights.values())
    words = bare(text).lower()
    return sum(w for t, w in weights.items() if t in words) / total if total else 0.0


def clauses_of(sentence: str, words: str) -> tuple[str, ...]:
    """Each clause of ``sentence`` (between commas or semicolons) that holds ``words`` (a figure
    a sentence prints twice, "渗透率达到30%以上，搭载率达到30%以上", is said in both); the
    sentence when none holds them whole. A clause that is nothing but the fact (and 到,
    力争到 …) leads the rest of the sentence ("到2022年底前，…长效机制基本建立"): it is said of the clauses
    after it."""
    clauses = _CLAUSE.split(sentence)
    found = []
    for i, clause in enumerate(clauses):
        if _holds_figure(clause, words):
            lead = clause.strip().replace(words, "", 1)  # 到, 力争到 …: the fact leads the sentence
            if i + 1 < len(clauses) and (not lead or lead in table().word_set("time_lead")):
                found.append("，".join(clauses[i:]))
            else:
                found.append(clause)
    return tuple(found) or (sentence,)


def figure_places(text: str, words: str) -> int:
    """How often ``text`` prints ``words``, not inside a longer number (5个 in 15个, 6亿元 in 45.6亿元)."""
    found, at = 0, text.find(words)
    while at >= 0:
        found += not (words[:1].isdigit() and at and (text[at - 1].isdigit() or text[at - 1] in ".．"))
        at = text.find(words, at + 1)
    return found


def _holds_figure(clause: str, words: str) -> bool:
    """Whether ``clause`` holds ``words`` as printed, not inside a longer number (5个 in 15个)."""
    return figure_places(clause, words) > 0


JOINERS = "和与及、或并"
MAX_GAP = 4  # characters between two words of a phrase that a coordination splits


def says_together(chunk: Chunk, phrase: str, idf: Mapping[str, float]) -> bool:
    """Whether the task prints ``phrase`` split by a coordination: its words in order, each
    next one at most four characters on and after 和/与/、…: "公共数据管理和授权运营" says
    公共数据授权运营; "智慧旅游城市" does not say 智慧城市. Only a phrase its words make up whole."""
    words = [w for w in content_words(phrase) if w in idf]
    if len(words) < 2 or "".join(words) != phrase.lower():
        return False
    text = bare(f"{chunk.task_title}\n{chunk.body}").lower()
    start = text.find(words[0])
    while start >= 0:
        end, ok = start + len(words[0]), True
        for word in words[1:]:
            at = text.find(word, end, end + MAX_GAP + len(word))
            if at < 0 or (at > end and text[at - 1] not in JOINERS):  # the joiner binds to the next word
                ok = False
                break
            end = at + len(word)
        if ok:
            return True
        start = text.find(words[0], start + 1)
    return False


def says_made(chunk: Chunk, thing: str, verbs: Sequence[str]) -> bool:
    """Whether a sentence of the task's own words says the thing is made, held or set up (组建…协会,
    举办好…论坛), not only names it (修订…协会条例)."""
    verbs = [v for v in verbs if len(v) > 1]  # 办 of 办法 makes nothing
    return any(thing.lower() in s and any(v in s for v in verbs) for s in split_sentences(own_words(chunk)))


NAME_CHARS = 24  # the longest name of a kind a task prints (助力地方创新驱动发展工程)


def names_ending(chunk: Chunk, kind: str) -> tuple[Fact, ...]:
    """The names of things of a kind the task prints: words ending with the kind's word, quoted
    or standing whole (“数字科普扶贫工程”, 青年科技人才托举工程), not the word inside a phrase
    (工程进度)."""
    text = f"{chunk.task_title}\n{chunk.body}"  # with its quotation marks
    said = re.compile(f"“([^“”]{{1,{NAME_CHARS}}}?{re.escape(kind)})”"
                      f"|([\u4e00-\u9fff]{{2,{NAME_CHARS}}}?{re.escape(kind)})(?=[，,。；;、）)”\"和及等]|$)")
    words = table().words
    verbs = re.compile(alternatives([*words["work_verb"], *words["make_verb"]]))
    # a name standing whole starts after the verbs before it (实施…托举工程 → …托举工程)
    names = dict.fromkeys(m.group(1) or verbs.split(m.group(2))[-1] for m in said.finditer(text))
    return tuple(Fact("list_names", n, "") for n in names if len(n) > len(kind))


SET_UP_REACH = 20  # characters from a verb of setting up to the end of the institution's name


@lru_cache(maxsize=64)
def set_up_said(endings: tuple[str, ...]) -> re.Pattern:
    """How a task says an institution is set up whose name ends so (成立山东省科普志愿者协会,
    组建产业联盟、专家委员会), searched in its own words: a verb of setting up, then names, the last
    one ending as asked. A name holds no verb of work (设立专项资金支持…联盟 sets up a fund) and ends
    there (not 成立学会群)."""
    words = table().words
    char = f"(?:(?!{alternatives(words['work_verb'])})[^，,。；;：:、])"  # of a name: no comma, no verb of work
    listed = f"(?:{char}{{0,{SET_UP_REACH}}}?(?:{alternatives(words['institution'])})[、和及与])*?"  # names before it
    return re.compile(f"(?:{alternatives(words['set_up_verb'])}){listed}{char}{{0,{SET_UP_REACH}}}?"
                      f"(?:{alternatives(endings)})" r"(?=[，,。；;、：:）)”\"’和及与等]|$)")


def printed_form(term: str, texts: Sequence[str]) -> str:
    """A key word as the texts print it: key words come lower-cased (mes), a plan prints MES;
    a Latin word only where it stands whole (not the ai of Email). Else the word as it came."""
    if term.upper() == term:
        return term  # no letter with a case (智慧园区): printed as it came, no text to search

    def latin(text: str, at: int) -> bool:
        return 0 <= at < len(text) and text[at].isascii() and text[at].isalpha()

    for text in texts:
        low = text.lower()
        at = low.find(term)
        while at >= 0:
            end = at + len(term)
            whole = not (latin(term, 0) and latin(low, at - 1)) and not (latin(term, len(term) - 1) and latin(low, end))
            if whole and text[at:end].lower() == term:
                return text[at:end]
            at = low.find(term, at + 1)
    return term


def mentions(chunk: Chunk, terms: Sequence[str]) -> bool:
    """Whether the task's own words (title and body) contain every term, in any case (“5G” is
    in 5G+4K as own_words has it: 5g+4k)."""
    text = own_words(chunk)
    return bool(terms) and all(t.lower() in text for t in terms)
