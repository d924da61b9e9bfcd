"""The whole package as one XLSX workbook: a sheet per table, in the package's order.

Numbers, integers and booleans are written as such, dates as real dates shown
as yyyy-mm-dd, and every other value as a string cell. A string cell is never
a formula: openpyxl would turn text starting with `=` into one, so each string
cell's type is set back to "s" after its value (text starting with `+`, `-` or
`@` is only a formula when typed in, never in a stored string cell). The text
is therefore exactly the CSV's, with no quote or prefix added.

XML cannot hold control characters (a stray one can come from a badly
extracted source): they are left out of the cell, with a warning naming the
CSV line, rather than failing the whole build.

The workbook's own timestamps and the zip around it are fixed (archive.py), so
two builds of the same package give the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from chengnuo.downloads.archive import repack
from chengnuo.datapackage.read import Package, Table, Value
from chengnuo.errors import BuildWarning, ChengnuoError

# Excel's limits: a sheet name has at most 31 characters, a cell 32,767.
SHEET_NAME_MAX = 31
CELL_TEXT_MAX = 32767
DATE_FORMAT = "yyyy-mm-dd"
# Column widths in characters, for a readable first view; long text wraps past it.
WIDTH_MIN, WIDTH_MAX = 8, 60


def workbook_bytes(package: Package, when: dt.datetime,
                   warnings: list[BuildWarning] | None = None) -> bytes:
    """The XLSX file for `package`, stamped with `when`; problems it lived with go to `warnings`."""
    warnings = [] if warnings is None else warnings
    # Write-only: rows stream to the file, several times faster than a normal workbook.
    workbook = Workbook(write_only=True)
    try:
        for table in package.tables.values():
            _add_sheet(workbook, table, f"{package.folder.name}/{table.path}", warnings)
    except BaseException:
        # Close the half-written sheets in order (rows, then sheet): left to the garbage
        # collector, each printed a traceback of lxml after the one-line error or Ctrl-C.
        for sheet in workbook.worksheets:
            with contextlib.suppress(Exception):
                sheet.close()
        raise
    properties = workbook.properties
    properties.creator = "chengnuo"
    properties.title = str(package.descriptor.get("title") or package.name)
    properties.created = properties.modified = when
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save() stamps the current time. Stored,
    # not deflated: repack() compresses each member once, with fixed metadata.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return repack(buffer.getvalue(), when)


def _add_sheet(workbook: Workbook, table: Table, path: str,
               warnings: list[BuildWarning]) -> None:
    if len(table.name) > SHEET_NAME_MAX:
        raise ChengnuoError(f"table {table.name!r}: the name is longer than the "
                            f"{SHEET_NAME_MAX} characters an XLSX sheet name may have")
    sheet = workbook.create_sheet(table.name)
    # A write-only sheet takes its layout before its first row.
    for column, field in enumerate(table.fields, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _width(table, field.name)
    sheet.freeze_panes = "A2"
    header = []
    for name in table.columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for index, row in enumerate(table.rows):
        line = table.lines[index] if table.lines else index + 2
        cells: list[object] = []
        for field in table.fields:
            value = row[field.name]
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                value = cell
            elif isinstance(value, str):
                cell = WriteOnlyCell(sheet, value=_cell_text(value, path, line, field.name,
                                                             warnings))
                cell.data_type = "s"  # never a formula, whatever the text starts with
                value = cell
            cells.append(value)
        sheet.append(cells)


def _cell_text(value: str, path: str, line: int, column: str,
               warnings: list[BuildWarning]) -> str:
    if ILLEGAL_CHARACTERS_RE.search(value):
        warnings.append(BuildWarning(path, line, f"column {column!r}: control characters left "
                                                 "out of the XLSX cell (XML cannot hold them)"))
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > CELL_TEXT_MAX:
        raise ChengnuoError(f"column {column!r}: {len(value)} characters, more than the "
                            f"{CELL_TEXT_MAX} an XLSX cell holds", path=path, line=line)
    return value


def _width(table: Table, column: str) -> int:
    longest = max([_display_width(column)]
                  + [_display_width(row[column]) for row in table.rows[:200]])
    return max(WIDTH_MIN, min(WIDTH_MAX, longest + 2))


def _display_width(value: Value) -> int:
    text = "" if value is None else str(value)
    # A Chinese character takes about two columns of a Latin one.
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)
