"""Answers: turning what a person typed (or a survey export holds) into an answer
value, and checking a sheet's answers against its bank.

One place for the rules, used by the interactive session, answer sheets and file
imports: numbers, scale labels in any language of the bank, the usual abbreviations and
the spellings of "not applicable", compared without case and surrounding spaces. Option
letters for situational items likewise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional

from asn_assess.core.errors import AnswerSheetError, AssessError, Problem
from asn_assess.core.i18n import say
from asn_assess.core.models import NOT_APPLICABLE, SELF, Bank, Item, Scale, is_rater

if TYPE_CHECKING:
    from asn_assess.core.documents import AnswerSheet, AnswerValue

NOT_APPLICABLE_SPELLINGS = (
    "n",
    "na",
    "n/a",
    "n.a.",
    "tb",
    "t/b",
    "tidak berlaku",
    "not applicable",
)
"""How "not applicable" may be written in answer files and survey exports: ``n`` as
the interactive session's key, and the spellings forms and exports use. A scale that
uses one of them for a point (the agreement scale's ``N``, Netral) keeps it for that
point."""

_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """Case-folded, trimmed, inner runs of spaces folded to one."""
    return _SPACES.sub(" ", text.strip()).casefold()


_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalise_header(text: str) -> str:
    """Fold case, accents, punctuation and runs of space, so that a question's text in a
    survey export matches the bank's text whatever the tool did to it."""
    text = unicodedata.normalize("NFKC", text).replace("_", " ")
    text = _PUNCTUATION.sub(" ", text.casefold())
    return _SPACES.sub(" ", text).strip()


def scale_lookup(scale: Scale) -> dict[str, int]:
    """Every accepted spelling of every point of ``scale`` -> its value."""
    lookup: dict[str, int] = {}
    for point in scale.points:
        spellings = [str(point.value), *point.label.values(), *point.aliases]
        for spelling in spellings:
            lookup.setdefault(normalise_label(spelling), point.value)
    return lookup


def is_not_applicable(raw: str) -> bool:
    """Whether ``raw`` is one of the spellings of "not applicable"."""
    return normalise_label(raw) in NOT_APPLICABLE_SPELLINGS


def parse_scale_answer(scale: Scale, raw: str) -> Optional[int]:
    """The scale value ``raw`` stands for, or None when it stands for none."""
    return scale_lookup(scale).get(normalise_label(raw))


def parse_typed_scale_answer(scale: Scale, raw: str) -> Optional[int]:
    """The scale value typed at the interactive prompt: a point's number or its label
    written out, never an abbreviation. The prompt's own keys are single letters (``s``
    skip, ``n`` not applicable), and abbreviations such as ``S`` (Setuju) or ``N``
    (Netral) would be read as those keys; taking none of them keeps the rule simple."""
    wanted = normalise_label(raw)
    for point in scale.points:
        if wanted == str(point.value) or wanted in map(normalise_label, point.label.values()):
            return point.value
    return None


def parse_role(bank: Bank, raw: str) -> Optional[str]:
    """The id of the bank's role that ``raw`` names (its id or label in any language,
    without case), or None."""
    wanted = normalise_label(raw)
    for role in bank.roles:
        if wanted in (normalise_label(role.id), *map(normalise_label, role.label.values())):
            return role.id
    return None


def answer_choices(bank: Bank, item: Item) -> tuple[AnswerValue, ...]:
    """What ``item`` can be answered with (besides "na"), in a fixed order: its scale's
    point values from lowest to highest, or a situational item's option ids in bank order.

    An answer's position in this tuple is its *answer code*. Item analysis counts the
    answers by code, and the response-quality rules compare scale answers by it (the
    same position on the scale is the same answer, whatever the point values are).
    """
    if item.is_situational:
        return tuple(option.id for option in item.options)
    return tuple(sorted(point.value for point in bank.scale_of(item).points))


def answer_code(bank: Bank, item: Item, answer: AnswerValue) -> int:
    """The position of a checked answer among ``answer_choices``; -1 for "na"."""
    choices = answer_choices(bank, item)
    return choices.index(answer) if answer in choices else -1


SELF_SPELLINGS = ("self", "diri sendiri", "sendiri", "diri", "penilaian diri", "self-assessment")
"""How the rater group of a person's own answers may be written in a table."""


def parse_rater_group(bank: Bank, raw: str) -> Optional[str]:
    """The rater group ``raw`` names: ``self`` for its spellings, else the id of the
    bank's group whose id or label (any language, without case) it is; None otherwise."""
    wanted = normalise_label(raw)
    if wanted in SELF_SPELLINGS:
        return SELF
    for group in bank.rater_groups:
        if wanted in (normalise_label(group.id), *map(normalise_label, group.label.values())):
            return group.id
    return None


def rater_groups_text(bank: Bank) -> str:
    """The accepted rater groups, for messages: ``self, atasan, rekan, ...``."""
    return ", ".join([SELF, *(group.id for group in bank.rater_groups)])


def parse_option_answer(item: Item, raw: str) -> Optional[str]:
    """The option id ``raw`` names (case-insensitive), or None."""
    wanted = normalise_label(raw)
    return next((o.id for o in item.options if o.id.casefold() == wanted), None)


# --- checking answers ------------------------------------------------------------------------


def checked_answer_sheet(
    data: Any, source: str, bank_for: Callable[[AnswerSheet], Bank]
) -> tuple[AnswerSheet, Bank]:
    """Parsed JSON ``data`` as an answer sheet checked against its bank (``bank_for``
    chooses it from the sheet), or ``AnswerSheetError`` with every problem at once: a
    misspelt key does not hide the answers the bank would refuse."""
    from pydantic import ValidationError

    from asn_assess.core.documents import AnswerSheet, validate_document

    try:
        sheet = AnswerSheet.model_validate(data)
    except ValidationError as error:
        try:
            validate_document(data, AnswerSheet, source, AnswerSheetError)
        except AnswerSheetError as shape:
            problems = list(shape.problems)
        salvaged = _salvaged_sheet(data, error)
        if salvaged is not None and not any(p.where == source for p in problems):
            try:
                bank = bank_for(salvaged)
            except AssessError:
                pass  # the bank is not at hand: the shape's problems are all there is
            else:
                extra = answer_problems(bank, salvaged)
                problems += [Problem(f"{source}: {p.where}", p.message) for p in extra]
        raise AnswerSheetError(sorted(problems, key=lambda p: p.where)) from None
    bank = bank_for(sheet)
    problems = answer_problems(bank, sheet)
    if problems:
        raise AnswerSheetError([Problem(f"{source}: {p.where}", p.message) for p in problems])
    return sheet, bank


def _salvaged_sheet(data: Any, error: Any) -> Optional[AnswerSheet]:
    """``data`` without the keys and answers that failed validation, as a sheet whose
    remaining answers can still be checked against the bank; None when too little is left."""
    from pydantic import ValidationError

    from asn_assess.core.documents import AnswerSheet

    if not isinstance(data, dict):
        return None
    kept = dict(data)
    answers = dict(kept["answers"]) if isinstance(kept.get("answers"), dict) else None
    for detail in error.errors(include_url=False):
        loc = detail["loc"]
        if not loc:
            return None
        if loc[0] == "answers" and len(loc) >= 2 and answers is not None:
            answers.pop(loc[1], None)
        else:
            kept.pop(loc[0], None)
    if answers is not None:
        kept["answers"] = answers
    try:
        return AnswerSheet.model_validate(kept)
    except ValidationError:
        return None


def check_sheet(bank: Bank, sheet: AnswerSheet) -> None:
    """Every answer names an item of this bank and is a valid answer to it."""
    problems = answer_problems(bank, sheet)
    if problems:
        raise AnswerSheetError(problems)


def answer_problems(bank: Bank, sheet: AnswerSheet) -> list[Problem]:
    """Every way ``sheet`` does not fit ``bank``: its bank, language and answers."""
    problems: list[Problem] = []
    if sheet.bank_id != bank.id:
        problems.append(
            Problem(
                "bank_id",
                say("reading.sheet_other_bank", sheet_bank=sheet.bank_id, bank=bank.id),
            )
        )
    elif sheet.bank_version != bank.version:
        problems.append(
            Problem(
                "bank_version",
                say(
                    "reading.sheet_other_version",
                    sheet_version=sheet.bank_version,
                    bank=bank.id,
                    version=bank.version,
                ),
            )
        )
    if sheet.role is not None and bank.role(sheet.role) is None:
        known = ", ".join(role.id for role in bank.roles) or "-"
        problems.append(
            Problem("role", say("reading.no_role", role=sheet.role, bank=bank.id, roles=known))
        )
    rater = is_rater(sheet.rater_group)
    if rater and bank.rater_group(sheet.rater_group) is None:
        problems.append(
            Problem(
                "rater_group",
                say(
                    "reading.no_rater_group",
                    group=sheet.rater_group,
                    bank=bank.id,
                    groups=rater_groups_text(bank),
                ),
            )
        )
        rater = False  # its items cannot be checked against an unknown group
    if rater and sheet.target is None:
        problems.append(Problem("target", say("reading.rater_needs_target")))
    if sheet.language not in bank.languages:
        problems.append(
            Problem(
                "language",
                say(
                    "reading.sheet_language",
                    code=sheet.language,
                    languages=", ".join(bank.languages),
                ),
            )
        )
    asked = {
        item.id for item in bank.items_asked_of(sheet.role, sheet.rater_group if rater else None)
    }
    for item_id, answer in sheet.answers.items():
        where = f"answers.{item_id}"
        item = bank.items.get(item_id)
        if item is None:
            problems.append(Problem(where, say("reading.no_item", item=item_id, bank=bank.id)))
            continue
        if not item.asked_of(sheet.role):
            not_asked = say("reading.item_not_for_role", item=item_id, role=sheet.role)
            problems.append(Problem(where, not_asked))
            continue
        if item_id not in asked:
            problems.append(Problem(where, not_rated_by(item_id, sheet.rater_group)))
            continue
        message = answer_problem(bank, item, answer)
        if message:
            problems.append(Problem(where, message))
    return problems


def not_rated_by(item_id: str, rater_group: str) -> str:
    """Why a rater's answer to ``item_id`` is not accepted."""
    return say("reading.not_rated_by", item=item_id, group=rater_group)


def answer_problem(bank: Bank, item: Item, answer: AnswerValue) -> Optional[str]:
    """Why ``answer`` is not a valid answer to ``item``, or None when it is."""
    if item.is_situational:
        choices = ", ".join(o.id for o in item.options)
        if not isinstance(answer, str) or item.option(answer) is None:
            return say("reading.not_an_option", answer=repr(answer), choices=choices)
        return None
    scale = bank.scale_of(item)
    if answer == NOT_APPLICABLE:
        return None
    if isinstance(answer, bool) or not isinstance(answer, int):
        return say(
            "reading.not_a_number",
            answer=repr(answer),
            scale=scale.id,
            low=scale.low,
            high=scale.high,
            na=NOT_APPLICABLE,
        )
    if scale.point(answer) is None:
        values = ", ".join(str(p.value) for p in scale.points)
        return say("reading.not_on_scale", answer=answer, scale=scale.id, values=values)
    return None
