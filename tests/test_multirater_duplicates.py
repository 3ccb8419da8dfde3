"""One rater, one vote: a rating sent twice, or a second rating by the same rater id,
is set aside with its reason, and the anonymity rules count raters after that."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from asn_assess.cli import app
from asn_assess.core.bank import resolve_bank

BANK = resolve_bank()
PEER_ITEMS = [item.id for item in BANK.items_asked_of("pelaksana", "rekan")][:6]
TARGET = "198609262015051001"
runner = CliRunner(env={"ASN_ASSESS_LANG": "en"})


def _rating(answer: int, minute: int, **extra: object) -> dict[str, object]:
    """A rating file as `start --about ... --as rekan` saves it."""
    return {
        "bank_id": BANK.id,
        "bank_version": BANK.version,
        "role": "pelaksana",
        "target": TARGET,
        "rater_group": "rekan",
        "started_at": f"2025-03-03T09:{minute:02}:00+07:00",
        "finished_at": f"2025-03-03T09:{minute + 4:02}:10+07:00",
        "answers": {item: answer for item in PEER_ITEMS},
        **extra,
    }


def _write(folder: Path, name: str, document: object) -> str:
    path = folder / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return str(path)


def _peers(report: dict) -> dict:
    (target,) = report["targets"]
    line = target["indicators"][0]
    return {"raters": target["raters"]["rekan"]["sheets"], "cell": line["groups"]["rekan"]}


def test_a_rating_file_sent_twice_counts_once_and_no_peer_score_can_be_worked_out(tmp_path):
    first = _write(tmp_path, "peer-a.json", _rating(4, 1))
    second = _write(tmp_path, "peer-b.json", _rating(2, 20))
    again = _write(tmp_path, "peer-b-again.json", _rating(2, 20))
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(
        app,
        ["multirater", first, second, again, "--format", "json", "--errors", str(errors)],
    )
    assert result.exit_code == 0, result.output
    peers = _peers(json.loads(result.stdout))
    # Two peers, not three: fewer than the 3 a group needs to be shown.
    assert peers["raters"] == 2
    assert peers["cell"]["mean"] is None and peers["cell"]["raters"] == 2
    assert "1 duplicate rating(s) set aside" in result.stderr
    (record,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert record["source"] == again
    assert "the same rating sheet as one already read, sent twice" in record["reasons"][0]
    assert f"{second}: row 1" in record["reasons"][0]


def test_three_real_peers_with_the_same_answers_but_their_own_times_all_count(tmp_path):
    files = [_write(tmp_path, f"peer-{n}.json", _rating(4, 10 * n)) for n in range(3)]
    result = runner.invoke(app, ["multirater", *files, "--format", "json"])
    assert result.exit_code == 0, result.output
    peers = _peers(json.loads(result.stdout))
    assert peers["raters"] == 3 and peers["cell"]["mean"] is not None
    assert "duplicate" not in result.stderr


def _table(folder: Path, rows: list[tuple[str, int]]) -> str:
    """A unit's table: the rater's e-mail, the person rated, then the answers."""
    lines = [",".join(["Email Address", "target_id", "rater_group", "role", *PEER_ITEMS])]
    for email, answer in rows:
        lines.append(",".join([email, TARGET, "rekan", "pelaksana", *[str(answer)] * 6]))
    path = folder / "ratings.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_second_rating_by_the_same_rater_id_is_set_aside_the_first_kept(tmp_path):
    table = _table(
        tmp_path,
        [
            ("ani@contoh.go.id", 4),
            ("budi@contoh.go.id", 2),
            ("ANI@contoh.go.id ", 5),  # the same rater, resubmitting with other answers
            ("citra@contoh.go.id", 3),
        ],
    )
    result = runner.invoke(app, ["multirater", table, "--format", "json"])
    assert result.exit_code == 0, result.output
    peers = _peers(json.loads(result.stdout))
    assert peers["raters"] == 3
    assert "a second rating of this person by the same rater" in result.stderr
    # Every number is the one of the round without Ani's second rating.
    without = _table(tmp_path, [("ani@x.id", 4), ("budi@x.id", 2), ("citra@x.id", 3)])
    assert runner.invoke(app, ["multirater", without, "--format", "json"]).stdout == result.stdout
    assert "ratings.csv: row 1" in result.stderr


def test_different_raters_who_answered_alike_are_different_raters(tmp_path):
    table = _table(tmp_path, [(f"rekan{n}@contoh.go.id", 4) for n in range(3)])
    result = runner.invoke(app, ["multirater", table, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _peers(json.loads(result.stdout))["raters"] == 3


def test_identical_rows_without_a_rater_id_are_one_rating(tmp_path):
    table = _table(tmp_path, [("", 4), ("", 2), ("", 4), ("", 3)])
    result = runner.invoke(app, ["multirater", table, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _peers(json.loads(result.stdout))["raters"] == 3
    assert "ratings.csv: row 1" in result.stderr  # the row kept, named in the reason


def test_a_pseudonymised_round_finds_the_same_rater_by_their_pseudonym(tmp_path):
    key = tmp_path / "key.txt"
    key.write_text("k" * 32, encoding="utf-8")
    key.chmod(0o600)
    table = _table(tmp_path, [("ani@contoh.go.id", 4), ("Ani@Contoh.go.id", 2)])
    result = runner.invoke(
        app,
        ["multirater", table, "--format", "json", "--pseudonymize", "--key-file", str(key)],
    )
    assert result.exit_code == 0, result.output
    assert _peers(json.loads(result.stdout))["raters"] == 1
    assert "ani@contoh" not in (result.stdout + result.stderr).casefold()
