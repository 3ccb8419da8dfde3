"""Answer codes: each answer's position among its item's choices, for many rows.

Item scores are what scoring needs; item analysis and the response-quality rules also
need the raw answers (two options with the same score are still two answers, and
"the same answer" means the same position on the scale). Readers keep these codes
beside the item columns only when a run asks for them.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from asn_assess.core.answers import answer_code
from asn_assess.core.documents import AnswerValue
from asn_assess.core.models import Bank

CodeColumn = npt.NDArray[np.int16]
NO_ANSWER_CODE = -1
AnswerCodes = dict[str, CodeColumn]
"""Item id -> per row, the answer's position among ``answers.answer_choices`` (its
*answer code*), ``NO_ANSWER_CODE`` where the item has no scored answer. Kept beside the
item columns when item analysis or the response-quality rules need the raw answers: two
options with the same score are still two answers."""


def answer_codes(bank: Bank, rows: list[dict[str, AnswerValue]]) -> AnswerCodes:
    """The answer codes of the (checked) answers of many sheets, one row per sheet."""
    codes: AnswerCodes = {}
    known: dict[tuple[str, AnswerValue], int] = {}
    for row, answers in enumerate(rows):
        for item_id, answer in answers.items():
            key = (item_id, answer)
            if key not in known:
                known[key] = answer_code(bank, bank.items[item_id], answer)
            if known[key] == NO_ANSWER_CODE:
                continue
            column = codes.get(item_id)
            if column is None:
                column = codes[item_id] = np.full(len(rows), NO_ANSWER_CODE, dtype=np.int16)
            column[row] = known[key]
    return codes
