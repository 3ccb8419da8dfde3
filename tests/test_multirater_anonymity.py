"""The anonymity promise of 360-degree reports: groups of 2 and 3 raters at the
boundary, pooling into "others", a supervisor shown only when the bank says so, and
differencing attacks: every total that can be worked out from the printed numbers
(each printed mean times its n, and the differences between them) is a non-anonymous
group's or covers at least ``min_raters`` anonymous raters."""

from __future__ import annotations

import json
import random
import statistics
from itertools import count

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import parse_bank
from asn_assess.multirater.anonymity import Visibility, disclose
from asn_assess.multirater.api import run_multirater
from conftest import BUNDLED_BANK_PATH
from multirater_helpers import Sheet, answers_for, scored, write_round

runner = CliRunner()
NAMED = {"atasan": False}  # the bundled bank's supervisor group is not anonymous


def shown(counts, anonymous=None, k=3):
    flags = {"atasan": False, "rekan": True, "bawahan": True, "pengguna-layanan": True}
    flags.update(anonymous or {})
    return {g: v.value for g, v in disclose(counts, flags, k).visibility.items()}


# --- the rules at their boundaries --------------------------------------------------------------


def test_three_peers_are_shown_two_are_not():
    assert shown({"rekan": 3}) == {"rekan": "shown"}
    assert shown({"rekan": 2}) == {"rekan": "withheld"}


def test_small_groups_are_pooled_when_together_they_are_at_least_three():
    assert shown({"atasan": 1, "rekan": 2, "bawahan": 1}) == {
        "atasan": "shown",
        "rekan": "pooled",
        "bawahan": "pooled",
    }
    # two small raters beside a shown group would be their own difference: withheld
    assert shown({"atasan": 1, "rekan": 3, "bawahan": 2}) == {
        "atasan": "shown",
        "rekan": "shown",
        "bawahan": "withheld",
    }
    assert shown({"rekan": 1, "bawahan": 1, "pengguna-layanan": 1})["rekan"] == "pooled"


def test_a_lone_supervisor_is_shown_only_when_the_bank_marks_the_group_not_anonymous():
    assert shown({"atasan": 1}) == {"atasan": "shown"}
    assert shown({"atasan": 1}, {"atasan": True}) == {"atasan": "withheld"}
    assert shown({"atasan": 1, "rekan": 2}, {"atasan": True}) == {
        "atasan": "pooled",
        "rekan": "pooled",
    }


def test_min_raters_two_shows_pairs_and_groups_without_raters_are_left_out():
    assert shown({"rekan": 2, "bawahan": 1}, k=2) == {"rekan": "shown", "bawahan": "withheld"}
    assert shown({"rekan": 0, "bawahan": 4}) == {"bawahan": "shown"}


# --- differencing ---------------------------------------------------------------------------------


def derivable(printed: list[frozenset]) -> set[frozenset]:
    """Every set of raters whose total follows from the printed totals: a printed set,
    and the difference of two known sets one of which holds the other, repeatedly."""
    known = {s for s in printed if s}
    while True:
        new = {a - b for a in known for b in known if b < a} - known
        if not new:
            return known
        known |= new


def assert_no_one_singled_out(printed: list[frozenset], anonymous: set, k: int) -> None:
    for found in derivable(printed):
        hidden = found & anonymous
        assert not hidden or len(hidden) >= k, f"{sorted(found)} can be worked out"


@settings(max_examples=300, deadline=None)
@given(
    counts=st.fixed_dictionaries({g: st.integers(0, 6) for g in ("a", "b", "c", "d")}),
    named=st.sets(st.sampled_from("abcd"), max_size=2),
    k=st.integers(2, 5),
)
def test_no_printed_total_can_be_differenced_down_to_fewer_than_k(counts, named, k):
    anonymous = {g: g not in named for g in counts}
    disclosure = disclose(counts, anonymous, k)
    ids = count()
    raters = {g: frozenset(next(ids) for _ in range(n)) for g, n in counts.items()}
    printed = [raters[g] for g in disclosure.groups(Visibility.SHOWN)]
    printed.append(frozenset().union(*(raters[g] for g in disclosure.others)))
    hidden = frozenset().union(*(raters[g] for g in counts if anonymous[g]))
    assert_no_one_singled_out(printed, hidden, k)


