"""What the exports of forms made by `asn-assess form export` call things.

The names, codes and titles come from ``forms.layout``, which the form writers use
too, so an export of such a form is recognised without a mapping file:

- KoboToolbox: columns named by the XLSForm names (item ids), with or without the
  group path (``diri/disiplin-01``, ``profil/nip``), or by the labels, with or without
  the group labels before them (``Memimpin diri sendiri/Saya ...``); ODK Central's
  CSV joins the group path with ``-`` (``diri-disiplin-01``);
- LimeSurvey: columns named by the question codes (``disiplin01``), by code and text
  (``disiplin01. Saya ...``) or by the question text;
- Google Forms: columns titled with the form's unique titles
  (``Situasi 3: Apa yang Anda lakukan?``);
- answers as LimeSurvey's answer codes (``NA``, role codes such as ``struk``) besides
  what every export may hold (values, labels, option ids and texts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asn_assess.core.answers import normalise_header, normalise_label
from asn_assess.core.documents import AnswerValue
from asn_assess.core.i18n import t
from asn_assess.core.models import Bank, Item
from asn_assess.forms.layout import (
    FORM_FIELDS,
    PROFILE_GROUP,
    bank_codes,
    introduction,
    item_choices,
)

_XML_PATH = re.compile(r"(?:[A-Za-z_][\w.-]*/)+([A-Za-z_][\w.-]*)")
# LimeSurvey's "question code & question text" heading: code, separator, text.
_CODE_AND_TEXT = re.compile(r"([A-Za-z][A-Za-z0-9]*)\s*[.:]\s+\S.*", re.DOTALL)


@dataclass(frozen=True)
class FormNames:
    """Lookups of the names a bank's forms give things, for matching headers."""

    items: dict[str, str]
    """XLSForm name or LimeSurvey code (case-folded) -> item id."""
    titles: dict[str, str]
    """Unique title in any language (normalised as headers are) -> item id."""
    codes: frozenset[str]
    """Every name or code a LimeSurvey heading may start with (case-folded)."""
    fields: frozenset[str]
    """The forms' own fields that hold no answer (case-folded): start, end, notes."""
    notes: frozenset[str]
    """The text of the introduction note in every language (normalised)."""
    groups: frozenset[str]
    """Group names and labels that a Kobo heading may start with (normalised)."""
    group_names: frozenset[str]
    """XLSForm group names (case-folded), which ODK Central joins to a name with '-'."""


def form_names(bank: Bank) -> FormNames:
    """The lookups for ``bank``'s forms."""
    codes = bank_codes(bank)
    items = {name.casefold(): item_id for item_id, name in codes.names.items()}
    items.update({code.casefold(): item_id for item_id, code in codes.codes.items()})
    titles = {
        normalise_header(title): item_id
        for item_id, by_language in codes.titles.items()
        for title in by_language.values()
    }
    groups = {normalise_header(name) for name in (*codes.group_names.values(), PROFILE_GROUP)}
    for pillar in bank.pillars:
        groups.update(normalise_header(title) for title in pillar.title.values())
    groups.update(normalise_header(t("form.label.profile", lang)) for lang in bank.languages)
    return FormNames(
        items=items,
        titles=titles,
        codes=frozenset({*items, *(name.casefold() for name in FORM_FIELDS)}),
        fields=frozenset(name.casefold() for name in FORM_FIELDS),
        notes=frozenset(normalise_header(introduction(bank, lang)) for lang in bank.languages),
        groups=frozenset(groups),
        group_names=frozenset(
            name.casefold() for name in (*codes.group_names.values(), PROFILE_GROUP)
        ),
    )


def bare_header(header: str, names: FormNames) -> str:
    """``header`` without what a platform put around the field's name or label: a
    Kobo group path, LimeSurvey's text after the code, Kobo's group labels."""
    text = header.strip()
    path = _XML_PATH.fullmatch(text)
    if path:
        return path.group(1)
    code = _CODE_AND_TEXT.fullmatch(text)
    if code and code.group(1).casefold() in names.codes:
        return code.group(1)
    # ODK Central joins the group path with '-': "diri-disiplin-01", "profil-nip".
    group, _, rest = text.partition("-")
    if group.casefold() in names.group_names and rest.casefold() in names.codes:
        return rest
    while "/" in text:
        group, rest = text.split("/", 1)
        if normalise_header(group) not in names.groups:
            break
        text = rest.strip()
    return text


def answer_codes(bank: Bank, item: Item) -> dict[str, AnswerValue]:
    """Every code and label the forms give an answer to ``item`` (normalised) -> its
    value: LimeSurvey's answer codes, XLSForm's choice names, the labels."""
    lookup: dict[str, AnswerValue] = {}
    for choice in item_choices(bank, item):
        for spelling in (choice.code, choice.name, *choice.labels.values()):
            lookup.setdefault(normalise_label(spelling), choice.value)
    return lookup


def role_codes(bank: Bank) -> dict[str, str]:
    """LimeSurvey's answer code of each role (case-folded) -> the role id."""
    return {code.casefold(): role for role, code in bank_codes(bank).role_codes.items()}
