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


def new_app(help_text: str) -> typer.Typer:
    """A Typer app (or command group) with the tool's conventions: -h/--help, no
    arguments shows help, help text taken literally."""
    return typer.Typer(
        help=help_text,
        no_args_is_help=True,
        context_settings=CONTEXT,
        add_completion=False,
        rich_markup_mode=None,
    )


def reports_errors(command: Command) -> Command:
    """Turn the core's ``AssessError`` into one line per problem on stderr and its exit
    code: a user's mistake never shows a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from asn_assess.core.errors import AssessError

        try:
            return command(*args, **kwargs)
        except AssessError as error:
            print_problems(error)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def print_problems(error: AssessError) -> None:
    """One ``error: where: what`` line per problem, on stderr."""
    for problem in error.problems:
        typer.echo(f"error: {problem}", err=True)


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
        help="Folder for progress, saved results and their history. Default: "
        "$ASN_ASSESS_HOME, else the user data folder.",
    ),
]

BankOption = Annotated[
    Optional[str],
    typer.Option(
        "--bank",
        "-b",
        metavar="ID|PATH",
        help="A bundled bank id or a bank TOML file. Default: asn-profesional.",
    ),
]


NormsOption = Annotated[
    Optional[Path],
    typer.Option(
        "--norms",
        metavar="FILE",
        help="Norms from `asn-assess analyze --norms-out`: show where each score stands "
        "among colleagues (scores and bands do not change).",
    ),
]
NormGroupOption = Annotated[
    Optional[str],
    typer.Option(
        "--norm-group",
        metavar="NAME",
        help="With --norms: the group of the norms to compare with. Default: everyone.",
    ),
]


def norm_reference(
    bank: Bank, path: Optional[Path], group: Optional[str]
) -> Optional[NormReference]:
    """The norm group named on the command line, checked against ``bank``; None without
    --norms."""
    from asn_assess.core.errors import UsageError

    if path is None:
        if group is not None:
            raise UsageError("--norm-group needs --norms FILE")
        return None
    from asn_assess.analysis.norms import norm_reference as load

    return load(path, bank, group)


def checked_language(bank: Bank, requested: str) -> str:
    """``requested`` when the bank is written in it; a usage error otherwise."""
    from asn_assess.core.errors import UsageError

    if requested not in bank.languages:
        raise UsageError(
            f"language {requested!r} is not in bank {bank.id!r} "
            f"(languages: {', '.join(bank.languages)})"
        )
    return requested


def bank_for_result(result: Result, bank: Optional[str], source: str) -> Bank:
    """The bank that scored ``result``: the bundled bank and version it names, or the
    bank given with ``--bank``, which must be that id and version (results stay readable
    after the bundled bank moves on to a new version)."""
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.errors import BankError, ResultError

    try:
        loaded = resolve_bank(bank or result.bank_id, None if bank else result.bank_version)
    except BankError as error:
        if bank:
            raise
        raise ResultError(
            f"{source}: the result is for {result.bank_id} {result.bank_version}, which is "
            "not bundled; pass that bank's file with --bank"
        ) from error
    if (loaded.id, loaded.version) != (result.bank_id, result.bank_version):
        raise ResultError(
            f"{source}: the result is for {result.bank_id} {result.bank_version}, "
            f"the bank is {loaded.id} {loaded.version}; pass the matching bank with --bank"
        )
    return loaded


def checked_role(bank: Bank, requested: str) -> str:
    """The id of the bank's role ``requested`` names (id or label); a usage error
    listing the roles otherwise."""
    from asn_assess.core.answers import parse_role
    from asn_assess.core.errors import UsageError

    role = parse_role(bank, requested)
    if role is None:
        known = ", ".join(r.id for r in bank.roles) or "none"
        raise UsageError(f"--role {requested!r}: no such role in bank {bank.id!r} (roles: {known})")
    return role


def read_document(argument: str, error: type[AssessError]) -> tuple[str, str]:
    """(text, source) of a FILE|- argument: standard input for "-"."""
    if argument == "-":
        return sys.stdin.read(), "<stdin>"
    from asn_assess.core.files import read_text

    return read_text(argument, error), argument


def write_output(path: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``path`` atomically; refuse to overwrite without ``force``."""
    from asn_assess.core.errors import AssessError
    from asn_assess.core.files import atomic_write_text

    if path.exists() and not force:
        raise AssessError(f"{path}: already exists; pass --force to overwrite it")
    atomic_write_text(path, text)


def refuse_overwriting_inputs(inputs: list[str], outputs: list[Optional[Path]]) -> None:
    """Outputs never replace inputs: a usage error when an output names an input file."""
    from asn_assess.core.errors import UsageError

    read = {Path(name).resolve() for name in inputs if name != "-"}
    for output in outputs:
        if output is not None and output.resolve() in read:
            raise UsageError(f"{output}: is also an input; write the output to another file")
