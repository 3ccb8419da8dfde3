"""The content rules of the bundled banks 2.0.0 and 2.1.0, pinned so that an edit cannot
quietly break them: role fit, one response format per kind of statement, situational
items with a rationale and balanced keys, observer wordings, actions for every role,
language. Rules that 2.1.0 added (real roles, the core values, tagged actions, the
settled keys) are pinned for 2.1.0 alone; 2.0.0 stays bundled as it was written."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from asn_assess.core.bank import load_bank
from asn_assess.core.models import Bank, Indicator, Item
from asn_assess.core.presentation import questions_of
from conftest import BANK_V2_PATH, BUNDLED_BANK_PATH

BANK = load_bank(BUNDLED_BANK_PATH)  # 2.1.0, the default
BANK_2_0 = load_bank(BANK_V2_PATH)
BANKS = {"2.0.0": BANK_2_0, "2.1.0": BANK}


def indicators(bank: Bank) -> list[Indicator]:
    return [indicator for pillar in bank.pillars for indicator in pillar.indicators]


def statements(items: list[Item] | tuple[Item, ...]) -> list[Item]:
    return [item for item in items if not item.is_situational]


def every(kind: str, versions: tuple[str, ...] = ("2.0.0", "2.1.0")) -> list:
    """pytest params over both banks: indicators, scale items, situational or all items."""
    params = []
    for version in versions:
        bank = BANKS[version]
        if kind == "indicator":
            things: list = indicators(bank)
        elif kind == "scale":
            things = statements(list(bank.items.values()))
        elif kind == "situational":
            things = [item for item in bank.items.values() if item.is_situational]
        else:
            things = list(bank.items.values())
        params += [pytest.param(bank, thing, id=f"{version}-{thing.id}") for thing in things]
    return params


INDICATORS = indicators(BANK)
SITUATIONAL = [item for item in BANK.items.values() if item.is_situational]
ROLES = [role.id for role in BANK.roles]
WITHOUT_SUBORDINATES = ["pelaksana", "fungsional"]

ABSOLUTES = re.compile(r"\b(selalu|tidak\s+pernah|always|never)\b", re.IGNORECASE)
CONDITIONAL = {
    "2.0.0": re.compile(r"^(Ketika|Saat|Bila|Jika) .+, saya "),
    # 2.1.0 opens every condition with one word: no more Bila/Saat beside Ketika.
    "2.1.0": re.compile(r"^(Ketika|Sebelum|Selama) .+, saya "),
}
OBSERVER_OPENINGS = {
    "2.0.0": ("Ia ", "Ketika ", "Saat ", "Bila "),
    "2.1.0": ("Ia ", "Ketika ", "Sebelum ", "Selama "),
}
# "dan" / "and" joining two objects, never two behaviours; each reviewed by hand.
JOINED_OBJECTS = {
    "efisiensi-sumber-daya-10": "waktu dan tenaga",
}
ENGLISH_IDIOMS = ("place of work and ready", "there and then", "over and over", "time and effort")
MAX_WORDS = {"2.0.0": 22, "2.1.0": 20}


# --- both versions ----------------------------------------------------------------


def test_bank_2_1_is_the_default_and_declares_its_structure():
    assert BANK.version == "2.1.0" and BANK_2_0.version == "2.0.0"
    for bank in BANKS.values():
        assert bank.presentation == "interleaved"
        assert [role.id for role in bank.roles] == ["pelaksana", "fungsional", "struktural"]
        assert [g.id for g in bank.rater_groups] == [
            "atasan",
            "rekan",
            "bawahan",
            "pengguna-layanan",
        ]
    assert len(indicators(BANK_2_0)) == 14 and BANK_2_0.item_count == 101
    assert [i.id for i in INDICATORS if i.id not in {j.id for j in indicators(BANK_2_0)}] == [
        "integritas",
        "pengambilan-keputusan",
    ]
    assert BANK_2_0.scoring_version == 2 and BANK_2_0.statements_needed == 0
    assert BANK.scoring_version == 3 and BANK.statements_needed == 2


@pytest.mark.parametrize(("bank", "indicator"), every("indicator"))
def test_every_indicator_has_four_scale_items_and_a_situational_item(bank, indicator):
    kinds = Counter(item.kind for item in indicator.items)
    assert kinds["scale"] >= 4 and kinds["situational"] >= 1
    reversed_items = sum(item.is_reversed for item in indicator.items)
    assert 1 <= reversed_items <= 3


@pytest.mark.parametrize(("bank", "indicator"), every("indicator"))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_is_asked_at_least_three_items_of_every_indicator(bank, indicator, role):
    assert sum(item.asked_of(role) for item in indicator.items) >= 3


@pytest.mark.parametrize(("bank", "item"), every("scale"))
def test_behaviour_is_asked_as_frequency_and_only_self_knowledge_as_agreement(bank, item):
    assert item.statement in ("behaviour", "self-knowledge")
    expected_scale = "frekuensi" if item.statement == "behaviour" else "setuju"
    assert item.scale == expected_scale


@pytest.mark.parametrize(("bank", "item"), every("scale"))
def test_statement_wording(bank, item):
    text, english = item.text["id"], item.text["en"]
    assert text.startswith("Saya ") or CONDITIONAL[bank.version].match(text), text
    assert 8 <= len(text.split()) <= MAX_WORDS[bank.version], text
    assert not ABSOLUTES.search(text) and not ABSOLUTES.search(english)
    if item.id in JOINED_OBJECTS:
        assert JOINED_OBJECTS[item.id] in text
    else:
        assert not re.search(r"\b(dan|serta)\b", text, re.IGNORECASE), text
    stripped = english
    for idiom in ENGLISH_IDIOMS:
        stripped = stripped.replace(idiom, "")
    assert not re.search(r"\band\b", stripped), english


@pytest.mark.parametrize(("bank", "item"), every("all"))
def test_every_item_is_observable_with_a_third_person_wording_or_self_only(bank, item):
    assert (item.observer_text is None) == item.self_only
    if item.observer_text:
        assert item.observer_text["id"].startswith(OBSERVER_OPENINGS[bank.version])
        assert item.observer_text["en"].startswith(("They ", "When ", "If ", "Before ", "During "))


@pytest.mark.parametrize(("bank", "indicator"), every("indicator"))
def test_every_group_that_rates_an_indicator_has_three_observable_statements_per_role(
    bank, indicator
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


@pytest.mark.parametrize(("bank", "item"), every("situational"))
def test_situational_items_have_five_distinct_options_and_a_rationale(bank, item):
    assert [o.id for o in item.options] == ["a", "b", "c", "d", "e"]
    assert sorted(o.score for o in item.options) == [1, 2, 3, 4, 5]
    assert item.rationale and all(item.rationale[lang].strip() for lang in ("id", "en"))
    best = max(item.options, key=lambda o: o.score)
    # The best option is not simply the longest one.
    for language in ("id", "en"):
        assert len(best.text[language]) < max(len(o.text[language]) for o in item.options)


@pytest.mark.parametrize("version", BANKS)
def test_key_positions_are_balanced_across_the_bank(version):
    situational = [item for item in BANKS[version].items.values() if item.is_situational]
    fair = len(situational) / 5
    best = Counter(max(i.options, key=lambda o: o.score).id for i in situational)
    worst = Counter(min(i.options, key=lambda o: o.score).id for i in situational)
    for letter in "abcde":
        assert best[letter] <= int(fair + 1), (letter, best)
        assert worst[letter] <= int(fair + 1), (letter, worst)


@pytest.mark.parametrize("version", BANKS)
@pytest.mark.parametrize("role", [None, *ROLES])
def test_no_long_stretch_of_the_questionnaire_lacks_a_reverse_worded_statement(version, role):
    """docs/analysis.md relies on it: a run of 20 identical answers then means answering
    lapses like their opposites, not an attentive person who often does the right thing."""
    asked = [q.item for q in questions_of(BANKS[version], role) if not q.item.is_situational]
    longest = run = 0
    for item in asked:
        run = 0 if item.is_reversed else run + 1
        longest = max(longest, run)
    assert longest <= 15


@pytest.mark.parametrize(("bank", "indicator"), every("indicator"))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_an_action_of_each_kind(bank, indicator, role):
    usable = [a for a in indicator.actions if not a.roles or role in a.roles]
    assert {a.kind for a in usable} == {"on-the-job", "from-others", "training"}
    assert all(a.weeks for a in indicator.actions)


@pytest.mark.parametrize("version", BANKS)
def test_every_band_has_an_overall_meaning(version):
    assert all(band.overall_meaning for band in BANKS[version].bands)


@pytest.mark.parametrize("version", BANKS)
def test_consistency_pairs_join_a_regular_and_a_reverse_keyed_item_asked_of_everyone(version):
    bank = BANKS[version]
    assert bank.consistency_pairs
    for pair in bank.consistency_pairs:
        first, second = (bank.items[i] for i in pair.items)
        assert first.is_reversed != second.is_reversed
        assert not first.roles and not second.roles


@pytest.mark.parametrize("version", BANKS)
def test_english_follows_one_convention(version):
    bank = BANKS[version]
    texts = []
    for item in bank.items.values():
        texts += [item.text["en"], *(o.text["en"] for o in item.options)]
        texts += [t["en"] for t in (item.scenario, item.observer_text, item.rationale) if t]
    texts += [a.text["en"] for i in indicators(bank) for a in i.actions]
    texts += [v.description["en"] for v in bank.values if v.description]
    joined = "\n".join(texts)
    assert "superior" not in joined  # "supervisor" for atasan
    assert not re.search(r"\b(behavior|organization|prioritize|program)\b", joined)


def test_bank_2_0_actions_name_the_training_unit_with_one_phrase():
    actions = [a.text["id"] for i in indicators(BANK_2_0) for a in i.actions]
    assert not any(re.search(r"unit (diklat|pengembangan|pelatihan)", text) for text in actions)
    training = [
        a.text["id"] for i in indicators(BANK_2_0) for a in i.actions if a.kind == "training"
    ]
    # Every training action names the unit, except those taken within PKP/PKA.
    for text in training:
        assert "BKPSDM/BPSDM atau biro SDM instansi Anda" in text or "PKP atau PKA" in text, text
    assert not any("keberagaman dan inklusi" in text for text in actions)


# --- 2.1.0: roles ----------------------------------------------------------------------


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_is_asked_four_statements_of_every_indicator(indicator, role):
    """Scoring version 3 needs two answered statements; four leave room for "n"."""
    asked = statements([item for item in indicator.items if item.asked_of(role)])
    assert len(asked) >= 4, [item.id for item in asked]


def test_fungsional_has_statements_of_its_own_in_every_pillar():
    for pillar in BANK.pillars:
        own = [
            item
            for indicator in pillar.indicators
            for item in statements(indicator.items)
            if item.roles == ("fungsional",)
        ]
        assert own, pillar.id
    roles_asked = {
        role: {item.id for item in BANK.items.values() if item.asked_of(role)} for role in ROLES
    }
    assert roles_asked["pelaksana"] < roles_asked["fungsional"]


def test_struktural_has_three_situational_items_of_its_own():
    own = [item for item in SITUATIONAL if item.roles == ("struktural",)]
    assert len(own) >= 3
    for item in own:  # a scene about the people the reader leads
        assert re.search(r"bawahan|staf|anggota tim", item.scenario["id"]), item.id


@pytest.mark.parametrize("role", WITHOUT_SUBORDINATES)
def test_staff_without_subordinates_are_not_asked_about_subordinates_alone(role):
    """A statement or scenario for someone without subordinates may name subordinates
    only beside more junior colleagues, and never casts the reader as a team leader."""
    for item in BANK.items.values():
        if not item.asked_of(role):
            continue
        text = " ".join(t["id"] for t in (item.text, item.scenario) if t)
        if re.search(r"\bbawahan", text):
            assert "rekan yang lebih yunior" in text, item.id
        assert "ketua tim" not in text, item.id


def test_egaliter_s2_is_role_neutral():
    item = BANK.items["egaliter-s2"]
    assert not item.roles
    assert "ketua tim" not in item.scenario["id"] and "team leader" not in item.scenario["en"]


@pytest.mark.parametrize("role", WITHOUT_SUBORDINATES)
def test_komunikasi_ke_bawah_asks_staff_without_subordinates_about_newcomers(role):
    indicator = next(i for i in INDICATORS if i.id == "komunikasi-ke-bawah")
    own = [
        item for item in statements(indicator.items) if item.roles == tuple(WITHOUT_SUBORDINATES)
    ]
    texts = " ".join(item.text["id"] for item in own)
    assert "rekan baru" in texts and "peserta magang" in texts
    assert len(statements([i for i in indicator.items if i.asked_of(role)])) >= 4


def test_service_users_are_asked_only_what_they_can_see():
    for item_id in ("komitmen-melayani-03", "komitmen-melayani-05"):
        assert not BANK.items[item_id].rated_by_group("pengguna-layanan"), item_id
    indicator = next(i for i in INDICATORS if i.id == "komitmen-melayani")
    asked = {item.id for item in indicator.items_asked(None, "pengguna-layanan")}
    assert "komitmen-melayani-01" in asked
    assert not asked & {"komitmen-melayani-03", "komitmen-melayani-05"}


# --- 2.1.0: coverage ---------------------------------------------------------------------


def _texts(*item_ids: str) -> str:
    return " ".join(
        " ".join(t["id"] for t in (BANK.items[i].text, BANK.items[i].scenario) if t)
        + " "
        + " ".join(o.text["id"] for o in BANK.items[i].options)
        for i in item_ids
    )


def test_integrity_is_covered_by_statements_and_scenarios():
    integritas = next(i for i in INDICATORS if i.id == "integritas")
    assert len(statements(integritas.items)) >= 4
    assert sum(item.is_situational for item in integritas.items) >= 2
    text = _texts(*(item.id for item in integritas.items))
    for topic in ("UPG", "pungutan", "imbalan", "jabatan", "amplop", "titipan|menitipkan"):
        assert re.search(topic, text), topic


def test_decision_making_under_uncertainty_is_covered():
    keputusan = next(i for i in INDICATORS if i.id == "pengambilan-keputusan")
    assert len(statements(keputusan.items)) >= 4
    assert sum(item.is_situational for item in keputusan.items) >= 2
    text = _texts(*(item.id for item in keputusan.items))
    assert "belum lengkap" in text and "kewenangan" in text


def test_egaliter_asks_about_respect_across_religion_ethnicity_and_gender():
    egaliter = next(i for i in INDICATORS if i.id == "egaliter")
    text = " ".join(item.text["id"] for item in egaliter.items if not item.roles)
    for word in ("agama", "suku", "jenis kelamin"):
        assert word in text, word


def test_the_dropped_quality_check_and_resistance_to_change_are_back():
    check = BANK.items["kerja-tuntas-09"]
    assert check.text["id"].startswith("Sebelum mengirim") and not check.is_reversed
    change = BANK.items["visioner-10"]
    assert change.is_reversed and "cara lama" in change.text["id"]
    evidence = BANK.items["eksekusi-efektif-10"]
    assert "e-Kinerja" in evidence.text["id"] and "bukti dukung" in evidence.text["id"]


def test_reverse_keyed_lapses_open_with_their_condition():
    """A lapse with a condition states it first, so that "Tidak Pernah" is not the answer
    of someone whose job never meets the situation."""
    for item in statements(list(BANK.items.values())):
        if item.is_reversed and item.text["id"].startswith("Saya "):
            assert not re.search(r"\b(ketika|saat|bila|jika)\b", item.text["id"]), item.id


def test_the_most_sensitive_lapses_are_scenarios_not_statements():
    assert "egaliter-08" not in BANK.items  # a favour passed down: integritas-s2
    assert "komunikasi-ke-samping-05" not in BANK.items  # blaming: komunikasi-ke-samping-s2 a
    assert "menitipkan" in BANK.items["integritas-s2"].scenario["id"]


# --- 2.1.0: keys ---------------------------------------------------------------------------


def _scores(item_id: str) -> dict[str, int]:
    return {o.id: o.score for o in BANK.items[item_id].options}


def test_komunikasi_ke_samping_s2_keys_blaming_the_other_agency_worst():
    assert _scores("komunikasi-ke-samping-s2") == {"a": 1, "b": 3, "c": 2, "d": 4, "e": 5}
    assert "dinas teknis" in BANK.items["komunikasi-ke-samping-s2"].options[0].text["id"]
    assert "atasan masing-masing" in BANK.items["komunikasi-ke-samping-s2"].options[4].text["id"]
    assert _scores("komunikasi-ke-samping-s2") != {
        o.id: o.score for o in BANK_2_0.items["komunikasi-ke-samping-s2"].options
    }


def test_disiplin_s1_is_a_dilemma_between_the_rule_and_the_meeting():
    """The borrower will not stop to sign: keeping the letter of the rule (c) and keeping
    its purpose (e, signature to follow) are both defensible, forging (a) is not."""
    item = BANK.items["disiplin-s1"]
    assert "menolak" in item.scenario["id"]
    assert _scores("disiplin-s1") == {"a": 1, "b": 2, "c": 4, "d": 3, "e": 5}
    assert "menyusul" in item.options[4].text["id"]
    assert "tanda tangan" in item.options[2].text["id"]


def test_waiting_for_the_supervisor_is_best_when_the_decision_is_beyond_you():
    """Options that wait were always keyed low in 2.0.0: a cue test-wise people learn."""
    waiting_best = [
        item
        for item in SITUATIONAL
        if "menunggu" in max(item.options, key=lambda o: o.score).text["id"]
    ]
    assert waiting_best
    for item in waiting_best:
        assert "atasan" in max(item.options, key=lambda o: o.score).text["id"]
        assert "kewenangan" in item.rationale["id"]
    assert not [
        item
        for item in BANK_2_0.items.values()
        if item.is_situational and "menunggu" in max(item.options, key=lambda o: o.score).text["id"]
    ]


# --- 2.1.0: BerAKHLAK values ------------------------------------------------------------

VALUE_IDS = [
    "berorientasi-pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
]


def test_the_seven_core_values_are_declared_with_their_behaviour_guides():
    assert [v.id for v in BANK.values] == VALUE_IDS
    assert not BANK_2_0.values
    for value in BANK.values:
        assert value.description
        # The three behaviour guides of each value, as three clauses.
        assert value.description["id"].count(";") == 2, value.id
        assert all(value.label[lang] and value.description[lang] for lang in ("id", "en"))


@pytest.mark.parametrize("value", VALUE_IDS)
@pytest.mark.parametrize("role", ROLES)
def test_every_value_has_three_items_for_every_role(value, role):
    tagged = [item for item in BANK.items_of_value(value) if item.asked_of(role)]
    assert len(tagged) >= 3, [item.id for item in tagged]


def test_loyal_is_measured_by_observable_behaviour():
    texts = " ".join(item.text["id"] for item in BANK.items_of_value("loyal"))
    assert "kampanye" in texts and "belum boleh diumumkan" in texts
    assert not re.search(r"\bsetia\b|Pancasila", texts)  # no professions of loyalty
    assert BANK.items["integritas-05"].is_reversed


# --- 2.1.0: actions ------------------------------------------------------------------------


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_actions_are_tagged_to_the_items_they_address(indicator):
    own = {item.id for item in indicator.items}
    for action in indicator.actions:
        assert action.items and set(action.items) <= own, action.text["id"][:40]
    addressed = {item_id for action in indicator.actions for item_id in action.items}
    assert addressed == own, own - addressed


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.id)
def test_role_specific_and_linked_actions_come_first(indicator):
    order = [bool(a.roles or a.linked) for a in indicator.actions]
    assert order == sorted(order, reverse=True), order


def test_jp_is_named_where_an_action_counts_towards_the_20_jp():
    actions = [a for i in INDICATORS for a in i.actions]
    for action in actions:
        if action.jp is not None:
            assert f"{action.jp} JP" in action.text["id"] or "sebagai JP" in action.text["id"]
        if action.kind == "training" and "PKP" not in action.text["id"]:
            assert action.jp, action.text["id"][:40]
    mentoring = [a for a in actions if a.kind == "from-others" and a.jp]
    assert len(mentoring) >= 2 and all("mentoring" in a.text["id"] for a in mentoring)
    assert sum(a.linked for a in actions) >= 10


def test_actions_name_the_competency_development_unit_and_corpu_correctly():
    texts = [a.text["id"] for i in INDICATORS for a in i.actions]
    joined = "\n".join(texts)
    assert "biro SDM" not in joined and "BKPSDM" not in joined
    assert "platform Corpu" not in joined and "ASN Corpu di instansi Anda" in joined
    for action in (a for i in INDICATORS for a in i.actions if a.kind == "training"):
        text = action.text["id"]
        assert "unit pengembangan kompetensi instansi Anda" in text or "PKN Tingkat II" in text
        if "PKP" in text:
            assert "PKN Tingkat II" in text  # senior executives take PKN II, not PKP/PKA


# --- 2.1.0: language --------------------------------------------------------------------------


def _all_indonesian(bank: Bank) -> str:
    texts = [bank.description["id"]]
    for item in bank.items.values():
        texts += [item.text["id"], *(o.text["id"] for o in item.options)]
        texts += [t["id"] for t in (item.scenario, item.observer_text, item.rationale) if t]
    for indicator in indicators(bank):
        texts += [indicator.description["id"]] if indicator.description else []
        texts += [a.text["id"] for a in indicator.actions]
    return "\n".join(texts)


def test_language_fixes_of_the_review():
    text = _all_indonesian(BANK)
    for word in ("molor", "di atas", "seperlunya", "non-ASN", "tertunda berhari"):
        assert word not in text, word
    assert "seperlunya" in _all_indonesian(BANK_2_0)  # the check would have caught it


def test_docs_scoring_states_what_each_role_is_asked():
    docs = (BUNDLED_BANK_PATH.parents[1] / "docs" / "scoring.md").read_text(encoding="utf-8")
    for role in ROLES:
        asked = BANK.items_asked_of(role)
        scale = sum(not item.is_situational for item in asked)
        row = f"| `{role}` | {scale} + {len(asked) - scale} = {len(asked)} |"
        assert row in docs, row
