"""Write the item-analysis reference datasets to tests/data/analysis/.

Run from the project root: ``python tools/reference/make_datasets.py``.

The datasets are generated here, deterministically (fixed numpy seeds), and
committed; ``tools/reference/alpha.R`` only reads them. So the R reference
figures depend on committed files alone, never on R's random number generator.

Datasets (answers on a 1-5 scale, ``NA`` = missing):

* ``clean.csv``     200 respondents x 6 items, one-factor model, no missing.
* ``miskeyed.csv``  200 x 8 items, item ``i8`` is reverse-worded but was left
                    unreversed (it loads negatively on the factor).
* ``missing.csv``   300 x 7 items, about 8% of cells missing at random, item
                    ``i7`` nearly constant (almost everyone answers 3).
* ``constant.csv``  60 x 4 items with some missing cells and item ``i2``
                    exactly constant: psych drops such an item, and the tests
                    check that the module does the same.
* ``icc.csv``       360-degree ratings in long form (target, indicator, score):
                    60 people rated by 1 to 8 others each, on three indicators
                    whose people differ a lot (``clear``), a little (``faint``)
                    and not at all (``none``); scores on 0-100 in steps of 25/6,
                    as an indicator of six five-point items gives them. For the
                    intraclass correlations of tools/reference/reliability.R.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

OUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "analysis"


def one_factor(rng: np.random.Generator, n: int, loadings: list[float]) -> NDArray[np.float64]:
    """Answers 1-5 from a one-factor model: item = loading * factor + noise, rounded."""
    factor = rng.standard_normal(n)
    lam = np.asarray(loadings)
    noise = rng.standard_normal((n, lam.size))
    latent = factor[:, None] * lam + noise * np.sqrt(1.0 - lam**2)
    # 1.1 spreads the standard normal over the five answers with the ends used
    # now and then, as on a real agreement scale.
    return np.asarray(np.clip(np.rint(3.0 + 1.1 * latent), 1.0, 5.0), dtype=np.float64)


def write(name: str, data: NDArray[np.float64]) -> None:
    """Write ``data`` with a header i1..ik, integers, and NA for NaN."""
    path = OUT / name
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([f"i{j + 1}" for j in range(data.shape[1])])
        for row in data:
            writer.writerow(["NA" if np.isnan(v) else str(int(v)) for v in row])


def main() -> None:
    """Generate and write all datasets."""
    OUT.mkdir(parents=True, exist_ok=True)

    clean = one_factor(np.random.default_rng(20240601), 200, [0.75, 0.7, 0.65, 0.6, 0.55, 0.5])
    write("clean.csv", clean)

    # The eighth item loads negatively: its wording is reversed, but the
    # keying step "forgot" to reverse it, as happens with a mis-keyed bank.
    miskeyed = one_factor(
        np.random.default_rng(20240602), 200, [0.75, 0.7, 0.65, 0.6, 0.6, 0.55, 0.5, -0.6]
    )
    write("miskeyed.csv", miskeyed)

    rng = np.random.default_rng(20240603)
    missing = one_factor(rng, 300, [0.7, 0.65, 0.6, 0.6, 0.55, 0.5, 0.0])
    # i7 nearly constant: everyone answers 3 except twelve respondents.
    missing[:, 6] = 3.0
    odd = rng.choice(300, size=12, replace=False)
    missing[odd, 6] = rng.choice([2.0, 4.0], size=12)
    missing[rng.random(missing.shape) < 0.08] = np.nan
    complete = ~np.isnan(missing).any(axis=1)
    # Keep i7 non-constant among complete rows too, so both psych runs (with
    # and without na.omit) keep all seven items.
    assert np.unique(missing[complete, 6]).size > 1
    write("missing.csv", missing)

    rng = np.random.default_rng(20240604)
    constant = one_factor(rng, 60, [0.7, 0.0, 0.6, 0.5])
    constant[:, 1] = 4.0
    constant[rng.random(constant.shape) < 0.06] = np.nan
    write("constant.csv", constant)

    write_ratings("icc.csv", np.random.default_rng(20240605))


def write_ratings(name: str, rng: np.random.Generator) -> None:
    """Others' indicator scores of 60 people: a person's level plus each rater's view."""
    targets = 60
    raters = rng.integers(1, 9, size=targets)
    spreads = {"clear": 15.0, "faint": 4.0, "none": 0.0}
    with (OUT / name).open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["target", "indicator", "score"])
        for indicator, spread in spreads.items():
            levels = 60.0 + spread * rng.standard_normal(targets)
            for target in range(targets):
                views = levels[target] + 18.0 * rng.standard_normal(raters[target])
                for view in np.clip(views, 0.0, 100.0):
                    score = round(float(view) / (25 / 6)) * 25 / 6
                    writer.writerow([f"p{target + 1:02d}", indicator, repr(score)])


if __name__ == "__main__":
    main()
