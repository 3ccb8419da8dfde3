"""With --pseudonymize, no identifier reaches any output: every output format of
`batch` and `multirater` × every identifier field (the respondent, the person rated,
the rater), from a table and from JSON answer sheets. And the recognition behind it:
identifying columns by their normalised name, NIP digits of any script."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asn_assess.batch.columns import identifier_kind, is_identifying, plan_columns
from asn_assess.batch.pseudonyms import Pseudonymizer, normalise_identifier
from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank

BANK = resolve_bank()
KEY = "kunci-rahasia-unit-0123456789"
TARGET_NIP = "198609262015051001"
TARGET_NIP_TYPED = "19860926 201505 1 001"
TARGET_NAME = "Siti Rahmawati"
RATER_EMAILS = ["rekan.satu@contoh.go.id", "Rekan.Dua@Contoh.go.id", "rekan.tiga@contoh.go.id"]
RATER_NAME = "Bambang Wicaksono"
IDENTIFIERS = [TARGET_NIP, TARGET_NIP_TYPED, TARGET_NAME, RATER_NAME, *RATER_EMAILS]
# Every way the identifiers above could be written into a file: as typed, case-folded,
# or the NIP with its separators in another place.
FORBIDDEN = {text.casefold() for text in IDENTIFIERS} | {"1986092620150", "siti", "bambang"}

runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})
pseudonym = Pseudonymizer(KEY.encode())


def _peer_items() -> list[str]:
    return [item.id for item in BANK.items_asked_of("pelaksana", "rekan")][:8]


def _self_items() -> list[str]:
    return [i.id for i in BANK.items_asked_of("pelaksana", None) if not i.is_situational][:8]


def _table(folder: Path) -> Path:
    """Ratings as a unit collects them: the rater's e-mail, who is rated and how."""
    items = sorted(set(_peer_items()) | set(_self_items()))
    header = ["E-mail", "Nama Pegawai", "target_id", "rater_group", "role", *items]
    rows = [[RATER_EMAILS[0], TARGET_NAME, "", "self", "pelaksana"]]
    rows[0][2] = TARGET_NIP_TYPED
    rows[0] += ["4" if i in _self_items() else "" for i in items]
    for number, email in enumerate(RATER_EMAILS):
        row = [email, RATER_NAME, TARGET_NIP_TYPED, "rekan", "pelaksana"]
        rows.append(row + [str(2 + number) if i in _peer_items() else "" for i in items])
    # A rejected row still names its rater in --errors: by the pseudonym only.
    rows.append(
        [RATER_EMAILS[2], RATER_NAME, TARGET_NIP, "rekan", "pelaksana"] + ["9"] * len(items)
    )
    path = folder / "ratings.csv"
    path.write_text("\n".join(",".join(row) for row in [header, *rows]) + "\n", encoding="utf-8")
    return path


def _sheets(folder: Path) -> Path:
    """The same round as JSON answer sheets: the person's own with their profile, and
    raters' sheets naming the person rated (one rater added their name)."""
    sheets = [
        {
            "bank_id": BANK.id,
            "bank_version": BANK.version,
            "role": "pelaksana",
            "respondent": {"name": TARGET_NAME, "nip": TARGET_NIP_TYPED, "unit": "Dinas A"},
            "answers": {item: 4 for item in _self_items()},
        }
    ]
    for number in range(3):
        sheets.append(
            {
                "bank_id": BANK.id,
                "bank_version": BANK.version,
                "role": "pelaksana",
                "target": TARGET_NIP_TYPED if number else TARGET_NIP,
                "rater_group": "rekan",
                "respondent": {"name": RATER_NAME} if number == 0 else None,
                "answers": {item: 2 + number for item in _peer_items()},
            }
        )
    sheets.append({**sheets[1], "answers": {"disiplin-01": 9}})  # rejected
    path = folder / "ratings.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in sheets), encoding="utf-8")
    return path


