"""Bulk import of units from a CSV file: every row is checked first, then all or nothing.

The file has a header row naming its columns: ``name,short_name,category,email,phone``
and optionally ``parent`` (the name of the parent unit, in the file or already known)
and ``position`` (the order of precedence within the category).
A category is written as its key (``huyen_uy``) or as its Vietnamese label, with or
without diacritics. Units are matched by name, so importing the same file again updates
them instead of adding duplicates.
"""

import csv
import functools
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .categories import VIETNAMESE_LABELS, UnitCategory
from .folding import fold
from .models import Unit

# A list of units is a few kilobytes; refuse anything absurdly larger before reading it.
MAX_BYTES = 5 * 1024 * 1024

REQUIRED_COLUMNS = ("name", "category")
OPTIONAL_COLUMNS = ("short_name", "email", "phone", "parent", "position")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# Header names a Vietnamese spreadsheet may use instead of the English ones.
HEADER_ALIASES = {
    "name": ("name", "ten", "ten don vi"),
    "short_name": ("short name", "short_name", "ten viet tat", "ten ngan"),
    "category": ("category", "loai", "nhom", "loai don vi", "nhom don vi"),
    "email": ("email", "e-mail", "e mail", "thu dien tu"),
    "phone": ("phone", "dien thoai", "so dien thoai"),
    "parent": ("parent", "don vi cap tren", "cap tren"),
    "position": ("position", "order", "thu tu", "stt"),
}
MAX_POSITION = 32767

MAX_LENGTHS = {
    "name": Unit._meta.get_field("name").max_length,
    "short_name": Unit._meta.get_field("short_name").max_length,
    "phone": Unit._meta.get_field("phone").max_length,
}


# -- errors ---------------------------------------------------------------


@dataclass
class RowError:
    """One problem in the file, where a spreadsheet user would look for it."""

    line: int
    message: str
    column: int | None = None  # 1-based
    header: str = ""

    def __str__(self):
        if self.column is not None and not self.header:
            return _("Line %(line)d, column %(letter)s: %(message)s") % {
                "line": self.line,
                "letter": column_letter(self.column),
                "message": self.message,
            }
        if self.column is None:
            return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}
        return _("Line %(line)d, column %(letter)s (%(header)s): %(message)s") % {
            "line": self.line,
            "letter": column_letter(self.column),
            "header": self.header,
            "message": self.message,
        }


class UnitImportError(Exception):
    """The file cannot be imported; nothing was saved. `errors` lists every problem found."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    def summary(self):
        return _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }


# -- text helpers ---------------------------------------------------------


def column_letter(number):
    """1 → A, 27 → AA, as spreadsheets name columns."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def clean_text(value):
    """NFC, trimmed, inner runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def name_key(value):
    """Units are the same when their names differ only in case, spaces or Unicode form."""
    return clean_text(value).casefold()


@functools.cache
def category_lookup():
    """Every accepted spelling of a category (folded) → its key."""
    lookup = {}
    with translation.override("vi"):
        translated = {key: str(label) for key, label in UnitCategory.choices}
    for key in UnitCategory.values:
        spellings = {key, VIETNAMESE_LABELS.get(key, ""), translated[key]}
        for spelling in filter(None, spellings):
            folded = fold(spelling)
            lookup[folded] = key
            # Lists often write "Các đảng đoàn" or "Một số tổ chức cơ sở đảng".
            for prefix in ("cac ", "mot so "):
                if folded.startswith(prefix):
                    lookup[folded[len(prefix) :]] = key
    return lookup


def match_category(value, lookup):
    folded = fold(value)
    if folded in lookup:
        return lookup[folded]
    for prefix in ("cac ", "mot so "):
        if folded.startswith(prefix) and folded[len(prefix) :] in lookup:
            return lookup[folded[len(prefix) :]]
    return None


# -- reading --------------------------------------------------------------


@dataclass
class UnitRow:
    line: int
    values: dict  # column name → cleaned text, only for the columns the file has
    positions: dict  # column name → its 1-based position in the file
    headers: dict  # column name → the header as the file writes it
    category: str | None = ""

    def where(self, name):
        """(column, header) of one of the row's values, for a RowError."""
        return self.positions[name], self.headers[name]


