"""Interface texts in Bahasa Indonesia (the default) and English.

Bank texts (questions, bands, actions) live in the bank; these are the tool's own words
around them: screens, prompts, report headings. Every key has every language; a test
checks it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

MESSAGES: dict[str, dict[str, str]] = {
    # opening screen
    "welcome.title": {
        "id": "Penilaian diri ASN profesional",
        "en": "Professional ASN self-assessment",
    },
    "welcome.measures": {
        "id": "Yang diukur: perilaku kerja Anda dalam {pillars} pilar:",
        "en": "What it measures: your work behaviour in {pillars} pillars:",
    },
    "welcome.size": {
        "id": "{items} pertanyaan, sekitar {minutes} menit. Tidak ada jawaban benar atau salah: jawablah sesuai kebiasaan Anda sehari-hari.",
        "en": "{items} questions, about {minutes} minutes. There are no right or wrong answers: answer as you usually act at work.",
    },
    "welcome.privacy": {
        "id": "Jawaban dan hasil hanya disimpan di komputer ini ({folder}); tidak ada yang dikirim ke mana pun.",
        "en": "Answers and results are kept on this computer only ({folder}); nothing is sent anywhere.",
    },
    "welcome.keys": {
        "id": "Tombol: angka atau huruf untuk menjawab, Enter untuk mengonfirmasi, {back} kembali, s lewati, ? bantuan, q simpan dan keluar.",
        "en": "Keys: a number or letter to answer, Enter to confirm, {back} back, s skip, ? help, q save and quit.",
    },
    "welcome.start": {"id": "Tekan Enter untuk mulai.", "en": "Press Enter to start."},
    "welcome.source": {"id": "Sumber", "en": "Source"},
    # resume
    "resume.found": {
        "id": "Ada sesi yang belum selesai: {answered} dari {total} pertanyaan sudah dijawab (disimpan {when}).",
        "en": "There is an unfinished session: {answered} of {total} questions answered (saved {when}).",
    },
    "resume.ask": {"id": "Lanjutkan sesi itu? [Y/t] ", "en": "Resume it? [Y/n] "},
    "resume.yes": {"id": "y,ya,iya,l,lanjut", "en": "y,yes"},
    "resume.no": {"id": "t,tidak,n,no,baru", "en": "n,no,new"},
    "resume.kept": {
        "id": "Sesi lama disimpan sebagai {path}.",
        "en": "The old session was kept as {path}.",
    },
    "resume.bank_changed": {
        "id": "Sesi yang tersimpan dibuat untuk versi bank yang lain ({version}); memulai sesi baru. Sesi lama disimpan sebagai {path}.",
        "en": "The saved session was made for another version of the bank ({version}); starting a new one. The old session was kept as {path}.",
    },
    # profile
    "profile.title": {
        "id": "Profil (boleh dikosongkan: tekan Enter untuk melewati)",
        "en": "Profile (optional: press Enter to skip a field)",
    },
    "profile.name": {"id": "Nama", "en": "Name"},
    "profile.nip": {"id": "NIP", "en": "NIP"},
    "profile.unit": {"id": "Unit kerja", "en": "Work unit"},
    "profile.position": {"id": "Jabatan", "en": "Position"},
    "profile.bad_nip": {
        "id": "NIP belum benar: {reason}. Coba lagi, atau tekan Enter untuk melewati.",
        "en": "That NIP is not right: {reason}. Try again, or press Enter to skip.",
    },
    # NIP checks (nip.py raises these in English; the session shows the person's language)
    "nip.digits_only": {
        "id": "NIP hanya berisi angka (spasi di antara kelompok angka boleh)",
        "en": "a NIP has digits only (spaces are allowed between the groups)",
    },
    "nip.length": {
        "id": "NIP terdiri dari 18 angka, yang ini {count}",
        "en": "a NIP has 18 digits, this one has {count}",
    },
    "nip.birth_date": {
        "id": "angka ke-1 sampai ke-8 ({digits}) harus tanggal lahir yang benar (TTTTBBHH)",
        "en": "digits 1-8 ({digits}) must be a real birth date as YYYYMMDD",
    },
    "nip.appointment": {
        "id": "angka ke-9 sampai ke-14 ({digits}) harus tahun dan bulan pengangkatan CPNS (TTTTBB)",
        "en": "digits 9-14 ({digits}) must be the year and month of appointment as YYYYMM",
    },
    "nip.appointment_order": {
        "id": "bulan pengangkatan ({appointed}) harus sesudah tanggal lahir ({born})",
        "en": "the appointment month ({appointed}) must come after the birth date ({born})",
    },
    "nip.appointment_future": {
        "id": "bulan pengangkatan ({digits}) belum terjadi",
        "en": "the appointment month ({digits}) is in the future",
    },
    "nip.gender": {
        "id": "angka ke-15 ({digit}) adalah kode jenis kelamin: 1 atau 2",
        "en": "digit 15 ({digit}) is the gender digit and must be 1 or 2",
    },
    "nip.sequence": {
        "id": "angka ke-16 sampai ke-18 adalah nomor urut mulai 001, bukan 000",
        "en": "digits 16-18 are a sequence number starting at 001, not 000",
    },
    "nip.pppk": {
        "id": "NI PPPK terdiri dari 18 angka (spasi di antara kelompok angka boleh)",
        "en": "an NI PPPK has 18 digits (spaces are allowed between the groups)",
    },
    # questions
    "question.position": {
        "id": "Pilar {pillar} dari {pillars}: {pillar_title} > {indicator_title}",
        "en": "Pillar {pillar} of {pillars}: {pillar_title} > {indicator_title}",
    },
    "question.count": {
        "id": "Pertanyaan {number} dari {total}",
        "en": "Question {number} of {total}",
    },
    "question.current": {"id": "Jawaban tersimpan: {answer}", "en": "Saved answer: {answer}"},
    "question.prompt_scale": {
        "id": "Jawaban ({low}-{high}, {back} kembali, s lewati, ? bantuan, q keluar): ",
        "en": "Answer ({low}-{high}, {back} back, s skip, ? help, q quit): ",
    },
    "question.prompt_options": {
        "id": "Pilihan ({first}-{last}, {back} kembali, s lewati, ? bantuan, q keluar): ",
        "en": "Choice ({first}-{last}, {back} back, s skip, ? help, q quit): ",
    },
    "question.hint_scale": {
        "id": "Ketik angka {low} sampai {high}, lalu Enter. Ketik ? untuk bantuan.",
        "en": "Type a number from {low} to {high}, then Enter. Type ? for help.",
    },
    "question.hint_options": {
        "id": "Ketik satu huruf {first} sampai {last}, lalu Enter. Ketik ? untuk bantuan.",
        "en": "Type one letter from {first} to {last}, then Enter. Type ? for help.",
    },
    "question.at_first": {"id": "Ini pertanyaan pertama.", "en": "This is the first question."},
    "help.text": {
        "id": (
            "Jawab sesuai kebiasaan kerja Anda, bukan yang seharusnya.\n"
            "  angka/huruf  pilih jawaban, lalu Enter\n"
            "  Enter        pertahankan jawaban tersimpan (bila ada)\n"
            "  {back}            kembali ke pertanyaan sebelumnya\n"
            "  s            lewati pertanyaan ini\n"
            "  q            simpan dan keluar; lanjutkan nanti dengan: asn-assess start --resume\n"
            "Jawaban disimpan otomatis setelah setiap pertanyaan."
        ),
        "en": (
            "Answer as you usually act at work, not as you think you should.\n"
            "  number/letter  choose an answer, then Enter\n"
            "  Enter          keep the saved answer (if any)\n"
            "  {back}              go back to the previous question\n"
            "  s              skip this question\n"
            "  q              save and quit; resume later with: asn-assess start --resume\n"
            "Answers are saved automatically after every question."
        ),
    },
    # ending
    "end.saved_quit": {
        "id": "Progres tersimpan ({answered} dari {total} terjawab). Lanjutkan dengan: asn-assess start --resume",
        "en": "Progress saved ({answered} of {total} answered). Resume with: asn-assess start --resume",
    },
    "end.result_saved": {"id": "Hasil disimpan di {path}", "en": "Result saved to {path}"},
    # report
    "report.title": {"id": "Hasil penilaian diri", "en": "Self-assessment result"},
    "report.overall": {"id": "Skor keseluruhan", "en": "Overall score"},
    "report.pillar": {"id": "Pilar {number}", "en": "Pillar {number}"},
    "report.indicator": {"id": "Indikator", "en": "Indicator"},
    "report.score": {"id": "Skor", "en": "Score"},
    "report.band": {"id": "Kategori", "en": "Band"},
    "report.strongest": {"id": "Paling kuat", "en": "Strongest"},
    "report.weakest": {"id": "Paling perlu dikembangkan", "en": "Most room to grow"},
    "report.all_equal": {
        "id": "Semua indikator yang terukur berada pada skor yang sama.",
        "en": "All scored indicators are at the same level.",
    },
    "report.not_enough": {
        "id": "belum cukup jawaban ({answered} dari {total})",
        "en": "not enough answers ({answered} of {total})",
    },
    "report.pillar_not_enough": {
        "id": "belum cukup jawaban: {scored} dari {total} indikator terukur",
        "en": "not enough answers: {scored} of {total} indicators scored",
    },
    "report.overall_not_enough": {
        "id": "Skor keseluruhan belum dapat dihitung karena ada pilar yang belum cukup dijawab.",
        "en": "No overall score yet: a pillar does not have enough answers.",
    },
    "report.development": {
        "id": "Saran pengembangan: {indicator}",
        "en": "Development actions: {indicator}",
    },
    "report.counts": {
        "id": "Dijawab {answered} dari {total} pertanyaan; dilewati {skipped}.",
        "en": "Answered {answered} of {total} questions; skipped {skipped}.",
    },
    "report.respondent": {"id": "Responden", "en": "Respondent"},
    "report.note": {
        "id": "Skor 0-100 menggambarkan penilaian diri Anda sendiri, bukan penilaian kinerja resmi.",
        "en": "Scores from 0 to 100 reflect your own self-assessment, not an official performance appraisal.",
    },
    "action.on-the-job": {"id": "Di tempat kerja", "en": "On the job"},
    "action.from-others": {"id": "Dari orang lain", "en": "From others"},
    "action.training": {"id": "Pelatihan", "en": "Training"},
    # bank tree
    "bank.items": {"id": "{count} butir", "en": "{count} items"},
    "bank.situational": {"id": "{count} situasional", "en": "{count} situational"},
    "bank.reverse": {"id": "{count} terbalik", "en": "{count} reverse-keyed"},
}


def t(key: str, language: str, **values: object) -> str:
    """The interface text ``key`` in ``language`` (Indonesian when it has none)."""
    texts = MESSAGES[key]
    text = texts.get(language) or texts[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def format_score(value: float, language: str, digits: int = 1) -> str:
    """A score for display: Indonesian writes a decimal comma (72,5), English a point."""
    # Half-up from the shortest decimal form, as people round: 81.25 -> 81.3, not the
    # 81.2 that binary round-half-even gives.
    step = Decimal(1).scaleb(-digits)
    text = str(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))
    return text.replace(".", ",") if language == "id" else text
