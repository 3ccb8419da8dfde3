"""Texts about files, signals, hostile input, privacy and concurrency (docs/reliability.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    # writing outputs (core.files)
    "output.cannot_write": {
        "id": "tidak dapat ditulis ({reason})",
        "en": "cannot write ({reason})",
    },
    "output.cannot_write_kept": {
        "id": "tidak dapat ditulis ({reason}); tidak ada berkas yang diganti",
        "en": "cannot write ({reason}); nothing was replaced",
    },
    "output.is_folder": {
        "id": "adalah folder, bukan berkas; sebutkan nama berkas",
        "en": "is a folder, not a file; name a file",
    },
    "output.is_device": {
        "id": "adalah disk atau soket, bukan berkas; asn-assess tidak menulis ke sana",
        "en": "is a disk or a socket, not a file; asn-assess does not write there",
    },
    "output.same_file": {
        "id": "{option} adalah berkas yang sama dengan {role} {other}; menulisnya akan merusak berkas itu. Pilih nama lain",
        "en": "{option} is the same file as {role} {other}; writing it would destroy that file. Choose another name",
    },
    "output.exists": {
        "id": "sudah ada; tambahkan --force untuk menggantinya",
        "en": "already exists; pass --force to replace it",
    },
    # signals (cli)
    "signal.batch_stopped": {
        "id": "dihentikan ({signal}): tidak ada berkas keluaran yang ditulis; berkas lama tetap utuh",
        "en": "stopped ({signal}): no output written; old files are unchanged",
    },
    "signal.batch_stopped_after": {
        "id": "dihentikan ({signal}) setelah semua berkas keluaran ditulis",
        "en": "stopped ({signal}) after every output was written",
    },
}
