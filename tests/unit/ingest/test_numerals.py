import pytest

from planqa.ingest.numerals import cn_to_int, int_to_cn, to_int


@pytest.mark.parametrize(
    "text, n", [("一", 1), ("十", 10), ("十四", 14), ("二十三", 23), ("两", 2), ("一百零五", 105)]
)
def test_cn_to_int(text, n):
    assert cn_to_int(text) == n


@pytest.mark.parametrize("text", ["", "二三", "abc", "十x"])
def test_not_a_numeral(text):
    assert cn_to_int(text) is None


def test_round_trip():
    assert all(cn_to_int(int_to_cn(n)) == n for n in range(1, 1000))
    assert int_to_cn(23) == "二十三"
    with pytest.raises(ValueError):
        int_to_cn(0)


@pytest.mark.parametrize("text, value", [
    ("23", 23), ("二十三", 23), ("three", 3), ("Fourth", 4), ("tenth", 10), ("第", None), ("eleven", None),
])
def test_to_int_reads_digits_chinese_and_english_number_words(text, value):
    assert to_int(text) == value
