"""Interface texts in Bahasa Indonesia (the default) and English.

The interface language is one setting for every message and help text, chosen in this
order: ``set_interface_language`` (the command line's ``--lang``), the
``$ASN_ASSESS_LANG`` environment variable, ``language`` in the user's configuration file
(``core/config.py``), else Bahasa Indonesia. Codes are read without regard to case.

Bank texts (questions, bands, actions) live in the bank; these are the tool's own words
around them: screens, prompts, report headings, messages. They are kept by area in the
modules of ``core/messages`` (a new feature adds its own module); every key has every
language, and a test checks it.
"""

from __future__ import annotations

import os
from decimal import ROUND_HALF_UP, Decimal

from asn_assess.core.config import configured_language
from asn_assess.core.printable import printable

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_VARIABLE = "ASN_ASSESS_LANG"

_chosen_language: str | None = None


def language_code(code: str) -> str | None:
    """A supported interface language for ``code`` (``EN``, `` id `` ...), or None."""
    folded = code.strip().casefold()
    return folded if folded in LANGUAGES else None


def set_interface_language(code: str | None) -> None:
    """Choose the language of every message from now on (None: back to the default
    order: ``$ASN_ASSESS_LANG``, the configuration file, then Bahasa Indonesia)."""
    global _chosen_language
    _chosen_language = language_code(code) if code else None


def interface_language() -> str:
    """The language messages are written in: the one chosen, else a valid
    ``$ASN_ASSESS_LANG``, else the configuration file's, else Bahasa Indonesia."""
    if _chosen_language:
        return _chosen_language
    from_environment = os.environ.get(LANGUAGE_VARIABLE)
    if from_environment:
        code = language_code(from_environment)
        if code:
            return code
    return configured_language() or DEFAULT_LANGUAGE


def _load_catalogue() -> dict[str, dict[str, str]]:
    """Every module of ``core/messages`` contributes its ``MESSAGES``; a key defined
    twice is a mistake, caught here (and by the test that loads them all)."""
    import importlib
    import pkgutil

    from asn_assess.core import messages

    catalogue: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{messages.__name__}.{module_info.name}")
        for key, texts in module.MESSAGES.items():
            if key in catalogue:
                raise KeyError(f"interface text {key!r} is defined twice")
            catalogue[key] = texts
    return catalogue


_catalogue: dict[str, dict[str, str]] | None = None


def messages() -> dict[str, dict[str, str]]:
    """All interface texts: key -> language -> text (loaded once, on first use)."""
    global _catalogue
    if _catalogue is None:
        _catalogue = _load_catalogue()
    return _catalogue


VERBATIM_NUMBERS = frozenset({"id", "first", "second", "before", "after", "pid", "code"})
"""Values written without a thousands separator: ids a person types back (history
entries), process ids and exit codes."""


def t(key: str, language: str, **values: object) -> str:
    """The interface text ``key`` in ``language`` (Indonesian when it has none). Whole
    numbers in it get the language's thousands separator (``format_count``): 7.532
    baris, 7,532 rows; but for the ``VERBATIM_NUMBERS``. Texts put into it (a name, an
    id, a cell) lose their control characters: a message is read by people, often on a
    terminal (``core.printable``)."""
    texts = messages()[key]
    text = texts.get(language) or texts[DEFAULT_LANGUAGE]
    if not values:
        return text
    shown = {
        name: format_count(value, language)
        if type(value) is int and name not in VERBATIM_NUMBERS
        else value
        for name, value in values.items()
    }
    return printable(text.format(**shown))


def say(key: str, **values: object) -> str:
    """The interface text ``key`` in the interface language (``interface_language``)."""
    return t(key, interface_language(), **values)


def format_count(value: int, language: str) -> str:
    """A whole number with the thousands separator of ``language``: 7.532 in Bahasa
    Indonesia, 7,532 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "id" else text


def format_score(value: float, language: str, digits: int = 1) -> str:
    """A score for display: Indonesian writes a decimal comma (72,5), English a point."""
    # Half-up from the shortest decimal form, as people round: 81.25 -> 81.3, not the
    # 81.2 that binary round-half-even gives.
    step = Decimal(1).scaleb(-digits)
    text = str(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
    return text.replace(".", ",") if language == "id" else text
