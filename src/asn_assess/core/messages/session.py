"""Texts of the interactive session: opening screen, resuming, profile, questions, end."""

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
        "id": "{size}. Untuk pernyataan, tidak ada jawaban benar atau salah: jawablah sesuai kebiasaan Anda sehari-hari.",
        "en": "{size}. For the statements there are no right or wrong answers: answer as you usually act at work.",
    },
    "welcome.count": {
        "id": "{items} pertanyaan, sekitar {minutes} menit",
        "en": "{items} questions, about {minutes} minutes",
    },
    "welcome.count_by_role": {
        "id": "{fewest} sampai {most} pertanyaan sesuai peran Anda (ditanyakan sesudah profil), sekitar {shortest} sampai {longest} menit",
        "en": "{fewest} to {most} questions depending on your role (asked after the profile), about {shortest} to {longest} minutes",
    },
    "welcome.privacy": {
        "id": "Jawaban dan hasil hanya disimpan di komputer ini ({folder}); tidak ada yang dikirim ke mana pun.",
        "en": "Answers and results are kept on this computer only ({folder}); nothing is sent anywhere.",
    },
    "welcome.keys": {
        "id": "Tombol: angka atau huruf untuk menjawab, Enter untuk mengonfirmasi, n tidak berlaku, {back} kembali, s lewati, ? bantuan, q {quit}. Jawab n bila situasi dalam pernyataan tidak pernah terjadi dalam pekerjaan Anda.",
        "en": "Keys: a number or letter to answer, Enter to confirm, n not applicable, {back} back, s skip, ? help, q {quit}. Answer n when the situation in a statement never arises in your job.",
    },
    "welcome.start": {"id": "Tekan Enter untuk mulai.", "en": "Press Enter to start."},
    "welcome.source": {"id": "Sumber", "en": "Source"},
    # resume
    "resume.found": {
        "id": "Ada sesi yang belum selesai ({who}): {answered} dari {total} pertanyaan sudah dijawab (disimpan {when}).",
        "en": "There is an unfinished session ({who}): {answered} of {total} questions answered (saved {when}).",
    },
    "resume.same_person": {
        "id": "Apakah Anda {who}? Ketik y untuk melanjutkan sesi itu, atau t bila bukan (sesi itu tetap disimpan dan Anda memulai sesi baru): ",
        "en": "Are you {who}? Type y to resume that session, or n if not (that session is kept and you start a new one): ",
    },
    "resume.kept_other": {
        "id": "Sesi atas nama {who} disimpan sebagai {path}; memulai sesi baru untuk Anda.",
        "en": "The session of {who} was kept as {path}; starting a new one for you.",
    },
    "resume.ask": {"id": "Lanjutkan sesi itu? [Y/t] ", "en": "Resume it? [Y/n] "},
    "resume.piped": {
        "id": "ada sesi yang belum selesai ({answered} dari {total} terjawab, disimpan {when}) dan jawaban tidak diketik di terminal, jadi tidak dapat ditanyakan: tambahkan --resume untuk melanjutkannya atau --new untuk memulai sesi baru (sesi lama tetap disimpan)",
        "en": "there is an unfinished session ({answered} of {total} answered, saved {when}) and the answers are not typed at a terminal, so it cannot be asked about: add --resume to continue it or --new to start a new one (the old one is kept)",
    },
    "resume.nothing": {
        "id": "Tidak ada sesi yang belum selesai untuk dilanjutkan; memulai sesi baru.",
        "en": "There is no unfinished session to resume; starting a new one.",
    },
    "resume.yes": {"id": "y,ya,iya,l,lanjut", "en": "y,yes"},
    "resume.no": {"id": "t,tidak,n,no,baru", "en": "n,no,new"},
    "resume.kept": {
        "id": "Sesi lama disimpan sebagai {path}.",
        "en": "The old session was kept as {path}.",
    },
    "resume.bank_changed": {
        "id": "Sesi yang tersimpan dibuat untuk versi bank {version}, yang tidak tersedia (versi yang tersedia: {available}); memulai sesi baru. Sesi lama disimpan sebagai {path}.",
        "en": "The saved session was made for version {version} of the bank, which is not available (versions available: {available}); starting a new one. The old session was kept as {path}.",
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
    # questions
    "question.position": {
        "id": "Pilar {pillar} dari {pillars}: {pillar_title} > {indicator_title}",
        "en": "Pillar {pillar} of {pillars}: {pillar_title} > {indicator_title}",
    },
    "question.pillar": {
        "id": "Pilar {pillar} dari {pillars}: {pillar_title}",
        "en": "Pillar {pillar} of {pillars}: {pillar_title}",
    },
    "question.not_applicable": {"id": "Tidak berlaku", "en": "Not applicable"},
    "question.count": {
        "id": "Pertanyaan {number} dari {total}",
        "en": "Question {number} of {total}",
    },
    "question.current": {"id": "Jawaban tersimpan: {answer}", "en": "Saved answer: {answer}"},
    "question.prompt_scale": {
        "id": "Jawaban ({low}-{high}, n tidak berlaku, {back} kembali, s lewati, ? bantuan, q keluar): ",
        "en": "Answer ({low}-{high}, n not applicable, {back} back, s skip, ? help, q quit): ",
    },
    "question.prompt_options": {
        "id": "Pilihan ({first}-{last}, {back} kembali, s lewati, ? bantuan, q keluar): ",
        "en": "Choice ({first}-{last}, {back} back, s skip, ? help, q quit): ",
    },
    "question.hint_scale": {
        "id": "Ketik angka {low} sampai {high}, atau n bila tidak berlaku, lalu Enter. Ketik ? untuk bantuan.",
        "en": "Type a number from {low} to {high}, or n if it does not apply, then Enter. Type ? for help.",
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
            "  n            tidak berlaku: situasinya tidak pernah terjadi dalam pekerjaan Anda\n"
            "               (hanya untuk pernyataan; tidak mengurangi skor)\n"
            "  {back}            kembali ke pertanyaan sebelumnya\n"
            "  s            lewati pertanyaan ini\n"
            "  q            {quit}"
        ),
        "en": (
            "Answer as you usually act at work, not as you think you should.\n"
            "  number/letter  choose an answer, then Enter\n"
            "  Enter          keep the saved answer (if any)\n"
            "  n              not applicable: the situation never arises in your job\n"
            "                 (statements only; it does not lower your score)\n"
            "  {back}              go back to the previous question\n"
            "  s              skip this question\n"
            "  q              {quit}"
        ),
    },
    "keys.quit": {"id": "simpan dan keluar", "en": "save and quit"},
    "keys.quit_no_save": {
        "id": "keluar (tidak ada yang disimpan: --no-save)",
        "en": "quit (nothing is kept: --no-save)",
    },
    "help.quit": {
        "id": "simpan dan keluar; lanjutkan nanti dengan: asn-assess start --resume\nJawaban disimpan otomatis setelah setiap pertanyaan.",
        "en": "save and quit; resume later with: asn-assess start --resume\nAnswers are saved automatically after every question.",
    },
    "help.quit_no_save": {
        "id": "keluar; dengan --no-save tidak ada jawaban yang disimpan",
        "en": "quit; with --no-save no answer is kept",
    },
    # ending
    "end.saved_quit": {
        "id": "Progres tersimpan ({answered} dari {total} terjawab).\nLanjutkan dengan: asn-assess start --resume",
        "en": "Progress saved ({answered} of {total} answered).\nResume with: asn-assess start --resume",
    },
    "end.quit_nothing": {
        "id": "Belum ada pertanyaan yang dijawab, jadi tidak ada yang disimpan.",
        "en": "No question was answered yet, so nothing was kept.",
    },
    "end.result_saved": {"id": "Hasil disimpan di {path}", "en": "Result saved to {path}"},
    # role
    "role.title": {
        "id": "Peran Anda (menentukan pertanyaan yang diajukan)",
        "en": "Your role (decides which questions you are asked)",
    },
    "role.ask": {
        "id": "Pilih nomor peran Anda ({first}-{last}), atau Enter untuk menjawab semua pertanyaan: ",
        "en": "Choose your role's number ({first}-{last}), or press Enter to answer every question: ",
    },
    "role.size": {"id": "Untuk peran ini: {size}.", "en": "For this role: {size}."},
    # skipped questions, offered again before the report
    "skipped.ask": {
        "id": "{count} pertanyaan dilewati: jawab sekarang? [y/T] ",
        "en": "Questions skipped: {count}. Answer them now? [y/N] ",
    },
    "skipped.yes": {"id": "y,ya,iya", "en": "y,yes"},
    "question.count_skipped": {
        "id": "Pertanyaan yang dilewati {number} dari {total}",
        "en": "Skipped question {number} of {total}",
    },
    "role.hint": {
        "id": "Ketik satu angka {first} sampai {last}, atau tekan Enter.",
        "en": "Type one number from {first} to {last}, or press Enter.",
    },
}
