"""The tool's JSON documents, answer sheets and results, and how they are read and
written. No terminal I/O here: callers decide what to print."""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Annotated, Any, Literal, Optional, TypeVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StrictInt,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from asn_assess.core.errors import AnswerSheetError, AssessError, NipError, Problem, ResultError
from asn_assess.core.i18n import say
from asn_assess.core.models import SELF, Identifier
from asn_assess.core.nip import ascii_digits
from asn_assess.core.validation import validation_problems

SCHEMA_VERSION: Literal[1] = 1
SCORING_VERSION: Literal[2] = 2
"""The scoring version of a bank that does not declare one. Version 2 added "not
applicable" answers and roles (version 1 results still read); version 3, declared by a
bank, the rule that an indicator needs answered statements (``Bank.statements_needed``)."""

AnswerValue = Union[StrictInt, StrictStr]
Seconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Version = Annotated[str, Field(max_length=64)]
# A weighted mean of scores that are all 100 can come out one float step above 100.
SCORE_ROUNDING = 1e-9
Score = Annotated[
    Optional[float],
    Field(ge=0, le=100 + SCORE_ROUNDING, allow_inf_nan=False, description="0-100, or null."),
]
Count = Annotated[int, Field(ge=0, le=100_000)]

_NUMBER_SEPARATORS = re.compile(r"[\s.\-]+")
_SPACES = re.compile(r"\s+")


def normalise_target(raw: Optional[str]) -> Optional[str]:
    """Who is rated, written one way: spaces trimmed and folded, and an 18-digit number
    typed with separators (a NIP such as ``19860926 201505 1 001``) as its digits, so
    that the ways people write one id name one person. None for an empty value."""
    if raw is None:
        return None
    text = _SPACES.sub(" ", raw).strip()
    digits = _NUMBER_SEPARATORS.sub("", ascii_digits(text))
    if len(digits) == 18 and digits.isdigit() and digits.isascii():
        return digits
    return text or None


def rated_person(
    target: Optional[str], rater_group: str, respondent_id: Optional[str]
) -> Optional[str]:
    """Who a sheet rates: its ``target`` or, on a person's own answers, the person
    answering (``respondent_id``: their NIP, name or id); None for a rater's sheet that
    names nobody."""
    if target:
        return normalise_target(target)
    return None if rater_group != SELF else normalise_target(respondent_id)


TARGET_DESCRIPTION = (
    "Who is rated, in 360-degree feedback: a name, NIP or other id (a NIP is stored as its "
    "18 digits). Null: the person answering, on their own assessment."
)
RATER_GROUP_DESCRIPTION = (
    "Who answered: 'self' for the person's own assessment, else the id of one of the "
    "bank's rater groups (e.g. 'rekan'), whose members were asked the observer wordings "
    "of the indicators that group rates."
)


