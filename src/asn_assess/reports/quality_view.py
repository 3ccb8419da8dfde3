"""Response-quality flags in words, for the report and for tables of many respondents.

``quality_note`` gives the report's note (``formatting.Note``), shown by every format.
"""

from __future__ import annotations

from typing import Optional

from asn_assess.analysis.quality import FAST_ANSWERS, LONGEST_RUN
from asn_assess.core.documents import QualityFlag
from asn_assess.core.i18n import format_score, t
from asn_assess.reports.formatting import Note


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


def quality_note(flags: list[QualityFlag], language: str) -> Optional[Note]:
    """A short note listing the flags, or None when there are none."""
    if not flags:
        return None
    return Note(
        title=t("quality.title", language),
        lines=[flag_sentence(flag, language) for flag in flags],
        footer=t("quality.unchanged", language),
    )
