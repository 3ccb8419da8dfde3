"""Tests of the streaming item analysis against psych::alpha and its own invariants.

The reference figures in tests/data/analysis/*-psych.csv were written once by
tools/reference/alpha.R (R with psych); these tests only read them, R is not
needed. The datasets come from tools/reference/make_datasets.py.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.typing import NDArray

from asn_assess.analysis.cross_check import cross_indicator_check
from asn_assess.analysis.reliability import ReliabilityAccumulator
from asn_assess.analysis.reliability_figures import MissingMode, ReliabilityResult

DATA = Path(__file__).resolve().parent / "data" / "analysis"
DATASETS = ["clean", "miskeyed", "missing", "constant"]
MODES: list[MissingMode] = ["pairwise", "listwise"]
SETTINGS = settings(max_examples=60, deadline=None)

Array = NDArray[np.float64]


def load_dataset(name: str) -> Array:
    """A dataset CSV as a float array, NA as NaN."""
    with (DATA / f"{name}.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    return np.array([[math.nan if v == "NA" else float(v) for v in row] for row in rows])


def load_psych(name: str, mode: str) -> dict[tuple[str, str], float]:
    """psych's figures as {(statistic, item name): value}; item '' for the scale."""
    with (DATA / f"{name}-{mode}-psych.csv").open(newline="") as handle:
        return {(r["statistic"], r["item"]): float(r["value"]) for r in csv.DictReader(handle)}


def accumulate(data: Array, sizes: list[int] | None = None) -> ReliabilityAccumulator:
    """An accumulator fed ``data`` in one block, or in blocks of the given sizes."""
    acc = ReliabilityAccumulator(data.shape[1])
    if sizes is None:
        acc.add(data)
    else:
        start = 0
        for size in sizes:
            acc.add(data[start : start + size])
            start += size
        acc.add(data[start:])
    return acc


