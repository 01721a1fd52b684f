"""What every renderer receives besides the tree: the impure bits, injected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dossier.diagnostics import Report


@dataclass(frozen=True, slots=True)
class RenderContext:
    #: Where renderers append warnings (a glyph missing from a font, ...).
    report: Report
    #: The build's clock: `SOURCE_DATE_EPOCH` when set, so output is reproducible.
    build_time: datetime
