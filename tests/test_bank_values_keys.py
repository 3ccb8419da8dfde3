"""The bank keys for core values, an item's own raters, tagged actions and scoring
version 3: what they mean in a loaded bank, and the problems a wrong one gets, each at
its key path."""

from __future__ import annotations

import pytest

from asn_assess.core.models import DEFAULT_STATEMENTS_NEEDED
from test_bank_validation import assert_problem

DISIPLIN = "pillars[0].indicators[0]"
LAYANAN = "pillars[0].indicators[1]"


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")


def test_the_new_keys_load_with_their_meaning(values_bank):
    assert [v.id for v in values_bank.values] == ["pelayanan", "akuntabel", "loyal"]
    assert values_bank.value("loyal").description is None
    assert values_bank.value("nope") is None
    assert [i.id for i in values_bank.items_of_value("loyal")] == ["d-04", "l-03", "r-03"]
    assert values_bank.items["l-03"].values == ("pelayanan", "loyal")
    assert values_bank.scoring_version == 3
    assert values_bank.statements_needed == DEFAULT_STATEMENTS_NEEDED == 2
    first, second, linked, mentor, course = values_bank.pillars[0].indicators[0].actions
    assert (first.items, first.jp, first.linked) == (("d-01",), None, False)
    assert (linked.items, linked.linked) == ((), True)
    assert (mentor.jp, course.jp) == (2, 8)


def test_a_bank_without_the_new_keys_keeps_scoring_version_2(small_bank):
    assert small_bank.scoring_version == 2
    assert small_bank.statements_needed == 0
    assert small_bank.values == ()


def test_a_bank_may_ask_for_more_statements(build_bank, edit_text, values_bank_text):
    bank = build_bank(
        edit_text(
            values_bank_text,
            ("scoring_version = 3\n", "scoring_version = 3\nmin_answered_statements = 3\n"),
        )
    )
    assert bank.statements_needed == 3


def test_an_items_rated_by_narrows_who_is_asked(values_bank):
    layanan = values_bank.pillars[0].indicators[1]
    asked = {
        group: [item.id for item in layanan.items_asked(None, group)]
        for group in ("atasan", "rekan", "pengguna", "self")
    }
    assert asked == {
        "atasan": ["l-01", "l-02", "l-03"],
        "rekan": ["l-01", "l-02"],
        "pengguna": ["l-02"],
        "self": ["l-01", "l-02", "l-03", "l-s"],
    }


def test_unknown_values_and_untagged_values_are_named(bank_problems, edit_text, values_bank_text):
    text = edit_text(
        values_bank_text,
        (
            'values = ["akuntabel"]\ntext = { id = "Saya menyerahkan',
            'values = ["akuntabell"]\ntext = { id = "Saya menyerahkan',
        ),
    )
    text = text.replace('values = ["loyal"]', 'values = ["pelayanan"]')
    text = text.replace('values = ["pelayanan", "loyal"]', 'values = ["pelayanan"]')
    problems = bank_problems(text)
    assert_problem(
        problems,
        f"{DISIPLIN}.items[0].values",
        "no core value has id 'akuntabell' (core values: akuntabel, loyal, pelayanan)",
    )
    assert_problem(problems, "values[2]", "core value 'loyal' tags no item")
    assert len(problems) == 2


def test_a_value_declared_twice_is_named(bank_problems, edit_text, values_bank_text):
    text = edit_text(
        values_bank_text,
        ('id = "loyal"\nlabel = { id = "Loyal"', 'id = "akuntabel"\nlabel = { id = "Loyal"'),
    )
    text = text.replace('"loyal"', '"akuntabel"')
    assert_problem(bank_problems(text), "values[2].id", "duplicate id 'akuntabel'")


def test_an_items_rated_by_names_groups_of_its_indicator(
    bank_problems, edit_text, values_bank_text
):
    text = edit_text(
        values_bank_text,
        (
            'rated_by = ["atasan"]\ntext = { id = "Ketika berkas',
            'rated_by = ["atasan", "tetangga"]\ntext = { id = "Ketika berkas',
        ),
        (
            'id = "d-01"\nscale = "sering"\n',
            'id = "d-01"\nscale = "sering"\nrated_by = ["pengguna"]\n',
        ),
        (
            'id = "d-03"\nscale = "sering"\n',
            'id = "d-03"\nscale = "sering"\nrated_by = ["atasan"]\n',
        ),
    )
    problems = bank_problems(text)
    assert_problem(problems, f"{LAYANAN}.items[2].rated_by", "no rater group has id 'tetangga'")
    assert_problem(
        problems,
        f"{DISIPLIN}.items[0].rated_by",
        "rater group 'pengguna' does not rate this item's indicator (the indicator's "
        "rated_by: atasan, rekan)",
    )
    assert_problem(problems, f"{DISIPLIN}.items[2].rated_by", "a self_only item is rated by nobody")
    assert len(problems) == 3


