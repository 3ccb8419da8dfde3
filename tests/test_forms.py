"""`asn-assess form export`: the XLSForm (converted with pyxform, as KoboToolbox and ODK
convert it), the LimeSurvey survey structure (parsed as LimeSurvey's importer reads
it), the Google Apps Script (run under Node.js against a FormApp stand-in), the
command's choices of platform, language and file, and texts that must stay texts.

That the exports of these forms score without a mapping is test_forms_round_trip.py's
job.
"""

from __future__ import annotations

import csv
import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from pyxform import xls2xform
from typer.testing import CliRunner

from asn_assess.batch.columns import DEFAULT_ROLE_HEADERS, PROFILE_HEADERS
from asn_assess.cli import app
from asn_assess.core.answers import NOT_APPLICABLE_SPELLINGS, normalise_header, normalise_label
from asn_assess.core.bank import parse_bank
from asn_assess.core.i18n import LANGUAGES, t
from asn_assess.forms.layout import (
    LIMESURVEY_RESERVED,
    NIP_PATTERN,
    bank_codes,
    form_layout,
    item_choices,
)
from asn_assess.interactive.questionnaire import questions_of
from form_helpers import HOSTILE, hostile_bank_toml, run_apps_script, walk

runner = CliRunner()
XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"
ID, EN = "Bahasa Indonesia (id)", "English (en)"


def export(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, ["form", "export", *args], env=env)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


