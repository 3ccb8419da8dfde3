"""The pure core: the bank and its validation, answer sheets and results, scoring, the
NIP, interface texts. No terminal I/O; imports neither Typer nor Rich."""
