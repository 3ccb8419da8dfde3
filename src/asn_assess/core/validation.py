"""Pydantic's validation errors as the tool's own problems: one line each, naming the
source and the key path (``pillars[1].indicators[0].items[2].reverse``)."""

from __future__ import annotations

import json
import math
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from asn_assess.core.errors import Problem
from asn_assess.core.i18n import say


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
    """One problem per error, in the tool's words and the interface language;
    ``where_keys_are`` tells a reader of an unknown key where the valid keys are listed
    (a ``check.keys_*`` message key). The failures of one value against each form a
    union accepts (an answer is a number or a letter) are one problem."""
    errors = [e for e in error.errors(include_url=False) if not _echoes_an_inner_error(e)]
    problems: list[Problem] = []
    done: set[tuple[Any, ...]] = set()
    for e in errors:
        loc = tuple(e["loc"])
        if _is_answer(loc):
            loc = loc[:2]  # ('answers', item id, <the union's form>) -> the answer
            message = say("check.answer", found=describe_value(e.get("input")))
        elif _tried_forms(errors, loc):
            loc = loc[:-1]
            kinds = "; ".join(
                _message(other, where_keys_are)
                for other in errors
                if tuple(other["loc"])[:-1] == loc
            )
            message = say("check.none_of", found=describe_value(e.get("input")), kinds=kinds)
        else:
            message = _message(e, where_keys_are)
        if loc in done:
            continue
        done.add(loc)
        problems.append(Problem(f"{source}: {key_path(loc)}" if loc else source, message))
    return problems


def describe_value(value: Any) -> str:
    """A value as it was written in the document (JSON spelling), short."""
    if isinstance(value, list):
        return say("check.found.list")
    if isinstance(value, dict):
        return say("check.found.object")
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # inf, nan: as TOML writes them
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_answer(loc: tuple[Any, ...]) -> bool:
    """An entry of an answer sheet's ``answers`` (number, letter or "na"), as pydantic
    reports it: once per form of the union, the form last."""
    return len(loc) == 3 and loc[0] == "answers" and isinstance(loc[1], str)


_SCALAR_FORMS = {"int", "str", "float", "bool", "none", "list", "dict", "constrained-str"}


def _is_form(part: Any) -> bool:
    """Whether a path element names a form a union tried (``int``, ``list[str]``,
    ``function-after[...]``, a model's class name) rather than a key of the document,
    whose names are lower case words."""
    return isinstance(part, str) and (
        part in _SCALAR_FORMS or "[" in part or part[:1].isupper() or part.startswith("lax-")
    )


def _tried_forms(errors: list[ErrorDetails], loc: tuple[Any, ...]) -> bool:
    """Whether the error at ``loc`` is one of several forms a union tried for one value."""
    if not loc or not _is_form(loc[-1]):
        return False
    siblings = [e for e in errors if tuple(e["loc"])[:-1] == loc[:-1]]
    return len(siblings) >= 2 and all(_is_form(tuple(e["loc"])[-1]) for e in siblings)


def _echoes_an_inner_error(error: ErrorDetails) -> bool:
    """Pydantic adds "should have at least 1 item" to a list whose elements failed, even
    when the list is long enough; the element's own error is the one worth reporting."""
    if error["type"] != "too_short":
        return False
    value, minimum = error.get("input"), (error.get("ctx") or {}).get("min_length", 0)
    return isinstance(value, (list, tuple)) and len(value) >= minimum


_KIND_MESSAGES = {
    "int_type": "check.integer",
    "int_parsing": "check.integer",
    "int_from_float": "check.integer",
    "float_type": "check.number",
    "float_parsing": "check.number",
    "finite_number": "check.number",
    "string_type": "check.text",
    "bool_type": "check.boolean",
    "bool_parsing": "check.boolean",
    "list_type": "check.list",
    "tuple_type": "check.list",
    "dict_type": "check.object",
    "model_type": "check.object",
    "model_attributes_type": "check.object",
    "datetime_type": "check.datetime",
    "datetime_parsing": "check.datetime",
    "datetime_from_date_parsing": "check.datetime",
    "timezone_aware": "check.datetime",
    "date_type": "check.date",
    "date_parsing": "check.date",
    "date_from_datetime_parsing": "check.date",
}
"""Pydantic's error types that say "not this kind of value" -> the tool's message."""

_LIMIT_MESSAGES = {
    "less_than_equal": ("check.at_most", "le"),
    "greater_than_equal": ("check.at_least", "ge"),
    "greater_than": ("check.above", "gt"),
    "less_than": ("check.below", "lt"),
}


def _message(error: ErrorDetails, where_keys_are: str) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    found = describe_value(error.get("input"))
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        return say("check.unknown_key", where=say(where_keys_are))
    if kind == "missing":
        return say("check.missing")
    if kind in ("model_type", "dict_type") and not loc:
        return say("check.document", found=found)
    if kind in _KIND_MESSAGES:
        return say(_KIND_MESSAGES[kind], found=found)
    if kind == "greater_than_equal" and loc and loc[-1] == "weight":
        return say("check.weight", found=found)
    if kind in _LIMIT_MESSAGES:
        key, limit = _LIMIT_MESSAGES[kind]
        bound = context.get(limit)
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)  # "at most 100", as the bank format writes it
        return say(key, limit=bound, found=found)
    if kind in ("too_short", "too_long"):
        value = error.get("input")
        count = len(value) if isinstance(value, (list, tuple, dict, str)) else "?"
        key = "check.few_items" if kind == "too_short" else "check.many_items"
        size = context.get("min_length" if kind == "too_short" else "max_length")
        return say(key, limit=size, count=count)
    if kind == "string_too_short":
        if context.get("min_length") == 1:
            return say("check.empty")
        return say("check.short_text", limit=context.get("min_length"), found=found)
    if kind == "string_too_long":
        return say("check.long_text", limit=context.get("max_length"))
    if kind == "literal_error" or kind == "enum":
        return say("check.one_of", expected=context.get("expected", "?"), found=found)
    if kind == "string_pattern_mismatch":
        return say("check.pattern", pattern=context.get("pattern", "?"), found=found)
    message = str(error["msg"])  # our own validators' words (a ValueError's text)
    return message[len("Value error, ") :] if message.startswith("Value error, ") else message
