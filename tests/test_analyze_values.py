"""`analyze` treats each core value as a scale of its tagged items, like an indicator:
psych::alpha's figures for a value tagged on every item, Cronbach's alpha computed here
by hand for a value that spans two indicators, and the value in every output format."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from asn_assess.cli import app
from test_analyze import (
    DATA,
    MODES,
    analyze_json,
    bank_text,
    dataset_as_input,
    load_psych,
    runner,
    write_bank,
)

VALUES = """
[[values]]
id = "akuntabel"
label = { id = "Akuntabel", en = "Accountable" }
"""


def tagged(text: str, items: set[str], value: str = "akuntabel") -> str:
    """``text`` with ``values = [value]`` on the items named."""
    lines = []
    for line in text.splitlines():
        lines.append(line)
        if line.startswith('id = "i') and line[6:-1] in items:
            lines.append(f'values = ["{value}"]')
    return "\n".join(lines) + "\n" + VALUES


@pytest.mark.parametrize("mode", MODES)
def test_a_value_on_every_item_has_psych_alpha(mode: str, tmp_path: Path):
    source, k = dataset_as_input("clean", tmp_path)
    items = {f"i{n}" for n in range(1, k + 1)}
    text = tagged(bank_text(k, indicators=[[1, 2, 3], list(range(4, k + 1))]), items)
    data = analyze_json(str(source), "--bank", str(write_bank(tmp_path, text)), "--missing", mode)
    psych = load_psych("clean", mode)
    (value,) = data["values"]
    assert (value["kind"], value["id"]) == ("value", "akuntabel")
    assert value["raw_alpha"] == pytest.approx(psych["raw_alpha", ""], abs=1e-6)
    assert value["std_alpha"] == pytest.approx(psych["std_alpha", ""], abs=1e-6)
    for item in value["items"]:
        assert item["r_drop"] == pytest.approx(psych["r_drop", item["item"]], abs=1e-6)


def test_a_value_across_two_indicators_has_cronbachs_alpha(tmp_path: Path):
    source, k = dataset_as_input("clean", tmp_path)
    chosen = ["i2", "i3", "i5"]  # i2, i3 in the first indicator, i5 in the second
    text = tagged(bank_text(k, indicators=[[1, 2, 3], list(range(4, k + 1))]), set(chosen))
    data = analyze_json(str(source), "--bank", str(write_bank(tmp_path, text)))
    with (DATA / "clean.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    scores = np.array([[(float(row[i]) - 1) * 25 for i in chosen] for row in rows])
    variances = scores.var(axis=0, ddof=1).sum()
    total = scores.sum(axis=1).var(ddof=1)
    alpha = len(chosen) / (len(chosen) - 1) * (1 - variances / total)
    (value,) = data["values"]
    assert [item["item"] for item in value["items"]] == chosen
    assert value["raw_alpha"] == pytest.approx(alpha, rel=1e-9)
    assert value["n_min"] == value["n_max"] == len(rows)


def test_the_value_appears_in_every_format(tmp_path: Path):
    source, k = dataset_as_input("clean", tmp_path)
    text = tagged(bank_text(k), {"i1", "i2", "i3"})
    bank = str(write_bank(tmp_path, text))
    for form, needle in (
        ("rich", "Accountable (akuntabel)"),
        ("md", "Accountable (akuntabel)"),
        ("html", "Accountable (akuntabel)"),
        ("csv", "value,value:akuntabel,,raw_alpha,"),
    ):
        ran = runner.invoke(
            app, ["analyze", str(source), "--bank", bank, "--format", form, "--lang", "en"]
        )
        assert ran.exit_code == 0, ran.stderr
        assert needle in ran.stdout, form
    shown = runner.invoke(app, ["analyze", str(source), "--bank", bank, "--lang", "en"])
    assert "Core value" in shown.stdout  # the heading of the values' reliability table


def test_a_low_alpha_value_is_a_finding(tmp_path: Path):
    source, k = dataset_as_input("miskeyed", tmp_path)
    text = tagged(bank_text(k), {"i1", "i8"})
    data = analyze_json(str(source), "--bank", str(write_bank(tmp_path, text)))
    value_flags = {(f["rule"], f["item"]) for f in data["flags"] if f["scale"] == "value:akuntabel"}
    assert ("low-alpha", None) in value_flags
