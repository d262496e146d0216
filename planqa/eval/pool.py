"""`planqa eval --jobs N`: the questions asked by N worker processes, each with its own assistant
over the same index (read only), so that a long run uses every core. The results come back in
the order the questions were given; latency figures of such a run are measured on a busy
machine and are not comparable with a run of one job."""

import multiprocessing
import signal
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from planqa.config import Settings
from planqa.errors import PlanqaError
from planqa.eval.questions import Conversation, Question
from planqa.eval.runner import Scored, run_conversations, run_questions

QUESTIONS_PER_BATCH = 40  # small enough to keep every worker busy to the end, and the progress moving
CONVERSATIONS_PER_BATCH = 5

_worker: dict = {}  # the worker process's assistant (or why it has none), built once by _start


def _start(settings: Settings, mode: str) -> None:
    # Ctrl-C is the parent's to handle: it cancels what is left and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from planqa.services import build_assistant, open_store

    try:
        store = open_store(settings)
        assistant = build_assistant(store, settings)
    except PlanqaError as err:  # raised with the first batch: its one-line message, no traceback
        _worker["error"] = err
        return
    assistant.search.mode = mode
    _worker["ask"] = assistant.ask


def _ask(run, items: list, plan: str | None) -> list[Scored]:
    if "error" in _worker:
        raise _worker["error"]
    return run(_worker["ask"], items, plan)


def _ask_questions(questions: list[Question], plan: str | None) -> list[Scored]:
    return _ask(run_questions, questions, plan)


def _ask_conversations(conversations: list[Conversation], plan: str | None) -> list[Scored]:
    return _ask(run_conversations, conversations, plan)


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
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(settings, mode))
    try:
        futures: list[Future] = []
        for fn, batch, size in work:
            future = pool.submit(fn, batch, plan)
            future.add_done_callback(lambda f, n=size: tick(n) if not f.cancelled() and f.exception() is None else None)
            futures.append(future)
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f.exception() for f in done if not f.cancelled() and f.exception()), None)
        if isinstance(failed, BrokenProcessPool):
            raise PlanqaError("评测的工作进程意外退出（内存不足或被终止）：请减少 --jobs 或用 --jobs 1 重试")
        if failed is not None:
            raise failed
        results = [r for f in futures for r in f.result()]
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # what is left is not asked (Ctrl-C, an error)
        raise
    pool.shutdown()
    return results