@pytest.fixture(scope="module")
def hostile_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "hostile.toml"
    path.write_text(hostile_bank_toml(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_bank(hostile_path):
    return parse_bank(hostile_path.read_text(encoding="utf-8"), str(hostile_path))


# --- XLSForm ---------------------------------------------------------------------------------


def xform_of(path: Path) -> ET.Element:
    converted = xls2xform.convert(xlsform=str(path), validate=False, warnings=[])
    return ET.fromstring(converted.xform)


def translations(xform: ET.Element) -> dict[str, dict[str, str]]:
    """Language -> itext id -> text."""
    found = {}
    for translation in xform.iter(f"{XF}translation"):
        found[translation.get("lang")] = {
            text.get("id"): "".join(value.itertext())
            for text in translation.iter(f"{XF}text")
            for value in text.iter(f"{XF}value")
        }
    return found


def binds(xform: ET.Element) -> dict[str, dict[str, str]]:
    return {bind.get("nodeset"): dict(bind.attrib) for bind in xform.iter(f"{XF}bind")}


def choice_names(xform: ET.Element) -> dict[str, list[str]]:
    """Choice list (secondary instance id) -> choice names in order."""
    return {
        instance.get("id"): [item.findtext(f"{XF}name") for item in instance.iter(f"{XF}item")]
        for instance in xform.iter(f"{XF}instance")
        if instance.get("id")
    }


def selects(xform: ET.Element) -> dict[str, str]:
    """Field path -> the choice list its itemset reads, for every select_one."""
    body = xform.find(f"{H}body")
    found = {}
    for select in body.iter(f"{XF}select1"):
        nodeset = select.find(f"{XF}itemset").get("nodeset")
        found[select.get("ref")] = re.match(r"instance\('([^']+)'\)", nodeset).group(1)
    return found


def test_xlsform_converts_with_pyxform_and_holds_every_item_choice_and_language(
    tmp_path, bundled_bank
):
    result = export("-o", str(tmp_path / "form.xlsx"))
    assert result.exit_code == 0, result.stderr
    xform = xform_of(tmp_path / "form.xlsx")

    data = xform.find(f".//{XF}instance/{XF}data")
    assert (data.get("id"), data.get("version")) == ("asn-profesional", bundled_bank.version)
    found = selects(xform)
    items = {ref.rsplit("/", 1)[-1]: ref for ref in found}
    assert set(items) == set(bundled_bank.items) | {"role"}
    assert len(found) == len(bundled_bank.items) + 1 > 100
    # One group per pillar, indicator names nowhere, in the order `start` asks.
    groups = [g.get("ref") for g in xform.find(f"{H}body").findall(f"{XF}group")]
    assert groups == ["/data/profil", "/data/diri", "/data/organisasi", "/data/program"]
    order = [ref.rsplit("/", 1)[-1] for ref in found if not ref.endswith("/role")]
    assert order == [q.item.id for q in questions_of(bundled_bank)]

    lists = choice_names(xform)
    for item_id, item in bundled_bank.items.items():
        values = lists[found[items[item_id]]]
        if item.is_situational:
            assert values == [o.id for o in item.options]
        else:
            points = [str(p.value) for p in bundled_bank.scale_of(item).points]
            assert values == [*points, "na"]
    assert lists["roles"] == ["pelaksana", "fungsional", "struktural"]

    texts = translations(xform)
    assert set(texts) == {ID, EN}
    item = bundled_bank.items["disiplin-01"]
    assert texts[ID][f"{items['disiplin-01']}:label"] == item.text["id"]
    assert texts[EN][f"{items['disiplin-01']}:label"] == item.text["en"]
    situational = bundled_bank.items["disiplin-s1"]
    assert texts[EN][f"{items['disiplin-s1']}:hint"] == situational.scenario["en"]
    assert texts[ID]["scale_frekuensi-5"] == "Tidak berlaku"
    assert texts[EN]["scale_frekuensi-5"] == "Not applicable"


def test_xlsform_titles_are_unique_even_for_repeated_situational_stems(tmp_path, bundled_bank):
    assert export("-o", str(tmp_path / "form.xlsx")).exit_code == 0
    texts = translations(xform_of(tmp_path / "form.xlsx"))
    stems = {item.text["id"] for item in bundled_bank.items.values() if item.is_situational}
    assert "Apa yang Anda lakukan?" in stems  # one stem for most situational items
    for language in (ID, EN):
        labels = [
            text
            for key, text in texts[language].items()
            if key.endswith(":label")
            and key.rsplit(":")[0].rsplit("/", 1)[-1] in bundled_bank.items
        ]
        assert len(labels) == len(bundled_bank.items)
        assert len({normalise_header(label) for label in labels}) == len(labels)


def test_xlsform_nip_constraint_role_relevance_and_settings(tmp_path, bundled_bank):
    assert export("-o", str(tmp_path / "form.xlsx")).exit_code == 0
    xform = xform_of(tmp_path / "form.xlsx")
    bound = binds(xform)
    nip = bound["/data/profil/nip"]
    assert nip["constraint"] == f"regex(., '{NIP_PATTERN}')"
    assert "{http://openrosa.org/javarosa}constraintMsg" in nip
    assert bound["/data/profil/role"]["required"] == "true()"
    for item in bundled_bank.items.values():
        path = next(p for p in bound if p.endswith(f"/{item.id}"))
        relevant = bound[path].get("relevant", "")
        for role in bundled_bank.roles:
            assert (f"'{role.id}'" in relevant) == bool(item.roles and role.id in item.roles)
    # The pattern accepts NIPs as people type them and refuses what is not one.
    pattern = re.compile(NIP_PATTERN)
    assert pattern.match("198609262015051001") and pattern.match("19860926 201505 1 001")
    for bad in ("19860926201505300", "198613262015051001", "198609262015133001", "12345"):
        assert not pattern.match(bad), bad


def test_xlsform_for_one_role_records_the_role_and_asks_only_its_items(tmp_path, bundled_bank):
    result = export("--role", "pelaksana", "--lang", "en", "-o", str(tmp_path / "p.xlsx"))
    assert result.exit_code == 0, result.stderr
    xform = xform_of(tmp_path / "p.xlsx")
    asked = [ref.rsplit("/", 1)[-1] for ref in selects(xform)]
    assert asked == [q.item.id for q in questions_of(bundled_bank, "pelaksana")]
    assert binds(xform)["/data/role"]["calculate"] == "'pelaksana'"
    assert set(translations(xform)) == {EN}
    assert xform.find(f".//{XF}instance/{XF}data").get("id") == "asn-profesional-pelaksana"


def test_xlsform_cells_are_text_never_formulas(tmp_path, hostile_path, hostile_bank):
    result = export("--bank", str(hostile_path), "-o", str(tmp_path / "h.xlsx"))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(tmp_path / "h.xlsx")
    assert book.sheetnames == ["survey", "choices", "settings"]
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    values.append(cell.value)
    for text in (HOSTILE[1], HOSTILE[3], HOSTILE[4], HOSTILE[5] + " a"):
        assert any(text in value for value in values), text
    # pyxform converts it, and every label comes back as written (a reference is
    # broken by a zero-width space, so that it stays text).
    texts = translations(xform_of(tmp_path / "h.xlsx"))
    labels = set(texts[ID].values()) | set(texts[EN].values())
    for item in hostile_bank.items.values():
        for text in item.text.values():
            assert text.replace("${", "$\u200b{") in labels or item.is_situational
    for option in hostile_bank.items["item-s"].options:
        assert option.text["en"].replace("${", "$\u200b{") in labels


# --- LimeSurvey ------------------------------------------------------------------------------


def lss_rows(path: Path) -> list[dict[str, str]]:
    """The rows as LimeSurvey's importer reads them: tab-separated, '"' quoting."""
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t", quotechar='"'))


def test_limesurvey_structure_has_every_group_item_answer_code_and_language(tmp_path, bundled_bank):
    result = export("--format", "limesurvey", "-o", str(tmp_path / "survey.txt"))
    assert result.exit_code == 0, result.stderr
    rows = lss_rows(tmp_path / "survey.txt")
    settings = {r["name"]: r["text"] for r in rows if r["class"] == "S"}
    assert settings["language"] == "id" and settings["additional_languages"] == "en"
    groups = [(r["type/scale"], r["language"], r["name"]) for r in rows if r["class"] == "G"]
    pillars = [p.title for p in bundled_bank.pillars]
    assert groups == [
        ("G1", "id", "Profil"),
        ("G1", "en", "Profile"),
        *[
            (f"G{n}", lang, html.escape(title[lang]))
            for n, title in enumerate(pillars, start=2)
            for lang in ("id", "en")
        ],
    ]
    codes = bank_codes(bundled_bank).codes
    questions = {}
    current = None
    for row in rows:
        if row["class"] == "Q":
            current = (row["name"], row["language"])
            questions[current] = {"row": row, "answers": []}
        elif row["class"] == "A":
            assert row["language"] == current[1]
            questions[current]["answers"].append(row["name"])
    order = [code for code, lang in questions if lang == "id"]
    assert order == ["nip", "unit", "position", "role"] + [
        codes[q.item.id] for q in questions_of(bundled_bank)
    ]
    for item_id, item in bundled_bank.items.items():
        expected = [c.code for c in item_choices(bundled_bank, item)]
        assert expected[-1] == ("e" if item.is_situational else "NA")
        for language in ("id", "en"):
            asked = questions[(codes[item_id], language)]
            assert asked["row"]["type/scale"] == "L"
            assert asked["answers"] == expected
            title = bank_codes(bundled_bank).titles[item_id][language]
            assert html.unescape(asked["row"]["text"]) == title
    assert questions[("role", "id")]["answers"] == ["pelak", "fungs", "struk"]
    struktural = next(i for i in bundled_bank.items.values() if i.roles == ("struktural",))
    assert questions[(codes[struktural.id], "id")]["row"]["relevance"] == "role.NAOK == 'struk'"
    assert questions[("nip", "en")]["row"]["validation"] == f"/{NIP_PATTERN}/"


def test_limesurvey_for_one_role_records_the_role_in_a_hidden_equation(tmp_path, bundled_bank):
    result = export("--role", "Jabatan dengan bawahan", "-o", str(tmp_path / "s.txt"))
    assert result.exit_code == 0, result.stderr
    rows = lss_rows(tmp_path / "s.txt")
    (role_id, role_en) = [r for r in rows if r["class"] == "Q" and r["name"] == "role"]
    assert (role_id["type/scale"], role_id["text"], role_id["hidden"]) == ("*", "struktural", "1")
    assert role_en["language"] == "en"
    codes = bank_codes(bundled_bank).codes
    asked = [r["name"] for r in rows if r["class"] == "Q" and r["language"] == "id"]
    assert asked[4:] == [codes[q.item.id] for q in questions_of(bundled_bank, "struktural")]
    assert {r["relevance"] for r in rows if r["class"] == "Q"} == {"1"}
    settings = {r["name"]: r["text"] for r in rows if r["class"] == "SL" and r["language"] == "en"}
    assert settings["surveyls_title"].endswith("(Position with subordinates)")


def test_limesurvey_codes_follow_its_rules(bundled_bank):
    """Letters and digits, a letter first, at most 20, unique, no reserved word;
    answer codes 1-5 letters or digits."""
    codes = list(bank_codes(bundled_bank).codes.values())
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,19}", code) for code in codes), codes
    assert len({c.casefold() for c in codes}) == len(codes) == len(bundled_bank.items)
    assert not {c.casefold() for c in codes} & {w.casefold() for w in LIMESURVEY_RESERVED}
    assert codes[:2] == ["disiplin01", "disiplin02"]
    for item in bundled_bank.items.values():
        answer_codes = [c.code for c in item_choices(bundled_bank, item)]
        assert all(re.fullmatch(r"[A-Za-z0-9]{1,5}", code) for code in answer_codes)
        assert len(set(answer_codes)) == len(answer_codes)


def test_limesurvey_codes_of_awkward_ids_stay_within_the_rules(build_bank, small_bank_text):
    text = small_bank_text.replace(
        'id = "a1-1"', 'id = "1-sangat-panjang-sekali-sampai-lewat-batas-01"'
    )
    text = text.replace('id = "a1-2"', 'id = "self"').replace('id = "a1-3"', 'id = "nip"')
    text = text.replace('id = "a2-1"', 'id = "a2.1"').replace('id = "a2-2"', 'id = "a21"')
    bank = build_bank(text)
    codes = bank_codes(bank)
    values = list(codes.codes.values())
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,19}", code) for code in values), values
    assert len({c.casefold() for c in values}) == len(values)
    assert codes.codes["self"].casefold() != "self" and codes.codes["nip"] != "nip"
    # Names are XML names, and no code is another item's name (batch reads both).
    assert codes.names["1-sangat-panjang-sekali-sampai-lewat-batas-01"].startswith("q1")
    names = {n.casefold(): i for i, n in codes.names.items()}
    for item_id, code in codes.codes.items():
        assert names.get(code.casefold(), item_id) == item_id


