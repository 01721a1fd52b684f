"""Shared transforms: ids, cross-references, notes, numbering, toc, editions."""

from __future__ import annotations

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.settings import BookSettings
from dossier.transforms import run_pipeline
from dossier.walk import nodes_of_type


def book(*files: tuple[str, str], numbering: str = "chapter", teacher: bool = False) -> tuple[m.Document, Report]:
    report = Report()
    chapters = tuple(parse_chapter(text, f"manuscript/{name}", report) for name, text in files)
    doc = m.Document(meta=m.Metadata(title="T"), chapters=chapters)
    return run_pipeline(doc, BookSettings(note_numbering=numbering), report, teacher=teacher), report  # type: ignore[arg-type]


ONE = ("01-context.md", "# Context\n\n## The talks {#talks}\n\n## Questions\n\nSee [later](02-raid.md#questions) and [the raid](02-raid.md).\n")
TWO = ("02-raid.md", "# Raid\n\n## Questions\n\nBack to [talks](01-context.md#talks), [here](#questions), [accents](#questions).\n\n## Chavín de Huántar\n\n[x](#chavín-de-huántar)\n")


def test_cross_references_resolve_between_and_inside_chapters() -> None:
    doc, report = book(ONE, TWO)
    assert not report.diagnostics
    first, second = doc.chapters
    assert [h.id for h in nodes_of_type(first, m.Heading)] == ["talks", "questions"]
    # the second "Questions" heading in the book gets a unique id...
    assert [h.id for h in nodes_of_type(second, m.Heading)] == ["questions-1", "chavin-de-huantar"]
    # ...and links written against either file's own slugs find the right one.
    assert [r.target for r in nodes_of_type(first, m.Ref)] == ["questions-1", "raid"]
    assert [r.target for r in nodes_of_type(second, m.Ref)] == ["talks", "questions-1", "questions-1", "chavin-de-huantar"]


def test_unknown_targets_are_reported_and_kept_as_text() -> None:
    doc, report = book(("01-a.md", "# A\n\n[gone](#nowhere) and [other](03-missing.md#x).\n"))
    assert report.codes() == ["xref-unknown", "xref-unknown-file"]
    texts = [t.text for t in nodes_of_type(doc, m.Text)]
    assert "gone" in texts and "other" in texts
    assert list(nodes_of_type(doc, m.Ref)) == []


def test_duplicate_explicit_ids_are_reported() -> None:
    doc, report = book(("01-a.md", "# A {#same}\n\n## B {#same}\n"))
    assert report.codes() == ["id-duplicate"]
    assert doc.chapters[0].id == "same"
    assert [h.id for h in nodes_of_type(doc, m.Heading)] == ["same-1"]


def test_notes_numbered_per_chapter_or_per_book() -> None:
    files = (("01-a.md", "# A\n\nx[^1] y[^2]\n\n[^1]: one\n[^2]: two\n"), ("02-b.md", "# B\n\nz[^1]\n\n[^1]: three\n"))
    per_chapter, _ = book(*files)
    assert [(n.number, n.id) for n in nodes_of_type(per_chapter, m.Note)] == [(1, "fn-1-1"), (2, "fn-1-2"), (1, "fn-2-1")]
    per_book, _ = book(*files, numbering="book")
    assert [n.number for n in nodes_of_type(per_book, m.Note)] == [1, 2, 3]


def test_figures_and_tables_numbered_through_the_book() -> None:
    table = "| a |\n|---|\n| 1 |\n\nTable: Cap {#tbl-x}\n"
    doc, _ = book(("01-a.md", "# A\n\n![alt](i.png)\n\n" + table), ("02-b.md", "# B\n\n![alt](i.png \"c\"){#fig-z}\n\n" + table.replace("{#tbl-x}", "")))
    assert [(f.number, f.id) for f in nodes_of_type(doc, m.Figure)] == [(1, "fig-1"), (2, "fig-z")]
    assert [(t.number, t.id) for t in nodes_of_type(doc, m.Table)] == [(1, "tbl-x"), (2, "tbl-2")]


def test_toc_nests_headings_under_chapters() -> None:
    doc, _ = book(("01-a.md", "# A\n\n## B\n\n### C\n\n## D\n\n#### E\n"))
    [chapter] = doc.toc
    assert chapter.target == "a"
    assert [(e.target, [c.target for c in e.children]) for e in chapter.children] == [("b", ["c"]), ("d", ["e"])]


def test_teacher_notes_only_in_teacher_edition() -> None:
    text = ("01-a.md", "# A\n\n::: teacher\nAnswers.\n:::\n\n- item\n\n  ::: teacher\n  Nested answer.\n  :::\n")
    student, _ = book(text)
    teacher, _ = book(text, teacher=True)
    kinds = lambda d: [c.kind for c in nodes_of_type(d, m.Callout)]  # noqa: E731
    assert kinds(student) == []
    assert kinds(teacher) == [m.CalloutKind.TEACHER, m.CalloutKind.TEACHER]
