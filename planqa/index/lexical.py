"""Lexical side of retrieval: BM25 over Chinese words (jieba) and character bigrams.

Words catch exact terms (院士专家工作站); bigrams catch words jieba splits differently in the
question and the plan. Question words and function words are stop words, so that "哪项任务"
does not match every task. Pure: the index is built from texts and scored in memory.
"""

import heapq
import math
import re
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

# Function words and question words: they say how a question is asked, not what about.
STOP_WORDS = frozenset(
    """
    的 了 和 与 及 或 在 是 为 对 把 被 由 从 向 以 等 着 之 其 这 那 也 都 就 而 并 又 吗 呢 吧 啊
    哪 哪个 哪些 哪项 哪一项 哪条 哪一条 哪几 哪几项 什么 怎么 怎样 怎么样 如何 为何 为什么 是否 有没有
    第几 几项 多少 一项 这项 那项 该项 任务 工作要点 要点 提到 涉及 讲 讲了 说 关于 有关 相关 内容
    哪里 哪儿 请问 一下 我们 你们 他们 要求 主要 具体 方面 有 要 会 能 可以 一个 些 里 中 上 下
    大概 大约 大致 大体
    """.split()
)
_PUNCT = re.compile(r"[^\w]+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


@cache
def _jieba():
    # jieba imports pkg_resources where it exists; setuptools 67.5-80 deprecate that import.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*pkg_resources", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*pkg_resources", category=UserWarning)
        import jieba  # loading its dictionary takes ~0.5 s: only when first needed
        import jieba.posseg  # noqa: F401  its tagging tables (~0.5 s) load with it, not on a first follow-up

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return jieba


# Characters that glue to a word jieba guesses (附件中运维 → 中运维, 车企要): before it, a joiner or a
# place after a noun; after it, a verb or particle a subject takes (not 上 of 上云, which starts words).
GLUED_BEFORE = frozenset("的和与及或在对把被从由中里")
GLUED_AFTER = frozenset("要有能会的了在吗呢吧啊")


def _jieba_words(text: str) -> list[str]:
    return [w for w in _jieba().lcut(text.lower()) if w.strip() and not _PUNCT.fullmatch(w)]


def _all_words(text: str) -> list[str]:
    return [part for w in _jieba_words(text) for part in _unglued(w)]


def _unglued(word: str) -> list[str]:
    """A word jieba guessed from single characters (no dictionary word) with a joiner or particle
    glued at an end (`GLUED_BEFORE`, `GLUED_AFTER`): the word apart from them (中运维有 → 中, 运维,
    有), so that it is the word the plan's text has; two characters at least are left."""
    if len(word) < 3 or not (word[0] in GLUED_BEFORE or word[-1] in GLUED_AFTER) \
            or len(pieces(word)) < len(word):
        return [word]
    tail = [word[-1]] if word[-1] in GLUED_AFTER else []
    head = [word[0]] if word[0] in GLUED_BEFORE and len(word) - len(tail) > 2 else []
    return [*head, word[len(head): len(word) - len(tail)], *tail]


def pieces(text: str) -> list[str]:
    """The text cut into jieba's dictionary words, nothing dropped (no guessed words: a joiner
    stays a word of its own in 船和岸, and 及 stays inside 涉及)."""
    return _jieba().lcut(text, HMM=False)


def tagged(text: str) -> list[tuple[str, str]]:
    """jieba's words with their parts of speech (n… nouns, v… verbs, r pronouns, q measures)."""
    return [(w.word, w.flag) for w in _jieba().posseg.cut(text) if w.word.strip()]


POINTING_TAGS = ("r", "f")  # pronouns, place words
VAGUE_AMOUNT = ("几", "多", "些")  # 几个, 好多, 一些: an amount that names nothing
ITEM_MEASURES = ("个", "条", "项", "件", "处", "点", "种", "类", "次", "位", "家")  # 两条, 三项: items counted


def all_han(word: str) -> bool:
    """Whether the word is Chinese characters only (and not empty)."""
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


def pointing(word: str) -> bool:
    """Whether the word is a pronoun, a place word, a vague amount or a count of items (那个, 有个,
    最后, 上面, 几个, 好多, 这两条): it points at a topic, it names none (unless the plan prints it:
    最后一公里). A number that names something (十四五, 三年, 两会, 首批) and an ordinal (第七次)
    are no pointing words."""
    return not word.startswith("第") and all(
        tag[0] in POINTING_TAGS or (tag[0] == "m" and (any(c in w for c in VAGUE_AMOUNT) or w.endswith(ITEM_MEASURES)))
        for w, tag in tagged(word))


def dictionary_ends(text: str) -> frozenset[int]:
    """Where the dictionary's words of the text end (`pieces`, no guessing: 中心医院 is one word)."""
    return frozenset(accumulate(len(w) for w in pieces(text)))


def word_edges(text: str) -> frozenset[int]:
    """Where the words of the text start and end (offsets into the text): jieba's, except that a
    run it guessed as one word without knowing it (营收过, 人进) keeps the edges inside it."""
    edges = set()
    for word, start, end in _jieba().tokenize(text):
        inside = range(start, end + 1) if len(word) > 1 and not is_word(word) else (start, end)
        edges.update(inside)
    return frozenset(edges)


def content_words(text: str) -> list[str]:
    """jieba words without stop words and punctuation, in order, lowercased."""
    return [w for w in _all_words(text) if w not in STOP_WORDS]


def tokenize(text: str) -> list[str]:
    """Words (stop words dropped), plus character bigrams inside the remaining Han runs."""
    words = _jieba_words(text)
    kept = [part for w in words for part in _unglued(w) if part not in STOP_WORDS]
    tokens = list(kept)
    # Bigrams inside runs of consecutive kept words (as jieba cut them: 上云 of 企业上云有 stays):
    # stop words break a run; punctuation, dropped with the words, does not (庸、懒、散 holds 懒散).
    run = ""
    for w in words + [""]:
        if w and w not in STOP_WORDS and _HAN_RUN.fullmatch(w):
            run += w
            continue
        tokens += [run[i : i + 2] for i in range(len(run) - 1)]
        run = ""
    return tokens


@dataclass(frozen=True)
class LexicalHit:
    index: int  # position of the document in the list the index was built from
    score: float
    matched: frozenset[str]  # query terms found in the document


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) over ``tokenize``d documents, with an inverted index so that a
    query touches only the documents that share a term with it."""

    def __init__(self, texts: list[str], k1: float = 1.5, b: float = 0.75):
        self.k1 = k1
        docs = [Counter(tokenize(t)) for t in texts]
        lengths = [sum(d.values()) for d in docs]
        avg = (sum(lengths) / len(lengths)) if docs else 0.0
        self.size = len(docs)
        # Per-document length normalization, folded in once.
        self.norm = [k1 * (1 - b + b * n / (avg or 1)) for n in lengths]
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in doc.items():
                self.postings.setdefault(term, []).append((i, tf))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def search(self, query: str, k: int | None = None, allowed: set[int] | None = None,
               extra: Mapping[str, float] | None = None) -> list[LexicalHit]:
        """Documents that share at least one term with ``query`` (among ``allowed``), best first.
        ``extra``: more words to look for (synonyms, translations), each with a weight ≤ 1."""
        weights = dict.fromkeys(tokenize(query), 1.0)
        for word, weight in (extra or {}).items():
            for term in tokenize(word):
                weights[term] = max(weights.get(term, 0.0), weight)
        scores: dict[int, float] = {}
        matched: dict[int, list[str]] = {}
        for term, weight in weights.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, tf in self.postings[term]:
                if allowed is not None and i not in allowed:
                    continue
                scores[i] = scores.get(i, 0.0) + weight * idf * tf * (self.k1 + 1) / (tf + self.norm[i])
                matched.setdefault(i, []).append(term)
        best = heapq.nlargest(k, scores.items(), key=lambda kv: kv[1]) if k else sorted(
            scores.items(), key=lambda kv: -kv[1])
        return [LexicalHit(i, score, frozenset(matched[i])) for i, score in best]

    def query_coverage(self, query: str) -> float:
        """Share of the query's distinct terms that occur in the indexed texts (0 for English
        questions against a Chinese plan): how much the lexical list can be trusted."""
        terms = set(tokenize(query))
        return sum(1 for t in terms if t in self.idf) / len(terms) if terms else 0.0


COMMON_WORD = 20  # jieba's dictionary also lists rare strings such as 啊啊啊 (frequency 3)


def is_word(word: str) -> bool:
    """Whether jieba's dictionary knows ``word`` as a word in common use."""
    return (_jieba().get_FREQ(word) or 0) >= COMMON_WORD
