"""One computer, several people: every result and session belongs to a respondent (the
NIP, else the name, else "tanpa nama"), the change since the previous result is only
ever the same person's, `history compare` refuses two people, older histories migrate,
a session is kept once, and the history says what a disk error is. `start` runs
in-process with a scripted terminal, as in tests/test_session.py."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from asn_assess.core.documents import NO_NAME, Respondent, respondent_identity
from asn_assess.core.i18n import format_score
from asn_assess.store import UserData
from asn_assess.store.history import DATABASE_NAME, MIGRATIONS, History, HistoryError
from conftest import full_result
from session_helpers import invoke, scripted_start
from test_session import BANK, typed_answers

SITI = ["Siti Aminah", "19860926 201505 2 001", "BKPSDM", "Analis SDM"]
BUDI = ["Budi Santoso", "", "Dinas Kesehatan", ""]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def start(monkeypatch: pytest.MonkeyPatch, home: Path):
    return scripted_start(monkeypatch, home)


# --- whose a result is -----------------------------------------------------------------------


def test_the_identity_is_the_nip_else_the_name_else_tanpa_nama():
    both = Respondent(name="Siti", nip="19860926 201505 2 001")
    assert respondent_identity(both, True) == "198609262015052001"
    assert respondent_identity(Respondent(name="  Budi   Santoso "), True) == "Budi Santoso"
    assert respondent_identity(Respondent(unit="BKPSDM"), True) == NO_NAME
    assert respondent_identity(None, True) == NO_NAME
    # A result not made by a session here that names nobody is nobody known.
    assert respondent_identity(None, False) is None


# --- two people on one data folder ---------------------------------------------------------------


def test_two_people_on_one_computer_never_see_each_others_change(start, home):
    siti = start("--lang", "en", lines=[*SITI, *typed_answers()])
    before_budi = set((home / "results").glob("*.html"))
    budi = start("--lang", "en", lines=[*BUDI, *typed_answers(shift=2)])
    # Budi's report is the file his run added: names made in the same second do not
    # sort in the order they were made.
    (budi_html_path,) = set((home / "results").glob("*.html")) - before_budi
    siti_again = start("--lang", "en", lines=[*SITI, *typed_answers(shift=1)])
    assert siti.exit_code == budi.exit_code == siti_again.exit_code == 0, budi.stderr
    # Budi's first result: nothing earlier of his, so no change at all (Siti's is not his).
    assert "Change since the previous result" not in budi.stdout
    assert "▲" not in budi.stdout and "▼" not in budi.stdout
    budi_html = budi_html_path.read_text("utf-8")
    assert "Change since the previous result" not in budi_html
    # Siti's second result is compared with her first, not with Budi's (the newest).
    first, budi_result, second = siti_again.results()
    assert "Change since the previous result" in siti_again.stdout
    change = second["overall"]["score"] - first["overall"]["score"]
    against_budi = second["overall"]["score"] - budi_result["overall"]["score"]
    assert format_score(change, "en") != format_score(abs(against_budi), "en")
    overall = next(line for line in siti_again.stdout.splitlines() if line.startswith("Overall"))
    assert overall.rstrip().endswith(f"▲ +{format_score(change, 'en')}")

    listed = json.loads(invoke(home, "history", "list", "--json").stdout)
    assert [row["respondent"] for row in listed] == [
        "198609262015052001",
        "Budi Santoso",
        "198609262015052001",
    ]
    table = invoke(home, "history", "list", "--lang", "en").stdout  # 80 columns
    assert "Siti Aminah," in table and "Budi Santoso" in table
    assert "19860926 201505" in table and "asn-profesional" in table  # wrapped, never cut
    for who in ("siti aminah", "19860926 201505 2 001", "SITI  AMINAH"):
        only = json.loads(invoke(home, "history", "list", "--respondent", who, "--json").stdout)
        assert [row["id"] for row in only] == [1, 3], who
    nobody = invoke(home, "history", "list", "--respondent", "Ani", "--lang", "en")
    assert nobody.exit_code == 0 and "no result of Ani" in nobody.stderr

    refused = invoke(home, "history", "compare", "1", "2", "--lang", "en")
    assert refused.exit_code == 2
    assert "result 1 (Siti Aminah, 19860926 201505 2 001)" in refused.stderr
    assert "result 2 (Budi Santoso)" in refused.stderr
    assert invoke(home, "history", "compare", "1", "3", "--json").exit_code == 0
    # Without A and B: the last two of the newest result's respondent (Siti: 1 and 3).
    latest = json.loads(invoke(home, "history", "compare", "--json").stdout)
    assert (latest["before"]["id"], latest["after"]["id"]) == (1, 3)
    # With A only: A against the newest of its own respondent (Budi has one: himself).
    alone = invoke(home, "history", "compare", "2", "--json")
    assert json.loads(alone.stdout)["after"]["id"] == 2

    exported = invoke(home, "history", "export", "--format", "csv").stdout.splitlines()
    column = exported[0].split(",").index("respondent")
    owners = {row.split(",")[0]: row.split(",")[column] for row in exported[1:]}
    assert owners == {"1": "198609262015052001", "2": "Budi Santoso", "3": "198609262015052001"}

    # history show and report --last carry the same person's change, never another's.
    shown = invoke(home, "history", "show", "3", "--lang", "en", "--format", "text").stdout
    assert "Change since the previous result" in shown
    shown_budi = invoke(home, "history", "show", "2", "--lang", "en", "--format", "text").stdout
    assert "Change since the previous result" not in shown_budi


def test_results_without_a_name_belong_to_tanpa_nama(start, home):
    first = start("--no-profile", "--lang", "en", lines=typed_answers())
    named = start("--lang", "en", lines=[*BUDI, *typed_answers(shift=1)])
    second = start("--no-profile", "--lang", "en", lines=typed_answers(shift=1))
    assert first.exit_code == named.exit_code == second.exit_code == 0
    assert "Change since the previous result" in second.stdout  # vs the first, unnamed one
    rows = json.loads(invoke(home, "history", "list", "--json").stdout)
    assert [row["respondent"] for row in rows] == [NO_NAME, "Budi Santoso", NO_NAME]
    assert "no name" in invoke(home, "history", "list", "--lang", "en").stdout
    assert "tanpa nama" in invoke(home, "history", "list").stdout
    only = json.loads(invoke(home, "history", "list", "-r", "tanpa nama", "--json").stdout)
    assert [row["id"] for row in only] == [1, 3]


# --- histories kept by earlier versions ----------------------------------------------------------


def old_database(folder: Path, results: list) -> None:
    """A history at layout version 1, as versions before respondents left it."""
    folder.mkdir(parents=True)
    connection = sqlite3.connect(folder / DATABASE_NAME)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    for number, result in enumerate(results, start=1):
        connection.execute(
            "INSERT INTO results (finished_at, bank_id, bank_version, overall, band, file, result)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                f"2026-01-0{number}T08:00:00+00:00",
                result.bank_id,
                result.bank_version,
                result.overall.score,
                result.overall.band,
                f"old-{number}.json",
                result.model_dump_json(),
            ),
        )
    connection.commit()
    connection.close()


def test_an_older_history_migrates_and_results_without_a_respondent_are_never_compared(
    start, home, bundled_bank
):
    named = full_result(bundled_bank, "en", respondent=Respondent(name="Siti Aminah"))
    unnamed = full_result(bundled_bank, "en")
    old_database(home, [unnamed, named])
    with History(home) as history:
        assert history.version == len(MIGRATIONS)
        first, second = history.entries()
        assert (first.respondent, second.respondent) == (None, "Siti Aminah")
        assert history.result(first.id) == unnamed  # still readable, unchanged
    table = invoke(home, "history", "list", "--lang", "en").stdout
    assert "not recorded" in table and "Siti Aminah" in table
    shown = invoke(home, "history", "show", "1", "--lang", "en", "--format", "text")
    assert shown.exit_code == 0 and "Overall score" in shown.stdout

    # A new unnamed session is "tanpa nama", not the unknown person of result 1.
    fresh = start("--no-profile", "--lang", "en", lines=typed_answers())
    assert fresh.exit_code == 0
    assert "Change since the previous result" not in fresh.stdout
    refused = invoke(home, "history", "compare", "1", "3", "--lang", "en")
    assert refused.exit_code == 2 and "not recorded" in refused.stderr
    old = invoke(home, "history", "compare", "1", "--lang", "en")
    assert old.exit_code == 2 and "compared with no one's" in old.stderr
    # The named result of the old version is Siti's: her next session compares with it.
    siti = start("--lang", "en", lines=["Siti Aminah", "", "", "", *typed_answers(shift=1)])
    assert "Change since the previous result" in siti.stdout


# --- a profile from an earlier session ------------------------------------------------------------


def test_resuming_a_named_session_asks_whether_it_is_the_same_person(start, home):
    quit_early = start("--lang", "en", lines=[*SITI, "4", "4", "q"])
    assert quit_early.exit_code == 0
    someone_else = start("--lang", "en", lines=["", "x", "n", "", *BUDI, "", "q"], tty=True)
    found = someone_else.screen
    assert "There is an unfinished session (Siti Aminah, NIP 19860926 201505 2 001)" in found
    assert "Are you Siti Aminah, NIP 19860926 201505 2 001?" in found
    assert found.count("Are you Siti Aminah") == 3  # Enter and x are no answer: asked again
    assert "The session of Siti Aminah, NIP 19860926 201505 2 001 was kept as" in found
    [kept] = (home / "progress").glob("*.old.json")
    assert json.loads(kept.read_text("utf-8"))["respondent"]["name"] == "Siti Aminah"
    assert "Name:" in found  # Budi gives his own profile: nothing of Siti's is reused

    start("--lang", "en", lines=[*SITI, "5", "q"])  # Siti again, a new session of hers
    herself = start("--lang", "en", lines=["y", "", "q"], tty=True)
    assert "Are you Siti Aminah" in herself.screen
    assert "Name:" not in herself.screen  # her profile is reused
    progress = json.loads((home / "progress" / f"{BANK.id}.json").read_text("utf-8"))
    assert progress["respondent"]["name"] == "Siti Aminah"


# --- exactly once ---------------------------------------------------------------------------------


def test_a_session_killed_between_saving_and_removing_progress_is_kept_once(
    start, home, monkeypatch
):
    # The state a kill -9 leaves between the two steps: the result is saved, the progress
    # of its session is still there.
    with monkeypatch.context() as patch:
        patch.setattr(UserData, "drop_progress", lambda self, key: None)
        first = start("--no-profile", "--lang", "en", lines=typed_answers())
    assert first.exit_code == 0
    assert first.progress() is not None and len(first.results()) == 1
    [saved] = (home / "results").glob("*.json")
    saved.with_suffix(".html").unlink()  # the kill came before the HTML report, too

    again = start("--resume", "--lang", "en", lines=[])
    assert again.exit_code == 0, again.stderr
    assert [p.name for p in (home / "results").glob("*.json")] == [saved.name]
    assert saved.with_suffix(".html").exists()
    assert again.progress() is None
    assert len(json.loads(invoke(home, "history", "list", "--json").stdout)) == 1
    assert f"Result saved to {saved}" in again.stderr

    # A copy of that result file is not a second entry either.
    copy = saved.with_name("copy-" + saved.name)
    copy.write_bytes(saved.read_bytes())
    listed = invoke(home, "history", "list", "--json", "--lang", "en")
    assert len(json.loads(listed.stdout)) == 1
    assert "is a copy of result 1 (the same session)" in listed.stderr


# --- honest disk errors ---------------------------------------------------------------------------


def test_a_full_disk_is_called_a_full_disk_not_a_damaged_history(tmp_path, bundled_bank, english):
    with History(tmp_path) as history:
        history.add(full_result(bundled_bank))
        pages = history.connection.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own "database or disk is full": no page may be added any more.
        history.connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(HistoryError) as caught:
            for _ in range(50):
                history.add(full_result(bundled_bank))
    message = caught.value.problems[0].message
    assert message.startswith("the disk is full") and "free some disk space" in message
    assert "damaged" in message and "not damaged" in message  # only ever "not damaged"
    with History(tmp_path) as history:  # the history is fine afterwards
        assert len(history.entries()) >= 1


def test_a_read_only_history_says_so_with_the_fix(tmp_path, bundled_bank, english):
    with History(tmp_path) as history:
        history.connection.execute("PRAGMA query_only = ON")  # SQLite: a read-only database
        with pytest.raises(HistoryError) as caught:
            history.add(full_result(bundled_bank))
    message = caught.value.problems[0].message
    assert "read-only" in message and "--data-dir" in message and str(tmp_path) in message
    assert "is not damaged" in message


def test_a_malformed_database_is_still_called_damaged(tmp_path, english):
    (tmp_path / DATABASE_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(HistoryError, match="history database is damaged"):
        History(tmp_path).open()


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("database or disk is full", "disk_full"),
        ("attempt to write a readonly database", "read_only"),
        ("unable to open database file", "read_only"),
        ("disk I/O error", "disk_error"),
        ("database is locked", "locked"),
        ("file is not a database", "damaged"),
        ("database disk image is malformed", "damaged"),
        ("no such table: results", "unusable"),
    ],
)
def test_sqlite_messages_without_a_code_are_read_for_what_they_say(message, kind):
    from asn_assess.store.history import sqlite_problem

    assert sqlite_problem(sqlite3.OperationalError(message)) == kind


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")
