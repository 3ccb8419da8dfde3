"""The user's own data on this computer: progress of an unfinished session and saved
results. Nothing here leaves the machine.

Folder: ``--data-dir`` when given, else ``$ASN_ASSESS_HOME``, else the platform's user
data folder (for example ``~/.local/share/asn-assess`` on Linux).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from asn_assess.documents import parse_document, to_json
from asn_assess.files import atomic_write_text, read_text
from asn_assess.errors import AssessError
from asn_assess.models import AnswerValue, Respondent, Result

HOME_VARIABLE = "ASN_ASSESS_HOME"


class ProgressError(AssessError):
    """A progress file that cannot be read."""


class Progress(BaseModel):
    """An interactive session in progress: enough to resume exactly where it stopped."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    bank_id: str
    bank_version: str
    language: str
    respondent: Optional[Respondent] = None
    profile_done: bool = False
    position: int = Field(default=0, ge=0, description="Index of the current question.")
    started_at: datetime
    saved_at: Optional[datetime] = None
    answers: dict[str, AnswerValue] = Field(default_factory=dict)


def data_dir(override: Optional[Path] = None) -> Path:
    if override is not None:
        return override
    from_environment = os.environ.get(HOME_VARIABLE)
    if from_environment:
        return Path(from_environment)
    from platformdirs import user_data_dir

    return Path(user_data_dir("asn-assess", appauthor=False))


def progress_path(folder: Path, bank_id: str) -> Path:
    return folder / "progress" / f"{bank_id}.json"


def load_progress(path: Path) -> Optional[Progress]:
    if not path.exists():
        return None
    return parse_document(read_text(path, ProgressError), Progress, str(path), ProgressError)


def save_progress(path: Path, progress: Progress) -> None:
    atomic_write_text(path, to_json(progress))


def set_aside(path: Path) -> Path:
    """Keep an old progress file under a new name instead of deleting it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}.{stamp}.old.json")
    os.replace(path, kept)
    return kept


def save_result(folder: Path, result: Result, when: Optional[datetime] = None) -> Path:
    """Save a result under ``results/`` with a name that sorts by time; never overwrites."""
    when = when or datetime.now()
    results = folder / "results"
    base = f"{result.bank_id}-{when.strftime('%Y%m%d-%H%M%S')}"
    path = results / f"{base}.json"
    counter = 1
    while path.exists():
        counter += 1
        path = results / f"{base}-{counter}.json"
    atomic_write_text(path, to_json(result))
    return path
