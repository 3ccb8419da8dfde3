"""The form every platform gets, and the names and codes its exports come back with.

One place decides, for a bank, everything the three writers (``xlsform``,
``limesurvey``, ``gforms``) share and everything ``batch`` needs to recognise their
exports: each item's XLSForm name, LimeSurvey question code and unique title; each
answer's XLSForm choice name and LimeSurvey answer code; the role's codes. These are
computed over the whole bank (every role, every language), so a form made for one role
and the batch run that reads its export always agree, and export and recognition
cannot drift apart.

A form is the bank's questions in the order `asn-assess start` asks them
(``questions_of``), one section per pillar, indicator names not shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Optional

from asn_assess.core.answers import normalise_header, normalise_label
from asn_assess.core.documents import AnswerValue
from asn_assess.core.errors import AssessError
from asn_assess.core.i18n import say, t
from asn_assess.core.models import NOT_APPLICABLE, Bank, Item, Pillar
from asn_assess.interactive.questionnaire import questions_of


class FormError(AssessError):
    """A bank that cannot be written as a form (e.g. two choices of a question that
    read the same, so their exported answers could not be told apart)."""


LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
"""How XLSForm names a language in its column headers: ``label::English (en)``."""

# The 18-digit NIP: birth date YYYYMMDD, appointment YYYYMM, gender 1|2, sequence NNN,
# with the spaces people type between the groups. No look-arounds, so that ODK (Java and
# JavaScript), Google Forms (RE2) and LimeSurvey (PCRE) all read it the same way.
NIP_PATTERN = (
    r"^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01]) ?"
    r"[0-9]{4}(0[1-9]|1[0-2]) ?[12] ?[0-9]{3}$"
)

# Field names of the profile and the role: what ``batch`` recognises as those columns.
PROFILE_FIELDS = ("nip", "unit", "position")
ROLE_FIELD = "role"
PROFILE_GROUP = "profil"
INTRO_NOTE = "intro"
# Names a form gives its own fields; an item never takes one of them.
FORM_FIELDS = (*PROFILE_FIELDS, ROLE_FIELD, PROFILE_GROUP, INTRO_NOTE, "start", "end", "meta")

# LimeSurvey: question codes are letters and digits starting with a letter, at most 20
# characters (the database column), unique, and not one of Expression Manager's
# reserved words; answer codes are 1-5 letters or digits.
LIMESURVEY_CODE_LENGTH = 20
LIMESURVEY_RESERVED = tuple("LANG SID SAVEDID TOKEN QID GID SGQ self that this".split())
LIMESURVEY_ANSWER_CODE = re.compile(r"[A-Za-z0-9]{1,5}")
NOT_APPLICABLE_CODE = "NA"

_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True)
class Choice:
    """One answer a form offers: the value it records in the bank's terms, and how each
    platform writes it."""

    value: AnswerValue  # a scale value, an option id, "na", or a role id
    name: str  # the XLSForm choice name (what Kobo exports as the "XML value")
    code: str  # the LimeSurvey answer code
    labels: dict[str, str]  # language -> the text people choose


@dataclass(frozen=True)
class BankCodes:
    """Names, codes and titles of a bank's items for every platform, role-independent."""

    names: dict[str, str]  # item id -> XLSForm name (the id, when it is an XML name)
    codes: dict[str, str]  # item id -> LimeSurvey question code
    titles: dict[str, dict[str, str]]  # item id -> language -> title, unique in the form
    group_names: dict[str, str]  # pillar id -> XLSForm group name
    role_codes: dict[str, str]  # role id -> LimeSurvey answer code


def bank_codes(bank: Bank) -> BankCodes:
    """Every item's names, codes and titles, from the whole bank in presentation order."""
    taken = {name.casefold() for name in FORM_FIELDS}
    group_names = {p.id: _unique(_xml_name(p.id, "g"), taken) for p in bank.pillars}
    names = {item_id: _unique(_xml_name(item_id, "q"), taken) for item_id in bank.items}
    # A code never equals another item's name either: batch looks both up in one table.
    every_name = {name.casefold() for name in names.values()}
    codes_taken = {code.casefold() for code in (*LIMESURVEY_RESERVED, *FORM_FIELDS)}
    codes: dict[str, str] = {}
    for item_id, name in names.items():
        refused = codes_taken | (every_name - {name.casefold()})
        codes[item_id] = _unique(_question_code(item_id), refused, LIMESURVEY_CODE_LENGTH)
        codes_taken.add(codes[item_id].casefold())
    role_taken: set[str] = set()
    role_codes = {
        role.id: _unique(_NOT_ALNUM.sub("", role.id)[:5] or "R", role_taken, 5)
        for role in bank.roles
    }
    return BankCodes(names, codes, _titles(bank), group_names, role_codes)


