"""Spreadsheets in: read a CSV or XLSX file, turn each row into a record form's data, dry-run or apply.

A kind of record (`ImportKind`, declared in its app) names its columns (the same `Columns` its list exports),
how to find the record a row describes by its natural key, and the form that writes it: the same RecordForm
as the web page, so validation, `clean()` and the access rules (a form offers only what the importer may use)
are the forms' own. Every row goes through the form inside one transaction; a dry run rolls it back, an
import with any refused row rolls it back too, so a file is applied all or nothing.
"""

import contextvars
import copy
import csv
import datetime
import functools
import hashlib
import io
import json
import re
import secrets
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from simple_history.utils import update_change_reason

from plumbing.bilingual import choice_from_text
from plumbing.export import FORMULA_PREFIXES, MULTI_SEPARATOR, Column, Columns
from plumbing.records import may_edit, save_record

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000


class BadFile(Exception):
    """A file that cannot be imported at all, with the reason in words for the person who sent it."""


# Reading


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number as the spreadsheet shows it, cells)


def read_table(name: str, data: bytes) -> Table:
    """The header and rows of a CSV (UTF-8 with or without BOM, or Windows-1252) or XLSX file."""
    if len(data) > MAX_BYTES:
        raise BadFile(too_large_message())
    if name.lower().endswith(".xlsx"):
        table = _read_xlsx(data)
    elif name.lower().endswith(".csv"):
        table = _read_csv(data)
    else:
        raise BadFile(_("Send a CSV (.csv) or Excel (.xlsx) file."))
    return _check_rows(table)


def too_large_message() -> str:
    return _("The file is larger than %(megabytes)s MB: split it into smaller files.") % {
        "megabytes": MAX_BYTES // (1024 * 1024)
    }


def too_many_rows_message() -> str:
    return ngettext(
        "The file has more than %(count)s row: split it into smaller files.",
        "The file has more than %(count)s rows: split it into smaller files.",
        MAX_ROWS,
    ) % {"count": f"{MAX_ROWS:,}"}


def formula_message(number: int, header: str) -> str:
    # Translators: %(column)s is the header of a spreadsheet column, as the file names it.
    return _("Row %(row)s, column “%(column)s”: formulas are not imported. Paste the value instead.") % {
        "row": number,
        "column": header,
    }


def check_size(size: int) -> None:
    """Refuse a file by its size before reading it."""
    if size > MAX_BYTES:
        raise BadFile(too_large_message())


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BadFile(_("The file is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8.")) from None
    if "\x00" in text:
        raise BadFile(_("The file is not a CSV text file: save it as CSV UTF-8 or as an Excel workbook (.xlsx)."))
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        # Translators: %(error)s is the CSV reader's own explanation, in English.
        raise BadFile(_("The file is not valid CSV: %(error)s.") % {"error": error}) from None
    if not lines:
        raise BadFile(_("The file is empty."))
    for number, cells in enumerate(lines[1:], start=2):
        for index, cell in enumerate(cells):
            if cell.startswith("="):
                # Translators: a column without a header, named by its place: "column 3".
                unnamed = _("column %(number)s") % {"number": index + 1}
                header = lines[0][index] if index < len(lines[0]) else unnamed
                raise BadFile(formula_message(number, header))
    return Table(headers=lines[0], rows=list(enumerate(lines[1:], start=2)))


def _open_workbook(data: bytes):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise BadFile(
            _("The file is not an Excel workbook (.xlsx): open it in a spreadsheet and save it again.")
        ) from None


def _read_xlsx(data: bytes) -> Table:
    workbook = _open_workbook(data)
    try:
        return _read_sheet(workbook.worksheets[0])
    finally:
        workbook.close()


def read_sheets(data: bytes) -> dict[str, Table]:
    """Every sheet of a workbook with rows under its header, by the sheet's name (sheets without rows left out)."""
    check_size(len(data))
    workbook = _open_workbook(data)
    try:
        tables = {sheet.title: _read_sheet(sheet) for sheet in workbook.worksheets}
    finally:
        workbook.close()
    return {
        title: _check_rows(table) for title, table in tables.items() if not all(_blank(c) for _number, c in table.rows)
    }


def _read_sheet(sheet) -> Table:
    rows = []
    headers = None
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values = []
        for cell in cells:
            if cell.data_type == "f":
                header = headers[len(values)] if headers and len(values) < len(headers) else ""
                raise BadFile(formula_message(number, header))
            values.append(cell.value)
        if headers is None:
            headers = ["" if value is None else str(value) for value in values]
        else:
            rows.append((number, values))
        if len(rows) > MAX_ROWS:
            raise BadFile(too_many_rows_message())
    if headers is None:
        raise BadFile(_("The sheet “%(sheet)s” is empty.") % {"sheet": sheet.title})
    return Table(headers=headers, rows=rows)


