"""The error bars of the figures, against R: the Feldt interval of alpha and omega total
(psych 2.2.9), the F quantiles behind the interval, and ICC(1) and ICC(2) of ratings
(multilevel 2.7). The reference values were written by tools/reference/reliability.R
into tests/data/analysis/; R is not needed here."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asn_assess.analysis.f_distribution import beta_cdf, beta_quantile, f_quantile
from asn_assess.analysis.icc import intraclass
from asn_assess.analysis.measurement_error import (
    difference_error,
    feldt_interval,
    reliable_change,
    score_band,
    standard_error,
)
from asn_assess.analysis.omega import omega_total
from test_analyze import MODES, analyze_json, bank_text, dataset_as_input, write_bank

DATA = Path(__file__).parent / "data" / "analysis"


def reference(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


PSYCH = {
    (r["dataset"], r["mode"], r["statistic"]): float(r["value"])
    for r in reference("reliability-psych.csv")
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["clean", "miskeyed", "missing", "constant"])
def test_alpha_interval_and_omega_equal_psych(name: str, mode: str, tmp_path: Path):
    source, k = dataset_as_input(name, tmp_path)
    bank = write_bank(tmp_path, bank_text(k))
    data = analyze_json(str(source), "--bank", str(bank), "--missing", mode)
    for scale in (data["indicators"][0], data["pillars"][0]):
        assert scale["alpha_lower"] == pytest.approx(PSYCH[name, mode, "feldt_lower"], abs=1e-6)
        assert scale["alpha_upper"] == pytest.approx(PSYCH[name, mode, "feldt_upper"], abs=1e-6)
        assert scale["omega_total"] == pytest.approx(PSYCH[name, mode, "omega_total"], abs=0.005)
        # The search for the factor stops at another tolerance than R's optim: the
        # difference measured is below 1e-6, far inside the 0.005 allowed.
        assert abs(scale["omega_total"] - PSYCH[name, mode, "omega_total"]) < 1e-5


def test_omega_turns_a_miskeyed_item_round_as_psych_and_says_so(tmp_path: Path):
    source, k = dataset_as_input("miskeyed", tmp_path)
    bank = write_bank(tmp_path, bank_text(k))
    scale = analyze_json(str(source), "--bank", str(bank))["indicators"][0]
    assert scale["omega_turned"] == ["i8"]
    assert "omega-turned:i8" in scale["problems"]
    assert scale["omega_total"] > scale["raw_alpha"]  # the score does not turn it


@pytest.mark.parametrize(
    "row", reference("qf-r.csv"), ids=lambda r: f"{r['p']}-{r['df1']}-{r['df2']}"
)
def test_f_quantiles_equal_r(row: dict[str, str]):
    value = f_quantile(float(row["p"]), float(row["df1"]), float(row["df2"]))
    assert value == pytest.approx(float(row["value"]), rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(
    p=st.floats(0.001, 0.999),
    a=st.floats(0.5, 5000),
    b=st.floats(0.5, 5000),
)
def test_the_beta_quantile_inverts_the_beta_distribution(p: float, a: float, b: float):
    assert beta_cdf(beta_quantile(p, a, b), a, b) == pytest.approx(p, abs=1e-9)


def test_the_interval_is_undefined_without_alpha_or_enough_data():
    assert feldt_interval(None, 100, 5) is None
    assert feldt_interval(0.8, 1, 5) is None
    assert feldt_interval(0.8, 100, 1) is None
    interval = feldt_interval(0.8, 100, 5)
    assert interval is not None and interval.lower < 0.8 < interval.upper


def test_omega_needs_three_items_and_defined_correlations():
    assert omega_total(np.eye(2)).problem == "too-few-items"
    undefined = np.full((3, 3), 0.3)
    np.fill_diagonal(undefined, 1.0)
    undefined[0, 1] = undefined[1, 0] = np.nan
    assert omega_total(undefined).problem == "undefined-correlation"


# --- intraclass correlations -----------------------------------------------------------------


def rating_groups() -> dict[str, dict[str, list[float]]]:
    groups: dict[str, dict[str, list[float]]] = {}
    for row in reference("icc.csv"):
        groups.setdefault(row["indicator"], {}).setdefault(row["target"], []).append(
            float(row["score"])
        )
    return groups


MULTILEVEL = {
    (r["indicator"], r["statistic"]): float(r["value"]) for r in reference("icc-multilevel.csv")
}


@pytest.mark.parametrize("indicator", ["clear", "faint", "none"])
def test_icc_equals_multilevel(indicator: str):
    found = intraclass(rating_groups()[indicator])
    assert found.icc1 == pytest.approx(MULTILEVEL[indicator, "icc1"], abs=1e-6)
    assert found.icc2 == pytest.approx(MULTILEVEL[indicator, "icc2"], abs=1e-6)
    assert (found.targets, found.ratings) == (
        MULTILEVEL[indicator, "targets"],
        MULTILEVEL[indicator, "ratings"],
    )


def test_icc_is_undefined_without_two_targets_or_a_second_rating():
    assert intraclass({"a": [50.0, 60.0]}).icc1 is None
    assert intraclass({"a": [50.0], "b": [60.0]}).icc1 is None
    same = intraclass({"a": [50.0, 50.0], "b": [50.0, 50.0]})
    assert same.icc1 is None and same.icc2 is None  # no spread at all


def test_equal_means_that_differ_only_in_rounding_have_no_spread_between_people():
    # Both means are 58.75 in exact arithmetic; as floats they differ in the last bits.
    groups = {
        "a": [58.333333333333336, 45.0, 60.0, 75.0, 58.333333333333336, 58.333333333333336],
        "b": [75.0, 58.333333333333336, 70.0, 66.66666666666667, 65.0, 50.0, 29.166666666666668],
    }
    found = intraclass(groups)
    assert found.icc2 is None  # MSB is zero: ICC(2) is undefined, not -5.7e29
    assert found.icc1 == pytest.approx(-1 / (13 / 2 - 1))


# --- standard error of measurement, bands and reliable change --------------------------------


def test_standard_error_band_and_reliable_change():
    # The review's example: alpha 0.79 and SD 19.6 give a band of about ±17.6 points.
    sem = standard_error(19.6, 0.79)
    assert sem == pytest.approx(19.6 * math.sqrt(0.21))
    band = score_band(62.0, sem)
    assert band is not None
    assert band.lower == pytest.approx(62.0 - 1.96 * sem) and band.upper == pytest.approx(
        62.0 + 1.96 * sem
    )
    assert 1.96 * sem == pytest.approx(17.6, abs=0.05)
    clipped = score_band(95.0, sem)
    assert clipped is not None and clipped.upper == 100.0
    assert score_band(5.0, sem).lower == 0.0  # type: ignore[union-attr]
    assert reliable_change(sem) == pytest.approx(1.96 * math.sqrt(2) * sem)
    assert difference_error(sem, sem) == pytest.approx(reliable_change(sem))
    assert standard_error(19.6, None) is None and standard_error(19.6, -0.2) is None
    assert score_band(None, sem) is None and reliable_change(None) is None


def pairwise_pearson(data: np.ndarray) -> np.ndarray:
    """R's cor(x, use = "pairwise"), written plainly."""
    k = data.shape[1]
    result = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(k):
            both = ~np.isnan(data[:, i]) & ~np.isnan(data[:, j])
            x, y = data[both, i], data[both, j]
            if both.sum() >= 2 and x.std() > 0 and y.std() > 0:
                result[i, j] = np.corrcoef(x, y)[0, 1]
    return result