def _texts(path: Path) -> list[str]:
    """What a file holds as text: an .xlsx workbook's XML parts, or its bytes."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as book:
            return [book.read(name).decode("utf-8", "replace") for name in book.namelist()]
    return [path.read_bytes().decode("utf-8", "replace")]


def _leaks(texts: list[str]) -> set[str]:
    folded = [text.casefold() for text in texts]
    return {identifier for identifier in FORBIDDEN if any(identifier in t for t in folded)}


@pytest.fixture
def round_files(tmp_path: Path) -> dict[str, Path]:
    key = tmp_path / "key.txt"
    key.write_text(KEY, encoding="utf-8")
    os.chmod(key, 0o600)
    return {"key": key, "table": _table(tmp_path), "sheets": _sheets(tmp_path)}


@pytest.mark.parametrize("source", ["table", "sheets"])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx"])
def test_batch_writes_no_identifier_in_any_format(round_files, tmp_path, source, suffix):
    out, errors = tmp_path / f"results{suffix}", tmp_path / "errors.jsonl"
    summary = tmp_path / "summary.csv"
    result = runner.invoke(
        app,
        [
            "batch",
            str(round_files[source]),
            "-o",
            str(out),
            "--errors",
            str(errors),
            "--pseudonymize",
            "--key-file",
            str(round_files["key"]),
            *(["--summary-by", "unit", "--summary-output", str(summary)] * (source == "sheets")),
        ],
    )
    assert result.exit_code == 0, result.output
    written = [out, errors, *([summary] if source == "sheets" else [])]
    texts = [text for path in written for text in _texts(path)]
    assert _leaks([*texts, result.stdout, result.stderr]) == set()
    # The person rated is there, by the same pseudonym in every row that names them,
    # and the raters by theirs (e-mails folded, so one rater typed two ways is one).
    joined = "\n".join(texts)
    assert pseudonym(TARGET_NIP) in joined
    assert errors.read_text(encoding="utf-8").strip()
    if source == "table":
        assert pseudonym(RATER_EMAILS[1].lower(), "email") in joined
    if suffix == ".jsonl":
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        targets = {line["result"]["target"] for line in lines if line["result"]["target"]}
        assert targets == {pseudonym(TARGET_NIP)}
        assert all(line["result"].get("respondent") is None for line in lines)


@pytest.mark.parametrize("source", ["table", "sheets"])
@pytest.mark.parametrize("form", ["text", "md", "html", "csv", "json"])
def test_multirater_writes_no_identifier_in_any_format(round_files, tmp_path, source, form):
    folder, summary = tmp_path / "reports", tmp_path / "summary.xlsx"
    summary_csv, errors = tmp_path / "summary.csv", tmp_path / "errors.jsonl"
    common = ["--pseudonymize", "--key-file", str(round_files["key"]), "--format", form]
    printed = runner.invoke(app, ["multirater", str(round_files[source]), *common])
    assert printed.exit_code == 0, printed.output
    written = runner.invoke(
        app,
        [
            "multirater",
            str(round_files[source]),
            *common,
            "-o",
            f"{folder}/",
            "--summary",
            str(summary),
            "--errors",
            str(errors),
        ],
    )
    assert written.exit_code == 0, written.output
    also = runner.invoke(
        app, ["multirater", str(round_files[source]), *common, "--summary", str(summary_csv)]
    )
    assert also.exit_code == 0, also.output
    files = [*folder.iterdir(), summary, summary_csv, errors]
    names = [path.name for path in files]
    texts = [text for path in files for text in _texts(path)]
    outputs = [printed.stdout, printed.stderr, written.stderr, also.stderr]
    assert _leaks([*texts, *names, *outputs]) == set()
    assert f"{pseudonym(TARGET_NIP)}.{'txt' if form == 'text' else form}" in names
    assert pseudonym(TARGET_NIP) in printed.stdout


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("NIP", "nip"),
        ("NIP Baru", "nip"),
        ("nip pegawai", "nip"),
        ("NIP/NI PPPK", "nip"),
        ("Nomor Induk Pegawai", "nip"),
        ("Nama", "name"),
        ("Nama Pegawai", "name"),
        ("nama_lengkap", "name"),
        ("Nama Atasan", "name"),
        ("Full name", "name"),
        ("E-mail", "email"),
        ("Alamat E-mail", "email"),
        ("Email Address", "email"),
        ("email pegawai", "email"),
        ("Nama Unit Kerja", None),
        ("Nama Jabatan", None),
        ("Unit kerja", None),
        ("Saya menjaga nama baik instansi di luar kantor", None),
    ],
)
def test_identifying_columns_are_recognised_by_their_normalised_name(header, kind):
    assert identifier_kind(header) == kind
    assert is_identifying(header) == (kind is not None)


@pytest.mark.parametrize("column", ["NIP Baru", "Nama Pegawai", "E-mail", "nip pegawai"])
def test_summarising_a_pseudonymised_run_by_a_column_naming_people_is_refused(round_files, column):
    result = runner.invoke(
        app,
        [
            "batch",
            str(round_files["table"]),
            "--summary-by",
            column,
            "--pseudonymize",
            "--key-file",
            str(round_files["key"]),
        ],
    )
    assert result.exit_code == 2
    assert column in result.stderr and "Traceback" not in result.stderr


def test_a_column_named_with_other_words_identifies_the_respondent_when_no_plain_one_does():
    items = list(BANK.items)[:2]
    plan = plan_columns(["NIP Baru", "Nama Unit Kerja", *items], BANK)
    assert plan.id_column == 0 and plan.id_kind == "nip"
    # The plain name wins over one with other words, wherever it stands.
    plan = plan_columns(["NIP Atasan", "NIP", *items], BANK)
    assert plan.id_column == 1 and plan.unused == ("NIP Atasan",)


@pytest.mark.parametrize(
    "typed",
    [
        "١٩٨٦٠٩٢٦ ٢٠١٥٠٥ ١ ٠٠١",  # Arabic-Indic
        "۱۹۸۶۰۹۲۶۲۰۱۵۰۵۱۰۰۱",  # Extended Arabic-Indic (Persian keyboards)
        "१९८६०९२६२०१५०५१००१",  # Devanagari
        "１９８６０９２６ ２０１５０５ １ ００１",  # full-width
    ],
)
def test_a_nip_in_any_script_of_digits_gets_the_ascii_nip_pseudonym(typed):
    assert normalise_identifier(typed, "nip") == TARGET_NIP
    assert normalise_identifier(typed) == TARGET_NIP
    assert pseudonym(typed, "nip") == pseudonym(TARGET_NIP, "nip") == pseudonym(TARGET_NIP)