def decode(data):
    """The file's text; UTF-8 with or without a byte-order mark, nothing else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise UnitImportError(
            [
                RowError(
                    1,
                    _(
                        "the file is in UTF-16, not UTF-8. Open it in the spreadsheet and "
                        "save it again as “CSV UTF-8”."
                    ),
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnitImportError(
            [
                RowError(
                    line,
                    _(
                        "the file is not in UTF-8 (it may have been saved as Windows-1258 or "
                        "another old code page). Open it in the spreadsheet and save it again "
                        "as “CSV UTF-8”."
                    ),
                )
            ]
        ) from None


def sniff_delimiter(first_line):
    """Vietnamese-locale spreadsheets save CSV with semicolons; accept those and tabs too."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_header(cells, errors):
    """Map each column position to a known column name, reporting what does not fit."""
    aliases = {
        fold(alias): name for name, spellings in HEADER_ALIASES.items() for alias in spellings
    }
    if not any(fold(cell) in aliases for cell in cells):
        errors.append(
            RowError(
                1,
                _("the first row must be the header row naming the columns, e.g. %(example)s.")
                % {"example": "name,short_name,category,email,phone"},
            )
        )
        return {}
    columns = {}
    seen = {}
    for position, cell in enumerate(cells, start=1):
        text = clean_text(cell)
        if not text:
            continue
        name = aliases.get(fold(text))
        if name is None:
            errors.append(
                RowError(
                    1,
                    _("unknown column “%(header)s”. The columns are: %(columns)s.")
                    % {"header": text, "columns": ", ".join(COLUMNS)},
                    position,
                    text,
                )
            )
        elif name in seen:
            errors.append(
                RowError(
                    1,
                    _("the column “%(name)s” appears twice (also column %(letter)s).")
                    % {"name": name, "letter": column_letter(seen[name])},
                    position,
                    text,
                )
            )
        else:
            seen[name] = position
            columns[position] = name
    missing = [name for name in REQUIRED_COLUMNS if name not in seen]
    if missing:
        errors.append(
            RowError(
                1,
                _(
                    "the header row must name the columns %(required)s (and may add %(optional)s); "
                    "missing: %(missing)s."
                )
                % {
                    "required": ", ".join(REQUIRED_COLUMNS),
                    "optional": ", ".join(OPTIONAL_COLUMNS),
                    "missing": ", ".join(missing),
                },
            )
        )
    return columns


def read_rows(data):
    """Parse and check every row; return the rows or raise UnitImportError listing all errors."""
    text = decode(data)
    if not text.strip():
        raise UnitImportError(
            [RowError(1, _("the file is empty; it needs a header row and one row per unit."))]
        )
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    errors = []
    header, rows = [], []
    try:
        header = next(reader)
        columns = read_header(header, errors)
        if errors:
            raise UnitImportError(errors)
        first_line_of = {}
        line = reader.line_num + 1
        for cells in reader:
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            row, ok = check_row(row_line, cells, header, columns, errors)
            key = name_key(row.values["name"])
            if key and key in first_line_of:
                errors.append(
                    RowError(
                        row_line,
                        _("the unit “%(name)s” is already on line %(first)d.")
                        % {"name": row.values["name"], "first": first_line_of[key]},
                        *row.where("name"),
                    )
                )
                continue
            first_line_of.setdefault(key, row_line)
            if ok:
                rows.append(row)
    except csv.Error as exc:
        errors.append(
            RowError(
                reader.line_num, _("the row cannot be read as CSV: %(reason)s") % {"reason": exc}
            )
        )
    if not errors and rows and "parent" in rows[0].positions:
        check_parents(rows, errors)
    if errors:
        raise UnitImportError(sorted(errors, key=lambda error: (error.line, error.column or 0)))
    if not rows:
        raise UnitImportError([RowError(2, _("the file has a header row but no units."))])
    return rows


