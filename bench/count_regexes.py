"""Regular expressions in the answering code: how many literals, how many alternatives.

    python bench/count_regexes.py [PACKAGE_DIR]   # default planqa/assistant

Counts every string literal passed to a ``re`` function (compile, search, sub, …) in the
package's Python files, and the top-level-or-nested ``|`` alternatives in them (an escaped \\|
does not count). Words kept as data (rules.toml, facts.toml) are reported apart: they are
vocabulary, not code.
"""

import ast
import re
import sys
import tomllib
from pathlib import Path

RE_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left), literal(node.right)
        return (left or "") + (right or "") if left is not None or right is not None else None
    return None


def alternatives(pattern: str) -> int:
    return len(re.findall(r"(?<!\\)\|", pattern))


def count(path: Path) -> tuple[int, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    n = alts = 0
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in RE_FUNCS and node.args):
            text = literal(node.args[0])
            if text is not None:
                n += 1
                alts += alternatives(text)
    return n, alts


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "planqa/assistant")
    total_n = total_alts = 0
    for path in sorted(root.glob("*.py")):
        n, alts = count(path)
        if n:
            print(f"{path.name:24} {n:4} regexes {alts:5} alternatives")
        total_n, total_alts = total_n + n, total_alts + alts
    print(f"{'code total':24} {total_n:4} regexes {total_alts:5} alternatives")
    for data in sorted(root.glob("*.toml")):
        table = tomllib.loads(data.read_text(encoding="utf-8"))
        words = sum(len(v) for section in table.values() if isinstance(section, dict)
                    for v in section.values() if isinstance(v, list))
        print(f"{data.name:24} data: {words} words in lists")
    return 0


if __name__ == "__main__":
    sys.exit(main())
