"""The build's contact with the outside: its clock and its file writes."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path


class ClockError(ValueError):
    pass


def build_time() -> datetime:
    """`SOURCE_DATE_EPOCH` when set (reproducible builds), else now, in UTC."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(raw), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise ClockError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {raw!r}") from exc


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to `path`, then rename: a failed build never leaves a
    half-written file, nor destroys the previous good one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
