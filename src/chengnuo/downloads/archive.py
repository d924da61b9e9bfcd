"""Zip files that are byte-identical from one build to the next.

A zip stores a modification time, permissions and the creating system for each
member; Python fills them from the clock and the platform. Here they are fixed:
every member gets the build timestamp (SOURCE_DATE_EPOCH when set, as the
reproducible-builds convention asks, else the zip epoch 1980-01-01), mode 0644
and "Unix", and members keep the order they are given in.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from chengnuo.errors import ChengnuoError

# The earliest time a zip can store (its DOS date starts in 1980), and the latest
# (its 7-bit year ends in 2107).
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z
ZIP_END = 4354819199  # 2107-12-31T23:59:59Z


def build_timestamp() -> dt.datetime:
    """The time stamped into built files: SOURCE_DATE_EPOCH, else 1980-01-01 (UTC, naive)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = ZIP_EPOCH
    if raw:
        try:
            seconds = int(raw)
        except ValueError:
            raise ChengnuoError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, "
                                f"not {raw!r}") from None
    if seconds > ZIP_END:
        raise ChengnuoError(f"SOURCE_DATE_EPOCH {raw} is after 2107, the last year a zip file "
                            "can record",
                            hint="give a time in seconds since 1970, e.g. `git log -1 --format=%ct`")
    # A zip cannot hold a time before 1980, so earlier values are raised to it.
    seconds = max(seconds, ZIP_EPOCH)
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).replace(tzinfo=None)


def zip_bytes(members: Iterable[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """A deflated zip holding `members` (name, content) in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def repack(data: bytes, when: dt.datetime) -> bytes:
    """`data` (a zip written by another library) with every member's metadata fixed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_bytes(members, when)


def package_zip(folder: Path, files: Iterable[str], when: dt.datetime) -> bytes:
    """The data package as one zip: its files, at the same paths as in `folder`."""
    return zip_bytes(((name, (folder / name).read_bytes()) for name in files), when)