class Respondent(BaseModel):
    """Optional profile of the person answering. Every field may be left out."""

    model_config = ConfigDict(extra="forbid")

    name: Optional[str] = Field(default=None, description="The person's name.")
    nip: Optional[str] = Field(
        default=None,
        description="18-digit NIP; spaces are removed and the layout is checked.",
    )
    ni_pppk: Optional[str] = Field(
        default=None, description="18-digit NI PPPK; only its length is checked."
    )
    unit: Optional[str] = Field(default=None, description="Work unit (unit kerja).")
    position: Optional[str] = Field(default=None, description="Position (jabatan).")

    @field_validator("nip", "ni_pppk")
    @classmethod
    def _normalise_number(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        if value is None or not value.strip():
            return None
        from asn_assess.core.nip import normalise_ni_pppk, normalise_nip

        normalise = normalise_nip if info.field_name == "nip" else normalise_ni_pppk
        try:
            return normalise(value)
        except NipError as error:  # pydantic reports a ValueError with its key path
            # The error's text is English (see core.nip); this one reaches the user.
            raise ValueError(say(f"nip.{error.code}", **error.values)) from None


NO_NAME = "tanpa nama"
"""Whose a result is when its profile names nobody: one respondent, written this way in
every language (``history list`` shows it in the interface language)."""


def respondent_identity(respondent: Optional[Respondent], from_session: bool) -> Optional[str]:
    """Whose a result or a session is: the NIP (or NI PPPK) when given, else the name
    with its spaces folded, else ``NO_NAME``. A result not made by a session on this
    computer (``from_session`` False) that names nobody belongs to no known respondent:
    None, and it is never compared with anyone's."""
    if respondent is not None:
        number = respondent.nip or respondent.ni_pppk
        if number:
            return number
        name = " ".join((respondent.name or "").split())
        if name:
            return name
    return NO_NAME if from_session else None


def same_respondent(first: Optional[str], second: Optional[str]) -> bool:
    """Whether two identities (``respondent_identity``) are one person: equal without
    regard to case; an unknown one (None) is nobody's equal, not even its own."""
    return first is not None and second is not None and first.casefold() == second.casefold()


def result_respondent(result: Result) -> Optional[str]:
    """Whose ``result`` is (``respondent_identity``)."""
    return respondent_identity(result.respondent, result.session_id is not None)


class AnswerSheet(BaseModel):
    """Answers to one bank, by item id. A skipped item is simply absent."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION, description="Version of this document's layout."
    )
    bank_id: Identifier = Field(description="Id of the bank the answers belong to.")
    bank_version: Version = Field(description="Version of that bank.")
    language: str = Field(default="id", description="Language the questions were read in.")
    role: Optional[str] = Field(
        default=None,
        description="The person's role (a role id of the bank); only that role's items "
        "were asked. Null: every item.",
    )
    respondent: Optional[Respondent] = Field(default=None, description="Who answered (optional).")
    target: Optional[str] = Field(default=None, description=TARGET_DESCRIPTION)
    rater_group: str = Field(default=SELF, description=RATER_GROUP_DESCRIPTION)
    started_at: Optional[datetime] = Field(default=None, description="When answering began.")
    finished_at: Optional[datetime] = Field(default=None, description="When answering ended.")
    answers: dict[str, AnswerValue] = Field(
        default_factory=dict,
        description='Item id -> a scale value (number), "na" when the item does not apply, '
        "or for a situational item an option id. A skipped item is absent.",
    )
    durations: Optional[dict[str, Seconds]] = Field(
        default=None,
        description="Seconds each question was on screen (summed over visits when the "
        "person went back), by item id. `asn-assess start` records them when answers are "
        "typed at a terminal; the response-quality rule on answering speed reads them.",
    )

    @field_validator("target")
    @classmethod
    def _one_spelling(cls, value: Optional[str]) -> Optional[str]:
        return normalise_target(value)


class QualityFlag(BaseModel):
    """A response-quality rule the answers trip (docs/analysis.md lists the rules). A
    flag never changes a score: it says the answers may describe the person less well."""

    model_config = ConfigDict(extra="forbid")

    rule: str = Field(description="The rule's id, e.g. 'modal-share' or 'fast-answers'.")
    value: float = Field(description="What the rule measured on these answers.")
    threshold: float = Field(
        description="The rule's threshold: 'fast-answers' flags values below it, every "
        "other rule values at or above it."
    )


class IndicatorResult(BaseModel):
    """The score of one indicator."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The indicator's id in the bank.")
    score: Score = Field(description="0-100, or null when too few items were answered.")
    band: Optional[str] = Field(default=None, description="Id of the score's band, or null.")
    answered_items: Count = Field(description="Items of this indicator that were answered.")
    not_applicable_items: Count = Field(default=0, description='Items answered "na".')
    total_items: Count = Field(description="Items of this indicator the person was asked.")
    not_applicable: bool = Field(
        default=False,
        description="The indicator does not apply to this person (no score, not counted in "
        'its pillar): every item asked was answered "na" or, from scoring version 3, too '
        "few statements apply. Worked out from the counts when a result lacks it.",
    )

    @model_validator(mode="before")
    @classmethod
    def _not_applicable_from_counts(cls, data: Any) -> Any:
        # Results saved before the field existed: every item asked answered "na" is
        # exactly what it meant then.
        if isinstance(data, dict) and "not_applicable" not in data:
            total, na = data.get("total_items"), data.get("not_applicable_items", 0)
            if isinstance(total, int) and isinstance(na, int):
                data = {**data, "not_applicable": total > 0 and na == total}
        return data


