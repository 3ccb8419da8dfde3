"""The form as a LimeSurvey survey structure in its tab-separated text format (.txt).

Why this format and not the .lss XML: LimeSurvey documents the tab-separated survey
structure as the one to write outside LimeSurvey ("Tab Separated Value survey
structure" in its manual) and imports it through the same "Import survey" button. It
needs no database ids: groups, questions and answers follow each other in rows, one
row per language, and LimeSurvey assigns the ids. The .lss file is a dump of
LimeSurvey's database tables, whose layout changed between versions (texts moved to
separate translation tables in 4.0); an .lss written for one version is converted, or
refused, by another.

Rows (column ``class``): ``S`` survey settings (base and additional languages, one
group per page), ``SL`` title and description per language, then per group (the
profile, then one per pillar) a ``G`` row per language followed by its questions: per
language a ``Q`` row (type ``L``, a list, for items and the role; ``S``, short text, for
the profile; ``*``, an equation, for a role fixed by ``--role``) and its ``A`` rows, the
answers, coded as ``layout`` says (scale values, option ids, ``NA``).

Every text is HTML in LimeSurvey and passes through its Expression Manager, which
evaluates ``{...}``: texts are HTML-escaped, braces included, and line breaks become
``<br />``. No field then holds a tab, a line break or a double quote, so no field
needs quoting (LimeSurvey's reader also strips a pair of quotes around a value).
"""

from __future__ import annotations

import csv
import html
import io
from typing import Optional

from asn_assess.forms.layout import ROLE_FIELD, Choice, FormLayout

COLUMNS = (
    "class",
    "type/scale",
    "name",
    "relevance",
    "text",
    "help",
    "language",
    "validation",
    "mandatory",
    "other",
    "default",
    "same_default",
    "hidden",
)
LIST, SHORT_TEXT, EQUATION = "L", "S", "*"
ROLE_VARIABLE = f"{ROLE_FIELD}.NAOK"  # the role question's answer code


def html_text(text: str) -> str:
    """``text`` as LimeSurvey shows it, never as markup or an expression."""
    escaped = html.escape(text.strip(), quote=True)
    escaped = escaped.replace("{", "&#123;").replace("}", "&#125;")
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return escaped.replace("\n", "<br />")


def limesurvey_text(layout: FormLayout) -> str:
    """The survey structure of ``layout``, as the text of a .txt file."""
    rows: list[dict[str, str]] = []
    base, *others = layout.languages
    rows += [
        {"class": "S", "name": "language", "text": base},
        {"class": "S", "name": "additional_languages", "text": " ".join(others)},
        {"class": "S", "name": "format", "text": "G"},  # one group per page
    ]
    for language in layout.languages:
        rows += [
            {
                "class": "SL",
                "name": "surveyls_title",
                "text": html_text(layout.title[language]),
                "language": language,
            },
            {
                "class": "SL",
                "name": "surveyls_description",
                "text": html_text(layout.description[language]),
                "language": language,
            },
        ]
    groups = 0
    role = layout.role
    if layout.profile or role is not None:
        groups += 1
        rows += _group_rows(layout, f"G{groups}", layout.profile_title, {})
        for field in layout.profile:
            for language in layout.languages:
                rows.append(
                    _question_row(
                        SHORT_TEXT,
                        field.name,
                        language,
                        field.label[language],
                        field.hint.get(language, ""),
                        validation=f"/{field.pattern}/" if field.pattern else "",
                    )
                )
        if role is not None and role.fixed is not None:
            # Recorded with every response, so that batch scores it on this role's items.
            for language in layout.languages:
                rows.append(
                    _question_row(
                        EQUATION, role.name, language, "", "", text=role.fixed, hidden="1"
                    )
                )
        elif role is not None:
            for language in layout.languages:
                rows.append(
                    _question_row(
                        LIST, role.name, language, role.label[language], role.hint[language], "Y"
                    )
                )
                rows += _answer_rows(role.choices, language)
    role_code = {choice.value: choice.code for choice in role.choices} if role else {}
    for section in layout.sections:
        groups += 1
        rows += _group_rows(layout, f"G{groups}", section.title, section.description)
        for question in section.questions:
            # Shown only to the roles asked (codes are letters and digits: no quoting).
            relevance = " or ".join(
                f"{ROLE_VARIABLE} == '{role_code[asked]}'" for asked in question.roles
            )
            for language in layout.languages:
                rows.append(
                    _question_row(
                        LIST,
                        question.code,
                        language,
                        question.title[language],
                        question.hint.get(language, ""),
                        relevance=relevance or "1",
                    )
                )
                rows += _answer_rows(question.choices, language)
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _group_rows(
    layout: FormLayout, sequence: str, title: dict[str, str], description: dict[str, str]
) -> list[dict[str, str]]:
    # The same sequence in ``type/scale`` makes the rows one group in several languages.
    return [
        {
            "class": "G",
            "type/scale": sequence,
            "name": html_text(title[language]),
            "relevance": "1",
            "text": html_text(description.get(language, "")),
            "language": language,
        }
        for language in layout.languages
    ]


def _question_row(
    kind: str,
    code: str,
    language: str,
    title: str,
    hint: str,
    mandatory: str = "N",
    relevance: str = "1",
    validation: str = "",
    text: Optional[str] = None,
    hidden: str = "",
) -> dict[str, str]:
    return {
        "class": "Q",
        "type/scale": kind,
        "name": code,
        "relevance": relevance,
        "text": text if text is not None else html_text(title),
        "help": html_text(hint),
        "language": language,
        "validation": validation,
        "mandatory": mandatory,
        "other": "N",
        "same_default": "0",
        "hidden": hidden,
    }


def _answer_rows(choices: tuple[Choice, ...], language: str) -> list[dict[str, str]]:
    return [
        {
            "class": "A",
            "type/scale": "0",
            "name": choice.code,
            "text": html_text(choice.labels[language]),
            "language": language,
        }
        for choice in choices
    ]
