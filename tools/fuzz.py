"""Run the fuzzers of tests/fuzzing.py with many examples (the test suite runs a few).

    python tools/fuzz.py                 # 2,000 examples per target
    python tools/fuzz.py --examples 200 --target tables --seed 1

Every example must end with exit code 0, 1 or 2 and no traceback; the first failure is
printed with the input that caused it (shrunk by Hypothesis) and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hypothesis import HealthCheck, given, seed, settings

import fuzzing

TARGETS = {
    "banks": (fuzzing.mutated_banks, fuzzing.check_bank_text),
    "sheets": (fuzzing.mutated_sheets, fuzzing.check_sheet_text),
    "results": (fuzzing.mutated_results, fuzzing.check_result_text),
    "tables": (fuzzing.mutated_tables, fuzzing.check_table_bytes),
    "bad-row": (fuzzing.tables_with_a_bad_row, fuzzing.check_one_bad_row),
    "huge-cell": (fuzzing.tables_with_a_huge_cell, fuzzing.check_huge_cell),
    "escapes": (fuzzing.escaped_inputs, fuzzing.check_escaped_input),
}


def reporting(check):
    """``check``, printing the first input that fails it and why, before Hypothesis
    tries to shrink it."""
    reported = []

    def run(value):
        try:
            check(value)
        except BaseException:
            if not reported:
                reported.append(True)
                print(f"first failing input: {value!r:.2000}", flush=True)
                traceback.print_exc()
            raise

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per target")
    parser.add_argument("--target", choices=sorted(TARGETS), action="append", help="only these")
    parser.add_argument("--seed", type=int, default=None, help="a fixed random seed")
    args = parser.parse_args()
    failed = 0
    for name in args.target or sorted(TARGETS):
        strategy, check = TARGETS[name]
        test = settings(
            max_examples=args.examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(given(strategy())(reporting(check)))
        if args.seed is not None:
            test = seed(args.seed)(test)
        print(f"{name}: {args.examples} examples ...", flush=True)
        try:
            test()
        except Exception as error:  # report and go on with the other targets
            failed += 1
            print(f"{name}: FAILED\n{error}", flush=True)
        else:
            print(f"{name}: every example ended cleanly", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
