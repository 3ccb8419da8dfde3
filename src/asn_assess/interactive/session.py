"""The interactive assessment behind `asn-assess start`: a loop that shows screens,
reads lines and saves progress.

Screens and prompts go to stderr; the final report goes to stdout, so that
``asn-assess start --no-profile < answers.txt > report.txt`` works. Answers are read a
line at a time, which serves a person at a terminal and a script piping answers alike.

Progress is saved atomically after every answer; Ctrl-C or end of input saves too and
ends with exit code 130, so nothing entered is ever lost.
"""

from __future__ import annotations

import shlex
import sys
import time
from collections.abc import Callable
from typing import Any, Optional, TextIO

from rich.console import Console
from rich.text import Text

from asn_assess.core.documents import AnswerSheet, Respondent, Result
from asn_assess.core.errors import NipError, UsageError
from asn_assess.core.i18n import t
from asn_assess.core.models import SELF, Bank
from asn_assess.core.nip import normalise_nip
from asn_assess.core.presentation import questions_of
from asn_assess.interactive import screens
from asn_assess.interactive.questionnaire import BACK_KEY, Outcome, Questionnaire, now
from asn_assess.multirater.anonymity import MIN_RATERS
from asn_assess.reports.console import make_console
from asn_assess.store import Progress, ProgressError, UserData, session_key


class EndOfInput(Exception):
    """Standard input closed before the session finished."""


class SessionStopped(Exception):
    """The session stopped before the end, with its progress saved. ``message`` says so
    and how to resume; ``interrupted`` is True for Ctrl-C or end of input (exit 130)
    and False when the person chose to quit."""

    def __init__(self, message: str, interrupted: bool, interrupt: Optional[BaseException] = None):
        super().__init__(message)
        self.message = message
        self.interrupted = interrupted
        self.interrupt = interrupt
        """The ``KeyboardInterrupt`` (Ctrl-C, or a signal the CLI turned into one)."""