def _check_rows(table: Table) -> Table:
    while table.headers and not str(table.headers[-1]).strip():
        table.headers.pop()
    rows = [(number, cells) for number, cells in table.rows]
    # Blank rows at the end are how spreadsheets end; a blank row between rows is a mistake worth naming.
    while rows and _blank(rows[-1][1]):
        rows.pop()
    for number, cells in rows:
        if _blank(cells):
            raise BadFile(_("Row %(row)s is empty: delete it, or fill it in.") % {"row": number})
        extra = [value for value in cells[len(table.headers) :] if not _blank([value])]
        if extra:
            raise BadFile(
                _("Row %(row)s has more cells than there are columns: give every column a header.") % {"row": number}
            )
    if not rows:
        raise BadFile(_("The file has a header row but no rows to import."))
    if len(rows) > MAX_ROWS:
        raise BadFile(too_many_rows_message())
    return Table(headers=[str(header).strip() for header in table.headers], rows=rows)


def _blank(cells) -> bool:
    return all(value is None or str(value).strip() == "" for value in cells)


# Kinds of records


@dataclass(frozen=True)
class ImportKind:
    """How rows become records of one kind.

    `find(values, user)` gives the record a row describes (its natural key: a slug, a name, an agreement and
    an article number) or None for a new one; `form(data, instance, user, values)` the record form that checks
    and writes it, the web page's own. Optional hooks: `prepare(values, user, reason)` adds what the row names
    that is new to the registry (a tool's vendor); `save(form, user)` saves a new or changed record when that is
    a workflow (a clause and its first version, a consultation's timeline), by default save_record;
    `after(record, values, user, reason)` writes the rows that come with it (an employer's budget). A registry
    (vendors, tools, proposals) names its records by `key` instead of `find`: looked up in memory. `prepare`
    and `after` return their changes as `(column, old, new)`; every hook raises ValidationError to refuse the
    row. `example` is the template's example row, by header.
    """

    name: str
    columns: Columns
    find: Callable | None
    form: Callable
    example: dict
    key: "NaturalKey | None" = None  # instead of `find`, for a registry that fits in memory
    prepare: Callable | None = None
    save: Callable | None = None
    after: Callable | None = None

    @property
    def import_columns(self) -> list[Column]:
        return [column for column in self.columns.columns if column.field]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.import_columns]

    def template(self) -> list[list]:
        return [self.headers, [self.example.get(header, "") for header in self.headers]]


# A record matched to its row without a query: two rows name the same one however the file is written.
AMBIGUOUS = object()


def _folded(texts) -> tuple:
    # lower(), not casefold(): "Straße" stays apart from "STRASSE", as the databases' case-insensitive match keeps
    # it (and as the vendor look-up does).
    return tuple(str(text).lower() for text in texts)


@dataclass(frozen=True)
class NaturalKey:
    """How the rows of a registry name their records, by a few texts matched without regard to case (as
    `__iexact` would): the records the importer may see are read once per file and each new one joins them, so
    that finding a row's record costs no query however long the file (a query per row scanned the registry)."""

    what: str  # "tool", for the message when two records match
    records: Callable  # records(user): the queryset of those `user` may see, with what `of_record` reads
    of_record: Callable  # record -> its texts
    of_row: Callable  # the row's values -> the same texts

    def load(self, user) -> dict:
        """{key: record} of the records `user` may see, each knowing whether `user` may change it."""
        records = self.records(user)
        editable = records.model._default_manager.editable_by(user).filter(pk=OuterRef("pk"))
        index = {}
        for record in records.annotate(import_editable=Exists(editable)):
            key = _folded(self.of_record(record))
            index[key] = AMBIGUOUS if key in index else record
        return index


# Running


@dataclass
class RowResult:
    number: int
    status: str  # "new", "changed", "unchanged", "refused"
    label: str = ""
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (column, old, new)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)


@dataclass
class Report:
    kind: str
    rows: list[RowResult]
    applied: bool = False

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    # For templates, which cannot pass an argument.
    new_count = property(lambda self: self.count("new"))
    changed_count = property(lambda self: self.count("changed"))
    unchanged_count = property(lambda self: self.count("unchanged"))
    refused_count = property(lambda self: self.count("refused"))

    @property
    def refused(self) -> bool:
        return any(row.status == "refused" for row in self.rows)


class _Rollback(Exception):
    pass


