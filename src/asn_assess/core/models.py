"""The question bank as data: scales, bands, pillars, indicators, items and actions.

All models forbid unknown keys, so a typo in a bank is an error rather than something
silently ignored, and all are frozen: a loaded bank never changes.

Texts shown to people are ``LangText``: a table of language code -> text. Whether every
declared language is present is checked while validating a bank, through the validation
context (``{"languages": [...]}``), so the error carries the exact key path.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    ValidationInfo,
)

from asn_assess.core.i18n import say

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
        problems.append(say("rule.missing_translation", languages=", ".join(missing)))
    if unknown:
        problems.append(
            say(
                "rule.undeclared_language",
                languages=", ".join(unknown),
                declared=", ".join(languages),
            )
        )
    if empty:
        problems.append(say("rule.empty_text", languages=", ".join(empty)))
    if problems:
        raise ValueError("; ".join(problems))
    return value


MAX_WEIGHT = 1000
MIN_WEIGHT = 1e-6
"""The smallest weight: a weight meant as zero is a mistake to say so about, and one
near the smallest floats (5e-324, a subnormal) would vanish in a weighted mean beside
the others and give wrong scores. From 1e-6 to 1000, the largest weight is at most a
billion times the smallest, which a weighted mean of doubles carries exactly enough."""
MAX_SCALE_VALUE = 1000

Weight = Annotated[
    float,
    Field(
        ge=MIN_WEIGHT,
        le=MAX_WEIGHT,
        strict=True,
        allow_inf_nan=False,
        description="At least 0.000001, at most 1000.",
    ),
]
ScaleValue = Annotated[int, Field(strict=True, ge=-MAX_SCALE_VALUE, le=MAX_SCALE_VALUE)]

LangText = Annotated[
    dict[str, str],
    AfterValidator(_check_languages),
    Field(description="A text per language code, e.g. {id = '...', en = '...'}."),
]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScalePoint(_Frozen):
    """One answer a person can give on a scale, e.g. 4 = "Setuju" / "Agree"."""

    value: ScaleValue = Field(description="The number recorded as the answer (-1000 to 1000).")
    label: LangText = Field(description="What the person sees.")
    aliases: tuple[str, ...] = Field(
        default=(),
        description="Other spellings accepted as this answer, e.g. 'SS' or 'Ragu-ragu'.",
    )


class Scale(_Frozen):
    """An answer scale (agreement, frequency, situational fit); its lowest and highest
    values map to scores 0 and 100."""

    id: Identifier = Field(description="Referred to by each item's `scale`.")
    name: LangText = Field(description="Name of the scale, e.g. 'Agreement'.")
    points: tuple[ScalePoint, ...] = Field(min_length=2, description="The possible answers.")

    @property
    def low(self) -> int:
        """The lowest value on the scale (scores 0)."""
        return min(p.value for p in self.points)

    @property
    def high(self) -> int:
        """The highest value on the scale (scores 100)."""
        return max(p.value for p in self.points)

    def point(self, value: int) -> Optional[ScalePoint]:
        """The point with this value, or None."""
        return next((p for p in self.points if p.value == value), None)


class Band(_Frozen):
    """A score range on 0-100 with a label and what it means for the person."""

    id: Identifier = Field(description="Recorded in results, e.g. 'cakap'.")
    min: float = Field(
        ge=0,
        le=100,
        strict=True,
        allow_inf_nan=False,
        description="Lowest score (0-100) in this band.",
    )
    label: LangText = Field(description="Short name, e.g. 'Cakap' / 'Capable'.")
    meaning: LangText = Field(description="What this band means for one behaviour (indicator).")
    overall_meaning: Optional[LangText] = Field(
        default=None,
        description="What this band means for the overall score; `meaning` when absent.",
    )


NOT_APPLICABLE = "na"
"""The answer value that says an item does not apply to the person's job."""

DEFAULT_STATEMENTS_NEEDED = 2
"""Scoring version 3: answered statements an indicator needs, unless the bank says."""

SELF = "self"
"""The rater group of a person's own assessment (every other group rates someone else)."""


class Role(_Frozen):
    """A kind of position (e.g. staff without subordinates); items may be limited to
    some roles so that nobody is asked about work they do not do."""

    id: Identifier = Field(description="Named by items' `roles` and by `start --role`.")
    label: LangText = Field(description="Name of the role as the person picks it.")
    description: Optional[LangText] = Field(
        default=None, description="One sentence that helps a person choose this role."
    )


