"""The numbers of a 360-degree report, against an independent computation on generated
rounds (each person rated: own answers, 1 supervisor, 2-6 peers, 0-8 subordinates):
group means and sizes, others, gaps, rwg(j), the Johari window and the plan; and the
worked example of docs/multirater.md, number by number."""

from __future__ import annotations

import random
import statistics

import pytest

from asn_assess.batch.settings import BatchSettings
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.errors import UsageError
from asn_assess.multirater.aggregate import (
    CLEAR_GAP,
    Johari,
    MultiraterSettings,
    johari,
    rwg_j,
)
from asn_assess.multirater.api import run_multirater
from asn_assess.multirater.ratings import Rating
from asn_assess.reports.plan import multirater_plan
from multirater_helpers import expected_rwg, expected_visibility, generated_round, write_round

GROUPS = ("atasan", "rekan", "bawahan", "pengguna-layanan")


SEEDS = [1, 2, 3, 4]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_number_equals_an_independent_computation(tmp_path, bundled_bank, seed):
    rng = random.Random(seed)
    sheets = generated_round(bundled_bank, rng, targets=6)
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    round_ = run_multirater([str(source)], BatchSettings(bundled_bank))
    assert round_.read == len(sheets) and not round_.rejected
    assert [v.target for v in round_.views] == sorted({s.target for s in sheets})
    named = {g.id for g in bundled_bank.rater_groups if not g.anonymous}
    threshold = bundled_bank.development_threshold
    for view in round_.views:
        mine = [s for s in sheets if s.target == view.target]
        [own] = [s for s in mine if s.group == "self"]
        assert view.raters == {g: sum(s.group == g for s in mine) for g in GROUPS}
        for pillar in bundled_bank.pillars:
            for indicator in pillar.indicators:
                line = view.indicator(indicator.id)
                scored = {
                    g: [s for s in mine if s.group == g and indicator.id in s.indicators]
                    for g in indicator.rated_by
                }
                seen = expected_visibility({g: len(v) for g, v in scored.items()}, named, 3)
                others = [s for g, v in scored.items() if seen.get(g) != "withheld" for s in v]
                cells = {cell.group: cell for cell in line.groups}
                assert set(cells) == set(indicator.rated_by)
                for group, raters in scored.items():
                    cell = cells[group]
                    assert cell.raters == len(raters)
                    assert (cell.visibility.value if cell.visibility else None) == seen.get(group)
                    if seen.get(group) == "shown":
                        expected = statistics.fmean(s.indicators[indicator.id] for s in raters)
                        assert cell.mean == pytest.approx(expected, abs=1e-9)
                    else:
                        assert cell.mean is None
                assert line.others_raters == len(others)
                own_score = own.indicators.get(indicator.id)
                assert line.own == own_score
                if not others:
                    assert line.others_mean is None and line.gap is None
                    continue
                others_mean = statistics.fmean(s.indicators[indicator.id] for s in others)
                assert line.others_mean == pytest.approx(others_mean, abs=1e-9)
                if own_score is not None:
                    assert line.gap == pytest.approx(own_score - others_mean, abs=1e-9)
                rwg = expected_rwg(bundled_bank, [i.id for i in indicator.items], others)
                assert line.agreement == pytest.approx(rwg, abs=1e-9)
                assert line.low_agreement == (rwg is not None and rwg < 0.70)
                if own_score is None:
                    assert line.johari is None
                elif own_score - others_mean >= CLEAR_GAP:
                    assert line.johari is Johari.BLIND_SPOT
                elif others_mean < threshold:
                    assert line.johari is Johari.AGREED_DEVELOPMENT
                elif own_score - others_mean <= -CLEAR_GAP:
                    assert line.johari is Johari.HIDDEN_STRENGTH
                else:
                    assert line.johari is Johari.AGREED_STRENGTH


