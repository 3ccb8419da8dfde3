"""Scoring many respondents: readers for tables and answer sheets, columnar scoring,
outputs and group summaries. ``api.run_batch`` is the entry point."""