def close(a: float | None, b: float | None, rel: float, abs_: float = 0.0) -> bool:
    """Both None, or both numbers within tolerance."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def assert_results_close(
    a: ReliabilityResult, b: ReliabilityResult, rel: float, abs_: float = 0.0, means: bool = True
) -> None:
    """Every figure of two results agrees (None where the other is None)."""
    assert a.problems == b.problems
    assert (a.n_min, a.n_max) == (b.n_min, b.n_max)
    for field in ("raw_alpha", "std_alpha", "average_r"):
        assert close(getattr(a, field), getattr(b, field), rel, abs_), field
    for x, y in zip(a.items, b.items, strict=True):
        assert (x.index, x.n, x.used) == (y.index, y.n, y.used)
        fields = [
            "sd",
            "r_drop",
            "alpha_if_dropped",
            "std_alpha_if_dropped",
            "average_r_if_dropped",
        ]
        if means:
            fields.append("mean")
        for field in fields:
            assert close(getattr(x, field), getattr(y, field), rel, abs_), (x.index, field)


# --- psych::alpha reference --------------------------------------------------

PSYCH_FIELDS = {
    "n": "n",
    "mean": "mean",
    "sd": "sd",
    "r_drop": "r_drop",
    "alpha_drop_raw": "alpha_if_dropped",
    "alpha_drop_std": "std_alpha_if_dropped",
    "alpha_drop_average_r": "average_r_if_dropped",
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", DATASETS)
def test_matches_psych_alpha(name: str, mode: MissingMode) -> None:
    data = load_dataset(name)
    reference = load_psych(name, mode)
    result = accumulate(data).result(mode)

    for statistic in ("raw_alpha", "std_alpha", "average_r"):
        assert getattr(result, statistic) == pytest.approx(reference[statistic, ""], abs=1e-6)

    reported = {item for _, item in reference if item}
    for item_name in reported:
        stats = result.item(int(item_name[1:]) - 1)
        assert stats.used
        for statistic, field in PSYCH_FIELDS.items():
            ours = getattr(stats, field)
            assert ours == pytest.approx(reference[statistic, item_name], abs=1e-6), (
                item_name,
                statistic,
            )

    # psych deletes items without variance; they are the ones it leaves out.
    dropped = {f"i{j + 1}" for j in range(data.shape[1])} - reported
    assert {f"constant-item:{int(i[1:]) - 1}" for i in dropped} == set(result.problems)
    for item_name in dropped:
        stats = result.item(int(item_name[1:]) - 1)
        assert not stats.used and stats.sd == 0.0 and stats.r_drop is None


def test_listwise_counts_complete_rows() -> None:
    data = load_dataset("missing")
    result = accumulate(data).result("listwise")
    complete = int((~np.isnan(data)).all(axis=1).sum())
    assert result.n_min == result.n_max == complete
    assert all(item.n == complete for item in result.items)
    pairwise = accumulate(data).result("pairwise")
    assert [item.n for item in pairwise.items] == list((~np.isnan(data)).sum(axis=0))
    assert pairwise.n_min < pairwise.n_max <= data.shape[0]


def test_miskeyed_item_stands_out() -> None:
    data = load_dataset("miskeyed")
    acc = accumulate(data)
    for mode in MODES:
        result = acc.result(mode)
        planted = result.item(7)
        assert planted.r_drop is not None and planted.r_drop < 0
        assert result.raw_alpha is not None and planted.alpha_if_dropped is not None
        assert planted.alpha_if_dropped > result.raw_alpha
        others = [item for item in result.items if item.index != 7]
        assert all(item.r_drop is not None and item.r_drop > 0 for item in others)


# --- streaming ---------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_block_sizes_do_not_matter(name: str) -> None:
    data = load_dataset(name)
    whole = accumulate(data)
    rng = np.random.default_rng(7)
    sizes = list(rng.integers(0, 25, size=40))
    pieces = accumulate(data, [int(s) for s in sizes])
    for mode in MODES:
        assert_results_close(whole.result(mode), pieces.result(mode), rel=1e-12, abs_=1e-14)


@SETTINGS
@given(split=st.lists(st.integers(0, 60), max_size=12))
def test_any_split_into_blocks_gives_the_same_result(split: list[int]) -> None:
    data = load_dataset("missing")
    whole = accumulate(data).result("pairwise")
    assert_results_close(whole, accumulate(data, split).result("pairwise"), rel=1e-12, abs_=1e-14)


def test_merge_equals_one_accumulator() -> None:
    data = load_dataset("missing")
    first, second = ReliabilityAccumulator(7), ReliabilityAccumulator(7)
    first.add(data[:123])
    second.add(data[123:])
    first.merge(second)
    assert first.rows == data.shape[0]
    for mode in MODES:
        assert_results_close(
            accumulate(data).result(mode), first.result(mode), rel=1e-12, abs_=1e-14
        )


def reference_pairwise_cov(data: Array) -> Array:
    """R's cov(use = "pairwise") the plain two-pass way, pair by pair."""
    k = data.shape[1]
    cov = np.empty((k, k))
    for i in range(k):
        for j in range(k):
            both = ~np.isnan(data[:, i]) & ~np.isnan(data[:, j])
            xi, xj = data[both, i], data[both, j]
            cov[i, j] = ((xi - xi.mean()) * (xj - xj.mean())).sum() / (both.sum() - 1)
    return cov


def test_accurate_over_many_rows_far_from_zero() -> None:
    # 120,000 rows on a scale shifted far from zero: naive sums of squares
    # would lose most digits here; the streamed figures must keep 1e-9.
    rng = np.random.default_rng(11)
    factor = rng.standard_normal(120_000)
    data = 1e6 + np.rint(3 + factor[:, None] * 0.8 + rng.standard_normal((120_000, 6)))
    data[rng.random(data.shape) < 0.05] = np.nan
    acc = ReliabilityAccumulator(6)
    for start in range(0, data.shape[0], 10_000):
        acc.add(data[start : start + 10_000])
    cov = reference_pairwise_cov(data)
    np.testing.assert_allclose(acc.covariance(range(6)), cov, rtol=1e-9)
    k = 6
    expected_alpha = (1 - np.trace(cov) / cov.sum()) * k / (k - 1)
    result = acc.result("pairwise")
    assert result.raw_alpha == pytest.approx(expected_alpha, rel=1e-9)
    means = np.nanmean(data, axis=0)
    for item in result.items:
        assert item.mean == pytest.approx(means[item.index], rel=1e-12)


