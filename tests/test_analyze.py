"""`asn-assess analyze`: the whole path from a CSV to psych::alpha's figures, the
findings, every output format, and the same readers as batch.

The reference datasets of tests/data/analysis/ are read here as answers to a bank with
one item per column; the command must give psych's figures (tests/test_reliability.py
checks the engine alone)."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from typer.testing import CliRunner

from asn_assess.analysis.reliability import ReliabilityAccumulator
from asn_assess.batch.analysis import AnalysisOptions, run_analysis
from asn_assess.batch.settings import BatchSettings
from asn_assess.cli import app
from asn_assess.core.bank import parse_bank
from asn_assess.core.files import spreadsheet_safe
from asn_assess.core.models import Bank
from asn_assess.reports.analysis_render import markdown_escape

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "analysis"
MODES = ("pairwise", "listwise")


def bank_text(
    k: int,
    reverse: tuple[int, ...] = (),
    title: str = "Skala uji",
    indicators: Optional[list[list[int]]] = None,
) -> str:
    """A bank whose items i1..ik sit in one indicator (or the ``indicators`` given, as
    lists of item numbers) of one pillar, on a 1-5 scale; ``reverse`` items are
    reverse-keyed."""
    groups = indicators or [list(range(1, k + 1))]
    parts = [
        'id = "uji"',
        'version = "1.0"',
        'languages = ["id", "en"]',
        'title = { id = "Bank uji", en = "Test bank" }',
        'description = { id = "Untuk uji.", en = "For tests." }',
        "[[scales]]",
        'id = "lima"',
        'name = { id = "Lima", en = "Five" }',
        "points = ["
        + ", ".join(f'{{ value = {v}, label = {{ id = "{v}", en = "{v}" }} }}' for v in range(1, 6))
        + "]",
        "[[bands]]",
        'id = "semua"',
        "min = 0",
        'label = { id = "Semua", en = "All" }',
        'meaning = { id = "Semua.", en = "All." }',
        "[[pillars]]",
        'id = "p"',
        'title = { id = "Pilar", en = "Pillar" }',
    ]
    for number, members in enumerate(groups, start=1):
        name = title if len(groups) == 1 else f"{title} {number}"
        parts += [
            "[[pillars.indicators]]",
            f'id = "s{number}"',
            f'title = {{ id = "{name}", en = "{name}" }}',
        ]
        for i in members:
            parts += [
                "[[pillars.indicators.items]]",
                f'id = "i{i}"',
                'scale = "lima"',
                f'text = {{ id = "Butir {i}.", en = "Item {i}." }}',
            ]
            if i in reverse:
                parts.append("reverse = true")
    return "\n".join(parts) + "\n"


def write_bank(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bank.toml"
    path.write_text(text, encoding="utf-8")
    return path


def dataset_as_input(name: str, tmp_path: Path) -> tuple[Path, int]:
    """A reference dataset as a batch input: an id column, then i1..ik ("NA" empty)."""
    with (DATA / f"{name}.csv").open(newline="") as handle:
        header, *rows = list(csv.reader(handle))
    path = tmp_path / f"{name}-input.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", *header])
        for number, row in enumerate(rows, start=1):
            writer.writerow([f"R{number}", *("" if v == "NA" else v for v in row)])
    return path, len(header)


def load_psych(name: str, mode: str) -> dict[tuple[str, str], float]:
    with (DATA / f"{name}-{mode}-psych.csv").open(newline="") as handle:
        return {(r["statistic"], r["item"]): float(r["value"]) for r in csv.DictReader(handle)}


def analyze_json(*args: str) -> dict[str, Any]:
    ran = runner.invoke(app, ["analyze", *args, "--format", "json"])
    assert ran.exit_code == 0, ran.stderr
    return json.loads(ran.stdout)


# --- equal to psych::alpha through the whole command ------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["clean", "miskeyed", "missing", "constant"])
def test_command_gives_psych_alpha(name: str, mode: str, tmp_path: Path):
    source, k = dataset_as_input(name, tmp_path)
    bank = write_bank(tmp_path, bank_text(k))
    data = analyze_json(str(source), "--bank", str(bank), "--missing", mode)
    psych = load_psych(name, mode)
    assert data["missing"] == mode
    # One indicator in one pillar: both must be psych's figures of all k items.
    for scale in (data["indicators"][0], data["pillars"][0]):
        assert scale["raw_alpha"] == pytest.approx(psych["raw_alpha", ""], abs=1e-6)
        assert scale["std_alpha"] == pytest.approx(psych["std_alpha", ""], abs=1e-6)
        assert scale["average_r"] == pytest.approx(psych["average_r", ""], abs=1e-6)
        reported = {item for _, item in psych if item}
        for item in scale["items"]:
            if item["item"] not in reported:  # psych deletes items without variance
                assert not item["used"] and item["r_drop"] is None
                continue
            name_ = item["item"]
            assert item["n"] == psych["n", name_]
            assert item["r_drop"] == pytest.approx(psych["r_drop", name_], abs=1e-6)
            assert item["alpha_if_dropped"] == pytest.approx(
                psych["alpha_drop_raw", name_], abs=1e-6
            )
            assert item["std_alpha_if_dropped"] == pytest.approx(
                psych["alpha_drop_std", name_], abs=1e-6
            )
            # Item scores are 0-100 as scoring keys them: (answer - 1) * 25.
            assert item["mean"] == pytest.approx((psych["mean", name_] - 1) * 25, abs=1e-6)
            assert item["sd"] == pytest.approx(psych["sd", name_] * 25, abs=1e-6)


def test_planted_miskeyed_item_is_flagged_and_few_others(tmp_path: Path):
    source, k = dataset_as_input("miskeyed", tmp_path)
    bank = write_bank(tmp_path, bank_text(k))
    for mode in MODES:
        data = analyze_json(str(source), "--bank", str(bank), "--missing", mode)
        item_flags = {(f["rule"], f["item"]) for f in data["flags"] if f["item"]}
        assert ("negative-r-drop", "i8") in item_flags
        assert ("alpha-rises", "i8") in item_flags
        assert {item for _, item in item_flags} == {"i8"}  # no other item is flagged


def test_planted_miskeyed_item_in_the_bundled_bank(tmp_path: Path, bundled_bank: Bank):
    source = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, source, 800, seed=5, miskeyed="kerja-cerdas-03")
    data = analyze_json(str(source), "--lang", "en")
    # The simulated answers have one factor per indicator and none per core value, so
    # only the indicator scales are judged here (a value's items span indicators).
    flags = [f for f in data["flags"] if f["scale"].startswith(("indicator:", "pillar:"))]
    flagged_items = {f["item"] for f in flags if f["item"]}
    assert flagged_items == {"kerja-cerdas-03"}
    rules = {f["rule"] for f in flags if f["item"] == "kerja-cerdas-03"}
    assert "negative-r-drop" in rules
    # Without the mis-keyed item the indicators hold together: at most its own
    # indicator is flagged as a whole.
    scales = {f["scale"] for f in flags if not f["item"]}
    assert scales <= {"indicator:kerja-cerdas"}
    # The value it is tagged with notices it too.
    assert {"value:kompeten"} <= {
        f["scale"] for f in data["flags"] if f["item"] == "kerja-cerdas-03"
    }


def write_bank_answers(
    bank: Bank, path: Path, n: int, seed: int, miskeyed: Optional[str] = None
) -> None:
    """Answers of ``n`` people from a model with one factor per indicator (correlated
    through a general one), written as a wide CSV like `template batch`'s. The
    ``miskeyed`` item's answers are turned round, as if its keying were wrong."""
    rng = np.random.default_rng(seed)
    general = rng.standard_normal(n)
    columns: dict[str, list[str]] = {}
    for pillar in bank.pillars:
        for indicator in pillar.indicators:
            factor = 0.6 * general + 0.8 * rng.standard_normal(n)
            for item in indicator.items:
                latent = 0.7 * factor + 0.71 * rng.standard_normal(n)
                keyed = np.clip(np.rint(3.5 + latent), 1, 5).astype(int)
                if item.is_situational:
                    by_score = {option.score: option.id for option in item.options}
                    columns[item.id] = [by_score[v] for v in keyed]
                    continue
                raw = 6 - keyed if item.is_reversed != (item.id == miskeyed) else keyed
                columns[item.id] = [str(v) for v in raw]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", *bank.items])
        for row in range(n):
            writer.writerow([f"R{row}", *(columns[item_id][row] for item_id in bank.items)])