def test_limesurvey_texts_are_escaped_html_with_no_expression(tmp_path, hostile_path, hostile_bank):
    result = export("--bank", str(hostile_path), "-o", str(tmp_path / "h.txt"))
    assert result.exit_code == 0, result.stderr
    raw = (tmp_path / "h.txt").read_text(encoding="utf-8")
    lines = raw.splitlines()
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)  # no tab in a text
    assert '"' not in raw and "</script>" not in raw and "{if(" not in raw
    texts = set()
    for row in lss_rows(tmp_path / "h.txt"):
        if row["class"] in ("Q", "A", "G", "SL"):
            for field in ("text", "help", "name"):
                texts.add(html.unescape(row[field].replace("<br />", "\n")))
    for item in hostile_bank.items.values():
        assert item.text["id"].strip() in texts or item.is_situational
        assert item.text["en"].strip() in texts or item.is_situational
    assert hostile_bank.items["item-s"].scenario["id"].strip() in texts
    for option in hostile_bank.items["item-s"].options:
        assert option.text["id"] in texts


# --- Google Forms ----------------------------------------------------------------------------


def test_apps_script_builds_the_form_section_by_section(tmp_path, bundled_bank):
    result = export("--role", "struktural", "--lang", "en", "-o", str(tmp_path / "form.gs"))
    assert result.exit_code == 0, result.stderr
    built = run_apps_script(tmp_path / "form.gs")
    (form,) = built["forms"]
    layout = form_layout(bundled_bank, ["en"], "struktural")
    questions = [i for i in form["items"] if i["kind"] == "MULTIPLE_CHOICE"]
    asked = questions_of(bundled_bank, "struktural")
    assert len(questions) == len(asked) + 1  # and the role
    role, *items = questions
    assert (role["title"], role["choices"], role["required"]) == (
        "Role",
        ["Position with subordinates"],
        True,
    )
    titles = [item["title"] for item in items]
    assert titles == [q.title["en"] for q in layout.questions]
    assert len(set(titles)) == len(titles)
    assert titles.count("Situation 1: What do you do?") == 1
    for item, question in zip(items, asked, strict=True):
        expected = [c.labels["en"] for c in item_choices(bundled_bank, question.item)]
        assert item["choices"] == expected
        assert item["helpText"] == (question.item.scenario or {}).get("en", "")
    breaks = [i["title"] for i in form["items"] if i["kind"] == "PAGE_BREAK"]
    assert breaks == [p.title["en"] for p in bundled_bank.pillars]
    text_items = [i for i in form["items"] if i["kind"] == "TEXT"]
    assert [i["title"] for i in text_items] == ["NIP", "Work unit", "Position"]
    assert text_items[0]["validation"]["pattern"] == NIP_PATTERN
    assert "title" in form and form["title"].endswith("(Position with subordinates)")
    assert built["logged"][0].startswith("Form created:")
    script = (tmp_path / "form.gs").read_text(encoding="utf-8")
    assert "password" not in script.casefold().replace("no password", "")


