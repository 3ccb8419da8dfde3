"""`asn-assess form export` as a library call: which platform, which languages, which
file, and the form's bytes.

    from asn_assess import resolve_bank
    from asn_assess.forms.export import export_form

    data, layout = export_form(resolve_bank(), "xlsform", ("id", "en"))

Checks that need no file system are here, so that a script gets the same refusals as
the command line; nothing here writes or prints.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Optional

from asn_assess.core.i18n import say
from asn_assess.core.models import Bank
from asn_assess.forms.layout import FormError, FormLayout, form_layout

FormFormat = Literal["xlsform", "limesurvey", "gforms"]
FORMATS: tuple[FormFormat, ...] = ("xlsform", "limesurvey", "gforms")
FORMAT_SUFFIX: dict[str, str] = {"xlsform": ".xlsx", "limesurvey": ".txt", "gforms": ".gs"}
SUFFIX_FORMAT: dict[str, FormFormat] = {
    ".xlsx": "xlsform",
    ".txt": "limesurvey",
    ".tsv": "limesurvey",
    ".gs": "gforms",
    ".js": "gforms",
}
PLATFORM: dict[str, str] = {
    "xlsform": "KoboToolbox / ODK",
    "limesurvey": "LimeSurvey",
    "gforms": "Google Forms",
}
BOTH = "both"


class FormOptionError(FormError):
    """Options that do not make a form (exit code 2, like other usage errors)."""

    exit_code = 2


def choose_format(output: Path, requested: Optional[str]) -> FormFormat:
    """The platform: ``requested``, else the one ``output``'s suffix names; a suffix
    that names another platform is refused."""
    suffix = output.suffix.casefold()
    if suffix == ".lss":  # LimeSurvey's XML, which this is not
        raise FormOptionError(say("form.error.lss_suffix", path=output))
    from_suffix = SUFFIX_FORMAT.get(suffix)
    if requested is None:
        if from_suffix is None:
            raise FormOptionError(say("form.error.format_unknown_suffix", path=output))
        return from_suffix
    chosen = next((f for f in FORMATS if f == requested.strip().casefold()), None)
    if chosen is None:
        raise FormOptionError(say("form.error.unknown_format", value=requested))
    if from_suffix is not None and from_suffix != chosen:
        raise FormOptionError(
            say(
                "form.error.format_mismatch",
                path=output,
                format=chosen,
                expected=FORMAT_SUFFIX[chosen],
                suffix=suffix,
            )
        )
    return chosen


def choose_languages(bank: Bank, requested: Optional[str], form_format: str) -> tuple[str, ...]:
    """The form's languages: one of the bank's, or ``both`` (all of them). Default:
    all, except for Google Forms, whose forms have one language (the bank's first)."""
    if requested is None:
        return bank.languages[:1] if form_format == "gforms" else bank.languages
    wanted = requested.strip().casefold()
    if wanted == BOTH:
        if form_format == "gforms" and len(bank.languages) > 1:
            raise FormOptionError(
                say("form.error.gforms_one_language", languages="|".join(bank.languages))
            )
        return bank.languages
    if wanted not in bank.languages:
        raise FormOptionError(
            say("form.error.unknown_lang", value=requested, languages=", ".join(bank.languages))
        )
    return (wanted,)


def export_form(
    bank: Bank,
    form_format: FormFormat,
    languages: Sequence[str],
    role: Optional[str] = None,
    profile: bool = True,
) -> tuple[bytes, FormLayout]:
    """The form file's bytes for ``form_format``, and the layout it was made from.
    ``role`` is a role id of the bank (None: the form asks the role)."""
    layout = form_layout(bank, languages, role, profile)
    if form_format == "xlsform":
        from asn_assess.forms.xlsform import xlsform_bytes

        return xlsform_bytes(layout), layout
    if form_format == "limesurvey":
        from asn_assess.forms.limesurvey import limesurvey_text

        return limesurvey_text(layout).encode("utf-8"), layout
    from asn_assess.forms.gforms import gforms_script

    return gforms_script(layout).encode("utf-8"), layout


def is_same_file(output: Path, other: Path) -> bool:
    """Whether writing ``output`` would overwrite ``other`` (through links, too)."""
    try:
        return os.path.samefile(output, other)
    except OSError:
        return output.resolve() == other.resolve()
