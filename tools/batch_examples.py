"""Write the survey exports of docs/batch.md ("Survey platforms, one by one") for the
small bank docs/examples/contoh.toml: Google Forms exports of a form with a question
per statement and of one with a grid, a Microsoft Forms Excel download, a LimeSurvey
array export with its mapping file, and a KoboToolbox export.

    python tools/batch_examples.py          # rewrites them in docs/examples/

Each is shaped as the platform writes it, and holds the traps an HR unit meets: a
person who sent the form twice, answers of "not applicable", and in the Google Forms
export a NIP that Excel turned into 1.98609E+17. tests/test_batch_exports.py scores
them and checks what docs/batch.md says of them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from asn_assess.core.bank import load_bank

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
BANK = load_bank(EXAMPLES / "contoh.toml")
SCALE_ITEMS = [item for item in BANK.items.values() if not item.is_situational]
SITUATIONAL = next(item for item in BANK.items.values() if item.is_situational)

PEOPLE = [
    # name, NIP, e-mail, unit, position
    (
        "Budi Santoso",
        "198609262015051001",
        "budi@contoh.go.id",
        "Bagian Umum",
        "Analis Kepegawaian",
    ),
    ("Ani Lestari", "198701012010012002", "ani@contoh.go.id", "Bagian Umum", "Pengadministrasi"),
    ("Citra Dewi", "198803152012012003", "citra@contoh.go.id", "Bagian Keuangan", "Bendahara"),
    (
        "Dedi Kurnia",
        "199001202014031004",
        "dedi@contoh.go.id",
        "Bagian Keuangan",
        "Analis Anggaran",
    ),
    ("Eko Prasetyo", "198512302009011005", "eko@contoh.go.id", "Bagian Umum", "Pranata Komputer"),
    (
        "Fitri Handayani",
        "199205052019032006",
        "fitri@contoh.go.id",
        "Bagian Keuangan",
        "Pengelola Keuangan",
    ),
]
# Each person's answers: one per scale item (1-5, or "na"), then the option chosen.
ANSWERS = [
    [4, 2, 5, 4, 5, 4, 3, 4, 5, 1, "b"],
    [3, 3, 4, 4, 4, 3, "na", 3, 4, 2, "d"],
    [5, 1, 5, 5, 5, 5, 4, 5, 5, 1, "b"],
    [2, 4, 3, 3, 2, 2, 2, 3, 3, 4, "a"],
    [4, 2, 4, 4, 3, 4, 4, "na", 4, 2, "e"],
    [5, 2, 4, 5, 4, 5, 5, 4, 5, 1, "b"],
]
RESUBMITTED = [4, 1, 5, 4, 5, 5, 4, 4, 5, 1, "b"]  # Budi's second submission, a day later


def label(value: object, language: str = "id") -> str:
    """An answer as a form shows it: the scale point's label, or "Tidak berlaku"."""
    if value == "na":
        return "Tidak berlaku" if language == "id" else "Not applicable"
    point = BANK.scale_of(SCALE_ITEMS[0]).point(int(value))  # type: ignore[call-overload]
    assert point is not None
    return point.label[language]


def option_text(option_id: str) -> str:
    option = SITUATIONAL.option(option_id)
    assert option is not None
    return option.text["id"]


def situational_title() -> str:
    return _situational_title("id")


def _situational_title(language: str) -> str:
    assert SITUATIONAL.scenario is not None
    return f"{SITUATIONAL.scenario[language]} {SITUATIONAL.text[language]}"