# --- properties ----------------------------------------------------------------

answers = st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0])


@st.composite
def answer_matrices(draw: st.DrawFn, min_rows: int = 3) -> Array:
    """Small answer matrices on a 1-5 scale, some cells missing."""
    rows = draw(st.integers(min_rows, 30))
    k = draw(st.integers(2, 6))
    data = draw(hnp.arrays(np.float64, (rows, k), elements=answers))
    if draw(st.booleans()):
        # About one cell in five missing.
        missing = draw(
            hnp.arrays(np.bool_, (rows, k), elements=st.sampled_from([False] * 4 + [True]))
        )
        data[missing] = np.nan
    return data


@SETTINGS
@given(column=hnp.arrays(np.float64, st.integers(2, 40), elements=answers), k=st.integers(2, 8))
def test_identical_items_have_alpha_one(column: Array, k: int) -> None:
    if np.ptp(column) == 0:
        column = column.copy()
        column[0] += 1.0
    result = accumulate(np.repeat(column[:, None], k, axis=1)).result()
    assert result.raw_alpha == pytest.approx(1.0, abs=1e-12)
    assert result.std_alpha == pytest.approx(1.0, abs=1e-12)
    assert result.average_r == pytest.approx(1.0, abs=1e-12)
    assert result.problems == ()


@SETTINGS
@given(
    data=answer_matrices(),
    # Quarters are exact in binary, so the shifted answers hold exactly the
    # same information and the figures must agree to rounding.
    shifts=st.lists(
        st.integers(-4_000_000, 4_000_000).map(lambda q: q / 4), min_size=6, max_size=6
    ),
)
def test_shifting_items_changes_nothing_but_means(data: Array, shifts: list[float]) -> None:
    offsets = np.asarray(shifts[: data.shape[1]])
    for mode in MODES:
        before = accumulate(data).result(mode)
        after = accumulate(data + offsets).result(mode)
        assert_results_close(before, after, rel=1e-12, abs_=1e-13, means=False)
        for x, y, offset in zip(before.items, after.items, offsets, strict=True):
            assert close(None if x.mean is None else x.mean + offset, y.mean, 1e-12)


@SETTINGS
@given(data=answer_matrices(), seed=st.integers(0, 2**32 - 1))
def test_row_order_changes_nothing(data: Array, seed: int) -> None:
    permuted = data[np.random.default_rng(seed).permutation(data.shape[0])]
    for mode in MODES:
        assert_results_close(
            accumulate(data).result(mode),
            accumulate(permuted).result(mode),
            rel=1e-12,
            abs_=1e-13,
        )


@SETTINGS
@given(
    data=answer_matrices(),
    value=answers,
    position=st.integers(0, 6),
)
def test_constant_item_is_reported_and_left_out(data: Array, value: float, position: int) -> None:
    position = min(position, data.shape[1])
    with_constant = np.insert(data, position, value, axis=1)
    result = accumulate(with_constant).result()
    assert f"constant-item:{position}" in result.problems
    stats = result.item(position)
    assert not stats.used and stats.sd == 0.0 and stats.mean == value
    # Left out as psych leaves it out: the other items' figures are those of
    # the data without it.
    without = accumulate(data).result()
    assert close(result.raw_alpha, without.raw_alpha, 1e-12, 1e-14)
    assert close(result.std_alpha, without.std_alpha, 1e-12, 1e-14)
    for item in without.items:
        moved = result.item(item.index + (item.index >= position))
        assert close(moved.r_drop, item.r_drop, 1e-12, 1e-14)
        assert close(moved.alpha_if_dropped, item.alpha_if_dropped, 1e-12, 1e-14)


