"""An XLSX package that comes out byte for byte the same for the same content and stamp.

openpyxl dates the package three ways: the core properties' "created", the "modified" it sets
to the clock on every save, and each zip entry's time. All three are set to the stamp here, so
an export, like its PDF and CSV, is reproducible (a checksum in the audit log means something).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

CORE_PROPERTIES = "docProps/core.xml"


def deterministic_xlsx(book: Any, stamp: datetime, author: str) -> bytes:
    """Save an openpyxl ``Workbook`` dated at ``stamp`` (UTC) throughout."""
    from openpyxl.xml.functions import tostring  # imported here: only an export needs it

    moment = stamp.replace(tzinfo=None, microsecond=0)
    book.properties.creator = author
    book.properties.lastModifiedBy = author
    book.properties.created = moment
    raw = io.BytesIO()
    book.save(raw)  # sets properties.modified to the clock ...
    book.properties.modified = moment  # ... so the core properties are written again below
    core = tostring(book.properties.to_tree())
    when = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            content = core if info.filename == CORE_PROPERTIES else source.read(info.filename)
            target.writestr(entry, content)
    return out.getvalue()