def google_forms() -> str:
    """A Google Forms CSV download: one grid of statements, its rows as Google writes
    them (one without its final period, one numbered by the form's author, one in
    capitals), the scenario as a multiple-choice question."""
    grid = "Seberapa setuju Anda dengan pernyataan berikut tentang pekerjaan Anda?"
    rows = []
    for number, item in enumerate(SCALE_ITEMS):
        text = item.text["id"]
        if number == 1:
            text = text.rstrip(".")
        elif number == 4:
            text = f"5. {text}"
        elif number == 8:
            text = text.upper()
        rows.append(f"{grid} [{text}]")
    header = ["Timestamp", "Email Address", "Nama", "NIP", "Unit kerja", "Jabatan", *rows,
              situational_title()]  # fmt: skip
    lines = [header]
    times = [f"2024/05/0{day} {hour}:{minute:02d}:{second:02d} AM GMT+7"
             for day, hour, minute, second in
             [(2, 8, 5, 11), (2, 8, 40, 2), (2, 9, 12, 45), (3, 7, 58, 30), (3, 9, 1, 9),
              (3, 10, 22, 51)]]  # fmt: skip
    for (name, nip, email, unit, position), answers, when in zip(
        PEOPLE, ANSWERS, times, strict=True
    ):
        if name.startswith("Dedi"):
            nip = "1.99001E+17"  # opened and saved in Excel: the NIP became a number
        cells = [label(value) for value in answers[:-1]] + [option_text(str(answers[-1]))]
        lines.append([when, email, name, nip, unit, position, *cells])
    # Budi sends the form again the next day, typing his NIP with spaces.
    name, nip, email, unit, position = PEOPLE[0]
    cells = [label(value) for value in RESUBMITTED[:-1]] + [option_text(str(RESUBMITTED[-1]))]
    lines.append(["2024/05/03 11:30:05 AM GMT+7", email, name, "19860926 201505 1 001", unit,
                  position, *cells])  # fmt: skip
    return _csv(lines)


def google_forms_questions() -> str:
    """A Google Forms CSV download of a form with one question per statement, in
    English, titled with the statements' texts; the answers are the option labels."""
    header = ["Timestamp", "Email Address", "NIP", "Unit kerja",
              *(item.text["en"] for item in SCALE_ITEMS), _situational_title("en")]  # fmt: skip
    lines = [header]
    for number, ((_, nip, email, unit, _), answers) in enumerate(
        zip(PEOPLE, ANSWERS, strict=True), start=1
    ):
        option = SITUATIONAL.option(str(answers[-1]))
        assert option is not None
        cells = [label(value, "en") for value in answers[:-1]] + [option.text["en"]]
        lines.append([f"5/{number}/2024 9:1{number}:00", email, nip, unit, *cells])
    return _csv(lines)


def kobotoolbox() -> str:
    """A KoboToolbox CSV export (XML values and names, ';' between fields) of a form
    grouped by pillar: columns named by the group path, answers as choice names."""
    pillar_of = {
        item.id: pillar.id
        for pillar in BANK.pillars
        for indicator in pillar.indicators
        for item in indicator.items
    }
    items = [*SCALE_ITEMS, SITUATIONAL]
    header = ["start", "end", "today", "profil/nip", "profil/unit",
              *(f"{pillar_of[item.id]}/{item.id}" for item in items),
              "_id", "_uuid", "_submission_time", "_index"]  # fmt: skip
    lines = [header]
    for number, ((_, nip, _, unit, _), answers) in enumerate(
        zip(PEOPLE, ANSWERS, strict=True), start=1
    ):
        began = f"2024-05-0{number}T09:00:00.000+07:00"
        ended = f"2024-05-0{number}T09:07:30.000+07:00"
        cells = [str(value) for value in answers]
        lines.append([began, ended, f"2024-05-0{number}", nip, unit, *cells, 100 + number,
                      f"7f3c9d2e-000{number}", f"2024-05-0{number}T02:07:31", number])  # fmt: skip
    return _csv(lines, delimiter=";")


LIMESURVEY_CODES = [f"SIKAP[SQ{n:03d}]" for n in range(1, len(SCALE_ITEMS) + 1)]


