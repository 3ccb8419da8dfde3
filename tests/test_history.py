"""The history (store/history.py): round trips, migrations, importing result files,
locked and damaged databases; comparison arithmetic; the history commands."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.documents import Respondent, Result, parse_result
from asn_assess.reports.compare import compare_results
from asn_assess.store import UserData
from asn_assess.store.history import DATABASE_NAME, MIGRATIONS, History, HistoryError
from conftest import full_result

runner = CliRunner()


@pytest.fixture
def english(monkeypatch):
    """Messages of the library in English."""
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")


def result_at(bank, when: str, shift: int = 0, role=None, respondent=None) -> Result:
    """A full result finished at ``when``; ``shift`` moves scale answers up by that much."""
    result = full_result(bank, role=role)
    if shift:
        from asn_assess.core.documents import AnswerSheet
        from asn_assess.core.scoring import score

        answers = {
            k: (min(v + shift, 5) if isinstance(v, int) else v) for k, v in result.answers.items()
        }
        sheet = AnswerSheet(bank_id=bank.id, bank_version=bank.version, role=role, answers=answers)
        result = score(bank, sheet)
    update = {"finished_at": datetime.fromisoformat(when), "respondent": respondent}
    return result.model_copy(update=update)


def save_file(folder: Path, result: Result, name: str) -> Path:
    path = folder / "results" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.model_dump_json(), encoding="utf-8")
    return path


# --- the database ---------------------------------------------------------------------------


def test_round_trip(tmp_path, bundled_bank):
    result = result_at(bundled_bank, "2026-01-02T03:04:05+00:00")
    with History(tmp_path) as history:
        entry_id = history.add(result)
        [entry] = history.entries()
        assert entry.id == entry_id
        assert (entry.bank_id, entry.bank_version) == (bundled_bank.id, bundled_bank.version)
        assert entry.overall == result.overall.score and entry.band == result.overall.band
        assert entry.finished_at.isoformat() == "2026-01-02T03:04:05+00:00"
        assert history.result(entry_id) == result
        assert history.result(entry_id + 1) is None
    connection = sqlite3.connect(tmp_path / DATABASE_NAME)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    indexes = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {"results_by_time", "results_by_bank"} <= indexes


def test_a_v0_database_is_migrated_and_old_result_files_imported_once(tmp_path, bundled_bank):
    sqlite3.connect(tmp_path / DATABASE_NAME).close()  # an empty database: user_version 0
    older = result_at(bundled_bank, "2025-06-01T08:00:00+00:00")
    newer = result_at(bundled_bank, "2025-07-01T08:00:00+00:00", shift=1)
    save_file(tmp_path, newer, "asn-profesional-20250701-080000.json")
    save_file(tmp_path, older, "asn-profesional-20250601-080000.json")
    (tmp_path / "results" / "broken.json").write_text("{not json", encoding="utf-8")
    with History(tmp_path) as history:
        assert history.version == len(MIGRATIONS)
        assert [e.overall for e in history.entries()] == [older.overall.score, newer.overall.score]
        assert [p.where for p in history.skipped] == [f"{tmp_path / 'results' / 'broken.json'}:1:2"]
        assert history.import_files() == 0
    with History(tmp_path) as history:  # opening again imports nothing twice
        assert len(history.entries()) == 2


def test_migrations_bring_an_older_layout_up_to_date_keeping_rows(
    tmp_path, bundled_bank, monkeypatch
):
    result = result_at(bundled_bank, "2026-01-01T00:00:00+00:00")
    with History(tmp_path) as history:
        history.add(result)
    step = (
        "ALTER TABLE results ADD COLUMN note TEXT; CREATE INDEX results_by_note ON results (note)"
    )
    monkeypatch.setattr("asn_assess.store.history.MIGRATIONS", (*MIGRATIONS, step))
    with History(tmp_path) as history:
        assert history.version == len(MIGRATIONS) + 1
        assert history.result(history.entries()[0].id) == result
        columns = [row[1] for row in history.connection.execute("PRAGMA table_info(results)")]
        assert "note" in columns


def test_a_database_from_a_newer_version_is_refused(tmp_path, english):
    connection = sqlite3.connect(tmp_path / DATABASE_NAME)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    connection.close()
    with pytest.raises(HistoryError, match="newer asn-assess"):
        History(tmp_path).open()


def test_a_locked_database_gives_a_clear_error_and_the_file_joins_later(
    tmp_path, bundled_bank, english
):
    with History(tmp_path):
        pass  # created
    blocker = sqlite3.connect(tmp_path / DATABASE_NAME, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    store = UserData(tmp_path)
    saved = store.save_result(result_at(bundled_bank, "2026-02-02T00:00:00+00:00"))
    with pytest.raises(HistoryError) as caught:
        History(tmp_path, timeout=0.05).open()
    assert caught.value.problems[0].where == str(tmp_path / DATABASE_NAME)
    assert "locked by another program" in caught.value.problems[0].message
    assert saved.exists()
    blocker.execute("ROLLBACK")
    blocker.close()
    with History(tmp_path) as history:
        assert [e.file for e in history.entries()] == [saved.name]


def test_a_damaged_database_is_named_and_nothing_is_lost(tmp_path, bundled_bank):
    (tmp_path / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(HistoryError) as caught:
        History(tmp_path).open()
    problem = caught.value.problems[0]
    assert problem.where == str(tmp_path / DATABASE_NAME)
    assert (
        "damaged" in problem.message
        and "rebuilt from the result files" in (problem.message)
        or "dibangun ulang" in problem.message
    )


def test_delete_removes_rows_and_files(tmp_path, bundled_bank):
    store = UserData(tmp_path)
    saved = store.save_result(result_at(bundled_bank, "2026-02-02T00:00:00+00:00"))
    saved.with_suffix(".html").write_text("<html></html>", encoding="utf-8")
    with History(tmp_path) as history:
        [entry] = history.entries()
        removed = history.delete([entry.id])
        assert sorted(removed) == sorted([saved, saved.with_suffix(".html")])
        assert history.entries() == []
    assert not saved.exists()
    with History(tmp_path) as history:  # nothing comes back
        assert history.entries() == []


# --- comparison arithmetic ------------------------------------------------------------------


def test_compare_within_one_version(bundled_bank):
    before = result_at(bundled_bank, "2026-01-01T00:00:00+00:00")
    after = result_at(bundled_bank, "2026-03-01T00:00:00+00:00", shift=1)
    comparison = compare_results(bundled_bank, before, bundled_bank, after)
    assert comparison.overall.delta == pytest.approx(after.overall.score - before.overall.score)
    assert len(comparison.pillars) == 3 and len(comparison.indicators) == 16
    for change in comparison.indicators:
        old, new = before.indicator(change.id).score, after.indicator(change.id).score
        assert (change.before, change.after) == (old, new)
        assert change.delta == pytest.approx(new - old)
        expected = "up" if new - old >= 0.05 else "down" if new - old <= -0.05 else "same"
        assert change.direction == expected
    assert comparison.indicators_apart == [] and comparison.pillars_apart == []


def test_indicators_that_changed_between_versions_are_listed_apart(bank_v1, bundled_bank):
    before = full_result(bank_v1)
    after = full_result(bundled_bank)
    comparison = compare_results(bank_v1, before, bundled_bank, after)
    assert comparison.overall is None
    assert comparison.pillars == [] and comparison.indicators == []
    in_v1 = {i.id for p in bank_v1.pillars for i in p.indicators}
    assert {i for i, why in comparison.indicators_apart if why == "changed"} == {
        i.id for p in bundled_bank.pillars for i in p.indicators if i.id in in_v1
    }
    assert {i for i, why in comparison.indicators_apart if why == "only-after"} == {
        "integritas",
        "pengambilan-keputusan",
    }


def test_indicators_in_one_version_only_are_listed_apart(small_bank, edit_text, small_bank_text):
    from asn_assess.core.bank import parse_bank

    renamed = parse_bank(
        edit_text(
            small_bank_text,
            ('version = "2.0"', 'version = "2.1"'),
            ('id = "b3"', 'id = "b4"'),
        ),
        "small-2.1.toml",
    )
    before, after = full_result(small_bank), full_result(renamed)
    comparison = compare_results(small_bank, before, renamed, after)
    assert ("b4", "only-after") in comparison.indicators_apart
    assert ("b3", "only-before") in comparison.indicators_apart
    assert [c.id for c in comparison.indicators] == ["a1", "a2", "b1", "b2"]
    assert [c.id for c in comparison.pillars] == ["A"] and comparison.pillars_apart == ["B"]
    assert comparison.overall is None


# --- the commands -------------------------------------------------------------------------------


@pytest.fixture
def home(tmp_path, bundled_bank) -> Path:
    """A data folder with three results of one person saved by an earlier version (files
    only, with a profile and no session id)."""
    folder = tmp_path / "home"
    siti = Respondent(name="Siti Aminah")
    for number, (when, shift) in enumerate(
        [
            ("2026-01-05T09:00:00+00:00", 0),
            ("2026-02-05T09:00:00+00:00", 1),
            ("2026-03-05T09:00:00+00:00", 2),
        ],
        start=1,
    ):
        result = result_at(bundled_bank, when, shift, respondent=siti)
        save_file(folder, result, f"asn-profesional-2026010{number}.json")
    return folder


def invoke(home: Path, *args: str, input: str | None = None):
    return runner.invoke(app, list(args), env={"ASN_ASSESS_HOME": str(home)}, input=input)


def test_history_list_imports_and_lists(home, utc):
    run = invoke(home, "history", "list", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    assert "5 January 2026, 09:00" in run.stdout and "asn-profesional" in run.stdout
    listed = json.loads(invoke(home, "history", "list", "--json").stdout)
    assert [row["id"] for row in listed] == [1, 2, 3]
    assert listed[0]["bank_version"] == "2.1.0"
    assert (home / DATABASE_NAME).exists()


def test_history_show_and_report_last_are_the_latest_result(home, tmp_path):
    shown = invoke(home, "history", "show", "last", "--format", "json")
    last = invoke(home, "report", "--last", "--json")
    third = (home / "results" / "asn-profesional-20260103.json").read_text("utf-8")
    assert parse_result(shown.stdout) == parse_result(last.stdout) == parse_result(third)
    html = tmp_path / "out.html"
    assert invoke(home, "history", "show", "2", "-o", str(html)).exit_code == 0
    assert "<svg" in html.read_text("utf-8")
    missing = invoke(home, "history", "show", "9")
    assert missing.exit_code == 1 and "history list" in missing.stderr
    assert invoke(home, "history", "show", "x").exit_code == 2


def test_history_compare_defaults_to_the_last_two(home):
    run = invoke(home, "history", "compare", "--lang", "en", "--json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert (data["before"]["id"], data["after"]["id"]) == (2, 3)
    second = json.loads((home / "results" / "asn-profesional-20260102.json").read_text("utf-8"))
    third = json.loads((home / "results" / "asn-profesional-20260103.json").read_text("utf-8"))
    assert data["overall"]["change"] == pytest.approx(
        third["overall"]["score"] - second["overall"]["score"]
    )
    view = invoke(home, "history", "compare", "1", "3", "--lang", "en")
    assert "Comparison: result 1" in view.stdout and "▲" in view.stdout


def test_history_compare_needs_two(tmp_path, bundled_bank):
    folder = tmp_path / "one"
    siti = Respondent(name="Siti")
    save_file(
        folder, result_at(bundled_bank, "2026-01-01T00:00:00+00:00", respondent=siti), "a.json"
    )
    run = invoke(folder, "history", "compare", "--lang", "en")
    assert run.exit_code == 1
    assert "two results of bank asn-profesional of the same respondent are needed" in run.stderr
    assert "the history has 1 of Siti" in run.stderr


def test_history_export_jsonl_and_csv(home, tmp_path):
    lines = invoke(home, "history", "export", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 3 and all(
        json.loads(line)["bank_id"] == "asn-profesional" for line in lines
    )
    target = tmp_path / "riwayat.csv"
    assert invoke(home, "history", "export", "-o", str(target)).exit_code == 0
    rows = target.read_text("utf-8").splitlines()
    assert rows[0].startswith(
        "id,finished_at,respondent,bank_id,bank_version,role,level,level_id,score"
    )
    assert all(row.split(",")[2] == "Siti Aminah" for row in rows[1:])
    assert len(rows) == 1 + 3 * (1 + 3 + 16)
    bad = invoke(home, "history", "export", "--format", "csv", "-o", str(tmp_path / "x.jsonl"))
    assert bad.exit_code == 2


def test_history_delete_asks_first(home):
    kept = invoke(home, "history", "delete", "1", "--lang", "en", input="n\n")
    assert kept.exit_code == 0 and "Nothing was deleted." in kept.stderr
    assert (home / "results" / "asn-profesional-20260101.json").exists()
    done = invoke(home, "history", "delete", "1", "--lang", "en", input="y\n")
    assert "Deleted: 1 results, 1 files." in done.stderr
    assert not (home / "results" / "asn-profesional-20260101.json").exists()
    everything = invoke(home, "history", "delete", "--all", "--yes")
    assert everything.exit_code == 0
    assert list((home / "results").glob("*.json")) == []
    assert json.loads(invoke(home, "history", "list", "--json").stdout) == []
    assert invoke(home, "history", "delete").exit_code == 2


def test_history_commands_report_a_damaged_database(home):
    home.mkdir(parents=True, exist_ok=True)
    (home / DATABASE_NAME).write_bytes(b"garbage" * 200)
    run = invoke(home, "history", "list", "--lang", "en")
    assert run.exit_code == 1
    assert run.stderr.startswith(f"error: {home / DATABASE_NAME}: the history database is damaged")
    assert "Traceback" not in run.output


def test_the_database_is_readable_by_its_owner_only(tmp_path, bundled_bank):
    import os
    import stat

    old_mask = os.umask(0o022)  # a usual umask: new files readable by everyone
    try:
        with History(tmp_path / "data") as history:
            history.add(result_at(bundled_bank, "2026-01-05T09:00:00+07:00"), None)
        database = tmp_path / "data" / DATABASE_NAME
        assert stat.S_IMODE(database.stat().st_mode) == 0o600
        database.chmod(0o644)  # as a version before this rule left it
        with History(tmp_path / "data"):
            pass
        assert stat.S_IMODE(database.stat().st_mode) == 0o600
    finally:
        os.umask(old_mask)
