"""The agency report against `asn-assess batch` on the same file, in one run.

    python benchmarks/agency.py [--rows 10000 100000] [--runs 3] [--seed 1]
        [--data-dir DIR] [--format html|xlsx|pdf|...] [--keep]

For each size, the wide CSV of benchmarks/batch.py (respondents of the bundled bank in
20 units; about 3% of cells empty; re-used from --data-dir when it is there) is given
to, each as its own child process under the wrapper of benchmarks/batch.py (wall time,
CPU time and peak memory of that one command):

- `asn-assess batch INPUT.csv --format csv --output OUT.csv --id-column respondent_id`
  (the baseline: reading, scoring and writing every respondent's scores);
- `asn-assess agency INPUT.csv --by unit --output REPORT.<format>`.

Prints per command the wall and CPU time (s, medians over --runs) and the peak memory
(MB, highest over --runs), the ratios agency / batch of wall time (target: under 2.0)
and of CPU time and, when
several sizes are given, how the agency report's peak memory grows from the smallest
size to the largest (flat: the tally keeps sums, not rows). Exit status 0 when the
target is met at every size, 1 when not, 2 when a command fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

from asn_assess.core.bank import resolve_bank

HERE = Path(__file__).resolve().parent
TIME_RATIO_TARGET = 2.0


def _batch_benchmark():  # type: ignore[no-untyped-def]
    """benchmarks/batch.py as a module: its generator, wrapper and runner."""
    spec = importlib.util.spec_from_file_location("batch_benchmark", HERE / "batch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    bench = _batch_benchmark()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=bench.DEFAULT_DATA_DIR)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--format", default="html", help="the agency report's format")
    parser.add_argument("--keep", action="store_true", help="keep the outputs and logs")
    args = parser.parse_args()
    if min(args.rows) < 1 or args.runs < 1:
        parser.error("--rows and --runs must be at least 1")
    asn_assess = bench.asn_assess_command()
    bank = resolve_bank()
    peaks: dict[int, float] = {}
    met = True
    work = Path(tempfile.mkdtemp(prefix="asn-assess-agency-bench-"))
    try:
        for rows in sorted(args.rows):
            path = bench.data_path(bank, rows, args.seed, args.data_dir)
            if path.exists():
                print(f"input: re-using {path}")
            else:
                began = time.perf_counter()
                bench.generate(bank, rows, args.seed, path)
                print(f"input: generated {path} in {time.perf_counter() - began:.1f} s")
            batch = [
                *asn_assess,
                "batch",
                str(path),
                "--format",
                "csv",
                "--output",
                str(work / "results.csv"),
                "--id-column",
                "respondent_id",
            ]
            report = work / f"report.{args.format}"
            agency = [*asn_assess, "agency", str(path), "--by", "unit", "--output", str(report)]
            try:
                baseline = bench.run_many(f"batch-{rows}", batch, args.runs, work)
                figures = bench.run_many(f"agency-{rows}", agency, args.runs, work)
            except bench.CommandFailed as failed:
                print(f"error: {failed}\n{failed.tail}", file=sys.stderr)
                sys.exit(2)
            ratio = figures["wall"] / baseline["wall"]
            met &= ratio < TIME_RATIO_TARGET
            peaks[rows] = figures["peak_max"]
            print(f"\n{rows:,} respondents ({args.runs} run(s) each, medians):")
            for name, found in (
                ("asn-assess batch (csv)", baseline),
                ("asn-assess agency", figures),
            ):
                print(
                    f"  {name:24} wall {found['wall']:7.2f} s  cpu {found['cpu']:7.2f} s  "
                    f"peak {found['peak_max']:7.1f} MB"
                )
            cpu_ratio = figures["cpu"] / baseline["cpu"]
            print(f"  agency / batch CPU time: {cpu_ratio:.2f} (less affected by a busy machine)")
            verdict = "met" if ratio < TIME_RATIO_TARGET else "NOT met"
            print(
                f"  agency / batch wall time: {ratio:.2f} (target < {TIME_RATIO_TARGET}: {verdict})"
            )
        if len(peaks) > 1:
            smallest, largest = min(peaks), max(peaks)
            print(
                f"\nagency peak memory: {peaks[smallest]:.1f} MB at {smallest:,} rows, "
                f"{peaks[largest]:.1f} MB at {largest:,} rows "
                f"({peaks[largest] / peaks[smallest]:.2f}x for {largest / smallest:.0f}x the rows)"
            )
    finally:
        if args.keep:
            print(f"outputs and logs kept in {work}")
        else:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
