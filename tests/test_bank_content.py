"""The content rules of the bundled bank 2.0.0, pinned so that an edit cannot quietly
break them: role fit, one response format per kind of statement, situational items with
a rationale and balanced keys, observer wordings, actions for every role, language."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from asn_assess.core.bank import load_bank
from conftest import BUNDLED_BANK_PATH

BANK = load_bank(BUNDLED_BANK_PATH)
INDICATORS = [indicator for pillar in BANK.pillars for indicator in pillar.indicators]
SCALE_ITEMS = [item for item in BANK.items.values() if not item.is_situational]
SITUATIONAL = [item for item in BANK.items.values() if item.is_situational]
ROLES = [role.id for role in BANK.roles]

ABSOLUTES = re.compile(r"\b(selalu|tidak\s+pernah|always|never)\b", re.IGNORECASE)
CONDITIONAL = re.compile(r"^(Ketika|Saat|Bila|Jika) .+, saya ")
# "dan" / "and" joining two objects, never two behaviours; each reviewed by hand.
JOINED_OBJECTS = {
    "efisiensi-sumber-daya-10": "waktu dan tenaga",
}
ENGLISH_IDIOMS = ("place of work and ready", "there and then", "over and over", "time and effort")


def test_bank_2_is_the_default_and_declares_its_structure():
    assert BANK.version == "2.0.0"
    assert BANK.presentation == "interleaved"
    assert ROLES == ["pelaksana", "fungsional", "struktural"]
    assert [g.id for g in BANK.rater_groups] == ["atasan", "rekan", "bawahan", "pengguna-layanan"]
    assert len(INDICATORS) == 14


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_every_indicator_has_four_scale_items_and_a_situational_item(indicator):
    kinds = Counter(item.kind for item in indicator.items)
    assert kinds["scale"] >= 4 and kinds["situational"] >= 1
    reversed_items = sum(item.is_reversed for item in indicator.items)
    assert 1 <= reversed_items <= 3


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_is_asked_at_least_three_items_of_every_indicator(indicator, role):
    assert sum(item.asked_of(role) for item in indicator.items) >= 3


@pytest.mark.parametrize("item", SCALE_ITEMS, ids=lambda i: i.id)
def test_behaviour_is_asked_as_frequency_and_only_self_knowledge_as_agreement(item):
    assert item.statement in ("behaviour", "self-knowledge")
    expected_scale = "frekuensi" if item.statement == "behaviour" else "setuju"
    assert item.scale == expected_scale


@pytest.mark.parametrize("item", SCALE_ITEMS, ids=lambda i: i.id)
def test_statement_wording(item):
    text, english = item.text["id"], item.text["en"]
    assert text.startswith("Saya ") or CONDITIONAL.match(text), text
    assert 8 <= len(text.split()) <= 22, text
    assert not ABSOLUTES.search(text) and not ABSOLUTES.search(english)
    if item.id in JOINED_OBJECTS:
        assert JOINED_OBJECTS[item.id] in text
    else:
        assert not re.search(r"\b(dan|serta)\b", text, re.IGNORECASE), text
    stripped = english
    for idiom in ENGLISH_IDIOMS:
        stripped = stripped.replace(idiom, "")
    assert not re.search(r"\band\b", stripped), english


@pytest.mark.parametrize("item", list(BANK.items.values()), ids=lambda i: i.id)
def test_every_item_is_observable_with_a_third_person_wording_or_self_only(item):
    assert (item.observer_text is None) == item.self_only
    if item.observer_text:
        assert item.observer_text["id"].startswith(("Ia ", "Ketika ", "Saat ", "Bila "))
        assert item.observer_text["en"].startswith(("They ", "When ", "If "))


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_every_group_that_rates_an_indicator_has_three_observable_statements_per_role(
    indicator,
):
    """360-degree feedback: a rater of each group named in rated_by gets at least three
    statements of the indicator in the observer wording, whatever the role of the
    person rated, so that min_answered can be met and agreement measured."""
    assert indicator.rated_by
    for group in indicator.rated_by:
        for role in [None, *ROLES]:
            asked = indicator.items_asked(role, group)
            assert len(asked) >= 3, (group, role)
            assert all(item.observer_text and not item.self_only for item in asked)


@pytest.mark.parametrize("item", SITUATIONAL, ids=lambda i: i.id)
def test_situational_items_have_five_distinct_options_and_a_rationale(item):
    assert [o.id for o in item.options] == ["a", "b", "c", "d", "e"]
    assert sorted(o.score for o in item.options) == [1, 2, 3, 4, 5]
    assert item.rationale and all(item.rationale[lang].strip() for lang in ("id", "en"))
    best = max(item.options, key=lambda o: o.score)
    # The best option is not simply the longest one.
    for language in ("id", "en"):
        assert len(best.text[language]) < max(len(o.text[language]) for o in item.options)


def test_key_positions_are_balanced_across_the_bank():
    fair = len(SITUATIONAL) / 5
    best = Counter(max(i.options, key=lambda o: o.score).id for i in SITUATIONAL)
    worst = Counter(min(i.options, key=lambda o: o.score).id for i in SITUATIONAL)
    for letter in "abcde":
        assert best[letter] <= int(fair + 1), (letter, best)
        assert worst[letter] <= int(fair + 1), (letter, worst)


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_an_action_of_each_kind(indicator, role):
    usable = [a for a in indicator.actions if not a.roles or role in a.roles]
    assert {a.kind for a in usable} == {"on-the-job", "from-others", "training"}
    assert all(a.weeks for a in indicator.actions)


def test_every_band_has_an_overall_meaning():
    assert all(band.overall_meaning for band in BANK.bands)


def test_consistency_pairs_join_a_regular_and_a_reverse_keyed_item_asked_of_everyone():
    assert BANK.consistency_pairs
    for pair in BANK.consistency_pairs:
        first, second = (BANK.items[i] for i in pair.items)
        assert first.is_reversed != second.is_reversed
        assert not first.roles and not second.roles


def test_english_follows_one_convention():
    texts = []
    for item in BANK.items.values():
        texts += [item.text["en"], *(o.text["en"] for o in item.options)]
        texts += [t["en"] for t in (item.scenario, item.observer_text, item.rationale) if t]
    texts += [a.text["en"] for i in INDICATORS for a in i.actions]
    joined = "\n".join(texts)
    assert "superior" not in joined  # "supervisor" for atasan
    assert not re.search(r"\b(behavior|organization|prioritize|program)\b", joined)


def test_actions_name_the_training_unit_with_one_phrase():
    actions = [a.text["id"] for i in INDICATORS for a in i.actions]
    assert not any(re.search(r"unit (diklat|pengembangan|pelatihan)", text) for text in actions)
    training = [a.text["id"] for i in INDICATORS for a in i.actions if a.kind == "training"]
    # Every training action names the unit, except those taken within PKP/PKA.
    for text in training:
        assert "BKPSDM/BPSDM atau biro SDM instansi Anda" in text or "PKP atau PKA" in text, text
    assert not any("keberagaman dan inklusi" in text for text in actions)
