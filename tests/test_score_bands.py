"""Scores with their error: norms keep each scale's alpha and SD; with --norms every
report, batch output and JSON gives each score its 95% band (score ± 1.96 SEM within
0-100), says when the band reaches another band of the bank, and the plan says where it
rests on a difference smaller than the error; `history compare --norms` marks the
changes larger than 1.96 * sqrt(2) * SEM. Below the norm minimum the tables are written,
marked provisional."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from asn_assess.analysis.measurement_error import Interval
from asn_assess.analysis.norms import Norms
from asn_assess.cli import app
from asn_assess.core.models import Bank
from asn_assess.reports.standing import other_bands
from test_analyze import write_bank_answers
from test_history import invoke, result_at, save_file

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})


@pytest.fixture(scope="module")
def made(tmp_path_factory, bundled_bank: Any) -> dict[str, Any]:
    """240 respondents' answers, their analysis and their norms."""
    folder = tmp_path_factory.mktemp("norms")
    answers = folder / "answers.csv"
    write_bank_answers(bundled_bank, answers, 240, seed=5)
    norms = folder / "norms.json"
    analysis = folder / "analysis.json"
    ran = runner.invoke(
        app, ["analyze", str(answers), "-o", str(analysis), "--norms-out", str(norms)]
    )
    assert ran.exit_code == 0, ran.stderr
    return {
        "folder": folder,
        "answers": answers,
        "norms": norms,
        "analysis": json.loads(analysis.read_text(encoding="utf-8")),
        "model": Norms.model_validate_json(norms.read_text(encoding="utf-8")),
    }


@pytest.fixture(scope="module")
def bundled_bank() -> Bank:
    from asn_assess.core.bank import load_bank
    from conftest import BUNDLED_BANK_PATH

    return load_bank(BUNDLED_BANK_PATH)


def test_norms_keep_each_scales_alpha_and_the_sd_of_its_scores(made, bundled_bank):
    norms, analysis = made["model"], made["analysis"]
    assert norms.schema_version == 2 and norms.reliability is not None
    batch_out = made["folder"] / "scores.csv"
    assert runner.invoke(app, ["batch", str(made["answers"]), "-o", str(batch_out)]).exit_code == 0
    rows = list(csv.DictReader(batch_out.open(encoding="utf-8")))
    for scale in (*analysis["indicators"], *analysis["pillars"]):
        key = f"{scale['kind']}.{scale['id']}"
        kept = norms.reliability[key]
        assert kept.alpha == scale["raw_alpha"]
        scores = np.array([float(r[f"{key}.score"]) for r in rows if r[f"{key}.score"]])
        assert kept.sd == pytest.approx(np.std(scores, ddof=1), rel=1e-12)
        assert kept.n == scores.size
        assert kept.sem == pytest.approx(kept.sd * math.sqrt(1 - kept.alpha), rel=1e-12)
    assert "overall" not in norms.reliability  # the overall score has no alpha of its own


def sheet_path(folder: Path, bank: Bank, answers: dict[str, Any]) -> Path:
    path = folder / "sheet.json"
    path.write_text(
        json.dumps({"bank_id": bank.id, "bank_version": bank.version, "answers": answers}),
        encoding="utf-8",
    )
    return path


def middling(bank: Bank) -> dict[str, Any]:
    """Answers that put most indicators near the middle of the scale."""
    return {
        item.id: ("c" if item.is_situational else 3 + (index % 2) * (-1 if item.is_reversed else 1))
        for index, item in enumerate(bank.items.values())
    }


def test_score_json_with_norms_gives_lower_and_upper_for_every_scale(made, bundled_bank, tmp_path):
    path = sheet_path(tmp_path, bundled_bank, middling(bundled_bank))
    done = runner.invoke(app, ["score", str(path), "--json", "--norms", str(made["norms"])])
    assert done.exit_code == 0, done.stderr
    placed = json.loads(done.stdout)
    assert list(placed) == ["result", "percentiles", "bands", "norm"]
    result, norms = placed["result"], made["model"]
    for pillar in result["pillars"]:
        for key, score in [(f"pillar.{pillar['id']}", pillar["score"])] + [
            (f"indicator.{i['id']}", i["score"]) for i in pillar["indicators"]
        ]:
            sem = norms.reliability[key].sem
            band = placed["bands"][key]
            assert band["lower"] == max(0.0, score - 1.96 * sem)
            assert band["upper"] == min(100.0, score + 1.96 * sem)
    # The same result through `report --format json --norms`.
    saved = tmp_path / "result.json"
    saved.write_text(json.dumps(result), encoding="utf-8")
    again = runner.invoke(
        app, ["report", str(saved), "--format", "json", "--norms", str(made["norms"])]
    )
    assert json.loads(again.stdout) == placed


def test_the_report_shows_each_band_and_the_bands_it_reaches(made, bundled_bank, tmp_path):
    path = sheet_path(tmp_path, bundled_bank, middling(bundled_bank))
    for language, range_word, could in (
        ("en", "95% range", "could also be"),
        ("id", "rentang 95%", "bisa juga"),
    ):
        shown = runner.invoke(
            app,
            ["score", str(path), "--norms", str(made["norms"]), "--lang", language, "--no-pager"],
        )
        assert shown.exit_code == 0, shown.stderr
        text = " ".join(shown.stdout.split())
        assert range_word in text and could in text
    for form in ("md", "html", "csv"):
        out = tmp_path / f"report.{form}"
        done = runner.invoke(
            app, ["score", str(path), "--norms", str(made["norms"]), "-o", str(out), "--lang", "en"]
        )
        assert done.exit_code == 0
        written = out.read_text(encoding="utf-8")
        assert ("lower_95,upper_95" if form == "csv" else "95% range") in written


