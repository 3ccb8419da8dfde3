"""Reading and writing the tool's JSON documents (answer sheets, results) and atomic
file writes. No terminal I/O here: callers decide what to print."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from asn_assess.bank import key_path
from asn_assess.errors import AnswerSheetError, AssessError, Problem, ResultError
from asn_assess.models import AnswerSheet, Result

Model = TypeVar("Model", bound=BaseModel)


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` so that ``path`` holds either the old or the new content, never
    half of it: a temporary file in the same folder, flushed, then ``os.replace``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def read_text(path: str | Path, error: type[AssessError]) -> str:
    """A UTF-8 file's text, or ``error`` naming the file and what went wrong."""
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise error(Problem(str(path), "no such file")) from None
    except IsADirectoryError:
        raise error(Problem(str(path), "is a folder, not a file")) from None
    except UnicodeDecodeError as problem:
        raise error(Problem(str(path), f"not UTF-8 text (byte {problem.start})")) from None
    except OSError as problem:
        raise error(Problem(str(path), f"cannot be read ({problem.strerror})")) from None


def parse_document(text: str, model: type[Model], source: str, error: type[AssessError]) -> Model:
    """Parse JSON text into ``model``; every problem names ``source`` and a line or key path."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as problem:
        raise error(
            Problem(f"{source}:{problem.lineno}:{problem.colno}", f"invalid JSON: {problem.msg}")
        ) from None
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        raise error(
            [
                Problem(f"{source}: {key_path(e['loc'])}" if e["loc"] else source,
                        _message(e))
                for e in problem.errors(include_url=False)
            ]
        ) from None


def _message(error: dict[str, Any]) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key (check its spelling; `asn-assess schema` shows every key)"
    if error["type"] == "missing":
        return "required key is missing"
    message = error["msg"]
    return message[len("Value error, "):] if message.startswith("Value error, ") else message


def parse_answer_sheet(text: str, source: str = "<answers>") -> AnswerSheet:
    return parse_document(text, AnswerSheet, source, AnswerSheetError)


def parse_result(text: str, source: str = "<result>") -> Result:
    return parse_document(text, Result, source, ResultError)


def to_json(model: BaseModel) -> str:
    """The JSON form used for every document the tool writes: indented, UTF-8 text kept
    readable (no \\u escapes), ending with a newline."""
    return model.model_dump_json(indent=2) + "\n"