@pytest.mark.parametrize("language", ["id", "en"])
def test_one_google_form_for_every_role_shows_each_role_only_its_questions(
    tmp_path, bundled_bank, language
):
    result = export("--lang", language, "-o", str(tmp_path / "form.gs"))
    assert result.exit_code == 0, result.stderr
    (form,) = run_apps_script(tmp_path / "form.gs")["forms"]
    layout = form_layout(bundled_bank, [language])
    role_title = t("form.label.role", language)
    (role,) = [i for i in form["items"] if i["title"] == role_title]
    assert role["required"] and role["kind"] == "MULTIPLE_CHOICE"
    assert role["choices"] == [r.label[language] for r in bundled_bank.roles]
    assert all(target and "page" in target for target in role["navigation"])
    titles = {q.item.id: q.title[language] for q in layout.questions}
    asked_anywhere = set()
    for bank_role in bundled_bank.roles:
        seen = walk(form, {role_title: bank_role.label[language]})
        profile = [f.label[language] for f in layout.profile]
        assert seen[:4] == [*profile, role_title]
        expected = [titles[q.item.id] for q in questions_of(bundled_bank, bank_role.id)]
        assert sorted(seen[4:]) == sorted(expected), bank_role.id
        assert len(seen) == len(set(seen))  # each question once on a path
        asked_anywhere |= set(seen[4:])
    # Every question of the bank is in the form once, and someone is asked it.
    questions = [i["title"] for i in form["items"] if i["kind"] == "MULTIPLE_CHOICE"]
    assert sorted(questions) == sorted([*titles.values(), role_title])
    assert asked_anywhere == set(titles.values())
    assert "(" not in form["title"]  # not titled for one role


