"""360-degree feedback: a person's own view against their supervisor's, peers' and
subordinates' ratings, with anonymity that holds (``anonymity``), the numbers per
indicator (``aggregate``) and reading a round's answers (``ratings``, ``api``)."""
