"""asn-assess: self-assessment of the three pillars of a professional ASN.

The package is a library with a command-line shell. Its public API is importable from
here (see docs/api.md)::

    from asn_assess import resolve_bank, parse_answer_sheet, score, report_text

    bank = resolve_bank()                  # the bundled bank
    result = score(bank, parse_answer_sheet(open("answers.json").read()))
    print(report_text(bank, result, "en"))

Names are imported on first use, so ``import asn_assess`` (and the CLI's start-up) stays
cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS = {
    # the bank
    "Bank": "asn_assess.core.models",
    "load_bank": "asn_assess.core.bank",
    "parse_bank": "asn_assess.core.bank",
    "resolve_bank": "asn_assess.core.bank",
    "bundled_bank_paths": "asn_assess.core.bank",
    # answer sheets and results
    "AnswerSheet": "asn_assess.core.documents",
    "Respondent": "asn_assess.core.documents",
    "Result": "asn_assess.core.documents",
    "parse_answer_sheet": "asn_assess.core.documents",
    "parse_result": "asn_assess.core.documents",
    "to_json": "asn_assess.core.documents",
    # scoring and reports
    "score": "asn_assess.core.scoring",
    "result_report": "asn_assess.reports.rich_report",
    "report_text": "asn_assess.reports.rich_report",
    # batch
    "run_batch": "asn_assess.batch.api",
    "BatchReport": "asn_assess.batch.api",
    "BatchSettings": "asn_assess.batch.settings",
    "BatchCounts": "asn_assess.batch.blocks",
    "RowError": "asn_assess.batch.blocks",
    "CollectingSink": "asn_assess.batch.outputs",
    "FileSink": "asn_assess.batch.outputs",
    "Pseudonymizer": "asn_assess.batch.pseudonyms",
    # analysis: reliability, response quality, norms
    "run_analysis": "asn_assess.batch.analysis",
    "AnalysisOptions": "asn_assess.batch.analysis",
    "AnalysisReport": "asn_assess.batch.analysis",
    "ItemAnalysis": "asn_assess.analysis.item_analysis",
    "QualityFlag": "asn_assess.core.documents",
    "with_quality": "asn_assess.analysis.quality",
    "Norms": "asn_assess.analysis.norms",
    "load_norms": "asn_assess.analysis.norms",
    "norm_reference": "asn_assess.analysis.norms",
    # errors
    "AssessError": "asn_assess.core.errors",
    "BankError": "asn_assess.core.errors",
    "AnswerSheetError": "asn_assess.core.errors",
    "ResultError": "asn_assess.core.errors",
    "UsageError": "asn_assess.core.errors",
    "Problem": "asn_assess.core.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'asn_assess' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # what type checkers and editors see
    from asn_assess.analysis.item_analysis import ItemAnalysis
    from asn_assess.analysis.norms import Norms, load_norms, norm_reference
    from asn_assess.analysis.quality import with_quality
    from asn_assess.batch.analysis import AnalysisOptions, AnalysisReport, run_analysis
    from asn_assess.batch.api import BatchReport, run_batch
    from asn_assess.batch.blocks import BatchCounts, RowError
    from asn_assess.batch.outputs import CollectingSink, FileSink
    from asn_assess.batch.pseudonyms import Pseudonymizer
    from asn_assess.batch.settings import BatchSettings
    from asn_assess.core.bank import bundled_bank_paths, load_bank, parse_bank, resolve_bank
    from asn_assess.core.documents import (
        AnswerSheet,
        QualityFlag,
        Respondent,
        Result,
        parse_answer_sheet,
        parse_result,
        to_json,
    )
    from asn_assess.core.errors import (
        AnswerSheetError,
        AssessError,
        BankError,
        Problem,
        ResultError,
        UsageError,
    )
    from asn_assess.core.models import Bank
    from asn_assess.core.scoring import score
    from asn_assess.reports.rich_report import report_text, result_report
