"""Hostile inputs generated at random (tests/fuzzing.py): every run ends with exit code
0, 1 or 2 and no traceback. A few examples each here; `python tools/fuzz.py` runs many
more by hand."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from fuzzing import (
    check_bank_text,
    check_escaped_input,
    check_huge_cell,
    check_one_bad_row,
    check_result_text,
    check_sheet_text,
    check_table_bytes,
    escaped_inputs,
    mutated_banks,
    mutated_results,
    mutated_sheets,
    mutated_tables,
    tables_with_a_bad_row,
    tables_with_a_huge_cell,
)

FEW = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FEW
@given(mutated_banks())
def test_mutated_banks_are_validated_without_a_traceback(text):
    check_bank_text(text)


@FEW
@given(mutated_sheets())
def test_mutated_answer_sheets_are_scored_or_refused(text):
    check_sheet_text(text)


@FEW
@given(mutated_results())
def test_mutated_results_are_reported_or_refused(text):
    check_result_text(text)


@FEW
@given(mutated_tables())
def test_mutated_tables_are_scored_rejected_or_refused(data):
    check_table_bytes(data)


@FEW
@given(escaped_inputs())
def test_escape_sequences_in_data_never_reach_what_is_printed(value):
    check_escaped_input(value)


@FEW
@given(tables_with_a_bad_row())
def test_one_bad_row_at_a_block_edge_is_one_rejected_row(case):
    check_one_bad_row(case)


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(tables_with_a_huge_cell())
def test_a_huge_cell_rejects_its_row_only(case):
    check_huge_cell(case)
