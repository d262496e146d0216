"""One self-contained HTML page for people: totals, a bar chart per kind, and every miss."""

import html
from collections.abc import Sequence

from planqa.eval.summary import METRICS, TOTAL

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#111;max-width:1200px}
table{border-collapse:collapse;margin:12px 0;font-size:14px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}td.text{text-align:left;max-width:420px}
.misses td,.misses th{text-align:left}
.bad{color:#b91c1c}.meta{color:#6b7280}h2{margin-top:28px}
"""


def _e(value) -> str:
    return html.escape(str(value))


def _fmt(value, column: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if column.endswith("_ms") else f"{value:.3f}"
    return str(value)


def bar_chart(table: dict, metric: str = "top1", width: int = 560) -> str:
    """Inline SVG: one bar per kind for ``metric`` (0 … 1)."""
    rows = [(k, r.get(metric)) for k, r in table.items() if isinstance(r.get(metric), (int, float))]
    bar_h, gap, label_w = 22, 6, 120
    height = len(rows) * (bar_h + gap) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + label_w + 60}" height="{height}" '
             f'role="img" aria-label="{_e(metric)} per kind">']
    for i, (kind, value) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        w = max(1, int(width * max(0.0, min(1.0, value))))
        color = "#2563eb" if kind != TOTAL else "#111827"
        parts.append(f'<text x="0" y="{y + 16}" font-size="13">{_e(kind)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{color}"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{value:.3f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_report(table: dict, misses: Sequence[dict], settings: dict) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in ["kind", "n", *METRICS])
    body = "".join(
        "<tr>" + f"<td>{_e(kind)}</td><td>{row['n']}</td>"
        + "".join(f"<td>{_fmt(row.get(c), c)}</td>" for c in METRICS) + "</tr>"
        for kind, row in table.items()
    )
    miss_rows = "".join(
        "<tr>"
        f"<td>{_e(m['id'])}</td><td>{_e(m['kind'])}</td><td class='text'>{_e(m['question'])}</td>"
        f"<td>{_e(m['expected'])}</td><td class='bad'>{_e(', '.join(m['failed']))}</td>"
        f"<td>{_e(m['got'] or ('拒答' if m['abstained'] else '—'))}</td>"
        f"<td class='text'>{_e(m['answer'][:200])}</td><td class='text'>{_e(m['quote'][:120])}</td>"
        "</tr>"
        for m in misses
    )
    settings_text = "，".join(f"{_e(k)}={_e(v)}" for k, v in settings.items())
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>planqa 评测报告</title><style>{_CSS}</style></head>
<body>
<h1>planqa 评测报告</h1>
<p class="meta">{settings_text}</p>
<h2>各类问题的首位命中率（top1）</h2>
{bar_chart(table, "top1")}
<h2>拒答召回率（refusal_recall）</h2>
{bar_chart(table, "refusal_recall")}
<h2>指标</h2>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<h2>没答对的问题（{len(misses)}）</h2>
<table class="misses"><thead><tr><th>id</th><th>类型</th><th>问题</th><th>期望</th><th>失败项</th><th>得到</th><th>回答</th><th>引文</th></tr></thead>
<tbody>{miss_rows}</tbody></table>
</body></html>
"""