def test_a_google_form_for_crossing_role_sets_is_refused_naming_them(tmp_path, hostile_path):
    text = hostile_path.read_text(encoding="utf-8")
    text = text.replace(
        '[[roles]]\nid = "kepala"',
        '[[roles]]\nid = "tamu"\nlabel = { id = "Tamu", en = "Guest" }\n\n[[roles]]\nid = "kepala"',
    )
    text = text.replace('id = "item-3"\n', 'id = "item-3"\nroles = ["staf", "tamu"]\n')
    text = text.replace('roles = ["kepala"]', 'roles = ["kepala", "staf"]')
    path = tmp_path / "crossing.toml"
    path.write_text(text, encoding="utf-8")
    refused = export("--bank", str(path), "--lang", "id", "-o", str(tmp_path / "f.gs"))
    assert refused.exit_code == 1, refused.stderr
    assert "kepala, staf" in refused.stderr and "staf, tamu" in refused.stderr
    assert "--role" in refused.stderr and not (tmp_path / "f.gs").exists()
    one_role = export("--bank", str(path), "--role", "staf", "-o", str(tmp_path / "f.gs"))
    assert one_role.exit_code == 0, one_role.stderr


def test_apps_script_keeps_hostile_texts_as_data(tmp_path, hostile_path, hostile_bank):
    result = export(
        "--bank",
        str(hostile_path),
        "--role",
        "kepala",
        "--lang",
        "id",
        "-o",
        str(tmp_path / "h.gs"),
    )
    assert result.exit_code == 0, result.stderr
    script = (tmp_path / "h.gs").read_text(encoding="utf-8")
    for text in HOSTILE:
        if any(mark in text for mark in ('"', "\\", "\n", "\t", "<")):
            assert text not in script  # never pasted raw into the code
    assert "</script>" not in script
    # The code around the data is the same whatever the bank says.
    plain = export("--role", "pelaksana", "-o", str(tmp_path / "plain.gs"))
    assert plain.exit_code == 0, plain.stderr
    code = (tmp_path / "plain.gs").read_text(encoding="utf-8")
    assert script.split("function createForm()")[1] == code.split("function createForm()")[1]
    assert script.split("const FORM")[0] == code.split("const FORM")[0]
    (form,) = run_apps_script(tmp_path / "h.gs")["forms"]
    assert form["title"].startswith(HOSTILE[0])
    items = [i for i in form["items"] if i["kind"] == "MULTIPLE_CHOICE"][1:]
    assert [i["title"] for i in items[:3]] == [
        hostile_bank.items[i].text["id"] for i in ("item-1", "item-2", "item-3")
    ]
    situational = items[3]
    assert situational["helpText"] == hostile_bank.items["item-s"].scenario["id"]
    assert situational["choices"] == [o.text["id"] for o in hostile_bank.items["item-s"].options]


