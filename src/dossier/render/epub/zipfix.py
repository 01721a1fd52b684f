"""Rewrite an EPUB zip so the same book always gives the same bytes.

ebooklib stamps every entry with the current time; here each entry gets the
build time instead, fixed attributes and compression, in ebooklib's (fixed)
order with `mimetype` first and stored, as OCF requires.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

MIMETYPE = "mimetype"
_DOS_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
_DOS_END = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)
#: A regular file, rw-r--r--, as written on Unix.
_FILE_ATTRIBUTES = 0o100644 << 16
_UNIX = 3


def zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """`moment` in UTC, clamped to what a zip header can hold."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    utc = min(max(utc, _DOS_EPOCH), _DOS_END)
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)


def reproducible_zip(data: bytes, build_time: datetime) -> bytes:
    stamp = zip_time(build_time)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        entries = [(name, source.read(name)) for name in names]
    ordered = sorted(entries, key=lambda entry: entry[0] != MIMETYPE)  # stable: mimetype first
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, content in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = _UNIX
            info.external_attr = _FILE_ATTRIBUTES
            if name == MIMETYPE:
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, content)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, content, compresslevel=9)
    return buffer.getvalue()
