"""The user's own data on this computer: progress of an unfinished session, saved
results (``results/*.json``) and their history (``history.py``, a SQLite index of the
results). Nothing here leaves the machine.

Folder: ``--data-dir`` when given, else ``$ASN_ASSESS_HOME``, else the platform's user
data folder (for example ``~/.local/share/asn-assess`` on Linux).
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from asn_assess.core.documents import (
    AnswerSheet,
    AnswerValue,
    Respondent,
    Result,
    Seconds,
    parse_document,
    to_json,
)
from asn_assess.core.errors import AssessError, Problem
from asn_assess.core.files import read_text, write_file
from asn_assess.core.i18n import interface_language, t
from asn_assess.core.models import SELF, is_rater

HOME_VARIABLE = "ASN_ASSESS_HOME"


class ProgressError(AssessError):
    """A progress file that cannot be read."""


class SessionBusy(AssessError):
    """Another session holds the data folder. ``pid`` is its process, when known."""

    def __init__(self, folder: Path, pid: Optional[int], language: Optional[str] = None):
        message = t("session.busy", language or interface_language(), pid=pid or "?")
        super().__init__(Problem(str(folder), message))
        self.pid = pid


class Progress(BaseModel):
    """An interactive session in progress: enough to resume exactly where it stopped."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = Field(default=1, description="Version of this document's layout.")
    bank_id: str = Field(description="Id of the bank being answered.")
    bank_version: str = Field(description="Version of that bank.")
    language: str = Field(description="Language of the session.")
    role: Optional[str] = Field(default=None, description="The person's role, if chosen.")
    role_asked: bool = Field(default=False, description="Whether the role was asked.")
    target: Optional[str] = Field(
        default=None, description="Who is rated (360-degree feedback); null: the person."
    )
    rater_group: str = Field(
        default=SELF, description="self, or the rater group of someone rating the target."
    )
    session_id: str = Field(
        default_factory=lambda: uuid.uuid4().hex,
        max_length=64,
        description="This session's id, carried by its result: a session whose result is "
        "already saved (a crash between saving it and removing this file) is not saved twice.",
    )
    respondent: Optional[Respondent] = Field(default=None, description="The profile, if given.")
    profile_done: bool = Field(default=False, description="Whether the profile was asked.")
    position: int = Field(default=0, ge=0, description="Index of the current question.")
    started_at: datetime = Field(description="When the session began.")
    saved_at: Optional[datetime] = Field(default=None, description="When it was last saved.")
    answers: dict[str, AnswerValue] = Field(
        default_factory=dict, description="Answers so far, by item id."
    )
    durations: dict[str, Seconds] = Field(
        default_factory=dict,
        description="Seconds spent on each question so far (summed over visits), by item id.",
    )


SET_ASIDE_KEPT = 5
"""How many set-aside sessions (``.old.json``, and ``.damaged.json`` apart) are kept
per session; older ones are deleted when another is set aside."""


def session_key(bank_id: str, target: Optional[str] = None, rater_group: str = SELF) -> str:
    """The name a session's progress is kept under: the bank id for the person's own
    assessment; for rating someone, also the group and a digest of the target, so that
    rating several people (or being rated) are separate sessions, and no name appears
    in a file name."""
    if not is_rater(rater_group):
        return bank_id
    digest = hashlib.sha256((target or "").encode("utf-8")).hexdigest()[:12]
    return f"{bank_id}.{rater_group}.{digest}"


def data_dir(override: Optional[Path] = None) -> Path:
    """The folder for the user's data: ``override``, else ``$ASN_ASSESS_HOME``, else the
    platform's user data folder."""
    if override is not None:
        return override
    from_environment = os.environ.get(HOME_VARIABLE)
    if from_environment:
        return Path(from_environment)
    from platformdirs import user_data_dir

    return Path(user_data_dir("asn-assess", appauthor=False))