def test_an_action_names_items_of_its_own_indicator(bank_problems, edit_text, values_bank_text):
    problems = bank_problems(
        edit_text(values_bank_text, ('items = ["d-02"]', 'items = ["d-02", "l-01", "zz-9"]'))
    )
    (elsewhere, missing) = [
        p for p in problems if p.where == f"bank.toml: {DISIPLIN}.actions[1].items"
    ]
    assert "item 'l-01' belongs to another indicator (pillars[0].indicators[1].items[0])" in (
        elsewhere.message
    )
    assert missing.message == "no item has id 'zz-9'"
    assert len(problems) == 2


@pytest.mark.parametrize(
    ("edit", "key", "fragment"),
    [
        (("jp = 8", "jp = 0"), f"{DISIPLIN}.actions[4].jp", "must be at least 1; found 0"),
        (("jp = 8", "jp = 8.5"), f"{DISIPLIN}.actions[4].jp", "must be a whole number"),
        (
            ("linked = true\nitems", 'linked = "ya"\nitems'),
            f"{LAYANAN}.actions[0].linked",
            "true or false",
        ),
        (
            ("scoring_version = 3", "scoring_version = 4"),
            "scoring_version",
            "must be one of 2 or 3",
        ),
        (
            ("scoring_version = 3", "min_answered_statements = 2"),
            "min_answered_statements",
            "applies only with scoring_version = 3",
        ),
        (
            ("scoring_version = 3", "scoring_version = 3\nmin_answered_statements = 0"),
            "min_answered_statements",
            "must be at least 1",
        ),
    ],
)
def test_wrong_values_of_the_new_keys_are_named(
    bank_problems, edit_text, values_bank_text, edit, key, fragment
):
    problems = bank_problems(edit_text(values_bank_text, edit))
    assert_problem(problems, key, fragment)
    assert len(problems) == 1


# --- bank diff ----------------------------------------------------------------------------


def test_bank_diff_names_value_changes_and_action_tags(build_bank, edit_text, values_bank_text):
    from asn_assess.core.bank_diff import bank_diff

    old = build_bank(values_bank_text)
    new = build_bank(
        edit_text(
            values_bank_text,
            ('label = { id = "Loyal", en = "Loyal" }', 'label = { id = "Setia", en = "Loyal" }'),
            ('items = ["d-02"]', 'items = ["d-02", "d-01"]'),  # a re-tagging only
            ("jp = 16", "jp = 20"),
            ('text = { id = "Amati rekan', 'text = { id = "Perhatikan rekan'),
        ).replace(
            'values = ["pelayanan"]\nrated_by', 'values = ["pelayanan", "kolaboratif"]\nrated_by'
        )
        + '\n[[values]]\nid = "kolaboratif"\nlabel = { id = "Kolaboratif", en = "Collaborative" }\n'
    )
    diff = bank_diff(old, new)
    assert (diff.added_values, diff.removed_values, diff.changed_values) == (
        ["kolaboratif"],
        [],
        ["loyal"],
    )
    revised = {r.id: r.changes for r in diff.revised_indicators}
    assert revised == {
        "disiplin": ("action-tags",),
        "layanan": ("actions",),
        "rencana": ("action-tags",),
    }
    assert [c.item_id for c in diff.changed_items if "values" in c.changes] == ["l-01"]
    assert not diff.is_empty  # l-01's new tag changes a value's score
    renamed = bank_diff(new, old)
    assert (renamed.added_values, renamed.removed_values) == ([], ["kolaboratif"])


def test_a_new_scoring_version_means_scores_differ(build_bank, edit_text, values_bank_text):
    from asn_assess.core.bank_diff import bank_diff

    old = build_bank(values_bank_text.replace("scoring_version = 3\n", ""))
    new = build_bank(values_bank_text)
    diff = bank_diff(old, new)
    assert diff.changed_settings == ["scoring_version"]
    assert not diff.is_empty
