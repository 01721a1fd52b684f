"""Hostile and broken input: the parser reports, it never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.settings import BookSettings
from dossier.transforms import run_pipeline
from dossier.walk import iter_nodes

MARKDOWN_ALPHABET = st.sampled_from(
    list("abc xyz\n\n\t#*_~`>-+:|![](){}<>/\\\"'^=.1234") + ["::: note\n", ":::\n", "[^a]", "[^a]: n\n", "<em>", "</em>", "<script>", "| a | b |\n|---|---|\n", "---\n", "<div>", "&amp;", "\u00e9", "\u200b"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKDOWN_ALPHABET, max_size=120).map("".join))
def test_any_text_parses_and_transforms(text: str) -> None:
    report = Report()
    chapter = parse_chapter(text, "manuscript/fuzz.md", report)
    doc = run_pipeline(m.Document(meta=m.Metadata(title="t"), chapters=(chapter,)), BookSettings(), report)
    for node in iter_nodes(doc):
        assert type(node) in m.BLOCK_TYPES + m.INLINE_TYPES + (m.Document, m.Chapter, m.ListItem, m.DefinitionItem, m.TableRow, m.TableCell)
    # every pending cross-reference was resolved or turned into text
    assert all("#" not in n.target for n in iter_nodes(doc) if isinstance(n, m.Ref))


def test_deep_nesting_is_bounded() -> None:
    report = Report()
    parse_chapter("> " * 5000 + "deep\n", "manuscript/deep.md", report)
    parse_chapter("- " * 3000 + "deep\n", "manuscript/deep.md", report)
    assert not report.has_errors
    parse_chapter("*" * 20000 + "a" + "*" * 20000 + "\n", "manuscript/deep.md", report)
    assert [str(d) for d in report.errors] == [
        "manuscript/deep.md:1: error: markup is nested more than 60 levels deep [nesting-too-deep]"
    ]
    parse_chapter("<div>" * 3000 + "x" + "</div>" * 3000 + "\n", "manuscript/deep.md", report)


def test_unsafe_links_never_become_links() -> None:
    report = Report()
    text = '[a](javascript:alert(1)) <a href="javascript:alert(2)">b</a> <a href="data:text/html,x">c</a> <a href=" JaVaScRiPt:alert(3)">d</a>\n'
    chapter = parse_chapter(text, "manuscript/x.md", report)
    links = [n for n in iter_nodes(chapter) if isinstance(n, m.Link)]
    assert links == []
    assert report.codes().count("link-unsafe") >= 2


def test_relative_paths_cannot_leave_the_project() -> None:
    report = Report()
    parse_chapter("![x](../../../etc/passwd.png)\n", "manuscript/x.md", report)
    assert "path-outside-project" in report.codes()
