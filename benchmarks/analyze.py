"""`asn-assess analyze` at two sizes, against a pandas script over the whole matrix.

    python benchmarks/analyze.py [--rows 50000 100000] [--seed 1] [--data-dir DIR]
                                 [--runs 1] [--keep]

Generates, per size, N respondents for the bundled bank as a wide CSV (header
`respondent_id,unit,<item ids in bank order>`), from a model with one factor per
indicator correlated through a general factor, so that the figures look like real
ones; reverse-keyed items are answered the other way round, situational items by the
option whose score fits; about 3% of cells are skipped. The file is kept in
--data-dir (default benchmarks/data/analyze/, gitignored) and re-used by later runs.

Then times, each as its own child process (wall time and peak memory, max RSS, of that
command alone; the wrapper is benchmarks/batch.py's):
- baseline: a pandas script (BASELINE_SCRIPT below) that reads the whole CSV, keys the
  answers by the bank (`asn-assess bank show --json`, fetched before timing), and
  computes for every indicator and pillar the same figures with DataFrame.cov
  (pairwise-complete covariances, as R's cov(use = "pairwise") and psych::alpha): raw
  and standardised alpha, average r, r.drop and alpha if each item is dropped, and the
  count of each answer per item;
- `asn-assess analyze INPUT.csv --format json --output OUT.json`;
- the same with `--norms-out NORMS.json` (percentile tables as well).

Prints per size and command the wall time (s, median over --runs) and peak memory (MB,
highest over --runs), the ratio of the larger size to the smaller (memory flat as rows
grow: close to 1), the ratio asn-assess / pandas, and the largest difference between
the two in alpha, standardised alpha, r.drop and alpha if dropped. Exit status 0 when
they agree within 1e-9, 1 when not, 2 when a command fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from asn_assess.core.bank import resolve_bank
from batch import UNITS, CommandFailed, asn_assess_command, measure

HERE = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = HERE / "data" / "analyze"
GENERATOR_VERSION = 1  # bump when the generated data changes, so old files are not re-used
CHUNK_ROWS = 50_000
SKIP_SHARE = 0.03
TOLERANCE = 1e-9

BASELINE_SCRIPT = '''"""Item analysis of a wide CSV with pandas: psych::alpha's figures per scale.

    python baseline.py BANK.json INPUT.csv OUTPUT.json
