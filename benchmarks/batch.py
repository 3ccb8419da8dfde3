"""Batch scoring of a wide CSV: `asn-assess batch` against pandas, polars and DuckDB scripts.

    python benchmarks/batch.py [--rows 10000 100000 1000000] [--runs 3] [--seed 1]
        [--data-dir DIR] [--baselines pandas polars duckdb] [--no-jsonl] [--no-xlsx]
        [--no-summary] [--keep]

For each size given, generates N respondents for the bundled bank as a wide CSV (header
`respondent_id,unit,<item ids in bank order>`; scale items a random point value,
situational items a random option id; about 3% of cells empty: 2.5% skipped at random,
plus 1% of respondents who stop part-way, so null indicators, pillars and overall
scores occur; no row is left wholly empty, as `asn-assess batch` rejects such a row).
The file is kept in --data-dir (default benchmarks/data/batch/, gitignored) and re-used
by later runs with the same N, seed and bank.

Then times, each as its own child process under a small wrapper that reports the wall
time, the CPU time and the peak memory (max RSS) of that one command:
- the baselines: scripts an analyst would write (BASELINE_SCRIPT with pandas,
  POLARS_SCRIPT with polars' lazy streaming engine, DUCKDB_SCRIPT with DuckDB SQL) that
  read the CSV and compute the overall, pillar and indicator scores by the rules of
  docs/scoring.md, from the bank's structure as printed by `asn-assess bank show --json`
  (fetched before timing, so the scripts do not import asn_assess), and write them as CSV;
- `asn-assess batch INPUT.csv --format csv --output OUT.csv --id-column respondent_id`;
- the same with `--format jsonl` (skip with --no-jsonl);
- the same with `--format xlsx` (skip with --no-xlsx), whose first 1,000 rows must hold
  the CSV's ids and scores;
- the same with `--summary-by unit --summary-output SUMMARY.csv` (skip with
  --no-summary), whose results must be byte for byte those of the run without it.

Prints per command the wall time and CPU time (s, medians over --runs) and the peak
memory (MB, highest over --runs); the ratios asn-assess / each baseline, JSONL / CSV,
XLSX / CSV and the summary run / the plain run, each against its target (time <= the
polars script; JSONL <= 1.5x CSV; XLSX <= 3x CSV; summary <= 1.2x the plain run; asn-assess peak memory
< 150 MB at 1,000,000 rows). Finally it checks that each baseline agrees with asn-assess
on a sample (1,000 random rows plus up to 1,000 rows with a null score): every overall,
pillar and indicator score equal within 1e-9 and nulls in the same places. Exit
status: 0 when all agree, 1 on any disagreement, 2 when a command fails.

asn-assess is run as the `asn-assess` script beside this Python (or `python -m
asn_assess`); set PYTHONPATH to a source tree to measure that tree instead.
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
import pandas as pd

from asn_assess.core.bank import resolve_bank

HERE = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = HERE / "data" / "batch"
GENERATOR_VERSION = 3  # bump when the generated data changes, so old files are not re-used
CHUNK_ROWS = 100_000
SKIP_SHARE = 0.025  # cells skipped at random
STOP_SHARE = 0.01  # respondents who stop after a random item and leave the rest empty
SAMPLE_ROWS = 1000
TOLERANCE = 1e-9
TIME_RATIO_TARGET = 1.0  # asn-assess batch / the polars script
JSONL_RATIO_TARGET = 1.5  # --format jsonl / CSV
XLSX_RATIO_TARGET = 3.0  # --format xlsx / CSV
SUMMARY_RATIO_TARGET = 1.2  # --summary-by / without
MEMORY_TARGET_MB = 150
MEMORY_TARGET_ROWS = 1_000_000

UNITS = [
    "Sekretariat Jenderal",
    "Biro Umum",
    "Biro Keuangan",
    "Biro Hukum",
    "Biro Perencanaan",
    "Biro Kepegawaian",
    "Inspektorat",
    "Pusat Data dan Informasi",
    "Pusat Pendidikan dan Pelatihan",
    "Direktorat Pelayanan Publik",
    "Direktorat Tata Kelola",
    "Direktorat Pengawasan",
    "Direktorat Kerja Sama",
    "Bagian Hubungan Masyarakat",
    "Bagian Protokol",
    "Bagian Pengadaan",
    "Balai Wilayah I",
    "Balai Wilayah II",
    "Kantor Perwakilan Daerah",
    "Unit Layanan Terpadu",
]

# Peak memory and wall time of one command: the wrapper's own memory is not counted,
# RUSAGE_CHILDREN covers only the command it waited for.
WRAPPER = """
import json, resource, subprocess, sys, time
command, out_path, err_path = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(out_path, "wb") as out, open(err_path, "wb") as err:
    began = time.perf_counter()
    code = subprocess.run(command, stdout=out, stderr=err).returncode
    wall = time.perf_counter() - began
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"returncode": code, "wall": wall, "cpu": cpu, "maxrss_kb": usage.ru_maxrss}))
"""

BANK_PROLOGUE = """bank_path, input_path, output_path = sys.argv[1:4]
with open(bank_path, encoding="utf-8") as file:
    bank = json.load(file)