class UserData:
    """The progress and results kept in one data folder."""

    keeps_data = True
    """Whether anything is written (False for ``start --no-save``)."""

    def __init__(self, folder: Path):
        self.folder = folder

    @property
    def results_folder(self) -> Path:
        """Where finished results are saved, one JSON file each."""
        return self.folder / "results"

    def progress_path(self, key: str) -> Path:
        """Where the progress of a session is kept (``key``: see ``session_key``; the
        bank id for a person's own assessment)."""
        return self.folder / "progress" / f"{key}.json"

    def load_progress(self, key: str) -> Optional[Progress]:
        """The saved progress under ``key``, or None; ``ProgressError`` when damaged."""
        path = self.progress_path(key)
        if not path.exists():
            return None
        return parse_document(read_text(path, ProgressError), Progress, str(path), ProgressError)

    def save_progress(self, progress: Progress) -> None:
        """Save ``progress`` atomically: the file holds the old or the new state."""
        key = session_key(progress.bank_id, progress.target, progress.rater_group)
        self._write(self.progress_path(key), to_json(progress))

    def _write(self, path: Path, text: str) -> None:
        # The folders and files hold personal data: readable by their owner only.
        for folder in (self.folder, path.parent):
            if not folder.exists():
                try:
                    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                except OSError:
                    pass  # write_file names the file it cannot write
        write_file(path, text.encode("utf-8"), private=True)

    @property
    def ratings_folder(self) -> Path:
        """Where the answer sheets of people rating someone else are saved."""
        return self.folder / "ratings"

    def complete_rating(self, sheet: AnswerSheet, when: Optional[datetime] = None) -> Path:
        """A rating session has finished: save its answer sheet under ``ratings/`` (never
        over another), then drop its progress. Returns where the sheet was saved."""
        when = when or datetime.now()
        base = f"{sheet.bank_id}-{sheet.rater_group}-{when.strftime('%Y%m%d-%H%M%S')}"
        path = self.ratings_folder / f"{base}.json"
        counter = 1
        while path.exists():
            counter += 1
            path = self.ratings_folder / f"{base}-{counter}.json"
        self._write(path, to_json(sheet))
        key = session_key(sheet.bank_id, sheet.target, sheet.rater_group)
        self.progress_path(key).unlink(missing_ok=True)
        return path

    def set_aside(self, key: str, why: str = "old") -> Path:
        """Keep the progress under ``key`` under a new name instead of deleting it:
        ``<key>.<date-time>.<why>.json`` (why: "old", or "damaged" for a file that
        cannot be read), never over another."""
        path = self.progress_path(key)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.stem}.{stamp}.{why}.json")
        counter = 1
        while kept.exists():
            counter += 1
            kept = path.with_name(f"{path.stem}.{stamp}-{counter}.{why}.json")
        os.replace(path, kept)
        self._prune_set_aside(path.stem, why)
        return kept

    def _prune_set_aside(self, key: str, why: str) -> None:
        """Keep the newest ``SET_ASIDE_KEPT`` sessions set aside for ``key`` (per kind),
        so that years of restarts do not pile up. Their names sort by date and time."""
        pattern = re.compile(rf"{re.escape(key)}\.(\d{{8}}-\d{{6}})(?:-(\d+))?\.{why}\.json")
        folder = self.progress_path(key).parent
        found = []
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if match:  # (when it was set aside, its counter within that second)
                found.append(((match[1], int(match[2] or 1)), entry))
        for _, old in sorted(found)[:-SET_ASIDE_KEPT]:
            old.unlink(missing_ok=True)

    @contextmanager
    def session_lock(self, language: Optional[str] = None) -> Iterator[None]:
        """Hold the data folder for one session: a second session (another process)
        gets ``SessionBusy`` naming the holder's process id instead of overwriting the
        first one's progress. The lock is the system's (it goes with its process, even
        a killed one); the file ``session.lock`` only says who holds it."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.folder / "session.lock"
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(handle):
                raise SessionBusy(self.folder, _holder(handle), language)
            os.ftruncate(handle, 0)
            os.write(handle, f"{os.getpid()}\n".encode())
            yield
        finally:
            os.close(handle)  # closing releases the lock

    def save_result(self, result: Result, when: Optional[datetime] = None) -> Path:
        """Save a result under ``results/`` with a name that sorts by time; never
        overwrites another."""
        when = when or datetime.now()
        results = self.results_folder
        base = f"{result.bank_id}-{when.strftime('%Y%m%d-%H%M%S')}"
        path = results / f"{base}.json"
        counter = 1
        while path.exists():
            counter += 1
            path = results / f"{base}-{counter}.json"
        self._write(path, to_json(result))
        return path

    def complete(self, result: Result) -> Path:
        """A session has finished: save its result, then drop its progress (the result
        now holds every answer). Returns where the result is. Idempotent: a result of
        the same session saved before (the process was killed between the two steps,
        then resumed) is the one kept, never a second copy."""
        saved = self.result_of_session(result.session_id) if result.session_id else None
        if saved is None:
            saved = self.save_result(result)
        self.drop_progress(result.bank_id)
        return saved

    def result_of_session(self, session_id: str) -> Optional[Path]:
        """The saved result file of the session ``session_id``, if there is one."""
        folder = self.results_folder
        if not folder.is_dir():
            return None
        marker = f'"session_id": "{session_id}"'
        for path in sorted(folder.glob("*.json"), reverse=True):  # the newest first
            try:
                text = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if marker in text:
                return path
        return None

    def drop_progress(self, key: str) -> None:
        """Remove the progress kept under ``key``, if any."""
        self.progress_path(key).unlink(missing_ok=True)

    def check_writable(self) -> None:
        """Make sure the data folder can be written, leaving no file behind: the error
        a progress write would give, before anything has been typed."""
        probe = self.progress_path(".probe")
        self._write(probe, "")
        probe.unlink(missing_ok=True)


class NothingKept(UserData):
    """The data of a session that keeps nothing (``start --no-save``): no progress is
    read or written and no result is saved."""

    keeps_data = False

    def load_progress(self, key: str) -> Optional[Progress]:
        """Never resumes: a session that keeps nothing starts afresh."""
        return None

    def save_progress(self, progress: Progress) -> None:
        """Keeps nothing."""

    def drop_progress(self, key: str) -> None:
        """Nothing was kept."""

    def check_writable(self) -> None:
        """Nothing is written."""

    @contextmanager
    def session_lock(self, language: Optional[str] = None) -> Iterator[None]:
        """No lock: a session that keeps nothing writes nothing another one could spoil,
        and leaves no lock file behind."""
        yield

    def complete_rating(
        self, sheet: AnswerSheet, when: Optional[datetime] = None
    ) -> Path:  # pragma: no cover - never called
        """Not used: a session that keeps nothing saves no rating."""
        raise AssertionError("a session that keeps nothing saves no rating")

    def complete(self, result: Result) -> Path:  # pragma: no cover - never called
        """Not used: a session that keeps nothing saves no result."""
        raise AssertionError("a session that keeps nothing saves no result")


def _try_lock(handle: int) -> bool:
    """Lock the open file without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(handle: int) -> Optional[int]:
    try:
        text = os.pread(handle, 32, 0).decode("ascii", "replace").strip()
    except (OSError, AttributeError):
        return None
    return int(text) if text.isdigit() else None
