"""`planqa eval --jobs N`: the questions asked by N worker processes, each with its own assistant
over the same index (read only), so that a long run uses every core. The results come back in
the order the questions were given; latency figures of such a run are measured on a busy
machine and are not comparable with a run of one job."""

import multiprocessing
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from planqa.config import Settings
from planqa.errors import PlanqaError
from planqa.eval.questions import Conversation, Question
from planqa.eval.runner import Scored, run_conversations, run_questions

QUESTIONS_PER_BATCH = 40  # small enough to keep every worker busy to the end, and the progress moving
CONVERSATIONS_PER_BATCH = 5

_worker: dict = {}  # the worker process's assistant, built once by _start


def _start(settings: Settings, mode: str) -> None:
    from planqa.services import build_assistant, open_store

    store = open_store(settings)
    assistant = build_assistant(store, settings)
    assistant.search.mode = mode
    _worker["ask"] = assistant.ask


def _ask_questions(questions: list[Question], plan: str | None) -> list[Scored]:
    return run_questions(_worker["ask"], questions, plan)


def _ask_conversations(conversations: list[Conversation], plan: str | None) -> list[Scored]:
    return run_conversations(_worker["ask"], conversations, plan)


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_in_pool(jobs: int, settings: Settings, mode: str, questions: list[Question],
                conversations: list[Conversation], plan: str | None,
                tick: Callable[[int], None] = lambda n: None) -> list[Scored]:
    """Every question, then every conversation (each asked whole by one worker), scored as
    ``run_questions`` and ``run_conversations`` score them, in the order given."""
    # spawn, not fork: the parent holds threads and open index files a fork would copy midway.
    context = multiprocessing.get_context("spawn")
    work = [(_ask_questions, b, len(b)) for b in _batches(questions, QUESTIONS_PER_BATCH)]
    work += [(_ask_conversations, b, len(b)) for b in _batches(conversations, CONVERSATIONS_PER_BATCH)]
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(settings, mode)) as pool:
            futures: list[Future] = []
            for fn, batch, size in work:
                future = pool.submit(fn, batch, plan)
                future.add_done_callback(lambda f, n=size: tick(n) if not f.exception() else None)
                futures.append(future)
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = next((f.exception() for f in done if f.exception()), None)
            if failed is not None:
                for f in futures:
                    f.cancel()
                raise failed
            return [r for f in futures for r in f.result()]
    except BrokenProcessPool:
        raise PlanqaError("评测的工作进程意外退出（内存不足、被终止，或无法打开索引）：请用 --jobs 1 重试，看具体原因") from None
