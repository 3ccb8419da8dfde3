"""Data models: the question bank, an answer sheet and a scored result.

All models forbid unknown keys, so a typo in a bank or a sheet is an error rather than
something silently ignored. Bank models are frozen: a loaded bank never changes.

Texts shown to people are ``LangText``: a table of language code -> text. Whether every
declared language is present is checked while validating a bank, through the validation
context (``{"languages": [...]}``), so the error carries the exact key path.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
)

from asn_assess.errors import NipError

SCHEMA_VERSION = 1
SCORING_VERSION = 1

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        max_length=64,
        description="Letters, digits, '-', '_' or '.', starting with a letter or digit.",
    ),
]


def _check_languages(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    """Every declared language present, no undeclared one, no empty text."""
    languages = (info.context or {}).get("languages")
    if languages is None:
        return value
    missing = [lang for lang in languages if lang not in value]
    unknown = [lang for lang in value if lang not in languages]
    empty = [lang for lang, text in value.items() if not text.strip()]
    problems = []
    if missing:
        problems.append(f"missing translation for {', '.join(missing)}")
    if unknown:
        problems.append(
            f"language {', '.join(unknown)} is not declared in `languages` "
            f"({', '.join(languages)})"
        )
    if empty:
        problems.append(f"empty text for {', '.join(empty)}")
    if problems:
        raise ValueError("; ".join(problems))
    return value


LangText = Annotated[dict[str, str], AfterValidator(_check_languages)]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScalePoint(_Frozen):
    value: StrictInt
    label: LangText
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other spellings accepted as this answer, e.g. 'SS' or 'Ragu-ragu'.",
    )


class Scale(_Frozen):
    id: Identifier
    name: LangText
    points: tuple[ScalePoint, ...] = Field(min_length=2)

    @property
    def low(self) -> int:
        return min(p.value for p in self.points)

    @property
    def high(self) -> int:
        return max(p.value for p in self.points)

    def point(self, value: int) -> Optional[ScalePoint]:
        return next((p for p in self.points if p.value == value), None)


class Band(_Frozen):
    id: Identifier
    min: float = Field(ge=0, le=100, strict=True, description="Lowest score (0-100) in this band.")
    label: LangText
    meaning: LangText


class Option(_Frozen):
    id: Identifier
    score: StrictInt
    text: LangText


class Item(_Frozen):
    id: Identifier
    kind: Literal["scale", "situational"] = "scale"
    scale: Identifier
    text: LangText
    reverse: Optional[StrictBool] = Field(
        default=None, description="Negatively worded: scored in reverse. Scale items only."
    )
    weight: float = Field(default=1.0, gt=0, strict=True)
    scenario: Optional[LangText] = None
    options: tuple[Option, ...] = ()

    @property
    def is_reversed(self) -> bool:
        return bool(self.reverse)

    @property
    def is_situational(self) -> bool:
        return self.kind == "situational"

    def option(self, option_id: str) -> Optional[Option]:
        return next((o for o in self.options if o.id == option_id), None)


ActionKind = Literal["on-the-job", "from-others", "training"]


class Action(_Frozen):
    kind: ActionKind
    text: LangText


class Indicator(_Frozen):
    id: Identifier
    title: LangText
    description: Optional[LangText] = None
    weight: float = Field(default=1.0, gt=0, strict=True)
    # An empty or missing list is reported by bank.consistency_problems, with the id.
    items: tuple[Item, ...] = ()
    actions: tuple[Action, ...] = ()


class Pillar(_Frozen):
    id: Identifier
    title: LangText
    description: Optional[LangText] = None
    weight: float = Field(default=1.0, gt=0, strict=True)
    indicators: tuple[Indicator, ...] = ()


class Bank(_Frozen):
    id: Identifier
    version: str = Field(min_length=1)
    languages: tuple[Identifier, ...] = Field(min_length=1)
    title: LangText
    description: LangText
    source: Optional[LangText] = None
    min_answered: float = Field(
        default=0.5,
        ge=0,
        le=1,
        strict=True,
        description="Share of a level's parts that must be answered for it to get a score.",
    )
    develop_below_band: Optional[Identifier] = Field(
        default=None,
        description="Indicators scoring below this band's threshold get development actions.",
    )
    scales: tuple[Scale, ...] = Field(min_length=1)
    bands: tuple[Band, ...] = Field(min_length=1)
    pillars: tuple[Pillar, ...] = ()

    _items: dict[str, Item] = PrivateAttr(default_factory=dict)
    _scales: dict[str, Scale] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        # Lookups used on every answer; built once because the bank never changes.
        self._scales = {s.id: s for s in self.scales}
        self._items = {
            item.id: item
            for pillar in self.pillars
            for indicator in pillar.indicators
            for item in indicator.items
        }

    @property
    def items(self) -> dict[str, Item]:
        """Every item by id, in bank order."""
        return self._items

    def scale_of(self, item: Item) -> Scale:
        return self._scales[item.scale]

    def band(self, band_id: str) -> Optional[Band]:
        return next((b for b in self.bands if b.id == band_id), None)

    @property
    def item_count(self) -> int:
        return len(self._items)

    @property
    def indicator_count(self) -> int:
        return sum(len(p.indicators) for p in self.pillars)

    def text(self, value: dict[str, str], language: str) -> str:
        """The text in ``language``, falling back to the bank's first language."""
        return value.get(language) or value[self.languages[0]]