def limesurvey() -> str:
    """A LimeSurvey export with question codes as headings and answer codes as
    answers: the statements as one array question SIKAP, the scenario as SIT1."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
              "datestamp", "NIP", "UNIT", *LIMESURVEY_CODES, "SIT1"]  # fmt: skip
    lines = [header]
    for number, ((_, nip, _, unit, _), answers) in enumerate(
        zip(PEOPLE, ANSWERS, strict=True), start=1
    ):
        codes = ["NA" if value == "na" else f"A{value}" for value in answers[:-1]]
        option = f"AO0{'abcde'.index(str(answers[-1])) + 1}"
        submitted = f"2024-05-02 1{number}:00:00"
        lines.append([number, submitted, 3, "id", 1000 + number, f"2024-05-02 1{number}:-05:00"
                      .replace(":-", ":"), submitted, nip, unit, *codes, option])  # fmt: skip
    return _csv(lines)


def limesurvey_mapping() -> str:
    columns = "\n".join(
        f'"{code}" = "{item.id}"' for code, item in zip(LIMESURVEY_CODES, SCALE_ITEMS, strict=True)
    )
    options = "\n".join(f'"AO0{n}" = "{letter}"' for n, letter in enumerate("abcde", start=1))
    return (
        "# LimeSurvey: the array question SIKAP and the list question SIT1 of a survey\n"
        "# built by hand, exported with question codes and answer codes.\n"
        "[columns]\n"
        f"{columns}\n"
        f'"SIT1" = "{SITUATIONAL.id}"\n\n'
        "[labels]\n" + "\n".join(f'"A{n}" = {n}' for n in range(1, 6)) + "\n" + options + "\n"
    )


def microsoft_forms(path: Path) -> None:
    """A Microsoft Forms Excel download: ID, Start time, Completion time, Email, Name,
    then one column per question; the Likert question gives one column per statement,
    titled with the statement. Times are Excel date-times."""
    from asn_assess.core.files import text_safe_workbook

    buffer = io.BytesIO()
    book = text_safe_workbook(buffer)
    book.set_properties({"created": dt.datetime(2024, 5, 6, 9, 0, 0)})
    sheet = book.add_worksheet("Sheet1")
    when = book.add_format({"num_format": "m/d/yy h:mm:ss"})
    header = ["ID", "Start time", "Completion time", "Email", "Name", "NIP", "Unit kerja",
              *(item.text["id"] for item in SCALE_ITEMS), situational_title()]  # fmt: skip
    sheet.write_row(0, 0, header)
    start = dt.datetime(2024, 5, 6, 8, 0, 0)
    rows = [*zip(PEOPLE, ANSWERS, strict=True), (PEOPLE[2], ANSWERS[2])]  # Citra sent it twice
    for number, ((name, nip, email, unit, _), answers) in enumerate(rows, start=1):
        began = start + dt.timedelta(minutes=17 * number)
        finished = began + dt.timedelta(minutes=4, seconds=13 * number)
        sheet.write_number(number, 0, number)
        sheet.write_datetime(number, 1, began, when)
        sheet.write_datetime(number, 2, finished, when)
        cells = [email, name, nip, unit]
        cells += [label(value) for value in answers[:-1]] + [option_text(str(answers[-1]))]
        sheet.write_row(number, 3, cells)
    book.close()
    path.write_bytes(buffer.getvalue())


def _csv(rows: list[list[object]], delimiter: str = ",") -> str:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return text.getvalue()


def main() -> None:
    (EXAMPLES / "google-forms-grid.csv").write_text(google_forms(), encoding="utf-8")
    (EXAMPLES / "limesurvey-array.csv").write_text(limesurvey(), encoding="utf-8")
    (EXAMPLES / "limesurvey-array-mapping.toml").write_text(limesurvey_mapping(), encoding="utf-8")
    microsoft_forms(EXAMPLES / "microsoft-forms.xlsx")
    (EXAMPLES / "google-forms.csv").write_text(google_forms_questions(), encoding="utf-8")
    (EXAMPLES / "kobotoolbox.csv").write_text(kobotoolbox(), encoding="utf-8")
    print(f"wrote 6 files to {EXAMPLES}")


if __name__ == "__main__":
    main()
