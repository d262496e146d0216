"""Synthetic plans of the genre, made from the seed's own sentences (deterministic per seed).

Used where a test or a bench needs a larger or a different plan than the seed."""

import random

from planqa.index.chunk import split_sentences
from planqa.ingest.numerals import int_to_cn
from planqa.ingest.plan import Plan

CITIES = ["济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"]


def synthetic_plan_text(seed_plan: Plan, seed: int, tasks: int = 25, sentences: int = 4) -> str:
    rng = random.Random(seed)
    pool = [s for t in seed_plan.tasks for s in split_sentences(t.text)]
    titles = [t.title for t in seed_plan.tasks]
    section_titles = [s.title for s in seed_plan.sections]
    city = rng.choice(CITIES)
    year = 2015 + seed % 10
    lines = [f"{city}市科协{year}年工作要点", "", f"{year}年全市科协工作的总体思路是：" + rng.choice(pool), ""]
    per_section = max(1, tasks // len(section_titles))
    n = 0
    for i, title in enumerate(section_titles, start=1):
        lines += [f"{int_to_cn(i)}、{title}", ""]
        count = per_section if i < len(section_titles) else tasks - n
        for _ in range(count):
            n += 1
            body = "".join(rng.sample(pool, sentences)).replace("20", str(rng.randint(10, 99)), 1)
            lines += [f"{n}.{rng.choice(titles)}", "", body, ""]
    return "\n".join(lines)