def test_constant_item_gets_a_clear_note_and_no_division_by_zero(tmp_path: Path):
    source, k = dataset_as_input("constant", tmp_path)
    bank = write_bank(tmp_path, bank_text(k))
    data = analyze_json(str(source), "--bank", str(bank))
    assert data["indicators"][0]["problems"] == ["constant-item:i2"]
    assert data["indicators"][0]["raw_alpha"] is not None
    for language, words in (
        (
            "en",
            "i2 (Skala uji): every respondent gave the same answer, so the item has no variance",
        ),
        ("id", "i2 (Skala uji): semua responden memberi jawaban yang sama"),
    ):
        shown = runner.invoke(
            app, ["analyze", str(source), "--bank", str(bank), "--lang", language]
        )
        assert shown.exit_code == 0, shown.stderr
        assert words in " ".join(shown.stdout.split())


# --- the pipeline passes keyed scores exactly ---------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    answers=hnp.arrays(
        np.float64,
        st.tuples(st.integers(3, 25), st.just(4)),
        elements=st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, math.nan]),
    )
)
def test_analysis_is_the_engine_on_keyed_scores(answers):
    bank = parse_bank(bank_text(4, reverse=(2,)), "bank.toml")
    answered = answers[~np.isnan(answers).all(axis=1)]  # rows with no answer are rejected
    rows = ["respondent_id,i1,i2,i3,i4"] + [
        f"R{n}," + ",".join("" if math.isnan(v) else str(int(v)) for v in row)
        for n, row in enumerate(answers)
    ]
    stream = ("in.csv", _bytes_io("\n".join(rows) + "\n"))
    found = run_analysis([stream], BatchSettings(bank), AnalysisOptions())
    keyed = (answered - 1) * 25
    keyed[:, 1] = 100 - keyed[:, 1]  # item 2 is reverse-keyed
    engine = ReliabilityAccumulator(4)
    engine.add(keyed)
    want = engine.result("pairwise")
    got = found.analysis.indicators[0]
    assert found.analysis.respondents == len(answered)
    for ours, theirs in ((got.raw_alpha, want.raw_alpha), (got.std_alpha, want.std_alpha)):
        assert (ours is None and theirs is None) or ours == pytest.approx(theirs, rel=1e-12)
    for mine, reference in zip(got.items, want.items, strict=True):
        assert mine.n == reference.n
        assert (mine.r_drop is None) == (reference.r_drop is None)
        if mine.r_drop is not None:
            assert mine.r_drop == pytest.approx(reference.r_drop, rel=1e-9, abs=1e-12)


