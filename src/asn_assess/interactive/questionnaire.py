"""The questionnaire's state and navigation, with no drawing and no I/O: which question
is current, what a typed key does, and the answer sheet at the end.

The session (``session.py``) shows screens and reads lines; this module decides.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Optional

from asn_assess.core.answers import parse_option_answer, parse_typed_scale_answer
from asn_assess.core.documents import AnswerSheet, AnswerValue
from asn_assess.core.i18n import t
from asn_assess.core.models import NOT_APPLICABLE, Bank, Item, is_rater
from asn_assess.core.presentation import Question, questions_of
from asn_assess.store import Progress

__all__ = ["Outcome", "Question", "Questionnaire", "now", "questions_of"]

BACK_KEY = "b"
BACK_KEY_ALWAYS = "<"  # situational items use "b" as an option letter
NOT_APPLICABLE_KEY = "n"
SKIP_KEY = "s"
HELP_KEY = "?"
QUIT_KEY = "q"


def now() -> datetime:
    """The current time in UTC, to the second (as sessions record it)."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def statement_text(bank: Bank, item: Item, language: str, rater_group: Optional[str]) -> str:
    """The statement as the person answering reads it: the item's own wording for the
    person themself, its observer wording ("Ia ..." / "They ...") for a rater. The one
    place the questionnaire chooses an item's text."""
    return bank.text(item.wording(rater_group), language)


def not_applicable_label(language: str, rater_group: Optional[str]) -> str:
    """What "n" stands for: "not applicable", and for a rater also "cannot judge"."""
    key = "mr.session.not_applicable" if is_rater(rater_group) else "question.not_applicable"
    return t(key, language)


class Outcome(Enum):
    """What a typed line did."""

    ANSWERED = "answered"
    KEPT = "kept"  # Enter on a question with a saved answer
    SKIPPED = "skipped"
    BACK = "back"
    AT_FIRST = "at_first"  # back, on the first question
    HELP = "help"
    QUIT = "quit"
    INVALID = "invalid"

    @property
    def moves(self) -> bool:
        """Whether the current question changed (and progress must be saved)."""
        return self in (Outcome.ANSWERED, Outcome.KEPT, Outcome.SKIPPED, Outcome.BACK)


