"""One Google Form for every role: pages, and where each respondent goes next.

Google Forms cannot show a question to some respondents only; it can send them to a
section by their answer to a multiple-choice question ("go to section based on
answer") and, after a section, to a fixed next section. So the role is asked on the
first page, each answer leads to the role's first section, and sections lead on until
the form is submitted.

A section has one next section, whoever passes through it, so paths can only merge,
never part again. The questions are therefore grouped by the set of roles asked them
(items without ``roles``: every role), and each role passes through its groups from the
narrowest to the widest: first the questions for its role alone, then those shared
with some other roles, last those every role is asked. Within a group there is one
section per pillar, in bank order. This works when the role sets nest (any two are
disjoint, or one holds the other), as they do when roles narrow a common core (e.g.
staff without subordinates, then one kind of them); a bank whose role sets cross gets
a ``FormError`` naming them, and its forms are made per role (``--role``).

Each item is still asked once, under its one title, so a form's export has one column
per item and ``batch`` reads it as any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn_assess.core.i18n import say
from asn_assess.forms.layout import FormError, FormLayout, Question, Section

SUBMIT = -1
"""The next page of the last page of a path: the form is submitted."""


@dataclass(frozen=True)
class Page:
    """A section of the one form: a pillar's questions for one set of roles."""

    section: Section
    roles: frozenset[str]
    next: int
    """Index of the page that follows it for everyone on it, or ``SUBMIT``."""


@dataclass(frozen=True)
class Routes:
    """The pages of the form in order, and each role's first page (``SUBMIT`` for a role
    asked nothing)."""

    pages: tuple[Page, ...]
    first: dict[str, int]

    def path(self, role: str) -> list[Page]:
        """The pages a respondent in ``role`` sees, in order."""
        found, index = [], self.first[role]
        while index != SUBMIT:
            found.append(self.pages[index])
            index = self.pages[index].next
        return found


def role_routes(layout: FormLayout) -> Routes:
    """The pages and routes of ``layout`` (a form that asks the role). Raises
    ``FormError`` when two role sets cross."""
    assert layout.role is not None and layout.role.fixed is None
    every_role = frozenset(str(choice.value) for choice in layout.role.choices)
    by_group: dict[frozenset[str], dict[str, list[Question]]] = {}
    for section in layout.sections:
        for question in section.questions:
            roles = frozenset(question.roles) or every_role
            by_group.setdefault(roles, {}).setdefault(section.pillar.id, []).append(question)
    groups = list(by_group)
    _check_nested(groups, layout)
    role_order = [str(choice.value) for choice in layout.role.choices]
    # Narrowest first; among equals, by the first role they hold.
    groups.sort(key=lambda g: (len(g), min(role_order.index(r) for r in g)))
    starts: dict[frozenset[str], int] = {}
    pages: list[tuple[Section, frozenset[str]]] = []
    for group in groups:
        starts[group] = len(pages)
        for section in layout.sections:
            questions = by_group[group].get(section.pillar.id)
            if questions:
                pages.append((_part(section, questions), group))
    routed = []
    for index, (section, group) in enumerate(pages):
        if index + 1 < len(pages) and pages[index + 1][1] == group:
            following = index + 1
        else:
            wider = [g for g in groups if group < g]  # nested: the narrowest is unique
            following = starts[min(wider, key=len)] if wider else SUBMIT
        routed.append(Page(section, group, following))
    first = {}
    for role in role_order:
        mine = [g for g in groups if role in g]
        first[role] = starts[mine[0]] if mine else SUBMIT
    return Routes(tuple(routed), first)


def _part(section: Section, questions: list[Question]) -> Section:
    return Section(
        section.pillar, section.name, section.title, section.description, tuple(questions)
    )


def _check_nested(groups: list[frozenset[str]], layout: FormLayout) -> None:
    for number, one in enumerate(groups):
        for other in groups[number + 1 :]:
            if one & other and not (one <= other or other <= one):
                raise FormError(
                    say(
                        "form.error.gforms_roles_cross",
                        first=", ".join(sorted(one)),
                        second=", ".join(sorted(other)),
                    )
                )
