"""Reading a large XLSX export: python-calamine against openpyxl's read-only mode.

    python benchmarks/xlsx_readers.py [--rows 100000] [--seed 1] [--data-dir DIR] [--runs 1]

Why: KoboToolbox exports XLSX by default, and `asn-assess batch` must read it with the
same flat memory as a CSV. This measures the two well-kept readers on the work batch
does with a sheet: every row of the first sheet, every cell turned into text.

Generates (once, re-used while --rows, --seed and the bank are the same) a sheet like a
KoboToolbox export of the bundled bank, written as Kobo's exporter writes it
(xlsxwriter, constant memory, inline strings): a header of `start`, `end`, `role`,
`unit`, then one column per item named by its id; N rows of answers written as text
(scale items a value or `na`, situational items an option id), about 2% of cells
empty, and the items a row's role is not asked left empty, as the form's relevance
leaves them. The file lies in --data-dir (default benchmarks/data/xlsx/, gitignored),
so `asn-assess batch` can be timed on it too.

Then runs each reader as its own child process under a small wrapper that reports the
wall time and the peak memory (max RSS) of that process alone, and prints both, with
the rows and cells read (which must agree). A third figure, `python + imports`, is
the same child importing both libraries and reading nothing: the floor under the
other two.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path

from asn_assess.core.bank import resolve_bank

HERE = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = HERE / "data" / "xlsx"
EMPTY_SHARE = 0.02
GENERATOR_VERSION = 2  # bump when the generated data changes, so old files are not re-used

WRAPPER = """
import json, resource, subprocess, sys, time
command = json.loads(sys.argv[1])
began = time.perf_counter()
done = subprocess.run(command, capture_output=True, text=True)
wall = time.perf_counter() - began
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"returncode": done.returncode, "wall": wall, "maxrss_kb": usage.ru_maxrss,
                  "stdout": done.stdout, "stderr": done.stderr[-2000:]}))
"""

# Each reader: every row of the first sheet, every cell as text (None stays None).
READERS = {
    "python + imports": """
import openpyxl, python_calamine
print(0, 0)
""",
    "openpyxl read-only": """
import sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = cells = 0
for row in book.worksheets[0].iter_rows(values_only=True):
    texts = [None if value is None else str(value) for value in row]
    rows += 1
    cells += sum(text is not None for text in texts)
book.close()
print(rows, cells)
""",
    "python-calamine": """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
rows = cells = 0
for row in book.get_sheet_by_index(0).iter_rows():
    texts = [None if value == "" else str(value) for value in row]
    rows += 1
    cells += sum(text is not None for text in texts)
book.close()
print(rows, cells)
""",
}


def generate(path: Path, rows: int, seed: int) -> None:
    import xlsxwriter

    bank = resolve_bank()
    rng = random.Random(seed)
    items = list(bank.items.values())
    choices = [
        [o.id for o in item.options]
        if item.is_situational
        else [str(p.value) for p in bank.scale_of(item).points] + ["na"]
        for item in items
    ]
    roles = [role.id for role in bank.roles] or [""]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet("responses")
    sheet.write_row(0, 0, ["start", "end", "role", "unit", *[item.id for item in items]])
    for number in range(1, rows + 1):
        role = rng.choice(roles)
        answers = [
            ""
            if rng.random() < EMPTY_SHARE or not item.asked_of(role or None)
            else rng.choice(options)
            for item, options in zip(items, choices, strict=True)
        ]
        stamp = f"2024-05-02T09:{number % 60:02}:00.000+07:00"
        cells = [stamp, stamp, role, f"Unit {number % 40}", *answers]
        for column, text in enumerate(cells):
            if text:
                sheet.write_string(number, column, text)
    book.close()
    partial.replace(path)


def measure(name: str, data: Path) -> dict:
    command = [sys.executable, "-c", READERS[name], str(data)]
    wrapper = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(command)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(wrapper.stdout)
    if figures["returncode"] != 0:
        sys.exit(f"{name} failed:\n{figures['stderr']}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()

    bank = resolve_bank()
    name = f"kobo-{bank.id}-{bank.version}-{options.rows}-{options.seed}-v{GENERATOR_VERSION}"
    data = options.data_dir / f"{name}.xlsx"
    if not data.exists():
        print(f"generating {data} ...", file=sys.stderr)
        generate(data, options.rows, options.seed)
    size_mb = data.stat().st_size / 1e6
    print(f"{options.rows:,} rows x {4 + bank.item_count} columns, {size_mb:.1f} MB: {data}")
    counted = set()
    for name in READERS:
        runs = [measure(name, data) for _ in range(options.runs)]
        wall = statistics.median(run["wall"] for run in runs)
        peak = max(run["maxrss_kb"] for run in runs) / 1024
        read = runs[0]["stdout"].split()
        if name != "python + imports":
            counted.add(tuple(read))
        print(f"{name:20} {wall:8.2f} s {peak:9.1f} MB peak RSS   rows, cells: {' '.join(read)}")
    if len(counted) != 1:
        sys.exit(f"the readers disagree on what the sheet holds: {sorted(counted)}")


if __name__ == "__main__":
    main()
