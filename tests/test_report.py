"""The report per pillar, rendered as plain text at 80 columns, and the interface texts."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.i18n import LANGUAGES, messages
from asn_assess.core.scoring import score
from asn_assess.reports.rich_report import development_threshold, result_report


def render(renderable, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, no_color=True, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def all_answers(bank, value_for_scale, option_for_item) -> dict:
    answers = {}
    for item in bank.items.values():
        if item.is_situational:
            answers[item.id] = option_for_item(item)
        else:
            answers[item.id] = value_for_scale(item)
    return answers


def sheet_for(bank, answers, language="id") -> AnswerSheet:
    return AnswerSheet(
        bank_id=bank.id, bank_version=bank.version, language=language, answers=answers
    )


def best_option(item):
    return max(item.options, key=lambda o: o.score).id


def test_every_interface_text_exists_in_every_language():
    for key, texts in messages().items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key


@pytest.mark.parametrize("language", ["id", "en"])
def test_report_fits_80_columns_and_names_every_pillar(bundled_bank, language):
    # Mid-scale answers put indicators below the threshold, so actions are shown too.
    answers = all_answers(bundled_bank, lambda item: 3, lambda item: item.options[0].id)
    result = score(bundled_bank, sheet_for(bundled_bank, answers, language))
    text = render(result_report(bundled_bank, result, language))
    assert max(len(line) for line in text.splitlines()) <= 80
    for pillar in bundled_bank.pillars:
        assert bundled_bank.text(pillar.title, language) in text
    positions = [text.index(bundled_bank.text(p.title, language)) for p in bundled_bank.pillars]
    assert positions == sorted(positions), "pillars appear in the bank's order"


def test_top_scores_plan_the_lowest_one_to_strengthen_further(bundled_bank):
    answers = all_answers(bundled_bank, lambda item: 1 if item.is_reversed else 5, best_option)
    result = score(bundled_bank, sheet_for(bundled_bank, answers))
    text = " ".join(render(result_report(bundled_bank, result, "id")).split())
    assert "Skor keseluruhan: 100,0" in text
    assert "Unggul" in text
    assert "Semua indikator sudah mencapai ambang Cakap (70)" in text
    assert "untuk dikuatkan lebih lanjut" in text
    assert "Semua indikator yang terukur berada pada skor yang sama." in text


def test_one_low_indicator_is_the_whole_plan_with_one_action_per_kind(bundled_bank):
    # Everything at the top except the discipline indicator, answered at the bottom.
    def value(item):
        low = item.id.startswith("disiplin")
        return (5 if item.is_reversed else 1) if low else (1 if item.is_reversed else 5)

    def option(item):
        chosen = min if item.id.startswith("disiplin") else max
        return chosen(item.options, key=lambda o: o.score).id

    result = score(
        bundled_bank, sheet_for(bundled_bank, all_answers(bundled_bank, value, option), "en")
    )
    text = render(result_report(bundled_bank, result, "en"))
    plan = text[text.index("Development plan") : text.index("Detail per pillar")]
    assert "1. Discipline (Leading yourself)" in plan
    assert "2. " not in plan
    assert "Score 0.0 (Needs attention), below the threshold Capable (70)." in plan
    assert [plan.count(kind) for kind in ("On the job", "From others", "Training")] == [1, 1, 1]
    assert "(2 weeks)" in plan
    assert result.indicator("disiplin").score < development_threshold(bundled_bank)
    assert "Most room to grow: Discipline (0.0)" in text
    everything = render(result_report(bundled_bank, result, "en", all_actions=True))
    listed = everything[everything.index("All development actions") :]
    discipline = bundled_bank.pillars[0].indicators[0]
    for action in discipline.actions:
        assert " ".join(action.text["en"].split()[:4]) in " ".join(listed.split())


def test_unscored_levels_say_so_instead_of_a_number(bundled_bank):
    first = bundled_bank.pillars[0].indicators[0]
    answers = {item.id: (item.options[0].id if item.is_situational else 4) for item in first.items}
    result = score(bundled_bank, sheet_for(bundled_bank, answers))
    text = render(result_report(bundled_bank, result, "id"))
    assert "Skor keseluruhan belum dapat dihitung" in text
    assert "belum cukup jawaban: 1 dari 7 indikator terukur" in text
    assert "belum cukup jawaban (0 dari" in text
    skipped = bundled_bank.item_count - len(answers)
    assert (
        f"Dijawab {len(answers)} dari {bundled_bank.item_count} pertanyaan; dilewati {skipped}."
        in text
    )


def test_report_command_renders_a_saved_result(tmp_path, bundled_bank):
    answers = all_answers(bundled_bank, lambda item: 4, best_option)
    result = score(bundled_bank, sheet_for(bundled_bank, answers))
    path = tmp_path / "result.json"
    path.write_text(result.model_dump_json(), encoding="utf-8")
    run = CliRunner().invoke(app, ["report", str(path), "--lang", "en"])
    assert run.exit_code == 0, run.stderr
    assert "Overall score" in run.stdout
    assert f"Pillar 3: {bundled_bank.pillars[2].title['en']}" in run.stdout
    as_json = CliRunner().invoke(app, ["report", str(path), "--json"])
    assert json.loads(as_json.stdout)["overall"]["score"] == pytest.approx(result.overall.score)


def test_report_command_rejects_a_broken_result(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"schema_version": 1,\n "bank_id": }', encoding="utf-8")
    run = CliRunner().invoke(app, ["report", str(path)])
    assert run.exit_code == 1
    assert f"galat: {path}:2:" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_language_is_a_usage_error(tmp_path):
    run = CliRunner().invoke(app, ["bank", "show", "--lang", "fr"])
    assert run.exit_code == 2
    assert "bahasa 'fr' tidak ada di bank 'asn-profesional'" in run.stderr
    english = CliRunner().invoke(
        app, ["bank", "show", "--lang", "FR"], env={"ASN_ASSESS_LANG": "en"}
    )
    assert "language 'fr' is not in bank 'asn-profesional'" in english.stderr
