"""The user's settings file: ``config.toml`` in the user configuration folder (for
example ``~/.config/asn-assess/config.toml`` on Linux), or the file
``$ASN_ASSESS_CONFIG`` names. It holds one setting today::

    language = "en"   # the interface language: id (default) or en

A missing file is no setting; a file that cannot be read, or a value that is not a
supported language, is no setting either, and ``language_problem`` says what is wrong so
the command line can warn about it once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

CONFIG_VARIABLE = "ASN_ASSESS_CONFIG"
LANGUAGE_KEY = "language"

_read: dict[str, tuple[Optional[str], Optional[str]]] = {}
"""Per configuration file: (language, problem), read once per run (``forget``)."""


def forget() -> None:
    """Read the configuration file again when next asked (a new run of the command
    line in the same process, or after the file was written)."""
    _read.clear()


_default_path: list[Path] = []


def config_path() -> Path:
    """``$ASN_ASSESS_CONFIG``, else ``config.toml`` in the platform's user configuration
    folder."""
    from_environment = os.environ.get(CONFIG_VARIABLE)
    if from_environment:
        return Path(from_environment)
    if not _default_path:  # asked for every message: worked out once
        from platformdirs import user_config_dir

        _default_path.append(Path(user_config_dir("asn-assess", appauthor=False)) / "config.toml")
    return _default_path[0]


def _language_setting(path: Path) -> tuple[Optional[str], Optional[str]]:
    """(language, problem) of the configuration file at ``path``."""
    from asn_assess.core.errors import AssessError
    from asn_assess.core.files import parse_toml, read_text
    from asn_assess.core.i18n import LANGUAGES, language_code, say

    if not path.is_file():
        return None, None
    try:
        settings = parse_toml(read_text(path, AssessError), str(path), AssessError)
    except AssessError as error:
        return None, "; ".join(str(problem) for problem in error.problems)
    value = settings.get(LANGUAGE_KEY)
    if value is None:
        return None, None
    code = language_code(value) if isinstance(value, str) else None
    if code is None:
        problem = say("config.bad_language", value=value, languages=", ".join(LANGUAGES))
        return None, f"{path}: {problem}"
    return code, None


def _setting() -> tuple[Optional[str], Optional[str]]:
    # Asked for every message: keyed by the variable's value, the path worked out once.
    key = os.environ.get(CONFIG_VARIABLE, "")
    if key not in _read:
        _read[key] = (None, None)  # reading it may itself ask for the language
        _read[key] = _language_setting(config_path())
    return _read[key]


def configured_language() -> Optional[str]:
    """The interface language the configuration file sets, or None."""
    return _setting()[0]


def language_problem() -> Optional[str]:
    """What is wrong with the configuration file's language, or None."""
    return _setting()[1]


def write_language(code: str) -> Path:
    """Set the interface language in the configuration file (created with its folder
    when missing); the path written."""
    from asn_assess.core.files import write_file

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, f'{LANGUAGE_KEY} = "{code}"\n'.encode(), private=False)
    forget()
    return path