class Terminal:
    """Where people see screens and type answers: stderr and stdin."""

    def __init__(self, stdin: Optional[TextIO] = None, console: Optional[Console] = None):
        # sys.stdin is looked up now, not when the module was imported: a test runner
        # or a caller may have replaced it since.
        self.stdin = stdin or sys.stdin
        self.console = console or make_console(stderr=True)
        self.interactive = self.stdin.isatty()

    def show(self, *renderables: Any, **options: Any) -> None:
        """Print to the person's screen."""
        self.console.print(*renderables, **options)

    def ask(self, prompt: str) -> str:
        """Show ``prompt`` and read one line (stripped); ``EndOfInput`` when closed."""
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

    def __init__(
        self,
        bank: Bank,
        progress: Progress,
        store: UserData,
        terminal: Terminal,
        ask_profile: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ):
        if not ask_profile:
            # The choice is part of the session: resuming it does not ask after all.
            progress = progress.model_copy(update={"profile_done": True})
        self.bank = bank
        self.questionnaire = Questionnaire(bank, progress)
        self.store = store
        self.terminal = terminal
        self.ask_profile = ask_profile
        self.clock = clock

    @property
    def progress(self) -> Progress:
        """The session's progress as it stands."""
        return self.questionnaire.progress

    @property
    def language(self) -> str:
        """The session's language."""
        return self.progress.language

    def run(self, welcome: bool = True) -> Result:
        """Ask everything still open and return the scored result.

        Raises ``SessionStopped`` for `q`, Ctrl-C or end of input; progress is saved
        before it leaves this method.
        """
        sheet = self.collect(welcome)
        # Imported only after the last answer: scoring needs numpy, and the first
        # question appears sooner without it.
        from asn_assess.analysis.quality import with_quality
        from asn_assess.core.scoring import score

        result = score(self.bank, sheet)
        # Piped answers were typed by a script: their speed says nothing about reading.
        result = with_quality(self.bank, result, timed=self.terminal.interactive)
        # The session's id makes finishing it twice (resumed after a crash) keep one result.
        return result.model_copy(update={"session_id": self.progress.session_id})

    def collect(self, welcome: bool = True) -> AnswerSheet:
        """Ask everything still open and return the answers (``run`` without scoring:
        a rating of someone else is handed on as its answer sheet)."""
        try:
            if welcome:
                self._welcome()
            if self.ask_profile and not self.progress.profile_done:
                self._profile()
            if self._role_to_ask():
                self._role()
            self._questions()
            self._offer_skipped()
        except (KeyboardInterrupt, EndOfInput) as stop:
            self._save()
            interrupt = stop if isinstance(stop, KeyboardInterrupt) else None
            raise SessionStopped(self._saved_message(), True, interrupt) from None
        return self.questionnaire.sheet(finished_at=now())

    def _welcome(self) -> None:
        folder = self.store.folder if self.store.keeps_data else None
        progress = self.progress
        if self.questionnaire.rating_someone:
            screen = screens.rating_welcome(
                self.bank,
                self.language,
                progress.target or "",
                progress.rater_group,
                progress.role,
                folder,
                BACK_KEY,
                MIN_RATERS,
            )
        else:
            if self._role_to_ask():
                size = screens.size_by_role(self.bank, self.language)
            else:
                size = screens.session_size(self.bank, self.language, progress.role, SELF)
            screen = screens.welcome(self.bank, self.language, folder, BACK_KEY, size)
        self.terminal.show(screen)
        if self.terminal.interactive:
            self.terminal.ask(t("welcome.start", self.language) + " ")

    def _role_to_ask(self) -> bool:
        """Whether the role is still to be asked (at a terminal only: a script answers
        every question, or the role given with --role; and before the first answer: a
        session begun by a script keeps its questions when resumed at a terminal)."""
        progress = self.progress
        return (
            bool(self.bank.roles)
            and not progress.role_asked
            and not progress.answers
            and self.terminal.interactive
        )

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

    def _role(self) -> None:
        """Ask which role the person has, so that only its questions are asked."""
        lang, roles = self.language, self.bank.roles
        rating = self.questionnaire.rating_someone
        self.terminal.show(screens.roles(self.bank, lang, rating))
        first, last = 1, len(roles)
        ask = "mr.session.role_ask" if rating else "role.ask"
        while True:
            typed = self.terminal.ask(t(ask, lang, first=first, last=last))
            if not typed:
                chosen = None
                break
            if typed.isdigit() and first <= int(typed) <= last:
                chosen = roles[int(typed) - 1].id
                break
            self.terminal.show(Text(t("role.hint", lang, first=first, last=last), style="yellow"))
        self.questionnaire.choose_role(chosen)
        if not self.questionnaire.rating_someone:
            size = screens.session_size(self.bank, lang, chosen, SELF)
            self.terminal.show(Text(t("role.size", lang, size=size)))
        self._save()

    def _ask_nip(self) -> Optional[str]:
        while True:
            typed = self.terminal.ask(f"  {t('profile.nip', self.language)}: ")
            if not typed:
                return None
            try:
                return normalise_nip(typed)
            except NipError as error:
                reason = t(f"nip.{error.code}", self.language, **error.values)
                self.terminal.show(
                    Text(t("profile.bad_nip", self.language, reason=reason), style="yellow")
                )

    def _questions(self) -> None:
        questionnaire = self.questionnaire
        while not questionnaire.done:
            self.terminal.show(screens.question(questionnaire, self.terminal.console.width))
            self._answer()

    def _offer_skipped(self) -> None:
        """At a terminal, offer the skipped questions once more before the report;
        answering them is optional (Enter, or closing the input, goes on to the report).
        A script is never asked: its next line would be read as the reply."""
        questionnaire, lang = self.questionnaire, self.language
        skipped = questionnaire.skipped()
        if not skipped or not self.terminal.interactive:
            return
        self.terminal.show(Text())
        yes = t("skipped.yes", lang).split(",")
        try:
            typed = self.terminal.ask(t("skipped.ask", lang, count=len(skipped))).casefold()
        except EndOfInput:
            return  # every answer is in: closing the input here only declines
        if typed not in yes:
            return
        questionnaire.revisit(skipped)
        self._questions()

    def _answer(self) -> None:
        """Read lines until one moves to another question (or quits)."""
        questionnaire, lang = self.questionnaire, self.language
        prompt, hint = screens.prompt_and_hint(questionnaire)
        item = questionnaire.current.item
        back = questionnaire.back_key(item)
        shown_at = self.clock()
        while True:
            outcome = questionnaire.handle(self.terminal.ask(prompt))
            if outcome.moves:
                self._record_duration(item.id, shown_at)
                self._save()
                return
            if outcome is Outcome.QUIT:
                self._record_duration(item.id, shown_at)
                self._save()
                raise SessionStopped(self._saved_message(), interrupted=False)
            if outcome is Outcome.HELP:
                quit_key = t("help.quit" if self.store.keeps_data else "help.quit_no_save", lang)
                self.terminal.show(Text(t("help.text", lang, back=back, quit=quit_key)))
            elif outcome is Outcome.AT_FIRST:
                self.terminal.show(Text(t("question.at_first", lang), style="yellow"))
            else:
                self.terminal.show(Text(hint, style="yellow"))

    def _record_duration(self, item_id: str, shown_at: float) -> None:
        """Add the time the question was on screen to its duration. Only a person typing
        at a terminal is timed: piped answers would time the machine, not reading."""
        if not self.terminal.interactive:
            return
        spent = max(0.0, self.clock() - shown_at)
        durations = self.progress.durations
        durations[item_id] = round(durations.get(item_id, 0.0) + spent, 3)

    def _save(self) -> None:
        """Save the progress; a session without any answer keeps nothing (one left
        before its first answer is not offered later)."""
        progress = self.progress
        if not progress.answers:
            self.store.drop_progress(
                session_key(progress.bank_id, progress.target, progress.rater_group)
            )
            return
        progress.saved_at = now()
        self.store.save_progress(progress)

    def _saved_message(self) -> str:
        if not self.store.keeps_data:
            return t("end.quit_no_save", self.language)
        if not self.progress.answers:
            return t("end.quit_nothing", self.language)
        values = {
            "answered": len(self.progress.answers),
            "total": len(self.questionnaire.questions),
        }
        if self.questionnaire.rating_someone:  # resuming needs --about and --as again
            target = shlex.quote(self.progress.target or "")
            group = self.progress.rater_group
            return t("mr.session.saved_quit", self.language, target=target, group=group, **values)
        return t("end.saved_quit", self.language, **values)


