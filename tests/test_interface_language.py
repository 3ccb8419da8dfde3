"""One interface language for every message and help text: `--lang` before the command,
a command's own `--lang`, `$ASN_ASSESS_LANG`, the configuration file, else Bahasa
Indonesia; help, metavars, completion, `bank list` and the report's width."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.cli.localized import TYPER_TEXTS
from asn_assess.core.i18n import messages, t

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src" / "asn_assess"

runner = CliRunner()


def invoke(*args: str, env: dict[str, str | None] | None = None):
    environment: dict[str, str | None] = {"ASN_ASSESS_LANG": None}
    environment.update(env or {})
    return runner.invoke(app, list(args), env=environment, prog_name="asn-assess")


@pytest.fixture(autouse=True)
def no_configuration_file(tmp_path, monkeypatch):
    """No user's own configuration file changes what these tests see."""
    monkeypatch.setenv("ASN_ASSESS_CONFIG", str(tmp_path / "config.toml"))


def command_paths(command=None, prefix=()):
    """Every command path of the app, depth first."""
    command = command or typer.main.get_command(app)
    yield prefix, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, (*prefix, name))


ALL_COMMANDS = [path for path, _ in command_paths()]


# --- choosing the language ---------------------------------------------------------------


def test_indonesian_is_the_default_and_every_other_way_chooses_english():
    default = invoke("--help")
    assert default.exit_code == 0
    assert "Pemakaian: asn-assess" in default.stdout and "Perintah" in default.stdout
    for english in (
        invoke("--lang", "en", "--help"),
        invoke("--lang", "EN", "--help"),  # codes are read without regard to case
        invoke("--help", env={"ASN_ASSESS_LANG": "En"}),
    ):
        assert english.exit_code == 0, english.stderr
        assert "Usage: asn-assess" in english.stdout and "Commands" in english.stdout


def test_lang_before_a_command_sets_its_help_and_its_messages():
    help_page = invoke("--lang", "en", "batch", "--help")
    assert help_page.exit_code == 0
    assert "Score many respondents" in help_page.stdout
    missing = invoke("--lang", "en", "batch", "nope.csv")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: nope.csv")
    indonesian = invoke("batch", "nope.csv")
    assert indonesian.stderr.startswith("galat: nope.csv")


def test_the_command_line_comes_before_the_environment_and_the_file(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('language = "en"\n', encoding="utf-8")
    assert "Usage:" in invoke("--help").stdout  # the file alone
    assert "Pemakaian:" in invoke("--help", env={"ASN_ASSESS_LANG": "id"}).stdout
    assert "Pemakaian:" in invoke("--lang", "id", "--help").stdout
    both = invoke("--lang", "en", "--help", env={"ASN_ASSESS_LANG": "id"})
    assert "Usage:" in both.stdout


def test_a_commands_own_lang_is_the_interface_language_of_its_run(tmp_path):
    ran = invoke("analyze", str(tmp_path / "nope.csv"), "--lang", "EN")
    assert ran.exit_code == 1
    assert ran.stderr.startswith("error: ")


def test_an_unknown_language_is_a_usage_error_and_a_bad_setting_a_warning(tmp_path):
    refused = invoke("--lang", "fr", "bank", "list")
    assert refused.exit_code == 2
    assert refused.stderr.startswith("galat: --lang: bahasa 'fr' tidak dikenal")
    warned = invoke("bank", "list", env={"ASN_ASSESS_LANG": "jv"})
    assert warned.exit_code == 0
    assert "peringatan: $ASN_ASSESS_LANG: bahasa 'jv' tidak dikenal" in warned.stderr
    (tmp_path / "config.toml").write_text('language = "fr"\n', encoding="utf-8")
    from_file = invoke("bank", "list")
    assert from_file.exit_code == 0 and "config.toml: language = 'fr'" in from_file.stderr


def test_config_language_keeps_the_setting_and_says_where_it_comes_from(tmp_path):
    before = invoke("config", "language")
    assert before.exit_code == 0 and before.stdout.startswith("id\tbawaan")
    saved = invoke("config", "language", "EN")
    assert saved.exit_code == 0, saved.stderr
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == 'language = "en"\n'
    after = invoke("config", "language")
    assert after.stdout == f"en\tfrom {tmp_path / 'config.toml'}\n"
    assert "Usage:" in invoke("--help").stdout
    overridden = invoke("config", "language", env={"ASN_ASSESS_LANG": "id"})
    assert overridden.stdout.startswith("id\tdari variabel lingkungan $ASN_ASSESS_LANG")
    assert invoke("config", "language", "fr").exit_code == 2


# --- help -----------------------------------------------------------------------------------


def test_every_help_text_is_a_key_of_the_catalogue():
    """No help is written as a literal: each has both languages, and a new option
    written in English only fails here."""
    catalogue = messages()
    literal = []
    for path, command in command_paths():
        if command.help not in catalogue:
            literal.append((path, "help", command.help))
        for param in command.params:
            text = getattr(param, "help", None)
            if text and text not in catalogue and text not in TYPER_TEXTS:
                literal.append((path, param.name, text))
    assert literal == []


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=lambda p: " ".join(p) or "app")
def test_help_is_written_in_each_language_with_plain_metavars(path):
    pages = {}
    for language in ("id", "en"):
        page = invoke("--lang", language, *path, "--help")
        assert page.exit_code == 0, page.stderr
        pages[language] = page.stdout
    assert pages["id"] != pages["en"]
    assert "Pemakaian:" in pages["id"] and "Usage:" in pages["en"]
    english_only = {"Show this message and exit.", "[default:", "required]", "Options:"}
    assert not [words for words in english_only if words in pages["id"]]
    for noise in ("<list[", "<str>", "<int>", "<path>", "{", "[[", "...]..."):
        assert noise not in pages["en"], (noise, pages["en"])


