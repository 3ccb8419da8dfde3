"""The bank loader rejects every invalid bank with precise, complete problems, and the
banks shipped with the tool are valid and have the shape the product promises."""

from __future__ import annotations

import re

import pytest

from asn_assess.core.bank import load_bank, parse_bank
from asn_assess.core.errors import BankError, Problem
from conftest import BANK_V1_PATH, STARTER_BANK_PATH

# Lines of the starter bank that the edits below hook onto.
STARTER_VERSION = 'version = "0.1.0"\n'
DISIPLIN_TITLE = 'title = { id = "Disiplin", en = "Discipline" }'
FIRST_ITEM = 'id = "disiplin-01"\nscale = "kekerapan"\n'
SECOND_ITEM_ID = 'id = "disiplin-02"'
SITUATIONAL_KIND = 'kind = "situational"\n'
SCALE_NAME = 'name = { id = "Tingkat persetujuan", en = "Agreement" }\n'
FIRST_OPTION = '{ id = "a", score = 3,'
PILLAR_TITLE = 'title = { id = "Memimpin diri sendiri", en = "Leading yourself" }\n'

ITEM0 = "pillars[0].indicators[0].items[0]"
ITEM1 = "pillars[0].indicators[0].items[1]"
SITUATIONAL = "pillars[0].indicators[0].items[2]"


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The problems are checked by their English wording (the Indonesian default is
    checked by test_bank_problems_speak_the_interface_language)."""
    monkeypatch.setenv("ASN_ASSESS_LANG", "en")


def problem_at(problems: list[Problem], key_path: str) -> Problem:
    """The one problem reported at ``bank.toml: key_path`` (fails listing all otherwise)."""
    where = f"bank.toml: {key_path}" if key_path else "bank.toml"
    found = [p for p in problems if p.where == where]
    assert len(found) == 1, f"expected one problem at {where!r}, got:\n" + "\n".join(
        map(str, problems)
    )
    return found[0]


def assert_problem(problems: list[Problem], key_path: str, *fragments: str) -> None:
    message = problem_at(problems, key_path).message
    for fragment in fragments:
        assert fragment.lower() in message.lower(), f"{fragment!r} not in {message!r}"


# --- reading ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('id = "x"\nversion = = 3\n', 2, 11),
        ('id = "x"\nlanguages = ["id",\n', 3, 1),
        ('id = "x"\n[title\nid = "t"\n', 2, 7),
    ],
)
def test_toml_syntax_error_names_line_and_column(bank_problems, text, line, column):
    problems = bank_problems(text)
    assert len(problems) == 1
    assert problems[0].where == f"bank.toml:{line}:{column}"
    assert problems[0].message.startswith("TOML syntax error")


def test_toml_syntax_error_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\nversion = = 3\n', encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert caught.value.problems[0].where == f"{path}:2:11"


def test_empty_file_is_rejected(bank_problems):
    (problem,) = bank_problems("")
    assert problem.where == "bank.toml"
    assert "empty" in problem.message


@pytest.mark.parametrize("text", ["   \n\t\n\n", "# only a comment\n\n# and another\n"])
def test_whitespace_or_comment_only_file_is_rejected(bank_problems, text):
    (problem,) = bank_problems(text)
    assert problem.where == "bank.toml"
    assert re.search(r"empty|only comments", problem.message)


def test_file_that_is_not_utf8_is_rejected_with_its_line(tmp_path, starter_text):
    path = tmp_path / "latin1.toml"
    # A Latin-1 "é" on line 3: valid in Latin-1, invalid as UTF-8.
    path.write_bytes(b'id = "x"\nversion = "1"\ntitle = { id = "caf\xe9" }\n')
    with pytest.raises(BankError) as caught:
        load_bank(path)
    (problem,) = caught.value.problems
    assert problem.where == f"{path}:3"
    assert "UTF-8" in problem.message


def test_utf8_file_with_byte_order_mark_loads(tmp_path, starter_text):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + starter_text.encode("utf-8"))
    assert load_bank(path).id == "bank-saya"


def test_missing_file_is_rejected(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(BankError) as caught:
        load_bank(path)
    (problem,) = caught.value.problems
    assert problem.where == str(path)
    assert "no such file" in problem.message


def test_folder_instead_of_file_is_rejected(tmp_path):
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    assert "folder" in caught.value.problems[0].message


# --- structure: keys ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key_path"),
    [
        (STARTER_VERSION, STARTER_VERSION + "verison = 1\n", "verison"),
        (SCALE_NAME, SCALE_NAME + 'colour = "red"\n', "scales[0].colour"),
        (FIRST_ITEM, FIRST_ITEM + "reversed = true\n", f"{ITEM0}.reversed"),
        (FIRST_OPTION, '{ id = "a", points = 3, score = 3,', f"{SITUATIONAL}.options[0].points"),
    ],
    ids=["bank", "scale", "item", "option"],
)
def test_unknown_key_is_rejected(bank_problems, edit_text, starter_text, old, new, key_path):
    problems = bank_problems(edit_text(starter_text, (old, new)))
    assert_problem(problems, key_path, "unknown key")


@pytest.mark.parametrize(
    ("old", "new", "key_path"),
    [
        (STARTER_VERSION, "", "version"),
        ('languages = ["id", "en"]\n', "", "languages"),
        (FIRST_ITEM, 'id = "disiplin-01"\n', f"{ITEM0}.scale"),
        (
            'text = { id = "Saya memulai pekerjaan pada jam kerja yang ditetapkan.", '
            'en = "I start work at the set working hour." }\n',
            "",
            f"{ITEM0}.text",
        ),
        (PILLAR_TITLE, "", "pillars[0].title"),
    ],
    ids=["version", "languages", "item-scale", "item-text", "pillar-title"],
)
def test_missing_required_key_is_rejected(
    bank_problems, edit_text, starter_text, old, new, key_path
):
    problems = bank_problems(edit_text(starter_text, (old, new)))
    assert_problem(problems, key_path, "required key is missing")


# --- ids -------------------------------------------------------------------------------

SECOND_INDICATOR = """
[[pillars.indicators]]
id = "semangat"
title = { id = "Semangat", en = "Drive" }

