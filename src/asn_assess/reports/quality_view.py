"""Response-quality flags in words, for the report and for tables of many respondents.

Kept apart from ``rich_report``, whose ``quality_lines`` only calls ``quality_note``.
"""

from __future__ import annotations

from typing import Optional

from rich.text import Text

from asn_assess.analysis.quality import FAST_ANSWERS, LONGEST_RUN
from asn_assess.core.documents import QualityFlag
from asn_assess.core.i18n import format_score, t


def flag_value(flag: QualityFlag, language: str) -> str:
    """A flag's value as people read it: a count, seconds, or a percentage."""
    if flag.rule == LONGEST_RUN:
        return str(round(flag.value))
    if flag.rule == FAST_ANSWERS:
        return format_score(flag.value, language)
    return f"{format_score(flag.value * 100, language, 0)}%"


def flag_sentence(flag: QualityFlag, language: str) -> str:
    """What a flag means for the person, in one sentence."""
    return t(f"quality.flag.{flag.rule}", language, value=flag_value(flag, language))


def quality_note(flags: list[QualityFlag], language: str) -> Optional[Text]:
    """A short note listing the flags, or None when there are none."""
    if not flags:
        return None
    text = Text()
    text.append(t("quality.title", language), style="bold yellow")
    for flag in flags:
        text.append("\n - " + flag_sentence(flag, language))
    text.append("\n" + t("quality.unchanged", language), style="dim")
    return text
