"""The history of finished assessments: a SQLite database (``history.db``) in the data
folder, beside the result files.

Each row holds the full result JSON plus indexed columns (id, finished_at, bank id and
version, overall score, band, the result file's name). The result files stay the
source of truth: a result is always written as JSON first, and every time the history
is opened, result files it does not hold yet are imported. So results saved by earlier
versions of the tool, or while the database was locked, join the history by
themselves, and importing twice adds nothing twice.

The database runs in WAL mode (reading never waits for a writer); its layout version is
``PRAGMA user_version`` and ``MIGRATIONS`` bring an older layout up to date on open.
A locked, damaged or newer database raises ``HistoryError`` naming the file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Union

from asn_assess.core.documents import (
    Result,
    parse_result,
    result_respondent,
    same_respondent,
    to_json,
)
from asn_assess.core.errors import AssessError, Problem
from asn_assess.core.files import read_text
from asn_assess.core.i18n import say

DATABASE_NAME = "history.db"
LOCK_TIMEOUT = 2.0
"""Seconds to wait for another program's write to finish before giving up."""


def _record_owners(connection: sqlite3.Connection) -> None:
    """Migration 2's data step: whose each result kept so far is. Results from before it
    carry no session id, so one that names nobody belongs to no known respondent."""
    rows = connection.execute("SELECT id, result FROM results").fetchall()
    for row_id, text in rows:
        try:
            result = parse_result(text, f"#{row_id}")
        except AssessError:
            continue  # unreadable rows are reported when they are read, as before
        connection.execute(
            "UPDATE results SET respondent = ?, respondent_name = ?, session_id = ? WHERE id = ?",
            (*_owner_columns(result), row_id),
        )


Migration = Union[str, Callable[[sqlite3.Connection], None]]

MIGRATIONS: tuple[Migration, ...] = (
    # 1: the results, their indexed columns, and the file each came from
    """
    CREATE TABLE results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        finished_at TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        bank_version TEXT NOT NULL,
        overall REAL,
        band TEXT,
        file TEXT UNIQUE,
        result TEXT NOT NULL
    );
    CREATE INDEX results_by_time ON results (finished_at, id);
    CREATE INDEX results_by_bank ON results (bank_id, finished_at, id);
    """,
    # 2: whose each result is (see core.documents.respondent_identity; NULL: unknown),
    # the name to show, and the session that made it (a session is kept once)
    """
    ALTER TABLE results ADD COLUMN respondent TEXT;
    ALTER TABLE results ADD COLUMN respondent_name TEXT;
    ALTER TABLE results ADD COLUMN session_id TEXT;
    CREATE UNIQUE INDEX results_by_session ON results (session_id) WHERE session_id IS NOT NULL;
    """,
    _record_owners,
)
"""Layout changes in order; entry ``n`` brings ``user_version`` ``n`` to ``n + 1``: SQL
statements, or a function for a step that needs Python (reading the result JSON)."""


class HistoryError(AssessError):
    """The history database cannot be used: locked, damaged, or from a newer version."""


@dataclass(frozen=True)
class Entry:
    """One finished assessment in the history."""

    id: int
    finished_at: datetime
    bank_id: str
    bank_version: str
    overall: Optional[float]
    band: Optional[str]
    file: Optional[str]
    """The result file's name in ``results/``, when it has one."""
    respondent: Optional[str] = None
    """Whose result it is (``core.documents.respondent_identity``); None: not known."""
    respondent_name: Optional[str] = None
    """The name in the result's profile, when it has one."""
    session_id: Optional[str] = None
    """The `start` session that made it, when one did."""

    def belongs_to(self, who: str) -> bool:
        """Whether ``who`` (a NIP, a name, or "tanpa nama") names this result's
        respondent: its identity, or the name in its profile, without regard to case
        or spaces; a NIP may be typed with spaces."""
        from asn_assess.core.documents import normalise_target

        wanted = normalise_target(who)
        return wanted is not None and (
            same_respondent(self.respondent, wanted)
            or same_respondent(self.respondent_name, wanted)
        )


def when_finished(result: Result, fallback: Optional[datetime] = None) -> datetime:
    """When ``result`` was taken, in UTC: its finished or started time, else
    ``fallback``, else now. A time without a zone is read as UTC."""
    moment = result.finished_at or result.started_at or fallback or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