"""

import json
import sys

import numpy as np
import pandas as pd

bank_path, input_path, output_path = sys.argv[1:4]
with open(bank_path, encoding="utf-8") as file:
    bank = json.load(file)
scale_range = {
    scale["id"]: (min(p["value"] for p in scale["points"]),
                  max(p["value"] for p in scale["points"]))
    for scale in bank["scales"]
}
frame = pd.read_csv(input_path, dtype=str, keep_default_na=False)
scores = {}
counts = {}
scales = {}
for pillar in bank["pillars"]:
    pillar_items = []
    for indicator in pillar["indicators"]:
        ids = []
        for item in indicator["items"]:
            answers = frame[item["id"]].str.strip().replace("", np.nan)
            low, high = scale_range[item["scale"]]
            if item["kind"] == "situational":
                value = answers.map({o["id"]: o["score"] for o in item["options"]})
            else:
                value = pd.to_numeric(answers)
                if item["reverse"]:
                    value = low + high - value
            scores[item["id"]] = (value - low) / (high - low) * 100
            counts[item["id"]] = {str(k): int(v) for k, v in answers.value_counts().items()}
            ids.append(item["id"])
        scales["indicator:" + indicator["id"]] = ids
        pillar_items += ids
    scales["pillar:" + pillar["id"]] = pillar_items
scores = pd.DataFrame(scores)


def figures(ids):
    c = scores[ids].cov().to_numpy()  # pairwise complete, centred on each pair's means
    k = len(ids)
    d = np.diag(c)
    r = c / np.sqrt(np.outer(d, d))
    np.fill_diagonal(r, 1.0)
    out = {
        "raw_alpha": (1 - d.sum() / c.sum()) * k / (k - 1),
        "std_alpha": (1 - k / r.sum()) * k / (k - 1),
        "average_r": (r.sum() - k) / (k * (k - 1)),
        "r_drop": {},
        "alpha_if_dropped": {},
    }
    for i, item in enumerate(ids):
        rest = [j for j in range(k) if j != i]
        rest_sum = c[np.ix_(rest, rest)].sum()
        out["r_drop"][item] = (c[i].sum() - c[i, i]) / np.sqrt(c[i, i] * rest_sum)
        out["alpha_if_dropped"][item] = (1 - d[rest].sum() / rest_sum) * (k - 1) / (k - 2)
    return out


result = {"scales": {name: figures(ids) for name, ids in scales.items()}, "counts": counts}
with open(output_path, "w", encoding="utf-8") as file:
    json.dump(result, file)
'''


# --- data -----------------------------------------------------------------------------


def data_path(bank, rows: int, seed: int, data_dir: Path) -> Path:
    header = ",".join(["respondent_id", "unit", *bank.items])
    key = hashlib.sha256(f"{GENERATOR_VERSION}\n{header}\n{bank.version}".encode()).hexdigest()
    return data_dir / f"{bank.id}-{rows}-seed{seed}-{key[:8]}.csv"


def generate(bank, rows: int, seed: int, path: Path) -> None:
    """Write the wide CSV, a chunk of rows at a time, each cell chosen from its item's
    answers by a factor model."""
    rng = np.random.default_rng(seed)
    items = list(bank.items.values())
    tokens = []  # per item: the cell text of keyed positions 1..5 (0: skipped)
    for item in items:
        if item.is_situational:
            by_score = {option.score: option.id for option in item.options}
            cells = [by_score.get(score, item.options[0].id) for score in range(1, 6)]
        else:
            values = range(5, 0, -1) if item.is_reversed else range(1, 6)
            cells = [str(value) for value in values]
        tokens.append(np.array(["", *cells], dtype=object))
    partial = path.with_suffix(".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(partial, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(["respondent_id", "unit", *bank.items]) + "\n")
        for start in range(0, rows, CHUNK_ROWS):
            n = min(CHUNK_ROWS, rows - start)
            general = rng.standard_normal(n)
            columns = []
            index = 0
            for pillar in bank.pillars:
                for indicator in pillar.indicators:
                    factor = 0.6 * general + 0.8 * rng.standard_normal(n)
                    for _ in indicator.items:
                        latent = 0.7 * factor + 0.71 * rng.standard_normal(n)
                        keyed = np.clip(np.rint(3.5 + latent), 1, 5).astype(np.int64)
                        keyed[rng.random(n) < SKIP_SHARE] = 0
                        columns.append(tokens[index][keyed])
                        index += 1
            ids = np.array([f"R{number:07d}" for number in range(start + 1, start + n + 1)])
            units = np.array(UNITS, dtype=object)[rng.integers(0, len(UNITS), n)]
            table = np.column_stack([ids, units, *columns])
            out.write("\n".join(",".join(row) for row in table) + "\n")
    os.replace(partial, path)


# --- running and comparing ----------------------------------------------------------


def timed(name: str, command: list[str], runs: int, work: Path) -> dict:
    walls, peaks = [], []
    for run in range(runs):
        figures = measure(command, work / f"{name}-{run}")
        if figures["returncode"] != 0:
            tail = "\n".join(figures["stderr"].strip().splitlines()[-15:])
            raise CommandFailed(name, command, figures["returncode"], tail)
        walls.append(figures["wall"])
        peaks.append(figures["peak_mb"])
    return {"wall": statistics.median(walls), "peak": max(peaks)}


def largest_difference(ours: dict, theirs: dict) -> tuple[float, int]:
    """The largest absolute difference over every scale figure, and how many figures."""
    worst, compared = 0.0, 0
    for scale in (*ours["indicators"], *ours["pillars"]):
        wanted = theirs["scales"][f"{scale['kind']}:{scale['id']}"]
        pairs = [(scale[name], wanted[name]) for name in ("raw_alpha", "std_alpha", "average_r")]
        for item in scale["items"]:
            pairs.append((item["r_drop"], wanted["r_drop"][item["item"]]))
            pairs.append((item["alpha_if_dropped"], wanted["alpha_if_dropped"][item["item"]]))
        for mine, reference in pairs:
            worst = max(worst, abs(mine - reference))
            compared += 1
    for share in ours["answers"]:
        counted = theirs["counts"][share["item"]]
        for choice, count in zip(share["choices"], share["counts"], strict=True):
            worst = max(worst, abs(count - counted.get(choice, 0)))
            compared += 1
    return worst, compared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs=2, default=[50_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--runs", type=int, default=1, help="timed runs per command")
    parser.add_argument("--keep", action="store_true", help="keep outputs and logs")
    args = parser.parse_args()

    bank = resolve_bank()
    asn_assess = asn_assess_command()
    work = Path(tempfile.mkdtemp(prefix="asn-assess-analyze-bench-"))
    results: dict[int, dict[str, dict]] = {}
    agree = True
    try:
        bank_json = work / "bank.json"
        shown = subprocess.run(
            [*asn_assess, "bank", "show", "--json"], check=True, capture_output=True
        )
        bank_json.write_bytes(shown.stdout)
        script = work / "baseline.py"
        script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        for rows in args.rows:
            source = data_path(bank, rows, args.seed, args.data_dir)
            if not source.exists():
                began = time.perf_counter()
                generate(bank, rows, args.seed, source)
                print(f"input: generated {source} in {time.perf_counter() - began:.1f} s")
            print(f"rows: {rows:,}   input: {source.stat().st_size / 1e6:,.1f} MB")
            out = {name: work / f"{name}-{rows}.json" for name in ("pandas", "analyze", "norms")}
            commands = {
                "pandas": [
                    sys.executable,
                    str(script),
                    str(bank_json),
                    str(source),
                    str(out["pandas"]),
                ],
                "analyze": [
                    *asn_assess,
                    "analyze",
                    str(source),
                    "-f",
                    "json",
                    "-o",
                    str(out["analyze"]),
                ],
                "analyze+norms": [
                    *asn_assess,
                    "analyze",
                    str(source),
                    "-f",
                    "json",
                    "-o",
                    str(work / f"with-norms-{rows}.json"),
                    "--norms-out",
                    str(out["norms"]),
                ],
            }
            results[rows] = {}
            for name, command in commands.items():
                try:
                    results[rows][name] = timed(f"{name}-{rows}", command, args.runs, work)
                except CommandFailed as failed:
                    print(
                        f"error: {failed.name} failed ({failed.code}):\n{failed.tail}",
                        file=sys.stderr,
                    )
                    sys.exit(2)
                figures = results[rows][name]
                print(f"  {name:<14} {figures['wall']:8.2f} s   peak {figures['peak']:8.1f} MB")
            ours = json.loads(out["analyze"].read_text(encoding="utf-8"))
            theirs = json.loads(out["pandas"].read_text(encoding="utf-8"))
            worst, compared = largest_difference(ours, theirs)
            agree &= worst <= TOLERANCE
            print(
                f"  agreement with pandas: {compared:,} figures, largest difference "
                f"{worst:.2e} ({'same' if worst <= TOLERANCE else 'DIFFERENT'})"
            )
            mine, base = results[rows]["analyze"], results[rows]["pandas"]
            print(
                f"  ratio analyze / pandas: time {mine['wall'] / base['wall']:.2f}x, "
                f"memory {mine['peak'] / base['peak']:.2f}x"
            )
        small, large = args.rows
        for name in ("analyze", "analyze+norms", "pandas"):
            a, b = results[small][name], results[large][name]
            print(
                f"{name:<14} {large:,} / {small:,} rows: time {b['wall'] / a['wall']:.2f}x, "
                f"peak memory {b['peak'] / a['peak']:.2f}x"
            )
        if args.keep:
            print(f"kept: {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
