"""Texts of PDF output (reports/pdf.py): a browser engine prints the HTML report."""

MESSAGES: dict[str, dict[str, str]] = {
    "pdf.no_browser": {
        "id": "PDF tidak dapat dibuat: tidak ditemukan Chrome, Chromium atau Microsoft Edge di komputer ini. Pasang salah satunya, atau sebutkan letaknya dengan {variable}=/jalur/ke/peramban. Bisa juga: tulis laporan HTML (-o laporan.html), buka di peramban, lalu cetak ke PDF (Ctrl+P, Simpan sebagai PDF)",
        "en": "no PDF can be made: Chrome, Chromium or Microsoft Edge was not found on this computer. Install one of them, or say where it is with {variable}=/path/to/browser. Or: write the HTML report (-o report.html), open it in a browser and print it to PDF (Ctrl+P, Save as PDF)",
    },
    "pdf.browser_missing": {
        "id": "{variable} menyebut {path}, tetapi program itu tidak ada; perbaiki jalurnya atau hapus variabel itu agar peramban dicari sendiri",
        "en": "{variable} names {path}, but there is no such program; correct the path, or unset the variable to let the browser be looked for",
    },
    "pdf.cannot_start": {
        "id": "peramban untuk membuat PDF tidak dapat dijalankan ({reason}). Buka laporan HTML di peramban, lalu cetak ke PDF",
        "en": "the browser that makes the PDF cannot be started ({reason}). Open the HTML report in a browser and print it to PDF",
    },
    "pdf.timeout": {
        "id": "peramban tidak selesai membuat PDF dalam {seconds} detik. Buka laporan HTML di peramban, lalu cetak ke PDF",
        "en": "the browser did not finish the PDF within {seconds} seconds. Open the HTML report in a browser and print it to PDF",
    },
    "pdf.failed": {
        "id": "peramban tidak menghasilkan PDF (kode keluar {code}). Buka laporan HTML di peramban, lalu cetak ke PDF",
        "en": "the browser made no PDF (exit code {code}). Open the HTML report in a browser and print it to PDF",
    },
    "pdf.not_to_stdout": {
        "id": "PDF ditulis ke berkas, bukan ke layar: tambahkan -o laporan.pdf",
        "en": "a PDF is written to a file, not to the screen: add -o report.pdf",
    },
    "pdf.html_kept": {
        "id": "Laporan HTML tetap ada di {path}: buka di peramban, lalu cetak ke PDF.",
        "en": "The HTML report is still at {path}: open it in a browser and print it to PDF.",
    },
    # the printout (HTML and PDF report)
    "printout.date": {"id": "Tanggal", "en": "Date"},
    "printout.supervisor_notes": {"id": "Catatan atasan", "en": "Supervisor's notes"},
    "printout.supervisor_hint": {
        "id": "Diisi atasan langsung dalam dialog kinerja: apa yang disepakati, dukungan yang diberikan, dan kapan ditinjau lagi.",
        "en": "For the direct supervisor, in the performance dialogue: what was agreed, the support given, and when to look at it again.",
    },
    "printout.employee": {"id": "Pegawai", "en": "Employee"},
    "printout.supervisor": {"id": "Atasan langsung", "en": "Direct supervisor"},
    "printout.place_date": {"id": "Tempat, tanggal", "en": "Place, date"},
    "printout.name": {"id": "Nama", "en": "Name"},
    "printout.appendix": {"id": "Lampiran", "en": "Appendix"},
    "printout.not_applicable": {"id": "tidak berlaku {count}", "en": "not applicable {count}"},
}