def test_the_generated_rounds_reach_every_case_of_the_anonymity_rules(tmp_path, bundled_bank):
    """So that the test above checks pooled and withheld groups, not only shown ones."""
    seen = set()
    for seed in SEEDS:
        sheets = generated_round(bundled_bank, random.Random(seed), targets=6)
        source = write_round(tmp_path / f"round-{seed}.csv", bundled_bank, sheets)
        for view in run_multirater([str(source)], BatchSettings(bundled_bank)).views:
            seen |= {cell.visibility for line in view.indicators for cell in line.groups}
    assert {v.value if v else None for v in seen} == {"shown", "pooled", "withheld", None}


def rating(items: dict[str, float], group: str = "rekan") -> Rating:
    return Rating("x.csv", 1, "T", group, None, {}, items)


def test_rwg_of_the_worked_example(bundled_bank):
    """docs/multirater.md: three frequency items, four raters."""
    items = [bundled_bank.items[i] for i in ("disiplin-01", "disiplin-02", "disiplin-06")]
    answers = {  # 1-5 answers per rater, in POMP: 1 -> 0, 2 -> 25 ... 5 -> 100
        "disiplin-01": [4, 4, 5, 3],
        "disiplin-02": [4, 5, 5, 4],
        "disiplin-06": [3, 4, 4, 4],
    }
    raters = [
        rating({item: (values[r] - 1) * 25.0 for item, values in answers.items()}) for r in range(4)
    ]
    rwg, count = rwg_j(bundled_bank, items, raters)
    # variances on the 1-5 scale: 2/3, 1/3, 1/4; uniform null: 2; mean ratio 0.2083...
    ratio = statistics.fmean([(2 / 3) / 2, (1 / 3) / 2, (1 / 4) / 2])
    assert count == 3
    assert rwg == pytest.approx(3 * (1 - ratio) / (3 * (1 - ratio) + ratio))
    assert round(rwg, 2) == 0.92


def test_rwg_is_zero_when_raters_agree_no_more_than_chance_and_none_below_two(bundled_bank):
    item = bundled_bank.items["disiplin-01"]
    spread = [rating({item.id: v}) for v in (0.0, 100.0, 0.0, 100.0)]
    assert rwg_j(bundled_bank, [item], spread) == (0.0, 1)
    assert rwg_j(bundled_bank, [item], spread[:1]) == (None, 0)
    same = [rating({item.id: 75.0}) for _ in range(3)]
    assert rwg_j(bundled_bank, [item], same) == (1.0, 1)


@pytest.mark.parametrize(
    ("own", "others", "expected"),
    [
        (80.0, 70.0, Johari.BLIND_SPOT),  # exactly the gap: clearly above
        (79.9, 70.0, Johari.AGREED_STRENGTH),
        (95.0, 80.0, Johari.BLIND_SPOT),  # even on a strength, own view is higher
        (60.0, 69.9, Johari.AGREED_DEVELOPMENT),
        (30.0, 60.0, Johari.AGREED_DEVELOPMENT),  # below the threshold in others' view
        (60.0, 70.0, Johari.HIDDEN_STRENGTH),
        (60.1, 70.0, Johari.AGREED_STRENGTH),
        (None, 70.0, None),
        (70.0, None, None),
    ],
)
def test_johari_window_boundaries(own, others, expected):
    assert johari(own, others, threshold=70.0, clear_gap=10.0) is expected


def test_min_raters_is_never_below_two():
    with pytest.raises(UsageError):
        MultiraterSettings(min_raters=1)
    assert MultiraterSettings(min_raters=2).min_raters == 2