def _titles(bank: Bank) -> dict[str, dict[str, str]]:
    """Scale items are titled by their statement; situational items, whose question
    repeats ("Apa yang Anda lakukan?"), by a numbered question ("Situasi 3: ..."), the
    scenario going beside it. A title still equal to another (after folding case and
    punctuation, as ``batch`` compares them) gets a number."""
    titles: dict[str, dict[str, str]] = {item_id: {} for item_id in bank.items}
    situations = 0
    order = [question.item for question in questions_of(bank)]
    for item in order:
        if item.is_situational:
            situations += 1
        for language in bank.languages:
            text = bank.text(item.text, language)
            if item.is_situational:
                text = t("form.label.situation", language, number=situations, question=text)
            titles[item.id][language] = text
    for language in bank.languages:
        seen: dict[str, int] = {}
        for item in order:
            key = normalise_header(titles[item.id][language])
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                titles[item.id][language] += f" ({seen[key]})"
    return titles


def item_choices(bank: Bank, item: Item) -> tuple[Choice, ...]:
    """The answers to ``item`` in every language of the bank: the scale's points and
    "not applicable", or the situational item's options."""
    if item.is_situational:
        taken: set[str] = {NOT_APPLICABLE_CODE.casefold()}
        return tuple(
            Choice(
                option.id,
                option.id,
                _unique(
                    option.id if LIMESURVEY_ANSWER_CODE.fullmatch(option.id) else f"O{number}",
                    taken,
                    5,
                ),
                dict(option.text),
            )
            for number, option in enumerate(item.options, start=1)
        )
    scale = bank.scale_of(item)
    points = tuple(
        Choice(
            point.value, str(point.value), _answer_code(scale.id, point.value), dict(point.label)
        )
        for point in scale.points
    )
    not_applicable = Choice(
        NOT_APPLICABLE,
        NOT_APPLICABLE,
        NOT_APPLICABLE_CODE,
        {language: t("form.label.not_applicable", language) for language in bank.languages},
    )
    return (*points, not_applicable)


def introduction(bank: Bank, language: str) -> str:
    """What a form says before its questions: the bank's description and how to answer
    (in an XLSForm a note, which an export may show as a column)."""
    description = bank.text(bank.description, language).strip()
    return f"{description}\n\n{t('form.label.instructions', language)}"


def role_choices(bank: Bank, codes: Optional[BankCodes] = None) -> tuple[Choice, ...]:
    """The bank's roles as the answers of a role question."""
    role_codes = (codes or bank_codes(bank)).role_codes
    return tuple(
        Choice(role.id, role.id, role_codes[role.id], dict(role.label)) for role in bank.roles
    )


# --- one form ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One item as the form asks it."""

    item: Item
    name: str
    code: str
    title: dict[str, str]
    hint: dict[str, str]
    """The scenario of a situational item; empty for a statement."""
    choices: tuple[Choice, ...]
    list_name: str
    """The XLSForm choice list: one per scale, one per situational item."""
    roles: tuple[str, ...]
    """The roles asked this question when the form asks the role; empty: everyone."""


@dataclass(frozen=True)
class Section:
    """One pillar: a group (XLSForm, LimeSurvey) or a section (Google Forms)."""

    pillar: Pillar
    name: str
    title: dict[str, str]
    description: dict[str, str]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class TextField:
    """An optional profile question answered in words."""

    name: str
    label: dict[str, str]
    hint: dict[str, str]
    pattern: Optional[str] = None
    message: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoleField:
    """The role: asked (one of ``choices``) or, for a form made for one role, ``fixed``."""

    name: str
    label: dict[str, str]
    hint: dict[str, str]
    choices: tuple[Choice, ...]
    fixed: Optional[str]


@dataclass(frozen=True)
class FormLayout:
    """Everything a writer needs, texts already in the form's languages."""

    bank: Bank
    languages: tuple[str, ...]
    form_id: str
    title: dict[str, str]
    description: dict[str, str]
    profile_title: dict[str, str]
    profile: tuple[TextField, ...]
    role: Optional[RoleField]
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[Question]:
        """Every question, in the order asked."""
        return [question for section in self.sections for question in section.questions]


def form_layout(
    bank: Bank, languages: Sequence[str], role: Optional[str] = None, profile: bool = True
) -> FormLayout:
    """The form of ``bank`` in ``languages`` (each one of the bank's), for ``role`` (None:
    the form asks it when the bank has roles), with or without the profile fields.
    Raises ``FormError`` when two choices of a question read the same."""
    texts = _Texts(bank, tuple(languages))
    codes = bank_codes(bank)
    questions: dict[str, list[Question]] = {pillar.id: [] for pillar in bank.pillars}
    for asked in questions_of(bank, role):
        questions[asked.pillar.id].append(_question(bank, codes, asked.item, role, texts))
    sections = tuple(
        Section(
            pillar,
            codes.group_names[pillar.id],
            texts.bank(pillar.title),
            texts.bank(pillar.description) if pillar.description else {},
            tuple(questions[pillar.id]),
        )
        for pillar in bank.pillars
        if questions[pillar.id]
    )
    title = texts.bank(bank.title)
    chosen = bank.role(role) if role else None
    if chosen is not None:
        role_name = texts.bank(chosen.label)
        title = {
            lang: t("form.label.title_for_role", lang, title=title[lang], role=role_name[lang])
            for lang in texts.languages
        }
    role_field = None
    if bank.roles:
        choices = tuple(
            Choice(c.value, c.name, c.code, texts.bank(c.labels)) for c in role_choices(bank, codes)
        )
        role_field = RoleField(
            ROLE_FIELD,
            texts.tool("form.label.role"),
            texts.tool("form.label.role_hint"),
            choices,
            role,
        )
    return FormLayout(
        bank=bank,
        languages=texts.languages,
        form_id=f"{bank.id}-{role}" if role else bank.id,
        title=title,
        description={lang: introduction(bank, lang) for lang in texts.languages},
        profile_title=texts.tool("form.label.profile"),
        profile=_profile_fields(texts) if profile else (),
        role=role_field,
        sections=sections,
    )