min_answered = bank["min_answered"]
scale_range = {
    scale["id"]: (min(p["value"] for p in scale["points"]),
                  max(p["value"] for p in scale["points"]))
    for scale in bank["scales"]
}
items = [item for pillar in bank["pillars"] for indicator in pillar["indicators"]
         for item in indicator["items"]]
"""
"""What every baseline script starts with: its arguments and the bank's structure, as
`asn-assess bank show --json` prints it. Written once, put in place of the line
`# <bank prologue>` of each script."""

BASELINE_SCRIPT = '''"""Score a wide CSV of answers with pandas, by the rules of docs/scoring.md.

    python baseline.py BANK.json INPUT.csv OUTPUT.csv

BANK.json is `asn-assess bank show --json`. Writes respondent_id, overall_score,
pillar.<id>.score and indicator.<id>.score; a null score is an empty cell.
"""

import json
import sys

import numpy as np
import pandas as pd

# <bank prologue>

dtypes = {"respondent_id": str}
for item in items:
    dtypes[item["id"]] = "category" if item["kind"] == "situational" else "float64"
frame = pd.read_csv(input_path, usecols=list(dtypes), dtype=dtypes)


def item_score(item):
    low, high = scale_range[item["scale"]]
    column = frame[item["id"]]
    if item["kind"] == "situational":
        option_score = {option["id"]: option["score"] for option in item["options"]}
        value = column.map(option_score).astype("float64")
    elif item["reverse"]:
        value = low + high - column
    else:
        value = column
    return (value - low) / (high - low) * 100


def mean_if_enough(scores, weights):
    """Weighted mean of the non-null columns; null when the non-null share is too low."""
    weights = np.asarray(weights, dtype="float64")
    present = scores.notna()
    count = present.sum(axis=1)
    value = scores.mul(weights).sum(axis=1) / present.mul(weights).sum(axis=1)
    enough = (count > 0) & (count / scores.shape[1] >= min_answered)
    return value.where(enough)


indicator_scores = {}
pillar_scores = {}
for pillar in bank["pillars"]:
    scored = {}
    for indicator in pillar["indicators"]:
        item_scores = pd.DataFrame({item["id"]: item_score(item) for item in indicator["items"]})
        scored[indicator["id"]] = mean_if_enough(
            item_scores, [item["weight"] for item in indicator["items"]])
    pillar_scores[pillar["id"]] = mean_if_enough(
        pd.DataFrame(scored), [indicator["weight"] for indicator in pillar["indicators"]])
    indicator_scores.update(scored)

pillars = pd.DataFrame(pillar_scores)
pillar_weights = np.array([pillar["weight"] for pillar in bank["pillars"]], dtype="float64")
overall = (pillars.mul(pillar_weights).sum(axis=1) / pillar_weights.sum()).where(
    pillars.notna().all(axis=1))

result = pd.DataFrame({"respondent_id": frame["respondent_id"], "overall_score": overall})
for pillar_id, value in pillar_scores.items():
    result[f"pillar.{pillar_id}.score"] = value
for indicator_id, value in indicator_scores.items():
    result[f"indicator.{indicator_id}.score"] = value
result.to_csv(output_path, index=False)
'''


POLARS_SCRIPT = '''"""Score a wide CSV of answers with polars (lazy, streaming), by docs/scoring.md.

    python polars_baseline.py BANK.json INPUT.csv OUTPUT.csv

