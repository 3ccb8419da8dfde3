"""The plain-text and Markdown reports of one full result, 80 columns wide, in both
languages, compared with the files in tests/snapshots/. After an intended change,
regenerate them and review the diff:

    python -m pytest tests/test_snapshots.py --update-snapshots
"""

from __future__ import annotations

from pathlib import Path

import pytest

from asn_assess.core.documents import Respondent
from asn_assess.reports.formats import ReportOptions, render
from conftest import full_result

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("form", "suffix"), [("text", "txt"), ("md", "md")])
def test_report_matches_its_snapshot(bundled_bank, language, form, suffix, utc, request):
    respondent = Respondent(name="Siti Aminah", unit="BKPSDM Kota Contoh", position="Analis SDM")
    result = full_result(bundled_bank, language, role="pelaksana", respondent=respondent)
    text = render(form, bundled_bank, result, ReportOptions(language, all_actions=True), width=80)
    path = SNAPSHOTS / f"report-{language}.{suffix}"
    if request.config.getoption("--update-snapshots"):
        path.write_text(text, encoding="utf-8")
        pytest.skip(f"rewrote {path.name}")
    assert path.exists(), f"no snapshot {path.name}: run pytest {__file__} --update-snapshots"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; if the change is intended, run: "
        "python -m pytest tests/test_snapshots.py --update-snapshots"
    )