# --- starting or resuming ------------------------------------------------------------------


def open_progress(
    bank: Bank,
    store: UserData,
    language: Optional[str],
    resume: Optional[bool],
    terminal: Terminal,
    role: Optional[str] = None,
    version_of: Optional[Callable[[str], Optional[Bank]]] = None,
    target: Optional[str] = None,
    rater_group: str = SELF,
) -> tuple[Progress, bool, Bank]:
    """Find or create the progress for ``bank``.

    ``resume`` True/False decides without asking; None asks when a session is waiting.
    ``role`` (already checked against the bank) is the role of a new session; None
    leaves it to be asked. A session started on another version of the bank continues
    on that version when ``version_of`` can supply it. Someone rating ``target`` as
    ``rater_group`` has a session of their own for each person they rate. Returns the
    progress, whether it is a resumed session, and the bank to ask. An old session that
    is not resumed is kept under another name (the newest few of them, see
    ``SET_ASIDE_KEPT``).
    """
    key = session_key(bank.id, target, rater_group)
    try:
        existing = store.load_progress(key)
    except ProgressError as problem:
        # A damaged file must not be a dead end: keep it for whoever wants to look into
        # it, say so, and start anew.
        kept = store.set_aside(key, "damaged")
        reason = problem.problems[0].message if problem.problems else str(problem)
        message = t("resume.damaged", language or bank.languages[0], reason=reason, path=kept)
        terminal.show(Text(message, style="yellow"), markup=False)
        existing = None
    if existing is not None and not existing.answers:
        existing = None  # nothing answered yet: nothing worth offering, start afresh
    if existing is None and resume:
        terminal.show(Text(t("resume.nothing", language or bank.languages[0]), style="dim"))
    if existing is not None and existing.bank_version != bank.version and version_of:
        older = version_of(existing.bank_version)
        if older is not None:
            bank = older
    if existing is not None:
        lang = language or existing.language
        if existing.bank_version != bank.version:
            kept = store.set_aside(key)
            message = t(
                "resume.bank_changed",
                lang,
                version=existing.bank_version,
                path=kept,
                available=", ".join(_versions_at_hand(bank)),
            )
            terminal.show(Text(message, style="yellow"))
        else:
            if resume is None and not terminal.interactive:
                # Piped answers would be read as the reply to "resume it?": never guess.
                raise UsageError(t("resume.piped", lang, **_waiting(existing, bank, lang)))
            if resume is None:
                resume = _ask_resume(existing, bank, lang, terminal)
            if resume:
                return existing.model_copy(update={"language": lang}), True, bank
            kept = store.set_aside(key)
            if _names_someone(existing):
                who = _owner_text(existing, lang)
                terminal.show(Text(t("resume.kept_other", lang, path=kept, who=who), style="dim"))
            else:
                terminal.show(Text(t("resume.kept", lang, path=kept), style="dim"))
    progress = Progress(
        bank_id=bank.id,
        bank_version=bank.version,
        language=language or bank.languages[0],
        role=role,
        role_asked=role is not None,
        target=target,
        rater_group=rater_group,
        started_at=now(),
    )
    # Checked before the first question, so a data folder that cannot be written is
    # reported before anything has been typed into it. Nothing is kept until the first
    # answer: a session left before it leaves nothing behind.
    store.check_writable()
    return progress, False, bank