class RaterGroup(_Frozen):
    """People who rate someone else in 360-degree feedback (supervisor, peers, ...)."""

    id: Identifier = Field(description="e.g. 'atasan', 'rekan', 'bawahan'.")
    label: LangText = Field(description="Name of the group.")
    anonymous: bool = Field(
        default=True,
        description="False for a group of one by nature (the supervisor), shown as such.",
    )


class ConsistencyPair(_Frozen):
    """Two items about the same behaviour from opposite sides whose keyed answers
    should agree; a large gap flags inconsistent answering (it never changes scores)."""

    items: tuple[Identifier, Identifier] = Field(description="The two item ids.")


class CoreValue(_Frozen):
    """One of the core values of the ASN (BerAKHLAK: berorientasi pelayanan, akuntabel,
    ...). Items tagged with it make up the person's value profile."""

    id: Identifier = Field(description="Named by items' `values`, e.g. 'akuntabel'.")
    label: LangText = Field(description="Name of the value, e.g. 'Akuntabel' / 'Accountable'.")
    description: Optional[LangText] = Field(
        default=None, description="The behaviours the value stands for, in the bank's words."
    )


class Option(_Frozen):
    """One possible action in a situational item, with the score it is worth."""

    id: Identifier = Field(description="The letter typed to choose it, e.g. 'a' (not 'na').")
    score: ScaleValue = Field(description="A value of the item's scale.")
    text: LangText = Field(description="The action as the person reads it.")


class Item(_Frozen):
    """A statement answered on a scale, or a situational question with options."""

    id: Identifier = Field(description="Stable id, unique in the bank; answer sheets use it.")
    kind: Literal["scale", "situational"] = Field(
        default="scale", description="A statement on a scale, or a scenario with options."
    )
    scale: Identifier = Field(description="Id of the scale the item is answered on.")
    text: LangText = Field(description="The statement or, for a situational item, its question.")
    reverse: Optional[StrictBool] = Field(
        default=None, description="Negatively worded: scored in reverse. Scale items only."
    )
    weight: Weight = Field(
        default=1.0, description="Weight within its indicator (0.000001 <= w <= 1000)."
    )
    statement: Optional[Literal["behaviour", "self-knowledge"]] = Field(
        default=None,
        description="What a scale item states: a behaviour (answered on a frequency scale) "
        "or how one sees oneself (an agreement scale).",
    )
    roles: tuple[Identifier, ...] = Field(
        default=(), description="Roles asked this item; empty: every role."
    )
    observer_text: Optional[LangText] = Field(
        default=None,
        description="The statement in the third person, for someone rating the person.",
    )
    self_only: bool = Field(
        default=False, description="Others cannot judge this item; only the person answers it."
    )
    scenario: Optional[LangText] = Field(
        default=None, description="The situation of a situational item."
    )
    options: tuple[Option, ...] = Field(
        default=(), description="The choices of a situational item."
    )
    rationale: Optional[LangText] = Field(
        default=None, description="One sentence defending a situational item's key."
    )
    values: tuple[Identifier, ...] = Field(
        default=(), description="Core values (ids of the bank's `values`) this item shows."
    )
    rated_by: tuple[Identifier, ...] = Field(
        default=(),
        description="Rater groups asked this item, narrowing its indicator's `rated_by`; "
        "empty: every group that rates the indicator.",
    )

    @property
    def is_reversed(self) -> bool:
        """Whether the item is scored in reverse."""
        return bool(self.reverse)

    @property
    def is_situational(self) -> bool:
        """Whether the item is a scenario with options."""
        return self.kind == "situational"

    def option(self, option_id: str) -> Optional[Option]:
        """The option with this id, or None."""
        return next((o for o in self.options if o.id == option_id), None)

    def asked_of(self, role: Optional[str]) -> bool:
        """Whether a person in ``role`` is asked this item (None: every item is asked)."""
        return role is None or not self.roles or role in self.roles

    @property
    def observable(self) -> bool:
        """Whether someone else can rate this item (it has a third-person wording)."""
        return self.observer_text is not None and not self.self_only

    def rated_by_group(self, rater_group: str) -> bool:
        """Whether a rater of ``rater_group`` (whose group rates the item's indicator) is
        asked this item: it is observable and its own ``rated_by``, if any, names the group."""
        return self.observable and (not self.rated_by or rater_group in self.rated_by)

    def wording(self, rater_group: Optional[str] = None) -> LangText:
        """The statement as the person answering reads it: the observer wording for a
        rater (any group but ``self``), the item's own text otherwise."""
        if is_rater(rater_group) and self.observer_text is not None:
            return self.observer_text
        return self.text


