"""Interface texts by area; each module defines ``MESSAGES`` (see ``core.i18n``)."""