def run_import(kind: ImportKind, table: Table, *, user, source: str, dry_run: bool, union: str | None = None) -> Report:
    """Check every row of `table` through the kind's form and, unless `dry_run` or a row is refused, apply them
    all in one transaction. History rows name `user` and, as their change reason, the file. With `union` (a
    union's name), an empty Union cell means that union and a row naming another is refused."""
    _check_headers(kind, table.headers)
    importer = _Importer(kind, user, reason=f"Imported from {source}"[:100], headers=table.headers)
    report = Report(kind=kind.name, rows=[])
    memo = _memo.set({})
    try:
        with transaction.atomic():
            for number, cells in table.rows:
                values = dict(zip(table.headers, cells, strict=False))
                report.rows.append(importer.row(number, values, union))
            if dry_run or report.refused:
                raise _Rollback
    except _Rollback:
        return report
    finally:
        _memo.reset(memo)
    report.applied = True
    return report


_memo = contextvars.ContextVar("import_memo", default=None)


def remember_found(key, find: Callable):
    """`find()`, asked once per file when it finds something: a hook's look-up that later rows repeat (is this
    vendor in the registry yet?). Nothing found is asked again, since a later row may have added it."""
    memo = _memo.get()
    if memo is None:
        return find()
    if key not in memo:
        found = find()
        if not found:
            return found
        memo[key] = found
    return memo[key]


def _check_headers(kind: ImportKind, headers: list[str]) -> None:
    known = {column.header for column in kind.columns.columns}
    unknown = [header for header in headers if header not in known]
    if unknown:
        # Translators: %(unknown)s and %(columns)s list column headers, which stay in English; %(kind)s names
        # what is imported ("tools", "model-clauses").
        message = ngettext(
            "Unknown column: %(unknown)s. The columns for %(kind)s are: %(columns)s.",
            "Unknown columns: %(unknown)s. The columns for %(kind)s are: %(columns)s.",
            len(unknown),
        )
        raise BadFile(message % {"unknown": ", ".join(unknown), "kind": kind.name, "columns": ", ".join(kind.headers)})
    missing = [column.header for column in kind.import_columns if not column.optional and column.header not in headers]
    if missing:
        message = ngettext("Missing column: %(missing)s.", "Missing columns: %(missing)s.", len(missing))
        raise BadFile(message % {"missing": ", ".join(missing)})
    if len(set(headers)) != len(headers):
        raise BadFile(_("Two columns have the same header: keep one of them."))


