"""The one-off cost of the first English question: stemming CC-CEDICT's English senses
(`glossary.english_vocabulary`), in this fresh process, and which stemmer engine did it
(reported, not asserted).

    python bench/bench_english_vocabulary.py
"""

import time

import snowballstemmer

from planqa.index.glossary import dictionary, english_vocabulary


def main() -> None:
    dictionary()  # read apart: only the stemming is timed
    start = time.perf_counter()
    words = english_vocabulary()
    seconds = time.perf_counter() - start
    engine = type(snowballstemmer.stemmer("english"))
    print(f"{len(words)} stems in {seconds:.2f} s ({engine.__module__}.{engine.__name__})")


if __name__ == "__main__":
    main()
