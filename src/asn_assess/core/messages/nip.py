"""Why a NIP is not valid, in every interface language (``core.nip`` raises these)."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
