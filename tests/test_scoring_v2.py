"""Scoring rules v2 ("not applicable" answers and roles) with exact numbers on the small
bank of conftest.py, bank versions, and reading results of scoring version 1.

Item scores used below: agree 1-5 -> 0, 25, 50, 75, 100; a1-2 is reversed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank
from asn_assess.core.documents import AnswerSheet, parse_result
from asn_assess.core.errors import AnswerSheetError, BankError
from asn_assess.core.scoring import score

runner = CliRunner()

ROLES = """
[[roles]]
id = "staf"
label = { id = "Staf" }

[[roles]]
id = "pimpinan"
label = { id = "Pimpinan" }
"""


def sheet(answers: dict[str, Any], **extra: Any) -> AnswerSheet:
    return AnswerSheet(bank_id="small", bank_version="2.0", answers=answers, **extra)


@pytest.fixture(scope="module")
def role_bank(small_bank_text, build_bank):
    """The small bank with two roles; a2-2 is asked of 'pimpinan' only."""
    text = small_bank_text.replace(
        'id = "a2-2"\nscale = "agree"\n', 'id = "a2-2"\nscale = "agree"\nroles = ["pimpinan"]\n'
    )
    return build_bank(text + ROLES)


# --- not applicable ----------------------------------------------------------------------


def test_not_applicable_items_do_not_count_against_min_answered(small_bank):
    # a1: 4 items, 2 "na", 1 answered: 1 of 2 applicable = 0.5, enough. Skipped instead,
    # 1 of 4 would not be (scoring v1 treated every unanswered item alike).
    result = score(small_bank, sheet({"a1-1": 5, "a1-2": "na", "a1-3": "na"}))
    a1 = result.indicator("a1")
    assert (a1.score, a1.answered_items, a1.not_applicable_items, a1.total_items) == (
        100.0,
        1,
        2,
        4,
    )
    skipped = score(small_bank, sheet({"a1-1": 5}))
    assert skipped.indicator("a1").score is None


def test_an_indicator_where_nothing_applies_is_not_applicable_and_leaves_its_pillar_alone(
    small_bank,
):
    answers = {"a1-1": 5, "a1-2": "na", "a1-3": "na", "a2-1": "na", "a2-2": "na"}
    pillar = score(small_bank, sheet(answers)).pillar("A")
    a2 = pillar.indicators[1]
    assert (a2.score, a2.not_applicable_items, a2.total_items) == (None, 2, 2)
    # Pillar A: a1 is its only applicable indicator, so it alone makes the score.
    assert pillar.score == 100.0
    assert (pillar.scored_indicators, pillar.not_applicable_indicators) == (1, 1)
    assert (pillar.not_applicable_items, pillar.answered_items, pillar.total_items) == (4, 1, 6)


def test_a_pillar_where_nothing_applies_leaves_the_overall_score_to_the_others(small_bank):
    answers = {"a1-1": 5, "a1-2": 1, "a2-1": 5, "a2-2": 5}
    answers.update({f"b{i}-{j}": "na" for i in (1, 2, 3) for j in (1, 2)})
    result = score(small_bank, sheet(answers))
    b = result.pillar("B")
    assert (b.score, b.not_applicable_indicators, b.total_indicators) == (None, 3, 3)
    # Pillar A = 100 (a1 = 100, a2 = 100); overall = A alone.
    assert result.overall.score == 100.0
    assert (result.overall.scored_pillars, result.overall.not_applicable_pillars) == (1, 1)
    assert result.overall.not_applicable_items == 6


def test_every_answer_not_applicable_gives_no_score_anywhere(small_bank):
    answers = {i: "na" for i, item in small_bank.items.items() if not item.is_situational}
    result = score(small_bank, sheet(answers))
    assert result.overall.score is None
    assert result.overall.not_applicable_pillars == 1  # a1's situational item still applies
    assert result.pillar("B").not_applicable_indicators == 3


def test_not_applicable_is_refused_on_a_situational_item(small_bank):
    with pytest.raises(AnswerSheetError) as caught:
        score(small_bank, sheet({"a1-s": "na"}))
    assert "bukan pilihan butir situasional ini" in str(caught.value)


def test_results_say_scoring_version_2(small_bank):
    assert score(small_bank, sheet({"a1-1": 3})).scoring_version == 2


# --- roles --------------------------------------------------------------------------------


def test_a_role_is_asked_only_its_items_and_scored_on_them(role_bank):
    answers = {"a2-1": 5}
    staff = score(role_bank, sheet(answers, role="staf"))
    a2 = staff.indicator("a2")
    # a2-2 is not asked of staff: 1 item, answered, so a2 scores on it alone.
    assert (a2.score, a2.answered_items, a2.total_items) == (100.0, 1, 1)
    assert staff.overall.total_items == role_bank.item_count - 1
    everyone = score(role_bank, sheet(answers))
    assert everyone.indicator("a2").total_items == 2
    assert staff.role == "staf"


def test_an_answer_to_an_item_the_role_is_not_asked_is_refused(role_bank, monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    with pytest.raises(AnswerSheetError) as caught:
        score(role_bank, sheet({"a2-2": 4}, role="staf"))
    assert "answers.a2-2: item 'a2-2' is not asked of role 'staf'" in str(caught.value)


def test_an_unknown_role_is_refused_with_the_roles_listed(role_bank, monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    with pytest.raises(AnswerSheetError) as caught:
        score(role_bank, sheet({"a2-1": 4}, role="direktur"))
    assert "no role 'direktur' in bank 'small' (roles: staf, pimpinan)" in str(caught.value)


# --- versions -------------------------------------------------------------------------------


def test_a_bundled_bank_id_gives_its_newest_version_and_id_at_version_an_older_one():
    assert resolve_bank().version == "2.1.0"
    assert resolve_bank("asn-profesional@2.0.0").version == "2.0.0"
    assert resolve_bank("asn-profesional@1.0.0").version == "1.0.0"
    assert resolve_bank("asn-profesional", "1.0.0").version == "1.0.0"


def test_a_version_that_is_not_bundled_is_refused_naming_the_versions_that_are(monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    with pytest.raises(BankError) as caught:
        resolve_bank("asn-profesional@0.9")
    assert (
        "version 0.9 of 'asn-profesional' is not available (versions: 1.0.0, 2.0.0, 2.1.0)"
        in str(caught.value)
    )


def test_score_uses_the_bank_version_the_sheet_names(tmp_path, bank_v1):
    answers = {item_id: 3 for item_id, item in bank_v1.items.items() if not item.is_situational}
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps({"bank_id": bank_v1.id, "bank_version": "1.0.0", "answers": answers}), "utf-8"
    )
    run = runner.invoke(app, ["score", str(path), "--json"])
    assert run.exit_code == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["bank_version"] == "1.0.0"
    assert result["overall"]["total_items"] == 89


def test_a_sheet_naming_a_missing_version_is_refused(tmp_path):
    path = tmp_path / "future.json"
    path.write_text(
        json.dumps({"bank_id": "asn-profesional", "bank_version": "9.0", "answers": {}}), "utf-8"
    )
    run = runner.invoke(app, ["score", str(path)], env={"ASN_ASSESS_LANG": "en"})
    assert run.exit_code == 1
    assert "versions: 1.0.0, 2.0.0, 2.1.0" in run.stderr


def test_a_result_of_scoring_version_1_still_reads_and_reports(bank_v1):
    # Written as version 1 wrote results: no not-applicable counts, no role.
    answers = {item_id: 4 for item_id, item in bank_v1.items.items() if not item.is_situational}
    current = score(bank_v1, AnswerSheet(bank_id=bank_v1.id, bank_version="1.0.0", answers=answers))
    old = json.loads(current.model_dump_json())
    old["scoring_version"] = 1
    del old["role"]
    for level in [old["overall"], *old["pillars"]]:
        level.pop("not_applicable_items")
    del old["overall"]["not_applicable_pillars"]
    for pillar in old["pillars"]:
        del pillar["not_applicable_indicators"]
        for indicator in pillar["indicators"]:
            del indicator["not_applicable_items"]
    text = json.dumps(old)
    assert parse_result(text).scoring_version == 1
    run = runner.invoke(app, ["report", "-", "--lang", "en"], input=text)
    assert run.exit_code == 0, run.stderr
    assert "Overall score" in run.stdout


def test_bank_diff_lists_what_changed_between_the_versions():
    run = runner.invoke(
        app, ["bank", "diff", "asn-profesional@1.0.0", "asn-profesional@2.0.0", "--json"]
    )
    assert run.exit_code == 0, run.stderr
    diff = json.loads(run.stdout)
    assert diff["old"] == "asn-profesional 1.0.0" and diff["new"] == "asn-profesional 2.0.0"
    assert "disiplin-03" in diff["removed_items"]  # a near-certain ceiling item, dropped
    assert "disiplin-06" in diff["added_items"]  # following SOPs, new in 2.0.0
    changed = {c["item_id"]: c["changes"] for c in diff["changed_items"]}
    assert "rescaled" in changed["disiplin-02"]  # agreement -> frequency
    assert diff["comparable_indicators"] == []  # every indicator was reworked


def test_bank_diff_of_a_bank_with_itself_says_nothing_changed():
    run = runner.invoke(app, ["bank", "diff", "asn-profesional", "asn-profesional@2.1.0"])
    assert run.exit_code == 0, run.stderr
    assert "Kedua bank menilai setiap jawaban dengan cara yang sama." in run.stdout


def test_bank_diff_from_2_0_to_2_1_lists_every_change():
    old, new = resolve_bank("asn-profesional@2.0.0"), resolve_bank("asn-profesional@2.1.0")
    run = runner.invoke(app, ["bank", "diff", "asn-profesional@2.0.0", "asn-profesional", "--json"])
    assert run.exit_code == 0, run.stderr
    diff = json.loads(run.stdout)
    changed = {c["item_id"]: c["changes"] for c in diff["changed_items"]}
    # Checked independently of bank_diff: an item in both versions is listed exactly when
    # anything about it differs, and so is an indicator, a pillar or a bank setting.
    both = [item_id for item_id in new.items if item_id in old.items]
    assert set(changed) == {i for i in both if new.items[i] != old.items[i]}
    assert set(diff["added_items"]) == set(new.items) - set(old.items)
    assert set(diff["removed_items"]) == {
        "egaliter-08",
        "komunikasi-ke-samping-05",
        "efisiensi-sumber-daya-08",
    }
    old_indicators = {i.id: i for p in old.pillars for i in p.indicators}
    revised = {r["id"] for r in diff["revised_indicators"]}
    for pillar in new.pillars:
        for indicator in pillar.indicators:
            before = old_indicators.get(indicator.id)
            if before is not None:
                differs = before.model_copy(update={"items": ()}) != indicator.model_copy(
                    update={"items": ()}
                )
                assert (indicator.id in revised) == differs, indicator.id
    pillars = {p.id: p for p in old.pillars}
    assert {r["id"] for r in diff["revised_pillars"]} == {
        p.id
        for p in new.pillars
        if p.model_copy(update={"indicators": ()})
        != pillars[p.id].model_copy(update={"indicators": ()})
    }
    settings = {"id", "version", "pillars", "values"}  # values are listed one by one
    assert set(diff["changed_settings"]) == {
        key
        for key, value in new.model_dump(exclude=settings).items()
        if value != old.model_dump(exclude=settings)[key]
    }
    # What the reader looks for first.
    assert diff["added_indicators"] == ["integritas", "pengambilan-keputusan"]
    assert "rekeyed" in changed["komunikasi-ke-samping-s2"]
    assert "rekeyed" in changed["disiplin-s1"]
    assert changed["disiplin-01"] == ["values"]
    assert "raters" in changed["komitmen-melayani-03"]
    assert "roles" in changed["komunikasi-ke-bawah-01"]
    assert "scoring_version" in diff["changed_settings"]
    assert diff["added_values"] == [value.id for value in new.values]
    text = runner.invoke(
        app,
        ["bank", "diff", "asn-profesional@2.0.0", "asn-profesional"],
        env={"ASN_ASSESS_LANG": "en"},
    ).stdout
    assert "disiplin: development actions, action tags" in text
    assert "Core values added (7)" in text
    assert "komitmen-melayani-03: core values changed, raters changed" in text
    assert f"Bank settings changed ({len(diff['changed_settings'])})" in text
    assert "scales" in diff["changed_settings"]  # 2.1.0 dropped "N" for Netral
