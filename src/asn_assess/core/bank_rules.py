"""Bank rules that span keys, checked on the raw TOML data so that they run even when
the structure has problems elsewhere: duplicate ids, an item's scale, option scores,
band order, and the references between roles, rater groups, items and pairs.

Each rule returns (key path, message) pairs and tolerates values of the wrong type
(pydantic reports those)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

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
            problems.append(("languages", f"{', '.join(repeated)} listed more than once"))

    scale_values: dict[str, set[int]] = {}
    for index, scale in _tables(data.get("scales")):
        path = f"scales[{index}]"
        scale_id = _text(scale.get("id"))
        if scale_id is not None and scale_id in scale_values:
            problems.append((f"{path}.id", f"duplicate scale id {scale_id!r}"))
        raw_values = [p.get("value") for _, p in _tables(scale.get("points"))]
        values: list[int] = [
            v for v in raw_values if isinstance(v, int) and not isinstance(v, bool)
        ]
        if len(set(values)) != len(values):
            problems.append((f"{path}.points", "two points share the same value"))
        problems.extend(_spelling_clashes(scale, path))
        if scale_id is not None and values:
            scale_values[scale_id] = set(values)

    band_ids: set[str] = set()
    previous_min: Optional[float] = None
    for index, band in _tables(data.get("bands")):
        path = f"bands[{index}]"
        band_id = _text(band.get("id"))
        if band_id is not None and band_id in band_ids:
            problems.append((f"{path}.id", f"duplicate band id {band_id!r}"))
        if band_id is not None:
            band_ids.add(band_id)
        low = band.get("min")
        if not isinstance(low, (int, float)) or isinstance(low, bool):
            continue
        if index == 0 and low != 0:
            problems.append((f"{path}.min", f"the first band must start at 0, not {low}"))
        if previous_min is not None and low <= previous_min:
            problems.append(
                (
                    f"{path}.min",
                    f"bands must be sorted by rising `min`: {low} follows {previous_min}",
                )
            )
        previous_min = low
    develop = data.get("develop_below_band")
    if isinstance(develop, str) and band_ids and develop not in band_ids:
        problems.append(("develop_below_band", f"no band has id {develop!r}"))

    seen_ids: dict[str, str] = {}

    def claim(item_id: Any, path: str) -> None:
        if not isinstance(item_id, str):
            return
        if item_id in seen_ids:
            problems.append(
                (f"{path}.id", f"duplicate id {item_id!r}, first used at {seen_ids[item_id]}")
            )
        else:
            seen_ids[item_id] = path

    pillars = data.get("pillars")
    if not pillars:
        problems.append(("pillars", "the bank has no pillars; add at least one [[pillars]] table"))
    for p_index, pillar in _tables(pillars):
        p_path = f"pillars[{p_index}]"
        claim(pillar.get("id"), p_path)
        indicators = pillar.get("indicators")
        if not indicators:
            problems.append((p_path, f"pillar {pillar.get('id')!r} has no indicators, so no items"))
        for i_index, indicator in _tables(indicators):
            i_path = f"{p_path}.indicators[{i_index}]"
            claim(indicator.get("id"), i_path)
            items = indicator.get("items")
            if not items:
                problems.append((i_path, f"indicator {indicator.get('id')!r} has no items"))
            for t_index, item in _tables(items):
                t_path = f"{i_path}.items[{t_index}]"
                claim(item.get("id"), t_path)
                problems.extend(_item_problems(item, t_path, scale_values))
    problems.extend(reference_problems(data, seen_ids))
    return problems


def _declared(data: dict[str, Any], key: str, problems: list[tuple[str, str]]) -> set[str]:
    """The ids of a top-level list of tables (roles, rater groups); repeats reported."""
    ids: set[str] = set()
    for index, table in _tables(data.get(key)):
        value = table.get("id")
        if not isinstance(value, str):
            continue
        if value in ids:
            problems.append((f"{key}[{index}].id", f"duplicate id {value!r}"))
        if key == "rater_groups" and value == SELF:
            problems.append(
                (f"{key}[{index}].id", f"{SELF!r} is the person's own answers; choose another id")
            )
        ids.add(value)
    return ids


def _unknown(values: Any, known: set[str], path: str, what: str) -> list[tuple[str, str]]:
    """A problem for each entry of ``values`` that is not one of ``known``."""
    if not isinstance(values, list):
        return []
    listed = ", ".join(sorted(known)) or "none declared"
    return [
        (path, f"no {what} has id {value!r} ({what}s: {listed})")
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
        problems += _unknown(indicator.get("rated_by"), groups, f"{i_path}.rated_by", "rater group")
        if groups and not indicator.get("rated_by"):
            problems.append(
                (f"{i_path}.rated_by", "name the rater groups that can observe this indicator")
            )
        elif groups and not any(
            item.get("observer_text") is not None for _, item in _tables(indicator.get("items"))
        ):
            problems.append(
                (
                    f"{i_path}.rated_by",
                    "raters would have nothing to answer: give at least one item an observer_text",
                )
            )
        for t_index, item in _tables(indicator.get("items")):
            t_path = f"{i_path}.items[{t_index}]"
            problems += _unknown(item.get("roles"), roles, f"{t_path}.roles", "role")
            if item.get("observer_text") is not None and item.get("self_only") is True:
                problems.append(
                    (t_path, "an item is either self_only or has an observer_text, not both")
                )
            elif groups and item.get("observer_text") is None and item.get("self_only") is not True:
                problems.append(
                    (
                        t_path,
                        "add observer_text (the statement in the third person) "
                        "or self_only = true: the bank declares rater groups",
                    )
                )
        for a_index, action in _tables(indicator.get("actions")):
            a_path = f"{i_path}.actions[{a_index}].roles"
            problems += _unknown(action.get("roles"), roles, a_path, "role")
    for index, pair in _tables(data.get("consistency_pairs")):
        items = pair.get("items")
        if not isinstance(items, list):
            continue
        path = f"consistency_pairs[{index}].items"
        problems += [
            (path, f"no item has id {item_id!r}")
            for item_id in items
            if isinstance(item_id, str) and item_id not in item_paths
        ]
        if len(items) == 2 and items[0] == items[1]:
            problems.append((path, "a pair needs two different items"))
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
                        f"{spelling!r} already stands for value {owner[key]}",
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
        known = ", ".join(sorted(scale_values)) or "none"
        problems.append((f"{path}.scale", f"no scale has id {scale_id!r} (scales: {known})"))
    situational = item.get("kind") == "situational"
    options = item.get("options")
    if situational and "statement" in item:
        problems.append(
            (f"{path}.statement", "only scale items state a behaviour or self-knowledge")
        )
    if not situational and "rationale" in item:
        problems.append(
            (f"{path}.rationale", 'only items with kind = "situational" have a rationale')
        )
    if situational:
        if "reverse" in item:
            problems.append(
                (
                    f"{path}.reverse",
                    "a situational item cannot be reversed; "
                    "give each option the score it deserves instead",
                )
            )
        if not options:
            problems.append((f"{path}.options", "a situational item needs options"))
        if "scenario" not in item:
            problems.append((f"{path}.scenario", "a situational item needs a scenario"))
    else:
        if options:
            problems.append(
                (f"{path}.options", 'only items with kind = "situational" have options')
            )
        if "scenario" in item:
            problems.append(
                (f"{path}.scenario", 'only items with kind = "situational" have a scenario')
            )
    option_ids: set[str] = set()
    for o_index, option in _tables(options):
        o_path = f"{path}.options[{o_index}]"
        option_id = _text(option.get("id"))
        if option_id is not None and option_id in option_ids:
            problems.append((f"{o_path}.id", f"duplicate option id {option_id!r}"))
        if option_id is not None and option_id.casefold() == NOT_APPLICABLE:
            problems.append(
                (f"{o_path}.id", f"{option_id!r} is reserved for a not-applicable answer")
            )
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
            where = "outside" if not low <= score <= high else "not a value of"
            problems.append(
                (f"{o_path}.score", f"score {score} is {where} scale {scale_id!r} ({low}-{high})")
            )
    return problems