def _bytes_io(text: str):
    import io

    return io.BytesIO(text.encode("utf-8"))


def test_answer_shares_count_choices_skips_and_not_applicable(tmp_path: Path):
    bank = write_bank(tmp_path, bank_text(3))
    source = tmp_path / "in.csv"
    source.write_text(
        "respondent_id,i1,i2,i3\nA,5,1,na\nB,5,,3\nC,4,2,TB\nD,5,2,3\n", encoding="utf-8"
    )
    data = analyze_json(str(source), "--bank", str(bank))
    shares = {share["item"]: share for share in data["answers"]}
    assert shares["i1"]["counts"] == [0, 0, 0, 1, 3] and shares["i1"]["skipped"] == 0
    assert shares["i2"]["counts"] == [1, 2, 0, 0, 0] and shares["i2"]["skipped"] == 1
    assert shares["i3"]["not_applicable"] == 2 and shares["i3"]["counts"] == [0, 0, 2, 0, 0]
    assert shares["i1"]["choices"] == ["1", "2", "3", "4", "5"]


def test_items_of_another_indicator_are_found(tmp_path: Path):
    # Indicator s2's items (4-6) follow the same factor as s1's, not s3's: they belong
    # with s1. Only s2 is flagged, and only when the difference is beyond chance.
    bank = write_bank(tmp_path, bank_text(9, indicators=[[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
    rng = np.random.default_rng(8)
    first, second = rng.standard_normal((2, 1000))
    loads = [first] * 3 + [first] * 3 + [second] * 3
    strength = [0.9, 0.9, 0.9, 0.6, 0.6, 0.6, 0.9, 0.9, 0.9]
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", *[f"i{i}" for i in range(1, 10)]])
        for row in range(1000):
            answers = [
                int(np.clip(np.rint(3 + s * f[row] + 0.7 * rng.standard_normal()), 1, 5))
                for s, f in zip(strength, loads, strict=True)
            ]
            writer.writerow([f"R{row}", *answers])
    data = analyze_json(str(source), "--bank", str(bank))
    closer = [f for f in data["flags"] if f["rule"] == "closer-to-other"]
    assert [(f["scale"], f["other"]) for f in closer] == [("indicator:s2", "s1")]
    assert closer[0]["value"] > closer[0]["threshold"] > closer[0]["reference"]
    checks = {c["indicator"]: c for c in data["cross_checks"]}
    assert checks["s2"]["flagged"] and not checks["s3"]["flagged"]
    # The first 60 respondents alone: the same pattern, but too few to be sure.
    few = tmp_path / "few.csv"
    few.write_text("\n".join(source.read_text().splitlines()[:61]) + "\n")
    fewer = analyze_json(str(few), "--bank", str(bank))
    assert not [f for f in fewer["flags"] if f["rule"] == "closer-to-other"]


def test_same_answer_is_flagged(tmp_path: Path):
    # Items 1-6 measure one thing; item 7 is answered 4 by nearly everyone.
    bank = write_bank(tmp_path, bank_text(7, indicators=[[1, 2, 3], [4, 5, 6, 7]]))
    rng = np.random.default_rng(3)
    factor = rng.standard_normal(300)
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", *[f"i{i}" for i in range(1, 8)]])
        for row in range(300):
            answers = [
                int(np.clip(np.rint(3 + factor[row] + 0.6 * rng.standard_normal()), 1, 5))
                for _ in range(6)
            ]
            writer.writerow([f"R{row}", *answers, 4 if row % 20 else 3])
    data = analyze_json(str(source), "--bank", str(bank))
    same = [f for f in data["flags"] if f["rule"] == "same-answer"]
    assert [(f["item"], f["other"]) for f in same] == [("i7", "4")]
    assert same[0]["value"] == pytest.approx(0.95)


# --- output formats ------------------------------------------------------------------------


def test_every_format_writes_the_same_findings(tmp_path: Path):
    source, k = dataset_as_input("miskeyed", tmp_path)
    bank = write_bank(tmp_path, bank_text(k, title="Skala <b>[bold]uji[/]</b> *tebal*"))
    outputs = {}
    for suffix in ("md", "html", "csv", "json", "txt"):
        target = tmp_path / f"out.{suffix}"
        ran = runner.invoke(
            app, ["analyze", str(source), "--bank", str(bank), "-o", str(target), "--lang", "en"]
        )
        assert ran.exit_code == 0, ran.stderr
        outputs[suffix] = target.read_text(encoding="utf-8")
    assert "check whether this item should be reverse-keyed" in outputs["md"]
    assert "check whether this item should be reverse-keyed" in outputs["html"]
    plain = " ".join(outputs["txt"].split())  # rich, as text 120 columns wide
    assert "check whether this item should be reverse-keyed" in plain
    # Data is never markup: the bank's title is shown as written in every format.
    assert "<b>" not in outputs["html"] and "&lt;b&gt;[bold]uji[/]&lt;/b&gt;" in outputs["html"]
    assert r"Skala \<b\>\[bold\]uji\[/\]\</b\> \*tebal\*" in outputs["md"]
    assert "Skala <b>[bold]uji[/]</b> *tebal*" in plain
    rows = list(csv.DictReader(outputs["csv"].splitlines()))
    alpha = [r for r in rows if r["statistic"] == "raw_alpha" and r["section"] == "indicator"]
    assert float(alpha[0]["value"]) == pytest.approx(
        json.loads(outputs["json"])["indicators"][0]["raw_alpha"]
    )
    flags = {(r["statistic"], r["item"]) for r in rows if r["section"] == "flag"}
    # alpha 0.64 of the scale is low because of i8; i8 itself is flagged twice.
    assert flags == {("low-alpha", ""), ("negative-r-drop", "i8"), ("alpha-rises", "i8")}


def test_escaping_helpers():
    assert spreadsheet_safe('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    for start in ("+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(start + "1") == "'" + start + "1"
    assert spreadsheet_safe("disiplin-01") == "disiplin-01"
    assert markdown_escape("a|b *c* [d](e) <f> `g`") == r"a\|b \*c\* \[d\](e) \<f\> \`g\`"


def test_usage_errors_are_one_line(tmp_path: Path):
    source, _ = dataset_as_input("clean", tmp_path)
    for args, words in (
        (["--missing", "some"], "--missing 'some'"),
        (["--format", "pdf"], "--format 'pdf'"),
        (["--group-by", "unit"], "--group-by memerlukan --norms-out"),
        (["--norms-out", str(tmp_path / "n.json"), "--norm-min", "10"], "sedikitnya 30"),
        (["-o", str(source)], "--output adalah berkas yang sama dengan INPUT"),
    ):
        ran = runner.invoke(app, ["analyze", str(source), *args])
        assert ran.exit_code == 2, (args, ran.stderr)
        assert words in ran.stderr and "Traceback" not in ran.stderr


def test_missing_input_is_one_clear_line(tmp_path: Path):
    ran = runner.invoke(app, ["analyze", str(tmp_path / "nope.csv")])
    assert ran.exit_code == 1
    assert ran.stderr.strip() == f"galat: {tmp_path / 'nope.csv'}: berkas tidak ada"
    source, _ = dataset_as_input("clean", tmp_path)
    no_column = runner.invoke(
        app, ["analyze", str(source), "--norms-out", str(tmp_path / "n.json"), "--group-by", "Unit"]
    )
    assert no_column.exit_code == 1
    assert no_column.stderr.startswith(f"galat: {source}: --group-by 'Unit': kolom itu tidak ada")


def test_roles_with_disjoint_items_explain_and_role_option_analyses_one(
    tmp_path: Path, bundled_bank: Bank
):
    source = tmp_path / "answers.csv"
    write_bank_answers(bundled_bank, source, 300, seed=2)
    with source.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    roles = ["pelaksana", "struktural"]
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["role", *header])
        for number, row in enumerate(rows):
            role = roles[number % 2]
            cells = [row[0]] + [
                value if bundled_bank.items[item_id].asked_of(role) else ""
                for item_id, value in zip(header[1:], row[1:], strict=True)
            ]
            writer.writerow([role, *cells])
    everyone = runner.invoke(app, ["analyze", str(source), "--lang", "en"])
    assert everyone.exit_code == 0, everyone.stderr
    text = " ".join(everyone.stdout.split())
    assert "are never answered together by two respondents or more" in text
    assert "Analyse one role at a time with --role" in text
    # One note for the reason, naming the indicator and the pillar, not one per pair.
    assert text.count("never answered together by two respondents") == 1
    # (and the core values whose tagged items span roles, bank 2.1.0)
    assert "Communicating downward, Leading your organisation" in text
    one = analyze_json(str(source), "--role", "pelaksana")
    assert one["role"] == "pelaksana" and one["other_roles"] == 150 and one["respondents"] == 150
    by_id = {s["id"]: s for s in one["indicators"]}
    assert by_id["komunikasi-ke-bawah"]["raw_alpha"] is not None
    assert "too-few-observations:komunikasi-ke-bawah-08" in by_id["komunikasi-ke-bawah"]["problems"]


def test_worked_example_of_the_docs(tmp_path: Path):
    """docs/analysis.md works these figures out by hand."""
    bank = write_bank(tmp_path, bank_text(3))
    source = tmp_path / "in.csv"
    source.write_text(
        "respondent_id,i1,i2,i3\nA,4,5,4\nB,3,3,2\nC,5,4,5\nD,2,2,3\nE,4,4,4\n", encoding="utf-8"
    )
    data = analyze_json(str(source), "--bank", str(bank))
    scale = data["indicators"][0]
    assert round(scale["raw_alpha"], 3) == 0.897 and round(scale["std_alpha"], 3) == 0.897
    assert round(scale["average_r"], 2) == 0.74
    items = {item["item"]: item for item in scale["items"]}
    assert items["i1"]["mean"] == 65 and round(items["i1"]["sd"], 1) == 28.5
    assert [round(items[i]["r_drop"], 2) for i in ("i1", "i2", "i3")] == [0.90, 0.75, 0.75]
    assert [round(items[i]["alpha_if_dropped"], 2) for i in ("i1", "i2", "i3")] == [
        0.76,
        0.89,
        0.89,
    ]
    assert (round(scale["alpha_lower"], 2), round(scale["alpha_upper"], 2)) == (0.48, 0.99)
    assert round(scale["omega_total"], 2) == 0.90
    assert scale["verdict"] == "uncertain"
    docs = (Path(__file__).parents[1] / "docs" / "analysis.md").read_text(encoding="utf-8")
    for figure in ("**0.897**", "**0.74**", "**0.90**", "**0.75**", "**0.76**", "**0.89**"):
        assert figure in docs
    for figure in ("**0.48**", "**0.99**", "omega total is **0.90**", '"not yet certain"'):
        assert figure in docs


def test_analyze_asks_for_one_blas_thread_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch):
    from asn_assess.cli.analyze import BLAS_THREAD_VARIABLES, one_blas_thread

    for variable in BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")  # the user's choice stays
    one_blas_thread()
    import os

    assert os.environ["OPENBLAS_NUM_THREADS"] == "1" and os.environ["MKL_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "4"


def test_batch_jsonl_output_is_analysed_like_its_input(tmp_path: Path):
    source, k = dataset_as_input("missing", tmp_path)
    bank = str(write_bank(tmp_path, bank_text(k)))
    jsonl = tmp_path / "hasil.jsonl"
    made = runner.invoke(app, ["batch", str(source), "-b", bank, "-f", "jsonl", "-o", str(jsonl)])
    assert made.exit_code == 0, made.stderr
    direct = analyze_json(str(source), "--bank", bank)
    again = analyze_json(str(jsonl), "--bank", bank)
    assert again["respondents"] == direct["respondents"] > 0
    for figures in ("indicators", "pillars", "answers", "flags"):
        assert again[figures] == direct[figures], figures


def test_nothing_analysed_is_an_error_not_an_empty_report(tmp_path: Path):
    source = tmp_path / "kosong.csv"
    source.write_text("respondent_id,disiplin-01\nR1,9\nR2,zz\n", encoding="utf-8")
    ran = runner.invoke(app, ["analyze", str(source)])
    assert ran.exit_code == 1
    assert ran.stdout == ""
    assert ran.stderr.splitlines()[-1] == (
        f"galat: {source}: tidak ada responden yang dapat dianalisis: 2 baris dibaca, "
        "2 ditolak; alasannya tertulis di atas"
    )
