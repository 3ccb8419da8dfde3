"""Statistics for item analysis of a question bank (reliability, item-total figures)."""