class _Importer:
    def __init__(self, kind: ImportKind, user, reason: str, headers: list[str]):
        self.kind, self.user, self.reason = kind, user, reason
        # The columns this file imports: an optional column it leaves out is not written at all.
        self.columns = [column for column in kind.import_columns if not column.optional or column.header in headers]
        # Asked once per file, not once per row: whether the importer may add records of the kind, the fields
        # of a blank form (for a new record and for an existing one), and the ids of records named by key.
        self.may_add = kind.columns.model.objects.may_add(user)
        self.blank_fields = {}
        self.ids = {}
        self.choices = _Choices()
        self.keyed = None  # kind.key's records, read at the first row

    def row(self, number: int, values: dict, union: str | None = None) -> RowResult:
        values = {header: cell_text(value) for header, value in values.items()}
        kind = self.kind
        if union and "Union" in kind.headers:
            values["Union"] = values.get("Union") or union
            if values["Union"].lower() != union.lower():
                refusal = _("This import is for %(union)s only.") % {"union": union}
                return RowResult(number, "refused", errors=[("Union", refusal)])
        # No savepoint per row: every write a row makes goes through a form or a service that is atomic itself,
        # and a file with a refused row is rolled back whole.
        try:
            return self._row(number, values)
        except ValidationError as error:
            by_field = {column.field: column.header for column in kind.import_columns}
            errors = (
                [
                    (by_field.get(name, name), message)
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
                if hasattr(error, "error_dict")
                else [("", message) for message in error.messages]
            )
            return RowResult(number, "refused", errors=errors)

    def _row(self, number: int, values: dict) -> RowResult:
        kind, user = self.kind, self.user
        notes = list(kind.prepare(values, user, self.reason) or []) if kind.prepare else []
        instance = self._find(values)
        _refuse_unless_allowed(kind, instance, user, may_add=self.may_add)
        data, errors = self._form_data(self._fields(instance, values), values, instance)
        if errors:
            return RowResult(number, "refused", errors=errors)
        form = kind.form(data, instance, user, values)
        self.choices.attach(form)
        if not form.is_valid():
            return RowResult(number, "refused", errors=self._form_errors(form))
        # Only what the file says counts: a field the kind does not import (a consultation's clauses) is kept.
        changed = set(form.changed_data) & {column.field for column in self.columns}
        if changed:
            # The old values as the list exports them, with the same annotations, so that old and new read alike.
            shown = kind.columns.queryset(user).get(pk=instance.pk) if instance is not None else None
        record = form.instance
        if instance is None or changed:
            record._change_reason = self.reason
            if kind.save:
                record = kind.save(form, user)
                update_change_reason(record, self.reason)
            else:
                record = save_record(form, user=user)
        if self.keyed is not None and (instance is None or changed):
            self.keyed[_folded(kind.key.of_record(record))] = record  # what later rows naming it compare with
        after = list(kind.after(record, values, user, self.reason) or []) if kind.after else []
        label = str(record)
        if instance is None:
            return RowResult(number, "new", label=label, changes=notes + after)
        changes = [
            (column.header, _shown(column.get(shown)), values.get(column.header, ""))
            for column in self.columns
            if column.field in changed
        ]
        changes = notes + changes + after
        return RowResult(number, "changed" if changes else "unchanged", label=label, changes=changes)

    def _find(self, values):
        key = self.kind.key
        if key is None:
            return self.kind.find(values, self.user)
        if self.keyed is None:
            self.keyed = key.load(self.user)
        found = self.keyed.get(_folded(key.of_row(values)))
        if found is AMBIGUOUS:
            raise ValidationError(ambiguous_message(key.what))
        # A copy: a form writes what it cleaned onto its instance even when the row is then refused, and the
        # next row naming this record must compare with what is saved.
        return copy.copy(found) if found is not None else None

    def _fields(self, instance, values) -> dict:
        new = instance is None
        if new not in self.blank_fields:
            self.blank_fields[new] = self.kind.form(None, instance, self.user, values).fields
        return self.blank_fields[new]

    def _form_data(self, fields, values: dict, instance=None):
        """The row as the form's data (a record named by its natural key becomes its id). A field the file has
        no column for keeps the record's value, or a new record's default (an agreement's reopener window)."""
        imported = {column.field for column in self.columns}
        kept = model_to_dict(instance) if instance is not None else {}
        data, errors = {}, []
        for name, form_field in fields.items():
            if name not in imported and not isinstance(form_field, forms.ModelMultipleChoiceField):
                value = kept.get(name) if instance is not None else _initial(form_field)
                if value is not None:
                    data[name] = value
        for column in self.columns:
            if column.field not in fields:
                continue  # fixed once the record exists (its union, its parent)
            cell = values.get(column.header, "")
            if cell == "" and instance is None and _initial(fields[column.field]) is not None:
                data[column.field] = _initial(fields[column.field])  # left blank: a new record's default
                continue
            try:
                data[column.field] = form_value(fields[column.field], cell, column, self.ids)
            except ValidationError as error:
                errors.extend((column.header, message) for message in error.messages)
        return data, errors

    def _form_errors(self, form) -> list[tuple[str, str]]:
        by_field = {column.field: column.header for column in self.kind.import_columns}
        return [(by_field.get(name, ""), message) for name, messages in form.errors.items() for message in messages]


class _Choices:
    """The records a form's pickers chose, remembered for the rest of the file: a row naming the same vendor as
    the row before costs no query. Remembered by the picker's query (its SQL), so a row whose form offers other
    choices (another union's principles, an archived record that is already chosen) is checked by its own."""

    def __init__(self):
        self.chosen = {}

    def attach(self, form) -> None:
        for picker in form.fields.values():
            if isinstance(picker, forms.ModelChoiceField) and not isinstance(picker, forms.ModelMultipleChoiceField):
                picker.to_python = functools.partial(self._to_python, picker, picker.to_python)

    def _to_python(self, field, to_python, value):
        if value in field.empty_values:
            return to_python(value)
        try:
            key = (str(field.queryset.query), field.to_field_name, str(value))
        except EmptyResultSet:
            return to_python(value)
        if key not in self.chosen:
            # Only what was found is remembered: a record added by a later row is looked for again.
            self.chosen[key] = to_python(value)
        return self.chosen[key]


def _initial(field):
    return field.initial() if callable(field.initial) else field.initial


def _refuse_unless_allowed(kind: ImportKind, instance, user, *, may_add: bool) -> None:
    model = kind.columns.model
    if instance is None and not may_add:
        raise ValidationError(
            _("You may not add %(kinds)s: only union officers may.") % {"kinds": model._meta.verbose_name_plural}
        )
    # A record found by a NaturalKey knows already (`import_editable`); one found by `find` is asked.
    if instance is not None and not getattr(instance, "import_editable", None) and not may_edit(user, instance):
        raise ValidationError(
            _("You may read “%(record)s” but not change it: only the officers of the union that owns it may.")
            % {"record": instance}
        )


def ambiguous_message(what) -> str:
    # Translators: %(kind)s is a kind of record, such as "tool" or "vendor".
    return _("More than one %(kind)s matches this row: rename one of them first.") % {"kind": what}


def find_one(queryset, what: str, **lookups):
    """The one record of `queryset` matching `lookups` (None when there is none); two matches refuse the row."""
    found = list(queryset.filter(**lookups)[:2])
    if len(found) > 1:
        raise ValidationError(ambiguous_message(what))
    return found[0] if found else None


def cell_text(value) -> str:
    """A cell as the text a form reads: dates as ISO dates, numbers plainly, and an exported cell's
    formula-neutralising apostrophe taken off again."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_PREFIXES:
        return text[1:]
    return text


def _shown(value) -> str:
    if isinstance(value, (list, tuple)):
        return MULTI_SEPARATOR.join(str(item) for item in value)
    return cell_text(value)


def form_value(field, text: str, column: Column, ids: dict):
    """The form data for one cell: a record named by its natural key becomes its id (remembered in `ids` for
    the rest of the file), a choice may be given by its code or its label, several values are separated by " | "."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [_record_id(field, part, column, ids) for part in _split(text)]
    if isinstance(field, forms.ModelChoiceField):
        return _record_id(field, text, column, ids) if text else ""
    if isinstance(field, forms.MultipleChoiceField):
        return [_choice(field, part, column) for part in _split(text)]
    if isinstance(field, forms.ChoiceField):
        return _choice(field, text, column) if text else ""
    return text


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(MULTI_SEPARATOR.strip()) if part.strip()]


