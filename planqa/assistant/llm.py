"""Optional LLM answers (install extra ``llm``): any OpenAI-compatible server through
``ChatOpenAI(base_url=…)``. The model writes from the retrieved chunks only and cites [第N项];
every cited number is checked against the chunks it was given, unknown ones are removed and
flagged. Any failure (unreachable, slow, error, garbage) falls back to the extractive answer."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

from planqa.assistant.retrieve import Scored
from planqa.prompts import load_prompt

CONTEXT_CHUNKS = 4
_CITED = re.compile(r"[\[［【(（]?\s*第\s*(\d{1,3})\s*项\s*[\]］】)）]?")


class LLMUnavailable(Exception):
    """The model did not give a usable answer; the caller falls back to extractive."""


@dataclass(frozen=True)
class Drafted:
    text: str  # cleaned of unknown citations
    cited: tuple[int, ...]  # task numbers cited, in order of first mention, all known
    removed: tuple[int, ...]  # cited numbers that were not in the context


def prompt() -> ChatPromptTemplate:
    return ChatPromptTemplate.from_messages(
        [("system", load_prompt("answer_system")), ("human", load_prompt("answer_user"))]
    )


def context_text(hits: Sequence[Scored]) -> str:
    blocks = []
    for h in hits[:CONTEXT_CHUNKS]:
        c = h.chunk
        head = f"[第{c.task_number}项] {c.task_title}" if c.task_number is not None else f"[{c.section_title or '总体部分'}]"
        blocks.append(f"{head}\n{c.body}")
    return "\n\n".join(blocks)


def check_citations(text: str, known: set[int]) -> Drafted:
    """Keep citations of tasks that were in the context; strip and report the others."""
    cited: list[int] = []
    removed: list[int] = []

    def keep_or_drop(m: re.Match) -> str:
        n = int(m.group(1))
        if n in known:
            if n not in cited:
                cited.append(n)
            return f"[第{n}项]"
        if n not in removed:
            removed.append(n)
        return ""

    cleaned = _CITED.sub(keep_or_drop, text).strip()
    return Drafted(cleaned, tuple(cited), tuple(removed))


class LLMAnswerer:
    def __init__(self, model: BaseChatModel):
        self.chain = prompt() | model

    def _inputs(self, question: str, hits: Sequence[Scored], plan_title: str) -> dict:
        return {"question": question, "context": context_text(hits), "plan_title": plan_title}

    def draft(self, question: str, hits: Sequence[Scored], plan_title: str) -> Drafted:
        try:
            message = self.chain.invoke(self._inputs(question, hits, plan_title))
        except Exception as err:  # noqa: BLE001 — any client or server failure means fall back
            raise LLMUnavailable(f"{type(err).__name__}") from None
        return self._checked(getattr(message, "content", ""), hits)

    def stream(self, question: str, hits: Sequence[Scored], plan_title: str) -> Iterator[str]:
        """Raw text pieces as the model writes them (check the joined text with ``finish``)."""
        try:
            for piece in self.chain.stream(self._inputs(question, hits, plan_title)):
                content = getattr(piece, "content", "")
                if isinstance(content, str) and content:
                    yield content
        except Exception as err:  # noqa: BLE001
            raise LLMUnavailable(f"{type(err).__name__}") from None

    def finish(self, text: str, hits: Sequence[Scored]) -> Drafted:
        return self._checked(text, hits)

    @staticmethod
    def _checked(content, hits: Sequence[Scored]) -> Drafted:
        if not isinstance(content, str) or not content.strip():
            raise LLMUnavailable("空回答")
        known = {h.chunk.task_number for h in hits[:CONTEXT_CHUNKS] if h.chunk.task_number is not None}
        drafted = check_citations(content, known)
        if not drafted.cited or len(drafted.text) < 4:
            raise LLMUnavailable("回答没有引用检索到的任务")
        return drafted


def make_chat_model(base_url: str, model: str, api_key: str | None, timeout: float):
    """``ChatOpenAI`` for an OpenAI-compatible server; None when the extra is not installed."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError:
        return None
    return ChatOpenAI(base_url=base_url, model=model, api_key=api_key or "not-needed",
                      timeout=timeout, max_retries=0, temperature=0)