def test_the_plan_puts_blind_spots_first_then_agreed_development_areas(tmp_path, bundled_bank):
    round_ = run_multirater(
        [
            str(
                write_round(
                    tmp_path / "r.csv",
                    bundled_bank,
                    generated_round(bundled_bank, random.Random(9), 6),
                )
            )
        ],
        BatchSettings(bundled_bank),
    )
    for view in round_.views:
        plan = multirater_plan(bundled_bank, view)
        rated = [line for line in view.indicators if line.others_mean is not None]
        blind = sorted(
            (line for line in rated if line.johari is Johari.BLIND_SPOT), key=lambda v: -v.gap
        )
        below = sorted(
            (line for line in rated if line not in blind and line.others_mean < 70),
            key=lambda v: v.others_mean,
        )
        expected = [line.id for line in blind + below][:3]
        if not expected:
            expected = [min(rated, key=lambda v: v.others_mean).id]
        assert [focus.indicator.id for focus in plan] == expected
        kinds = [focus.kind for focus in plan]
        assert kinds == sorted(kinds, key=["blind-spot", "develop", "strengthen"].index)


def test_a_plan_without_ratings_from_others_is_empty(bundled_bank):
    from asn_assess.multirater.aggregate import target_view
    from asn_assess.multirater.ratings import TargetRatings

    own = AnswerSheet(bank_id=bundled_bank.id, bank_version=bundled_bank.version)
    assert own.rater_group == "self"
    view = target_view(bundled_bank, TargetRatings("T", None, []))
    assert multirater_plan(bundled_bank, view) == []
    assert all(line.others_mean is None for line in view.indicators)


def test_the_worked_example_of_the_documentation(tmp_path, bundled_bank):
    """docs/multirater.md: Rina, her supervisor, three peers and two subordinates."""
    import csv
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from asn_assess.cli import app

    rows = [
        ("self", {"disiplin-01": 5, "disiplin-02": 4, "disiplin-06": 5, "disiplin-04": 2}),
        ("atasan", {"disiplin-01": 4, "disiplin-02": 4, "disiplin-06": 3}),
        ("rekan", {"disiplin-01": 4, "disiplin-02": 5, "disiplin-06": 4}),
        ("rekan", {"disiplin-01": 5, "disiplin-02": 5, "disiplin-06": 4}),
        ("rekan", {"disiplin-01": 3, "disiplin-02": 4, "disiplin-06": 4}),
        ("bawahan", {"disiplin-01": 2, "disiplin-02": 3, "disiplin-06": 2}),
        ("bawahan", {"disiplin-01": 3, "disiplin-02": 3, "disiplin-06": 2}),
    ]
    items = ["disiplin-01", "disiplin-02", "disiplin-04", "disiplin-06"]
    source = tmp_path / "rina.csv"
    with source.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["target_id", "rater_group", *items])
        for group, answers in rows:
            writer.writerow(["Rina", group, *[answers.get(i, "") for i in items]])
    runner = CliRunner()
    text = runner.invoke(app, ["multirater", str(source), "--lang", "en"])
    assert text.exit_code == 0, text.stderr
    docs = (Path(__file__).parents[1] / "docs" / "multirater.md").read_text(encoding="utf-8")
    block = docs.split("The text report's line for it:\n\n```text\n", 1)[1].split("```", 1)[0]
    assert block in text.stdout
    report = json.loads(runner.invoke(app, ["multirater", str(source), "--format", "json"]).stdout)
    line = report["targets"][0]["indicators"][0]
    assert line["own"] == 87.5
    assert line["groups"]["atasan"]["mean"] == pytest.approx(200 / 3)
    assert line["groups"]["rekan"]["mean"] == pytest.approx((250 + 275 + 200) / 9)
    assert line["groups"]["bawahan"] == {"raters": 2, "mean": None, "status": "withheld"}
    assert line["others"] == {"raters": 4, "mean": pytest.approx((200 + 250 + 275 + 200) / 12)}
    assert round(line["agreement"]["rwg"], 2) == 0.92
    assert line["johari"] == "blind-spot"
    for number in ("87.5", "66.7", "80.6", "77.1", "+10.4", "0.92"):
        assert f"**{number}**" in docs