@settings(max_examples=40, deadline=None)
@given(
    data=st.integers(0, 2**32 - 1).map(lambda seed: np.random.default_rng(seed)),
    rows=st.integers(3, 300),
    pieces=st.integers(1, 4),
)
def test_pairwise_correlations_equal_r_cor_pairwise(data, rows: int, pieces: int):
    from asn_assess.analysis.reliability import ReliabilityAccumulator

    values = np.rint(data.normal(3, 1.2, size=(rows, 5)).clip(1, 5))
    values[data.random(values.shape) < 0.2] = np.nan
    parts = []
    for block in np.array_split(values, pieces):
        part = ReliabilityAccumulator(5)
        part.add(block)
        parts.append(part)
    for part in parts[1:]:
        parts[0].merge(part)
    found = parts[0].correlations(range(5))
    wanted = pairwise_pearson(values)
    assert np.array_equal(np.isnan(found), np.isnan(wanted))
    assert np.allclose(found[~np.isnan(found)], wanted[~np.isnan(wanted)], atol=1e-9)


def one_way_icc(groups: list[list[float]]) -> tuple[float, float]:
    """ICC(1) and ICC(2) from a one-way analysis of variance, written out with numpy."""
    values = np.concatenate([np.array(g) for g in groups])
    grand, n, j = values.mean(), values.size, len(groups)
    between = sum(len(g) * (np.mean(g) - grand) ** 2 for g in groups) / (j - 1)
    within = sum(((np.array(g) - np.mean(g)) ** 2).sum() for g in groups) / (n - j)
    return (between - within) / (between + (n / j - 1) * within), (between - within) / between


def test_multirater_gives_each_indicators_icc_of_the_others_ratings(tmp_path: Path):
    import json
    import random

    from typer.testing import CliRunner

    from asn_assess.cli import app
    from asn_assess.core.bank import load_bank
    from conftest import BUNDLED_BANK_PATH
    from multirater_helpers import generated_round, write_round

    bank = load_bank(BUNDLED_BANK_PATH)
    sheets = generated_round(bank, random.Random(20), targets=8)
    source = write_round(tmp_path / "round.csv", bank, sheets)
    runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
    done = runner.invoke(app, ["multirater", str(source), "--format", "json"])
    assert done.exit_code == 0, done.stderr
    consistency = json.loads(done.stdout)["consistency"]
    checked = 0
    for indicator_id, figures in consistency.items():
        groups: dict[str, list[float]] = {}
        for sheet in sheets:  # every rater but the person themself, pooled
            if sheet.group != "self" and indicator_id in sheet.indicators:
                groups.setdefault(sheet.target, []).append(sheet.indicators[indicator_id])
        icc1, icc2 = one_way_icc(list(groups.values()))
        assert figures["icc1"] == pytest.approx(icc1, abs=1e-9)
        assert figures["icc2"] == pytest.approx(icc2, abs=1e-9)
        assert figures["targets"] == len(groups)
        checked += 1
    assert checked == sum(len(p.indicators) for p in bank.pillars)
    text = runner.invoke(app, ["multirater", str(source)])
    words = " ".join(text.stdout.split())
    assert "How far the others' means can be trusted" in words and "ICC(2) of 0.70" in words
    table = runner.invoke(app, ["multirater", str(source), "--format", "csv"])
    assert table.stdout.splitlines()[0].endswith("johari,icc1,icc2")
