"""Document → Document steps shared by every output, in one explicit order."""

from __future__ import annotations

from dossier import model as m
from dossier.diagnostics import Report
from dossier.settings import BookSettings
from dossier.transforms.editions import drop_teacher_notes
from dossier.transforms.footnotes import number_notes
from dossier.transforms.ids import assign_ids
from dossier.transforms.numbering import number_figures_and_tables
from dossier.transforms.toc import build_toc
from dossier.transforms.xrefs import resolve_xrefs


def run_pipeline(doc: m.Document, settings: BookSettings, report: Report, *, teacher: bool = False) -> m.Document:
    """The shared transforms. `teacher` keeps `::: teacher` notes (teacher handout)."""
    if not teacher:
        doc = drop_teacher_notes(doc)
    doc = number_figures_and_tables(doc, report)
    doc = assign_ids(doc, report)
    doc = resolve_xrefs(doc, report)
    doc = number_notes(doc, settings.note_numbering)
    doc = build_toc(doc)
    return doc