def _choice(field, text: str, column: Column) -> str:
    value = choice_from_text(field.choices, text)
    if value is not None:
        return value
    allowed = ", ".join(str(label) for value, label in field.choices if value != "")
    raise ValidationError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": text, "allowed": allowed})


def _record_id(field, text: str, column: Column, ids: dict):
    if (column.header, text.lower()) in ids:
        return ids[column.header, text.lower()]
    key = column.key or "name"
    target = field.to_field_name or "pk"
    matches = list(field.queryset.filter(**{f"{key}__iexact": text}).values_list(target, flat=True)[:2])
    if len(matches) == 1:
        ids[column.header, text.lower()] = matches[0]
        return matches[0]
    # Translators: %(column)s is a column's header in lower case ("vendor"), which stays in English.
    what = {"column": column.header.lower(), "value": text}
    if matches:
        raise ValidationError(_("More than one %(column)s is called “%(value)s”: rename one of them first.") % what)
    # Translators: %(column)s is a column's header in lower case ("vendor"), which stays in English.
    raise ValidationError(_("No %(column)s “%(value)s” that you may use here.") % what)


# Files kept between the dry run and the confirmation


def upload_dir() -> Path:
    return Path(settings.IMPORT_UPLOAD_DIR)


def keep_upload(*, user, kind: str, name: str, data: bytes) -> str:
    """Keep an uploaded file until its import is confirmed; the token names it, for its uploader only."""
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old_uploads(folder)
    token = secrets.token_urlsafe(24)
    (folder / f"{token}.data").write_bytes(data)
    meta = {"user": user.pk, "kind": kind, "name": name[:200], "sha256": hashlib.sha256(data).hexdigest()}
    (folder / f"{token}.json").write_text(json.dumps(meta))
    return token


def kept_upload(*, user, token: str) -> dict | None:
    """The file kept under `token` (its kind, name and bytes), if `user` uploaded it and it is intact."""
    if not _TOKEN.fullmatch(token or ""):
        return None
    folder = upload_dir()
    try:
        meta = json.loads((folder / f"{token}.json").read_text())
        data = (folder / f"{token}.data").read_bytes()
    except (OSError, ValueError):
        return None
    if meta.get("user") != user.pk or hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        return None
    return {**meta, "data": data}


def drop_upload(token: str) -> None:
    if _TOKEN.fullmatch(token or ""):
        for suffix in (".data", ".json"):
            (upload_dir() / f"{token}{suffix}").unlink(missing_ok=True)


_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
# A file whose dry run was never confirmed is forgotten after a day.
KEEP_FOR = datetime.timedelta(days=1)


def _forget_old_uploads(folder: Path) -> None:
    oldest = time.time() - KEEP_FOR.total_seconds()
    for path in folder.glob("*.data"):
        if path.stat().st_mtime < oldest:
            drop_upload(path.stem)