def check_row(line, cells, header, columns, errors):
    """One row's values, cleaned, and whether they passed; problems go to `errors`."""
    found = len(errors)
    last = max(columns)
    extra = [index for index, cell in enumerate(cells[last:], start=last + 1) if cell.strip()]
    if extra:
        errors.append(
            RowError(
                line,
                _("a value outside the columns named in the header row."),
                extra[0],
                "",
            )
        )
    row = UnitRow(
        line=line,
        values={
            name: clean_text(cells[position - 1] if position <= len(cells) else "")
            for position, name in columns.items()
        },
        positions={name: position for position, name in columns.items()},
        headers={name: clean_text(header[position - 1]) for position, name in columns.items()},
    )
    values = row.values
    for name, limit in MAX_LENGTHS.items():
        if name in values and len(values[name]) > limit:
            errors.append(
                RowError(
                    line,
                    _("too long: %(length)d characters, at most %(limit)d.")
                    % {"length": len(values[name]), "limit": limit},
                    *row.where(name),
                )
            )

    if not values["name"]:
        errors.append(RowError(line, _("the unit's name is empty."), *row.where("name")))

    if not values["category"]:
        errors.append(RowError(line, _("the category is empty."), *row.where("category")))
    else:
        row.category = match_category(values["category"], category_lookup())
        if row.category is None:
            errors.append(
                RowError(
                    line,
                    _(
                        "unknown category “%(value)s”. Write one of the keys %(keys)s "
                        "or its Vietnamese name."
                    )
                    % {"value": values["category"], "keys": ", ".join(UnitCategory.values)},
                    *row.where("category"),
                )
            )

    if values.get("position"):
        digits = re.fullmatch(r"[0-9]{1,5}", values["position"])
        if not digits or int(values["position"]) > MAX_POSITION:
            errors.append(
                RowError(
                    line,
                    _("the order “%(value)s” is not a whole number from 0 to %(max)d.")
                    % {"value": values["position"], "max": MAX_POSITION},
                    *row.where("position"),
                )
            )

    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.append(
                RowError(
                    line,
                    _("“%(value)s” is not a valid e-mail address.") % {"value": values["email"]},
                    *row.where("email"),
                )
            )
    return row, len(errors) == found


def check_parents(rows, errors):
    """A parent must exist (in the file or already) and must not lead back to the unit."""
    position, header = rows[0].where("parent")
    in_file = {name_key(row.values["name"]): row for row in rows}
    known = {name_key(unit.name): unit for unit in Unit.objects.select_related("parent")}
    parent_of = {key: name_key(unit.parent.name) for key, unit in known.items() if unit.parent}
    for row in rows:
        parent = row.values.get("parent", "")
        key = name_key(row.values["name"])
        if not parent:
            parent_of.pop(key, None)
            continue
        parent_key = name_key(parent)
        if parent_key == key:
            errors.append(
                RowError(row.line, _("a unit cannot be its own parent."), position, header)
            )
        elif parent_key not in in_file and parent_key not in known:
            errors.append(
                RowError(
                    row.line,
                    _("the parent unit “%(name)s” is neither in this file nor already known.")
                    % {"name": parent},
                    position,
                    header,
                )
            )
        else:
            parent_of[key] = parent_key
    for row in rows:
        key = name_key(row.values["name"])
        seen = {key}
        current = parent_of.get(key)
        while current is not None and current not in seen:
            seen.add(current)
            current = parent_of.get(current)
        if current == key and parent_of.get(key) != key:
            errors.append(
                RowError(
                    row.line,
                    _("the parent units go round in a circle back to “%(name)s”.")
                    % {"name": row.values["name"]},
                    position,
                    header,
                )
            )


# -- writing --------------------------------------------------------------


def import_units(data, *, dry_run=False):
    """Check the CSV bytes, then create or update every unit in one transaction.

    Raises UnitImportError (nothing saved) when any row is wrong. With `dry_run`
    the changes are worked out and reported but rolled back.
    """
    rows = read_rows(data)
    result = ImportResult()
    with transaction.atomic():
        existing = {name_key(unit.name): unit for unit in Unit.objects.select_related("parent")}
        saved = {}
        for row in rows:
            key = name_key(row.values["name"])
            unit = existing.get(key)
            fields = {"name": row.values["name"], "category": row.category}
            fields.update(
                {
                    name: row.values[name]
                    for name in ("short_name", "email", "phone")
                    if name in row.values
                }
            )
            if row.values.get("position"):
                fields["position"] = int(row.values["position"])
            if unit is None:
                unit = Unit(**fields)
                unit.save()
                result.created.append(unit)
            else:
                changed = [name for name, value in fields.items() if getattr(unit, name) != value]
                for name in changed:
                    setattr(unit, name, fields[name])
                if changed:
                    unit.save(update_fields=changed)
                    result.updated.append(unit)
                else:
                    result.unchanged.append(unit)
            saved[key] = unit
        for row in rows:
            if "parent" not in row.values:
                continue
            unit = saved[name_key(row.values["name"])]
            parent_name = row.values["parent"]
            parent = None
            if parent_name:
                parent_key = name_key(parent_name)
                parent = saved.get(parent_key) or existing.get(parent_key)
            if unit.parent_id != (parent.pk if parent else None):
                unit.parent = parent
                unit.save(update_fields=["parent"])
                if unit not in result.created and unit not in result.updated:
                    result.unchanged.remove(unit)
                    result.updated.append(unit)
        if dry_run:
            transaction.set_rollback(True)
    return result