Same rules and output columns as the pandas script.
"""

import json
import sys

import polars as pl

# <bank prologue>
schema = {"respondent_id": pl.String}
for item in items:
    schema[item["id"]] = pl.String if item["kind"] == "situational" else pl.Float64


def item_score(item):
    low, high = scale_range[item["scale"]]
    column = pl.col(item["id"])
    if item["kind"] == "situational":
        option_score = {option["id"]: float(option["score"]) for option in item["options"]}
        value = column.replace_strict(option_score, default=None, return_dtype=pl.Float64)
    elif item["reverse"]:
        value = low + high - column
    else:
        value = column
    return (value - low) / (high - low) * 100


def mean_if_enough(scores, weights):
    """Weighted mean of the non-null scores; null when too few are present."""
    present = pl.sum_horizontal([s.is_not_null().cast(pl.Float64) for s in scores])
    total = pl.sum_horizontal([(s * w).fill_null(0.0) for s, w in zip(scores, weights)])
    weight = pl.sum_horizontal(
        [s.is_not_null().cast(pl.Float64) * w for s, w in zip(scores, weights)])
    enough = (present > 0) & (present / len(scores) >= min_answered)
    return pl.when(enough).then(total / weight).otherwise(None)


frame = pl.scan_csv(input_path, schema_overrides=schema).select(list(schema))
indicator_names, pillar_names, pillars = [], [], []
for pillar in bank["pillars"]:
    names = []
    for indicator in pillar["indicators"]:
        names.append(f"indicator.{indicator['id']}.score")
        frame = frame.with_columns(
            mean_if_enough([item_score(i) for i in indicator["items"]],
                           [i["weight"] for i in indicator["items"]]).alias(names[-1]))
    indicator_names += names
    pillar_names.append(f"pillar.{pillar['id']}.score")
    pillars.append(mean_if_enough([pl.col(n) for n in names],
                                  [i["weight"] for i in pillar["indicators"]])
                   .alias(pillar_names[-1]))
frame = frame.with_columns(pillars)
weights = [pillar["weight"] for pillar in bank["pillars"]]
overall = pl.when(pl.all_horizontal([pl.col(n).is_not_null() for n in pillar_names])).then(
    pl.sum_horizontal([pl.col(n) * w for n, w in zip(pillar_names, weights)]) / sum(weights)
).otherwise(None).alias("overall_score")
(frame.select(pl.col("respondent_id"), overall, *pillar_names, *indicator_names)
      .sink_csv(output_path))
'''

DUCKDB_SCRIPT = '''"""Score a wide CSV of answers with DuckDB SQL, by the rules of docs/scoring.md.

    python duckdb_baseline.py BANK.json INPUT.csv OUTPUT.csv

