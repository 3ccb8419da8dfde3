"""Property tests of the scoring rules over the bundled bank."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import approx

from asn_assess.core.bank import load_bank
from asn_assess.core.documents import AnswerSheet, Result
from asn_assess.core.models import Item
from asn_assess.core.scoring import item_score, score
from conftest import BUNDLED_BANK_PATH

BANK = load_bank(BUNDLED_BANK_PATH)
ITEMS = list(BANK.items.values())
SCALE_ITEMS = [item for item in ITEMS if not item.is_situational]
PLAIN_SCALE_ITEMS = [item for item in SCALE_ITEMS if not item.is_reversed]
TOP_BAND = max(BANK.bands, key=lambda band: band.min).id
BOTTOM_BAND = BANK.bands[0].id
INDICATOR_OF = {
    item.id: indicator.id
    for pillar in BANK.pillars
    for indicator in pillar.indicators
    for item in indicator.items
}

SETTINGS = settings(max_examples=60, deadline=None)


def valid_answers(item: Item) -> list[Any]:
    if item.is_situational:
        return [option.id for option in item.options]
    return [point.value for point in BANK.scale_of(item).points]


def sheet(answers: dict[str, Any]) -> AnswerSheet:
    return AnswerSheet(bank_id=BANK.id, bank_version=BANK.version, answers=answers)


def all_scores(result: Result) -> list[float | None]:
    return (
        [result.overall.score]
        + [p.score for p in result.pillars]
        + [i.score for p in result.pillars for i in p.indicators]
    )


def all_bands(result: Result) -> list[str | None]:
    return (
        [result.overall.band]
        + [p.band for p in result.pillars]
        + [i.band for p in result.pillars for i in p.indicators]
    )


# Any subset of the items, each with any valid answer.
answer_sheets = st.fixed_dictionaries(
    {}, optional={item.id: st.sampled_from(valid_answers(item)) for item in ITEMS}
)


def favourable(item: Item) -> Any:
    if item.is_situational:
        return max(item.options, key=lambda option: option.score).id
    scale = BANK.scale_of(item)
    return scale.low if item.is_reversed else scale.high


def unfavourable(item: Item) -> Any:
    if item.is_situational:
        return min(item.options, key=lambda option: option.score).id
    scale = BANK.scale_of(item)
    return scale.high if item.is_reversed else scale.low


@SETTINGS
@given(answer_sheets)
def test_every_score_is_between_0_and_100_or_null(answers):
    result = score(BANK, sheet(answers))
    for value, band in zip(all_scores(result), all_bands(result), strict=False):
        if value is None:
            assert band is None
        else:
            assert 0 <= value <= 100
            assert band in {b.id for b in BANK.bands}


@SETTINGS
@given(answer_sheets)
def test_result_counts_and_keeps_every_answer(answers):
    result = score(BANK, sheet(answers))
    assert result.answers == answers
    assert result.overall.answered_items == len(answers)
    assert result.overall.total_items == len(ITEMS)
    for pillar in result.pillars:
        for indicator in pillar.indicators:
            answered = sum(INDICATOR_OF[item_id] == indicator.id for item_id in answers)
            assert indicator.answered_items == answered


@SETTINGS
@given(answer_sheets)
def test_a_result_rescored_from_its_own_answers_is_identical(answers):
    result = score(BANK, sheet(answers))
    reloaded = Result.model_validate_json(result.model_dump_json())
    assert score(BANK, sheet(reloaded.answers)) == result


@SETTINGS
@given(st.sampled_from(SCALE_ITEMS), st.data())
def test_reversing_an_item_mirrors_its_score(item, data):
    answer = data.draw(st.sampled_from(valid_answers(item)))
    flipped = item.model_copy(update={"reverse": not item.is_reversed})
    assert flipped.is_reversed != item.is_reversed
    assert item_score(BANK, flipped, answer) == approx(100 - item_score(BANK, item, answer))


@SETTINGS
@given(answer_sheets, st.sampled_from(PLAIN_SCALE_ITEMS), st.data())
def test_raising_an_answer_never_lowers_the_indicator_score(answers, item, data):
    low, high = sorted(
        data.draw(
            st.lists(st.sampled_from(valid_answers(item)), min_size=2, max_size=2, unique=True)
        )
    )
    before = score(BANK, sheet({**answers, item.id: low}))
    after = score(BANK, sheet({**answers, item.id: high}))
    indicator = INDICATOR_OF[item.id]
    old, new = before.indicator(indicator).score, after.indicator(indicator).score
    assert (old is None) == (new is None)  # the same items are answered either way
    if old is not None:
        assert new > old  # strictly: the item carries a positive weight
    for old_level, new_level in zip(all_scores(before), all_scores(after), strict=False):
        assert (old_level is None) == (new_level is None)
        if old_level is not None:
            assert new_level >= old_level - 1e-9


def test_favourable_maximum_scores_100_everywhere():
    result = score(BANK, sheet({item.id: favourable(item) for item in ITEMS}))
    assert all(value == approx(100) for value in all_scores(result))
    assert all(band == TOP_BAND for band in all_bands(result))


def test_unfavourable_minimum_scores_0_everywhere():
    result = score(BANK, sheet({item.id: unfavourable(item) for item in ITEMS}))
    assert all(value == approx(0) for value in all_scores(result))
    assert all(band == BOTTOM_BAND for band in all_bands(result))


@SETTINGS
@given(st.sets(st.sampled_from([item.id for item in ITEMS])))
def test_any_subset_at_the_favourable_maximum_scores_100_where_scored(item_ids):
    by_id = BANK.items
    result = score(BANK, sheet({item_id: favourable(by_id[item_id]) for item_id in item_ids}))
    for value in all_scores(result):
        assert value is None or value == approx(100)


@SETTINGS
@given(st.sets(st.sampled_from([item.id for item in ITEMS])))
def test_any_subset_at_the_unfavourable_minimum_scores_0_where_scored(item_ids):
    by_id = BANK.items
    result = score(BANK, sheet({item_id: unfavourable(by_id[item_id]) for item_id in item_ids}))
    for value in all_scores(result):
        assert value is None or value == approx(0)