@dataclass(frozen=True)
class _Texts:
    """Texts in the form's languages: the bank's, and the tool's own."""

    source: Bank
    languages: tuple[str, ...]

    def bank(self, value: dict[str, str]) -> dict[str, str]:
        return {lang: self.source.text(value, lang) for lang in self.languages}

    def tool(self, key: str) -> dict[str, str]:
        return {lang: t(key, lang) for lang in self.languages}


def _question(
    bank: Bank, codes: BankCodes, item: Item, role: Optional[str], texts: _Texts
) -> Question:
    choices = tuple(
        Choice(c.value, c.name, c.code, texts.bank(c.labels)) for c in item_choices(bank, item)
    )
    _check_choices(item, choices)
    name = codes.names[item.id]
    return Question(
        item=item,
        name=name,
        code=codes.codes[item.id],
        title=texts.bank(codes.titles[item.id]),
        hint=texts.bank(item.scenario) if item.scenario else {},
        choices=choices,
        list_name=f"options_{_list_key(name)}"
        if item.is_situational
        else f"scale_{_list_key(item.scale)}",
        roles=item.roles if role is None and bank.roles else (),
    )


def _profile_fields(texts: _Texts) -> tuple[TextField, ...]:
    optional = texts.tool("form.label.profile_hint")
    nip = TextField(
        "nip",
        texts.tool("form.label.nip"),
        texts.tool("form.label.nip_hint"),
        NIP_PATTERN,
        texts.tool("form.label.nip_invalid"),
    )
    return (
        nip,
        TextField("unit", texts.tool("form.label.unit"), optional),
        TextField("position", texts.tool("form.label.position"), optional),
    )


def _check_choices(item: Item, choices: Iterable[Choice]) -> None:
    """Exports that carry the chosen text (Google Forms, Kobo's labels) need every
    choice of a question to read differently."""
    seen: dict[tuple[str, str], Choice] = {}
    for choice in choices:
        for language, text in choice.labels.items():
            first = seen.setdefault((language, normalise_label(text)), choice)
            if first is not choice:
                raise FormError(
                    say(
                        "form.error.duplicate_choice",
                        item=item.id,
                        first=first.name,
                        second=choice.name,
                        lang=language,
                        text=text,
                    )
                )


# --- names and codes -----------------------------------------------------------------------


def _unique(candidate: str, taken: set[str], limit: Optional[int] = None) -> str:
    """``candidate``, or it with a number at the end, not yet in ``taken`` (compared
    without case, as the platforms compare); recorded as taken."""
    name, number = candidate[:limit] if limit else candidate, 1
    while name.casefold() in taken:
        number += 1
        suffix = str(number)
        name = (candidate[: limit - len(suffix)] if limit else candidate) + suffix
    taken.add(name.casefold())
    return name


def _xml_name(identifier: str, prefix: str) -> str:
    """An XML name for a bank id: the id itself unless it starts with a digit."""
    return identifier if _XML_NAME.fullmatch(identifier) else f"{prefix}{identifier}"


def _question_code(item_id: str) -> str:
    """A LimeSurvey code for an item id: its letters and digits (``disiplin-01`` ->
    ``disiplin01``), starting with a letter; a long one keeps its last part, which
    tells the items of an indicator apart (``komunikasi-ke-samping-01`` ->
    ``komunikasikesampin01``)."""
    code = _NOT_ALNUM.sub("", item_id)
    if not code[:1].isalpha():
        code = f"Q{code}"
    parts = _NOT_ALNUM.split(item_id)
    if len(code) > LIMESURVEY_CODE_LENGTH and len(parts) > 1:
        tail = parts[-1]
        if len(tail) <= LIMESURVEY_CODE_LENGTH // 2:
            return code[: LIMESURVEY_CODE_LENGTH - len(tail)] + tail
    return code[:LIMESURVEY_CODE_LENGTH]


def _answer_code(scale_id: str, value: int) -> str:
    """A scale value as a LimeSurvey answer code: its digits, or ``M`` and its digits
    for a negative value."""
    code = str(value) if value >= 0 else f"M{-value}"
    if not LIMESURVEY_ANSWER_CODE.fullmatch(code):
        raise FormError(say("form.error.scale_value", scale=scale_id, value=value))
    return code


def _list_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text)