def test_without_node_the_script_tests_are_skipped_saying_why(monkeypatch):
    import form_helpers

    monkeypatch.setattr(form_helpers.shutil, "which", lambda name: None)
    with pytest.raises(pytest.skip.Exception, match="Node.js is not installed"):
        form_helpers.node_or_skip()


# --- the command -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"), [("f.xlsx", "xlsx"), ("f.txt", "text"), ("f.tsv", "text"), ("f.gs", "script")]
)
def test_the_platform_follows_the_suffix(tmp_path, name, kind):
    extra = ["--role", "pelaksana"] if name.endswith(".gs") else []
    result = export("-o", str(tmp_path / name), *extra)
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / name).read_bytes()
    assert data.startswith(b"PK") == (kind == "xlsx")
    assert data.startswith(b"class\t") == (kind == "text")
    assert (b"function createForm()" in data) == (kind == "script")


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "gforms", "-o", "f.xlsx"],  # suffix of another platform
        ["--format", "xlsform", "-o", "f.txt"],
        ["-o", "f.lss"],  # LimeSurvey's XML, which this is not
        ["-o", "f.dat"],  # no platform named
        ["--format", "spss", "-o", "f.xlsx"],
        ["--lang", "fr", "-o", "f.xlsx"],
        ["--role", "kepala-dinas", "-o", "f.xlsx"],
        ["--format", "gforms", "--lang", "both", "--role", "pelaksana", "-o", "f.gs"],
        [],  # no output
    ],
)
def test_options_that_make_no_form_exit_2_with_one_line(tmp_path, args):
    args = [str(tmp_path / a) if a.startswith("f.") else a for a in args]
    result = export(*args)
    assert result.exit_code == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("galat: ")
    assert list(tmp_path.iterdir()) == []


