"""The form as a Google Apps Script (.gs) that creates a Google Form with ``FormApp``.

Google Forms has no file to import; a script run from the user's own Google account
(script.google.com) builds the form in their Drive. The script holds no credentials:
Google asks the person running it for permission to create a form.

The script is fixed code plus one JSON value, ``FORM``, holding every text: the code
never pastes a text of the bank between its own tokens. The JSON is written with every
non-ASCII character and ``<``, ``>``, ``&`` as ``\\u`` escapes, so no text can end a
string, a comment or a script element.

The form: the title and description, the profile (text questions, NIP with a pattern
it must match), the role, then sections (page breaks) with a multiple-choice question
per item, titled with the unique titles of ``layout``. Google Forms has one language
per form, so a form is made for one language.

The role is asked in one of two ways:

- a form for every role (a bank with roles, no ``--role``): the role question sends
  each answer to the role's first section, and each section names the next one
  (``routes``), so that everyone sees their role's questions only;
- a form made for one role: a required question with that one role, so that the role
  is in every response; one section per pillar.
"""

from __future__ import annotations

import json
from typing import Any

from asn_assess.core.i18n import t
from asn_assess.forms.layout import FormLayout
from asn_assess.forms.routes import SUBMIT, role_routes

SCRIPT = """\
// asn-assess: a Google Form of a question bank.
// {instructions}

const FORM = {data};
const SUBMIT = -1;

function createForm() {{
  var form = FormApp.create(FORM.title);
  form.setDescription(FORM.description);
  form.setProgressBar(true);
  FORM.profile.forEach(function (field) {{
    var item = form.addTextItem().setTitle(field.title).setHelpText(field.hint);
    if (field.pattern) {{
      item.setValidation(
        FormApp.createTextValidation()
          .requireTextMatchesPattern(field.pattern)
          .setHelpText(field.message)
          .build()
      );
    }}
  }});
  var role = null;
  if (FORM.role) {{
    role = form.addMultipleChoiceItem()
      .setTitle(FORM.role.title)
      .setHelpText(FORM.role.hint)
      .setRequired(true);
  }}
  var pages = FORM.sections.map(function (section) {{
    var page = form.addPageBreakItem().setTitle(section.title).setHelpText(section.description);
    section.questions.forEach(function (question) {{
      var item = form.addMultipleChoiceItem()
        .setTitle(question.title)
        .setChoiceValues(question.choices);
      if (question.hint) {{
        item.setHelpText(question.hint);
      }}
    }});
    return page;
  }});
  // Where a section leads is set on the page break after it ("after section N").
  FORM.sections.forEach(function (section, index) {{
    if (index + 1 < pages.length && section.next !== index + 1) {{
      pages[index + 1].setGoToPage(
        section.next === SUBMIT ? FormApp.PageNavigationType.SUBMIT : pages[section.next]
      );
    }}
  }});
  if (role && FORM.role.pages) {{
    // Go to section based on answer: each role to its first section.
    role.setChoices(
      FORM.role.choices.map(function (label, index) {{
        var target = FORM.role.pages[index];
        return role.createChoice(
          label,
          target === SUBMIT ? FormApp.PageNavigationType.SUBMIT : pages[target]
        );
      }})
    );
  }} else if (role) {{
    role.setChoiceValues(FORM.role.choices);
  }}
  Logger.log(FORM.created + " " + form.getEditUrl());
  return form;
}}
"""


def script_literal(value: Any) -> str:
    """``value`` as a JavaScript literal that no text in it can break out of."""
    text = json.dumps(value, ensure_ascii=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def gforms_script(layout: FormLayout) -> str:
    """The Apps Script of ``layout`` (one language: its first)."""
    language = layout.languages[0]
    role = layout.role
    routes = role_routes(layout) if role is not None and role.fixed is None else None
    if routes is not None:
        pages = [(page.section, page.next) for page in routes.pages]
    else:
        sections = layout.sections
        pages = [
            (section, number + 1 if number + 1 < len(sections) else SUBMIT)
            for number, section in enumerate(sections)
        ]
    data: dict[str, Any] = {
        "title": layout.title[language],
        "description": layout.description[language],
        "created": t("form.label.created", language),
        "profile": [
            {
                "title": field.label[language],
                "hint": field.hint[language],
                "pattern": field.pattern or "",
                "message": field.message.get(language, ""),
            }
            for field in layout.profile
        ],
        "role": None,
        "sections": [
            {
                "title": section.title[language],
                "description": section.description.get(language, ""),
                "questions": [
                    {
                        "title": question.title[language],
                        "hint": question.hint.get(language, ""),
                        "choices": [choice.labels[language] for choice in question.choices],
                    }
                    for question in section.questions
                ],
                "next": following,
            }
            for section, following in pages
        ],
    }
    if role is not None and routes is not None:
        data["role"] = {
            "title": role.label[language],
            "hint": role.hint[language],
            "choices": [choice.labels[language] for choice in role.choices],
            "pages": [routes.first[str(choice.value)] for choice in role.choices],
        }
    elif role is not None and role.fixed is not None:
        fixed = next(choice for choice in role.choices if choice.value == role.fixed)
        data["role"] = {
            "title": role.label[language],
            "hint": role.hint[language],
            "choices": [fixed.labels[language]],
        }
    instructions = " ".join(t("form.label.run_script", language).split())
    return SCRIPT.format(instructions=instructions, data=script_literal(data))
