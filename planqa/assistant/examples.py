"""Placeholder until the examples branch lands."""

from planqa.ingest.plan import Plan


def example_questions(plan: Plan, n: int = 5) -> list[str]:
    return [f"这份{plan.genre}一共有多少项任务？", "第一部分有哪些任务？"][:n]