def test_a_form_with_a_stated_format_may_have_any_other_name(tmp_path):
    result = export("--format", "limesurvey", "-o", str(tmp_path / "survei"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "survei").read_text(encoding="utf-8").startswith("class\t")


def test_the_bank_file_is_never_the_output(tmp_path, hostile_path):
    before = hostile_path.read_bytes()
    result = export("--bank", str(hostile_path), "--format", "limesurvey", "-o", str(hostile_path))
    assert result.exit_code == 2
    assert "bank" in result.stderr
    assert hostile_path.read_bytes() == before
    link = tmp_path / "link.toml"
    link.symlink_to(hostile_path)
    assert export("--bank", str(hostile_path), "-f", "xlsform", "-o", str(link)).exit_code == 2
    assert hostile_path.read_bytes() == before


def test_an_existing_output_needs_force_and_is_replaced_whole(tmp_path):
    target = tmp_path / "form.xlsx"
    target.write_bytes(b"keep me")
    refused = export("-o", str(target))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_bytes() == b"keep me"
    forced = export("-o", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.xlsx"]  # no temporary left


def test_no_profile_leaves_the_profile_out(tmp_path):
    assert export("--no-profile", "-o", str(tmp_path / "f.txt")).exit_code == 0
    codes = [r["name"] for r in lss_rows(tmp_path / "f.txt") if r["class"] == "Q"]
    assert "nip" not in codes and "role" in codes


@pytest.mark.parametrize(
    ("language", "wrote", "error"),
    [("id", "menulis", "galat: sebutkan"), ("en", "wrote", "error: name the")],
)
def test_messages_follow_the_interface_language(tmp_path, language, wrote, error):
    env = {"ASN_ASSESS_LANG": language}
    done = export("-o", str(tmp_path / "f.txt"), env=env)
    assert done.exit_code == 0 and done.stderr.startswith(wrote), done.stderr
    assert "asn-assess batch" in done.stderr
    assert export(env=env).stderr.startswith(error)


@pytest.mark.parametrize(("language", "example"), [("id", "Contoh:"), ("en", "Example:")])
def test_help_is_written_in_both_languages(language, example):
    done = subprocess.run(
        [sys.executable, "-m", "asn_assess", "form", "export", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "ASN_ASSESS_LANG": language, "COLUMNS": "100"},
    )
    assert done.returncode == 0, done.stderr
    assert example in done.stdout and "--format" in done.stdout


# --- texts inside forms ----------------------------------------------------------------------


def test_form_labels_exist_in_both_languages_and_batch_recognises_them():
    for language in LANGUAGES:
        assert normalise_label(t("form.label.not_applicable", language)) in NOT_APPLICABLE_SPELLINGS
        assert normalise_header(t("form.label.unit", language)) in PROFILE_HEADERS["unit"]
        assert normalise_header(t("form.label.position", language)) in PROFILE_HEADERS["position"]
        assert normalise_header(t("form.label.nip", language)) in PROFILE_HEADERS["nip"]
        assert normalise_header(t("form.label.role", language)) in DEFAULT_ROLE_HEADERS


def test_a_question_whose_choices_read_the_same_is_refused(build_bank, small_bank_text):
    from asn_assess.forms.layout import FormError

    bank = build_bank(
        small_bank_text.replace('text = { id = "Pilihan y" }', 'text = { id = "Pilihan x" }')
    )
    with pytest.raises(FormError) as caught:
        form_layout(bank, ["id"])
    assert "a1-s" in str(caught.value)


def test_layout_is_the_order_start_asks(bundled_bank):
    layout = form_layout(bundled_bank, ["id", "en"])
    assert [q.item.id for q in layout.questions] == [q.item.id for q in questions_of(bundled_bank)]
