"""Count the documents that print each full form of planqa/assistant/abbreviations.toml and
write the counts into the rows' `count` fields (the unit tests check they are all ≥ 1).

    python bench/abbreviation_counts.py [--corpus DIR] [--check]

The documents are DIR/*.txt (default /work/shared/corpus) and the bundled plan in data/, read
and cleaned as planqa reads any plan. A form counts in a document where it occurs in the text or
in the text without whitespace (lines wrapped inside a word). --check writes nothing and exits 1
when a stored count differs or a form occurs nowhere.
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "planqa" / "assistant" / "abbreviations.toml"
_COUNT = re.compile(r"^count = \[[^\]]*\]\n", re.MULTILINE)
_FULL = re.compile(r"^full = \[[^\]]*\]\n", re.MULTILINE)


def documents(corpus: Path) -> list[str]:
    from planqa.ingest.clean import clean_text
    from planqa.ingest.read import read_document

    texts = [p.read_text("utf-8") for p in sorted(corpus.glob("*.txt"))]
    for p in sorted((ROOT / "data").glob("*.txt")):
        texts.append(clean_text(read_document(p.read_bytes(), p.name).text))
    return [t + "\n" + re.sub(r"\s+", "", t) for t in texts]


def recount(table: str, docs: list[str]) -> tuple[str, list[str]]:
    """The table with every row's count rewritten; the full forms that occur nowhere."""
    head, *blocks = re.split(r"(?m)^(?=\[\[term\]\]\n)", table)
    out, missing = [head], []
    for block in blocks:
        row = tomllib.loads(block)["term"][0]
        counts = [sum(form in d for d in docs) for form in row["full"]]
        missing += [form for form, n in zip(row["full"], counts) if n == 0]
        line = f"count = {counts}\n"
        if old := _COUNT.search(block):
            block = block[: old.start()] + line + block[old.end() :]
        else:  # a new row: the count goes under its full forms
            end = _FULL.search(block).end()
            block = block[:end] + line + block[end:]
        out.append(block)
    return "".join(out), missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    ap.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = ap.parse_args()
    docs = documents(args.corpus)
    table = TABLE.read_text("utf-8")
    new, missing = recount(table, docs)
    for form in missing:
        print(f"in no document: {form}", file=sys.stderr)
    print(f"{len(docs)} documents, {new.count('[[term]]')} rows", file=sys.stderr)
    if args.check:
        if new != table:
            print("stored counts differ: run without --check", file=sys.stderr)
        return int(new != table or bool(missing))
    TABLE.write_text(new, "utf-8")
    return int(bool(missing))


if __name__ == "__main__":
    sys.exit(main())
