"""Help in the interface language, written when it is shown.

Commands give their help texts as keys of the interface-text catalogue
(``core/messages``), not as text: Typer builds its commands before the command line is
parsed, so the language (``asn-assess --lang en ...``, a command's ``--lang``,
``$ASN_ASSESS_LANG`` or the configuration file) is known only when help is printed. The
command and group classes here replace each key by its text at that moment, and write
the few words the help layout adds (Usage, Options, default, required) in the same
language. Argument names are shown as their metavar alone (``INPUT...``, ``[RESULT]``),
without the Python type Typer would add.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, Optional

import typer
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperCommand, TyperGroup

from asn_assess.core.printable import printable

# Help texts Typer writes itself (the completion options), by their catalogue keys.
TYPER_TEXTS = {
    "Install completion for the current shell.": "help.install_completion",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "help.show_completion"
    ),
}


def help_text(text: Optional[str]) -> Optional[str]:
    """The text of help ``text`` when it is a catalogue key, else ``text`` itself."""
    from asn_assess.core.i18n import messages, say

    key = TYPER_TEXTS.get(text, text) if text else text
    if key and key in messages():
        return _unbreakable_hyphens(say(key)) if _writing_help else say(key)
    return text


# While help is laid out, a hyphen inside a word (asn-assess, --key-file, laporan-budi)
# is a non-breaking one, so the help's line wrapping never splits a command or option
# name at it; every one is a plain hyphen again in the finished text.
NON_BREAKING_HYPHEN = "\u2011"
_WORD_HYPHEN = re.compile(r"(?<=\S)-|-(?=\S)")
_writing_help = False


def _unbreakable_hyphens(text: str) -> str:
    return _WORD_HYPHEN.sub(NON_BREAKING_HYPHEN, text)


def _plain_hyphens(formatter: Any) -> None:
    formatter.buffer[:] = [piece.replace(NON_BREAKING_HYPHEN, "-") for piece in formatter.buffer]


class _Localized:
    """What commands and groups share: help texts looked up when help is written."""

    help: Optional[str]
    short_help: Optional[str]
    params: list[Any]
    _help_keys: dict[int, tuple[Optional[str], Optional[str]]]

    def localize(self, ctx: Any) -> None:
        """Replace every help key of this command and its parameters by its text."""
        from asn_assess.core.i18n import messages

        keys = self.__dict__.setdefault("_help_keys", {})
        params = self.get_params(ctx) if ctx is not None else self.params  # type: ignore[attr-defined]
        for holder in [self, *params]:
            if id(holder) not in keys:
                keys[id(holder)] = (holder.help, getattr(holder, "short_help", None))
            help_key, short_key = keys[id(holder)]
            holder.help = help_text(help_key)
            if short_key is None and holder is self and help_key:
                short_key = f"{help_key}.short"  # the line in the list of commands
            if short_key is not None and hasattr(holder, "short_help"):
                holder.short_help = help_text(short_key) if short_key in messages() else None

    def get_help_option(self, ctx: Any) -> Any:
        """The -h/--help option, its help a key like every other (read at every
        parse: the text is looked up only when help is shown)."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None and not getattr(option, "keyed", False):
            option.help, option.keyed = "help.help_option", True
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """The line in the list of commands, in the interface language."""
        self.localize(None)
        return str(super().get_short_help_str(limit))  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help page, every key replaced by its text first; never broken at a
        hyphen inside a word (see ``NON_BREAKING_HYPHEN``)."""
        global _writing_help
        outer = _writing_help
        _writing_help = True
        try:
            self.localize(ctx)
            super().format_help(ctx, formatter)  # type: ignore[misc]
        finally:
            _writing_help = outer
            self.localize(ctx)  # the texts as they are, for anything read later
        _plain_hyphens(formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        """The usage line, introduced in the interface language."""
        from asn_assess.core.i18n import say

        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=say("help.usage") + " ")

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The words of the usage line: options, arguments (and a group's command)."""
        from asn_assess.core.i18n import say

        pieces = [say("help.options_metavar")]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                pieces.append(argument_name(param))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Arguments and options, in the interface language."""
        from asn_assess.core.i18n import say

        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, text = record
            if param.param_type_name == "argument":
                arguments.append((argument_name(param), _translated_notes(text)))
            else:
                options.append((name, _translated_notes(text)))
        if arguments:
            with formatter.section(say("help.arguments")):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(say("help.options")):
                formatter.write_dl(options)


def argument_name(param: Any) -> str:
    """An argument as usage and help show it: ``NAME``, ``[NAME]`` when it may be left
    out, ``...`` when it takes several."""
    name = str(param.metavar or param.name.upper())
    many = "..." if param.nargs != 1 else ""
    return f"{name}{many}" if param.required else f"[{name}]{many}"


def _translated_notes(text: str) -> str:
    """``text`` with the notes the help layout adds (``[default: 5; required]``) in
    the interface language."""
    from asn_assess.core.i18n import say

    body, bracket, notes = text.rpartition("  [")
    if not bracket or not notes.endswith("]"):
        if text.startswith("[") and text.endswith("]"):  # notes without a help text
            body, notes = "", text[1:]
        else:
            return text
    translated = []
    for note in notes[:-1].split("; "):
        if note == "required":
            translated.append(say("help.required"))
        elif note.startswith("default: "):
            translated.append(say("help.default", value=note.removeprefix("default: ")))
        else:
            translated.append(note)
    joined = "[" + "; ".join(translated) + "]"
    return f"{body}  {joined}" if body else joined


class LocalizedUsageError(UsageError):
    """A usage error of the command-line parser, shown like the tool's own errors:
    the usage line, where to find help and ``galat: ...`` in the interface language."""

    def show(self, file: Any = None) -> None:
        """Usage, the help hint and the message, on stderr."""
        from asn_assess.cli.common import error_label
        from asn_assess.core.i18n import say

        stream = file or sys.stderr
        if self.ctx is not None:
            typer.echo(self.ctx.get_usage(), file=stream)
            if self.ctx.command.get_help_option(self.ctx) is not None:
                command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
                typer.echo(say("click.try_help", command=command), file=stream)
            typer.echo("", file=stream)
        typer.echo(printable(f"{error_label()}: {self.message}"), file=stream)


# The parser's own messages that carry no parameter object, by their English wording.
_PARSER_MESSAGES = (
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<extra>.*)\)$"), "click.extra_arguments"),
    (
        re.compile(r"No such command '(?P<name>[^']*)'\.(?: Did you mean '(?P<like>[^']*)'\?)?$"),
        "click.no_such_command",
    ),
    (re.compile(r"Missing command\.$"), "click.missing_command"),
)


def localized_usage_error(error: UsageError) -> UsageError:
    """``error`` with its message in the interface language (help pages themselves,
    shown for a missing command, pass through)."""
    if isinstance(error, NoArgsIsHelpError):
        return error
    return LocalizedUsageError(usage_message(error), error.ctx)


def usage_message(error: UsageError) -> str:
    """What ``error`` says, in the interface language where its kind is known."""
    from asn_assess.core.i18n import say

    if isinstance(error, NoSuchOption):
        text = say("click.no_such_option", option=error.option_name)
        if error.possibilities:
            text += " " + say("click.possible", options=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, MissingParameter) and error.param is not None:
        hint = error.param.get_error_hint()
        if error.param.param_type_name == "argument":
            return say("click.missing_argument", name=hint)
        return say("click.missing_option", name=hint)
    if isinstance(error, BadParameter):
        named = error.param.get_error_hint() if error.param is not None else error.param_hint
        return say("click.invalid_value", name=named, reason=error.message)
    if isinstance(error, BadOptionUsage) and "requires" in error.message:
        return say("click.needs_value", option=error.option_name)
    for pattern, key in _PARSER_MESSAGES:
        found = pattern.match(error.message)
        if found:
            values = found.groupdict()
            like = values.pop("like", None)
            text = say(key, **values)
            return text + " " + say("click.did_you_mean", name=like) if like else text
    return error.format_message()


class LocalizedCommand(_Localized, TyperCommand):
    """A command whose help is written in the interface language."""


class LocalizedGroup(_Localized, TyperGroup):
    """A command group whose help and command list are in the interface language."""

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        """Parse a command line; at the top, the language is chosen anew."""
        if parent is None:
            # A new run (the tests run many in one process): the interface language
            # is chosen again, from this command line, the environment, the file.
            from asn_assess.core.config import forget
            from asn_assess.core.i18n import set_interface_language

            set_interface_language(None)
            forget()
            try:
                return super().make_context(info_name, args, parent, **extra)
            except UsageError as error:
                raise localized_usage_error(error) from None
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        """Run the command line; a usage error anywhere below is said in the
        interface language."""
        if ctx.parent is not None:
            return super().invoke(ctx)
        try:
            return super().invoke(ctx)
        except UsageError as error:
            raise localized_usage_error(error) from None

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The words of the usage line: options, arguments (and a group's command)."""
        from asn_assess.core.i18n import say

        return [*super().collect_usage_pieces(ctx), say("help.command_metavar")]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Arguments and options, in the interface language."""
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The list of commands with their short help, never cut off."""
        from asn_assess.core.i18n import say

        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            # Every command has a short help, so none is cut off with "..." here.
            rows.append((name, command.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section(say("help.commands")):
                formatter.write_dl(rows)


class LocalizedTyper(typer.Typer):
    """A Typer app whose commands are ``LocalizedCommand``s."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        """Register a command, a ``LocalizedCommand`` unless told otherwise."""
        kwargs.setdefault("cls", LocalizedCommand)
        return super().command(*args, **kwargs)
