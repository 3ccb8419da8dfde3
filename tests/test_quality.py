"""Response-quality flags: each rule on crafted answer sheets, their thresholds, and the
same flags wherever a result is made (score, start, batch, report). Flags never change
scores."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from rich.console import Console
from typer.testing import CliRunner

from asn_assess.analysis.quality import (
    RULES,
    RULES_BY_ID,
    _longest_run,
    _modal_share,
    answering_seconds,
    result_quality,
    with_quality,
)
from asn_assess.cli import app
from asn_assess.core.documents import AnswerSheet, Result, to_json
from asn_assess.core.models import Bank
from asn_assess.core.presentation import questions_of
from asn_assess.core.scoring import score
from asn_assess.interactive.session import Session, Terminal
from asn_assess.reports.rich_report import report_text
from asn_assess.store import Progress, UserData

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "batch"
START = datetime(2024, 5, 2, 9, 0, tzinfo=timezone.utc)


def sheet(bank: Bank, answers: dict[str, Any], **extra: Any) -> AnswerSheet:
    return AnswerSheet(bank_id=bank.id, bank_version=bank.version, answers=answers, **extra)


def answers_by(bank: Bank, regular: int, reverse_worded: int, option: str = "a") -> dict:
    """Every item answered: ``regular`` on regular scale items, ``reverse_worded`` on
    reverse-worded ones, ``option`` on situational ones."""
    answers: dict[str, Any] = {}
    for item in bank.items.values():
        if item.is_situational:
            answers[item.id] = option
        else:
            answers[item.id] = reverse_worded if item.is_reversed else regular
    return answers


def attentive(bank: Bank) -> dict[str, Any]:
    """Agrees with the regular statements, disagrees with the reverse-worded ones, with
    some spread: the answers of someone who read every question."""
    answers: dict[str, Any] = {}
    for index, question in enumerate(questions_of(bank)):
        item = question.item
        if item.is_situational:
            answers[item.id] = item.options[index % len(item.options)].id
        elif item.is_reversed:
            answers[item.id] = 1 + index % 2  # 1 or 2
        else:
            answers[item.id] = 4 + index % 2  # 4 or 5
    return answers


def flags(bank: Bank, answers: dict[str, Any], **extra: Any) -> dict[str, float]:
    result = with_quality(bank, score(bank, sheet(bank, answers, **extra)))
    return {flag.rule: flag.value for flag in result.quality}


# --- each rule on crafted sheets ------------------------------------------------------


def test_an_attentive_respondent_is_not_flagged(bundled_bank):
    assert flags(bundled_bank, attentive(bundled_bank)) == {}


def test_the_same_answer_everywhere_trips_straight_lining_and_agreeing(bundled_bank):
    found = flags(bundled_bank, answers_by(bundled_bank, 4, 4))
    scale_items = [i for i in bundled_bank.items.values() if not i.is_situational]
    assert found["modal-share"] == 1.0
    assert found["longest-run"] == len(scale_items)
    # 4 ("often") on reverse-worded items too: agreeing both ways in every indicator.
    assert found["agree-both-ways"] == 1.0
    # Keyed, 4 and 4 on a pair are 75 and 25: apart, but not by the 75 points the
    # inconsistency rule needs.
    assert "inconsistent-pairs" not in found
    assert set(found) == {"modal-share", "longest-run", "agree-both-ways"}


def test_answers_at_the_middle_do_not_count_as_agreeing(bundled_bank):
    found = flags(bundled_bank, answers_by(bundled_bank, 3, 3))
    assert "agree-both-ways" not in found  # 3 of 1-5 is the middle, not above it
    assert found["modal-share"] == 1.0


def test_pairs_answered_far_apart_trip_inconsistency(bundled_bank):
    answers = attentive(bundled_bank)
    for pair in bundled_bank.consistency_pairs:
        for item_id in pair.items:  # "always" to a statement and to its opposite
            answers[item_id] = 5
    found = flags(bundled_bank, answers)
    assert found == {"inconsistent-pairs": 1.0}


def test_few_answered_pairs_are_not_judged(bundled_bank):
    answers = attentive(bundled_bank)
    first, second, *rest = bundled_bank.consistency_pairs
    for pair in (first, second):
        for item_id in pair.items:
            answers[item_id] = 5
    for pair in rest:  # only two pairs left answered: fewer than the rule needs
        answers.pop(pair.items[0])
    assert "inconsistent-pairs" not in flags(bundled_bank, answers)


def test_many_skipped_or_not_applicable_questions(bundled_bank):
    answers = attentive(bundled_bank)
    ids = list(answers)
    for item_id in ids[: len(ids) // 5]:  # a fifth skipped: below a quarter
        del answers[item_id]
    assert "unanswered-share" not in flags(bundled_bank, answers)
    for item_id in ids[len(ids) // 5 : len(ids) // 3]:
        if not bundled_bank.items[item_id].is_situational:
            answers[item_id] = "na"  # "not applicable" counts as unanswered too
    found = flags(bundled_bank, answers)
    asked = len(bundled_bank.items)
    scored = sum(1 for value in answers.values() if value != "na")
    assert found["unanswered-share"] == pytest.approx((asked - scored) / asked)
    assert found["unanswered-share"] >= 0.25


def test_answering_faster_than_reading_time(bundled_bank):
    answers = attentive(bundled_bank)
    n = len(answers)
    quick = flags(bundled_bank, answers, started_at=START, finished_at=START + timedelta(seconds=n))
    assert quick == {"fast-answers": pytest.approx(1.0)}
    calm = flags(bundled_bank, answers, started_at=START, finished_at=START + timedelta(minutes=15))
    assert calm == {}
    # Per-question durations, when recorded, are used instead of the wall clock: a long
    # break between questions does not hide answering at a second per question.
    timed = flags(
        bundled_bank,
        answers,
        started_at=START,
        finished_at=START + timedelta(hours=3),
        durations={item_id: 1.0 for item_id in answers},
    )
    assert timed == {"fast-answers": pytest.approx(1.0)}


def test_answering_seconds():
    assert answering_seconds({"a": 1.5, "b": 2.0}, None, None) == 3.5
    assert answering_seconds(None, START, START + timedelta(seconds=90)) == 90.0
    assert answering_seconds(None, START + timedelta(seconds=1), START) is None  # end first
    assert answering_seconds(None, START, None) is None
    naive = datetime(2024, 5, 2, 9, 5)
    assert answering_seconds(None, START, naive) is None  # time zone on one side only


def test_rules_need_enough_answers(bundled_bank):
    scale = [i for i in bundled_bank.items.values() if not i.is_situational][:9]
    found = flags(bundled_bank, {item.id: 4 for item in scale})
    assert "modal-share" not in found and "longest-run" not in found
    assert "unanswered-share" in found


def test_flags_never_change_scores(bundled_bank):
    plain = score(bundled_bank, sheet(bundled_bank, answers_by(bundled_bank, 4, 4)))
    flagged = with_quality(bundled_bank, plain)
    assert flagged.quality and not plain.quality
    assert flagged.model_dump(exclude={"quality"}) == plain.model_dump(exclude={"quality"})


def test_every_flag_names_its_rule_value_and_threshold(bundled_bank):
    result = with_quality(
        bundled_bank, score(bundled_bank, sheet(bundled_bank, answers_by(bundled_bank, 4, 4)))
    )
    for flag in result.quality:
        rule = RULES_BY_ID[flag.rule]
        assert flag.threshold == rule.threshold
        assert flag.value >= flag.threshold


def test_a_bank_without_pairs_measures_what_it_can(small_bank):
    answers = {item.id: 3 for item in small_bank.items.values() if not item.is_situational}
    result = with_quality(small_bank, score(small_bank, sheet(small_bank, answers)))
    # Eleven scale items, all answered 3; on item a1-3's 0-3 scale 3 is the top, not
    # the middle, so it is another answer: 10 of 11 the same. One indicator with
    # reverse-worded items and no consistency pairs: too few to judge either.
    assert [(f.rule, f.value) for f in result.quality] == [("modal-share", 10 / 11)]


# --- straight-lining against a plain reading of its definition --------------------------


def reference_runs(column: list[int]) -> tuple[int, float | None]:
    answered = [code for code in column if code >= 0]
    longest = run = 0
    last = None
    for code in answered:
        run = run + 1 if code == last else 1
        last = code
        longest = max(longest, run)
    share = max(answered.count(c) for c in set(answered)) / len(answered) if answered else None
    return longest, share


@settings(max_examples=60, deadline=None)
@given(
    codes=hnp.arrays(
        np.int16,
        st.tuples(st.integers(1, 40), st.integers(1, 12)),
        elements=st.integers(-1, 4),
    )
)
def test_straight_lining_matches_its_definition(codes):
    longest, share = _longest_run(codes), _modal_share(codes)
    for respondent in range(codes.shape[1]):
        want_longest, want_share = reference_runs(list(codes[:, respondent]))
        answered = int((codes[:, respondent] >= 0).sum())
        if answered < 10:
            assert math.isnan(longest[respondent]) and math.isnan(share[respondent])
        else:
            assert longest[respondent] == want_longest
            assert share[respondent] == pytest.approx(want_share)


# --- the same flags everywhere ----------------------------------------------------------


def test_score_command_lists_flags_and_the_report_explains_them(tmp_path, bundled_bank):
    path = tmp_path / "answers.json"
    path.write_text(sheet(bundled_bank, answers_by(bundled_bank, 4, 4)).model_dump_json())
    scored = runner.invoke(app, ["score", str(path), "--json"])
    assert scored.exit_code == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert [f["rule"] for f in result["quality"]] == [
        "longest-run",
        "modal-share",
        "agree-both-ways",
    ]
    for language, words in (("id", "hampir semuanya sama"), ("en", "almost all the same")):
        shown = runner.invoke(app, ["score", str(path), "--lang", language])
        assert shown.exit_code == 0
        assert words in shown.stdout
        assert (
            "tidak mengubah skor" if language == "id" else "do not change the scores"
        ) in shown.stdout


def test_report_checks_results_saved_before_flags_existed(tmp_path, bundled_bank):
    result = score(bundled_bank, sheet(bundled_bank, answers_by(bundled_bank, 4, 4)))
    assert result.quality == []
    path = tmp_path / "result.json"
    path.write_text(to_json(result), encoding="utf-8")
    shown = runner.invoke(app, ["report", str(path), "--lang", "en"])
    assert shown.exit_code == 0, shown.stderr
    assert "Your answers are almost all the same (100% of the scale answers)" in shown.stdout


def test_report_of_a_clean_result_has_no_note(bundled_bank):
    result = with_quality(
        bundled_bank, score(bundled_bank, sheet(bundled_bank, attentive(bundled_bank)))
    )
    text = report_text(bundled_bank, result, "en")
    assert "A note on the answers" not in text


def test_result_quality_ignores_answers_that_do_not_fit(bundled_bank):
    result = score(bundled_bank, sheet(bundled_bank, attentive(bundled_bank)))
    edited = result.model_copy(update={"answers": {**result.answers, "no-such-item": 3}})
    assert result_quality(bundled_bank, edited) == []


def test_batch_flags_rows_as_score_does_and_reads_kobo_start_and_end(tmp_path):
    out = tmp_path / "out.csv"
    ran = runner.invoke(
        app, ["batch", "--bank", "asn-profesional@1.0.0", str(DATA / "kobo.csv"), "-o", str(out)]
    )
    assert ran.exit_code == 0, ran.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # Row 1 of kobo.csv: 09:10:00 to 09:15:31, six questions answered.
    assert float(rows[0]["quality.fast-answers"]) == pytest.approx(331 / 6)
    assert rows[0]["quality_flags"] == "unanswered-share"  # six of the bank's questions
    assert rows[0]["quality.longest-run"] == ""  # too few scale answers to judge


def test_batch_fast_rows_and_exclude_flagged_from_the_summary(tmp_path, bundled_bank):
    items = list(bundled_bank.items)
    answers = attentive(bundled_bank)
    lines = [["respondent_id", "unit", "start", "end", *items]]
    for number in range(12):
        minutes = 1 if number < 3 else 20  # three people took one minute for 101 questions
        end = START + timedelta(minutes=minutes)
        lines.append(
            [
                f"R{number}",
                "Bidang A",
                START.isoformat(),
                end.isoformat().replace("+00:00", "Z"),
                *[str(answers[i]) for i in items],
            ]
        )
    source = tmp_path / "in.csv"
    with source.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(lines)
    out = tmp_path / "out.csv"
    ran = runner.invoke(
        app,
        [
            "batch",
            str(source),
            "-o",
            str(out),
            "--summary-by",
            "unit",
            "--exclude-flagged",
            "--summary-output",
            str(tmp_path / "summary.csv"),
        ],
        env={"ASN_ASSESS_LANG": "en"},
    )
    assert ran.exit_code == 0, ran.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["quality_flags"] for r in rows] == ["fast-answers"] * 3 + [""] * 9
    assert float(rows[0]["quality.fast-answers"]) == pytest.approx(60 / len(items))
    assert len(rows) == 12  # flagged rows are still scored and written
    assert "left 3 flagged row(s) out of the summary" in ran.stderr
    summary = {
        r["group"]: r for r in csv.DictReader((tmp_path / "summary.csv").open(encoding="utf-8"))
    }
    assert summary["Bidang A"]["n"] == "9"


def test_exclude_flagged_needs_a_summary(tmp_path):
    ran = runner.invoke(app, ["batch", str(DATA / "kobo.csv"), "--exclude-flagged"])
    assert ran.exit_code == 2
    assert "--exclude-flagged memerlukan --summary-by" in ran.stderr


def test_batch_jsonl_sheets_use_their_durations(tmp_path, bundled_bank):
    answers = attentive(bundled_bank)
    document = sheet(bundled_bank, answers, durations={i: 0.5 for i in answers})
    source = tmp_path / "in.jsonl"
    source.write_text(document.model_dump_json() + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    ran = runner.invoke(app, ["batch", str(source), "-o", str(out)])
    assert ran.exit_code == 0, ran.stderr
    [line] = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    assert line["result"]["quality"] == [{"rule": "fast-answers", "value": 0.5, "threshold": 2.0}]
    assert line["result"]["durations"] == document.durations


def test_outputs_never_replace_inputs(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes((DATA / "kobo.csv").read_bytes())
    ran = runner.invoke(app, ["batch", str(source), "-o", str(source)])
    assert ran.exit_code == 2
    assert source.read_bytes() == (DATA / "kobo.csv").read_bytes()


# --- `start` times each question ----------------------------------------------------------


class Typed(io.StringIO):
    """Lines typed at a terminal."""

    def isatty(self) -> bool:
        return True


def test_start_records_seconds_per_question(tmp_path, starter_text):
    from asn_assess.core.bank import parse_bank

    bank = parse_bank(starter_text, "starter.toml")
    ticks = iter(range(0, 1000, 3))  # every look at the clock is 3 s after the last

    progress = Progress(
        bank_id=bank.id,
        bank_version=bank.version,
        language="en",
        started_at=START,
        profile_done=True,
        role_asked=True,
    )
    # Enter to start, answer, back, keep, answer the rest.
    terminal = Terminal(stdin=Typed("\n4\nb\n\n2\nc\n"), console=Console(file=io.StringIO()))
    session = Session(
        bank, progress, UserData(tmp_path), terminal, clock=lambda: float(next(ticks))
    )
    result = session.run()
    first, second, third = (q.item.id for q in questions_of(bank))
    # Each visit to a question is one tick of 3 s; going back to the first question
    # visits it, and then the second, twice.
    assert result.durations == {first: 6.0, second: 6.0, third: 3.0}
    assert json.loads(to_json(result))["durations"] == result.durations
    # Three questions in 15 s: 5 s each, not under the 2 s a question the rule looks for.
    assert all(flag.rule != "fast-answers" for flag in result.quality)


def test_piped_answers_are_not_timed(tmp_path, starter_text):
    from asn_assess.core.bank import parse_bank

    bank = parse_bank(starter_text, "starter.toml")
    progress = Progress(
        bank_id=bank.id,
        bank_version=bank.version,
        language="en",
        started_at=START,
        profile_done=True,
        role_asked=True,
    )
    piped = io.StringIO("4\n2\nc\n")  # not a terminal
    terminal = Terminal(stdin=piped, console=Console(file=io.StringIO()))
    result = Session(bank, progress, UserData(tmp_path), terminal).run(welcome=False)
    assert result.durations is None
    assert all(flag.rule != "fast-answers" for flag in result.quality)


def test_rule_ids_and_messages_are_complete():
    from asn_assess.core.i18n import messages

    texts = messages()
    for rule in RULES:
        for kind in ("flag", "name"):
            assert set(texts[f"quality.{kind}.{rule.id}"]) == {"id", "en"}


def test_results_without_quality_still_read(bundled_bank):
    # A result written before this field existed has no "quality" key at all.
    result = score(bundled_bank, sheet(bundled_bank, attentive(bundled_bank)))
    data = json.loads(to_json(result))
    del data["quality"], data["durations"]
    assert Result.model_validate(data).quality == []


# --- a run is read in the order each respondent was asked ----------------------------


def run_in_asked_order(bank: Bank, role: Any, group: Any) -> tuple[dict[str, Any], int]:
    """Answers of a person of ``role`` answering as ``group``: 20 identical answers in a
    row in the order they were asked, a different answer on every other question; and
    the longest run the same answers make in the order of a respondent without role."""
    asked = [q.item for q in questions_of(bank, role, group) if not q.item.is_situational]
    plain = [q.item.id for q in questions_of(bank) if not q.item.is_situational]
    for start in range(len(asked) - 20):
        answers = {item.id: 1 + index % 2 * 4 for index, item in enumerate(asked)}  # 1, 5
        for item in asked[start : start + 20]:
            answers[item.id] = 3
        in_plain_order = [answers[item_id] for item_id in plain if item_id in answers]
        longest = run = 0
        for previous, answer in zip([None, *in_plain_order], in_plain_order, strict=False):
            run = run + 1 if answer == previous else 1
            longest = max(longest, run)
        if longest < 20:
            return answers, longest
    raise AssertionError(f"no stretch of 20 questions is asked in another order for {role}")


@pytest.mark.parametrize(
    ("role", "group"), [("struktural", None), ("struktural", "atasan"), ("pelaksana", "rekan")]
)
def test_a_run_of_twenty_in_the_order_asked_is_flagged(bundled_bank, role, group):
    answers, plain_run = run_in_asked_order(bundled_bank, role, group)
    assert plain_run < 20  # in the order of someone without a role it would not show
    extra = {"target": "Budi", "rater_group": group} if group else {}
    result = with_quality(
        bundled_bank, score(bundled_bank, sheet(bundled_bank, answers, role=role, **extra))
    )
    assert ("longest-run", 20.0) in [(flag.rule, flag.value) for flag in result.quality]


def test_batch_reads_each_row_in_the_order_its_role_and_group_were_asked(tmp_path, bundled_bank):
    rows = []
    for role, group in [("struktural", None), ("struktural", "atasan"), ("pelaksana", "rekan")]:
        answers, _ = run_in_asked_order(bundled_bank, role, group)
        rows.append(
            {
                "role": role or "",
                "target": "Budi" if group else "",
                "rater": group or "self",
                **answers,
            }
        )
    items = list(bundled_bank.items)
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["role", "target", "rater", *items])
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "out.csv"
    done = runner.invoke(
        app,
        [
            "batch",
            str(path),
            "-o",
            str(out),
            "--role-column",
            "role",
            "--target-column",
            "target",
            "--group-column",
            "rater",
        ],
    )
    assert done.exit_code == 0, done.stderr
    written = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [float(row["quality.longest-run"]) for row in written] == [20.0, 20.0, 20.0]


def test_answered_means_a_scored_answer_in_every_rule(bundled_bank):
    # Half the questions "not applicable": they are not answered, for the share of
    # unanswered questions and for the seconds per answered question alike.
    items = [item for item in bundled_bank.items.values() if not item.is_situational]
    answers = attentive(bundled_bank)
    for item in items[::2]:
        answers[item.id] = "na"
    answered = len(answers) - len(items[::2])
    seconds = answered * 1.5
    found = flags(
        bundled_bank, answers, started_at=START, finished_at=START + timedelta(seconds=seconds)
    )
    assert found["fast-answers"] == pytest.approx(1.5)
    assert found["unanswered-share"] == pytest.approx(len(items[::2]) / len(bundled_bank.items))
