"""Reading and writing the tool's JSON documents: answer sheets and results.
No terminal I/O here: callers decide what to print."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from asn_assess.errors import AnswerSheetError, AssessError, Problem, ResultError
from asn_assess.models import AnswerSheet, Result
from asn_assess.validation import validation_problems

Model = TypeVar("Model", bound=BaseModel)


def parse_document(text: str, model: type[Model], source: str, error: type[AssessError]) -> Model:
    """Parse JSON text into ``model``; every problem names ``source`` and a line or key path."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as problem:
        raise error(
            Problem(f"{source}:{problem.lineno}:{problem.colno}", f"invalid JSON: {problem.msg}")
        ) from None
    return validate_document(data, model, source, error)


def validate_document(data: Any, model: type[Model], source: str, error: type[AssessError]) -> Model:
    """Already parsed JSON data as ``model``; every problem names ``source`` and a key path."""
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        raise error(validation_problems(problem, source, "`asn-assess schema` shows every key")) from None


def parse_answer_sheet(text: str, source: str = "<answers>") -> AnswerSheet:
    return parse_document(text, AnswerSheet, source, AnswerSheetError)


def parse_result(text: str, source: str = "<result>") -> Result:
    return parse_document(text, Result, source, ResultError)


def to_json(model: BaseModel) -> str:
    """The JSON form used for every document the tool writes: indented, UTF-8 text kept
    readable (no \\u escapes), ending with a newline."""
    return model.model_dump_json(indent=2) + "\n"
