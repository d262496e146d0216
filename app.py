"""Composition root: `python app.py` serves the chat and the REST API (same as `planqa serve`).

Settings come from the environment (PLANQA_*; see README); PLANQA_HOST / PLANQA_PORT choose
where to listen (default 127.0.0.1:7860).
"""

import sys

from planqa.config import load_settings
from planqa.errors import PlanqaError
from planqa.web.server import serve


def main() -> int:
    try:
        serve(load_settings())
    except PlanqaError as err:
        print(f"planqa: 错误：{err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
