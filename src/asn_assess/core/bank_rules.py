"""Bank rules that span keys, checked on the raw TOML data so that they run even when
the structure has problems elsewhere: duplicate ids, an item's scale, option scores,
band order, and the references between roles, rater groups, items and pairs.

Each rule returns (key path, message) pairs and tolerates values of the wrong type
(pydantic reports those)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

from asn_assess.core.i18n import say
from asn_assess.core.models import NOT_APPLICABLE, SELF


def _text(value: Any) -> Optional[str]:
    """``value`` when it is a text (an id), else None: pass 2 reports other types, and
    this pass must not trip over them (a list is no dictionary key)."""
    return value if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    """``value`` when it is a list, else an empty one (pass 2 reports the type)."""
    return value if isinstance(value, list) else []


def _tables(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The tables of an array of tables, with their index; anything else is skipped
    (pass 2 reports it)."""
    if isinstance(value, list):
        for index, table in enumerate(value):
            if isinstance(table, dict):
                yield index, table


def consistency_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Rules that span keys. Returns (key path, message) pairs; tolerant of bad types."""
    problems: list[tuple[str, str]] = []

    languages = data.get("languages")
    if isinstance(languages, list):
        repeated = sorted(
            {lang for lang in languages if isinstance(lang, str) and languages.count(lang) > 1}
        )
        if repeated:
            problems.append(
                ("languages", say("rule.language_repeated", languages=", ".join(repeated)))
            )

    scale_values: dict[str, set[int]] = {}
    for index, scale in _tables(data.get("scales")):
        path = f"scales[{index}]"
        scale_id = _text(scale.get("id"))
        if scale_id is not None and scale_id in scale_values:
            problems.append((f"{path}.id", say("rule.duplicate_scale", id=scale_id)))
        raw_values = [p.get("value") for _, p in _tables(scale.get("points"))]
        values: list[int] = [
            v for v in raw_values if isinstance(v, int) and not isinstance(v, bool)
        ]
        if len(set(values)) != len(values):
            problems.append((f"{path}.points", say("rule.points_same_value")))
        problems.extend(_spelling_clashes(scale, path))
        if scale_id is not None and values:
            scale_values[scale_id] = set(values)

    band_ids: set[str] = set()
    previous_min: Optional[float] = None
    for index, band in _tables(data.get("bands")):
        path = f"bands[{index}]"
        band_id = _text(band.get("id"))
        if band_id is not None and band_id in band_ids:
            problems.append((f"{path}.id", say("rule.duplicate_band", id=band_id)))
        if band_id is not None:
            band_ids.add(band_id)
        low = band.get("min")
        if not isinstance(low, (int, float)) or isinstance(low, bool):
            continue
        if index == 0 and low != 0:
            problems.append((f"{path}.min", say("rule.first_band_min", low=low)))
        if previous_min is not None and low <= previous_min:
            problems.append(
                (
                    f"{path}.min",
                    say("rule.bands_order", low=low, previous=previous_min),
                )
            )
        previous_min = low
    develop = data.get("develop_below_band")
    if isinstance(develop, str) and band_ids and develop not in band_ids:
        problems.append(("develop_below_band", say("rule.no_band", id=develop)))

    seen_ids: dict[str, str] = {}

    def claim(item_id: Any, path: str) -> None:
        if not isinstance(item_id, str):
            return
        if item_id in seen_ids:
            problems.append(
                (f"{path}.id", say("rule.duplicate_id_first", id=item_id, first=seen_ids[item_id]))
            )
        else:
            seen_ids[item_id] = path

    pillars = data.get("pillars")
    if not pillars:
        problems.append(("pillars", say("rule.no_pillars")))
    for p_index, pillar in _tables(pillars):
        p_path = f"pillars[{p_index}]"
        claim(pillar.get("id"), p_path)
        indicators = pillar.get("indicators")
        if not indicators:
            problems.append((p_path, say("rule.pillar_empty", id=pillar.get("id"))))
        for i_index, indicator in _tables(indicators):
            i_path = f"{p_path}.indicators[{i_index}]"
            claim(indicator.get("id"), i_path)
            items = indicator.get("items")
            if not items:
                problems.append((i_path, say("rule.indicator_empty", id=indicator.get("id"))))
            for t_index, item in _tables(items):
                t_path = f"{i_path}.items[{t_index}]"
                claim(item.get("id"), t_path)
                problems.extend(_item_problems(item, t_path, scale_values))
    problems.extend(reference_problems(data, seen_ids))
    problems.extend(value_and_action_problems(data, seen_ids))
    return problems


def _declared(data: dict[str, Any], key: str, problems: list[tuple[str, str]]) -> set[str]:
    """The ids of a top-level list of tables (roles, rater groups); repeats reported."""
    ids: set[str] = set()
    for index, table in _tables(data.get(key)):
        value = table.get("id")
        if not isinstance(value, str):
            continue
        if value in ids:
            problems.append((f"{key}[{index}].id", say("rule.duplicate_id", id=value)))
        if key == "rater_groups" and value == SELF:
            problems.append((f"{key}[{index}].id", say("rule.self_group", id=SELF)))
        ids.add(value)
    return ids


def _unknown(values: Any, known: set[str], path: str, message: str) -> list[tuple[str, str]]:
    """A problem for each entry of ``values`` that is not one of ``known``; ``message``
    is the key of the text naming the kind (``rule.unknown_role`` ...)."""
    if not isinstance(values, list):
        return []
    listed = ", ".join(sorted(known)) or say("rule.none_declared")
    return [
        (path, say(message, id=value, known=listed))
        for value in values
        if isinstance(value, str) and value not in known
    ]


def reference_problems(data: dict[str, Any], item_paths: dict[str, str]) -> list[tuple[str, str]]:
    """Roles, rater groups and consistency pairs name what the bank declares; the keys
    of 360-degree feedback are complete when the bank declares rater groups."""
    problems: list[tuple[str, str]] = []
    roles = _declared(data, "roles", problems)
    groups = _declared(data, "rater_groups", problems)
    for i_path, indicator in _indicators(data):
        problems += _unknown(
            indicator.get("rated_by"), groups, f"{i_path}.rated_by", "rule.unknown_group"
        )
        if groups and not indicator.get("rated_by"):
            problems.append((f"{i_path}.rated_by", say("rule.name_groups")))
        elif groups and not any(
            item.get("observer_text") is not None for _, item in _tables(indicator.get("items"))
        ):
            problems.append(
                (
                    f"{i_path}.rated_by",
                    say("rule.nothing_to_observe"),
                )
            )
        for t_index, item in _tables(indicator.get("items")):
            t_path = f"{i_path}.items[{t_index}]"
            problems += _unknown(item.get("roles"), roles, f"{t_path}.roles", "rule.unknown_role")
            if item.get("observer_text") is not None and item.get("self_only") is True:
                problems.append((t_path, say("rule.self_only_and_observer")))
            elif groups and item.get("observer_text") is None and item.get("self_only") is not True:
                problems.append(
                    (
                        t_path,
                        say("rule.needs_observer_text"),
                    )
                )
        for a_index, action in _tables(indicator.get("actions")):
            a_path = f"{i_path}.actions[{a_index}].roles"
            problems += _unknown(action.get("roles"), roles, a_path, "rule.unknown_role")
    for index, pair in _tables(data.get("consistency_pairs")):
        items = pair.get("items")
        if not isinstance(items, list):
            continue
        path = f"consistency_pairs[{index}].items"
        problems += [
            (path, say("rule.no_item", id=item_id))
            for item_id in items
            if isinstance(item_id, str) and item_id not in item_paths
        ]
        if len(items) == 2 and items[0] == items[1]:
            problems.append((path, say("rule.pair_same_item")))
    return problems


def value_and_action_problems(
    data: dict[str, Any], item_paths: dict[str, str]
) -> list[tuple[str, str]]:
    """Core values are declared once and each tags at least one item; items name declared
    values and narrow their indicator's raters; actions name items of their own
    indicator; ``min_answered_statements`` belongs to scoring version 3."""
    problems: list[tuple[str, str]] = []
    values = _declared(data, "values", problems)
    groups = {t["id"] for _, t in _tables(data.get("rater_groups")) if _text(t.get("id"))}
    tagged: set[str] = set()
    for i_path, indicator in _indicators(data):
        indicator_groups = {v for v in _list(indicator.get("rated_by")) if isinstance(v, str)}
        own_items = set()
        for t_index, item in _tables(indicator.get("items")):
            t_path = f"{i_path}.items[{t_index}]"
            own_items.add(_text(item.get("id")))
            problems += _unknown(
                item.get("values"), values, f"{t_path}.values", "rule.unknown_value"
            )
            tagged.update(v for v in _list(item.get("values")) if isinstance(v, str))
            narrowed = [g for g in _list(item.get("rated_by")) if isinstance(g, str)]
            if narrowed and item.get("self_only") is True:
                problems.append((f"{t_path}.rated_by", say("rule.rated_by_self_only")))
            for group in narrowed:
                if group in groups and group not in indicator_groups:
                    problems.append(
                        (
                            f"{t_path}.rated_by",
                            say(
                                "rule.rated_by_outside",
                                id=group,
                                known=", ".join(sorted(indicator_groups)) or say("rule.none"),
                            ),
                        )
                    )
            problems += _unknown(
                item.get("rated_by"), groups, f"{t_path}.rated_by", "rule.unknown_group"
            )
        for a_index, action in _tables(indicator.get("actions")):
            a_path = f"{i_path}.actions[{a_index}].items"
            for item_id in _list(action.get("items")):
                if not isinstance(item_id, str) or item_id in own_items:
                    continue
                if item_id in item_paths:
                    message = say(
                        "rule.action_item_elsewhere", id=item_id, where=item_paths[item_id]
                    )
                else:
                    message = say("rule.no_item", id=item_id)
                problems.append((a_path, message))
    for index, table in _tables(data.get("values")):
        value_id = _text(table.get("id"))
        if value_id is not None and value_id not in tagged:
            problems.append((f"values[{index}]", say("rule.value_untagged", id=value_id)))
    if "min_answered_statements" in data and data.get("scoring_version") != 3:
        problems.append(("min_answered_statements", say("rule.statements_need_v3")))
    return problems


def _indicators(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key path, table) of every indicator."""
    for p_index, pillar in _tables(data.get("pillars")):
        for i_index, indicator in _tables(pillar.get("indicators")):
            yield f"pillars[{p_index}].indicators[{i_index}]", indicator


