"""The agency report: many respondents' scores summed per unit and role, with no figure
about fewer than k people (``api.run_agency`` is the entry point; docs/agency.md)."""
