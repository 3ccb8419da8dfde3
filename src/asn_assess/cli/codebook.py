"""`asn-assess codebook`: the items of a bank as a CSV an analyst reads batch columns by."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from asn_assess.cli.app import app
from asn_assess.cli.common import BankOption, bank_file, check_outputs, reports_errors, write_output


@app.command("codebook", help="out.help.codebook")
@reports_errors
def codebook(
    bank: BankOption = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="out.help.codebook_output"),
    ] = None,
) -> None:
    """Write the codebook of a bank."""
    from asn_assess.batch.codebook import codebook_csv
    from asn_assess.core.bank import resolve_bank
    from asn_assess.core.files import is_stdout
    from asn_assess.core.i18n import say

    check_outputs([("--output", output)], [("--bank", bank_file(bank))])
    loaded = resolve_bank(bank)
    write_output(output, codebook_csv(loaded), private=False)
    if not is_stdout(output):
        message = say(
            "out.codebook_written",
            path=output,
            count=len(loaded.items),
            bank=loaded.id,
            version=loaded.version,
        )
        typer.echo(message, err=True)
