"""The expert keying panel: `asn-assess bank panel export` writes a rating workbook,
experts fill it in (here: openpyxl, as Excel or LibreOffice would save it), `analyze`
reports per option the mean, SD and r_wg, best and worst per item and the items to
discuss, and `--write-keys` writes the proposed scores into a copy of the bank that
validates, loads and carries exactly the panel's keys, its comments kept.
"""

from __future__ import annotations

import csv
import io
import json
import random
import statistics
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import load_bank, resolve_bank
from asn_assess.panel.agreement import analyse_panel
from asn_assess.panel.keys import rekeyed_text, score_spans
from asn_assess.panel.ratings import RatingsError, read_ratings

runner = CliRunner()
BANK = "asn-profesional@2.0.0"


def panel(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, ["bank", "panel", *args], env=env)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


@pytest.fixture(scope="module")
def bank_2_0():
    return resolve_bank(BANK)


@pytest.fixture(scope="module")
def form(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("panel") / "panel.xlsx"
    result = panel("export", "--bank", BANK, "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def fill(form: Path, out: Path, rate, raters: int | None = None) -> Path:
    """``rate(item, option, expert_number)`` -> a cell value (None: left empty);
    expert columns beyond ``raters`` are deleted, as the instructions say."""
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    first = header.index("Penilai 1") + 1
    count = len(header) - first + 1
    for row in range(2, sheet.max_row + 1):
        item, option = sheet.cell(row, 1).value, sheet.cell(row, 4).value
        for expert in range(1, (raters or count) + 1):
            value = rate(item, option, expert)
            if value is not None:
                sheet.cell(row, first + expert - 1, value)
    if raters is not None and raters < count:
        sheet.delete_cols(first + raters, count - raters)
    book.save(out)
    return out


def panel_prefers(bank, item_id: str) -> dict[str, int]:
    """A target key per option that differs from the bank's for some items: the
    bank's scores, reversed for every third situational item."""
    situational = [i for i in bank.items.values() if i.is_situational]
    item = bank.items[item_id]
    scores = {o.id: o.score for o in item.options}
    if situational.index(item) % 3 == 0:
        return {o: 6 - s for o, s in scores.items()}
    return scores


def test_export_writes_every_situational_option_with_instructions_and_validation(form, bank_2_0):
    book = openpyxl.load_workbook(form)
    assert book.sheetnames == ["Petunjuk", "Penilaian"]
    assert book.properties.keywords == "asn-assess-panel asn-profesional@2.0.0"
    guide = " ".join(str(c.value) for c in book["Petunjuk"]["A"] if c.value)
    assert "8 sampai 10" in guide and "5 = tindakan terbaik" in guide
    sheet = book["Penilaian"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Butir", "Indikator", "Situasi", "Pilihan", "Tindakan")
    assert rows[0][5:] == tuple(f"Penilai {n}" for n in range(1, 11))
    expected = [
        (item.id, option.id)
        for item in bank_2_0.items.values()
        if item.is_situational
        for option in item.options
    ]
    assert [(r[0], r[3]) for r in rows[1:]] == expected
    assert len(expected) == 70
    # The situation on each item's first row, the option's text beside its letter,
    # the bank's key nowhere.
    first = rows[1]
    s1 = bank_2_0.items["disiplin-s1"]
    assert first[2].startswith(s1.scenario["id"]) and first[2].endswith(s1.text["id"])
    assert rows[2][2] is None and first[4] == s1.options[0].text["id"]
    validation = sheet.data_validations.dataValidation[0]
    assert (validation.type, validation.formula1, validation.formula2) == ("whole", "1", "5")
    assert str(validation.sqref) == "F2:O71"


def test_export_in_english_and_one_column_per_expert(tmp_path):
    out = tmp_path / "expert.xlsx"
    result = panel(
        "export", "--bank", BANK, "--raters", "1", "-o", str(out), env={"ASN_ASSESS_LANG": "en"}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("wrote") and "70 options of 14" in result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Instructions", "Ratings"]
    header = [c.value for c in book["Ratings"][1]]
    assert header == ["Item", "Indicator", "Situation", "Option", "Action", "Expert 1"]
    assert book["Ratings"]["E2"].value.startswith("Hand over the file")


def test_round_trip_export_fill_analyze_write_keys(tmp_path, form, bank_2_0):
    rng = random.Random(22)

    def rate(item: str, option: str, expert: int) -> int:
        target = panel_prefers(bank_2_0, item)[option]
        # Experts mostly agree with the target; one in five is a point off.
        return max(1, min(5, target + rng.choice([0, 0, 0, 0, 1, -1])))

    filled = fill(form, tmp_path / "filled.xlsx", rate, raters=9)
    keys = tmp_path / "rekeyed.toml"
    result = panel("analyze", str(filled), "-f", "json", "--write-keys", str(keys))
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["raters"]) == 9 and report["ratings"] == 9 * 70

    # Figures against an independent computation.
    book = openpyxl.load_workbook(filled)
    rows = list(book.worksheets[1].iter_rows(values_only=True))[1:]
    by_option = {(r[0], r[3]): [v for v in r[5:] if v is not None] for r in rows}
    for item in report["items"]:
        for option in item["options"]:
            values = by_option[(item["item"], option["option"])]
            assert option["n"] == len(values) == 9
            assert option["mean"] == pytest.approx(statistics.mean(values))
            assert option["sd"] == pytest.approx(statistics.stdev(values))
            rwg = max(0.0, 1 - statistics.variance(values) / 2)
            assert option["rwg"] == pytest.approx(rwg)
            assert option["agrees"] == (rwg >= 0.7 - 1e-12)

    # The proposal: options ranked by mean get 5..1; here that is the target key.
    proposals = report["proposed_keys"]
    for item_id, by_option_score in proposals.items():
        means = {
            o["option"]: statistics.mean(by_option[(item_id, o["option"])])
            for o in next(i for i in report["items"] if i["item"] == item_id)["options"]
        }
        ranked = sorted(means, key=means.get, reverse=True)
        if len(set(means.values())) == len(means):
            assert [by_option_score[o] for o in ranked] == [5, 4, 3, 2, 1]
    assert len(proposals) == 14
    reversed_items = [
        i.id
        for i in bank_2_0.items.values()
        if i.is_situational and panel_prefers(bank_2_0, i.id) != {o.id: o.score for o in i.options}
    ]
    disputed = set(report["disputed"])
    assert set(reversed_items) <= disputed
    for item in report["items"]:
        if item["item"] in reversed_items:
            assert "best-differs" in item["reasons"] and "worst-differs" in item["reasons"]

    # The copy validates, loads, and its keys are the panel's.
    assert runner.invoke(app, ["bank", "validate", str(keys)]).exit_code == 0
    rekeyed = load_bank(keys)
    for item_id, scores in proposals.items():
        assert {o.id: o.score for o in rekeyed.items[item_id].options} == scores
    # Only score lines changed: every comment and every other line is as it was.
    original = Path(resolve_bank_path(bank_2_0)).read_text(encoding="utf-8").splitlines()
    written = keys.read_text(encoding="utf-8").splitlines()
    assert len(original) == len(written)
    changed = [(a, b) for a, b in zip(original, written, strict=True) if a != b]
    assert changed and all(a.strip().startswith("score = ") for a, _ in changed)
    assert all(b.strip().startswith("score = ") for _, b in changed)
    assert "wrote" in result.stderr or "menulis" in result.stderr
    assert "bank diff" in result.stderr


def resolve_bank_path(bank) -> Path:
    from asn_assess.core.bank import bundled_banks

    return next(b.path for b in bundled_banks() if (b.id, b.version) == (bank.id, bank.version))


def test_files_per_expert_are_merged_and_reports_in_every_format(tmp_path):
    paths = []
    for expert in range(3):
        out = tmp_path / f"blank-{expert}.xlsx"
        assert panel("export", "--bank", BANK, "--raters", "1", "-o", str(out)).exit_code == 0
        book = openpyxl.load_workbook(out)
        sheet = book.worksheets[1]
        sheet["F1"] = f"Ahli {'ABC'[expert]}"
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, 6, 1 + (row + expert) % 5)
        book.save(tmp_path / f"ahli-{expert}.xlsx")
        paths.append(str(tmp_path / f"ahli-{expert}.xlsx"))
    text = panel("analyze", *paths)
    assert text.exit_code == 0, text.stderr
    assert "3 ahli" in text.stdout and "lebih kecil daripada 8" in text.stdout
    assert "r_wg" in text.stdout and "Butir yang perlu dibahas" in text.stdout
    md = panel("analyze", *paths, "-o", str(tmp_path / "r.md"))
    assert md.exit_code == 0, md.stderr
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Panel ahli")
    html = panel("analyze", *paths, "-f", "html")
    assert html.stdout.startswith("<!DOCTYPE html>")
    table = list(csv.DictReader(io.StringIO(panel("analyze", *paths, "-f", "csv").stdout)))
    assert len(table) == 70 and table[0]["item"] == "disiplin-s1"
    assert {"mean", "sd", "rwg", "agrees", "proposed_score", "reasons"} <= set(table[0])
    english = panel("analyze", *paths, env={"ASN_ASSESS_LANG": "en"})
    assert "3 experts gave 210 ratings" in english.stdout


def test_agreement_cut_off_is_decided_exactly(small_bank):
    """Eleven ratings with variance 0.6: r_wg = 1 - 0.6/2 = 0.70 exactly, which agrees."""
    from asn_assess.panel.ratings import PanelRatings

    values = [2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4]
    ratings = PanelRatings(raters=[f"r{n}" for n in range(11)], items=["a1-s"])
    for option, shift in (("x", 1), ("y", 0), ("z", -1)):
        ratings.ratings[("a1-s", option)] = {f"r{n}": v + shift for n, v in enumerate(values)}
    ratings.ratings[("a1-s", "z")]["r0"] = 5  # z disagrees
    analysis = analyse_panel(small_bank, ratings)
    (item,) = analysis.items
    x, y, z = item.options
    assert x.rwg == pytest.approx(0.7) and x.agrees is True
    assert z.agrees is False
    # Three options on a five-point scale: each gets the point nearest its mean.
    assert (x.proposed_score, y.proposed_score) == (4, 3)
    assert (item.panel_best, item.panel_worst) == ("x", "z")
    assert item.reasons == ("low-agreement",)


def test_write_keys_edits_inline_options_and_never_a_text(small_bank_text):
    text = small_bank_text.replace(
        'scenario = { id = "Sebuah situasi." }',
        'scenario = { id = "Tulis score = 3 di sini." } # score = 4 dalam komentar',
    )
    assert len(score_spans(text)) == 3
    written = rekeyed_text(text, "small.toml", {"a1-s": {"x": 3, "y": 5, "z": 1}})
    assert "score = 3 di sini" in written and "# score = 4 dalam komentar" in written
    assert '{ id = "x", score = 3,' in written and '{ id = "y", score = 5,' in written
    assert written.replace("score = 3,", "score = 5,", 1).count("\n") == text.count("\n")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.__setitem__("A3", "tidak-ada-s9"), "Penilaian!A3: 'tidak-ada-s9' bukan butir"),
        (
            lambda s: s.__setitem__("D3", "q"),
            "Penilaian!D3: butir disiplin-s1 tidak punya pilihan 'q'",
        ),
        (lambda s: s.__setitem__("G4", 7), "Penilaian!G4: '7' bukan nilai"),
        (lambda s: s.__setitem__("G5", "baik"), "Penilaian!G5: 'baik' bukan nilai"),
        (lambda s: s.__setitem__("G6", 2.5), "Penilaian!G6: '2.5' bukan nilai"),
        (
            lambda s: s.__setitem__("D3", "a"),
            "Penilaian!D3: pilihan a butir disiplin-s1 sudah ada di baris 2",
        ),
        (lambda s: s.delete_rows(4), "butir disiplin-s1 tidak lengkap: baris pilihan c tidak ada"),
        (
            lambda s: s.__setitem__("H1", "Penilai 8"),
            "Penilaian!H1: kolom penilai 'Penilai 8' tidak berisi",
        ),
        (lambda s: s.__setitem__("P9", 3), "Penilaian!P9: ada nilai di kolom tanpa judul"),
        (lambda s: s.__setitem__("F1", "Penilai 2"), "Penilaian!G1: penilai 'Penilai 2' sudah ada"),
    ],
)
def test_bad_rating_files_give_one_located_line_each_and_write_nothing(
    tmp_path, form, edit, message
):
    filled = fill(form, tmp_path / "f.xlsx", lambda i, o, e: 3, raters=2)
    book = openpyxl.load_workbook(filled)
    edit(book.worksheets[1])
    book.save(filled)
    keys = tmp_path / "k.toml"
    result = panel("analyze", str(filled), "--write-keys", str(keys))
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert any(message in line for line in lines), result.stderr
    assert all(line.startswith("galat: ") for line in lines)
    assert result.stdout == "" and not keys.exists()