@SETTINGS
@given(data=answer_matrices(min_rows=0))
def test_never_raises_and_numbers_are_finite(data: Array) -> None:
    acc = accumulate(data)
    for mode in MODES:
        result = acc.result(mode)
        numbers = [result.raw_alpha, result.std_alpha, result.average_r]
        for item in result.items:
            numbers += [item.mean, item.sd, item.r_drop, item.alpha_if_dropped]
        assert all(v is None or math.isfinite(v) for v in numbers)


# --- degenerate cases ------------------------------------------------------------


def test_single_item_has_no_alpha() -> None:
    result = accumulate(np.array([[1.0], [2.0], [4.0]])).result()
    assert result.raw_alpha is None and result.std_alpha is None and result.average_r is None
    assert result.problems == ("too-few-items",)
    assert result.items[0].mean == pytest.approx(7 / 3)
    assert result.items[0].r_drop is None


def test_no_rows_and_one_row() -> None:
    empty = ReliabilityAccumulator(3)
    empty.add(np.empty((0, 3)))
    for acc in (empty, accumulate(np.array([[1.0, 2.0, 3.0]]))):
        for mode in MODES:
            result = acc.result(mode)
            assert result.problems == ("too-few-respondents",)
            assert result.raw_alpha is None
            assert all(item.sd is None and item.r_drop is None for item in result.items)


def test_item_never_answered_and_pairs_never_answered_together() -> None:
    nan = math.nan
    data = np.array(
        [[1, 2, nan, 5], [2, 3, nan, 4], [3, 3, nan, nan], [4, 5, nan, nan], [1, nan, nan, 3]]
    )
    result = accumulate(data).result()
    assert "too-few-observations:2" in result.problems
    assert not result.item(2).used and result.item(2).mean is None
    # Items 1 and 3 are both answered by rows 0 and 1 only: two rows, enough.
    assert result.raw_alpha is not None
    sparse = np.array([[1, nan], [2, nan], [nan, 3], [nan, 5]])
    result = accumulate(sparse).result()
    assert result.problems == ("too-few-pairs:0:1",)
    assert result.raw_alpha is None and result.items[0].sd is not None


def test_rest_without_variance_is_reported() -> None:
    # Items 0 and 1 cancel out: their sum is constant, so item 2's rest score
    # has no variance and its r_drop is undefined.
    data = np.array([[1.0, 5.0, 3.0], [5.0, 1.0, 3.0], [3.0, 3.0, 2.0]])
    result = accumulate(data).result()
    assert result.problems == ("non-positive-rest-variance:2",)
    assert result.item(2).r_drop is None and result.item(2).alpha_if_dropped is None
    assert result.item(0).r_drop is not None


def test_items_that_cancel_out_have_no_alpha() -> None:
    # Perfectly opposed items of equal variance: the total score is constant.
    result = accumulate(np.array([[1.0, 5.0], [5.0, 1.0], [3.0, 3.0]])).result()
    assert "non-positive-total-variance" in result.problems
    assert result.raw_alpha is None and result.std_alpha is None
    assert result.average_r == pytest.approx(-1.0)


def test_two_items_have_no_alpha_if_dropped() -> None:
    data = load_dataset("clean")[:, :2]
    result = accumulate(data).result()
    assert result.raw_alpha is not None
    corr = float(np.asarray(np.corrcoef(data.T))[0, 1])
    for item in result.items:
        # With two items r.drop is their correlation; alpha of one item is undefined.
        assert item.r_drop == pytest.approx(corr, rel=1e-12)
        assert item.alpha_if_dropped is None and item.std_alpha_if_dropped is None


