"""Shared by the form tests: a bank whose every text is hostile (quotes, backslashes,
markup, formulas, expressions, line breaks), running a generated Apps Script under
Node.js, and reading generated files back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

STUB_RUNNER = Path(__file__).parent / "forms" / "run_script.js"

# Texts that would be markup, code or a formula if a writer pasted them raw.
HOSTILE = [
    'Saya "mengutip" \\ dan \\" garis miring </script><script>alert(1)</script>',
    '=HYPERLINK("http://contoh.invalid","klik")',
    "Baris satu\nbaris dua {if(1,2,3)} ${nip} & <b>tebal</b> '; DROP --",
    "+62 nomor",
    "-1 kurang",
    "@SUM(A1:A9)",
    "\ttab di depan, */ akhir komentar //",
]


def toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` (JSON's escapes are TOML's too)."""
    return json.dumps(text, ensure_ascii=False)


def lang_text(id_text: str, en_text: str) -> str:
    return f"{{ id = {toml_string(id_text)}, en = {toml_string(en_text)} }}"


def hostile_bank_toml() -> str:
    """A valid two-language bank with roles whose texts are all hostile."""
    h = HOSTILE
    scale_points = ",\n  ".join(
        f"{{ value = {value}, label = {lang_text(h[value % len(h)] + f' {value}', f'EN {value} ' + h[value - 1])} }}"
        for value in range(1, 6)
    )
    options = ",\n  ".join(
        f'{{ id = "{letter}", score = {score}, text = {lang_text(h[score] + f" {letter}", "EN " + h[score] + f" {letter}")} }}'
        for letter, score in zip("abc", (5, 2, 1), strict=True)
    )
    return f"""\
id = "hostile"
version = "1.0\\"; </script>"
languages = ["id", "en"]
title = {lang_text(h[0], "EN " + h[0])}
description = {lang_text(h[2], "EN " + h[2])}

[[roles]]
id = "staf"
label = {lang_text("Staf " + h[1], "Staff " + h[1])}

[[roles]]
id = "kepala"
label = {lang_text("Kepala " + h[3], "Head " + h[3])}

[[scales]]
id = "setuju"
name = {lang_text("Setuju", "Agree")}
points = [
  {scale_points},
]

[[scales]]
id = "situasi"
name = {lang_text("Situasi", "Situation")}
points = [
  {{ value = 1, label = {lang_text("satu", "one")} }},
  {{ value = 2, label = {lang_text("dua", "two")} }},
  {{ value = 5, label = {lang_text("lima", "five")} }},
]

[[bands]]
id = "rendah"
min = 0
label = {lang_text("Rendah", "Low")}
meaning = {lang_text("Rendah.", "Low.")}

[[pillars]]
id = "pilar"
title = {lang_text(h[1], "EN " + h[1])}
description = {lang_text(h[0], "EN " + h[0])}

[[pillars.indicators]]
id = "ind"
title = {lang_text("Indikator", "Indicator")}

[[pillars.indicators.items]]
id = "item-1"
scale = "setuju"
text = {lang_text(h[0], "EN " + h[0])}

[[pillars.indicators.items]]
id = "item-2"
scale = "setuju"
roles = ["kepala"]
text = {lang_text(h[1], "EN " + h[1])}

[[pillars.indicators.items]]
id = "item-3"
scale = "setuju"
text = {lang_text(h[2], "EN " + h[2])}

[[pillars.indicators.items]]
id = "item-s"
kind = "situational"
scale = "situasi"
scenario = {lang_text(h[6] + " " + h[2], "EN " + h[6])}
text = {lang_text(h[5], "EN " + h[5])}
options = [
  {options},
]

[[pillars]]
id = "dua"
title = {lang_text(h[4], "EN " + h[4])}

[[pillars.indicators]]
id = "ind2"
title = {lang_text("Indikator dua", "Indicator two")}

[[pillars.indicators.items]]
id = "item-4"
scale = "setuju"
text = {lang_text(h[3], "EN " + h[3])}
"""


def node_or_skip() -> str:
    """The Node.js executable; the test is skipped, saying why, where there is none."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip(
            "Node.js is not installed, so the generated Apps Script cannot be run "
            "(.ci/run installs it with apt-get install -y nodejs)"
        )
    return node


def run_apps_script(script: Path) -> dict[str, Any]:
    """What the script builds when run against the FormApp stand-in."""
    node = node_or_skip()
    done = subprocess.run(
        [node, str(STUB_RUNNER), str(script)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def walk(form: dict[str, Any], answers: dict[str, str]) -> list[str]:
    """The titles of the questions a respondent sees, page by page, in a form built by
    the FormApp stand-in, answering each question with a navigation by ``answers``
    (title -> chosen text), as Google Forms moves between sections: a chosen answer's
    section first, else the "after section" set on the next page break, else the next
    page; after the last page, or at SUBMIT, the form is submitted."""
    items = form["items"]
    starts = [0] + [n for n, item in enumerate(items) if item["kind"] == "PAGE_BREAK"]
    seen: list[str] = []
    page, visited = 0, set()
    while page is not None:
        assert page not in visited, f"the form loops back to page {page}"
        visited.add(page)
        start = starts[page] + (1 if page else 0)
        end = starts[page + 1] if page + 1 < len(starts) else len(items)
        target = None
        for item in items[start:end]:
            if item["kind"] == "PAGE_BREAK":
                continue
            seen.append(item["title"])
            if item.get("navigation") and item["title"] in answers:
                chosen = item["choices"].index(answers[item["title"]])
                target = item["navigation"][chosen]
        if target is None and page + 1 < len(starts):
            target = items[starts[page + 1]].get("goTo") or {"page": starts[page + 1]}
        if target is None or target.get("type") == "SUBMIT":
            page = None
        else:
            assert "page" in target, target
            page = starts.index(target["page"])
    return seen