def test_files_that_cannot_be_used_together(tmp_path, form, bank_2_0):
    one = fill(form, tmp_path / "one.xlsx", lambda i, o, e: 3, raters=2)
    # The same file twice, and the same expert names in two files.
    twice = panel("analyze", str(one), str(one))
    assert twice.exit_code == 1 and "sudah disebut" in twice.stderr
    two = fill(form, tmp_path / "two.xlsx", lambda i, o, e: 4, raters=2)
    same_names = panel("analyze", str(one), str(two))
    assert same_names.exit_code == 1
    assert "two.xlsx:Penilaian!F1: penilai 'Penilai 1' sudah ada di " in same_names.stderr
    # A form made from 2.0.0 analysed against another version.
    other = panel("analyze", str(one), "--bank", "asn-profesional@1.0.0")
    assert other.exit_code == 1 and "dibuat dari asn-profesional@2.0.0" in other.stderr
    # A CSV with no header row, and a file that is not there.
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert "tidak ada baris judul" in panel("analyze", str(tmp_path / "x.csv")).stderr
    assert "berkas tidak ada" in panel("analyze", str(tmp_path / "nope.xlsx")).stderr


def test_ratings_saved_as_csv_are_read(tmp_path, bank_2_0):
    rows = [["Item", "Option", "Ani", "Budi"]]
    for item in bank_2_0.items.values():
        if item.is_situational:
            rows += [[item.id, o.id, str(o.score), str(o.score)] for o in item.options]
    path = tmp_path / "ratings.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    ratings = read_ratings([path], bank_2_0)
    assert ratings.raters == ["Ani", "Budi"] and ratings.count == 140
    analysis = analyse_panel(bank_2_0, ratings)
    assert analysis.disputed == []  # full agreement with the bank's key
    assert all(not item.rekeyed for item in analysis.items)
    with pytest.raises(RatingsError):
        read_ratings([path, tmp_path / "missing.csv"], bank_2_0)


