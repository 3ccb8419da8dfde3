"""The interactive assessment behind `asn-assess start`.

Screens and prompts go to stderr; the final report goes to stdout, so that
``asn-assess start --no-profile < answers.txt > report.txt`` works. Answers are read a
line at a time, which serves a person at a terminal and a script piping answers alike.

Progress is saved atomically after every answer; Ctrl-C or end of input saves too and
ends with exit code 130, so nothing entered is ever lost.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from asn_assess.answers import parse_option_answer, parse_scale_answer
from asn_assess.errors import NipError
from asn_assess.i18n import t
from asn_assess.models import AnswerSheet, AnswerValue, Bank, Indicator, Item, Pillar, Respondent, Result
from asn_assess.nip import normalize_nip
from asn_assess.report import make_console, score_bar
from asn_assess.scoring import score
from asn_assess.store import Progress, load_progress, progress_path, save_progress, set_aside

# Rough reading-and-answering times, for the "about N minutes" on the opening screen.
SECONDS_PER_SCALE_ITEM = 8
SECONDS_PER_SITUATIONAL_ITEM = 30

BACK_KEY = "b"
BACK_KEY_ALWAYS = "<"  # situational items use "b" as an option letter


class EndOfInput(Exception):
    """Standard input closed before the session finished."""


class SessionInterrupted(Exception):
    """Ctrl-C or end of input: progress is saved; the CLI exits with 130."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SessionQuit(Exception):
    """The person chose to save and quit (`q`)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Question:
    pillar_number: int
    pillar: Pillar
    indicator: Indicator
    item: Item


def questions_of(bank: Bank) -> list[Question]:
    """Every item in bank order, with where it sits."""
    return [
        Question(number, pillar, indicator, item)
        for number, pillar in enumerate(bank.pillars, start=1)
        for indicator in pillar.indicators
        for item in indicator.items
    ]


def estimated_minutes(bank: Bank) -> int:
    seconds = sum(
        SECONDS_PER_SITUATIONAL_ITEM if item.is_situational else SECONDS_PER_SCALE_ITEM
        for item in bank.items.values()
    )
    return max(1, round(seconds / 60))


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class Terminal:
    """Where people see screens and type answers: stderr and stdin."""

    def __init__(self, stdin: TextIO = sys.stdin, console: Optional[Console] = None):
        self.stdin = stdin
        self.console = console or make_console(stderr=True)
        self.interactive = stdin.isatty()

    def show(self, *renderables, **options) -> None:
        self.console.print(*renderables, **options)

    def ask(self, prompt: str) -> str:
        self.console.print(prompt, end="", markup=False, highlight=False)
        self.console.file.flush()
        line = self.stdin.readline()
        if not line:
            self.console.print()
            raise EndOfInput()
        if not self.interactive:  # keep a readable transcript when answers are piped
            self.console.print(line.rstrip("\n"), markup=False, highlight=False)
        return line.strip()


class Session:
    """One run of the questionnaire, from the opening screen to the scored result."""

    def __init__(self, bank: Bank, progress: Progress, progress_file: Path,
                 terminal: Terminal, ask_profile: bool = True):
        self.bank = bank
        self.progress = progress
        self.progress_file = progress_file
        self.terminal = terminal
        self.ask_profile = ask_profile
        self.language = progress.language
        self.questions = questions_of(bank)
        if not ask_profile:
            # The choice is part of the session: resuming it does not ask after all.
            self.progress.profile_done = True

    # --- the flow -------------------------------------------------------------------

    def run(self, welcome: bool = True) -> Result:
        """Ask everything still open and return the scored result.

        Raises ``SessionQuit`` for `q` and ``SessionInterrupted`` for Ctrl-C or end of
        input; progress is saved before either leaves this method.
        """
        try:
            if welcome:
                self._welcome()
            if self.ask_profile and not self.progress.profile_done:
                self._profile()
            self._questions()
        except (KeyboardInterrupt, EndOfInput):
            self._save()
            raise SessionInterrupted(self._saved_message()) from None
        sheet = AnswerSheet(
            bank_id=self.bank.id,
            bank_version=self.bank.version,
            language=self.language,
            respondent=self.progress.respondent,
            started_at=self.progress.started_at,
            finished_at=_now(),
            answers=self._answers_in_bank_order(),
        )
        return score(self.bank, sheet)

    def _welcome(self) -> None:
        bank, lang = self.bank, self.language
        lines = Text()
        lines.append(bank.text(bank.title, lang) + "\n", style="bold")
        lines.append(t("welcome.measures", lang, pillars=len(bank.pillars)) + "\n")
        for number, pillar in enumerate(bank.pillars, start=1):
            lines.append(f"  {number}. {bank.text(pillar.title, lang)}")
            if pillar.description:
                lines.append(f": {bank.text(pillar.description, lang)}")
            lines.append("\n")
        if bank.source:
            lines.append(f"{t('welcome.source', lang)}: {bank.text(bank.source, lang).strip()}\n")
        lines.append("\n" + t("welcome.size", lang, items=bank.item_count,
                               minutes=estimated_minutes(bank)) + "\n")
        lines.append(t("welcome.privacy", lang, folder=self.progress_file.parent.parent) + "\n")
        lines.append(t("welcome.keys", lang, back=BACK_KEY))
        from rich.panel import Panel

        self.terminal.show(Panel(lines, title=t("welcome.title", lang), title_align="left"))
        if self.terminal.interactive:
            self.terminal.ask(t("welcome.start", lang) + " ")

    def _profile(self) -> None:
        lang = self.language
        self.terminal.show(Text(t("profile.title", lang), style="bold"))
        name = self.terminal.ask(f"  {t('profile.name', lang)}: ") or None
        nip = self._ask_nip()
        unit = self.terminal.ask(f"  {t('profile.unit', lang)}: ") or None
        position = self.terminal.ask(f"  {t('profile.position', lang)}: ") or None
        respondent = Respondent(name=name, nip=nip, unit=unit, position=position)
        filled = any((respondent.name, respondent.nip, respondent.unit, respondent.position))
        self.progress.respondent = respondent if filled else None
        self.progress.profile_done = True
        self._save()

    def _ask_nip(self) -> Optional[str]:
        while True:
            typed = self.terminal.ask(f"  {t('profile.nip', self.language)}: ")
            if not typed:
                return None
            try:
                return normalize_nip(typed)
            except NipError as error:
                self.terminal.show(t("profile.bad_nip", self.language, reason=t(f"nip.{error.code}", self.language, **error.values)),
                                   style="yellow", markup=False)

    def _questions(self) -> None:
        while self.progress.position < len(self.questions):
            question = self.questions[self.progress.position]
            self._show_question(question)
            self._answer(question)

    # --- one question ---------------------------------------------------------------

    def _show_question(self, question: Question) -> None:
        bank, lang, item = self.bank, self.language, question.item
        number = self.progress.position + 1
        total = len(self.questions)
        self.terminal.show()
        self.terminal.show(Text("─" * min(self.terminal.console.width, 80), style="dim"))
        self.terminal.show(Text(t("question.position", lang, pillar=question.pillar_number,
                                  pillars=len(bank.pillars),
                                  pillar_title=bank.text(question.pillar.title, lang),
                                  indicator_title=bank.text(question.indicator.title, lang)),
                                style="dim"))
        done = number - 1
        bar = Text(t("question.count", lang, number=number, total=total) + "  ")
        bar.append(score_bar(done / total * 100, 20), style="cyan")
        bar.append(f" {round(done / total * 100)}%")
        self.terminal.show(bar)
        self.terminal.show()
        if item.is_situational and item.scenario:
            self.terminal.show(Text(bank.text(item.scenario, lang)))
        self.terminal.show(Text(bank.text(item.text, lang), style="bold"))
        # A grid keeps a long option's wrapped lines indented under its own text.
        choices = Table.grid(padding=(0, 1))
        choices.add_column(no_wrap=True)
        choices.add_column(overflow="fold")
        if item.is_situational:
            for option in item.options:
                choices.add_row(f"  {option.id})", bank.text(option.text, lang))
        else:
            for point in bank.scale_of(item).points:
                choices.add_row(f"  {point.value} ", bank.text(point.label, lang))
        self.terminal.show(choices)
        saved = self.progress.answers.get(item.id)
        if saved is not None:
            self.terminal.show(Text(t("question.current", lang, answer=self._describe(item, saved)),
                                    style="green"))

    def _answer(self, question: Question) -> None:
        item, lang = question.item, self.language
        back_key = BACK_KEY_ALWAYS if item.is_situational else BACK_KEY
        if item.is_situational:
            prompt = t("question.prompt_options", lang, first=item.options[0].id,
                       last=item.options[-1].id, back=back_key)
            hint = t("question.hint_options", lang, first=item.options[0].id, last=item.options[-1].id)
        else:
            scale = self.bank.scale_of(item)
            prompt = t("question.prompt_scale", lang, low=scale.low, high=scale.high, back=back_key)
            hint = t("question.hint_scale", lang, low=scale.low, high=scale.high)
        while True:
            typed = self.terminal.ask(prompt)
            key = typed.casefold()
            if key == "q":
                self._save()
                raise SessionQuit(self._saved_message())
            if key == "?":
                self.terminal.show(Text(t("help.text", lang, back=back_key)))
                continue
            if key in (back_key, BACK_KEY_ALWAYS):
                if self.progress.position == 0:
                    self.terminal.show(Text(t("question.at_first", lang), style="yellow"))
                    continue
                self.progress.position -= 1
                self._save()
                return
            if key == "s":
                self.progress.answers.pop(item.id, None)
                self._advance()
                return
            if not typed and item.id in self.progress.answers:
                self._advance()  # Enter keeps the saved answer
                return
            value = self._parse(item, typed) if typed else None
            if value is None:
                self.terminal.show(Text(hint, style="yellow"))
                continue
            self.progress.answers[item.id] = value
            self._advance()
            return

    def _parse(self, item: Item, typed: str) -> Optional[AnswerValue]:
        if item.is_situational:
            return parse_option_answer(item, typed)
        return parse_scale_answer(self.bank.scale_of(item), typed)

    def _describe(self, item: Item, value: AnswerValue) -> str:
        if item.is_situational:
            return str(value)
        point = self.bank.scale_of(item).point(int(value))
        return f"{value} {self.bank.text(point.label, self.language)}" if point else str(value)

    # --- saving ---------------------------------------------------------------------

    def _advance(self) -> None:
        self.progress.position += 1
        self._save()

    def _save(self) -> None:
        self.progress.saved_at = _now()
        save_progress(self.progress_file, self.progress)

    def _answers_in_bank_order(self) -> dict[str, AnswerValue]:
        return {item_id: self.progress.answers[item_id]
                for item_id in self.bank.items if item_id in self.progress.answers}

    def _saved_message(self) -> str:
        return t("end.saved_quit", self.language, answered=len(self.progress.answers),
                 total=len(self.questions))


# --- starting or resuming ------------------------------------------------------------------


def open_progress(bank: Bank, folder: Path, language: Optional[str],
                  resume: Optional[bool], terminal: Terminal) -> tuple[Progress, Path, bool]:
    """Find or create the progress for ``bank``.

    ``resume`` True/False decides without asking; None asks when a session is waiting.
    Returns the progress, its file, and whether it is a resumed session. An old session
    that is not resumed is kept under another name, never deleted.
    """
    path = progress_path(folder, bank.id)
    existing = load_progress(path)
    fresh_language = language or bank.languages[0]
    if existing is not None:
        lang = language or existing.language
        if existing.bank_version != bank.version:
            kept = set_aside(path)
            terminal.show(Text(t("resume.bank_changed", lang, version=existing.bank_version,
                                 path=kept), style="yellow"))
        else:
            if resume is None:
                resume = _ask_resume(existing, bank, lang, terminal)
            if resume:
                existing.language = lang
                existing.position = min(existing.position, bank.item_count)
                return existing, path, True
            kept = set_aside(path)
            terminal.show(Text(t("resume.kept", lang, path=kept), style="dim"))
    progress = Progress(bank_id=bank.id, bank_version=bank.version,
                        language=fresh_language, started_at=_now())
    # Saved before the first question, so a data folder that cannot be written is
    # reported before anything has been typed into it.
    save_progress(path, progress)
    return progress, path, False


def _ask_resume(existing: Progress, bank: Bank, lang: str, terminal: Terminal) -> bool:
    when = existing.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if existing.saved_at else "?"
    terminal.show(Text(t("resume.found", lang, answered=len(existing.answers),
                         total=bank.item_count, when=when)))
    yes = t("resume.yes", lang).split(",")
    no = t("resume.no", lang).split(",")
    while True:
        typed = terminal.ask(t("resume.ask", lang)).casefold()
        if typed == "" or typed in yes:
            return True
        if typed in no:
            return False