class ValueResult(BaseModel):
    """The score of one core value: the weighted mean of the items tagged with it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The core value's id in the bank (e.g. 'akuntabel').")
    score: Score = Field(description="0-100, or null when too few tagged items were answered.")
    band: Optional[str] = Field(default=None, description="Id of the score's band, or null.")
    answered_items: Count = Field(description="Tagged items that were answered.")
    not_applicable_items: Count = Field(default=0, description='Tagged items answered "na".')
    total_items: Count = Field(description="Tagged items the person was asked.")
    not_applicable: bool = Field(
        default=False, description="Too few tagged items apply to this person for a score."
    )


class PillarResult(BaseModel):
    """The score of one pillar and of its indicators."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The pillar's id in the bank.")
    score: Score = Field(description="0-100, or null when too few indicators scored.")
    band: Optional[str] = Field(default=None, description="Id of the score's band, or null.")
    answered_items: Count = Field(description="Items of this pillar that were answered.")
    not_applicable_items: Count = Field(default=0, description='Items answered "na".')
    total_items: Count = Field(description="Items of this pillar the person was asked.")
    scored_indicators: Count = Field(description="Indicators that got a score.")
    not_applicable_indicators: Count = Field(
        default=0, description="Indicators none of whose items applied."
    )
    total_indicators: Count = Field(description="Indicators this pillar has.")
    indicators: list[IndicatorResult] = Field(description="Its indicators, in bank order.")


class OverallResult(BaseModel):
    """The overall score."""

    model_config = ConfigDict(extra="forbid")

    score: Score = Field(description="0-100, or null unless every applicable pillar scored.")
    band: Optional[str] = Field(default=None, description="Id of the score's band, or null.")
    answered_items: Count = Field(description="Items answered in all.")
    not_applicable_items: Count = Field(default=0, description='Items answered "na".')
    total_items: Count = Field(description="Items the person was asked.")
    scored_pillars: Count = Field(description="Pillars that got a score.")
    not_applicable_pillars: Count = Field(
        default=0, description="Pillars none of whose items applied."
    )
    total_pillars: Count = Field(description="Pillars the bank has.")