[[pillars.indicators.items]]
id = "disiplin-01"
scale = "setuju"
text = { id = "Saya bekerja dengan semangat setiap hari.", en = "I work with drive every day." }
"""


def test_item_id_equal_to_a_pillar_id_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(edit_text(starter_text, (SECOND_ITEM_ID, 'id = "diri"')))
    assert_problem(problems, f"{ITEM1}.id", "duplicate id 'diri'", "pillars[0]")


def test_same_item_id_in_two_indicators_is_rejected(bank_problems, starter_text):
    problems = bank_problems(starter_text + SECOND_INDICATOR)
    assert_problem(
        problems, "pillars[0].indicators[1].items[0].id", "duplicate id 'disiplin-01'", ITEM0
    )


# --- translations ------------------------------------------------------------------


def test_missing_translation_for_a_declared_language_is_rejected(
    bank_problems, edit_text, starter_text
):
    problems = bank_problems(
        edit_text(starter_text, (DISIPLIN_TITLE, 'title = { id = "Disiplin" }'))
    )
    assert_problem(problems, "pillars[0].indicators[0].title", "missing translation for en")


def test_text_in_an_undeclared_language_is_rejected(bank_problems, edit_text, starter_text):
    edited = edit_text(
        starter_text,
        (DISIPLIN_TITLE, 'title = { id = "Disiplin", en = "Discipline", fr = "Discipline" }'),
    )
    problems = bank_problems(edited)
    assert_problem(problems, "pillars[0].indicators[0].title", "language fr is not declared")


def test_empty_translation_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(
        edit_text(starter_text, (DISIPLIN_TITLE, 'title = { id = "Disiplin", en = "  " }'))
    )
    assert_problem(problems, "pillars[0].indicators[0].title", "empty text for en")


# --- cross references -----------------------------------------------------------------


def test_item_with_unknown_scale_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(
        edit_text(starter_text, (FIRST_ITEM, 'id = "disiplin-01"\nscale = "setujuu"\n'))
    )
    assert_problem(
        problems, f"{ITEM0}.scale", "no scale has id 'setujuu'", "kekerapan, setuju, situasi"
    )


def test_reverse_on_a_situational_item_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(
        edit_text(starter_text, (SITUATIONAL_KIND, SITUATIONAL_KIND + "reverse = true\n"))
    )
    assert_problem(problems, f"{SITUATIONAL}.reverse", "cannot be reversed")


@pytest.mark.parametrize("score", [0, 6, -1])
def test_situational_option_score_outside_its_scale_is_rejected(
    bank_problems, edit_text, starter_text, score
):
    problems = bank_problems(
        edit_text(starter_text, (FIRST_OPTION, f'{{ id = "a", score = {score},'))
    )
    assert_problem(
        problems, f"{SITUATIONAL}.options[0].score", f"score {score} is outside", "(1-5)"
    )


@pytest.mark.parametrize("weight", ["0", "-1", "0.0", "-0.5", "5e-324", "1e-300", "9.9e-07"])
@pytest.mark.parametrize(
    ("anchor", "key_path"),
    [
        (FIRST_ITEM, f"{ITEM0}.weight"),
        (DISIPLIN_TITLE + "\n", "pillars[0].indicators[0].weight"),
        (PILLAR_TITLE, "pillars[0].weight"),
    ],
    ids=["item", "indicator", "pillar"],
)
def test_weight_below_one_millionth_is_rejected(
    bank_problems, edit_text, starter_text, anchor, key_path, weight
):
    problems = bank_problems(edit_text(starter_text, (anchor, anchor + f"weight = {weight}\n")))
    assert_problem(problems, key_path, "weight must be at least 0.000001", f"found {weight}")


def test_the_smallest_weight_is_accepted_and_scores_as_written(edit_text, starter_text):
    from asn_assess.core.bank import parse_bank

    bank = parse_bank(edit_text(starter_text, (FIRST_ITEM, FIRST_ITEM + "weight = 1e-6\n")))
    assert min(item.weight for item in bank.items.values()) == 1e-6


def test_unsorted_bands_are_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(edit_text(starter_text, ("min = 70", "min = 0")))
    assert_problem(problems, "bands[1].min", "sorted by rising `min`")


def test_bands_in_falling_order_are_rejected(bank_problems, edit_text, starter_text):
    # Swap the two bands' thresholds: the first must still start at 0 and the second rise.
    edited = edit_text(
        starter_text,
        ('id = "berkembang"\nmin = 0\n', 'id = "berkembang"\nmin = 70\n'),
        ('id = "cakap"\nmin = 70\n', 'id = "cakap"\nmin = 0\n'),
    )
    problems = bank_problems(edited)
    assert_problem(problems, "bands[0].min", "must start at 0")
    assert_problem(problems, "bands[1].min", "sorted by rising `min`")


def test_bands_not_starting_at_zero_are_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(edit_text(starter_text, ("min = 0\n", "min = 10\n")))
    assert_problem(problems, "bands[0].min", "first band must start at 0", "10")


def test_develop_below_band_naming_no_band_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(
        edit_text(starter_text, ('develop_below_band = "cakap"', 'develop_below_band = "mahir"'))
    )
    assert_problem(problems, "develop_below_band", "no band has id 'mahir'")


EMPTY_INDICATOR = """
[[pillars.indicators]]
id = "kosong"
title = { id = "Kosong", en = "Empty" }
"""

EMPTY_PILLAR = """
[[pillars]]
id = "organisasi"
title = { id = "Memimpin organisasi", en = "Leading the organization" }
"""


def test_indicator_without_items_is_rejected(bank_problems, starter_text):
    problems = bank_problems(starter_text + EMPTY_INDICATOR)
    assert_problem(problems, "pillars[0].indicators[1]", "indicator 'kosong' has no items")


def test_pillar_without_indicators_is_rejected(bank_problems, starter_text):
    problems = bank_problems(starter_text + EMPTY_PILLAR)
    assert_problem(problems, "pillars[1]", "pillar 'organisasi' has no indicators")


def test_every_problem_in_one_file_is_reported(bank_problems, edit_text, starter_text):
    edited = edit_text(
        starter_text,
        (STARTER_VERSION, STARTER_VERSION + "verison = 1\n"),
        (SECOND_ITEM_ID, 'id = "disiplin-01"'),
        (DISIPLIN_TITLE, 'title = { id = "Disiplin" }'),
        ('develop_below_band = "cakap"', 'develop_below_band = "mahir"'),
    )
    problems = bank_problems(edited)
    assert len(problems) >= 4
    assert_problem(problems, "verison", "unknown key")
    assert_problem(problems, f"{ITEM1}.id", "duplicate id 'disiplin-01'")
    assert_problem(problems, "pillars[0].indicators[0].title", "missing translation for en")
    assert_problem(problems, "develop_below_band", "no band has id 'mahir'")


def test_bank_error_message_lists_every_problem(edit_text, starter_text):
    edited = edit_text(
        starter_text,
        (STARTER_VERSION, STARTER_VERSION + "verison = 1\n"),
        (SECOND_ITEM_ID, 'id = "diri"'),
    )
    with pytest.raises(BankError) as caught:
        parse_bank(edited, source="bank.toml")
    text = str(caught.value)
    assert "bank.toml: verison: unknown key" in text
    assert f"bank.toml: {ITEM1}.id: duplicate id 'diri'" in text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (DISIPLIN_TITLE, 'title = { id = "Disiplin" }'),
        (FIRST_ITEM, FIRST_ITEM + "reversed = true\n"),
        (PILLAR_TITLE, PILLAR_TITLE + "weight = 0\n"),
    ],
    ids=["translation", "unknown-key", "weight"],
)
def test_one_mistake_gives_exactly_one_problem(bank_problems, edit_text, starter_text, old, new):
    problems = bank_problems(edit_text(starter_text, (old, new)))
    assert [str(p) for p in problems if "needs at least" in p.message] == []
    assert len(problems) == 1, "\n".join(map(str, problems))


# --- the banks shipped with the tool --------------------------------------------------


def test_starter_bank_loads(starter_text):
    bank = load_bank(STARTER_BANK_PATH)
    assert bank.id == "bank-saya"
    assert parse_bank(starter_text) == bank


def test_bundled_bank_loads(bundled_bank):
    assert bundled_bank.id == "asn-profesional"
    assert bundled_bank.languages == ("id", "en")
    assert bundled_bank.item_count == len(bundled_bank.items) > 0


def test_bundled_bank_has_the_three_pillars(bundled_bank):
    assert [p.id for p in bundled_bank.pillars] == ["diri", "organisasi", "program"]


def _indicator_ids(bank, pillar_id):
    pillar = next(p for p in bank.pillars if p.id == pillar_id)
    return {indicator.id for indicator in pillar.indicators}


def test_bundled_bank_pillars_have_the_promised_indicators(bundled_bank):
    assert {
        "disiplin",
        "semangat",
        "kerja-keras",
        "kerja-cerdas",
        "kerja-tuntas",
        "komitmen-melayani",
    } <= _indicator_ids(bundled_bank, "diri")
    assert {"perencanaan", "efisiensi-sumber-daya", "eksekusi-efektif"} <= _indicator_ids(
        bundled_bank, "program"
    )
    assert _indicator_ids(bundled_bank, "organisasi")


def _indicators(bank):
    return [indicator for pillar in bank.pillars for indicator in pillar.indicators]


def test_every_indicator_has_three_items_and_a_reversed_one(bundled_bank):
    for indicator in _indicators(bundled_bank):
        assert len(indicator.items) >= 3, indicator.id
        assert any(item.is_reversed for item in indicator.items), indicator.id


def test_every_pillar_has_a_situational_item_with_scores_one_to_five(bundled_bank):
    for pillar in bundled_bank.pillars:
        situational = [
            item
            for indicator in pillar.indicators
            for item in indicator.items
            if item.is_situational
        ]
        assert situational, f"pillar {pillar.id} has no situational item"
        for item in situational:
            assert len(item.options) == 5, item.id
            assert sorted(o.score for o in item.options) == [1, 2, 3, 4, 5], item.id


def test_bundled_bank_has_agreement_and_frequency_scales(bundled_bank):
    assert len(bundled_bank.scales) >= 2
    names = {scale.name["en"].lower() for scale in bundled_bank.scales}
    assert {"agreement", "frequency"} <= names
    scale_items = [i for i in bundled_bank.items.values() if not i.is_situational]
    assert {"agreement", "frequency"} <= {
        bundled_bank.scale_of(item).name["en"].lower() for item in scale_items
    }


def test_bundled_bank_has_at_least_four_bands(bundled_bank):
    assert len(bundled_bank.bands) >= 4
    assert bundled_bank.bands[0].min == 0


def test_every_indicator_has_actions_of_every_kind(bundled_bank):
    for indicator in _indicators(bundled_bank):
        assert len(indicator.actions) >= 3, indicator.id
        assert {a.kind for a in indicator.actions} >= {"on-the-job", "from-others", "training"}


@pytest.mark.parametrize("field", ["title", "description", "source"])
def test_bundled_bank_texts_exist_in_both_languages(bundled_bank, field):
    value = getattr(bundled_bank, field)
    assert value is not None
    assert value["id"].strip() and value["en"].strip()


def test_bundled_bank_source_names_the_speaker_as_then_chair(bundled_bank):
    assert "then chair" in bundled_bank.source["en"]
    assert "saat itu" in bundled_bank.source["id"]


# Item wording rules, checked per item so a failure names the item.
_BUNDLED = load_bank(BANK_V1_PATH)  # version 2 has its own rules: test_bank_content.py
_SCALE_ITEMS = [item for item in _BUNDLED.items.values() if not item.is_situational]
_ABSOLUTES = re.compile(r"\b(selalu|tidak\s+pernah)\b", re.IGNORECASE)


@pytest.mark.parametrize("item", _SCALE_ITEMS, ids=lambda item: item.id)
def test_scale_item_text_starts_with_saya(item):
    assert item.text["id"].startswith("Saya "), item.text["id"]


@pytest.mark.parametrize("item", _SCALE_ITEMS, ids=lambda item: item.id)
def test_scale_item_text_has_six_to_twenty_two_words(item):
    assert 6 <= len(item.text["id"].split()) <= 22, item.text["id"]


@pytest.mark.parametrize("item", _SCALE_ITEMS, ids=lambda item: item.id)
def test_scale_item_text_avoids_absolute_words(item):
    assert not _ABSOLUTES.search(item.text["id"]), item.text["id"]


@pytest.mark.parametrize("item", _SCALE_ITEMS, ids=lambda item: item.id)
def test_scale_item_names_one_behaviour(item):
    # "dan"/"serta" joining two behaviours makes an item impossible to answer honestly.
    assert not re.search(r"\b(dan|serta)\b", item.text["id"], re.IGNORECASE), item.text["id"]
    assert not re.search(r"\band\b", item.text["en"], re.IGNORECASE), item.text["en"]


def test_absolute_word_pattern_matches_whole_words_only():
    # Guards the rule above: "selalu" and "Tidak pernah" match, "keselaluan" does not.
    assert _ABSOLUTES.search("Saya Selalu datang")
    assert _ABSOLUTES.search("Saya tidak  pernah lupa")
    assert not _ABSOLUTES.search("Saya menilai keselaluannya")


# --- type strictness and spelling clashes -----------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key_path"),
    [
        ("reverse = true\n", 'reverse = "yes"\n', f"{ITEM1}.reverse"),
        ("reverse = true\n", "reverse = 1\n", f"{ITEM1}.reverse"),
        ("min_answered = 0.5\n", 'min_answered = "0.5"\n', "min_answered"),
        ('id = "cakap"\nmin = 70\n', 'id = "cakap"\nmin = "70"\n', "bands[1].min"),
    ],
)
def test_values_of_the_wrong_type_are_not_coerced(
    bank_problems, edit_text, starter_text, old, new, key_path
):
    problem_at(bank_problems(edit_text(starter_text, (old, new))), key_path)


def test_a_language_listed_twice_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(
        edit_text(starter_text, ('languages = ["id", "en"]', 'languages = ["id", "en", "id"]'))
    )
    assert_problem(problems, "languages", "id listed more than once")


def test_an_alias_standing_for_two_points_is_rejected(bank_problems, edit_text, starter_text):
    problems = bank_problems(edit_text(starter_text, ('aliases = ["TS"]', 'aliases = ["SS"]')))
    assert_problem(problems, "scales[0].points[4]", "'SS' already stands for value 2")


def test_option_score_between_points_of_a_gapped_scale_is_rejected(
    bank_problems, edit_text, starter_text
):
    # Remove point 4 from the situational scale: 4 is inside the range but no value of it.
    text = edit_text(
        starter_text, ('  { value = 4, label = { id = "Tepat", en = "Fitting" } },\n', "")
    )
    assert_problem(
        bank_problems(text), f"{SITUATIONAL}.options[3].score", "not a value of scale 'situasi'"
    )


def test_bundled_bank_files_are_named_by_their_id():
    from asn_assess.core.bank import bundled_bank_paths

    paths = bundled_bank_paths()
    assert paths, "no bundled bank found"
    newest: dict[str, str] = {}
    for path in paths:
        bank = load_bank(path)
        # The newest version is <id>.toml; older versions stay as <id>-<version>.toml.
        assert path.stem in (bank.id, f"{bank.id}-{bank.version}"), path
        if path.stem == bank.id:
            newest[bank.id] = bank.version
    versions = {load_bank(p).id: [] for p in paths}
    for path in paths:
        bank = load_bank(path)
        versions[bank.id].append(bank.version)
    for bank_id, listed in versions.items():
        assert len(set(listed)) == len(listed), f"{bank_id}: a version is bundled twice"
        assert newest[bank_id] == listed[-1], f"{bank_id}.toml must hold the newest version"


# --- keys of bank 2.0: roles, rater groups, pairs, not-applicable ---------------------------


def test_references_to_undeclared_roles_groups_and_items_are_named(bank_problems, small_bank_text):
    text = small_bank_text.replace(
        'id = "a1-1"\nscale = "agree"\n', 'id = "a1-1"\nscale = "agree"\nroles = ["kepala"]\n'
    ).replace('id = "a2"\nweight = 3\n', 'id = "a2"\nweight = 3\nrated_by = ["rekan"]\n')
    text += (
        '\n[[roles]]\nid = "staf"\nlabel = { id = "Staf" }\n'
        '\n[[consistency_pairs]]\nitems = ["a1-1", "zz-9"]\n'
    )
    problems = bank_problems(text)
    assert_problem(
        problems, "pillars[0].indicators[0].items[0].roles", "no role has id 'kepala' (roles: staf)"
    )
    assert_problem(problems, "pillars[0].indicators[1].rated_by", "no rater group has id 'rekan'")
    assert_problem(problems, "consistency_pairs[0].items", "no item has id 'zz-9'")


def test_declaring_rater_groups_asks_for_observer_wordings_and_rated_by(
    bank_problems, small_bank_text
):
    text = small_bank_text + '\n[[rater_groups]]\nid = "rekan"\nlabel = { id = "Rekan" }\n'
    problems = bank_problems(text)
    assert_problem(problems, "pillars[0].indicators[0].rated_by", "name the rater groups")
    assert_problem(problems, "pillars[0].indicators[0].items[0]", "add observer_text")


def test_an_item_cannot_be_self_only_and_have_an_observer_text(bank_problems, small_bank_text):
    text = small_bank_text.replace(
        'text = { id = "Saya bekerja." }',
        'text = { id = "Saya bekerja." }\nself_only = true\nobserver_text = { id = "Ia bekerja." }',
    )
    assert_problem(
        bank_problems(text), "pillars[0].indicators[0].items[0]", "either self_only or has an"
    )


def test_na_is_reserved_for_not_applicable_and_cannot_be_an_option(bank_problems, small_bank_text):
    text = small_bank_text.replace('{ id = "z", score = 1', '{ id = "NA", score = 1')
    assert_problem(
        bank_problems(text),
        "pillars[0].indicators[0].items[3].options[2].id",
        "reserved for a not-applicable answer",
    )


@pytest.mark.parametrize("weight", ["0", "1001", "inf"])
def test_weights_are_bounded(bank_problems, small_bank_text, weight):
    text = small_bank_text.replace('id = "a2"\nweight = 3\n', f'id = "a2"\nweight = {weight}\n')
    problem_at(bank_problems(text), "pillars[0].indicators[1].weight")


def test_rationale_belongs_to_situational_items_and_statement_to_scale_items(
    bank_problems, small_bank_text
):
    text = small_bank_text.replace(
        'text = { id = "Saya bekerja." }',
        'text = { id = "Saya bekerja." }\nrationale = { id = "Karena." }',
    ).replace(
        'scenario = { id = "Sebuah situasi." }',
        'scenario = { id = "Sebuah situasi." }\nstatement = "behaviour"',
    )
    problems = bank_problems(text)
    assert_problem(problems, "pillars[0].indicators[0].items[0].rationale", "situational")
    assert_problem(problems, "pillars[0].indicators[0].items[3].statement", "only scale items")


def test_bank_problems_speak_the_interface_language(bank_problems, monkeypatch):
    monkeypatch.delenv("ASN_ASSESS_LANG")
    problems = bank_problems("[meta]\n")
    assert_problem(problems, "id", "kunci wajib ini tidak ada")
    assert_problem(problems, "meta", "kunci tidak dikenal")