class Questionnaire:
    """Navigation through a bank's questions for one session.

    Works on its own copy of the progress it is given; ``progress`` is what to save.
    """

    def __init__(self, bank: Bank, progress: Progress):
        self.bank = bank
        self.progress = progress.model_copy(deep=True)
        self.questions = questions_of(bank, self.progress.role, self.progress.rater_group)
        self.progress.position = min(self.progress.position, len(self.questions))
        self.revisiting: Optional[list[int]] = None
        """While skipped questions are offered again: their positions, in order."""
        self.revisit_index = 0

    @property
    def rating_someone(self) -> bool:
        """Whether the person answering rates someone else (observer wordings)."""
        return is_rater(self.progress.rater_group)

    def text_of(self, item: Item) -> str:
        """``item``'s statement as this session shows it (``statement_text``)."""
        return statement_text(self.bank, item, self.progress.language, self.progress.rater_group)

    def choose_role(self, role: Optional[str]) -> None:
        """Ask the questions of ``role`` (before the first answer)."""
        assert not self.progress.answers, "a role is chosen before the questions"
        self.progress.role = role
        self.progress.role_asked = True
        self.questions = questions_of(self.bank, role, self.progress.rater_group)

    @property
    def done(self) -> bool:
        """Whether every question has been passed (and every skipped one offered again,
        when they are)."""
        if self.revisiting is not None:
            return self.revisit_index >= len(self.revisiting)
        return self.progress.position >= len(self.questions)

    @property
    def _position(self) -> int:
        if self.revisiting is not None:
            return self.revisiting[self.revisit_index]
        return self.progress.position

    @property
    def current(self) -> Question:
        """The question being asked."""
        return self.questions[self._position]

    @property
    def number(self) -> int:
        """The current question's number, from 1 (among the skipped ones, while they are
        offered again)."""
        if self.revisiting is not None:
            return self.revisit_index + 1
        return self.progress.position + 1

    @property
    def count(self) -> int:
        """How many questions the counter counts: all of the session's, or the skipped
        ones while they are offered again."""
        return len(self.revisiting) if self.revisiting is not None else len(self.questions)

    def skipped(self) -> list[int]:
        """The positions of the questions passed without an answer, in order."""
        answers = self.progress.answers
        return [i for i, q in enumerate(self.questions) if q.item.id not in answers]

    def revisit(self, positions: list[int]) -> None:
        """Offer the questions at ``positions`` once more (after the last question):
        back and forward move among them; the progress stays at the end, so a session
        stopped meanwhile resumes at the end too."""
        self.revisiting = list(positions)
        self.revisit_index = 0

    def _forward(self) -> None:
        if self.revisiting is not None:
            self.revisit_index += 1
        else:
            self.progress.position += 1

    def _at_first(self) -> bool:
        if self.revisiting is not None:
            return self.revisit_index == 0
        return self.progress.position == 0

    def _backward(self) -> None:
        if self.revisiting is not None:
            self.revisit_index -= 1
        else:
            self.progress.position -= 1

    def back_key(self, item: Item) -> str:
        """The key that goes back on ``item``: ``<`` where ``b`` is an option letter."""
        return BACK_KEY_ALWAYS if item.is_situational else BACK_KEY

    def saved_answer(self) -> Optional[AnswerValue]:
        """The current question's saved answer, if any."""
        return self.progress.answers.get(self.current.item.id)

    def handle(self, typed: str) -> Outcome:
        """Apply what the person typed at the current question."""
        item = self.current.item
        key = typed.strip().casefold()
        if key == QUIT_KEY:
            return Outcome.QUIT
        if key == HELP_KEY:
            return Outcome.HELP
        if key in (self.back_key(item), BACK_KEY_ALWAYS):
            if self._at_first():
                return Outcome.AT_FIRST
            self._backward()
            return Outcome.BACK
        if key == NOT_APPLICABLE_KEY and not item.is_situational:
            self.progress.answers[item.id] = NOT_APPLICABLE
            self._forward()
            return Outcome.ANSWERED
        if key == SKIP_KEY:
            self.progress.answers.pop(item.id, None)
            self._forward()
            return Outcome.SKIPPED
        if not key:
            if item.id not in self.progress.answers:
                return Outcome.INVALID
            self._forward()  # Enter keeps the saved answer
            return Outcome.KEPT
        value = self.parse(item, typed.strip())
        if value is None:
            return Outcome.INVALID
        self.progress.answers[item.id] = value
        self._forward()
        return Outcome.ANSWERED

    def parse(self, item: Item, typed: str) -> Optional[AnswerValue]:
        """The answer ``typed`` stands for, or None."""
        if item.is_situational:
            return parse_option_answer(item, typed)
        return parse_typed_scale_answer(self.bank.scale_of(item), typed)

    def describe(self, item: Item, value: AnswerValue) -> str:
        """A saved answer as the person would recognise it, e.g. "4 Setuju"."""
        if item.is_situational:
            return str(value)
        if value == NOT_APPLICABLE:
            label = not_applicable_label(self.progress.language, self.progress.rater_group)
            return f"{NOT_APPLICABLE_KEY} {label}"
        point = self.bank.scale_of(item).point(int(value))
        language = self.progress.language
        return f"{value} {self.bank.text(point.label, language)}" if point else str(value)

    def sheet(self, finished_at: Optional[datetime] = None) -> AnswerSheet:
        """The answers so far as an answer sheet, in bank order."""
        answers = self.progress.answers
        return AnswerSheet(
            bank_id=self.bank.id,
            bank_version=self.bank.version,
            language=self.progress.language,
            role=self.progress.role,
            respondent=self.progress.respondent,
            target=self.progress.target,
            rater_group=self.progress.rater_group,
            started_at=self.progress.started_at,
            finished_at=finished_at or now(),
            answers={
                item_id: answers[item_id] for item_id in self.bank.items if item_id in answers
            },
            durations=self._durations(),
        )

    def _durations(self) -> Optional[dict[str, float]]:
        """Seconds per question of this bank, in bank order; None when none was timed."""
        timed = self.progress.durations
        durations = {item_id: timed[item_id] for item_id in self.bank.items if item_id in timed}
        return durations or None
