"""Pydantic's validation errors as the tool's own problems: one line each, naming the
source and the key path (``pillars[1].indicators[0].items[2].reverse``)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from asn_assess.core.errors import Problem


def key_path(loc: tuple[Any, ...]) -> str:
    """('pillars', 1, 'items', 2, 'reverse') -> 'pillars[1].items[2].reverse'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def validation_problems(error: ValidationError, source: str, where_keys_are: str) -> list[Problem]:
    """One problem per error; ``where_keys_are`` tells a reader of an unknown key where
    the valid keys are listed, e.g. "docs/bank-format.md lists every key"."""
    return [
        Problem(
            f"{source}: {key_path(e['loc'])}" if e["loc"] else source, _message(e, where_keys_are)
        )
        for e in error.errors(include_url=False)
        if not _echoes_an_inner_error(e)
    ]


def _echoes_an_inner_error(error: ErrorDetails) -> bool:
    """Pydantic adds "should have at least 1 item" to a list whose elements failed, even
    when the list is long enough; the element's own error is the one worth reporting."""
    if error["type"] != "too_short":
        return False
    value, minimum = error.get("input"), (error.get("ctx") or {}).get("min_length", 0)
    return isinstance(value, (list, tuple)) and len(value) >= minimum


def _message(error: ErrorDetails, where_keys_are: str) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key (check its spelling; {where_keys_are})"
    if kind == "missing":
        return "required key is missing"
    if kind == "greater_than" and error["loc"] and error["loc"][-1] == "weight":
        return f"weight must be greater than 0, got {error['input']!r}"
    message = str(error["msg"])
    return message[len("Value error, ") :] if message.startswith("Value error, ") else message
