"""The form as a Google Apps Script (.gs) that creates a Google Form with ``FormApp``.

Google Forms has no file to import; a script run from the user's own Google account
(script.google.com) builds the form in their Drive. The script holds no credentials:
Google asks the person running it for permission to create a form.

The script is fixed code plus one JSON value, ``FORM``, holding every text: the code
never pastes a text of the bank between its own tokens. The JSON is written with every
non-ASCII character and ``<``, ``>``, ``&`` as ``\\u`` escapes, so no text can end a
string, a comment or a script element.

The form: the title and description, the profile (text questions, NIP with a pattern
it must match), the role when the form was made for one (a required question with that
one role, so that it is in every response), then a section (page break) per pillar with
a multiple-choice question per item, titled with the unique titles of ``layout``.
Google Forms has one language per form and no question shown to some people only, so a
form is made for one language and, when the bank has roles, for one role.
"""

from __future__ import annotations

import json
from typing import Any

from asn_assess.core.i18n import t
from asn_assess.forms.layout import FormLayout

SCRIPT = """\
// asn-assess: a Google Form of a question bank.
// {instructions}

const FORM = {data};

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
  if (FORM.role) {{
    form.addMultipleChoiceItem()
      .setTitle(FORM.role.title)
      .setHelpText(FORM.role.hint)
      .setChoiceValues(FORM.role.choices)
      .setRequired(true);
  }}
  FORM.sections.forEach(function (section) {{
    form.addPageBreakItem().setTitle(section.title).setHelpText(section.description);
    section.questions.forEach(function (question) {{
      var item = form.addMultipleChoiceItem()
        .setTitle(question.title)
        .setChoiceValues(question.choices);
      if (question.hint) {{
        item.setHelpText(question.hint);
      }}
    }});
  }});
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
            }
            for section in layout.sections
        ],
    }
    if role is not None and role.fixed is not None:
        fixed = next(choice for choice in role.choices if choice.value == role.fixed)
        data["role"] = {
            "title": role.label[language],
            "hint": role.hint[language],
            "choices": [fixed.labels[language]],
        }
    instructions = " ".join(t("form.label.run_script", language).split())
    return SCRIPT.format(instructions=instructions, data=script_literal(data))