The SQL is written out from the bank; same output columns as the pandas script.
"""

import json
import sys

import duckdb

# <bank prologue>


def name(text):
    return '"' + text.replace('"', '""') + '"'


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def item_score(item):
    low, high = scale_range[item["scale"]]
    column = name(item["id"])
    if item["kind"] == "situational":
        cases = " ".join(f"WHEN {quoted(o['id'])} THEN {float(o['score'])}"
                         for o in item["options"])
        value = f"(CASE {column} {cases} END)"
    elif item["reverse"]:
        value = f"({low + high} - CAST({column} AS DOUBLE))"
    else:
        value = f"CAST({column} AS DOUBLE)"
    return f"(({value} - {low}) / {float(high - low)} * 100)"


def mean_if_enough(scores, weights):
    present = " + ".join(f"(CASE WHEN {s} IS NULL THEN 0 ELSE 1 END)" for s in scores)
    total = " + ".join(f"COALESCE({s} * {float(w)}, 0)" for s, w in zip(scores, weights))
    weight = " + ".join(f"(CASE WHEN {s} IS NULL THEN 0 ELSE {float(w)} END)"
                        for s, w in zip(scores, weights))
    return (f"(CASE WHEN ({present}) > 0 AND ({present}) / {len(scores)}.0 >= {min_answered} "
            f"THEN ({total}) / ({weight}) END)")


items = [item for pillar in bank["pillars"] for indicator in pillar["indicators"]
         for item in indicator["items"]]
item_sql = ", ".join(f"{item_score(item)} AS {name('i.' + item['id'])}" for item in items)
indicator_sql, pillar_sql = [], []
for pillar in bank["pillars"]:
    for indicator in pillar["indicators"]:
        scores = [name("i." + item["id"]) for item in indicator["items"]]
        weights = [item["weight"] for item in indicator["items"]]
        alias = name("indicator." + indicator["id"] + ".score")
        indicator_sql.append(f"{mean_if_enough(scores, weights)} AS {alias}")
    scores = [name("indicator." + i["id"] + ".score") for i in pillar["indicators"]]
    weights = [i["weight"] for i in pillar["indicators"]]
    alias = name("pillar." + pillar["id"] + ".score")
    pillar_sql.append(f"{mean_if_enough(scores, weights)} AS {alias}")
pillar_names = [name("pillar." + p["id"] + ".score") for p in bank["pillars"]]
weights = [p["weight"] for p in bank["pillars"]]
overall = (f"(CASE WHEN {' AND '.join(n + ' IS NOT NULL' for n in pillar_names)} THEN ("
           + " + ".join(f"{n} * {float(w)}" for n, w in zip(pillar_names, weights))
           + f") / {float(sum(weights))} END) AS overall_score")
indicator_names = [name("indicator." + i["id"] + ".score")
                   for p in bank["pillars"] for i in p["indicators"]]
sql = f"""
COPY (
  WITH answers AS (
    SELECT * FROM read_csv({quoted(input_path)}, header = true, all_varchar = true)
  ), items AS (SELECT respondent_id, {item_sql} FROM answers),
  indicators AS (SELECT respondent_id, {", ".join(indicator_sql)} FROM items),
  pillars AS (SELECT *, {", ".join(pillar_sql)} FROM indicators)
  SELECT respondent_id, {overall}, {", ".join(pillar_names)}, {", ".join(indicator_names)}
  FROM pillars
) TO {quoted(output_path)} (HEADER, DELIMITER ',')
"""
duckdb.connect().execute(sql)
'''

# --- data -----------------------------------------------------------------------------


def item_tokens(bank) -> list[list[bytes]]:
    """The possible answers of each item, in bank order, as CSV cell text."""
    tokens = []
    for item in bank.items.values():
        if item.is_situational:
            tokens.append([option.id.encode() for option in item.options])
        else:
            tokens.append([str(point.value).encode() for point in bank.scale_of(item).points])
    return tokens


def data_path(bank, rows: int, seed: int, data_dir: Path) -> Path:
    header = ",".join(["respondent_id", "unit", *bank.items])
    key = hashlib.sha256(f"{GENERATOR_VERSION}\n{header}\n{bank.version}".encode()).hexdigest()
    return data_dir / f"{bank.id}-{rows}-seed{seed}-{key[:8]}.csv"


def _padded(values: list[bytes], width: int) -> np.ndarray:
    """Byte strings as a (len, width) uint8 table, padded with NUL (removed on writing)."""
    table = np.zeros((len(values), width), dtype=np.uint8)
    for row, value in enumerate(values):
        table[row, : len(value)] = np.frombuffer(value, dtype=np.uint8)
    return table


def generate(bank, rows: int, seed: int, path: Path) -> None:
    """Write the wide CSV. Each chunk is built as a fixed-width byte matrix in which NUL
    pads short cells; dropping the NULs gives the CSV text."""
    tokens = item_tokens(bank)
    n_items = len(tokens)
    cell_width = max(len(token) for choices in tokens for token in choices)
    tables = [_padded(choices, cell_width) for choices in tokens]
    unit_names = [name.encode() for name in UNITS]
    unit_width = max(len(name) for name in unit_names)
    unit_table = _padded(unit_names, unit_width)
    id_digits = max(7, len(str(rows)))
    powers = 10 ** np.arange(id_digits - 1, -1, -1, dtype=np.int64)
    # Row layout: "R" digits "," unit ("," cell) * n_items "\n"
    id_end = 1 + id_digits
    unit_start = id_end + 1
    cells_start = unit_start + unit_width
    cell_stride = 1 + cell_width
    width = cells_start + n_items * cell_stride + 1

    rng = np.random.default_rng(seed)
    partial = path.with_suffix(".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(partial, "wb") as out:
        out.write((",".join(["respondent_id", "unit", *bank.items]) + "\n").encode())
        for start in range(0, rows, CHUNK_ROWS):
            n = min(CHUNK_ROWS, rows - start)
            matrix = np.zeros((n, width), dtype=np.uint8)
            numbers = np.arange(start + 1, start + n + 1, dtype=np.int64)
            matrix[:, 0] = ord("R")
            matrix[:, 1:id_end] = (numbers[:, None] // powers) % 10 + ord("0")
            matrix[:, id_end] = ord(",")
            matrix[:, unit_start:cells_start] = unit_table[rng.integers(0, len(UNITS), n)]
            cells = np.zeros((n, n_items, cell_stride), dtype=np.uint8)
            cells[:, :, 0] = ord(",")
            for column, table in enumerate(tables):
                cells[:, column, 1:] = table[rng.integers(0, len(table), n)]
            skipped = rng.random((n, n_items)) < SKIP_SHARE
            stops = rng.random(n) < STOP_SHARE
            stop_at = rng.integers(1, n_items, n)
            skipped |= stops[:, None] & (np.arange(n_items)[None, :] >= stop_at[:, None])
            # asn-assess batch rejects a row with no answer at all (pandas gives it null
            # scores), so every row answers at least its first item.
            skipped[:, 0] &= ~skipped.all(axis=1)
            cells[:, :, 1:][skipped] = 0
            matrix[:, cells_start:-1] = cells.reshape(n, -1)
            matrix[:, -1] = ord("\n")
            out.write(matrix.tobytes().replace(b"\0", b""))
    os.replace(partial, path)


# --- running --------------------------------------------------------------------------


class CommandFailed(Exception):
    def __init__(self, name, command, code, tail):
        super().__init__(f"{name} failed with exit code {code}")
        self.name, self.command, self.code, self.tail = name, command, code, tail


def measure(command: list[str], log_prefix: Path) -> dict:
    """Run ``command`` once under the wrapper; its wall time (s) and peak memory (MB)."""
    out_log, err_log = log_prefix.with_suffix(".stdout"), log_prefix.with_suffix(".stderr")
    wrapper = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(command), str(out_log), str(err_log)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(wrapper.stdout)
    figures["peak_mb"] = figures["maxrss_kb"] / 1024  # Linux reports KiB
    figures["stderr"] = err_log.read_text(encoding="utf-8", errors="replace")
    return figures


def run_many(name: str, command: list[str], runs: int, work: Path) -> dict:
    walls, cpus, peaks = [], [], []
    for run in range(runs):
        figures = measure(command, work / f"{name}-{run}")
        if figures["returncode"] != 0:
            tail = "\n".join(figures["stderr"].strip().splitlines()[-15:])
            raise CommandFailed(name, command, figures["returncode"], tail)
        walls.append(figures["wall"])
        cpus.append(figures["cpu"])
        peaks.append(figures["peak_mb"])
    return {
        "wall": statistics.median(walls),
        "wall_max": max(walls),
        "cpu": statistics.median(cpus),
        "peak": statistics.median(peaks),
        "peak_max": max(peaks),
    }


def asn_assess_command() -> list[str]:
    script = Path(sys.executable).parent / "asn-assess"
    if script.exists():
        return [str(script)]
    found = shutil.which("asn-assess")
    return [found] if found else [sys.executable, "-m", "asn_assess"]


def has_batch_command(asn_assess: list[str]) -> tuple[bool, str]:
    check = subprocess.run([*asn_assess, "batch", "--help"], capture_output=True, text=True)
    return check.returncode == 0, (check.stderr or check.stdout).strip()


# --- comparing ------------------------------------------------------------------------


def score_columns(bank) -> list[str]:
    columns = ["overall_score"]
    columns += [f"pillar.{pillar.id}.score" for pillar in bank.pillars]
    columns += [
        f"indicator.{indicator.id}.score"
        for pillar in bank.pillars
        for indicator in pillar.indicators
    ]
    return columns


def read_scores(path: Path, columns: list[str], who: str) -> tuple[pd.DataFrame, list[str]]:
    """The id and score columns; a null must be an empty cell, anything else a number."""
    header = pd.read_csv(path, nrows=0).columns
    missing = [c for c in ["respondent_id", *columns] if c not in header]
    if missing:
        return pd.DataFrame(), [f"{who}: no column {', '.join(missing)}"]
    try:
        frame = pd.read_csv(
            path,
            usecols=["respondent_id", *columns],
            dtype={"respondent_id": str, **{c: "float64" for c in columns}},
            keep_default_na=False,
            na_values=[""],
        )
    except ValueError as error:
        return pd.DataFrame(), [f"{who}: a score cell is neither a number nor empty ({error})"]
    return frame, []


def compare(
    bank, baseline_path: Path, contender_path: Path, rows: int, seed: int, who: str = "pandas"
):
    """Problems found, rows compared and example mismatches."""
    columns = score_columns(bank)
    baseline, problems = read_scores(baseline_path, columns, f"{who} output")
    contender, more = read_scores(contender_path, columns, "asn-assess output")
    problems += more
    if problems:
        return problems, 0, 0, []
    if len(baseline) != rows:
        problems.append(f"{who} output has {len(baseline):,} rows, the input {rows:,}")
    for name, frame in ((who, baseline), ("asn-assess", contender)):
        if frame["respondent_id"].duplicated().any():
            problems.append(f"{name} output repeats a respondent_id")
    if problems:
        return problems, 0, 0, []
    baseline = baseline.set_index("respondent_id")
    contender = contender.set_index("respondent_id")
    if not baseline.index.equals(contender.index):
        missing = baseline.index.difference(contender.index)
        extra = contender.index.difference(baseline.index)
        if len(missing) or len(extra):
            return (
                [
                    f"respondent ids differ: {len(missing):,} only in the {who} output"
                    f"{examples_of(missing)}, {len(extra):,} only in asn-assess's"
                    f"{examples_of(extra)}"
                ],
                0,
                0,
                [],
            )

    rng = np.random.default_rng(seed + 1)
    picked = rng.choice(len(baseline), size=min(SAMPLE_ROWS, len(baseline)), replace=False)
    with_null = np.flatnonzero(baseline[columns].isna().any(axis=1).to_numpy())
    with_null = np.setdiff1d(with_null, picked)
    if len(with_null) > SAMPLE_ROWS:
        with_null = rng.choice(with_null, size=SAMPLE_ROWS, replace=False)
    ids = baseline.index[np.concatenate([picked, with_null])]
    expected = baseline.loc[ids, columns].to_numpy()
    actual = contender.loc[ids, columns].to_numpy()
    same = (np.isnan(expected) & np.isnan(actual)) | (np.abs(expected - actual) <= TOLERANCE)
    examples = []
    for row, col in zip(*np.nonzero(~same), strict=False):
        examples.append((ids[row], columns[col], expected[row, col], actual[row, col]))
    if examples:
        by_column = pd.Series([c for _, c, _, _ in examples]).value_counts()
        problems.append(
            f"{len(examples):,} cells in {len({r for r, _, _, _ in examples}):,} rows differ: "
            + ", ".join(f"{c} ({n})" for c, n in by_column.items())
        )
    return problems, len(picked), len(with_null), examples


def examples_of(ids: pd.Index) -> str:
    return f" (e.g. {', '.join(ids[:5])})" if len(ids) else ""


# --- main ---------------------------------------------------------------------------------

BASELINES = {
    name: script.replace("# <bank prologue>\n", BANK_PROLOGUE)
    for name, script in (
        ("pandas", BASELINE_SCRIPT),
        ("polars", POLARS_SCRIPT),
        ("duckdb", DUCKDB_SCRIPT),
    )
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        type=int,
        nargs="+",
        default=[1_000_000],
        help="respondents to generate; several sizes are measured one after another",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed of the generated data")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"folder of generated input files (default {DEFAULT_DATA_DIR})",
    )
    parser.add_argument("--runs", type=int, default=1, help="timed runs per command")
    parser.add_argument(
        "--keep", action="store_true", help="keep the outputs, the scripts and the logs"
    )
    parser.add_argument(
        "--no-summary", action="store_true", help="skip the run with --summary-by unit"
    )
    parser.add_argument("--no-jsonl", action="store_true", help="skip the run with --format jsonl")
    parser.add_argument("--no-xlsx", action="store_true", help="skip the run with --format xlsx")
    parser.add_argument(
        "--baselines",
        nargs="*",
        choices=list(BASELINES),
        default=list(BASELINES),
        help="scripts to compare with (default: all)",
    )
    args = parser.parse_args()
    if min(args.rows) < 1 or args.runs < 1:
        parser.error("--rows and --runs must be at least 1")

    asn_assess = asn_assess_command()
    available, message = has_batch_command(asn_assess)
    if not available:
        print(
            f"error: `asn-assess batch` is not available in {asn_assess[0]}, so there is "
            f"nothing to compare yet:\n  {message.splitlines()[-1] if message else ''}",
            file=sys.stderr,
        )
        sys.exit(2)
    problems_found = False
    for rows in args.rows:
        problems_found |= measure_size(args, rows, asn_assess)
    sys.exit(1 if problems_found else 0)


def measure_size(args: argparse.Namespace, rows: int, asn_assess: list[str]) -> bool:
    """Measure every command at one size; True when some output disagrees."""
    bank = resolve_bank()
    input_path = data_path(bank, rows, args.seed, args.data_dir)
    if input_path.exists():
        print(f"input: re-using {input_path}")
    else:
        began = time.perf_counter()
        generate(bank, rows, args.seed, input_path)
        print(f"input: generated {input_path} in {time.perf_counter() - began:.1f} s")

    work = Path(tempfile.mkdtemp(prefix="asn-assess-batch-bench-"))
    try:
        bank_json = work / "bank.json"
        shown = subprocess.run(
            [*asn_assess, "bank", "show", "--json"], check=True, capture_output=True
        )
        bank_json.write_bytes(shown.stdout)
        print(
            f"rows: {rows:,}   input: {input_path.stat().st_size / 1e6:,.1f} MB   "
            f"runs per command: {args.runs}"
        )
        contender_out = work / "asn-assess.csv"
        contender_command = [
            *asn_assess,
            "batch",
            str(input_path),
            "--format",
            "csv",
            "--output",
            str(contender_out),
            "--id-column",
            "respondent_id",
        ]
        figures: dict[str, dict] = {}
        outputs: dict[str, Path] = {}
        try:
            for name in args.baselines:
                script = work / f"{name}_baseline.py"
                script.write_text(BASELINES[name], encoding="utf-8")
                outputs[name] = work / f"{name}.csv"
                command = [sys.executable, str(script), str(bank_json), str(input_path)]
                figures[name] = run_many(name, [*command, str(outputs[name])], args.runs, work)
                report(f"{name} script", figures[name], args.runs)
            figures["csv"] = run_many("asn-assess", contender_command, args.runs, work)
            report("asn-assess batch (CSV)", figures["csv"], args.runs)
            if not args.no_jsonl:
                jsonl_command = [*contender_command]
                jsonl_command[jsonl_command.index("csv")] = "jsonl"
                jsonl_command[jsonl_command.index(str(contender_out))] = str(work / "out.jsonl")
                figures["jsonl"] = run_many("asn-assess-jsonl", jsonl_command, args.runs, work)
                report("asn-assess batch --format jsonl", figures["jsonl"], args.runs)
            if not args.no_xlsx:
                xlsx_command = [*contender_command]
                xlsx_command[xlsx_command.index("csv")] = "xlsx"
                xlsx_command[xlsx_command.index(str(contender_out))] = str(work / "out.xlsx")
                figures["xlsx"] = run_many("asn-assess-xlsx", xlsx_command, args.runs, work)
                report("asn-assess batch --format xlsx", figures["xlsx"], args.runs)
            if not args.no_summary:
                summary_out = work / "asn-assess-summary.csv"
                summary_command = [
                    *contender_command[: contender_command.index("--output")],
                    "--output",
                    str(summary_out),
                    "--id-column",
                    "respondent_id",
                    "--summary-by",
                    "unit",
                    "--summary-output",
                    str(work / "summary.csv"),
                ]
                figures["summary"] = run_many(
                    "asn-assess-summary", summary_command, args.runs, work
                )
                report("asn-assess batch --summary-by", figures["summary"], args.runs)
        except CommandFailed as failed:
            fail(failed)

        csv_figures = figures["csv"]
        for name in args.baselines:
            ratio = csv_figures["wall"] / figures[name]["wall"]
            target = f" (target <= {TIME_RATIO_TARGET:.2f}x: {met(ratio <= TIME_RATIO_TARGET)})"
            print(
                f"ratio asn-assess / {name:<7}: time {ratio:.2f}x"
                f"{target if name == 'polars' else ''}   cpu "
                f"{csv_figures['cpu'] / figures[name]['cpu']:.2f}x   memory "
                f"{csv_figures['peak_max'] / figures[name]['peak_max']:.2f}x"
            )
        if "jsonl" in figures:
            ratio = figures["jsonl"]["wall"] / csv_figures["wall"]
            print(
                f"ratio JSONL / CSV          : time {ratio:.2f}x "
                f"(target <= {JSONL_RATIO_TARGET:.2f}x: {met(ratio <= JSONL_RATIO_TARGET)})"
            )
        problems: list[str] = []
        if "xlsx" in figures:
            ratio = figures["xlsx"]["wall"] / csv_figures["wall"]
            print(
                f"ratio XLSX / CSV           : time {ratio:.2f}x "
                f"(target <= {XLSX_RATIO_TARGET:.2f}x: {met(ratio <= XLSX_RATIO_TARGET)})   cpu "
                f"{figures['xlsx']['cpu'] / csv_figures['cpu']:.2f}x"
            )
            problems += workbook_agrees(work / "out.xlsx", contender_out)
        if "summary" in figures:
            ratio = figures["summary"]["wall"] / csv_figures["wall"]
            print(
                f"ratio summary / plain run  : time {ratio:.2f}x "
                f"(target <= {SUMMARY_RATIO_TARGET:.2f}x: {met(ratio <= SUMMARY_RATIO_TARGET)})"
                f"   memory {figures['summary']['peak_max'] / csv_figures['peak_max']:.2f}x"
            )
            if summary_out.read_bytes() != contender_out.read_bytes():
                problems.append("results with --summary-by differ from those without")
        if "xlsx" in figures:
            print(f"asn-assess peak memory xlsx   : {figures['xlsx']['peak_max']:,.1f} MB")
        for key in ("csv", "summary", "jsonl"):
            if key not in figures:
                continue
            note = met(figures[key]["peak_max"] < MEMORY_TARGET_MB)
            if rows != MEMORY_TARGET_ROWS:
                note += f"; the target is set for {MEMORY_TARGET_ROWS:,} rows"
            print(
                f"asn-assess peak memory {key:<7}: {figures[key]['peak_max']:,.1f} MB "
                f"(target < {MEMORY_TARGET_MB} MB: {note})"
            )

        for name in args.baselines:
            found, random_rows, null_rows, examples = compare(
                bank, outputs[name], contender_out, rows, args.seed, who=name
            )
            print(
                f"agreement with {name}: compared {random_rows + null_rows:,} rows "
                f"({random_rows:,} random, {null_rows:,} more with a null score), tolerance "
                f"{TOLERANCE:g}: {'DISAGREE' if found else 'same scores, same nulls'}"
            )
            for problem in found:
                print(f"  {problem}")
            for respondent, column, expected, actual in examples[:10]:
                print(f"  {respondent} {column}: {name} {fmt(expected)}, asn-assess {fmt(actual)}")
            problems += found
        for problem in problems:
            print(f"  {problem}")
        if args.keep:
            print(f"kept: {work}")
        return bool(problems)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def workbook_agrees(workbook: Path, results: Path, rows: int = 1000) -> list[str]:
    """The workbook's first ``rows`` results against the CSV's: ids and every score
    column equal (the workbook keeps full precision)."""
    import openpyxl

    book = openpyxl.load_workbook(workbook, read_only=True)
    sheet = book.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    names = next(lines)
    next(lines)  # the titles
    expected = pd.read_csv(results, nrows=rows, dtype={"respondent_id": str})
    scores = [c for c in expected.columns if c.endswith("score")]
    problems = []
    for line, (_, row) in zip(lines, expected.iterrows(), strict=False):
        found = dict(zip(names, line, strict=True))
        if found["respondent_id"] != row["respondent_id"]:
            problems.append(
                f"workbook row of {found['respondent_id']}: CSV has {row['respondent_id']}"
            )
            break
        for column in scores:
            want, got = row[column], found[column]
            if (pd.isna(want) and got is not None) or (not pd.isna(want) and got != want):
                problems.append(f"workbook {row['respondent_id']} {column}: {got} != {want}")
    book.close()
    print(
        f"agreement of the workbook with the CSV: first {rows:,} rows, "
        f"{len(scores)} score columns: {'DISAGREE' if problems else 'equal'}"
    )
    return problems[:10]


def fail(failed: CommandFailed) -> None:
    print(
        f"error: {failed.name} failed with exit code {failed.code}:\n  "
        f"{' '.join(failed.command)}\n{failed.tail}",
        file=sys.stderr,
    )
    sys.exit(2)


def report(label: str, figures: dict, runs: int) -> None:
    line = (
        f"{label:<31}: {figures['wall']:8.2f} s   cpu {figures['cpu']:8.2f} s   "
        f"peak {figures['peak_max']:8.1f} MB"
    )
    if runs > 1:
        line += f"   (medians; slowest run {figures['wall_max']:.2f} s)"
    print(line)


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def fmt(value: float) -> str:
    return "null" if np.isnan(value) else repr(float(value))


if __name__ == "__main__":
    main()
