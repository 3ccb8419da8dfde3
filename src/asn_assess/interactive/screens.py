"""What the interactive session draws: the opening screen and each question, as Rich
renderables. Bank texts always go in as ``Text`` (never as markup), so a bracket in a
question or an option is shown as written."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Optional

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from asn_assess.core.i18n import t
from asn_assess.core.models import SELF, Bank, Item
from asn_assess.core.presentation import questions_of
from asn_assess.interactive.questionnaire import (
    NOT_APPLICABLE_KEY,
    Questionnaire,
    not_applicable_label,
)
from asn_assess.reports.console import score_bar

# Rough reading-and-answering times, for the "about N minutes" on the opening screen.
SECONDS_PER_SCALE_ITEM = 8
SECONDS_PER_SITUATIONAL_ITEM = 30
RULE_WIDTH = 80


def estimated_minutes(items: Iterable[Item]) -> int:
    """About how long answering ``items`` takes (the questions one session asks)."""
    seconds = sum(
        SECONDS_PER_SITUATIONAL_ITEM if item.is_situational else SECONDS_PER_SCALE_ITEM
        for item in items
    )
    return max(1, round(seconds / 60))


def session_size(bank: Bank, language: str, role: Optional[str], rater_group: str) -> str:
    """ "93 pertanyaan, sekitar 17 menit": the questions of ``role`` (None: every one)."""
    items = [question.item for question in questions_of(bank, role, rater_group)]
    return t("welcome.count", language, items=len(items), minutes=estimated_minutes(items))


def size_by_role(bank: Bank, language: str) -> str:
    """ "93 sampai 101 pertanyaan (sesuai peran Anda), sekitar 17 sampai 19 menit": before
    the role is chosen."""
    sizes = sorted(
        {
            (len(items), estimated_minutes(items))
            for items in ([q.item for q in questions_of(bank, r.id, SELF)] for r in bank.roles)
        }
    )
    if len(sizes) == 1:
        return t("welcome.count", language, items=sizes[0][0], minutes=sizes[0][1])
    fewest, most = sizes[0], sizes[-1]
    return t(
        "welcome.count_by_role",
        language,
        fewest=fewest[0],
        most=most[0],
        shortest=min(m for _, m in sizes),
        longest=max(m for _, m in sizes),
    )


def welcome(
    bank: Bank,
    language: str,
    data_folder: Optional[Path],
    back_key: str,
    size: Optional[str] = None,
) -> Panel:
    """The opening screen: what is measured, how long it takes (``size``: the count and
    time of this session's questions, else those of the whole bank), privacy
    (``data_folder`` None: nothing is kept), keys."""
    lines = Text()
    lines.append(bank.text(bank.title, language) + "\n", style="bold")
    lines.append(t("welcome.measures", language, pillars=len(bank.pillars)) + "\n")
    for number, pillar in enumerate(bank.pillars, start=1):
        lines.append(f"  {number}. {bank.text(pillar.title, language)}")
        if pillar.description:
            lines.append(f": {bank.text(pillar.description, language)}")
        lines.append("\n")
    if bank.source:
        lines.append(
            f"{t('welcome.source', language)}: {bank.text(bank.source, language).strip()}\n"
        )
    if size is None:
        size = session_size(bank, language, None, SELF)
    lines.append("\n" + t("welcome.size", language, size=size) + "\n")
    if data_folder is None:
        lines.append(t("welcome.no_save", language) + "\n", style="bold")
    else:
        lines.append(t("welcome.privacy", language, folder=data_folder) + "\n")
    quit_key = t("keys.quit" if data_folder is not None else "keys.quit_no_save", language)
    lines.append(t("welcome.keys", language, back=back_key, quit=quit_key))
    return Panel(lines, title=Text(t("welcome.title", language)), title_align="left")


def question(questionnaire: Questionnaire, width: int) -> RenderableType:
    """The current question: where it sits, progress, the text and the choices."""
    bank, language = questionnaire.bank, questionnaire.progress.language
    current = questionnaire.current
    item = current.item
    total = questionnaire.count
    done = questionnaire.number - 1
    # An indicator's name above its questions invites flattering answers, so a bank
    # that interleaves its questions names only the pillar; the report names indicators.
    where = {
        "pillar": current.pillar_number,
        "pillars": len(bank.pillars),
        "pillar_title": bank.text(current.pillar.title, language),
    }
    if bank.presentation == "interleaved":
        position = t("question.pillar", language, **where)
    else:
        title = bank.text(current.indicator.title, language)
        position = t("question.position", language, indicator_title=title, **where)
    parts: list[RenderableType] = [
        Text(),
        Text("─" * min(width, RULE_WIDTH), style="dim"),
        Text(position, style="dim"),
    ]
    count_key = "question.count_skipped" if questionnaire.revisiting else "question.count"
    bar = Text(t(count_key, language, number=questionnaire.number, total=total) + "  ")
    bar.append(score_bar(done / total * 100, 20), style="cyan")
    bar.append(f" {round(done / total * 100)}%")
    parts += [bar, Text()]
    if item.is_situational and item.scenario:
        parts.append(Text(bank.text(item.scenario, language)))
    parts.append(Text(questionnaire.text_of(item), style="bold"))
    # A grid keeps a long option's wrapped lines indented under its own text.
    choices = Table.grid(padding=(0, 1))
    choices.add_column(no_wrap=True)
    choices.add_column(overflow="fold")
    if item.is_situational:
        for option in item.options:
            choices.add_row(Text(f"  {option.id})"), Text(bank.text(option.text, language)))
    else:
        for point in bank.scale_of(item).points:
            choices.add_row(Text(f"  {point.value} "), Text(bank.text(point.label, language)))
        not_applicable = not_applicable_label(language, questionnaire.progress.rater_group)
        choices.add_row(Text(f"  {NOT_APPLICABLE_KEY} "), Text(not_applicable, style="dim"))
    parts.append(choices)
    saved = questionnaire.saved_answer()
    if saved is not None:
        described = questionnaire.describe(item, saved)
        parts.append(Text(t("question.current", language, answer=described), style="green"))
    return Group(*parts)


def roles(bank: Bank, language: str, rating_someone: bool = False) -> RenderableType:
    """The bank's roles, numbered, with what each is for (the role of the person rated,
    when ``rating_someone``)."""
    choices = Table.grid(padding=(0, 1))
    choices.add_column(no_wrap=True)
    choices.add_column(overflow="fold")
    for number, role in enumerate(bank.roles, start=1):
        text = Text(bank.text(role.label, language), style="bold")
        if role.description:
            text.append("\n" + bank.text(role.description, language))
        choices.add_row(Text(f"  {number})"), text)
    title = t("mr.session.role_title" if rating_someone else "role.title", language)
    return Group(Text(title, style="bold"), choices)


def rating_welcome(
    bank: Bank,
    language: str,
    target: str,
    group_id: str,
    role: Optional[str],
    data_folder: Optional[Path],
    back_key: str,
    min_raters: int,
) -> Panel:
    """The opening screen for rating someone else: whom, as which group, what the
    rating file keeps of the rater (nothing that names them), how many questions (those
    of the person's ``role``) and how long, keys."""
    questions = questions_of(bank, role, group_id)
    group = bank.rater_group(group_id)
    assert group is not None, "the group is checked before the session starts"
    label = bank.text(group.label, language)
    lines = Text()
    lines.append(bank.text(bank.title, language) + "\n", style="bold")
    lines.append(t("mr.session.about", language, target=target, group=label) + "\n")
    if group.anonymous:
        lines.append(t("mr.session.anonymous", language, k=min_raters) + "\n")
    else:
        lines.append(t("mr.session.named", language, group=label) + "\n")
    minutes = estimated_minutes(q.item for q in questions_of(bank, role, group_id))
    lines.append(
        "\n" + t("mr.session.size", language, items=len(questions), minutes=minutes) + "\n"
    )
    if data_folder is None:
        lines.append(t("welcome.no_save", language) + "\n", style="bold")
    else:
        lines.append(t("welcome.privacy", language, folder=data_folder) + "\n")
    lines.append(t("mr.session.keys", language, back=back_key))
    return Panel(lines, title=Text(t("mr.session.welcome_title", language)), title_align="left")


def prompt_and_hint(questionnaire: Questionnaire) -> tuple[str, str]:
    """The prompt for the current question and the hint shown after a wrong key."""
    item, language = questionnaire.current.item, questionnaire.progress.language
    back = questionnaire.back_key(item)
    if item.is_situational:
        first, last = item.options[0].id, item.options[-1].id
        return (
            t("question.prompt_options", language, first=first, last=last, back=back),
            t("question.hint_options", language, first=first, last=last),
        )
    scale = questionnaire.bank.scale_of(item)
    return (
        t("question.prompt_scale", language, low=scale.low, high=scale.high, back=back),
        t("question.hint_scale", language, low=scale.low, high=scale.high),
    )
