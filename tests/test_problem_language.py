"""Problems found in banks, answer sheets, inputs and norms are written in the interface
language: Bahasa Indonesia by default, English with --lang en (or $ASN_ASSESS_LANG)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import parse_bank
from asn_assess.core.errors import BankError
from asn_assess.core.i18n import messages, t

runner = CliRunner()


@pytest.fixture(autouse=True)
def default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language chosen in the environment: the default applies."""
    monkeypatch.delenv("ASN_ASSESS_LANG", raising=False)


@pytest.fixture
def duplicate_id_bank(tmp_path: Path, small_bank_text: str, edit_text) -> Path:
    """The small bank with its second item given the first one's id."""
    path = tmp_path / "dobel.toml"
    path.write_text(edit_text(small_bank_text, ('id = "a1-2"', 'id = "a1-1"')), encoding="utf-8")
    return path


def test_bank_validate_names_a_duplicate_id_in_indonesian_by_default(duplicate_id_bank):
    ran = runner.invoke(app, ["bank", "validate", str(duplicate_id_bank)])
    assert ran.exit_code == 1
    assert (
        f"galat: {duplicate_id_bank}: pillars[0].indicators[0].items[1].id: "
        "id 'a1-1' dipakai lebih dari sekali, pertama kali di pillars[0].indicators[0].items[0]"
    ) in ran.stderr
    assert "duplicate id" not in ran.stderr


def test_bank_validate_names_a_duplicate_id_in_english_when_asked(duplicate_id_bank):
    ran = runner.invoke(app, ["--lang", "en", "bank", "validate", str(duplicate_id_bank)])
    assert ran.exit_code == 1
    assert (
        "pillars[0].indicators[0].items[1].id: "
        "duplicate id 'a1-1', first used at pillars[0].indicators[0].items[0]"
    ) in ran.stderr


def test_score_refuses_a_sheet_for_another_bank_in_indonesian(tmp_path, small_bank_text):
    bank = tmp_path / "kecil.toml"
    bank.write_text(small_bank_text, encoding="utf-8")
    sheet = tmp_path / "jawaban.json"
    sheet.write_text(
        json.dumps({"bank_id": "asn-profesional", "bank_version": "2.0.0", "answers": {}}),
        encoding="utf-8",
    )
    ran = runner.invoke(app, ["score", str(sheet), "--bank", str(bank)])
    assert ran.exit_code == 1
    assert (
        "bank_id: lembar ini untuk bank 'asn-profesional', bukan 'small'; "
        "berikan bank yang benar dengan --bank"
    ) in ran.stderr
    english = runner.invoke(app, ["--lang", "en", "score", str(sheet), "--bank", str(bank)])
    assert "the sheet is for bank 'asn-profesional', not 'small'" in english.stderr


@pytest.mark.parametrize(
    ("edit", "indonesian"),
    [
        ((None, None), "berkas ini kosong; bank sedikitnya memerlukan id"),
        (('languages = ["id"]', 'languages = ["id", "en"]'), "terjemahan untuk en tidak ada"),
        (('id = "low"', 'id = "mid"'), "id kategori 'mid' dipakai lebih dari sekali"),
        (('scale = "four"', 'scale = "lima"'), "tidak ada skala dengan id 'lima'"),
    ],
)
def test_bank_problems_of_every_kind_are_indonesian_by_default(
    small_bank_text, edit_text, edit, indonesian
):
    old, new = edit
    text = "" if old is None else edit_text(small_bank_text, (old, new))
    with pytest.raises(BankError) as caught:
        parse_bank(text, source="bank.toml")
    assert any(indonesian in problem.message for problem in caught.value.problems), [
        p.message for p in caught.value.problems
    ]


def test_every_bank_rule_reads_differently_in_each_language():
    """A rule text left untranslated would show English to Indonesian readers."""
    rule_keys = [key for key in messages() if key.startswith("rule.")]
    assert len(rule_keys) > 30
    same = [key for key in rule_keys if messages()[key]["id"] == messages()[key]["en"]]
    assert same == []
    assert t("rule.duplicate_id", "id", id="x") == "id 'x' dipakai lebih dari sekali"
