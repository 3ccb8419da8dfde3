"""The round trip: a form made by `asn-assess form export`, answered on its platform and
exported, scores in `asn-assess batch` with no --mapping exactly as `score` scores the
same answers, not-applicable answers included.

Each test writes the export the way the platform documents it for this form:

- KoboToolbox (XLSX as its exporter writes it, and CSV with `;`): headers as "XML values
  and headers" with or without the group path, or as labels, with or without the group
  labels; values as XML values (choice names) or labels; its own metadata columns;
- LimeSurvey ("Export responses", CSV): headings as question code, as full question
  text, or as code and text; answers as answer codes or full answers; its response
  metadata;
- Google Forms ("Download responses (.csv)"): the item titles, the chosen texts, the
  timestamp (and e-mail) columns, in English and in Indonesian; of a form made for one
  role, and of the one form that branches to each role's sections.
"""

from __future__ import annotations

import csv
import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import pytest
import xlsxwriter
from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.documents import AnswerSheet
from asn_assess.core.i18n import t
from asn_assess.core.models import NOT_APPLICABLE, Bank
from asn_assess.core.scoring import score
from asn_assess.forms.layout import Choice, FormLayout, form_layout
from asn_assess.forms.routes import role_routes
from asn_assess.interactive.questionnaire import questions_of
from conftest import expected_cells, parsed_cells

runner = CliRunner()
KOBO_METADATA = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]
LIMESURVEY_CODES = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
]
LIMESURVEY_TEXTS = [
    "Response ID",
    "Date submitted",
    "Last page",
    "Start language",
    "Seed",
    "Date started",
    "Date last action",
]


@dataclass
class Person:
    """One respondent: role, profile and answers in the bank's values."""

    number: int
    role: Optional[str]
    answers: dict[str, Any] = field(default_factory=dict)

    @property
    def nip(self) -> str:
        return f"19860926 201505 1 {self.number:03}"


def people(bank: Bank, count: int, seed: int, role: Optional[str] = None) -> list[Person]:
    """Respondents answering the questions of their role at random: about one answer in
    ten not applicable (scale items), one in twenty skipped."""
    rng = random.Random(seed)
    found = []
    for number in range(1, count + 1):
        person = Person(number, role or (rng.choice(bank.roles).id if bank.roles else None))
        for question in questions_of(bank, person.role):
            item = question.item
            draw = rng.random()
            if draw < 0.05:
                continue
            if draw < 0.15 and not item.is_situational:
                person.answers[item.id] = NOT_APPLICABLE
            elif item.is_situational:
                person.answers[item.id] = rng.choice(item.options).id
            else:
                person.answers[item.id] = rng.choice(bank.scale_of(item).points).value
        found.append(person)
    # Every run holds not-applicable answers and skips to carry through.
    assert any(NOT_APPLICABLE in p.answers.values() for p in found)
    return found


Cell = Callable[[Person], str]


def columns(
    layout: FormLayout,
    header: Callable[[Any], str],
    value: Callable[[Choice], str],
    profile: Callable[[Any], str],
    role_value: Callable[[Choice], str],
) -> list[tuple[str, Cell]]:
    """The form's columns: the profile, the role, then every question, as ``header``
    names them and ``value`` writes a chosen answer."""
    found: list[tuple[str, Cell]] = [
        (profile(layout.profile[0]), lambda p: p.nip),
        (profile(layout.profile[1]), lambda p: f"Dinas {p.number % 2}"),
        (profile(layout.profile[2]), lambda p: "Analis"),
    ]
    if layout.role is not None:
        chosen = {c.value: c for c in layout.role.choices}
        found.append((profile(layout.role), lambda p: role_value(chosen[p.role]) if p.role else ""))
    for question in layout.questions:
        choices = {c.value: c for c in question.choices}

        def cell(person: Person, item_id: str = question.item.id, choices=choices) -> str:
            answer = person.answers.get(item_id)
            return "" if answer is None else value(choices[answer])

        found.append((header(question), cell))
    return found


