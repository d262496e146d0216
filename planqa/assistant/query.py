"""Questions are normalized like documents: traditional → simplified, widths folded, pinyin
annotations, stray symbols and odd spaces removed, one line."""

from planqa.errors import PlanqaError
from planqa.index.clean import clean_text

MAX_QUESTION_CHARS = 2000


class QuestionError(PlanqaError):
    """An empty or oversized question (the API maps this to a 4xx)."""


def normalize_question(question: str) -> str:
    if not isinstance(question, str):
        raise QuestionError("问题必须是文字")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(f"问题太长（{len(question)} 字），请限制在 {MAX_QUESTION_CHARS} 字以内")
    text = " ".join(clean_text(question).split("\n")).strip()
    if not text:
        raise QuestionError("问题是空的：请输入要问的内容")
    return text
