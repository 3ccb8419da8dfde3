"""NIP and NI PPPK checks, directly and through the answer sheet's respondent."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from asn_assess.core.documents import Respondent, parse_answer_sheet
from asn_assess.core.errors import AnswerSheetError, NipError
from asn_assess.core.nip import format_nip, normalise_ni_pppk, normalise_nip

VALID = "198609262015051001"


@pytest.mark.parametrize(
    "raw",
    [
        "19860926 201505 1 001",
        "198609262015051001",
        "  19860926  201505  1  001 ",
        "19860926\t201505\t1\t001",
        "19860926.201505.1.001",
        "19860926-201505-1-001",
    ],
)
def test_valid_nip_normalises_to_18_digits(raw):
    assert normalise_nip(raw) == VALID


def test_format_nip_groups_the_digits():
    assert format_nip(VALID) == "19860926 201505 1 001"
    assert normalise_nip(format_nip(VALID)) == VALID


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("19860926 201505 1 01", "18 digits, this one has 17"),
        ("19860926 201505 1 0011", "18 digits, this one has 19"),
        ("", "digits only"),
        ("19860926 20150A 1 001", "digits only"),
        ("19860926/201505/1/001", "digits only"),
        ("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", "digits only"),  # Arabic-Indic digits are not ASCII
        ("１９８６０９２６２０１５０５１００１", "digits only"),  # full-width digits
        ("19860230 201505 1 001", "real birth date"),
        ("19861301 201505 1 001", "real birth date"),
        ("19860900 201505 1 001", "real birth date"),
        ("19860926 201513 1 001", "year and month of appointment"),
        ("19860926 201500 1 001", "year and month of appointment"),
        ("19860926 198501 1 001", "must come after the birth date"),
        ("19860926 198608 1 001", "must come after the birth date"),
        ("19860926 198609 1 001", "must come after the birth date"),
        ("19860926 201505 3 001", "gender digit"),
        ("19860926 201505 0 001", "gender digit"),
        ("19860926 201505 1 000", "starting at 001"),
    ],
    ids=[
        "17-digits",
        "19-digits",
        "empty",
        "letter",
        "slashes",
        "arabic-indic",
        "full-width",
        "feb-30",
        "birth-month-13",
        "birth-day-0",
        "appointment-month-13",
        "appointment-month-0",
        "appointed-before-birth",
        "appointed-month-before-birth",
        "appointed-in-birth-month",
        "gender-3",
        "gender-0",
        "sequence-000",
    ],
)
def test_invalid_nip_is_rejected_saying_why(raw, fragment):
    with pytest.raises(NipError) as caught:
        normalise_nip(raw)
    assert fragment in str(caught.value)


def test_appointment_the_month_after_birth_is_accepted():
    # The rule is "after the birth month"; anything stricter is policy, not layout.
    assert normalise_nip("19860926 198610 1 001") == "198609261986101001"


@pytest.mark.parametrize(
    "raw", ["123456789012345678", "1234 5678 9012 3456 78", "000000000000000000"]
)
def test_ni_pppk_accepts_any_18_digits(raw):
    assert normalise_ni_pppk(raw) == raw.replace(" ", "")


@pytest.mark.parametrize(
    "raw", ["12345678901234567", "1234567890123456789", "12345678901234567X", ""]
)
def test_ni_pppk_rejects_other_lengths_and_non_digits(raw):
    with pytest.raises(NipError, match="18 digits"):
        normalise_ni_pppk(raw)


# --- through the models ------------------------------------------------------------------


def test_respondent_stores_the_normalised_nip():
    respondent = Respondent(nip="19860926 201505 1 001", ni_pppk="1234 5678 9012 3456 78")
    assert respondent.nip == VALID
    assert respondent.ni_pppk == "123456789012345678"


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_respondent_without_nip_is_fine(blank):
    assert Respondent(nip=blank).nip is None


def test_respondent_rejects_a_bad_nip(monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    with pytest.raises(ValidationError) as caught:
        Respondent(nip="19860230 201505 1 001")
    (error,) = caught.value.errors()
    assert error["loc"] == ("nip",)
    assert "real birth date" in error["msg"]


def test_respondent_rejects_a_bad_ni_pppk():
    with pytest.raises(ValidationError) as caught:
        Respondent(ni_pppk="12345")
    assert caught.value.errors()[0]["loc"] == ("ni_pppk",)


def test_answer_sheet_with_a_bad_nip_names_the_key_path(monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
    text = json.dumps(
        {
            "bank_id": "asn-profesional",
            "bank_version": "1.0.0",
            "respondent": {"name": "Ani", "nip": "19860926 201505 3 001"},
            "answers": {},
        }
    )
    with pytest.raises(AnswerSheetError) as caught:
        parse_answer_sheet(text, "answers.json")
    (problem,) = caught.value.problems
    assert "respondent.nip" in problem.where
    assert problem.where == "answers.json: respondent.nip"
    assert "gender digit" in problem.message
    assert not problem.message.startswith("Value error")


def test_answer_sheet_with_a_good_nip_keeps_it_normalised():
    text = json.dumps(
        {
            "bank_id": "asn-profesional",
            "bank_version": "1.0.0",
            "respondent": {"nip": "19860926 201505 1 001"},
        }
    )
    assert parse_answer_sheet(text).respondent.nip == VALID


# --- property: any NIP built from valid parts survives normalisation ------------------------


@st.composite
def nip_parts(draw):
    birth = draw(st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2008, 12, 31)))
    birth_index = birth.year * 12 + (birth.month - 1)
    latest_past_month = 2025 * 12 + 11  # appointments lie in the past
    months_later = draw(st.integers(min_value=1, max_value=latest_past_month - birth_index))
    index = birth_index + months_later
    appointed = f"{index // 12:04d}{index % 12 + 1:02d}"
    gender = draw(st.sampled_from("12"))
    sequence = f"{draw(st.integers(min_value=1, max_value=999)):03d}"
    return [birth.strftime("%Y%m%d"), appointed, gender, sequence]


separators = st.text(alphabet=" ", max_size=3)


@settings(max_examples=60, deadline=None)
@given(nip_parts(), st.lists(separators, min_size=3, max_size=3), separators, separators)
def test_valid_nip_with_spaces_normalises_to_its_digits(parts, gaps, leading, trailing):
    raw = (
        leading + parts[0] + gaps[0] + parts[1] + gaps[1] + parts[2] + gaps[2] + parts[3] + trailing
    )
    digits = "".join(parts)
    assert normalise_nip(raw) == digits
    assert Respondent(nip=raw).nip == digits
    assert normalise_nip(format_nip(digits)) == digits


def test_appointment_in_the_future_is_rejected():
    import datetime

    with pytest.raises(NipError) as caught:
        normalise_nip("19860926 202703 1 001", today=datetime.date(2026, 11, 28))
    assert caught.value.code == "appointment_future"
    assert (
        normalise_nip("19860926 202611 1 001", today=datetime.date(2026, 11, 28))
        == "198609262026111001"
    )
