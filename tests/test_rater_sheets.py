"""Answer sheets and batch rows of 360-degree feedback: `target` and `rater_group`, the
items a rater group is asked, how a rater's sheet is checked and scored, and how
tables and JSON files carry who is rated and by which group."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.answers import parse_rater_group
from asn_assess.core.documents import AnswerSheet, normalise_target, to_json
from asn_assess.core.errors import AnswerSheetError
from asn_assess.core.models import SELF
from asn_assess.core.scoring import score
from conftest import BUNDLED_BANK_PATH

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"ASN_ASSESS_LANG": "en"})


def observer_answers(bank, group, role=None, value=4):
    return {item.id: value for item in bank.items_asked_of(role, group)}


# --- which items a rater is asked ----------------------------------------------------------


@pytest.mark.parametrize("group", ["atasan", "rekan", "bawahan", "pengguna-layanan"])
def test_a_rater_is_asked_the_observable_items_of_the_indicators_their_group_rates(
    bundled_bank, group
):
    asked = {item.id for item in bundled_bank.items_asked_of(None, group)}
    expected = {
        item.id
        for pillar in bundled_bank.pillars
        for indicator in pillar.indicators
        if group in indicator.rated_by
        for item in indicator.items
        if item.observer_text is not None
        and not item.self_only
        # an item may narrow its indicator's raters (bank 2.1.0: what they cannot see)
        and (not item.rated_by or group in item.rated_by)
    }
    assert asked == expected and asked
    if group != "atasan":
        assert {"integritas-01", "eksekusi-efektif-10"}.isdisjoint(asked)
    assert not any(bundled_bank.items[i].is_situational for i in asked)


def test_subordinates_do_not_rate_upward_communication(bundled_bank):
    upward = next(i for p in bundled_bank.pillars for i in p.indicators if "atas" in i.id)
    assert "bawahan" not in upward.rated_by
    assert upward.items_asked(None, "bawahan") == []
    assert upward.items_asked(None, "atasan")


def test_the_person_themself_is_asked_every_item_of_their_role(bundled_bank):
    for role in [None, *(r.id for r in bundled_bank.roles)]:
        own = bundled_bank.items_asked_of(role, SELF)
        assert own == bundled_bank.items_asked_of(role)
        assert own == [item for item in bundled_bank.items.values() if item.asked_of(role)]


def test_wording_is_the_observer_text_for_a_rater_only(bundled_bank):
    item = bundled_bank.items["disiplin-01"]
    assert item.wording("rekan")["id"].startswith("Ia ")
    assert item.wording(SELF) == item.wording(None) == item.text


# --- checking and scoring a rater's sheet --------------------------------------------------------


def rater_sheet(bank, group="rekan", target="Budi", answers=None, **extra):
    return AnswerSheet(
        bank_id=bank.id,
        bank_version=bank.version,
        target=target,
        rater_group=group,
        answers=observer_answers(bank, group) if answers is None else answers,
        **extra,
    )


def test_a_rater_sheet_scores_only_the_indicators_the_group_rates(bundled_bank):
    result = score(bundled_bank, rater_sheet(bundled_bank, "bawahan"))
    assert (result.target, result.rater_group) == ("Budi", "bawahan")
    for pillar in bundled_bank.pillars:
        for indicator in pillar.indicators:
            scored = result.indicator(indicator.id)
            if "bawahan" in indicator.rated_by:
                # every observable item answered 4 (a frequency item keyed either way)
                asked = indicator.items_asked(None, "bawahan")
                assert scored.total_items == len(asked) == scored.answered_items
                assert scored.score is not None
            else:  # not part of this rater's assessment: not applicable, not "too few"
                assert (scored.total_items, scored.score) == (0, None)
    assert result.overall.total_items == len(bundled_bank.items_asked_of(None, "bawahan"))


def test_a_rater_who_answers_half_of_an_indicator_still_scores_it(bundled_bank):
    """min_answered counts the items the rater is asked, not the self-only ones."""
    indicator = bundled_bank.pillars[0].indicators[0]
    asked = indicator.items_asked(None, "rekan")
    half = {item.id: 5 for item in asked[: (len(asked) + 1) // 2]}
    result = score(bundled_bank, rater_sheet(bundled_bank, answers=half))
    assert result.indicator(indicator.id).score is not None


def test_a_rater_answering_a_self_only_item_is_told_which(bundled_bank, monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    self_only = next(i for i in bundled_bank.items.values() if i.self_only)
    with pytest.raises(AnswerSheetError) as caught:
        score(bundled_bank, rater_sheet(bundled_bank, answers={self_only.id: "a"}))
    [problem] = caught.value.problems
    assert problem.where == f"answers.{self_only.id}"
    assert "not asked of rater group 'rekan'" in problem.message


def test_an_unknown_rater_group_and_a_rater_without_target_are_named(bundled_bank):
    with pytest.raises(AnswerSheetError) as caught:
        score(bundled_bank, rater_sheet(bundled_bank, group="teman", answers={}))
    assert [p.where for p in caught.value.problems] == ["rater_group"]
    assert "self, atasan, rekan, bawahan, pengguna-layanan" in caught.value.problems[0].message
    with pytest.raises(AnswerSheetError) as caught:
        score(bundled_bank, rater_sheet(bundled_bank, target=" ", answers={}))
    assert [p.where for p in caught.value.problems] == ["target"]


def test_a_sheet_without_the_new_keys_is_the_persons_own(bundled_bank):
    sheet = AnswerSheet.model_validate_json(
        json.dumps({"bank_id": bundled_bank.id, "bank_version": bundled_bank.version})
    )
    assert (sheet.target, sheet.rater_group) == (None, SELF)
    result = score(bundled_bank, sheet)
    assert json.loads(to_json(result))["rater_group"] == "self"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  Budi   Santoso ", "Budi Santoso"),
        ("19860926 201505 1 001", "198609262015051001"),
        ("19860926.201505.1.001", "198609262015051001"),
        ("ID-0042", "ID-0042"),
        ("   ", None),
    ],
)
def test_a_target_is_stored_one_way(raw, stored):
    assert normalise_target(raw) == stored


def test_rater_groups_are_read_by_id_or_label_in_either_language(bundled_bank):
    assert parse_rater_group(bundled_bank, "Atasan") == "atasan"
    assert parse_rater_group(bundled_bank, " supervisor ") == "atasan"
    assert parse_rater_group(bundled_bank, "Rekan kerja") == "rekan"
    assert parse_rater_group(bundled_bank, "Diri sendiri") == SELF
    assert parse_rater_group(bundled_bank, "self") == SELF
    assert parse_rater_group(bundled_bank, "teman") is None


# --- bank rules -------------------------------------------------------------------------------------


def test_a_rater_group_cannot_be_called_self(bank_problems, small_bank_text):
    text = small_bank_text + '\n[[rater_groups]]\nid = "self"\nlabel = { id = "Diri" }\n'
    problems = bank_problems(text)
    assert any(
        p.where == "bank.toml: rater_groups[0].id" and "'self'" in p.message for p in problems
    )


def test_an_indicator_rated_by_a_group_needs_an_item_raters_can_answer(
    bank_problems, small_bank_text, edit_text, monkeypatch
):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    text = edit_text(
        small_bank_text,
        ('id = "b3"\n', 'id = "b3"\nrated_by = ["rekan"]\n'),
    )
    text += '\n[[rater_groups]]\nid = "rekan"\nlabel = { id = "Rekan" }\n'
    problems = [p for p in bank_problems(text) if p.where.endswith("indicators[2].rated_by")]
    assert [p.message for p in problems] == [
        "raters would have nothing to answer: give at least one item an observer_text"
    ]


# --- batch: target and rater group columns ---------------------------------------------------------


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_batch_rows_carry_target_and_rater_group_and_score_the_groups_items(tmp_path, bundled_bank):
    items = list(bundled_bank.items)
    own = {i: 4 for i in items if not bundled_bank.items[i].is_situational}
    own.update({i: "a" for i in items if bundled_bank.items[i].is_situational})
    peer = observer_answers(bundled_bank, "rekan")
    rows = [
        ["respondent_id", "target_id", "rater_group", *items],
        ["198609262015051001", "", "", *[str(own.get(i, "")) for i in items]],
        ["", "19860926 201505 1 001", "Rekan kerja", *[str(peer.get(i, "")) for i in items]],
        ["", "", "rekan", *[str(peer.get(i, "")) for i in items]],
        ["", "Budi", "teman", *[str(peer.get(i, "")) for i in items]],
        ["", "Budi", "bawahan", *[str(peer.get(i, "")) for i in items]],
    ]
    source = write_rows(tmp_path / "in.csv", rows)
    out, errors = tmp_path / "out.csv", tmp_path / "errors.jsonl"
    result = run("batch", str(source), "-o", str(out), "--errors", str(errors))
    assert result.exit_code == 0, result.stderr
    assert "read 5, scored 2 (incomplete 0), rejected 3" in result.stderr
    first, second = read_rows(out)
    # a person's own row is about the respondent; a rater's about the target
    assert (first["target"], first["rater_group"]) == ("198609262015051001", "self")
    assert (second["target"], second["rater_group"]) == ("198609262015051001", "rekan")
    expected = score(
        bundled_bank,
        AnswerSheet(
            bank_id=bundled_bank.id,
            bank_version=bundled_bank.version,
            target="x",
            rater_group="rekan",
            answers=peer,
        ),
    )
    assert second["total_items"] == str(expected.overall.total_items)
    assert float(second["overall_score"]) == expected.overall.score
    reasons = [json.loads(line)["reasons"] for line in errors.read_text("utf-8").splitlines()]
    assert any("target" in r for r in reasons[0])
    assert any("'teman' is not a rater group" in r for r in reasons[1])
    # subordinates do not rate every indicator peers rate: those answers are not used silently
    assert any("not asked of rater group 'bawahan'" in r for r in reasons[2])


def test_named_target_and_group_columns(tmp_path, bundled_bank):
    peer = observer_answers(bundled_bank, "atasan")
    items = list(peer)
    rows = [
        ["Nama pegawai", "Hubungan", *items],
        ["Sari", "Atasan", *[str(peer[i]) for i in items]],
    ]
    source = write_rows(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    result = run(
        "batch", str(source), "-o", str(out),
        "--target-column", "Nama pegawai", "--group-column", "hubungan",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [row] = read_rows(out)
    assert (row["target"], row["rater_group"]) == ("Sari", "atasan")
    missing = run("batch", str(source), "--target-column", "Yang dinilai")
    assert missing.exit_code == 1
    assert "--target-column 'Yang dinilai': no such column" in missing.stderr


# --- JSON inputs: indented sheets, saved results ----------------------------------------------------


def test_indented_sheets_and_saved_results_are_read_one_after_another(tmp_path, bundled_bank):
    own = AnswerSheet(
        bank_id=bundled_bank.id,
        bank_version=bundled_bank.version,
        respondent={"name": "Budi"},
        answers={"disiplin-01": 4},
    )
    result = score(bundled_bank, own)
    peer = rater_sheet(bundled_bank, answers={"disiplin-01": 2})
    source = tmp_path / "sheets.json"
    source.write_text(to_json(result) + to_json(peer), encoding="utf-8")
    out = tmp_path / "out.csv"
    run_ = run("batch", str(source), "-o", str(out))
    assert run_.exit_code == 0, run_.stderr
    first, second = read_rows(out)
    assert (first["target"], first["rater_group"], first["row"]) == ("Budi", "self", "1")
    assert (second["target"], second["rater_group"], second["row"]) == ("Budi", "rekan", "2")

    source.write_text(to_json(peer)[:-20], encoding="utf-8")
    broken = run("batch", str(source))
    assert broken.exit_code == 1
    assert f"{source}:" in broken.stderr and "invalid JSON" in broken.stderr


def test_the_schema_documents_the_new_keys():
    result = run("schema", "answers")
    properties = json.loads(result.stdout)["properties"]
    assert "rater group" in properties["rater_group"]["description"]
    assert "Who is rated" in properties["target"]["description"]


def test_the_bundled_bank_path_is_the_one_tested():
    assert BUNDLED_BANK_PATH.name == "asn-profesional.toml"
