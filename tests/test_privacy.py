"""Nothing leaked (docs/reliability.md): summaries that cannot expose a person, CSV cells
that spreadsheets do not run, pseudonyms that do not depend on how an id was typed,
pseudonymised runs that never quote what people typed, and a key kept private."""

from __future__ import annotations

import csv
import hashlib
import hmac
import json
import os
import random
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from asn_assess.batch.blocks import AnswerBlock, ScoredBlock
from asn_assess.batch.summary import GroupSummary
from asn_assess.cli import app
from asn_assess.core.bank import parse_bank, resolve_bank
from asn_assess.core.scoring import ItemColumn, score_block
from conftest import SMALL_BANK_TOML

BANK = resolve_bank()
ITEMS = list(BANK.items)
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
KEY = "5f4dcc3b5aa765d61d8327deb882cf99"


def run(*args: str, input: Optional[str] = None):
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def answers_for(number: int, complete: bool = True) -> list[str]:
    """Every item answered; or, incomplete, only the first pillar's items."""
    first_pillar = {i.id for ind in BANK.pillars[0].indicators for i in ind.items}
    cells = []
    for k, item in enumerate(ITEMS):
        if not complete and item not in first_pillar:
            cells.append("")
        elif BANK.items[item].is_situational:
            cells.append("abcde"[(number + k) % 5])
        else:
            cells.append(str(1 + (number * 7 + k * 3) % 5))
    return cells


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# --- small-cell suppression ---------------------------------------------------------------


