"""Norms: percentile tables equal to numpy.percentile, grouped with the pooling of
batch summaries, refused when too small, and shown next to scores without changing
them."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from asn_assess.analysis.norms import PERCENTILES, LevelNorm, NormAccumulator, Norms, ValueCounts
from asn_assess.cli import app
from asn_assess.core.models import Bank
from asn_assess.core.scoring import score_block
from test_analyze import write_bank_answers

runner = CliRunner()


# --- the tables are numpy.percentile's --------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(
        st.one_of(
            st.sampled_from([0.0, 25.0, 50.0, 62.5, 75.0, 100.0]),
            st.floats(0, 100, allow_nan=False),
        ),
        min_size=1,
        max_size=300,
    ),
    pieces=st.integers(1, 9),
)
def test_percentiles_equal_numpy_percentile(values, pieces):
    counts = ValueCounts()
    data = np.array(values)
    for part in np.array_split(data, pieces):
        counts.add(part)
    assert counts.n == len(values)
    assert counts.percentiles(PERCENTILES) == list(np.percentile(data, PERCENTILES))


def test_percentiles_of_many_generated_scores_and_merged_parts():
    rng = np.random.default_rng(11)
    scores = np.round(rng.beta(5, 2, 250_000) * 100, 3)  # many repeats and many distinct
    scores[rng.random(scores.size) < 0.01] = np.nan  # no score: left out
    parts = [ValueCounts() for _ in range(3)]
    for index, block in enumerate(np.array_split(scores, 40)):
        parts[index % 3].add(block)
    merged = ValueCounts.merged(parts)
    present = scores[~np.isnan(scores)]
    assert merged.n == present.size
    np.testing.assert_array_equal(
        merged.percentiles(PERCENTILES), np.percentile(present, PERCENTILES)
    )
    assert merged.values.size < present.size  # counted, not stored one by one


def test_rank_is_the_share_of_percentile_points_below_a_score():
    level = LevelNorm(n=200, percentiles=[float(p) for p in PERCENTILES])  # 1..99
    assert level.rank(62.0) == 61  # 1..61 lie below 62
    assert level.rank(62.5) == 62
    assert level.rank(0.0) == 0 and level.rank(100.0) == 99
    assert level.rank(None) is None
    ranks = level.ranks(np.array([50.5, np.nan]))
    assert ranks[0] == 50 and np.isnan(ranks[1])


# --- grouped norms pool small groups ------------------------------------------------------


def scores_for(bank: Bank, overall: np.ndarray):
    """A scored block whose overall scores are ``overall`` (items answered to match
    nothing in particular: only the overall level is looked at)."""
    rows = overall.size
    block = score_block(bank, {}, rows)
    block.overall.score = overall
    return block


def test_grouped_norms_pool_small_groups_like_summaries(small_bank: Bank):
    rng = np.random.default_rng(4)
    sizes = {"Biro A": 150, "Biro B": 120, "Unit C": 60, "Unit D": 50, "Unit E": 20}
    accumulator = NormAccumulator(small_bank)
    everyone = []
    by_group: dict[str, np.ndarray] = {}
    for name, n in sizes.items():
        overall = np.round(rng.normal(60, 12, n), 2)
        by_group[name] = overall
        everyone.append(overall)
        accumulator.add(scores_for(small_bank, overall), [name] * n, np.ones(n, dtype=bool))
    norms = accumulator.norms(100, "uji.csv", group_by="unit", created=date(2025, 1, 2))
    assert [g.group for g in norms.groups] == ["(all)", "Biro A", "Biro B", "(other)"]
    other = norms.group("(other)")
    assert other.n == 130 and other.pooled_groups == 3
    pooled = np.concatenate([by_group[g] for g in ("Unit C", "Unit D", "Unit E")])
    assert other.levels["overall"].percentiles == list(np.percentile(pooled, PERCENTILES))
    all_scores = np.concatenate(everyone)
    assert norms.group().levels["overall"].percentiles == list(
        np.percentile(all_scores, PERCENTILES)
    )
    assert norms.group("Biro B").levels["overall"].n == 120
    # Levels without scores (no item was answered here) have no table.
    assert set(norms.group().levels) == {"overall"}
    assert accumulator.small_groups(100) == 3
    # Pooled groups too small together get no table of their own.
    few = NormAccumulator(small_bank)
    for name, n in (("Biro X", 100), ("Unit Y", 10), ("Unit Z", 10)):
        overall = np.round(rng.normal(60, 12, n), 2)
        few.add(scores_for(small_bank, overall), [name] * n, np.ones(n, dtype=bool))
    assert [g.group for g in few.norms(100, "uji.csv").groups] == ["(all)", "Biro X"]
    assert few.small_groups(100) == 2


# --- through the command --------------------------------------------------------------------


@pytest.fixture
def answers_csv(tmp_path: Path, bundled_bank: Bank) -> Path:
    path = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, path, 240, seed=9)
    with path.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Unit kerja", *header])
        for number, row in enumerate(rows):
            writer.writerow(["Biro Umum" if number < 150 else f"Unit {number % 3}", *row])
    return path


def test_norms_out_matches_the_batch_scores(tmp_path: Path, answers_csv: Path, bundled_bank: Bank):
    norms_path = tmp_path / "norms.json"
    ran = runner.invoke(
        app,
        [
            "analyze",
            str(answers_csv),
            "-f",
            "json",
            "-o",
            str(tmp_path / "a.json"),
            "--norms-out",
            str(norms_path),
            "--group-by",
            "Unit kerja",
        ],
        env={"ASN_ASSESS_LANG": "en"},
    )
    assert ran.exit_code == 0, ran.stderr
    assert "3 group(s) with fewer than 100 respondents pooled" in ran.stderr
    norms = Norms.model_validate_json(norms_path.read_text(encoding="utf-8"))
    assert (norms.bank_id, norms.bank_version) == (bundled_bank.id, bundled_bank.version)
    assert norms.source == "answers.csv" and norms.created == date.today()
    assert [g.group for g in norms.groups] == ["(all)", "Biro Umum"]  # the rest: 90 < 100
    batch_out = tmp_path / "scores.csv"
    assert runner.invoke(app, ["batch", str(answers_csv), "-o", str(batch_out)]).exit_code == 0
    rows = list(csv.DictReader(batch_out.open(encoding="utf-8")))
    units = [r["Unit kerja"] for r in csv.DictReader(answers_csv.open(encoding="utf-8"))]
    for key, column in (
        ("overall", "overall_score"),
        ("indicator.disiplin", "indicator.disiplin.score"),
    ):
        for group, wanted in (("(all)", None), ("Biro Umum", "Biro Umum")):
            scores = np.array(
                [
                    float(row[column])
                    for row, unit in zip(rows, units, strict=True)
                    if row[column] and wanted in (None, unit)
                ]
            )
            table = norms.group(group).levels[key]
            assert table.n == scores.size
            assert table.percentiles == list(np.percentile(scores, PERCENTILES))


def test_small_norms_are_provisional_unless_the_minimum_is_lowered(
    tmp_path: Path, bundled_bank: Bank
):
    source = tmp_path / "few.csv"
    write_bank_answers(bundled_bank, source, 60, seed=1)
    norms_path = tmp_path / "norms.json"
    written = runner.invoke(
        app,
        ["analyze", str(source), "-f", "json", "--norms-out", str(norms_path)],
        env={"ASN_ASSESS_LANG": "en"},
    )
    assert written.exit_code == 0, written.stderr
    assert "these norms are provisional: 60 respondents, fewer than the minimum of 100" in (
        written.stderr
    )
    provisional = Norms.model_validate_json(norms_path.read_text())
    assert provisional.minimum_n == 100
    assert all(level.provisional for level in provisional.group().levels.values())
    lowered = runner.invoke(
        app,
        [
            "analyze",
            str(source),
            "-f",
            "json",
            "--norms-out",
            str(norms_path),
            "--norm-min",
            "50",
            "--lang",
            "en",
        ],
    )
    assert lowered.exit_code == 0, lowered.stderr
    assert "warning: a norm with fewer than 100 respondents (50) is unstable" in lowered.stderr
    norms = Norms.model_validate_json(norms_path.read_text())
    assert norms.minimum_n == 50
    assert not any(level.provisional for level in norms.group().levels.values())


def test_exclude_flagged_leaves_them_out_of_the_norms(tmp_path: Path, bundled_bank: Bank):
    source = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, source, 130, seed=3)
    with source.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for number in range(5):  # five people answer 3 to every statement and "a" otherwise
            row = ["a" if item.is_situational else "3" for item in bundled_bank.items.values()]
            writer.writerow([f"S{number}", *row])
    norms_path = tmp_path / "norms.json"
    data = runner.invoke(
        app,
        ["analyze", str(source), "-f", "json", "--norms-out", str(norms_path), "--exclude-flagged"],
    )
    assert data.exit_code == 0, data.stderr
    analysis = json.loads(data.stdout)
    assert analysis["excluded_flagged"] == 5 and analysis["respondents"] == 130
    assert analysis["quality"]["modal-share"] == 5
    norms = Norms.model_validate_json(norms_path.read_text())
    assert norms.excluded_flagged == 5 and norms.group().n == 130


def test_schema_norms():
    shown = runner.invoke(app, ["schema", "norms"])
    assert shown.exit_code == 0
    schema = json.loads(shown.stdout)
    assert schema["title"] == "Norms"
    assert {"bank_id", "bank_version", "created", "source", "groups"} <= set(schema["required"])
    assert "percentiles" in json.dumps(schema)


@pytest.fixture
def norms_file(tmp_path: Path, answers_csv: Path) -> Path:
    path = tmp_path / "norms.json"
    ran = runner.invoke(app, ["analyze", str(answers_csv), "-f", "json", "--norms-out", str(path)])
    assert ran.exit_code == 0, ran.stderr
    return path


def sheet_file(tmp_path: Path, bank: Bank) -> Path:
    answers = {
        item.id: ("b" if item.is_situational else (2 if item.is_reversed else 4))
        for item in bank.items.values()
    }
    path = tmp_path / "sheet.json"
    path.write_text(
        json.dumps({"bank_id": bank.id, "bank_version": bank.version, "answers": answers})
    )
    return path


def test_score_and_report_show_percentiles_with_the_norm(
    tmp_path: Path, norms_file: Path, bundled_bank: Bank
):
    sheet = sheet_file(tmp_path, bundled_bank)
    plain = runner.invoke(app, ["score", str(sheet), "--json"])
    result = json.loads(plain.stdout)
    norms = Norms.model_validate_json(norms_file.read_text())
    rank = norms.group().levels["overall"].rank(result["overall"]["score"])
    shown = runner.invoke(app, ["score", str(sheet), "--norms", str(norms_file)])
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert f"lebih tinggi dari {rank}% rekan di norma ini" in text
    assert f"norma: answers.csv, n=240, {date.today().isoformat()}" in text
    # The report is the same apart from the placing: no score or band moved (the plan
    # picks the same indicators; with a norm it adds how firmly the answers support it).
    without = " ".join(runner.invoke(app, ["score", str(sheet)]).stdout.split())
    assert text.split("Rencana pengembangan")[0] == without.split("Rencana pengembangan")[0]
    titles = [
        bank_indicator.title["id"] for p in bundled_bank.pillars for bank_indicator in p.indicators
    ]
    planned = lambda shown: [  # noqa: E731
        title for title in titles if f". {title} (" in shown.split("Rencana pengembangan")[1]
    ]
    assert planned(text) == planned(without) != []
    saved = tmp_path / "result.json"
    saved.write_text(plain.stdout, encoding="utf-8")
    reported = runner.invoke(
        app, ["report", str(saved), "--norms", str(norms_file), "--lang", "en"]
    )
    assert reported.exit_code == 0, reported.stderr
    assert f"higher than {rank}% of colleagues in this norm" in " ".join(reported.stdout.split())


def test_norms_option_errors(tmp_path: Path, norms_file: Path, bundled_bank: Bank):
    sheet = sheet_file(tmp_path, bundled_bank)
    with_json = runner.invoke(app, ["score", str(sheet), "--json", "--norms", str(norms_file)])
    assert with_json.exit_code == 0  # the result placed in the norm, as batch JSONL writes it
    assert list(json.loads(with_json.stdout)) == ["result", "percentiles", "bands", "norm"]
    no_group = runner.invoke(
        app, ["score", str(sheet), "--norms", str(norms_file), "--norm-group", "X"]
    )
    assert no_group.exit_code == 1 and "norma tidak memiliki kelompok 'X'" in no_group.stderr
    lonely = runner.invoke(app, ["score", str(sheet), "--norm-group", "X"])
    assert lonely.exit_code == 2 and "--norm-group memerlukan --norms" in lonely.stderr
    other = tmp_path / "other.json"
    data = json.loads(norms_file.read_text())
    data["bank_version"] = "1.0.0"
    other.write_text(json.dumps(data))
    mismatch = runner.invoke(
        app, ["score", str(sheet), "--norms", str(other)], env={"ASN_ASSESS_LANG": "en"}
    )
    assert mismatch.exit_code == 1
    assert (
        "the norms are for asn-profesional 1.0.0" in mismatch.stderr
        and "Traceback" not in mismatch.stderr
    )


def test_batch_norms_columns(tmp_path: Path, answers_csv: Path, norms_file: Path):
    out = tmp_path / "out.csv"
    ran = runner.invoke(
        app, ["batch", str(answers_csv), "-o", str(out), "--norms", str(norms_file)]
    )
    assert ran.exit_code == 0, ran.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    norms = Norms.model_validate_json(norms_file.read_text())
    for row in rows[:20]:
        assert int(row["overall_percentile"]) == norms.group().levels["overall"].rank(
            float(row["overall_score"])
        )
        assert row["norm"] == norms.describe(norms.group())
    jsonl = tmp_path / "out.jsonl"
    ran = runner.invoke(
        app, ["batch", str(answers_csv), "-o", str(jsonl), "--norms", str(norms_file)]
    )
    assert ran.exit_code == 0, ran.stderr
    first = json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert first["percentiles"]["overall"] == int(rows[0]["overall_percentile"])
    assert first["norm"] == rows[0]["norm"]


def test_start_shows_percentiles(tmp_path: Path, norms_file: Path, bundled_bank: Bank):
    from asn_assess.core.presentation import questions_of

    typed = [
        "b" if q.item.is_situational else ("2" if q.item.is_reversed else "4")
        for q in questions_of(bundled_bank)
    ]
    ran = runner.invoke(
        app,
        ["start", "--no-profile", "--new", "--norms", str(norms_file), "--lang", "en"],
        input="\n".join(typed) + "\n",
        env={"ASN_ASSESS_HOME": str(tmp_path / "home")},
    )
    assert ran.exit_code == 0, ran.stderr
    assert "of colleagues in this norm" in ran.stdout
    shown = " ".join(ran.stdout.split())
    assert "Compared with colleagues (norm: answers.csv, n=240" in shown
    assert "95% range" in shown  # each score with its range, at the end of a session too


def test_unreadable_norms_file_is_one_line(tmp_path: Path, bundled_bank: Bank):
    sheet = sheet_file(tmp_path, bundled_bank)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    ran = runner.invoke(app, ["score", str(sheet), "--norms", str(broken)])
    assert ran.exit_code == 1
    assert ran.stderr.startswith(f"galat: {broken}:1:2: JSON tidak sah")


def test_norm_source_is_shown_as_written(tmp_path: Path, norms_file: Path, bundled_bank: Bank):
    data = json.loads(norms_file.read_text())
    data["source"] = "=SUM(A1) [bold red]Biro[/]"
    tricky = tmp_path / "tricky.json"
    tricky.write_text(json.dumps(data))
    sheet = sheet_file(tmp_path, bundled_bank)
    shown = runner.invoke(app, ["score", str(sheet), "--norms", str(tricky)])
    assert shown.exit_code == 0, shown.stderr
    assert "=SUM(A1) [bold red]Biro[/]" in shown.stdout  # not markup
    out = tmp_path / "out.csv"
    batch_input = tmp_path / "in.jsonl"
    batch_input.write_text(sheet.read_text().replace("\n", "") + "\n")
    ran = runner.invoke(app, ["batch", str(batch_input), "-o", str(out), "--norms", str(tricky)])
    assert ran.exit_code == 0, ran.stderr
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["norm"].startswith("'=SUM(A1) [bold red]Biro[/]")  # not a formula
