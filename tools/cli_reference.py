"""Write docs/cli.md from the commands' own --help, so the reference cannot drift.

    python tools/cli_reference.py          # rewrite docs/cli.md
    python tools/cli_reference.py --check  # exit 1 when docs/cli.md is out of date

tests/test_cli_reference.py runs the check in CI. The reference is written in English:
help is written in the interface language when it is shown, and this tool sets
$ASN_ASSESS_LANG to en (which also comes before any user configuration file).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
WIDTH = "80"


def command_paths(command, prefix=()):
    """Every command path below ``command``, depth first, in definition order."""
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, prefix + (name,))


def render() -> str:
    os.environ["ASN_ASSESS_LANG"] = "en"
    import typer.main
    from typer.testing import CliRunner

    from asn_assess.cli import app

    runner = CliRunner()
    parts = [
        "# Command reference\n",
        "Generated from `--help` by `python tools/cli_reference.py`; do not edit by hand.\n",
    ]
    for path in command_paths(typer.main.get_command(app)):
        result = runner.invoke(
            app, [*path, "--help"], env={"COLUMNS": WIDTH, "NO_COLOR": "1"}, prog_name="asn-assess"
        )
        if result.exit_code != 0:
            raise SystemExit(f"--help failed for {' '.join(path) or 'the app'}: {result.output}")
        title = " ".join(("asn-assess", *path))
        parts.append(f"## `{title}`\n\n```text\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check that docs/cli.md is current"
    )
    args = parser.parse_args()
    text = render()
    if args.check:
        if not REFERENCE.exists() or REFERENCE.read_text(encoding="utf-8") != text:
            print(f"{REFERENCE} is out of date: run python tools/cli_reference.py", file=sys.stderr)
            raise SystemExit(1)
        return
    REFERENCE.write_text(text, encoding="utf-8")
    print(f"wrote {REFERENCE}")


if __name__ == "__main__":
    main()
