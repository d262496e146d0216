import threading

import pytest

from planqa.assistant.retrieve import QueryVectors


class Counting:
    """An embedder that records which thread made each vector and can be held or made to fail."""

    def __init__(self, fail: bool = False):
        self.calls: list[tuple[str, str]] = []
        self.fail = fail
        self.release = threading.Event()
        self.release.set()

    def embed_query(self, text: str) -> list[float]:
        self.release.wait(5)
        self.calls.append((text, threading.current_thread().name))
        if self.fail:
            raise RuntimeError("模型出错")
        return [float(len(text))]


def test_a_prefetched_vector_is_made_once_off_the_asking_thread():
    vectors, embedder = QueryVectors(), Counting()
    embedder.release.clear()
    vectors.prefetch(embedder, "院士专家工作站")  # returns at once: the model is held
    assert embedder.calls == []
    embedder.release.set()
    assert vectors.vector(embedder, "院士专家工作站") == [7.0]
    assert vectors.vector(embedder, "院士专家工作站") == [7.0]
    assert len(embedder.calls) == 1
    assert embedder.calls[0][1] != threading.current_thread().name


def test_another_embedder_makes_its_own_vector():
    vectors, first, second = QueryVectors(), Counting(), Counting()
    vectors.vector(first, "科普")
    vectors.vector(second, "科普")
    assert len(first.calls) == len(second.calls) == 1


def test_a_failure_reaches_the_asker_and_is_not_kept():
    vectors, embedder = QueryVectors(), Counting(fail=True)
    with pytest.raises(RuntimeError, match="模型出错"):
        vectors.vector(embedder, "学会")
    embedder.fail = False
    assert vectors.vector(embedder, "学会") == [2.0]
    assert len(embedder.calls) == 2


def test_only_the_last_few_texts_are_kept():
    vectors, embedder = QueryVectors(), Counting()
    for i in range(QueryVectors.KEEP + 1):
        vectors.vector(embedder, f"问题{i}")
    vectors.vector(embedder, "问题0")  # pushed out by the newer ones: made again
    vectors.vector(embedder, f"问题{QueryVectors.KEEP}")  # still kept
    assert len(embedder.calls) == QueryVectors.KEEP + 2