def is_rater(rater_group: Optional[str]) -> bool:
    """Whether ``rater_group`` names someone rating another person (not ``self``)."""
    return rater_group is not None and rater_group != SELF


ActionKind = Literal["on-the-job", "from-others", "training"]


class Action(_Frozen):
    """A development action suggested for an indicator."""

    kind: ActionKind = Field(description="on-the-job, from-others or training.")
    text: LangText = Field(description="The action, addressed to the reader.")
    weeks: Optional[int] = Field(
        default=None, ge=1, le=104, strict=True, description="A suggested time frame, in weeks."
    )
    roles: tuple[Identifier, ...] = Field(
        default=(), description="Roles this action suits; empty: every role."
    )
    items: tuple[Identifier, ...] = Field(
        default=(),
        description="Items of its indicator the action addresses; the plan prefers actions "
        "whose items are among the person's lowest answers.",
    )
    jp: Optional[int] = Field(
        default=None,
        ge=1,
        le=1000,
        strict=True,
        description="Jam pelajaran (JP) a typical programme of this action counts towards "
        "the yearly competency development of an ASN, when it counts.",
    )
    linked: StrictBool = Field(
        default=False,
        description="The action uses an official instrument or process the person already "
        "has (e-Kinerja/SKP, dialog kinerja, SKM, ...); listed first.",
    )


class Indicator(_Frozen):
    """A behaviour within a pillar, measured by its items."""

    id: Identifier = Field(description="Unique in the whole bank.")
    title: LangText = Field(description="Name of the behaviour.")
    description: Optional[LangText] = Field(default=None, description="What it covers.")
    weight: Weight = Field(
        default=1.0, description="Weight within its pillar (0.000001 <= w <= 1000)."
    )
    rated_by: tuple[Identifier, ...] = Field(
        default=(), description="Rater groups that can observe this behaviour (360 feedback)."
    )
    # An empty or missing list is reported by bank.consistency_problems, with the id.
    items: tuple[Item, ...] = Field(default=(), description="The questions.")
    actions: tuple[Action, ...] = Field(default=(), description="Development actions.")

    def items_asked(self, role: Optional[str], rater_group: Optional[str] = None) -> list[Item]:
        """The items a person answering as ``rater_group`` (None or ``self``: the person
        themself) is asked about someone in ``role``.

        A rater is asked only about indicators their group rates (``rated_by``), and
        only the items others can observe; the person themself is asked every item of
        their role. The one statement of this rule: questions, checks and scores use it.
        """
        if not is_rater(rater_group):
            return [item for item in self.items if item.asked_of(role)]
        if rater_group not in self.rated_by:
            return []
        assert rater_group is not None
        return [
            item for item in self.items if item.asked_of(role) and item.rated_by_group(rater_group)
        ]


class Pillar(_Frozen):
    """One of the bank's top-level areas, e.g. leading yourself."""

    id: Identifier = Field(description="Unique in the whole bank.")
    title: LangText = Field(description="Name of the pillar.")
    description: Optional[LangText] = Field(default=None, description="What it covers.")
    weight: Weight = Field(
        default=1.0, description="Weight in the overall score (0.000001 <= w <= 1000)."
    )
    indicators: tuple[Indicator, ...] = Field(default=(), description="Its behaviours.")