@pytest.mark.parametrize("seed", range(4))
def test_the_printed_report_cannot_be_differenced_down_to_a_rater(tmp_path, bundled_bank, seed):
    """Small rounds, read back from the JSON report: every printed mean covers the raters
    of its group who scored the indicator; "others" those of every group not withheld."""
    rng = random.Random(seed)
    sheets: list[Sheet] = []
    for number in range(8):
        target = f"T{number}"
        counts = {g: rng.randint(0, 4) for g in ("rekan", "bawahan", "pengguna-layanan")}
        groups = ["self", "atasan", *(g for g, n in counts.items() for _ in range(n))]
        sheets += [
            Sheet(target, g, "struktural", answers_for(bundled_bank, rng, "struktural", g, 0.3))
            for g in groups
        ]
    scored(bundled_bank, sheets)
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    run = runner.invoke(app, ["multirater", str(source), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    report = json.loads(run.stdout)
    for person in report["targets"]:
        mine = [(index, s) for index, s in enumerate(sheets) if s.target == person["target"]]
        anonymous = {i for i, s in mine if s.group not in ("self", "atasan")}
        for line in person["indicators"]:

            def raters(group, line=line, mine=mine):
                return frozenset(
                    i for i, s in mine if s.group == group and line["id"] in s.indicators
                )

            printed = []
            for group, cell in line["groups"].items():
                assert cell["raters"] == len(raters(group))
                if cell["mean"] is not None:
                    assert cell["status"] == "shown"
                    printed.append(raters(group))
            pooled = [g for g, c in line["groups"].items() if c["status"] in ("shown", "pooled")]
            others = frozenset().union(*(raters(g) for g in pooled))
            assert line["others"]["raters"] == len(others)
            if others:
                expected = statistics.fmean(sheets[i].indicators[line["id"]] for i in others)
                assert line["others"]["mean"] == pytest.approx(expected)
                printed.append(others)
            assert_no_one_singled_out(printed, anonymous, 3)


def test_others_with_and_without_a_small_group(tmp_path, bundled_bank):
    """One supervisor, three peers and two subordinates: "others" minus the supervisor
    and the peers would be the two subordinates, so they are left out and "others" is
    exactly the supervisor and the peers. With a service user too, the three small
    raters are pooled, and differencing leaves three of them, never fewer."""
    rng = random.Random(5)

    def person(target, groups):
        return [
            Sheet(target, g, "struktural", answers_for(bundled_bank, rng, "struktural", g, 0.0))
            for g in groups
        ]

    without = person("A", ["self", "atasan", "rekan", "rekan", "rekan", "bawahan", "bawahan"])
    with_user = person("B", ["self", "atasan", "rekan", "rekan", "rekan", "bawahan", "bawahan"])
    with_user += person("B", ["pengguna-layanan"])
    sheets = scored(bundled_bank, without + with_user)
    source = write_round(tmp_path / "round.csv", bundled_bank, sheets)
    views = {v.target: v for v in run_multirater([str(source)], BatchSettings(bundled_bank)).views}
    line = views["A"].indicator("komunikasi-ke-bawah")
    cells = {cell.group: cell for cell in line.groups}
    assert cells["bawahan"].visibility is Visibility.WITHHELD and cells["bawahan"].mean is None
    visible = [s for s in without if s.group in ("atasan", "rekan")]
    assert line.others_raters == 4
    assert line.others_mean == pytest.approx(
        statistics.fmean(s.indicators["komunikasi-ke-bawah"] for s in visible)
    )
    line = views["B"].indicator("komunikasi-ke-bawah")
    assert "pengguna-layanan" not in {c.group for c in line.groups}  # not rated by them
    assert line.others_raters == 4  # so here the two subordinates are withheld as well
    line = views["B"].indicator("komitmen-melayani")
    cells = {cell.group: cell for cell in line.groups}
    assert cells["bawahan"].visibility is cells["pengguna-layanan"].visibility
    assert cells["bawahan"].visibility is Visibility.POOLED
    assert line.others_raters == 1 + 3 + 2 + 1
    # others minus the supervisor and the peers: the three pooled raters together
    sums = line.others_mean * line.others_raters - sum(
        c.mean * c.raters for c in line.groups if c.visibility is Visibility.SHOWN
    )
    pooled = [s for s in with_user if s.group in ("bawahan", "pengguna-layanan")]
    assert sums == pytest.approx(sum(s.indicators["komitmen-melayani"] for s in pooled))


def test_a_bank_that_keeps_the_supervisor_anonymous_hides_a_lone_supervisor(tmp_path, edit_text):
    text = edit_text(
        BUNDLED_BANK_PATH.read_text(encoding="utf-8"),
        (
            'id = "atasan"\nlabel = { id = "Atasan", en = "Supervisor" }\nanonymous = false',
            'id = "atasan"\nlabel = { id = "Atasan", en = "Supervisor" }\nanonymous = true',
        ),
    )
    bank = parse_bank(text)
    rng = random.Random(2)
    sheets = scored(
        bank,
        [
            Sheet("A", g, "struktural", answers_for(bank, rng, "struktural", g, 0.0))
            for g in ("self", "atasan", "rekan", "rekan", "rekan")
        ],
    )
    (tmp_path / "bank.toml").write_text(text, encoding="utf-8")
    source = write_round(tmp_path / "round.csv", bank, sheets)
    run = runner.invoke(
        app,
        ["multirater", str(source), "--bank", str(tmp_path / "bank.toml"), "--lang", "en"],
    )
    assert run.exit_code == 0, run.stderr
    assert "Supervisor: 1 rater(s), fewer than 3: left out of every number" in run.stdout
    assert "not anonymous" not in run.stdout
    named = runner.invoke(app, ["multirater", str(source), "--lang", "en"])
    assert "Supervisor is shown on its own, even as one person" in named.stdout
