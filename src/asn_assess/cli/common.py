"""What every command shares: exit codes, the error wrapper, consoles, options, and
reading and writing the files named on the command line.

Only Typer is imported at module level; everything else is imported where it is
needed, so `asn-assess --version` and the first question appear quickly.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from asn_assess.analysis.norms import NormReference
    from asn_assess.core.documents import Result
    from asn_assess.core.errors import AssessError
    from asn_assess.core.models import Bank

EXIT_OK = 0
EXIT_INVALID = 1  # bad bank, bad answers, bad rows when strict
EXIT_USAGE = 2  # also what Click itself uses for a usage error
EXIT_INTERRUPTED = 130

CONTEXT = {"help_option_names": ["-h", "--help"]}

Command = TypeVar("Command", bound=Callable[..., Any])


def new_app(help_key: str, *, completion: bool = False) -> typer.Typer:
    """A Typer app (or command group) with the tool's conventions: -h/--help, no
    arguments shows help, help text taken literally and given as a catalogue key,
    written in the interface language when shown (``cli/localized.py``); ``completion``
    adds --install-completion and --show-completion (the top-level app)."""
    from asn_assess.cli.localized import LocalizedGroup, LocalizedTyper

    return LocalizedTyper(
        cls=LocalizedGroup,
        help=help_key,
        no_args_is_help=True,
        context_settings=CONTEXT,
        add_completion=completion,
        rich_markup_mode=None,
    )


def adopt_language(value: Optional[str]) -> Optional[str]:
    """Callback of a command's --lang: the code without regard to case (``EN`` is
    ``en``); a language the interface speaks becomes the interface language of the
    run, so the messages and the report agree. Whether the bank is written in it is
    the command's to check."""
    if value is None:
        return None
    from asn_assess.core.i18n import language_code, set_interface_language

    code = language_code(value)
    if code is not None:
        set_interface_language(code)
        return code
    return value.strip().casefold()


def reports_errors(command: Command) -> Command:
    """Turn the core's ``AssessError`` into one line per problem on stderr and its exit
    code: a user's mistake never shows a traceback. An interrupt (Ctrl-C, SIGTERM,
    SIGHUP) the command did not handle itself ends with 128 + its signal; a system error
    writing standard output (a full disk) is one line and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from asn_assess.cli import signals
        from asn_assess.core.errors import AssessError

        try:
            return command(*args, **kwargs)
        except AssessError as error:
            print_problems(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt as interrupt:
            raise typer.Exit(signals.exit_code(interrupt)) from None
        except BrokenPipeError:
            raise
        except OSError as problem:
            # Files are written through core.files, which names them; what is left is
            # standard output itself, written by the console or echo.
            from asn_assess.core.files import STDOUT_NAME
            from asn_assess.core.i18n import say

            where = problem.filename or STDOUT_NAME
            reason = problem.strerror or str(problem)
            typer.echo(
                f"{error_label()}: {where}: {say('output.cannot_write', reason=reason)}", err=True
            )
            raise typer.Exit(EXIT_INVALID) from None

    return wrapper  # type: ignore[return-value]


def error_label() -> str:
    """The word that starts an error line (``error``, ``galat``)."""
    from asn_assess.core.i18n import say

    return say("cli.error")


def warning_label() -> str:
    """The word that starts a warning line (``warning``, ``peringatan``)."""
    from asn_assess.core.i18n import say

    return say("cli.warning")


def print_problems(error: AssessError) -> None:
    """One ``error: where: what`` line per problem, on stderr. A key path or a file
    name may come from the data: shown without control characters."""
    from asn_assess.core.printable import printable

    for problem in error.problems:
        typer.echo(printable(f"{error_label()}: {problem}"), err=True)


def echo_data(text: str, nl: bool = True) -> None:
    """Data (JSON, CSV) on standard output: as it is when piped or redirected, without
    control characters when it is shown on a terminal (``core.printable``)."""
    from asn_assess.core.printable import printable

    typer.echo(printable(text) if sys.stdout.isatty() else text, nl=nl)


def stdout_console() -> Console:
    """A console on standard output (see ``reports.console.make_console``)."""
    from asn_assess.reports.console import make_console

    return make_console(stderr=False)


def stderr_console() -> Console:
    """A console on standard error, for people."""
    from asn_assess.reports.console import make_console

    return make_console(stderr=True)


DataDirOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data-dir",
        metavar="DIR",
        help="help.data_dir",
    ),
]

BankOption = Annotated[
    Optional[str],
    typer.Option(
        "--bank",
        "-b",
        metavar="ID|PATH",
        help="help.bank",
    ),
]


TargetColumnOption = Annotated[
    Optional[str],
    typer.Option("--target-column", metavar="NAME", help="mr.help.target_column"),
]
GroupColumnOption = Annotated[
    Optional[str],
    typer.Option("--group-column", metavar="NAME", help="mr.help.group_column"),
]
NormsOption = Annotated[
    Optional[Path],
    typer.Option(
        "--norms",
        metavar="FILE",
        help="help.norms",
    ),
]
NormGroupOption = Annotated[
    Optional[str],
    typer.Option(
        "--norm-group",
        metavar="NAME",
        help="help.norm_group",
    ),
]


def norm_reference(
    bank: Bank, path: Optional[Path], group: Optional[str]
) -> Optional[NormReference]:
    """The norm group named on the command line, checked against ``bank``; None without
    --norms."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    if path is None:
        if group is not None:
            raise UsageError(say("cli.norm_group_needs_norms"))
        return None
    from asn_assess.analysis.norms import norm_reference as load

    return load(path, bank, group)