def _versions_at_hand(bank: Bank) -> list[str]:
    """The versions of ``bank`` a session can continue on: the bundled ones of its id,
    or just its own (a bank file)."""
    from asn_assess.core.bank import bundled_banks

    bundled = [b.version for b in bundled_banks() if b.id == bank.id]
    return bundled if bank.version in bundled else [bank.version]


def _waiting(existing: Progress, bank: Bank, lang: str) -> dict[str, object]:
    """How far a waiting session got (of the questions of its role), when it was saved
    and whose it is, for the messages about it."""
    saved_at = existing.saved_at
    when = saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if saved_at else "?"
    total = len(questions_of(bank, existing.role, existing.rater_group))
    return {
        "answered": len(existing.answers),
        "total": total,
        "when": when,
        "who": _owner_text(existing, lang),
    }


def _owner_text(progress: Progress, lang: str) -> str:
    """Whose a session is, as the person reads it: "Siti Aminah, NIP 19860926 201505 2
    001", or "tanpa nama"."""
    from asn_assess.core.nip import format_nip

    who = progress.respondent
    parts = []
    if who is not None and who.name:
        parts.append(" ".join(who.name.split()))
    if who is not None and (who.nip or who.ni_pppk):
        parts.append(f"NIP {format_nip(who.nip)}" if who.nip else f"NI PPPK {who.ni_pppk}")
    return ", ".join(parts) or t("history.no_name", lang)


def _names_someone(progress: Progress) -> bool:
    who = progress.respondent
    return who is not None and bool(who.name or who.nip or who.ni_pppk)


def _ask_resume(existing: Progress, bank: Bank, lang: str, terminal: Terminal) -> bool:
    """Resume the waiting session? One that names a person (a profile from an earlier
    session) is resumed only by that person: the question asks who is at the keyboard,
    and has no default."""
    waiting = _waiting(existing, bank, lang)
    terminal.show(Text(t("resume.found", lang, **waiting)))
    yes = t("resume.yes", lang).split(",")
    no = t("resume.no", lang).split(",")
    same_person = _names_someone(existing)
    question = t("resume.same_person", lang, **waiting) if same_person else t("resume.ask", lang)
    while True:
        typed = terminal.ask(question).casefold()
        if typed in yes or (typed == "" and not same_person):
            return True
        if typed in no:
            return False