def _spelling_clashes(scale: dict[str, Any], path: str) -> list[tuple[str, str]]:
    """A label or alias that stands for two points would make typed answers ambiguous."""
    from asn_assess.core.answers import normalise_label

    owner: dict[str, Any] = {}
    problems = []
    for p_index, point in _tables(scale.get("points")):
        label = point.get("label")
        value = point.get("value")
        spellings = [str(value)] if isinstance(value, int) and abs(value) < 10**9 else []
        spellings += [
            v for v in (label.values() if isinstance(label, dict) else []) if isinstance(v, str)
        ]
        spellings += [a for a in _list(point.get("aliases")) if isinstance(a, str)]
        for spelling in spellings:
            key = normalise_label(spelling)
            if key in owner and owner[key] != point.get("value"):
                problems.append(
                    (
                        f"{path}.points[{p_index}]",
                        say("rule.spelling_taken", spelling=spelling, value=owner[key]),
                    )
                )
            owner.setdefault(key, point.get("value"))
    return problems


def _item_problems(
    item: dict[str, Any], path: str, scale_values: dict[str, set[int]]
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    scale_id = item.get("scale")
    values = scale_values.get(scale_id) if isinstance(scale_id, str) else None
    if isinstance(scale_id, str) and values is None:
        known = ", ".join(sorted(scale_values)) or say("rule.none")
        problems.append((f"{path}.scale", say("rule.no_scale", id=scale_id, known=known)))
    situational = item.get("kind") == "situational"
    options = item.get("options")
    if situational and "statement" in item:
        problems.append((f"{path}.statement", say("rule.statement_not_situational")))
    if not situational and "rationale" in item:
        problems.append((f"{path}.rationale", say("rule.rationale_situational_only")))
    if situational:
        if "reverse" in item:
            problems.append(
                (
                    f"{path}.reverse",
                    say("rule.situational_reverse"),
                )
            )
        if not options:
            problems.append((f"{path}.options", say("rule.situational_needs_options")))
        if "scenario" not in item:
            problems.append((f"{path}.scenario", say("rule.situational_needs_scenario")))
    else:
        if options:
            problems.append((f"{path}.options", say("rule.options_situational_only")))
        if "scenario" in item:
            problems.append((f"{path}.scenario", say("rule.scenario_situational_only")))
    option_ids: set[str] = set()
    for o_index, option in _tables(options):
        o_path = f"{path}.options[{o_index}]"
        option_id = _text(option.get("id"))
        if option_id is not None and option_id in option_ids:
            problems.append((f"{o_path}.id", say("rule.duplicate_option", id=option_id)))
        if option_id is not None and option_id.casefold() == NOT_APPLICABLE:
            problems.append((f"{o_path}.id", say("rule.option_reserved", id=option_id)))
        if option_id is not None:
            option_ids.add(option_id)
        score = option.get("score")
        if (
            values
            and isinstance(score, int)
            and not isinstance(score, bool)
            and score not in values
        ):
            low, high = min(values), max(values)
            key = (
                "rule.score_outside_scale"
                if not low <= score <= high
                else "rule.score_not_on_scale"
            )
            problems.append(
                (f"{o_path}.score", say(key, score=score, scale=scale_id, low=low, high=high))
            )
    return problems
