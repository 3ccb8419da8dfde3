"""Which column of a table holds what: matching survey-export headers to bank items.

A column is matched to an item by, in order: the mapping file; the item id (also as the
last part of a KoboToolbox group path such as ``diri/disiplin-01``); the names, codes
and titles that forms made by `asn-assess form export` give it (``form_names``); or
the question text in any language of the bank, compared after folding case, spaces and
punctuation.
Known survey metadata (timestamps, e-mail, submission ids) and profile columns are
recognised; every other column is reported as unused, never silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from asn_assess.batch.form_names import FormNames, answer_codes, bare_header, form_names
from asn_assess.batch.headers import (
    grid_parts,
    limesurvey_code,
    without_enumerator,
    without_enumerator_key,
)
from asn_assess.core.answers import (
    NOT_APPLICABLE_SPELLINGS,
    normalise_header,
    normalise_label,
    scale_lookup,
)
from asn_assess.core.documents import AnswerValue
from asn_assess.core.errors import AssessError, Problem
from asn_assess.core.files import parse_toml, read_text
from asn_assess.core.i18n import say
from asn_assess.core.models import NOT_APPLICABLE, Bank, Item

if TYPE_CHECKING:
    from asn_assess.batch.settings import BatchSettings


class MappingError(AssessError):
    """A mapping file that cannot be read or names what the bank does not have."""


class ColumnError(AssessError):
    """A table whose header cannot be used."""


# Headers that survey tools add and that hold no answers (compared after normalising).
METADATA_HEADERS = frozenset(
    {
        # Google Forms, in English and Indonesian
        "timestamp",
        "stempel waktu",
        "cap waktu",
        "score",
        "skor",
        "total score",
        # KoboToolbox
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "simserial",
        "subscriberid",
        "phonenumber",
        "audit",
        "instanceid",
        "meta/instanceid",
        "id",
        "uuid",
        "submission time",
        "validation status",
        "notes",
        "status",
        "submitted by",
        "version",
        "tags",
        "index",
        "parent table name",
        "parent index",
        # ODK Central
        "submissiondate",
        "meta instanceid",
        "key",
        "submitterid",
        "submittername",
        "attachmentspresent",
        "attachmentsexpected",
        "reviewstate",
        "edits",
        "formversion",
        # LimeSurvey
        "response id",
        "submitdate",
        "date submitted",
        "lastpage",
        "last page",
        "startlanguage",
        "start language",
        "seed",
        "startdate",
        "date started",
        "datestamp",
        "date last action",
        "ipaddr",
        "ip address",
        "refurl",
        "referrer url",
        "token",
        # Microsoft Forms (its Excel download), in English and Indonesian
        "start time",
        "completion time",
        "last modified time",
        "waktu mulai",
        "waktu penyelesaian",
        "waktu selesai",
        "waktu modifikasi terakhir",
    }
)

# Profile columns, by the normalised header; these identify people.
PROFILE_HEADERS = {
    "name": frozenset({"name", "nama", "nama lengkap", "full name"}),
    "nip": frozenset({"nip", "nomor induk pegawai", "ni pppk", "nip/ni pppk"}),
    "email": frozenset({"email", "email address", "e mail", "alamat email", "alamat e mail"}),
    "unit": frozenset({"unit", "unit kerja", "work unit", "satuan kerja", "opd"}),
    "position": frozenset({"position", "jabatan"}),
}
# Survey metadata that says when answering began and ended (KoboToolbox, LimeSurvey);
# with both, the response-quality rule on answering speed can be applied.
STARTED_HEADERS = frozenset({"start", "startdate", "date started", "start time", "waktu mulai"})
FINISHED_HEADERS = frozenset(
    {
        "end",
        "submitdate",
        "date submitted",
        "completion time",
        "waktu penyelesaian",
        "waktu selesai",
    }
)
# When a response was sent, to tell which of one person's submissions is the latest
# (``duplicates``), most telling first: an edit's time, then the submission's.
SUBMITTED_HEADERS = (
    "last modified time",
    "waktu modifikasi terakhir",
    "completion time",
    "waktu penyelesaian",
    "waktu selesai",
    "timestamp",
    "stempel waktu",
    "cap waktu",
    "submission time",
    "submissiondate",
    "submitdate",
    "date submitted",
    "end",
)
CARRIED_PROFILE = ("unit", "position")  # describe a person without naming them
CARRIED_NAMES = {"unit": "unit", "position": "job_title"}  # their names in the outputs
KEPT_PREFIX = "input."  # an output column carried from the input, by its name there
LENIENT_NIP_HEADERS = frozenset({"ni pppk", "nip ni pppk"})  # numbers of unpublished layout
IDENTIFYING_PROFILE = ("nip", "email", "name")  # also the order of preference for an id
DEFAULT_ID_HEADERS = frozenset({"respondent id", "id responden"})
DEFAULT_ROLE_HEADERS = frozenset({"role", "peran"})
# 360-degree feedback: who is rated, and the rater's group (`template multirater`
# writes target_id and rater_group).
DEFAULT_TARGET_HEADERS = frozenset(
    {"target", "target id", "id target", "dinilai", "yang dinilai", "pegawai yang dinilai"}
)
DEFAULT_RATER_GROUP_HEADERS = frozenset({"rater group", "kelompok penilai", "penilai sebagai"})


# Headers that name an identifier among other words ("NIP Baru", "nip pegawai", "Nama
# Pegawai", "Alamat E-mail"), by what they hold. NIK, the national identity number, is
# read like a NIP: digits.
_IDENTIFIER_WORDS = {
    "nip": frozenset({"nip", "nik", "nipppk"}),
    "email": frozenset({"email", "surel"}),
    "name": frozenset({"nama", "name"}),
}
_E_MAIL = re.compile(r"\be mail\b")  # "E-mail" once normalised
# "Nama Unit Kerja", "Nama Jabatan": the name of something other than a person.
_NOT_A_PERSON = frozenset(
    {
        *"unit kerja satuan satker opd instansi dinas bidang bagian subbagian seksi".split(),
        *"kantor organisasi perangkat daerah jabatan pangkat golongan sekolah".split(),
        *"puskesmas kecamatan kelurahan desa kabupaten kota provinsi lembaga biro".split(),
        *"direktorat balai upt uptd badan kementerian tim kegiatan program".split(),
        *"position department departemen division divisi office agency".split(),
        *"organization organisation team form file bank sheet".split(),
    }
)
IDENTIFIER_HEADER_WORDS = 4
"""A header of more words is a question, not an identifier ("Saya menjaga nama baik
instansi"), whatever words it uses."""


def identifier_kind(column: str) -> Optional[str]:
    """``"nip"``, ``"email"`` or ``"name"`` when a column (or answer-sheet field) name
    says it holds that identifier, alone or among a few other words ("NIP Baru",
    "E-mail", "Nama Pegawai"); None otherwise. The kind is how pseudonyms normalise it
    (``pseudonyms.normalise_identifier``)."""
    key = normalise_header(column)
    for role in IDENTIFYING_PROFILE:
        if key in PROFILE_HEADERS[role]:
            return role
    words = _E_MAIL.sub("email", key).split()
    if not words or len(words) > IDENTIFIER_HEADER_WORDS:
        return None
    if (
        _IDENTIFIER_WORDS["nip"].intersection(words)
        or "nomor induk" in key
        or ("ni" in words and "pppk" in words)
    ):
        return "nip"
    if _IDENTIFIER_WORDS["email"].intersection(words):
        return "email"
    if _IDENTIFIER_WORDS["name"].intersection(words) and not _NOT_A_PERSON.intersection(words):
        return "name"
    return None


def is_identifying(column: str) -> bool:
    """Whether a column (or answer-sheet field) name holds who a person is: an id, the
    person rated, a NIP, an e-mail address or a name (``identifier_kind``)."""
    key = normalise_header(column)
    return (
        key in DEFAULT_ID_HEADERS
        or key in DEFAULT_TARGET_HEADERS
        or identifier_kind(column) is not None
    )


def _metadata_key(header: str) -> str:
    # Kobo prefixes its own fields with "_" ("_submission_time"); "_" becomes a space.
    return normalise_header(header.lstrip("_"))


@dataclass(frozen=True)
class Mapping:
    """What a mapping file (TOML) adds: ``[columns]`` header -> item id, ``[labels]``
    answer label -> scale value (a number) or option id (a text)."""

    columns: dict[str, str] = field(default_factory=dict)
    labels: dict[str, AnswerValue] = field(default_factory=dict)


def load_mapping(path: Path, bank: Bank) -> Mapping:
    """Read a mapping file; ``MappingError`` lists every key it cannot use."""
    source = str(path)
    data = parse_toml(read_text(path, MappingError), source, MappingError)
    problems = []
    for key in data:
        if key not in ("columns", "labels"):
            problems.append(Problem(f"{source}: {key}", say("reading.mapping_unknown_key")))
    columns, labels = (_table(data, key, source, problems) for key in ("columns", "labels"))
    for header, item_id in columns.items():
        if not isinstance(item_id, str) or item_id not in bank.items:
            problems.append(
                Problem(
                    f"{source}: columns.{header}",
                    say("reading.mapping_not_item", value=item_id, bank=bank.id),
                )
            )
    for label, value in labels.items():
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            problems.append(
                Problem(
                    f"{source}: labels.{label}",
                    say("reading.mapping_label_value"),
                )
            )
    if problems:
        raise MappingError(problems)
    return Mapping(columns=dict(columns), labels={normalise_label(k): v for k, v in labels.items()})


def _table(data: dict[str, Any], key: str, source: str, problems: list[Problem]) -> dict[str, Any]:
    table = data.get(key, {})
    if isinstance(table, dict):
        return table
    problems.append(Problem(f"{source}: {key}", say("reading.mapping_not_table", table=key)))
    return {}


@dataclass(frozen=True)
class ColumnPlan:
    """What each column of a table is for."""

    headers: tuple[str, ...]
    items: dict[int, str]  # column index -> item id
    id_column: Optional[int]
    group_column: Optional[int]
    profile: dict[str, int]  # name/nip/email/unit/position -> column index
    metadata: tuple[int, ...]
    unused: tuple[str, ...]
    role_column: Optional[int] = None
    started_column: Optional[int] = None
    finished_column: Optional[int] = None
    target_column: Optional[int] = None
    """Who is rated (360-degree feedback)."""
    rater_group_column: Optional[int] = None
    """The rater's group: self, or a rater group of the bank."""
    submitted_column: Optional[int] = None
    """When the response was sent (``SUBMITTED_HEADERS``), for duplicates."""
    kept: tuple[tuple[str, Optional[int]], ...] = ()
    """Columns carried into the outputs: (output name, column; None: not in this
    table)."""

    @property
    def id_kind(self) -> Any:
        """What the id column holds, as pseudonyms normalise it: "nip", "email", "name"
        or "other" (``pseudonyms.normalise_identifier``)."""
        return self.kind_of(self.id_column)

    def kind_of(self, column: Optional[int]) -> Any:
        """What an identifying column holds ("nip", "email", "name" or "other")."""
        if column is None:
            return "other"
        return identifier_kind(self.headers[column]) or "other"

    @property
    def identifying_columns(self) -> tuple[int, ...]:
        """Columns that hold who a person is: never copied raw into any output."""
        found = [self.profile[k] for k in IDENTIFYING_PROFILE if k in self.profile]
        found += [c for c in (self.id_column, self.target_column) if c is not None]
        return tuple(sorted(set(found)))


def plan_columns(
    headers: list[str],
    bank: Bank,
    mapping: Optional[Mapping] = None,
    id_column: Optional[str] = None,
    group_column: Optional[str] = None,
    source: str = "<input>",
    role_column: Optional[str] = None,
    group_option: str = "--summary-by",
    target_column: Optional[str] = None,
    rater_group_column: Optional[str] = None,
    keep: Sequence[str] = (),
    keep_profile: bool = False,
) -> ColumnPlan:
    """Decide what every column holds. Raises ``ColumnError`` for a header that cannot
    be used (an item in two columns, a named column that is missing, no item at all).
    ``keep`` names columns carried into the outputs as they are (``KEPT_PREFIX`` and the
    name); ``keep_profile`` carries the unit and position columns (as ``unit`` and
    ``position``)."""
    mapping = mapping or Mapping()
    by_id = {item_id.casefold(): item_id for item_id in bank.items}
    by_text = _texts_of(bank)
    forms = form_names(bank)
    mapped = {normalise_header(k): v for k, v in mapping.columns.items()}
    # Each header without a platform's group path or code prefix, normalised.
    bare = [normalise_header(bare_header(header, forms)) for header in headers]

    items: dict[int, str] = {}
    profile: dict[str, int] = {}
    near_profile: dict[str, int] = {}  # identifying columns named with other words
    metadata: list[int] = []
    timing: dict[str, int] = {}  # metadata header -> first column with it
    unused: list[str] = []
    problems: list[Problem] = []
    chosen_id = _find(headers, bare, id_column, "--id-column", source, problems)
    if id_column is None:  # the column `template batch` writes, when present
        chosen_id = next((i for i, key in enumerate(bare) if key in DEFAULT_ID_HEADERS), None)
    chosen_group = _find(headers, bare, group_column, group_option, source, problems)
    chosen_role = _find(headers, bare, role_column, "--role-column", source, problems)
    if role_column is None and bank.roles:  # named like the template's or a form's column
        chosen_role = next((i for i, key in enumerate(bare) if key in DEFAULT_ROLE_HEADERS), None)
    chosen_target = _find(headers, bare, target_column, "--target-column", source, problems)
    if target_column is None:
        chosen_target = next((i for i, k in enumerate(bare) if k in DEFAULT_TARGET_HEADERS), None)
    chosen_rater = _find(headers, bare, rater_group_column, "--group-column", source, problems)
    if rater_group_column is None and bank.rater_groups:
        chosen_rater = next(
            (i for i, key in enumerate(bare) if key in DEFAULT_RATER_GROUP_HEADERS), None
        )
    first_column_of: dict[str, int] = {}

    for index, header in enumerate(headers):
        if index in (chosen_id, chosen_group, chosen_role, chosen_target, chosen_rater):
            continue
        key = bare[index]
        item_id = (
            mapped.get(normalise_header(header))
            or by_id.get(header.strip().casefold())
            or by_id.get(header.strip().rsplit("/", 1)[-1].casefold())
            or forms.items.get(bare_header(header, forms).casefold())
            or forms.titles.get(key)
            or by_text.get(key)
            or by_text.get(without_enumerator_key(key))
            or _grid_item(header, by_id, by_text, forms, mapped)
        )
        if item_id:
            if item_id in first_column_of:
                problems.append(
                    Problem(
                        f"{source}: "
                        + say("reading.column_where", number=index + 1, header=header),
                        say(
                            "reading.item_in_two_columns",
                            item=item_id,
                            column=first_column_of[item_id] + 1,
                        ),
                    )
                )
                continue
            first_column_of[item_id] = index
            items[index] = item_id
            continue
        role = next((name for name, names in PROFILE_HEADERS.items() if key in names), None)
        if role and role not in profile:
            profile[role] = index
        elif role is None and identifier_kind(key) is not None:
            # "NIP Baru", "Nama Pegawai": used when no column has the plain name.
            near_profile.setdefault(identifier_kind(key), index)  # type: ignore[arg-type]
            unused.append(header)
        elif (
            not key
            or _metadata_key(header) in METADATA_HEADERS
            or key in METADATA_HEADERS
            or _is_form_field(key, forms)
        ):
            metadata.append(index)
            timing.setdefault(_metadata_key(header), index)
        else:
            unused.append(header)
    for role, index in near_profile.items():
        if role not in profile:
            profile[role] = index
            unused.remove(headers[index])
    if chosen_id is None and id_column is None:
        # No id column: the first identifying profile column names the respondent.
        chosen_id = next((profile[k] for k in IDENTIFYING_PROFILE if k in profile), None)
    if not items and not problems:
        problems.append(
            Problem(
                source,
                say("reading.no_item_column", bank=bank.id),
            )
        )
    kept = [
        (f"{KEPT_PREFIX}{name}", _find(headers, bare, name, "--keep", source, problems))
        for name in keep
    ]
    if keep_profile:  # also when the column is the one summarised by
        kept += [
            (
                CARRIED_NAMES[role],
                next((i for i, key in enumerate(bare) if key in PROFILE_HEADERS[role]), None),
            )
            for role in CARRIED_PROFILE
        ]
    if problems:
        raise ColumnError(problems)
    return ColumnPlan(
        tuple(headers),
        items,
        chosen_id,
        chosen_group,
        profile,
        tuple(metadata),
        tuple(unused),
        chosen_role,
        started_column=next(
            (timing[key] for key in sorted(STARTED_HEADERS) if key in timing), None
        ),
        finished_column=next(
            (timing[key] for key in sorted(FINISHED_HEADERS) if key in timing), None
        ),
        target_column=chosen_target,
        rater_group_column=chosen_rater,
        submitted_column=next((timing[key] for key in SUBMITTED_HEADERS if key in timing), None),
        kept=tuple(kept),
    )


def _texts_of(bank: Bank) -> dict[str, str]:
    """Every question text of the bank in any language, the observer wordings too
    (normalised) -> item id."""
    by_text: dict[str, str] = {}
    for item in bank.items.values():
        for text in [*item.text.values(), *(item.observer_text or {}).values()]:
            # Situational stems ("Apa yang Anda lakukan?") repeat; match those by scenario.
            if not item.is_situational:
                by_text.setdefault(normalise_header(text), item.id)
        if item.scenario:
            for language, text in item.scenario.items():
                by_text.setdefault(normalise_header(text), item.id)
                # A form may title the question with the scenario and its stem together.
                stem = item.text.get(language, "")
                by_text.setdefault(normalise_header(f"{text} {stem}"), item.id)
    return by_text


def _grid_item(
    header: str,
    by_id: dict[str, str],
    by_text: dict[str, str],
    forms: FormNames,
    mapped: dict[str, str],
) -> Optional[str]:
    """The item of a grid or array column (``headers``): by a LimeSurvey sub-question
    code that is an item's id or code (or a mapped ``Q1[SQ001]``), else by the row
    text, matched as a whole question's title is."""
    code = limesurvey_code(header)
    if code is not None:
        whole, sub, text = code
        found = (
            mapped.get(normalise_header(whole))
            or by_id.get(sub.casefold())
            or forms.items.get(sub.casefold())
        )
        if found or not text:
            return found
        header = text
    for _, row in grid_parts(header):
        for candidate in (row, without_enumerator(row)):
            key = normalise_header(candidate)
            found = (
                by_id.get(candidate.strip().casefold())
                or forms.items.get(candidate.strip().casefold())
                or forms.titles.get(key)
                or by_text.get(key)
            )
            if found:
                return found
    return None


def _is_form_field(key: str, forms: FormNames) -> bool:
    """A field of a generated form that holds no answer (its start and end times, the
    introduction note by name or by text)."""
    return key in forms.fields or key in forms.notes


def _find(
    headers: list[str],
    bare: list[str],
    wanted: Optional[str],
    option: str,
    source: str,
    problems: list[Problem],
) -> Optional[int]:
    if wanted is None:
        return None
    for index, header in enumerate(headers):
        if header.strip() == wanted.strip():
            return index
    key = normalise_header(wanted)
    for index, header in enumerate(headers):
        if normalise_header(header) == key:
            return index
    # A form's field named without the group path or code prefix the export added.
    if key in bare:
        return bare.index(key)
    problems.append(
        Problem(
            source,
            say(
                "reading.no_such_column",
                option=option,
                wanted=wanted,
                columns=", ".join(headers[:8]) + (", ..." if len(headers) > 8 else ""),
            ),
        )
    )
    return None


def value_lookup(
    bank: Bank, item: Item, mapping: Optional[Mapping] = None
) -> dict[str, AnswerValue]:
    """Every accepted spelling of an answer to ``item`` (normalised) -> the answer value.

    Scale items: the number (also as ``4.0``, as spreadsheets write it), each label in
    every language, the aliases and the spellings of "not applicable" (-> "na").
    Situational items: the option id and the option's text in every language. Mapping
    labels come on top.
    """
    lookup: dict[str, AnswerValue] = {}
    if item.is_situational:
        for option in item.options:
            lookup[normalise_label(option.id)] = option.id
            for text in option.text.values():
                lookup.setdefault(normalise_label(text), option.id)
        for spelling, value in answer_codes(bank, item).items():
            lookup.setdefault(spelling, value)
        if mapping:
            for label, value in mapping.labels.items():
                if isinstance(value, str) and item.option(value):
                    lookup[label] = value
        return lookup
    scale = bank.scale_of(item)
    lookup.update(scale_lookup(scale))
    for point in scale.points:
        lookup.setdefault(f"{point.value}.0", point.value)
    for spelling in NOT_APPLICABLE_SPELLINGS:
        lookup.setdefault(spelling, NOT_APPLICABLE)
    for spelling, value in answer_codes(bank, item).items():
        lookup.setdefault(spelling, value)
    if mapping:
        for label, value in mapping.labels.items():
            if isinstance(value, int) and scale.point(value):
                lookup[label] = value
    return lookup


def plan_for(names: list[str], settings: BatchSettings, source: str) -> ColumnPlan:
    """``plan_columns`` with what a batch run's settings say about columns."""
    return plan_columns(
        names,
        settings.bank,
        settings.mapping,
        settings.id_column,
        settings.summary_by,
        source,
        settings.role_column,
        settings.group_option,
        settings.target_column,
        settings.rater_group_column,
        settings.keep,
        settings.keep_profile,
    )
