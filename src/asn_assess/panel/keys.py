"""The panel's scores written into a copy of a bank file, everything else kept.

A TOML library that rewrites the whole file would lose the author's comments, line
breaks and quoting. Instead, only the digits of each option's ``score = N`` change:

1. the text is scanned for ``score`` keys with an integer value, skipping strings
   (basic, literal, multi-line) and comments, so that "score = 3" inside a text is
   never touched. Option scores are the only ``score`` keys a valid bank has;
2. in document order they are the options of the parsed bank in order (arrays of
   tables and inline arrays both keep document order), which is checked by their count
   and their present values;
3. the new text is parsed and validated again, and every option's score compared with
   the one intended, before anything is written.

Any mismatch is an error and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from asn_assess.core.bank import parse_bank
from asn_assess.core.errors import AssessError, BankError, Problem
from asn_assess.core.i18n import say

_SCORE_KEY = re.compile(
    r"""(?:score|"score"|'score')[ \t]*=[ \t]*([+-]?[0-9][0-9_]*)(?![0-9_.eExXoObB:-])"""
)
_KEY_START = "\n{,"


class KeysError(AssessError):
    """The scores could not be placed in the bank's text (nothing is written)."""


def score_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the integer of every ``score = N`` key, in document order."""
    spans: list[tuple[int, int]] = []
    i, size, previous = 0, len(text), "\n"
    while i < size:
        char = text[i]
        if char in " \t\r":
            i += 1
        elif char == "#":
            end = text.find("\n", i)
            i = size if end < 0 else end
        elif text.startswith('"""', i) or text.startswith("'''", i):
            i = _after_multiline(text, i)
            previous = '"'
        elif char in "\"'":
            match = _SCORE_KEY.match(text, i) if previous in _KEY_START else None
            if match:
                spans.append(match.span(1))
                i, previous = match.end(), "0"
            else:
                i, previous = _after_string(text, i), '"'
        else:
            match = _SCORE_KEY.match(text, i) if previous in _KEY_START else None
            if match and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")):
                spans.append(match.span(1))
                i, previous = match.end(), "0"
            else:
                i, previous = i + 1, char
    return spans


def _after_string(text: str, start: int) -> int:
    quote, i = text[start], start + 1
    while i < len(text) and text[i] != quote and text[i] != "\n":
        i += 2 if quote == '"' and text[i] == "\\" else 1
    return i + 1


def _after_multiline(text: str, start: int) -> int:
    delimiter, i = text[start : start + 3], start + 3
    while i < len(text):
        if delimiter == '"""' and text[i] == "\\":
            i += 2
        elif text.startswith(delimiter, i):
            i += 3
            while i < len(text) and text[i] == delimiter[0]:  # up to two quotes inside
                i += 1
            return i
        else:
            i += 1
    return i


def rekeyed_text(text: str, source: str, scores: Mapping[str, Mapping[str, int]]) -> str:
    """``text`` (a valid bank) with the options of ``scores`` (item -> option -> score)
    scored as given and nothing else changed. Raises ``KeysError`` when the scores
    cannot be placed exactly, ``BankError`` when the bank is not valid."""
    bank = parse_bank(text, source)
    options = [
        (item.id, option.id, option.score)
        for item in bank.items.values()
        for option in item.options
    ]
    spans = score_spans(text)
    present = [int(text[start:end].replace("_", "")) for start, end in spans]
    if present != [score for _, _, score in options]:
        raise KeysError(
            Problem(
                source, say("panel.error.scores_not_found", found=len(spans), options=len(options))
            )
        )
    for item_id, by_option in scores.items():
        item = bank.items.get(item_id)
        unknown = [o for o in by_option if item is None or item.option(o) is None]
        if unknown:
            raise KeysError(Problem(source, say("panel.error.keys_unknown", item=item_id)))
    pieces: list[str] = []
    last = 0
    for (start, end), (item_id, option_id, score) in zip(spans, options, strict=True):
        wanted = scores.get(item_id, {}).get(option_id, score)
        pieces += [text[last:start], str(wanted) if wanted != score else text[start:end]]
        last = end
    pieces.append(text[last:])
    written = "".join(pieces)
    try:
        check = parse_bank(written, source)
    except BankError as error:
        raise KeysError(
            [
                Problem(p.where, say("panel.error.rekeyed_invalid", reason=p.message))
                for p in error.problems
            ]
        ) from None
    for item_id, by_option in scores.items():
        for option_id, score in by_option.items():
            option = check.items[item_id].option(option_id)
            if option is None or option.score != score:
                raise KeysError(
                    Problem(
                        source,
                        say("panel.error.scores_not_found", found=len(spans), options=len(options)),
                    )
                )
    return written