def table(
    people_: list[Person],
    form_columns: list[tuple[str, Cell]],
    before: list[str] = (),
    after: list[str] = (),
) -> list[list[str]]:
    rows = [[*before, *[h for h, _ in form_columns], *after]]
    for person in people_:
        rows.append(
            [
                *[f"{name}-{person.number}" for name in before],
                *[cell(person) for _, cell in form_columns],
                *[str(person.number) for _ in after],
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", **options: Any) -> Path:
    with path.open("w", encoding=options.pop("encoding", "utf-8"), newline="") as stream:
        csv.writer(stream, delimiter=delimiter, **options).writerows(rows)
    return path


def write_kobo_xlsx(path: Path, rows: list[list[str]]) -> Path:
    """As KoboToolbox's exporter writes it: xlsxwriter, constant memory, row by row."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("asn-profesional")
    for number, row in enumerate(rows):
        sheet.write_row(number, 0, row)
    book.close()
    return path


def batch(path: Path, tmp_path: Path, *extra: str):
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["batch", str(path), "-o", str(out), *extra])
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code == 0, result.stderr
    assert "not used" not in result.stderr, result.stderr  # every column recognised
    with out.open(encoding="utf-8", newline="") as stream:
        return result, list(csv.DictReader(stream))


def assert_scored_as_score(bank: Bank, rows: list[dict[str, str]], people_: list[Person]):
    assert len(rows) == len(people_)
    for row, person in zip(rows, people_, strict=True):
        sheet = AnswerSheet(
            bank_id=bank.id, bank_version=bank.version, role=person.role, answers=person.answers
        )
        assert parsed_cells(row) == expected_cells(score(bank, sheet)), person.number
    assert sum(int(row["not_applicable_items"]) for row in rows) == sum(
        list(p.answers.values()).count(NOT_APPLICABLE) for p in people_
    )


# --- KoboToolbox ------------------------------------------------------------------------------


def test_kobo_xlsx_xml_values_and_headers_with_group_paths(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    group_of = {q.item.id: s.name for s in layout.sections for q in s.questions}
    respondents = people(bundled_bank, 8, seed=1)
    form_columns = columns(
        layout,
        header=lambda q: f"{group_of[q.item.id]}/{q.name}",
        value=lambda c: c.name,
        profile=lambda f: f"profil/{f.name}",
        role_value=lambda c: c.name,
    )
    rows = table(respondents, form_columns, before=["start", "end"], after=KOBO_METADATA)
    result, scored = batch(write_kobo_xlsx(tmp_path / "kobo.xlsx", rows), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)
    assert [r["row"] for r in scored] == [str(n) for n in range(2, 10)]  # as Excel shows
    assert [r["role"] for r in scored] == [p.role for p in respondents]
    assert scored[0]["respondent_id"] == respondents[0].nip  # NIP names the respondent


def test_kobo_csv_labels_without_group_paths(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    respondents = people(bundled_bank, 6, seed=2)
    form_columns = columns(
        layout,
        header=lambda q: q.title["id"],
        value=lambda c: c.labels["id"],
        profile=lambda f: f.label["id"],
        role_value=lambda c: c.labels["id"],
    )
    rows = table(respondents, form_columns, before=["start", "end"], after=KOBO_METADATA)
    _, scored = batch(write_csv(tmp_path / "kobo.csv", rows, delimiter=";"), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)


def test_kobo_xlsx_labels_with_group_labels_in_english(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    group_of = {q.item.id: s.title["en"] for s in layout.sections for q in s.questions}
    respondents = people(bundled_bank, 6, seed=3)
    form_columns = columns(
        layout,
        header=lambda q: f"{group_of[q.item.id]}/{q.title['en']}",
        value=lambda c: c.labels["en"],
        profile=lambda f: f"{layout.profile_title['en']}/{f.label['en']}",
        role_value=lambda c: c.labels["en"],
    )
    rows = table(respondents, form_columns, before=["start", "end"], after=KOBO_METADATA)
    _, scored = batch(write_kobo_xlsx(tmp_path / "kobo.xlsx", rows), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)


def test_kobo_form_for_one_role_carries_the_role_as_a_calculated_column(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id"], role="struktural")
    respondents = people(bundled_bank, 5, seed=4, role="struktural")
    form_columns = columns(
        layout,
        header=lambda q: q.name,
        value=lambda c: c.name,
        profile=lambda f: f.name,
        role_value=lambda c: c.value,  # `calculate` holds the role id
    )
    rows = table(respondents, form_columns, before=["start", "end"], after=KOBO_METADATA)
    _, scored = batch(write_csv(tmp_path / "kobo.csv", rows), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)
    assert {r["role"] for r in scored} == {"struktural"}


def test_odk_central_csv_with_dashed_group_paths(tmp_path, bundled_bank):
    """ODK Central's CSV export joins the group path with '-' and adds its metadata."""
    layout = form_layout(bundled_bank, ["id", "en"])
    group_of = {q.item.id: s.name for s in layout.sections for q in s.questions}
    respondents = people(bundled_bank, 6, seed=9)
    form_columns = columns(
        layout,
        header=lambda q: f"{group_of[q.item.id]}-{q.name}",
        value=lambda c: c.name,
        profile=lambda f: f"profil-{f.name}",
        role_value=lambda c: c.name,
    )
    metadata = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "Status"]
    rows = table(
        respondents,
        form_columns,
        before=["SubmissionDate", "start", "end"],
        after=["meta-instanceID", *metadata, "ReviewState", "DeviceID", "Edits", "FormVersion"],
    )
    _, scored = batch(write_csv(tmp_path / "central.csv", rows), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)


def test_summary_by_a_profile_field_named_without_its_group_path(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    respondents = people(bundled_bank, 10, seed=10)
    form_columns = columns(
        layout,
        header=lambda q: q.name,
        value=lambda c: c.name,
        profile=lambda f: f"profil/{f.name}",
        role_value=lambda c: c.name,
    )
    rows = table(respondents, form_columns, before=["start", "end"])
    path = write_kobo_xlsx(tmp_path / "kobo.xlsx", rows)
    result, _ = batch(path, tmp_path, "--summary-by", "unit", "--min-group", "2")
    assert "Dinas 0" in result.stderr and "Dinas 1" in result.stderr


# --- LimeSurvey -------------------------------------------------------------------------------


def test_limesurvey_question_codes_and_answer_codes(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    respondents = people(bundled_bank, 8, seed=5)
    form_columns = columns(
        layout,
        header=lambda q: q.code,
        value=lambda c: c.code,
        profile=lambda f: f.name,
        role_value=lambda c: c.code,
    )
    rows = table(respondents, form_columns, before=LIMESURVEY_CODES)
    path = write_csv(
        tmp_path / "results-survey123.csv", rows, quoting=csv.QUOTE_ALL, encoding="utf-8-sig"
    )
    assert '"NA"' in path.read_text(encoding="utf-8-sig")
    assert '"pelak"' in path.read_text(encoding="utf-8-sig") or '"fungs"' in path.read_text(
        encoding="utf-8-sig"
    )
    _, scored = batch(path, tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)


def test_limesurvey_full_question_texts_and_full_answers(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    respondents = people(bundled_bank, 6, seed=6)
    form_columns = columns(
        layout,
        header=lambda q: q.title["en"],
        value=lambda c: c.labels["en"],
        profile=lambda f: f.label["en"],
        role_value=lambda c: c.labels["en"],
    )
    rows = table(respondents, form_columns, before=LIMESURVEY_TEXTS)
    _, scored = batch(write_csv(tmp_path / "results.csv", rows, quoting=csv.QUOTE_ALL), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)


def test_limesurvey_code_and_text_headings(tmp_path, bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    respondents = people(bundled_bank, 6, seed=7)
    form_columns = columns(
        layout,
        header=lambda q: f"{q.code}. {q.title['id']}",
        value=lambda c: c.code,
        profile=lambda f: f"{f.name}. {f.label['id']}",
        role_value=lambda c: c.code,
    )
    rows = table(respondents, form_columns, before=LIMESURVEY_CODES)
    _, scored = batch(write_csv(tmp_path / "results.csv", rows, quoting=csv.QUOTE_ALL), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)


# --- Google Forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "role", "before"),
    [("id", "fungsional", ["Stempel waktu"]), ("en", "pelaksana", ["Timestamp", "Email Address"])],
)
def test_google_forms_titles_and_chosen_texts(tmp_path, bundled_bank, language, role, before):
    layout = form_layout(bundled_bank, [language], role=role)
    respondents = people(bundled_bank, 6, seed=8, role=role)
    form_columns = columns(
        layout,
        header=lambda q: q.title[language],
        value=lambda c: c.labels[language],
        profile=lambda f: f.label[language],
        role_value=lambda c: c.labels[language],
    )
    rows = table(respondents, form_columns, before=before)
    situational = [h for h, _ in form_columns if h.startswith(("Situasi", "Situation"))]
    asked = questions_of(bundled_bank, role)
    assert len(situational) == len(set(situational)) == sum(q.item.is_situational for q in asked)
    assert len(situational) >= 10
    _, scored = batch(write_csv(tmp_path / "Formulir (Jawaban).csv", rows), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)
    assert {r["role"] for r in scored} == {role}


@pytest.mark.parametrize(
    ("language", "before"),
    [("id", ["Stempel waktu"]), ("en", ["Timestamp", "Email Address"])],
)
def test_one_google_form_for_every_role_scores_with_no_mapping(
    tmp_path, bundled_bank, language, before
):
    """The one form that branches by role: its export has a column per question of
    every role, in the order of the form's sections, each respondent's answers in the
    columns of their role's questions only."""
    layout = form_layout(bundled_bank, [language])
    in_form_order = [q for page in role_routes(layout).pages for q in page.section.questions]
    assert sorted(q.item.id for q in in_form_order) == sorted(bundled_bank.items)
    respondents = people(bundled_bank, 12, seed=11)
    assert {p.role for p in respondents} == {r.id for r in bundled_bank.roles}
    form_columns = columns(
        dataclasses.replace(
            layout, sections=tuple(page.section for page in role_routes(layout).pages)
        ),
        header=lambda q: q.title[language],
        value=lambda c: c.labels[language],
        profile=lambda f: f.label[language],
        role_value=lambda c: c.labels[language],
    )
    rows = table(respondents, form_columns, before=before)
    _, scored = batch(write_csv(tmp_path / "Formulir (Jawaban).csv", rows), tmp_path)
    assert_scored_as_score(bundled_bank, scored, respondents)
    assert [r["role"] for r in scored] == [p.role for p in respondents]


def test_the_not_applicable_label_is_what_batch_reads_as_not_applicable(bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    scale_question = layout.questions[0]
    last = scale_question.choices[-1]
    assert last.value == NOT_APPLICABLE
    assert last.labels == {lang: t("form.label.not_applicable", lang) for lang in ("id", "en")}
