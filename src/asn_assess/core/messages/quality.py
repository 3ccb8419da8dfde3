"""Texts of the response-quality flags: what each rule noticed, said to the person."""

MESSAGES: dict[str, dict[str, str]] = {
    "quality.title": {"id": "Catatan tentang jawaban", "en": "A note on the answers"},
    "quality.unchanged": {
        "id": "Catatan ini tidak mengubah skor; skor tetap dihitung dari jawaban Anda.",
        "en": "These notes do not change the scores; they are computed from your answers as given.",
    },
    "quality.flag.longest-run": {
        "id": "Anda memberi jawaban yang sama untuk {value} pertanyaan berturut-turut; hasil ini mungkin kurang menggambarkan diri Anda.",
        "en": "You gave the same answer to {value} questions in a row; this result may describe you less well.",
    },
    "quality.flag.modal-share": {
        "id": "Jawaban Anda hampir semuanya sama ({value} jawaban skala); hasil ini mungkin kurang menggambarkan diri Anda.",
        "en": "Your answers are almost all the same ({value} of the scale answers); this result may describe you less well.",
    },
    "quality.flag.agree-both-ways": {
        "id": "Anda cenderung menyetujui pernyataan sekaligus kebalikannya (pada {value} indikator); hasil ini mungkin kurang menggambarkan diri Anda.",
        "en": "You tended to agree with statements and with their opposites alike (in {value} of the indicators); this result may describe you less well.",
    },
    "quality.flag.inconsistent-pairs": {
        "id": "Pasangan pertanyaan tentang perilaku yang sama Anda jawab sangat berbeda ({value} pasangan); hasil ini mungkin kurang menggambarkan diri Anda.",
        "en": "You answered pairs of questions about the same behaviour very differently ({value} of the pairs); this result may describe you less well.",
    },
    "quality.flag.unanswered-share": {
        "id": "Banyak pertanyaan dilewati atau dijawab tidak berlaku ({value}); skor bertumpu pada lebih sedikit jawaban.",
        "en": "Many questions were skipped or answered not applicable ({value}); the scores rest on fewer answers.",
    },
    "quality.flag.fast-answers": {
        "id": "Pertanyaan dijawab sangat cepat (rata-rata {value} detik per pertanyaan); hasil ini mungkin kurang menggambarkan diri Anda.",
        "en": "The questions were answered very quickly ({value} seconds per question on average); this result may describe you less well.",
    },
    "quality.flag.perfect-pattern": {
        "id": "Hampir semua pernyataan ({value}) Anda jawab pada ujung yang paling baik, dan "
        "setiap situasi pada pilihan terbaiknya. Bisa jadi memang begitu; namun orang yang "
        "sangat cakap pun biasanya masih menemukan satu-dua hal yang jarang ia lakukan. Bila "
        "mengisi lagi, jawablah menurut kebiasaan sehari-hari Anda, bukan menurut yang "
        "seharusnya.",
        "en": "You gave nearly every statement ({value}) its best answer, and every situation "
        "its best option. That may well be so; yet even very capable people usually find one "
        "or two things they rarely do. If you answer again, describe your everyday habits "
        "rather than what ought to happen.",
    },
    # batch
    "quality.batch_flagged": {
        "id": "mutu jawaban: {count} baris ditandai (kolom quality_flags; skor tidak berubah)",
        "en": "quality: {count} row(s) flagged (column quality_flags; scores unchanged)",
    },
    "quality.batch_excluded": {
        "id": "{count} baris bertanda tidak dimasukkan ke ringkasan",
        "en": "left {count} flagged row(s) out of the summary",
    },
    # short names, for tables of many respondents
    "quality.name.longest-run": {
        "id": "jawaban sama berturut-turut",
        "en": "same answer many times in a row",
    },
    "quality.name.modal-share": {
        "id": "jawaban hampir semuanya sama",
        "en": "answers almost all the same",
    },
    "quality.name.agree-both-ways": {
        "id": "setuju dengan pernyataan dan kebalikannya",
        "en": "agreeing with statements and their opposites",
    },
    "quality.name.inconsistent-pairs": {
        "id": "pasangan pertanyaan dijawab berlawanan",
        "en": "question pairs answered far apart",
    },
    "quality.name.unanswered-share": {
        "id": "banyak dilewati atau tidak berlaku",
        "en": "many skipped or not applicable",
    },
    "quality.name.fast-answers": {
        "id": "dijawab terlalu cepat",
        "en": "answered too fast",
    },
    "quality.name.perfect-pattern": {
        "id": "jawaban nyaris sempurna",
        "en": "a nearly perfect pattern",
    },
}