def test_bad_blocks_are_refused() -> None:
    acc = ReliabilityAccumulator(3)
    with pytest.raises(ValueError):
        acc.add(np.ones((4, 2)))
    with pytest.raises(ValueError):
        acc.add(np.ones(3))
    with pytest.raises(ValueError):
        acc.add(np.array([[1.0, math.inf, 2.0]]))
    with pytest.raises(ValueError):
        acc.subset_result([0, 0])
    with pytest.raises(ValueError):
        acc.subset_result([3])
    with pytest.raises(ValueError):
        acc.subset_result([])
    with pytest.raises(ValueError):
        acc.result("everything")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ReliabilityAccumulator(0)
    with pytest.raises(ValueError):
        acc.merge(ReliabilityAccumulator(3, listwise_sets=[[0, 1]]))
    with pytest.raises(KeyError):
        acc.result().item(5)


# --- subsets and the cross-indicator check ------------------------------------------


def test_subset_equals_its_own_accumulator() -> None:
    data = load_dataset("missing")
    subset = [4, 0, 2]
    acc = ReliabilityAccumulator(7, listwise_sets=[subset])
    acc.add(data)
    alone = accumulate(data[:, subset])
    for mode in MODES:
        ours = acc.subset_result(subset, mode)
        theirs = alone.result(mode)
        assert ours.indices == tuple(subset)
        assert ours.raw_alpha == pytest.approx(theirs.raw_alpha, rel=1e-12)
        for mine, other in zip(ours.items, theirs.items, strict=True):
            assert mine.r_drop == pytest.approx(other.r_drop, rel=1e-12)
            assert mine.alpha_if_dropped == pytest.approx(other.alpha_if_dropped, rel=1e-12)
            assert mine.n == other.n
    # Not registered: listwise uses the rows complete on all items, and says so.
    wider = acc.subset_result([1, 3], "listwise")
    assert wider.problems == ("listwise-wider-set",)
    assert wider.n_min == int((~np.isnan(data)).all(axis=1).sum())


def test_item_rest_correlation_is_r_drop() -> None:
    data = load_dataset("missing")
    acc = accumulate(data)
    result = acc.result()
    for item in result.items:
        others = [j for j in range(7) if j != item.index]
        assert acc.item_rest_correlation(item.index, others) == pytest.approx(
            item.r_drop, rel=1e-12
        )
    with pytest.raises(ValueError):
        acc.item_rest_correlation(0, [0, 1])


def test_cross_indicator_check_finds_items_of_another_indicator() -> None:
    # Two factors; indicator "b" is written for factor 2, but its items load on
    # factor 1, like indicator "a": b's items belong with a.
    rng = np.random.default_rng(5)
    f1, f2 = rng.standard_normal((2, 500))
    noise = rng.standard_normal((500, 9))
    loads_on = [f1, f1, f1, f1, f1, f1, f2, f2, f2]
    strength = [0.8, 0.8, 0.8, 0.8, 0.3, 0.3, 0.8, 0.8, 0.8]
    data = np.column_stack(
        [s * f + n * 0.6 for s, f, n in zip(strength, loads_on, noise.T, strict=True)]
    )
    data[rng.random(data.shape) < 0.05] = np.nan
    acc = accumulate(data)
    checks = {
        c.indicator: c
        for c in cross_indicator_check(acc, {"a": [0, 1, 2], "b": [3, 4, 5], "c": [6, 7, 8]})
    }
    assert checks["b"].flagged and checks["b"].rival == "a"
    assert checks["b"].items[0].flagged and checks["b"].items[0].best_other == "a"
    assert not checks["a"].flagged and not checks["c"].flagged
    assert checks["c"].rival_r is not None and abs(checks["c"].rival_r) < 0.2
    # own_r is the item's r.drop within its indicator.
    within = acc.subset_result([3, 4, 5])
    assert checks["b"].items[1].own_r == pytest.approx(within.item(4).r_drop, rel=1e-12)
    listwise = cross_indicator_check(acc, {"a": [0, 1, 2], "b": [3, 4, 5]}, "listwise")
    assert listwise[1].flagged