def test_the_command_list_shows_every_description_whole():
    for language in ("id", "en"):
        page = invoke("--lang", language, "--help").stdout
        commands = page.split(t("help.commands", language))[1]
        assert "..." not in commands
        # one line each at 80 columns: the description is never wrapped or cut
        assert all(re.match(r"  [a-z]+ +\S", line) for line in commands.strip("\n:").splitlines())
        assert t("help.batch.short", language) in " ".join(commands.split())
        assert t("help.bank_group.short", language) in " ".join(commands.split())


def test_help_uses_keys_that_exist():
    """Every key written as a literal in the source (``say("...")``, ``t("...", ...)``,
    ``w("...")`` of the agency report's words, ``help="..."``) is in the catalogue."""
    catalogue = messages()
    pattern = re.compile(r"""(?:\bsay|\bt|\bw)\(\s*"([a-z][\w.-]*)"|help="([a-z][\w.-]*)\"""")
    missing = []
    for path in SOURCE.rglob("*.py"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            key = match.group(1) or match.group(2)
            if "." in key.rstrip(".") and key not in catalogue:  # "action." + kind: a prefix
                missing.append((path.name, key))
    assert missing == []


def test_completion_script_for_bash_is_shown():
    shown = invoke("--show-completion", "bash")
    assert shown.exit_code == 0, shown.stderr
    assert "_ASN_ASSESS_COMPLETE=complete_bash" in shown.stdout
    assert "complete -o default -F _asn_assess_completion asn-assess" in shown.stdout


def test_completion_installs_for_bash_in_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    installed = invoke("--install-completion", "bash", env={"HOME": str(tmp_path)})
    assert installed.exit_code == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "asn-assess.sh"
    assert "_ASN_ASSESS_COMPLETE" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_completion_offers_commands_and_the_kinds_of_template():
    def complete(words: str) -> list[str]:
        environment = {
            "_ASN_ASSESS_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        return invoke(env=environment).stdout.split()

    assert complete("asn-assess ba") == ["batch", "bank"]
    assert complete("asn-assess template ") == ["batch", "multirater"]
    assert complete("asn-assess config language ") == ["id", "en"]


# --- bank list --------------------------------------------------------------------------------


def test_bank_list_when_piped_is_one_tab_separated_line_per_bank(bundled_bank):
    listed = invoke("bank", "list")
    assert listed.exit_code == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    assert header.split("\t") == ["id", "version", "title", "pillars", "indicators", "items"]
    row = next(
        r.split("\t") for r in rows if r.startswith(f"{bundled_bank.id}\t{bundled_bank.version}")
    )
    assert row[2] == bundled_bank.text(bundled_bank.title, "id")  # as `bank show` shows it
    assert row[3:] == [
        str(len(bundled_bank.pillars)),
        str(bundled_bank.indicator_count),
        str(bundled_bank.item_count),
    ]
    english = invoke("--lang", "en", "bank", "list").stdout
    assert bundled_bank.text(bundled_bank.title, "en") in english


def test_bank_list_json_lists_every_bank(bundled_bank):
    listed = invoke("bank", "list", "--json", env={"ASN_ASSESS_LANG": "en"})
    assert listed.exit_code == 0
    banks = json.loads(listed.stdout)
    newest = next(
        b for b in banks if (b["id"], b["version"]) == (bundled_bank.id, bundled_bank.version)
    )
    assert newest == {
        "id": bundled_bank.id,
        "version": bundled_bank.version,
        "title": bundled_bank.text(bundled_bank.title, "en"),
        "pillars": len(bundled_bank.pillars),
        "indicators": bundled_bank.indicator_count,
        "items": bundled_bank.item_count,
    }


def test_bank_list_on_a_terminal_keeps_each_bank_on_one_line_above_its_title(bundled_bank):
    from asn_assess.reports.bank_views import bank_list_rows, bank_list_view

    rows = bank_list_rows([bundled_bank], "id")
    title = bundled_bank.text(bundled_bank.title, "id")
    console = Console(width=80, record=True, color_system=None)
    console.print(bank_list_view(rows, "id"))
    assert [line.rstrip() for line in console.export_text().splitlines()] == [
        f"{bundled_bank.id} {bundled_bank.version}  {len(bundled_bank.pillars)} pilar, "
        f"{bundled_bank.indicator_count} indikator, {bundled_bank.item_count} butir",
        f"  {title}",
    ]
    narrow = Console(width=40, record=True, color_system=None)
    narrow.print(bank_list_view(rows, "id"))
    lines = narrow.export_text().splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 40
    assert title.split()[-1] in lines[-1] and lines[-1].startswith("  ")


# --- the report's width ----------------------------------------------------------------------


def report_lines(bank, width: int) -> list[str]:
    from tests.conftest import full_result

    from asn_assess.reports.rich_report import result_report

    console = Console(width=width, record=True, color_system=None, markup=False)
    console.print(result_report(bank, full_result(bank), "id"))
    return [line.rstrip() for line in console.export_text().splitlines()]


@pytest.mark.parametrize("width", [40, 80, 200])
def test_the_report_is_readable_from_40_columns_and_no_wider_than_100(bundled_bank, width):
    lines = report_lines(bundled_bank, width)
    assert max(len(line) for line in lines) <= min(width, 100)
    # No word is cut into pieces: every indicator's words appear whole somewhere.
    words = set(" ".join(lines).split())
    for pillar in bundled_bank.pillars:
        for indicator in pillar.indicators:
            for word in bundled_bank.text(indicator.title, "id").split():
                assert word in words, (width, word)
    fragments = [line for line in lines if 0 < len(line.strip()) <= 2]
    assert fragments == []  # the one-letter-per-line column of narrow tables


def test_at_80_columns_the_summary_keeps_its_bars(bundled_bank):
    assert any("█" in line and "Berkembang" in line for line in report_lines(bundled_bank, 80))
    narrow = report_lines(bundled_bank, 40)
    assert not any("░" in line for line in narrow[4:])  # only the overall line has a bar


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (
            ["batch", "--frobnicate"],
            "opsi tidak dikenal: --frobnicate",
            "no such option: --frobnicate",
        ),
        (["batch"], "argumen 'INPUT' belum diberikan", "missing argument 'INPUT'"),
        (
            ["bankk"],
            "perintah tidak dikenal: 'bankk' (maksudnya 'bank'?)",
            "no such command: 'bankk'",
        ),
        (["template", "batch", "x"], "argumen berlebih: x", "unexpected extra argument(s): x"),
        (["batch", "-o"], "opsi -o memerlukan nilai", "option -o needs a value"),
    ],
)
def test_the_parsers_own_errors_are_in_the_interface_language(args, indonesian, english):
    said = invoke(*args)
    assert said.exit_code == 2
    assert f"galat: {indonesian}" in said.stderr and "Error" not in said.stderr
    said = invoke("--lang", "en", *args)
    assert said.exit_code == 2
    assert f"error: {english}" in said.stderr
