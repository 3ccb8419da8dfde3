"""asn-assess: self-assessment of the three pillars of a professional ASN.

The package is a pure core (``bank``, ``scoring``, ``models``, ``nip``) that does no
terminal I/O, plus a thin command-line shell in ``cli``.
"""

__version__ = "0.1.0"