class History:
    """The history database of one data folder. Use as a context manager::

    with History(folder) as history:
        history.add(result, saved_path)
    """

    def __init__(self, folder: Path, timeout: Optional[float] = None):
        self.folder = folder
        self.path = folder / DATABASE_NAME
        self.results_folder = folder / "results"
        self.timeout = LOCK_TIMEOUT if timeout is None else timeout
        self._connection: Optional[sqlite3.Connection] = None
        self.skipped: list[Problem] = []
        """Result files that could not be imported (damaged JSON), with why."""

    # --- opening -----------------------------------------------------------------------

    def __enter__(self) -> History:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def open(self) -> None:
        """Connect, bring the layout up to date, import result files not held yet."""
        with self._errors():
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _private_file(self.path)
            connection = sqlite3.connect(
                self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
            )
            self._connection = connection
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise HistoryError(Problem(str(self.path), say("history.newer", version=version)))
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode=WAL")
            if version < len(MIGRATIONS):
                self._migrate()
            self.import_files()

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection."""
        if self._connection is None:
            raise AssertionError("the history is not open")
        return self._connection

    def _migrate(self) -> None:
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another program may have migrated.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, len(MIGRATIONS)):
                step = MIGRATIONS[number]
                if callable(step):
                    step(connection)
                else:
                    for statement in step.split(";"):
                        if statement.strip():
                            connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    @property
    def version(self) -> int:
        """The layout version of the open database."""
        with self._errors():
            value: int = self.connection.execute("PRAGMA user_version").fetchone()[0]
            return value

    # --- writing -------------------------------------------------------------------------

    def add(self, result: Result, file: Optional[Path] = None) -> int:
        """Keep ``result`` (saved as ``file`` in ``results/``, if it was); its id."""
        with self._errors():
            return self._insert(self.connection, result, file.name if file else None)

    def _insert(
        self,
        connection: sqlite3.Connection,
        result: Result,
        file: Optional[str],
        fallback: Optional[datetime] = None,
    ) -> int:
        cursor = connection.execute(
            "INSERT INTO results (finished_at, bank_id, bank_version, overall, band, file, result,"
            " respondent, respondent_name, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                when_finished(result, fallback).isoformat(),
                result.bank_id,
                result.bank_version,
                result.overall.score,
                result.overall.band,
                file,
                to_json(result),
                *_owner_columns(result),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def import_files(self) -> int:
        """Import every ``results/*.json`` not in the history yet; how many were. Files
        that are not valid results are left alone and listed in ``skipped``."""
        if not self.results_folder.is_dir():
            return 0
        with self._errors():
            known = {row[0] for row in self.connection.execute("SELECT file FROM results")}
            waiting = sorted(
                path for path in self.results_folder.glob("*.json") if path.name not in known
            )
            if not waiting:
                return 0
            parsed: list[tuple[Path, Result]] = []
            self.skipped = []
            for path in waiting:
                try:
                    parsed.append((path, parse_result(read_text(path, HistoryError), str(path))))
                except AssessError as error:
                    self.skipped.extend(error.problems)
            connection = self.connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                # Read again under the write lock: another program may have imported some.
                known = {row[0] for row in connection.execute("SELECT file FROM results")}
                fresh = [(path, result) for path, result in parsed if path.name not in known]
                sessions = {
                    row[0]: row[1]
                    for row in connection.execute(
                        "SELECT session_id, id FROM results WHERE session_id IS NOT NULL"
                    )
                }
                imported = 0
                for path, result in fresh:
                    if result.session_id is not None and result.session_id in sessions:
                        # A copy of a result already kept (the same session): never twice.
                        held = sessions[result.session_id]
                        message = say("history.same_session", id=held)
                        self.skipped.append(Problem(str(path), message))
                        continue
                    modified = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
                    entry_id = self._insert(connection, result, path.name, modified)
                    if result.session_id is not None:
                        sessions[result.session_id] = entry_id
                    imported += 1
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return imported

    def delete(self, ids: Iterable[int]) -> list[Path]:
        """Remove these entries and their result files (the JSON and any report beside
        it with the same name); the files removed. A file is removed before its row, so
        a file that cannot be removed keeps its row too."""
        removed: list[Path] = []
        with self._errors():
            for entry_id in ids:
                row = self.connection.execute(
                    "SELECT file FROM results WHERE id = ?", (entry_id,)
                ).fetchone()
                if row is None:
                    continue
                if row[0]:
                    json_file = self.results_folder / row[0]
                    for path in (json_file, json_file.with_suffix(".html")):
                        if path.exists():
                            try:
                                path.unlink()
                            except OSError as problem:
                                raise HistoryError(
                                    Problem(
                                        str(path),
                                        say("history.cannot_remove", reason=problem.strerror),
                                    )
                                ) from None
                            removed.append(path)
                self.connection.execute("DELETE FROM results WHERE id = ?", (entry_id,))
        return removed

    # --- reading -------------------------------------------------------------------------

    def entries(
        self, bank_id: Optional[str] = None, respondent: Optional[str] = None
    ) -> list[Entry]:
        """Every entry (of ``bank_id``, and of ``respondent``: see ``Entry.belongs_to``,
        when given), oldest first."""
        query = (
            "SELECT id, finished_at, bank_id, bank_version, overall, band, file,"
            " respondent, respondent_name, session_id FROM results"
        )
        parameters: tuple[str, ...] = ()
        if bank_id is not None:
            query += " WHERE bank_id = ?"
            parameters = (bank_id,)
        with self._errors():
            rows = self.connection.execute(query + " ORDER BY finished_at, id", parameters)
            found = [
                Entry(row[0], datetime.fromisoformat(row[1]), *row[2:]) for row in rows.fetchall()
            ]
        if respondent is not None:
            found = [entry for entry in found if entry.belongs_to(respondent)]
        return found

    def previous(
        self, result: Result, file: Optional[str] = None
    ) -> Optional[tuple[Entry, Result]]:
        """The result to show the change against: the newest one before ``result`` (kept
        as ``file``, if it is) of the same respondent, the same bank and comparable
        scoring (the same scoring version). None when there is none, or when ``result``
        belongs to no known respondent."""
        owner = result_respondent(result)
        if owner is None:
            return None
        entries = self.entries(result.bank_id)
        mine = next(
            (
                index
                for index, entry in enumerate(entries)
                if (file is not None and entry.file == file)
                or (result.session_id is not None and entry.session_id == result.session_id)
            ),
            len(entries),
        )
        for entry in reversed(entries[:mine]):  # oldest first: the newest one before it
            if not same_respondent(entry.respondent, owner):
                continue
            earlier = self.result(entry.id)
            if earlier is not None and earlier.scoring_version == result.scoring_version:
                return entry, earlier
        return None

    def session_entry(self, session_id: str) -> Optional[Entry]:
        """The entry of the `start` session ``session_id``, when it was kept."""
        return next((e for e in self.entries() if e.session_id == session_id), None)

    def result(self, entry_id: int) -> Optional[Result]:
        """The result of entry ``entry_id``, or None when there is none."""
        with self._errors():
            row = self.connection.execute(
                "SELECT result FROM results WHERE id = ?", (entry_id,)
            ).fetchone()
        if row is None:
            return None
        return parse_result(row[0], f"{self.path}#{entry_id}")

    def results(self) -> Iterator[tuple[Entry, Result]]:
        """Every entry with its result, oldest first."""
        for entry in self.entries():
            result = self.result(entry.id)
            if result is not None:
                yield entry, result

    def _errors(self) -> _SqliteErrors:
        return _SqliteErrors(self.path)


class _SqliteErrors:
    """Turns sqlite3's exceptions into ``HistoryError`` naming the database, each said
    for what it is: only a file SQLite finds malformed is called damaged; a full disk, a
    folder that cannot be written, a lock or a disk error say so, with their fix."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if isinstance(error, sqlite3.Error):
            text = say(
                f"history.{sqlite_problem(error)}", reason=str(error), folder=self.path.parent
            )
            raise HistoryError(Problem(str(self.path), text)) from None
        if isinstance(error, OSError):
            if error.errno == errno.ENOSPC:
                text = say("history.disk_full", reason=error.strerror)
            elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                text = say("history.read_only", reason=error.strerror, folder=self.path.parent)
            else:
                strerror = getattr(error, "strerror", None) or str(error)
                text = say("history.unusable", reason=strerror)
            raise HistoryError(Problem(str(self.path), text)) from None


# SQLite's primary result codes (https://sqlite.org/rescode.html), for the Python versions
# whose sqlite3 errors carry ``sqlite_errorcode`` (3.11 and later).
_SQLITE_CODES = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "disk_error",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "read_only",  # SQLITE_CANTOPEN
    23: "read_only",  # SQLITE_AUTH
    26: "damaged",  # SQLITE_NOTADB
}
# The same, from the message, where the code is missing (Python 3.10).
_SQLITE_MESSAGES = (
    ("locked", "locked"),
    ("busy", "locked"),
    ("disk is full", "disk_full"),
    ("readonly", "read_only"),
    ("read-only", "read_only"),
    ("unable to open", "read_only"),
    ("disk i/o error", "disk_error"),
    ("malformed", "damaged"),
    ("not a database", "damaged"),
)


def sqlite_problem(error: sqlite3.Error) -> str:
    """What went wrong, as the end of a message key: locked, disk_full, read_only,
    disk_error, damaged, or unusable for anything else."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    message = str(error).casefold()
    return next((kind for words, kind in _SQLITE_MESSAGES if words in message), "unusable")


def _owner_columns(result: Result) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """The respondent, respondent_name and session_id columns of ``result``."""
    name = result.respondent.name if result.respondent else None
    return result_respondent(result), name, result.session_id


def _private_file(path: Path) -> None:
    """Make the database file before SQLite does, readable by its owner only (it holds
    names and NIPs; SQLite gives its journal files the same mode), and tighten one an
    older version left readable by others."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.is_file() and path.stat().st_mode & 0o077:
            try:
                os.chmod(path, 0o600)
            except OSError:
                pass  # not ours to change (a shared folder): the data is as it was
        return
    os.close(descriptor)
