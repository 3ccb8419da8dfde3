"""Why a cell of a table makes its row rejected (`batch`, `analyze`, `multirater`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "cell.not_an_answer": {
        "id": "{item}: {text} bukan jawaban untuk butir ini (kolom {column!r})",
        "en": "{item}: {text} is not an answer to this item (column {column!r})",
    },
    "cell.not_a_role": {
        "id": "role: {text} bukan peran ({known})",
        "en": "role: {text} is not a role ({known})",
    },
    "cell.not_a_rater_group": {
        "id": "rater group: {text} bukan kelompok penilai ({known})",
        "en": "rater group: {text} is not a rater group ({known})",
    },
    "cell.no_target": {
        "id": "target: baris seorang penilai menyebut orang yang dinilai; isi kolom target",
        "en": "target: a rater's row names the person rated; fill in the target column",
    },
    "cell.not_asked_of_role": {
        "id": "{item}: tidak ditanyakan kepada peran {role!r}; kosongkan",
        "en": "{item}: not asked of role {role!r}; leave it empty",
    },
    "cell.not_asked_of_group": {
        "id": "{item}: tidak ditanyakan kepada kelompok penilai {group!r}; kosongkan",
        "en": "{item}: not asked of rater group {group!r}; leave it empty",
    },
    "cell.where_row": {"id": "baris {row}", "en": "row {row}"},
    "cell.where_line": {"id": "baris teks {line}", "en": "line {line}"},
    "cell.none_known": {"id": "tidak ada", "en": "none"},
    "cell.cut_short": {
        "id": "{start} ({count} karakter)",
        "en": "{start} ({count} characters)",
    },
}
