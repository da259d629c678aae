"""bench/eval_extract.py's TempEval-3 relaxed match: overlapping extents paired one to one."""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "bench" / "eval_extract.py"
_SPEC = importlib.util.spec_from_file_location("eval_extract_relaxed", _PATH)
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def test_overlap_is_a_match_and_the_value_is_judged_on_it():
    # "on Monday morning" (gold) found as "Monday": one detection, value judged on the pair
    gold = {(10, 27): "2008-10-27TMO"}
    assert bench.relaxed_row(gold, {(13, 19): "2008-10-27TMO"}) == (1, 0, 0, 1)
    assert bench.relaxed_row(gold, {(13, 19): "2008-10-27"}) == (1, 0, 0, 0)


def test_disjoint_spans_do_not_match():
    assert bench.relaxed_row({(0, 5): "2008"}, {(5, 9): "2008"}) == (0, 1, 1, 0)


def test_one_to_one_exact_extent_first():
    # two predictions inside one gold: one pair, the other prediction is spurious (the exact pair
    # also shares the most: see the next tests for the same extent winning a tie)
    gold = {(0, 20): "2008-10"}
    pred = {(0, 8): "2008-10", (0, 20): "2008-11"}
    assert bench.relaxed_match(gold, pred) == [((0, 20), (0, 20))]
    assert bench.relaxed_row(gold, pred) == (1, 1, 0, 0)


def test_one_prediction_over_two_gold_pairs_with_the_larger_overlap():
    gold = {(0, 6): "2008-10-01", (7, 20): "2008-10-31"}
    pred = {(0, 20): "2008-10-31"}
    assert bench.relaxed_match(gold, pred) == [((7, 20), (0, 20))]
    assert bench.relaxed_row(gold, pred) == (1, 0, 1, 1)


def test_equal_overlaps_go_to_the_earlier_gold():
    gold = {(0, 4): "a", (6, 10): "b"}
    pred = {(2, 8): "b"}
    assert bench.relaxed_match(gold, pred) == [((0, 4), (2, 8))]


def test_the_same_extent_goes_first_over_an_earlier_gold_sharing_as_much():
    # the prediction shares its 8 characters with both gold spans: the one of its own extent wins,
    # though the other starts earlier
    gold = {(0, 20): "2008-10", (2, 10): "2008-10-27"}
    pred = {(2, 10): "2008-10-27"}
    assert bench.relaxed_match(gold, pred) == [((2, 10), (2, 10))]
    assert bench.relaxed_row(gold, pred) == (1, 0, 1, 1)


def test_equal_overlaps_go_to_the_earlier_predicted_start():
    gold = {(0, 10): "2008-10"}
    assert bench.relaxed_match(gold, {(6, 10): "a", (0, 4): "b"}) == [((0, 10), (0, 4))]


def test_as_many_pairs_as_there_can_be():
    # "from Monday to Wednesday last week": gold "Monday", "Wednesday last week"; predicted "Monday
    # to Wednesday", "last week". A greedy pass pairs the first prediction with the gold it shares
    # more with and leaves "Monday" unpaired; a maximum matching pairs both
    gold = {(5, 11): "2008-10-20", (15, 34): "2008-10-22"}
    pred = {(5, 24): "2008-10-27", (25, 34): "2008-W43"}
    assert bench.relaxed_match(gold, pred) == [((15, 34), (25, 34)), ((5, 11), (5, 24))]
    assert bench.relaxed_row(gold, pred) == (2, 0, 0, 0)


def test_a_pair_of_the_same_extent_gives_way_to_one_more_pair():
    # gold (8, 13) has its own extent predicted, but gold (7, 9) overlaps that prediction only
    gold = {(7, 9): "a", (8, 13): "b"}
    pred = {(8, 13): "b", (9, 13): "b"}
    assert sorted(bench.relaxed_match(gold, pred)) == [((7, 9), (8, 13)), ((8, 13), (9, 13))]
    # ... and keeps it when no more pairs come of giving it up
    assert bench.relaxed_match({(8, 13): "b"}, pred) == [((8, 13), (8, 13))]


def test_relaxed_line():
    assert bench.relaxed_line([3, 1, 1, 2]) == ("relaxed detection P 0.750 R 0.750 F1 0.750 | value accuracy 0.667 "
                                                "| value F1 0.500  (3 overlapped one to one, 1 spurious, 1 missed)")
    assert "value accuracy 0.000" in bench.relaxed_line([0, 2, 3, 0])


def test_strict_and_relaxed_value_f1_agree_on_exact_spans():
    gold = {(0, 4): "2008", (10, 14): "2009", (20, 24): "2010"}
    pred = {(0, 4): "2008", (10, 14): "2007", (30, 34): "2011"}
    tp, fp, fn, ok = bench.relaxed_row(gold, pred)
    assert (tp, fp, fn, ok) == (2, 1, 1, 1)
    assert abs(bench.value_f1(tp, fp, fn, ok) - 1 / 3) < 1e-9