def test_command_refusals(tmp_path, form):
    assert panel("export").exit_code == 2
    assert panel("export", "--raters", "0", "-o", str(tmp_path / "p.xlsx")).exit_code == 2
    exists = panel("export", "--bank", BANK, "-o", str(form))
    assert exists.exit_code == 2 and "--force" in exists.stderr
    assert panel("analyze", str(form), "--write-keys", str(tmp_path / "k.txt")).exit_code == 2
    assert panel("analyze", str(form), "-f", "xml").exit_code == 2
    # The form itself is never the output.
    assert panel("analyze", str(form), "-o", str(form)).exit_code == 2


def test_a_bank_without_situational_items_has_nothing_to_rate(tmp_path, small_bank_text):
    start = small_bank_text.index('[[pillars.indicators.items]]\nid = "a1-s"')
    end = small_bank_text.index("\n]\n", start) + 3
    path = tmp_path / "no-situations.toml"
    path.write_text(small_bank_text[:start] + small_bank_text[end:], encoding="utf-8")
    assert not any(i.is_situational for i in load_bank(path).items.values())
    result = panel("export", "--bank", str(path), "-o", str(tmp_path / "p.xlsx"))
    assert result.exit_code == 1 and "tidak punya butir situasi" in result.stderr
    assert not (tmp_path / "p.xlsx").exists()