def checked_language(bank: Bank, requested: str) -> str:
    """``requested`` when the bank is written in it; a usage error otherwise."""
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    folded = requested.strip().casefold()
    if folded not in bank.languages:
        raise UsageError(
            say(
                "cli.language_not_in_bank",
                code=requested,
                bank=bank.id,
                languages=", ".join(bank.languages),
            )
        )
    return folded


def shown_language(bank: Bank, requested: Optional[str]) -> str:
    """The language to show ``bank`` in: ``requested`` (which the bank must have), else
    the interface language when the bank has it, else the bank's first language."""
    from asn_assess.core.i18n import interface_language

    if requested is not None:
        return checked_language(bank, requested)
    chosen = interface_language()
    return chosen if chosen in bank.languages else bank.languages[0]


def bank_for_result(result: Result, bank: Optional[str], source: str) -> Bank:
    """The bank that scored ``result``: the bundled bank and version it names, or the
    bank given with ``--bank``, which must be that id and version (results stay readable
    after the bundled bank moves on to a new version)."""
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import BankError, ResultError
    from asn_assess.core.i18n import say

    try:
        loaded = resolve_bank(bank or result.bank_id, None if bank else result.bank_version)
    except BankError as error:
        if bank:
            raise
        raise ResultError(
            say(
                "cli.result_bank_not_bundled",
                source=source,
                bank=result.bank_id,
                version=result.bank_version,
            )
        ) from error
    if (loaded.id, loaded.version) != (result.bank_id, result.bank_version):
        raise ResultError(
            say(
                "cli.result_bank_mismatch",
                source=source,
                bank=result.bank_id,
                version=result.bank_version,
                loaded=loaded.id,
                loaded_version=loaded.version,
            )
        )
    return loaded


def checked_role(bank: Bank, requested: str) -> str:
    """The id of the bank's role ``requested`` names (id or label); a usage error
    listing the roles otherwise."""
    from asn_assess.core.answers import parse_role
    from asn_assess.core.errors import UsageError
    from asn_assess.core.i18n import say

    role = parse_role(bank, requested)
    if role is None:
        known = ", ".join(r.id for r in bank.roles) or "-"
        raise UsageError(say("cli.unknown_role", role=requested, bank=bank.id, roles=known))
    return role


def read_document(argument: str, error: type[AssessError]) -> tuple[str, str]:
    """(text, source) of a FILE|- argument: standard input for "-". Either is refused
    above the size of one document (``core.limits.DOCUMENT_BYTES``)."""
    from asn_assess.core.files import decoded_text, read_bytes, read_text

    if argument == "-":
        source = "<stdin>"
        return decoded_text(read_bytes(sys.stdin.buffer, source, error), source, error), source
    return read_text(argument, error), argument


def write_output(path: Optional[Path], text: str, *, private: bool, replace: bool = True) -> None:
    """Write ``text`` to ``path`` by the one output policy (``core.files``): standard
    output for ``-``; ``replace`` False refuses an existing file (templates without
    ``--force``); ``private`` files hold personal data and are created 0600."""
    from asn_assess.core.files import write_file

    write_file(path, text.encode("utf-8"), private=private, replace=replace)


def check_outputs(
    outputs: list[tuple[str, Optional[Path]]], others: list[tuple[str, Optional[Any]]]
) -> None:
    """Refuse, before anything is read, an output that would destroy another file of
    the run (see ``core.files.check_outputs``)."""
    from asn_assess.core.files import check_outputs as check

    check(outputs, [(label, path) for label, path in others if path is not None])


def bank_file(reference: Optional[str]) -> Optional[str]:
    """The file a ``--bank`` value names, when it names a file rather than a bundled id."""
    import os

    if reference and os.path.isfile(reference):
        return reference
    return None
