"""One language at a time: every command's Indonesian output (help, reports, messages,
warnings and errors) holds none of a list of common English words; numbers carry the
Indonesian separators; text read by programs or pasted elsewhere has no spaces at the
ends of its lines; and help never breaks a command or option name at its hyphen.

Machine output (JSON, CSV, JSON Lines) keeps its English keys and is not scanned; data
(file paths, item ids, option names) is taken out before the words are read.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.documents import Respondent
from conftest import REPO, full_result
from test_interface_language import ALL_COMMANDS

ENGLISH = {
    # the words people met in Indonesian sessions
    "Wrote",
    "rows",
    "summary",
    "ratings",
    "Empty",
    # and the most common English words of messages
    "the",
    "and",
    "of",
    "to",
    "is",
    "are",
    "was",
    "with",
    "without",
    "for",
    "from",
    "not",
    "cannot",
    "could",
    "file",
    "files",
    "error",
    "warning",
    "saved",
    "written",
    "found",
    "invalid",
    "missing",
    "expected",
    "must",
    "please",
    "row",
    "column",
    "Usage",
    "Options",
    "Example",
    "default",
    "required",
}
TEMPORARY = re.compile(r"/tmp/\S+|[A-Za-z]:\\\S+")
NOT_WORDS = re.compile(
    r"`[^`]*`"  # commands and code
    r"|'[^']*'"  # quoted data: ids, column names, values
    r"|--?[A-Za-z][\w-]*"  # options
    r"|\S*[/\\.:=_@]\S*"  # paths, file names, ids with dots, keys, e-mail
    r"|\b[A-Z][A-Z0-9_|]+\b"  # metavars, variables, abbreviations
)


def english_words(text: str, *data: str) -> set[str]:
    """The words of ``ENGLISH`` in ``text``, once ``data`` and code are taken out."""
    for value in data:
        text = text.replace(value, " ")
    text = NOT_WORDS.sub(" ", TEMPORARY.sub(" ", text))
    return {word for word in re.findall(r"[A-Za-z]+", text) if word in ENGLISH}


def test_the_scan_finds_what_it_looks_for():
    assert english_words("Wrote laporan.md") == {"Wrote"}
    assert english_words("7,532 rows; Empty CSV file") == {"rows", "Empty", "file"}
    assert english_words("Ditulis: /tmp/x/the-file.md --summary FILE 'summary'") == set()


@pytest.fixture
def indonesian(monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "id")
    monkeypatch.delenv("ASN_ASSESS_BROWSER", raising=False)


def run(home: Path, *args: str, input: str | None = None):
    result = CliRunner().invoke(app, list(args), env={"ASN_ASSESS_HOME": str(home)}, input=input)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "app")
def test_every_help_page_is_indonesian(path, tmp_path, indonesian):
    page = run(tmp_path, *path, "--help").stdout
    assert english_words(page) == set(), page
    # Never broken at a hyphen inside a name, at any width.
    for width in ("40", "60", "80"):
        narrow = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": width}).stdout
        assert not re.search(r"[A-Za-z0-9]-\n", narrow), narrow


def test_every_command_speaks_indonesian(tmp_path, indonesian, bundled_bank):
    """A day of work in Bahasa Indonesia: a session, reports, history, batch, analysis,
    a 360-degree round, forms, banks, and the mistakes people make."""
    from multirater_helpers import generated_round, write_round
    from test_session import typed_answers

    home = tmp_path / "home"
    outputs: list[tuple[str, str]] = []

    def keep(*args: str, input: str | None = None, scan_stdout: bool = True) -> None:
        result = run(home, *args, input=input)
        outputs.append((" ".join(args), result.stderr))
        if scan_stdout:
            outputs.append((" ".join(args) + " (stdout)", result.stdout))

    siti = Respondent(name="Siti Aminah", unit="BKPSDM")
    source = tmp_path / "hasil.json"
    source.write_text(full_result(bundled_bank, "id", respondent=siti).model_dump_json())
    answers = "\n".join(["Siti Aminah", "", "", "", *typed_answers()]) + "\n"
    keep("start", input=answers)
    keep("start", "--no-profile", input="4\nq\n")
    keep("start", "--resume", "--no-profile", input=answers)
    keep("score", str(REPO / "docs" / "examples" / "jawaban.json"))
    keep("report", str(source))
    keep("report", str(source), "--format", "md")
    keep("report", str(source), "-o", str(tmp_path / "laporan.md"))
    keep("report", str(source), "-o", str(tmp_path / "laporan.xlsx"))
    english = tmp_path / "result-en.json"  # taken in English: the report is, the messages not
    english.write_text(full_result(bundled_bank, "en").model_dump_json(), encoding="utf-8")
    keep("report", str(english), "-o", str(tmp_path / "report-en.md"), scan_stdout=False)
    keep("report", "--last", "--all-actions")
    keep("history", "list")
    keep("history", "show", "last")
    keep("history", "compare", "1", "2")
    keep("history", "export", "-o", str(tmp_path / "riwayat.csv"))
    keep("history", "delete", "1", input="t\n")

    keep("template", "batch", "-o", str(tmp_path / "kosong.csv"))
    keep("batch", str(tmp_path / "kosong.csv"), "-o", str(tmp_path / "nol.csv"))
    keep("analyze", str(tmp_path / "kosong.csv"))
    (tmp_path / "hampa.csv").write_text("", encoding="utf-8")
    keep("batch", str(tmp_path / "hampa.csv"))
    data = filled_table(tmp_path / "jawaban.csv", tmp_path / "kosong.csv", bundled_bank)
    keep("batch", str(data), "-o", str(tmp_path / "skor.csv"), "--summary-by", "unit")
    keep("batch", str(data), "-o", str(tmp_path / "skor.xlsx"))
    keep("analyze", str(data))
    keep("batch", str(tmp_path / "tidak-ada.csv"))

    sheets = generated_round(bundled_bank, random.Random(5), targets=2)
    ratings = write_round(tmp_path / "putaran.csv", bundled_bank, sheets)
    keep("multirater", str(ratings))
    keep("multirater", str(ratings), "--summary", str(tmp_path / "ringkasan.xlsx"))
    keep("template", "multirater", "-o", str(tmp_path / "penilaian.xlsx"))
    keep("multirater", str(tmp_path / "penilaian.xlsx"))

    keep("codebook", "-o", str(tmp_path / "buku.csv"))
    keep("form", "export", "-o", str(tmp_path / "formulir.xlsx"))
    keep("bank", "list")
    keep("bank", "show")
    keep("bank", "diff", "asn-profesional@1.0.0", "asn-profesional")
    keep("bank", "template", "-o", str(tmp_path / "bank.toml"))
    keep("bank", "validate", str(tmp_path / "bank.toml"))
    keep("config", "language")
    keep("report", str(tmp_path / "tidak-ada.json"))
    keep("start", "--role", "direktur")

    everything = "\n".join(text for _, text in outputs)
    for seen in ("Skor keseluruhan", "dibaca", "galat:", "Ditulis", "Responden", "Pilar"):
        assert seen in everything, seen  # the run reached every kind of output
    found = {command: english_words(text) for command, text in outputs}
    assert {command: words for command, words in found.items() if words} == {}

    from openpyxl import load_workbook

    for book in ("ringkasan.xlsx", "penilaian.xlsx", "skor.xlsx"):
        names = load_workbook(tmp_path / book, read_only=True).sheetnames
        assert not {word for name in names for word in re.findall(r"[A-Za-z]+", name)} & {
            "summary",
            "ratings",
            "results",
            "rejected",
        }, (book, names)


def filled_table(path: Path, template: Path, bank, rows: int = 40) -> Path:
    """The batch template filled with ``rows`` varied respondents in two units, one row
    with a bad answer."""
    import csv

    header = template.read_text("utf-8").splitlines()[0].split(",")
    pick = random.Random(11)
    lines = [header]
    for number in range(rows):
        row = []
        for column in header:
            if column == "respondent_id":
                row.append(f"R{number}")
            elif column == "unit":
                row.append("Bagian Umum" if number % 2 else "Bagian Keuangan")
            elif column == "role":
                row.append("")
            elif bank.items[column].is_situational:
                row.append(pick.choice("abcde"))
            else:
                row.append(str(pick.randint(1, 5)))
        lines.append(row)
    lines[5][4] = "99"  # one answer that is no answer: a rejected row
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(lines)
    return path


def test_numbers_carry_the_separators_of_the_interface_language(tmp_path, monkeypatch):
    from asn_assess.core.i18n import format_count, t

    assert format_count(7532, "id") == "7.532" and format_count(7532, "en") == "7,532"
    assert format_count(999, "id") == "999"
    assert "1.217" in t("batch.progress_rows", "id", rows=format_count(1217, "id"))
    # Every whole number in a message, but for ids a person types back.
    assert t("history.deleted", "id", count=1500, files=2) == "Dihapus: 1.500 hasil, 2 berkas."
    assert t("history.deleted", "en", count=1500, files=2) == "Deleted: 1,500 results, 2 files."
    assert "1234" in t("history.no_entry", "id", id=1234)


def test_the_batch_counter_writes_its_rows_in_the_interface_language(monkeypatch):
    import io

    import asn_assess.cli.batch as batch_cli

    screen = io.StringIO()

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    from rich.console import Console

    monkeypatch.setattr(
        batch_cli, "stderr_console", lambda: Console(file=screen, force_terminal=True, width=60)
    )
    monkeypatch.setattr(batch_cli.sys, "stderr", Terminal())
    for language, shown in (("id", "7.532 baris"), ("en", "7,532 rows")):
        monkeypatch.setenv("ASN_ASSESS_LANG", language)
        with batch_cli.row_counter() as update:
            assert update is not None
            update(7532)
            batch_cli_refresh = screen.getvalue()
        assert shown in batch_cli_refresh or shown in screen.getvalue()


def test_piped_text_has_no_trailing_spaces(tmp_path, bundled_bank):
    source = tmp_path / "hasil.json"
    siti = Respondent(name="Siti Aminah")
    source.write_text(full_result(bundled_bank, "id", respondent=siti).model_dump_json())
    home = tmp_path / "home"
    (home / "results").mkdir(parents=True)
    (home / "results" / "a.json").write_text(source.read_text("utf-8"), encoding="utf-8")
    for args in (
        ["report", str(source)],
        ["report", str(source), "--format", "text"],
        ["report", str(source), "--format", "md"],
        ["score", str(REPO / "docs" / "examples" / "jawaban.json")],
        ["history", "list"],
        ["history", "compare", "1", "1"],
        ["bank", "show"],
        ["--help"],
    ):
        out = run(home, *args).stdout
        assert out.strip(), args
        assert [line for line in out.splitlines() if line != line.rstrip(" ")] == [], args


def test_a_prompt_keeps_its_space_until_the_answer_follows():
    import io

    from asn_assess.reports.console import TrailingSpaceTrimmer

    out = io.StringIO()
    trimmed = TrailingSpaceTrimmer(out)
    trimmed.write("Jawaban: ")
    trimmed.flush()
    assert out.getvalue() == "Jawaban:"
    trimmed.write("4\n  a  \nb   ")
    trimmed.write("\n")
    assert out.getvalue() == "Jawaban: 4\n  a\nb\n"
