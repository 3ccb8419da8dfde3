"""`python -m asn_assess`: the same as the `asn-assess` command."""

from asn_assess.cli import main

if __name__ == "__main__":
    main()