class Bank(_Frozen):
    """A whole question bank: what is asked, how answers score, what the scores mean."""

    id: Identifier = Field(description="The bank's id; answer sheets name it in `bank_id`.")
    version: str = Field(
        min_length=1, max_length=64, description="Version of the content, e.g. '1.0.0'."
    )
    languages: tuple[Identifier, ...] = Field(
        min_length=1, description="Languages every text is written in; the first is the fallback."
    )
    title: LangText = Field(description="Name of the bank.")
    description: LangText = Field(description="What it assesses and what the result is for.")
    source: Optional[LangText] = Field(default=None, description="Where the content comes from.")
    min_answered: float = Field(
        default=0.5,
        ge=0,
        le=1,
        strict=True,
        allow_inf_nan=False,
        description="Share of a level's parts that must be answered for it to get a score.",
    )
    scoring_version: Literal[2, 3] = Field(
        default=2,
        description="The scoring rules the bank's answers are scored by (docs/scoring.md); "
        "3 adds the rule that an indicator needs `min_answered_statements` answered "
        "statements.",
    )
    min_answered_statements: Optional[int] = Field(
        default=None,
        ge=1,
        le=100,
        strict=True,
        description="Scoring version 3: the answered (not 'na') statements an indicator needs "
        "to be scored; with fewer applicable ones it does not apply to the person. Default 2.",
    )
    develop_below_band: Optional[Identifier] = Field(
        default=None,
        description="Indicators scoring below this band's threshold get development actions.",
    )
    presentation: Literal["grouped", "interleaved"] = Field(
        default="grouped",
        description="Order of the questions: indicator by indicator, or interleaved within "
        "each pillar (a fixed order, the same for everyone).",
    )
    roles: tuple[Role, ...] = Field(default=(), description="Kinds of position items may target.")
    rater_groups: tuple[RaterGroup, ...] = Field(
        default=(), description="Who may rate a person in 360-degree feedback."
    )
    scales: tuple[Scale, ...] = Field(min_length=1, description="Answer scales used by the items.")
    bands: tuple[Band, ...] = Field(min_length=1, description="Score bands, lowest first.")
    pillars: tuple[Pillar, ...] = Field(default=(), description="The content, top level.")
    consistency_pairs: tuple[ConsistencyPair, ...] = Field(
        default=(), description="Item pairs whose keyed answers should agree."
    )
    values: tuple[CoreValue, ...] = Field(
        default=(),
        description="Core values (BerAKHLAK) items may be tagged with; a bank without them "
        "has no value profile.",
    )

    _items: dict[str, Item] = PrivateAttr(default_factory=dict)
    _scales: dict[str, Scale] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: Any) -> None:
        """Build the lookups used on every answer, once: the bank never changes."""
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
        """The scale ``item`` is answered on."""
        return self._scales[item.scale]

    def role(self, role_id: str) -> Optional[Role]:
        """The role with this id, or None."""
        return next((r for r in self.roles if r.id == role_id), None)

    @property
    def statements_needed(self) -> int:
        """The answered statements an indicator needs to be scored: from scoring version 3,
        ``min_answered_statements`` (default 2); before it, no such rule (0)."""
        if self.scoring_version < 3:
            return 0
        return self.min_answered_statements or DEFAULT_STATEMENTS_NEEDED

    def value(self, value_id: str) -> Optional[CoreValue]:
        """The core value with this id, or None."""
        return next((v for v in self.values if v.id == value_id), None)

    def items_of_value(self, value_id: str) -> list[Item]:
        """The items tagged with a core value, in bank order."""
        return [item for item in self._items.values() if value_id in item.values]

    @property
    def development_threshold(self) -> float:
        """Indicators scoring below this are the ones to develop: the ``min`` of the
        bank's ``develop_below_band``; without one, of its highest band."""
        band = self.band(self.develop_below_band) if self.develop_below_band else None
        return band.min if band else self.bands[-1].min

    def band(self, band_id: str) -> Optional[Band]:
        """The band with this id, or None."""
        return next((b for b in self.bands if b.id == band_id), None)

    @property
    def item_count(self) -> int:
        """How many items the bank has."""
        return len(self._items)

    @property
    def indicator_count(self) -> int:
        """How many indicators the bank has."""
        return sum(len(p.indicators) for p in self.pillars)

    def items_asked_of(self, role: Optional[str], rater_group: Optional[str] = None) -> list[Item]:
        """The items a person in ``role`` is asked (by ``rater_group``: see
        ``Indicator.items_asked``), in bank order."""
        return [
            item
            for pillar in self.pillars
            for indicator in pillar.indicators
            for item in indicator.items_asked(role, rater_group)
        ]

    def rater_group(self, group_id: str) -> Optional[RaterGroup]:
        """The rater group with this id, or None."""
        return next((g for g in self.rater_groups if g.id == group_id), None)

    def text(self, value: dict[str, str], language: str) -> str:
        """The text in ``language``, falling back to the bank's first language."""
        return value.get(language) or value[self.languages[0]]
