"""Parse every corpus document and count outline anomalies (reported, not asserted).

    python bench/sweep_outlines.py [--corpus DIR] [--tree DIR] [--list]

--tree parses with the planqa of another checkout (e.g. a `git worktree` of an older commit),
so that the counts before and after a change come from the same detector. The detector's
patterns are its own (not the grammar under test):

- error:       the parser refused the document
- no_tasks:    no task although the text has numbered items under its parts
- long_task:   a task text over 3,000 characters
- end_in_task: a signature date, 印发/抄送/附件/联系人 or 此件公开 line inside a task's text
- date_missed: a signature or 印发 date is printed but the plan's date is empty
- toc_in_task: a table-of-contents line (dotted leaders) inside a task
"""

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[.．、](?!\d))")
_END = re.compile(
    r"^(?:抄送|主送)[:：]|^附件\s*\d*[:：]?|^联系人[:：]|^[（(]此件.{2,6}[）)]$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日$|^.{2,40}\d{4}年\d{1,2}月\d{1,2}日\s*印发$"
)
_DATE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|.{2,40}\d{4}年\d{1,2}月\d{1,2}日\s*印发)$")
_TOC = re.compile(r"(?:\.{4,}|…{3,})\s*\d*$")


def _load(tree: Path | None):
    if tree:
        sys.path.insert(0, str(tree.resolve()))
    try:
        from planqa.ingest.clean import clean_text
        from planqa.ingest.outline import parse_plan
    except ImportError:  # a checkout from before planqa/ingest/
        from planqa.index.clean import clean_text
        from planqa.index.parse import parse_plan
    return clean_text, parse_plan


def anomalies(text: str, plan) -> list[str]:
    found = []
    tasks = [t for s in plan.sections for t in s.tasks]
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not tasks and sum(1 for ln in lines if _ITEM.match(ln)) >= 2:
        found.append("no_tasks")
    if any(len(t.text) > 3000 for t in tasks):
        found.append("long_task")
    task_lines = [ln for t in tasks for ln in t.text.split("\n")]
    if any(_END.match(ln) for ln in task_lines):
        found.append("end_in_task")
    if any(_TOC.search(ln) for ln in task_lines):
        found.append("toc_in_task")
    if any(_DATE.match(ln) for ln in lines) and not plan.date:
        found.append("date_missed")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--tree", type=Path, help="parse with the planqa of this checkout")
    parser.add_argument("--list", action="store_true", help="name the documents of each anomaly")
    args = parser.parse_args()
    clean_text, parse_plan = _load(args.tree)
    counts: Counter[str] = Counter()
    named: dict[str, list[str]] = {}
    files = sorted(args.corpus.glob("*.txt"))
    tasks = 0
    for path in files:
        text = clean_text(path.read_text(encoding="utf-8"))
        try:
            plan = parse_plan(text, path.stem)
        except Exception:  # the old parser raised on documents without its two levels
            found = ["error"]
        else:
            found = anomalies(text, plan)
            tasks += sum(len(s.tasks) for s in plan.sections)
        for kind in found:
            counts[kind] += 1
            named.setdefault(kind, []).append(path.name)
    clean = len(files) - len({n for names in named.values() for n in names})
    print(f"{len(files)} documents, {tasks} tasks, {clean} without anomalies")
    for kind in ("error", "no_tasks", "long_task", "end_in_task", "toc_in_task", "date_missed"):
        print(f"  {kind:12s} {counts[kind]}")
        if args.list:
            for name in named.get(kind, []):
                print(f"      {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