# --- Answer sheets ------------------------------------------------------------


class Respondent(BaseModel):
    """Optional profile of the person answering. Every field may be left out."""

    model_config = ConfigDict(extra="forbid")

    name: Optional[str] = None
    nip: Optional[str] = Field(
        default=None,
        description="18-digit NIP; spaces are removed and the layout is checked.",
    )
    ni_pppk: Optional[str] = Field(
        default=None, description="18-digit NI PPPK; only its length is checked."
    )
    unit: Optional[str] = None
    position: Optional[str] = None

    @field_validator("nip", "ni_pppk")
    @classmethod
    def _normalise_number(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        if value is None or not value.strip():
            return None
        from asn_assess.nip import normalize_ni_pppk, normalize_nip

        normalise = normalize_nip if info.field_name == "nip" else normalize_ni_pppk
        try:
            return normalise(value)
        except NipError as error:  # pydantic reports a ValueError with its key path
            raise ValueError(str(error)) from None


AnswerValue = Union[StrictInt, StrictStr]


class AnswerSheet(BaseModel):
    """Answers to one bank, by item id. A skipped item is simply absent."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    bank_id: str
    bank_version: str
    language: str = "id"
    respondent: Optional[Respondent] = None
    started_at: Optional[datetime] = None
    finished_at: Optional[datetime] = None
    answers: dict[str, AnswerValue] = Field(
        default_factory=dict,
        description="Item id -> a scale value (number) or, for a situational item, an option id.",
    )


# --- Results ------------------------------------------------------------------


class IndicatorResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    score: Optional[float] = Field(description="0-100, or null when too few items were answered.")
    band: Optional[str] = None
    answered_items: int
    total_items: int


class PillarResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    score: Optional[float]
    band: Optional[str] = None
    answered_items: int
    total_items: int
    scored_indicators: int
    total_indicators: int
    indicators: list[IndicatorResult]


class OverallResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    score: Optional[float]
    band: Optional[str] = None
    answered_items: int
    total_items: int
    scored_pillars: int
    total_pillars: int


class Result(BaseModel):
    """A scored answer sheet. Keeps the raw answers so it can be re-scored later."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    scoring_version: Literal[1] = SCORING_VERSION
    bank_id: str
    bank_version: str
    language: str
    respondent: Optional[Respondent] = None
    started_at: Optional[datetime] = None
    finished_at: Optional[datetime] = None
    overall: OverallResult
    pillars: list[PillarResult]
    answers: dict[str, AnswerValue]

    def pillar(self, pillar_id: str) -> PillarResult:
        return next(p for p in self.pillars if p.id == pillar_id)

    def indicator(self, indicator_id: str) -> IndicatorResult:
        return next(i for p in self.pillars for i in p.indicators if i.id == indicator_id)