class Result(BaseModel):
    """A scored answer sheet. Keeps the raw answers so it can be re-scored later."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION, description="Version of this document's layout."
    )
    scoring_version: Literal[1, 2, 3] = Field(
        default=SCORING_VERSION,
        description="Version of the scoring rules (docs/scoring.md): the bank's; 1 for "
        "results made before not-applicable answers and roles existed.",
    )
    bank_id: Identifier = Field(description="Id of the bank that scored it.")
    bank_version: Version = Field(description="Version of that bank.")
    language: str = Field(description="Language the questions were read in.")
    role: Optional[str] = Field(default=None, description="The person's role, if one was given.")
    respondent: Optional[Respondent] = Field(default=None, description="Who answered (optional).")
    target: Optional[str] = Field(default=None, description=TARGET_DESCRIPTION)
    rater_group: str = Field(default=SELF, description=RATER_GROUP_DESCRIPTION)
    started_at: Optional[datetime] = Field(default=None, description="When answering began.")
    finished_at: Optional[datetime] = Field(default=None, description="When answering ended.")
    overall: OverallResult = Field(description="The overall score.")
    pillars: list[PillarResult] = Field(description="Each pillar, in bank order.")
    values: list[ValueResult] = Field(
        default_factory=list,
        description="The core-value profile: each of the bank's core values, in bank order "
        "(empty for a bank without values). A reflection, not an official rating.",
    )
    answers: dict[str, AnswerValue] = Field(description="The raw answers, by item id.")
    durations: Optional[dict[str, Seconds]] = Field(
        default=None, description="Seconds spent on each question, as in the answer sheet."
    )
    quality: list[QualityFlag] = Field(
        default_factory=list,
        description="Response-quality flags the answers trip (empty: none). They never "
        "change the scores.",
    )
    session_id: Optional[str] = Field(
        default=None,
        max_length=64,
        description="The `asn-assess start` session that produced it: a session finishing "
        "twice (resumed after a crash) is saved once. Absent on results made otherwise; "
        "such a result that names nobody belongs to no known respondent.",
    )

    @field_validator("target")
    @classmethod
    def _one_spelling(cls, value: Optional[str]) -> Optional[str]:
        return normalise_target(value)

    @model_serializer(mode="wrap")
    def _without_absent_session(self, handler: SerializerFunctionWrapHandler) -> Any:
        # Results made by score and batch have no session: their JSON stays as it was.
        data = handler(self)
        if isinstance(data, dict) and data.get("session_id") is None:
            data.pop("session_id", None)
        return data

    def pillar(self, pillar_id: str) -> PillarResult:
        """The pillar result with this id (``StopIteration`` when there is none)."""
        return next(p for p in self.pillars if p.id == pillar_id)

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """The indicator result with this id (``StopIteration`` when there is none)."""
        return next(i for p in self.pillars for i in p.indicators if i.id == indicator_id)


# --- reading and writing ----------------------------------------------------------------

Model = TypeVar("Model", bound=BaseModel)


def _no_constant(name: str) -> Any:
    raise ValueError(say("json.not_a_number", value=name))


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e999 parses as infinity
        raise ValueError(say("json.not_a_number", value=text[:20]))
    return value


def load_json(text: str, source: str, error: type[AssessError]) -> Any:
    """JSON text as data, or ``error`` naming ``source`` (and the line and column where
    the parser knows them). Beyond invalid JSON this refuses what Python's parser would
    take badly: NaN and Infinity (not JSON numbers), numbers beyond a float, integers
    longer than Python converts (4,300 digits) and nesting deeper than it can follow."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as problem:
        raise error(
            Problem(
                f"{source}:{problem.lineno}:{problem.colno}",
                say("reading.invalid_json", reason=problem.msg),
            )
        ) from None
    except RecursionError:
        raise error(Problem(source, say("json.too_deep"))) from None
    except ValueError as problem:  # our own refusals, and integers over the digit limit
        message = str(problem)
        if "digits" in message and "integer" in message:
            message = say("json.too_long")
        raise error(Problem(source, message)) from None


def parse_document(text: str, model: type[Model], source: str, error: type[AssessError]) -> Model:
    """Parse JSON text into ``model``; every problem names ``source`` and a line or key path."""
    return validate_document(load_json(text, source, error), model, source, error)


def validate_document(
    data: Any, model: type[Model], source: str, error: type[AssessError]
) -> Model:
    """Already parsed JSON data as ``model``; every problem names ``source`` and a key path."""
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        hint = other_document_hint(data, model, source)
        if hint:  # not a broken document of this kind, but another kind of document
            raise error(Problem(source, hint)) from None
        raise error(validation_problems(problem, source, "check.keys_schema")) from None


def other_document_hint(data: Any, model: type[BaseModel], source: str) -> Optional[str]:
    """What to do with ``data`` when it is not the ``model`` asked for but another of the
    tool's documents (a result given to `score`, an answer sheet to `report`, norms)."""
    if not isinstance(data, dict):
        return None
    path = source.rsplit(":", 2)[0] if source.count(":") >= 2 else source  # file:line:col
    if "overall" in data and "pillars" in data and model is not Result:
        return say("check.is_result", path=path)
    if "answers" in data and "overall" not in data and model is Result:
        return say("check.is_sheet", path=path)
    if "groups" in data and "answers" not in data and model in (Result, AnswerSheet):
        return say("check.is_norms", path=path)
    return None


def parse_answer_sheet(text: str, source: str = "<answers>") -> AnswerSheet:
    """An answer sheet from JSON text; ``AnswerSheetError`` naming ``source`` otherwise."""
    return parse_document(text, AnswerSheet, source, AnswerSheetError)


def parse_result(text: str, source: str = "<result>") -> Result:
    """A result from JSON text; ``ResultError`` naming ``source`` otherwise."""
    return parse_document(text, Result, source, ResultError)


def to_json(model: BaseModel) -> str:
    """The JSON form used for every document the tool writes: indented, UTF-8 text kept
    readable (no \\u escapes), ending with a newline."""
    return model.model_dump_json(indent=2) + "\n"