def test_a_statistic_with_fewer_scores_than_the_minimum_is_not_shown(tmp_path):
    """A unit of 5 in which one person has an overall score must not show that
    person's score as the unit's mean, nor let (all) reveal it."""
    rows = [[f"A{n}", "Dinas A", *answers_for(n, complete=(n == 0))] for n in range(5)]
    rows += [[f"B{n}", "Dinas B", *answers_for(n + 10)] for n in range(6)]
    source = write_table(tmp_path / "in.csv", ["respondent_id", "unit", *ITEMS], rows)
    result = run(
        "batch", str(source), "-o", str(tmp_path / "out.csv"), "--summary-by", "unit",
        "--summary-output", str(tmp_path / "sum.csv"), "--id-column", "respondent_id",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    scored = {row["respondent_id"]: row for row in read_rows(tmp_path / "out.csv")}
    alone = float(scored["A0"]["overall_score"])
    summary = {row["group"]: row for row in read_rows(tmp_path / "sum.csv")}
    assert summary["Dinas A"]["n"] == "5" and summary["Dinas A"]["overall.n"] == "1"
    assert summary["Dinas A"]["overall.mean"] == ""
    assert summary["Dinas A"]["pillar.diri.mean"] != ""  # five people have that score
    assert summary["Dinas B"]["overall.mean"] != ""
    assert summary["(all)"]["overall.mean"] == ""  # (all) minus Dinas B would be A0
    for shown in (summary["(all)"]["overall.median"], summary["Dinas A"]["band.cakap"]):
        assert shown == ""
    text = (tmp_path / "sum.csv").read_text(encoding="utf-8") + result.stderr
    assert repr(alone) not in text and f"{alone:.1f}" not in text


def summary_of(bank: Any, people: list[tuple[str, list[Optional[float]]]], k: int) -> list[dict]:
    """GroupSummary rows for (group, answers per item of ``bank``) people."""
    summary = GroupSummary(bank, k)
    items = list(bank.items)
    columns = {}
    for position, item in enumerate(items):
        values = [answers[position] for _, answers in people]
        answered = np.array([v is not None for v in values])
        scores = np.array([v if v is not None else 0.0 for v in values], dtype=np.float64)
        columns[item] = ItemColumn(scores, answered, np.zeros(len(values), dtype=bool))
    block = AnswerBlock(
        source="s",
        rows=np.arange(1, len(people) + 1),
        respondent_ids=[None] * len(people),
        item_columns=columns,
        groups=[group for group, _ in people],
    )
    summary.add_block(ScoredBlock(block, score_block(bank, columns, len(people))))
    return summary.rows()


SMALL = parse_bank(SMALL_BANK_TOML, "small.toml")


@st.composite
def groups_of_people(draw: Any) -> list[tuple[str, list[Optional[float]]]]:
    """Up to 40 people in up to 5 groups; each item answered or skipped at random (few
    draws, so that many examples stay fast)."""
    size = draw(st.integers(1, 40))
    groups = draw(st.integers(1, 5))
    skipped = draw(st.sampled_from([0.0, 0.2, 0.5, 0.8]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    people = []
    for _ in range(size):
        answers = [
            None if rng.random() < skipped else rng.choice([0.0, 25.0, 50.0, 75.0, 100.0])
            for _ in SMALL.items
        ]
        people.append(("ABCDE"[rng.randrange(groups)], answers))
    return people


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=groups_of_people(), k=st.integers(2, 6))
def test_no_suppressed_statistic_can_be_derived_from_the_shown_ones(people, k):
    """For every measure, (all) = the sum of the other rows. Whenever (all) shows a
    measure, the rows hiding it hold at least k respondents together (or none), so subtraction
    gives only a pooled figure of k or more people; every shown statistic rests on at
    least k values, and no group under k is named."""
    rows = summary_of(SMALL, people, k)
    *parts, everyone = rows
    assert everyone["group"] == "(all)" and everyone["n"] == len(people)
    for row in parts:
        assert row["group"] in ("(other)",) or row["n"] >= k
    for metric in [f"pillar.{p.id}" for p in SMALL.pillars] + ["overall"]:
        for row in rows:
            if row[f"{metric}.mean"] is not None:
                assert row[f"{metric}.n"] >= k and row["n"] >= k
        hidden = [row[f"{metric}.n"] for row in parts if row[f"{metric}.mean"] is None]
        if everyone[f"{metric}.mean"] is not None and hidden:
            # subtraction gives k or more people's figure, or that of nobody at all
            assert sum(hidden) >= k or sum(hidden) == 0
        if everyone[f"{metric}.mean"] is None:
            assert all(everyone[f"{metric}.{s}"] is None for s in ("median", "sd"))
    bands = [f"band.{b.id}" for b in SMALL.bands]
    for row in rows:
        shown = row[bands[0]] is not None
        assert shown == (row["overall.mean"] is not None)
        assert all((row[b] is not None) == shown for b in bands)


# --- spreadsheet formulas -----------------------------------------------------------------


FORMULAS = ['=HYPERLINK("http://x","klik")', "+6281234", "-5", "@SUM(A1)", "\tx", "\rx"]


def test_cells_that_start_a_formula_are_neutralised_in_every_csv(tmp_path):
    source = tmp_path / "=1+1.csv"
    rows = [[formula, formula, *answers_for(n)] for n, formula in enumerate(FORMULAS * 1)]
    write_table(source, ["respondent_id", "unit", *ITEMS], rows)
    result = run(
        "batch", str(source), "-o", str(tmp_path / "out.csv"), "--summary-by", "unit",
        "--summary-output", str(tmp_path / "sum.csv"), "--min-group", "1",
        "--id-column", "respondent_id",
        "--duplicates", "all",  # "\tx" and "\rx" are one id once spaces are folded
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = read_rows(tmp_path / "out.csv")
    assert [row["respondent_id"] for row in out] == ["'" + f for f in FORMULAS]
    assert (
        {row["source"] for row in out} == {"'" + str(source)}
        if str(source).startswith(("=", "+", "-", "@"))
        else {str(source)}
    )
    for row in out:
        float(row["overall_score"])  # scores stay numbers
    groups = [row["group"] for row in read_rows(tmp_path / "sum.csv")][:-1]
    # Group names are trimmed: the tab and CR ones become "x".
    assert sorted(groups) == sorted(["x", *("'" + f for f in FORMULAS if f.strip() == f)])
    # JSONL output is no spreadsheet: ids stay as they were typed.
    run("batch", str(source), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert lines[0]["respondent_id"] is None or not lines[0]["respondent_id"].startswith("'")


def test_a_source_name_that_starts_a_formula_is_neutralised(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_table(tmp_path / "=1+1.csv", ["respondent_id", *ITEMS], [["R1", *answers_for(1)]])
    result = run("batch", "=1+1.csv", "-o", "out.csv")
    assert result.exit_code == 0, result.stderr
    assert read_rows(tmp_path / "out.csv")[0]["source"] == "'=1+1.csv"


# --- pseudonyms -------------------------------------------------------------------------------


def pseudonym(identifier: str) -> str:
    return hmac.new(KEY.encode(), identifier.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


@pytest.mark.parametrize(
    "column, spellings, normalised",
    [
        (
            "NIP",
            ["198609262015051001", "19860926 201505 1 001", " 19860926.201505.1.001 "],
            "198609262015051001",
        ),
        (
            "Email Address",
            [
                "budi.santoso@contoh.go.id",
                " Budi.Santoso@Contoh.GO.ID",
                "BUDI.SANTOSO@contoh.go.id",
            ],
            "budi.santoso@contoh.go.id",
        ),
        ("Nama", ["Budi Santoso", "  budi   santoso ", "BUDI SANTOSO"], "budi santoso"),
    ],
    ids=["nip", "email", "name"],
)
def test_one_identifier_typed_three_ways_gets_one_pseudonym(
    tmp_path, column, spellings, normalised
):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    (tmp_path / "k").chmod(0o600)
    rows = [[spelling, *answers_for(n)] for n, spelling in enumerate(spellings)]
    source = write_table(tmp_path / "in.csv", [column, *ITEMS], rows)
    result = run(
        "batch", str(source), "--pseudonymize", "--key-file", str(tmp_path / "k"),
        "-o", str(tmp_path / "out.csv"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    ids = {row["respondent_id"] for row in read_rows(tmp_path / "out.csv")}
    assert ids == {pseudonym(normalised)}


def test_answer_sheets_get_the_same_pseudonym_as_the_table(tmp_path):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    (tmp_path / "k").chmod(0o600)
    sheet = {
        "bank_id": BANK.id,
        "bank_version": BANK.version,
        "respondent": {"name": " BUDI  Santoso"},
        "answers": {"disiplin-01": 4},
    }
    (tmp_path / "in.jsonl").write_text(json.dumps(sheet) + "\n", encoding="utf-8")
    result = run(
        "batch", str(tmp_path / "in.jsonl"), "--pseudonymize", "--key-file", str(tmp_path / "k"),
        "-o", str(tmp_path / "out.csv"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert read_rows(tmp_path / "out.csv")[0]["respondent_id"] == pseudonym("budi santoso")


# --- nothing typed is quoted in a pseudonymised run ----------------------------------------------


SECRET = "siti.rahma@contoh.go.id"


def test_rejection_reasons_of_a_pseudonymised_run_quote_no_cell(tmp_path):
    (tmp_path / "k").write_text(KEY, encoding="utf-8")
    (tmp_path / "k").chmod(0o600)
    rows = [["R1", SECRET, *answers_for(1)[1:]], ["R2", *answers_for(2)]]
    table = write_table(tmp_path / "in.csv", ["respondent_id", *ITEMS], rows)
    sheets = tmp_path / "in.jsonl"
    bad_sheets = [
        {"answers": {"disiplin-01": SECRET}},
        {"answers": {SECRET: 4}},
        {"answers": {"kerja-tuntas-s1": SECRET}},
        {"bank_id": "bank-lain", "answers": {"disiplin-01": 4}},
    ]
    sheets.write_text(
        "\n".join(
            json.dumps({"bank_id": BANK.id, "bank_version": BANK.version, **s}) for s in bad_sheets
        )
        + "\n",
        encoding="utf-8",
    )
    for source in (table, sheets):
        for errors in (["--errors", str(tmp_path / "e.jsonl")], []):
            result = run(
                "batch", str(source), "--pseudonymize", "--key-file", str(tmp_path / "k"),
                "-o", str(tmp_path / "out.csv"), *errors,
            )  # fmt: skip
            # The answer sheets are all rejected: a run that scores nothing fails.
            assert result.exit_code == (0 if source == table else 1), result.stderr
            written = (tmp_path / "e.jsonl").read_text() if errors else ""
            assert SECRET not in result.stderr + written
            assert "withheld" in result.stderr + written
    records = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert any(r["reasons"][0].startswith("answers.disiplin-01:") for r in records)


def test_without_pseudonyms_the_reason_still_quotes_the_cell(tmp_path):
    rows = [["R1", "Setuju sekali", *answers_for(1)[1:]]]
    table = write_table(tmp_path / "in.csv", ["respondent_id", *ITEMS], rows)
    result = run("batch", str(table), "-o", str(tmp_path / "out.csv"))
    assert "'Setuju sekali'" in result.stderr


# --- the key file ---------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("mode, warned", [(0o644, True), (0o640, True), (0o600, False)])
def test_a_key_file_others_can_read_is_warned_about(tmp_path, mode, warned):
    key = tmp_path / "kunci.txt"
    key.write_text(KEY, encoding="utf-8")
    key.chmod(mode)
    source = write_table(
        tmp_path / "in.csv", ["NIP", *ITEMS], [["198609262015051001", *answers_for(1)]]
    )
    result = run(
        "batch", str(source), "--pseudonymize", "--key-file", str(key),
        "-o", str(tmp_path / "out.csv"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "kunci.txt" in line]
    assert bool(lines) == warned, result.stderr
    if warned:
        assert lines[0].startswith("warning:") and "chmod 600" in lines[0]
