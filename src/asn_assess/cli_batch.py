"""The shell around `asn-assess batch`: opening inputs, progress, writing outputs,
printing warnings, the summary table and the closing counts. The scoring itself is in
batch.py (no terminal I/O there)."""

from __future__ import annotations

import sys

import typer

from asn_assess.cli import EXIT_INVALID, _stderr, _write_output

MAX_ERRORS_ON_SCREEN = 20


def batch_template(bank_ref, output, force, extra) -> None:
    import csv
    import io

    from asn_assess.bank import resolve_bank
    from asn_assess.errors import UsageError

    if extra:
        raise UsageError(f"'batch template' takes no input files (got {', '.join(extra)}); "
                         "to score a file named 'template', write ./template")
    loaded = resolve_bank(bank_ref)
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(["respondent_id", "unit", *loaded.items])
    if output is None:
        typer.echo(text.getvalue(), nl=False)
        return
    _write_output(output, text.getvalue(), force)
    typer.echo(f"wrote {output}: one column per item of {loaded.id} {loaded.version}; "
               f"score it with: asn-assess batch {output} --id-column respondent_id", err=True)


def run_batch(inputs, bank_ref, output_format, output, errors_path, summary_by, summary_output,
               min_group, strict, id_column, mapping_path, pseudonymize, key_file) -> None:
    from asn_assess.bank import resolve_bank
    from asn_assess.batch import (HEAD_BYTES, BatchCounts, Pseudonymizer, TableSettings,
                                  is_answer_sheets, read_sheets, read_table)
    from asn_assess.batch_output import AtomicOutput, CsvResults, JsonlResults, write_summary_csv
    from asn_assess.columns import is_identifying, load_mapping
    from asn_assess.errors import UsageError
    from asn_assess.summary import GroupSummary

    if output_format is None:
        output_format = "jsonl" if output and output.suffix in (".jsonl", ".ndjson") else "csv"
    if output_format not in ("csv", "jsonl"):
        raise UsageError(f"--format {output_format!r}: choose csv or jsonl")
    if pseudonymize and key_file is None:
        raise UsageError("--pseudonymize needs --key-file FILE (a secret the unit keeps)")
    if pseudonymize and summary_by and (is_identifying(summary_by) or summary_by == id_column):
        raise UsageError(f"--summary-by {summary_by!r} names people, so its groups would show "
                         "who answered; summarise by a unit or position column instead")
    if summary_output and not summary_by:
        raise UsageError("--summary-output needs --summary-by COLUMN (what to group by)")
    if inputs.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    loaded = resolve_bank(bank_ref)
    settings = TableSettings(
        bank=loaded,
        mapping=load_mapping(mapping_path, loaded) if mapping_path else None,
        id_column=id_column,
        group_column=summary_by,
        pseudonymize=Pseudonymizer.from_key_file(key_file) if pseudonymize else None,
        want_results=output_format == "jsonl",
    )
    streams = [_open_input(name, HEAD_BYTES) for name in inputs]  # all readable before any work
    _pyarrow_without_pandas()
    counts = BatchCounts()
    summary = GroupSummary(loaded, min_group) if summary_by else None
    error_file = None
    shown_errors = 0

    def on_error(row_error) -> None:
        nonlocal shown_errors
        if error_file is not None:
            error_file.stream.write((row_error.to_json() + "\n").encode("utf-8"))
        elif shown_errors < MAX_ERRORS_ON_SCREEN:
            typer.echo(f"rejected: {row_error}", err=True)
            shown_errors += 1

    outputs = []  # every file this run writes: all appear together, or none does
    progress = _batch_progress()
    try:
        out = AtomicOutput(output)
        outputs.append(out)
        if errors_path:
            error_file = AtomicOutput(errors_path)
            outputs.append(error_file)
        summary_file = AtomicOutput(summary_output) if summary_output else None
        if summary_file is not None:
            outputs.append(summary_file)
        writer = (JsonlResults(out, drop_profile=pseudonymize) if output_format == "jsonl"
                  else CsvResults(loaded, out))
        for name, stream in zip(inputs, streams):
            source = "<stdin>" if name == "-" else name
            head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]
            reader = read_sheets if is_answer_sheets(head) else read_table
            for block in reader(stream, source, settings, counts, on_error):
                writer.write(block)
                if summary is not None:
                    for group, values, band in block.summary_rows:
                        summary.add(group, values, band)
                progress(counts.read)
        writer.close()
        summary_rows = summary.rows() if summary is not None else []
        if summary_file is not None:
            write_summary_csv(summary_rows, summary_file)
        for output_file in outputs:
            output_file.commit()
    except BaseException:
        for output_file in outputs:
            output_file.discard()
        raise
    finally:
        progress(None)
        for stream in streams:
            stream.close()

    for source, unused in counts.unused_columns.items():
        if unused:
            shown = ", ".join(repr(c[:40]) for c in unused[:6]) + (", ..." if len(unused) > 6 else "")
            typer.echo(f"warning: {source}: {len(unused)} column(s) not used: {shown}; "
                       "if they hold answers, name them in a --mapping file", err=True)
    if error_file is None and counts.rejected > shown_errors:
        typer.echo(f"rejected: ... and {counts.rejected - shown_errors} more; "
                   "write them all with --errors FILE", err=True)
    if summary is not None:
        _stderr().print(_summary_table(summary_rows, loaded))
    if counts.rejected and not strict:
        typer.echo(f"warning: {counts.rejected} row(s) rejected"
                   + (f"; see {errors_path}" if errors_path else ""), err=True)
    typer.echo(f"read {counts.read}, scored {counts.scored}, rejected {counts.rejected}", err=True)
    if counts.rejected and strict:
        raise typer.Exit(EXIT_INVALID)


