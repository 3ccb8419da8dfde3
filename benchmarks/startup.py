"""Startup time of asn-assess against a minimal Typer app, measured in the same run.

    python benchmarks/startup.py [--runs 20]

Prints the median wall time of:
- baseline: a one-command Typer "hello" app answering --version;
- `asn-assess --version` and its ratio to the baseline (target: <= 1.5x);
- `asn-assess start` until the first question's prompt appears (target: <= 300 ms),
  with the bundled bank, answers piped so no terminal is needed.
All are started the same way (this Python, `-m` or a script), so interpreter start-up
is in every figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO_APP = """
import typer

app = typer.Typer()


def version(value: bool):
    if value:
        print("hello 1.0")
        raise typer.Exit()


@app.command()
def hello(version: bool = typer.Option(False, "--version", callback=version, is_eager=True)):
    print("hello")


if __name__ == "__main__":
    app()
"""


def time_command(command: list[str], runs: int, env: dict) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def time_to_first_question(runs: int, env: dict) -> float:
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            began = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "asn_assess", "start", "--no-profile"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=dict(env, ASN_ASSESS_HOME=home),
            )
            seen = b""
            while b"Jawaban (" not in seen:
                chunk = child.stderr.read1(4096)
                if not chunk:
                    raise SystemExit("asn-assess start ended before asking a question")
                seen += chunk
            samples.append(time.perf_counter() - began)
            child.kill()
            child.wait()
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per measurement (median)")
    args = parser.parse_args()
    env = dict(os.environ, NO_COLOR="1")

    with tempfile.TemporaryDirectory() as folder:
        hello = Path(folder) / "hello.py"
        hello.write_text(HELLO_APP, encoding="utf-8")
        # One untimed run each warms the file system cache and writes .pyc files.
        time_command([sys.executable, str(hello), "--version"], 1, env)
        time_command([sys.executable, "-m", "asn_assess", "--version"], 1, env)
        baseline = time_command([sys.executable, str(hello), "--version"], args.runs, env)
        version = time_command([sys.executable, "-m", "asn_assess", "--version"], args.runs, env)
    first_question = time_to_first_question(args.runs, env)

    print(f"runs per figure: {args.runs} (median)")
    print(f"baseline  minimal Typer app --version : {baseline * 1000:7.1f} ms")
    print(
        f"asn-assess --version                  : {version * 1000:7.1f} ms   "
        f"ratio {version / baseline:.2f}x (target <= 1.50x)"
    )
    print(
        f"asn-assess start, first question      : {first_question * 1000:7.1f} ms   "
        f"({first_question / baseline:.2f}x baseline; target <= 300 ms)"
    )


if __name__ == "__main__":
    main()
