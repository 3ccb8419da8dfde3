"""One family of exceptions for every mistake a user can make.

The CLI catches ``AssessError`` alone and turns it into one line per problem on stderr
plus the exception's ``exit_code``; nothing else in the package prints.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is.

    ``where`` is whatever locates it best: ``file:line:col``, ``file: key.path`` or
    ``row 12``. ``message`` says what is wrong and, where possible, how to fix it.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class AssessError(Exception):
    """Base of every error a user can cause. Carries one or more problems."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(AssessError):
    """A command-line value that makes no sense (exit code 2, like Click's own)."""

    exit_code = 2


class BankError(AssessError):
    """A question bank that cannot be read or is not valid."""


class AnswerSheetError(AssessError):
    """An answer sheet that cannot be read or does not fit its bank."""


class NipError(AssessError):
    """A NIP that does not follow the 18-digit layout. ``code`` and ``values`` name the
    reason so it can be said in any interface language."""

    code: str = ""
    values: dict[str, object] = {}


class ResultError(AssessError):
    """A saved result that cannot be read."""
