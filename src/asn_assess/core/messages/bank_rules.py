"""Texts of the problems found in a bank file: an empty file, texts missing a language,
and the rules that span keys (duplicate ids, band order, references between roles,
rater groups, items and pairs, situational items and their options)."""

MESSAGES: dict[str, dict[str, str]] = {
    "bank.file_empty": {
        "id": "berkas ini kosong; bank sedikitnya memerlukan id, version, languages, "
        "scales, bands dan pillars",
        "en": "the file is empty; a bank needs at least id, "
        "version, languages, scales, bands and pillars",
    },
    "bank.file_only_comments": {
        "id": "berkas ini hanya berisi komentar; lihat `asn-assess bank template` untuk titik awal",
        "en": "the file holds only comments; see `asn-assess bank template` for a starting point",
    },
    "bank.version_unavailable": {
        "id": "versi {version} dari {bank!r} tidak tersedia (versi: {available})",
        "en": "version {version} of {bank!r} is not available (versions: {available})",
    },
    "rule.missing_translation": {
        "id": "terjemahan untuk {languages} tidak ada",
        "en": "missing translation for {languages}",
    },
    "rule.undeclared_language": {
        "id": "bahasa {languages} tidak dinyatakan dalam `languages` ({declared})",
        "en": "language {languages} is not declared in `languages` ({declared})",
    },
    "rule.empty_text": {
        "id": "teks untuk {languages} kosong",
        "en": "empty text for {languages}",
    },
    "rule.language_repeated": {
        "id": "{languages} tercantum lebih dari sekali",
        "en": "{languages} listed more than once",
    },
    "rule.duplicate_scale": {
        "id": "id skala {id!r} dipakai lebih dari sekali",
        "en": "duplicate scale id {id!r}",
    },
    "rule.points_same_value": {
        "id": "dua titik skala memiliki nilai yang sama",
        "en": "two points share the same value",
    },
    "rule.spelling_taken": {
        "id": "{spelling!r} sudah dipakai untuk nilai {value}",
        "en": "{spelling!r} already stands for value {value}",
    },
    "rule.duplicate_band": {
        "id": "id kategori {id!r} dipakai lebih dari sekali",
        "en": "duplicate band id {id!r}",
    },
    "rule.first_band_min": {
        "id": "kategori pertama harus mulai dari 0, bukan {low}",
        "en": "the first band must start at 0, not {low}",
    },
    "rule.bands_order": {
        "id": "kategori harus urut menurut `min` yang naik: {low} sesudah {previous}",
        "en": "bands must be sorted by rising `min`: {low} follows {previous}",
    },
    "rule.no_band": {
        "id": "tidak ada kategori dengan id {id!r}",
        "en": "no band has id {id!r}",
    },
    "rule.duplicate_id_first": {
        "id": "id {id!r} dipakai lebih dari sekali, pertama kali di {first}",
        "en": "duplicate id {id!r}, first used at {first}",
    },
    "rule.duplicate_id": {
        "id": "id {id!r} dipakai lebih dari sekali",
        "en": "duplicate id {id!r}",
    },
    "rule.no_pillars": {
        "id": "bank tidak memiliki pilar; tambahkan sedikitnya satu tabel [[pillars]]",
        "en": "the bank has no pillars; add at least one [[pillars]] table",
    },
    "rule.pillar_empty": {
        "id": "pilar {id!r} tidak memiliki indikator, jadi tidak ada butir",
        "en": "pillar {id!r} has no indicators, so no items",
    },
    "rule.indicator_empty": {
        "id": "indikator {id!r} tidak memiliki butir",
        "en": "indicator {id!r} has no items",
    },
    "rule.self_group": {
        "id": "{id!r} berarti jawaban orang itu sendiri; pilih id lain",
        "en": "{id!r} is the person's own answers; choose another id",
    },
    "rule.unknown_group": {
        "id": "tidak ada kelompok penilai dengan id {id!r} (kelompok penilai: {known})",
        "en": "no rater group has id {id!r} (rater groups: {known})",
    },
    "rule.unknown_role": {
        "id": "tidak ada peran dengan id {id!r} (peran: {known})",
        "en": "no role has id {id!r} (roles: {known})",
    },
    "rule.none_declared": {"id": "belum ada yang dinyatakan", "en": "none declared"},
    "rule.name_groups": {
        "id": "sebutkan kelompok penilai yang dapat mengamati indikator ini",
        "en": "name the rater groups that can observe this indicator",
    },
    "rule.nothing_to_observe": {
        "id": "tidak ada yang dapat dijawab penilai: beri sedikitnya satu butir observer_text",
        "en": "raters would have nothing to answer: give at least one item an observer_text",
    },
    "rule.self_only_and_observer": {
        "id": "sebuah butir bersifat self_only atau memiliki observer_text, tidak keduanya",
        "en": "an item is either self_only or has an observer_text, not both",
    },
    "rule.needs_observer_text": {
        "id": "tambahkan observer_text (pernyataan dalam sudut pandang orang ketiga) "
        "atau self_only = true: bank ini menyatakan kelompok penilai",
        "en": "add observer_text (the statement in the third person) "
        "or self_only = true: the bank declares rater groups",
    },
    "rule.no_item": {
        "id": "tidak ada butir dengan id {id!r}",
        "en": "no item has id {id!r}",
    },
    "rule.pair_same_item": {
        "id": "sebuah pasangan memerlukan dua butir yang berbeda",
        "en": "a pair needs two different items",
    },
    "rule.no_scale": {
        "id": "tidak ada skala dengan id {id!r} (skala: {known})",
        "en": "no scale has id {id!r} (scales: {known})",
    },
    "rule.none": {"id": "tidak ada", "en": "none"},
    "rule.statement_not_situational": {
        "id": "hanya butir skala yang menyatakan perilaku atau pengenalan diri",
        "en": "only scale items state a behaviour or self-knowledge",
    },
    "rule.rationale_situational_only": {
        "id": 'hanya butir dengan kind = "situational" yang memiliki rationale',
        "en": 'only items with kind = "situational" have a rationale',
    },
    "rule.situational_reverse": {
        "id": "butir situasional tidak dapat dibalik; beri setiap pilihan skor yang layak baginya",
        "en": "a situational item cannot be reversed; "
        "give each option the score it deserves instead",
    },
    "rule.situational_needs_options": {
        "id": "butir situasional memerlukan pilihan (options)",
        "en": "a situational item needs options",
    },
    "rule.situational_needs_scenario": {
        "id": "butir situasional memerlukan skenario (scenario)",
        "en": "a situational item needs a scenario",
    },
    "rule.options_situational_only": {
        "id": 'hanya butir dengan kind = "situational" yang memiliki options',
        "en": 'only items with kind = "situational" have options',
    },
    "rule.scenario_situational_only": {
        "id": 'hanya butir dengan kind = "situational" yang memiliki scenario',
        "en": 'only items with kind = "situational" have a scenario',
    },
    "rule.duplicate_option": {
        "id": "id pilihan {id!r} dipakai lebih dari sekali",
        "en": "duplicate option id {id!r}",
    },
    "rule.option_reserved": {
        "id": "{id!r} dicadangkan untuk jawaban tidak berlaku",
        "en": "{id!r} is reserved for a not-applicable answer",
    },
    "rule.score_outside_scale": {
        "id": "skor {score} berada di luar skala {scale!r} ({low}-{high})",
        "en": "score {score} is outside scale {scale!r} ({low}-{high})",
    },
    "rule.score_not_on_scale": {
        "id": "skor {score} bukan nilai skala {scale!r} ({low}-{high})",
        "en": "score {score} is not a value of scale {scale!r} ({low}-{high})",
    },
    "rule.unknown_value": {
        "id": "tidak ada nilai dasar dengan id {id!r} (nilai dasar: {known})",
        "en": "no core value has id {id!r} (core values: {known})",
    },
    "rule.value_untagged": {
        "id": "nilai dasar {id!r} tidak ditandakan pada butir mana pun; tambahkan {id!r} ke "
        "`values` butir yang menunjukkannya",
        "en": "core value {id!r} tags no item; add {id!r} to the `values` of the items that "
        "show it",
    },
    "rule.rated_by_outside": {
        "id": "kelompok penilai {id!r} tidak menilai indikator butir ini (rated_by indikator: "
        "{known}); rated_by butir hanya boleh mempersempitnya",
        "en": "rater group {id!r} does not rate this item's indicator (the indicator's "
        "rated_by: {known}); an item's rated_by only narrows it",
    },
    "rule.rated_by_self_only": {
        "id": "butir self_only tidak dinilai orang lain, jadi tidak memakai rated_by",
        "en": "a self_only item is rated by nobody else, so it takes no rated_by",
    },
    "rule.action_item_elsewhere": {
        "id": "butir {id!r} milik indikator lain ({where}); tindakan hanya menyebut butir "
        "indikatornya sendiri",
        "en": "item {id!r} belongs to another indicator ({where}); an action names items "
        "of its own indicator",
    },
    "rule.statements_need_v3": {
        "id": "hanya berlaku dengan scoring_version = 3; tambahkan scoring_version = 3 atau "
        "hapus kunci ini",
        "en": "applies only with scoring_version = 3; add scoring_version = 3 or remove this key",
    },
}