def test_could_also_be_names_every_band_the_range_reaches(bundled_bank):
    names = [band.id for band in other_bands(bundled_bank, 65.0, Interval(48.0, 86.0))]
    assert names == ["perlu-perhatian", "cakap", "unggul"]
    # A range that ends exactly on a cut-off reaches it (decided on exact values).
    assert [b.id for b in other_bands(bundled_bank, 60.0, Interval(55.0, 69.99999999999999))] == [
        "cakap"
    ]
    assert other_bands(bundled_bank, 60.0, Interval(51.0, 69.0)) == []


def test_batch_writes_the_band_of_each_scale(made, tmp_path):
    out = tmp_path / "scores.csv"
    lines = tmp_path / "scores.jsonl"
    for target in (out, lines):
        done = runner.invoke(
            app, ["batch", str(made["answers"]), "-o", str(target), "--norms", str(made["norms"])]
        )
        assert done.exit_code == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    norms = made["model"]
    for row, record in zip(rows, records, strict=True):
        key = "indicator.disiplin"
        score = float(row[f"{key}.score"])
        sem = norms.reliability[key].sem
        assert float(row[f"{key}.lower"]) == pytest.approx(max(0.0, score - 1.96 * sem), abs=1e-6)
        assert float(row[f"{key}.upper"]) == pytest.approx(min(100.0, score + 1.96 * sem), abs=1e-6)
        band = record["bands"][key]
        assert band["lower"] == pytest.approx(float(row[f"{key}.lower"]), abs=1e-6)
    assert "overall.lower" not in rows[0]


def test_the_plan_says_where_a_difference_is_within_the_error(made, bundled_bank, tmp_path):
    path = sheet_path(tmp_path, bundled_bank, middling(bundled_bank))
    shown = runner.invoke(
        app, ["score", str(path), "--norms", str(made["norms"]), "--lang", "en", "--no-pager"]
    )
    text = " ".join(shown.stdout.split())
    plan = text.split("Development plan")[1]
    assert "does not differ reliably from" in plan
    assert "smaller than the measurement error" in plan
    without = runner.invoke(app, ["score", str(path), "--lang", "en", "--no-pager"])
    assert "does not differ reliably" not in without.stdout  # no norm, no claim


def test_history_compare_with_norms_marks_real_changes(made, bundled_bank, tmp_path):
    from asn_assess.core.documents import Respondent

    home = tmp_path / "home"
    siti = Respondent(name="Siti Aminah")  # one person's two results
    first = result_at(bundled_bank, "2026-01-05T09:00:00+00:00", 0, respondent=siti)
    save_file(home, first, "a.json")
    later = result_at(bundled_bank, "2026-03-05T09:00:00+00:00", 2, respondent=siti)
    save_file(home, later, "b.json")
    run = invoke(home, "history", "compare", "--json", "--norms", str(made["norms"]))
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    norms = made["model"]
    marked = 0
    for kind in ("pillars", "indicators"):
        for change in data[kind]:
            found = change["reliable_change"]
            sem = norms.reliability[f"{kind[:-1]}.{change['id']}"].sem
            limit = 1.96 * math.sqrt(2) * sem
            assert found["limit"] == pytest.approx(limit)
            assert found["real"] == (abs(change["change"]) > limit)
            marked += found["real"]
    assert marked > 0  # two steps up on many answers: some changes are real
    view = invoke(home, "history", "compare", "--lang", "en", "--norms", str(made["norms"]))
    text = " ".join(view.stdout.split())
    assert "Real change?" in text and "yes, beyond ±" in text
    assert "reliable change index" in text


def test_below_the_minimum_norms_are_written_as_provisional(tmp_path, bundled_bank):
    source = tmp_path / "few.csv"
    write_bank_answers(bundled_bank, source, 51, seed=8)
    norms_path = tmp_path / "norms.json"
    ran = runner.invoke(app, ["analyze", str(source), "-f", "json", "--norms-out", str(norms_path)])
    assert ran.exit_code == 0, ran.stderr
    assert "provisional: 51 respondents, fewer than the minimum of 100" in ran.stderr
    norms = Norms.model_validate_json(norms_path.read_text(encoding="utf-8"))
    assert all(level.provisional and level.n == 51 for level in norms.group().levels.values())
    path = sheet_path(tmp_path, bundled_bank, middling(bundled_bank))
    shown = runner.invoke(
        app, ["score", str(path), "--norms", str(norms_path), "--lang", "en", "--no-pager"]
    )
    assert "provisional: fewer respondents than the minimum" in " ".join(shown.stdout.split())
    # Fewer than 30 people: no table at all, even a provisional one.
    write_bank_answers(bundled_bank, source, 20, seed=8)
    refused = runner.invoke(
        app, ["analyze", str(source), "-f", "json", "--norms-out", str(norms_path)]
    )
    assert refused.exit_code == 1 and "needs at least 30 respondents" in refused.stderr


def test_norms_made_before_reliability_was_kept_still_place_scores(made, bundled_bank, tmp_path):
    old = json.loads(made["norms"].read_text(encoding="utf-8"))
    old["schema_version"] = 1
    del old["reliability"]
    for group in old["groups"]:
        for level in group["levels"].values():
            del level["provisional"]
    path = tmp_path / "old-norms.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    sheet = sheet_path(tmp_path, bundled_bank, middling(bundled_bank))
    shown = runner.invoke(
        app, ["score", str(sheet), "--norms", str(path), "--lang", "en", "--no-pager"]
    )
    assert shown.exit_code == 0, shown.stderr
    assert "higher than" in shown.stdout and "95% range" not in shown.stdout