def _pyarrow_without_pandas() -> None:
    """pyarrow looks for pandas once per process, on its first conversion, to offer
    pandas interop that batch never uses; when pandas is installed that import alone
    costs about 40 MB, a quarter of the memory budget. Hide pandas during that one
    look, then put everything back: pandas stays importable for anyone else."""
    if "pandas" in sys.modules:
        return
    import importlib.abc

    class HidePandas(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "pandas" or name.startswith("pandas."):
                raise ModuleNotFoundError(f"{name} hidden while pyarrow starts")
            return None

    finder = HidePandas()
    sys.meta_path.insert(0, finder)
    try:
        import pyarrow

        pyarrow.array([0])
    finally:
        sys.meta_path.remove(finder)


def _open_input(name: str, buffer_size: int):
    import io

    from asn_assess.batch import InputError
    from asn_assess.files import open_for_reading

    if name == "-":
        return io.BufferedReader(sys.stdin.buffer.raw, buffer_size)  # type: ignore[attr-defined]
    return open_for_reading(name, InputError, buffering=buffer_size)


def _batch_progress():
    """A live row counter on stderr when it is a terminal; a no-op otherwise."""
    if not sys.stderr.isatty():
        return lambda rows: None
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.completed:,} rows"), TimeElapsedColumn(),
                   console=_stderr(), transient=True)
    task = bar.add_task("batch", total=None)
    bar.start()

    def update(rows):
        if rows is None:
            bar.stop()
        else:
            bar.update(task, completed=rows)

    return update


def _summary_table(rows, bank):
    from rich.table import Table

    from asn_assess.i18n import format_score

    table = Table(title="Summary by group (0-100)", title_justify="left", box=None, pad_edge=False)
    for name in ("group", "n", "measure", "mean", "median", "sd"):
        table.add_column(name, overflow="fold", justify="left" if name in ("group", "measure") else "right")
    metrics = [f"pillar.{p.id}" for p in bank.pillars] + ["overall"]
    for row in rows:
        if "overall.mean" not in row:
            table.add_row(str(row["group"]), str(row["n"]), "(too few to show)", "", "", "")
            continue
        for index, metric in enumerate(metrics):
            stats = [row.get(f"{metric}.{stat}") for stat in ("mean", "median", "sd")]
            table.add_row(str(row["group"]) if index == 0 else "", str(row["n"]) if index == 0 else "",
                          metric.split(".")[-1],
                          *[format_score(v, "en", 1) if v is not None else "-" for v in stats],
                          end_section=index == len(metrics) - 1)
    return table
