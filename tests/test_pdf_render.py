"""The PDF renderer, tested from trees: text, fonts, links, pages, notes."""

from __future__ import annotations

import dataclasses

import pytest
from pypdf.generic import DictionaryObject

from dossier import model as m
from dossier.walk import iter_nodes
from tests.kitchen import kitchen_sink_document
from tests.test_pdf_support import Rendered, big_document, render, t


@pytest.fixture(scope="module")
def kitchen() -> Rendered:
    return render(kitchen_sink_document())


def test_kitchen_sink_holds_every_node_type() -> None:
    seen = {type(node) for node in iter_nodes(kitchen_sink_document())}
    assert set(m.BLOCK_TYPES) <= seen
    assert set(m.INLINE_TYPES) <= seen


def test_accented_names_come_out_exact(kitchen: Rendered) -> None:
    text = kitchen.all_text()
    for name in ("Túpac Amaru", "Chavín de Huántar", "Néstor Cerpa Cartolini", "Ana Pérez"):
        assert name in text


@pytest.mark.parametrize(
    "needle",
    [
        "Key facts", "When: 17 December 1996", "emphasis", "strong", "struck", "code <&> span",
        "a link", "a cross-reference", "A footnote with Túpac Amaru", "Ampersand & less-than < greater-than >",
        "\"quotes\" — Néstor", "The talks", "bullet one", "☑ task done", "☐ task open", "third", "nested",
        "fourth", "MRTA", "Movimiento Revolucionario Túpac Amaru.", "Red Cross.", "Second definition.",
        "A quoted paragraph.", "def f(x):", "return x < 1 and x > 0 # & done", "Numbers",
        "Table 1. Hostages over time", "17 Dec 1996", "≈600", "Raid", "Figure 1. A blue box, captioned",
        "See the table and chapter one.", "A note callout.", "Careful", "A warning.",
        "Answer notes for teachers.", "For the teacher", "Discussion questions", "Why?", "Second note.",
        "Every node type", "For classroom use".upper(), "Contents", "Aftermath",
    ],
)
def test_every_node_prints_its_text(kitchen: Rendered, needle: str) -> None:
    assert needle in kitchen.all_text()


def test_no_diagnostics_for_the_kitchen_sink(kitchen: Rendered) -> None:
    assert kitchen.report.diagnostics == []


def test_every_font_is_embedded(kitchen: Rendered) -> None:
    fonts = 0
    for page in kitchen.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            fonts += 1
    assert fonts > 5


def _outline_depth(items: list[object], depth: int = 1) -> int:
    deepest = depth - 1
    for item in items:
        deepest = max(deepest, _outline_depth(item, depth + 1) if isinstance(item, list) else depth)
    return deepest


def test_outline_nests_chapters_and_sections(kitchen: Rendered) -> None:
    outline = kitchen.reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Contents", "Context: Chavín de Huántar", "Aftermath"]
    assert _outline_depth(outline) >= 2


def _links(rendered: Rendered, index: int) -> list[DictionaryObject]:
    annots = rendered.reader.pages[index].get("/Annots") or []
    return [a.get_object() for a in annots if a.get_object()["/Subtype"] == "/Link"]


def _internal(link: DictionaryObject) -> bool:
    action = link.get("/A")
    return "/Dest" in link or (action is not None and action.get_object()["/S"] == "/GoTo")


def test_toc_entries_are_live_links_with_page_numbers(kitchen: Rendered) -> None:
    toc = kitchen.pages_with("Contents")[0]
    assert "The talks 1" in kitchen.page_text(toc)
    assert "Aftermath 2" in kitchen.page_text(toc)
    links = [link for link in _links(kitchen, toc) if _internal(link)]
    assert len(links) == 4


def test_footnote_sits_on_the_page_of_its_reference_and_links_both_ways(kitchen: Rendered) -> None:
    note_page = kitchen.pages_with("A footnote with Túpac Amaru")
    assert note_page == kitchen.pages_with("Plain, emphasis")
    internal = [link for link in _links(kitchen, note_page[0]) if _internal(link)]
    # reference → note, note → reference, the cross-reference
    assert len(internal) >= 3
    external = [link for link in _links(kitchen, note_page[0]) if not _internal(link)]
    assert external and external[0]["/A"]["/URI"] == "https://example.org/a?b=1&c=2"


def test_folios_and_page_labels_agree(kitchen: Rendered) -> None:
    labels = list(kitchen.reader.page_labels)
    assert labels == ["i", "ii", "1", "2"]
    for index, label in enumerate(labels):
        if index == 0:
            continue  # the title page has no folio
        assert kitchen.page_text(index).endswith(label) or f" {label} " in f" {kitchen.page_text(index)} "


def test_page_starts_map_body_pages_to_blocks(kitchen: Rendered) -> None:
    starts = kitchen.pdf.page_starts
    assert [s.label for s in starts] == ["1", "2"]
    assert (starts[0].chapter, starts[0].block) == (0, -1)
    assert (starts[-1].chapter, starts[-1].block) == (1, -1)


def test_paper_sizes() -> None:
    a4 = render(kitchen_sink_document(), paper="a4").reader.pages[0].mediabox
    letter = render(kitchen_sink_document(), paper="letter").reader.pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_two_renders_are_byte_identical() -> None:
    assert render(kitchen_sink_document()).pdf.data == render(kitchen_sink_document()).pdf.data


def test_metadata(kitchen: Rendered) -> None:
    info = kitchen.reader.metadata
    assert info is not None
    assert info.title == "Kitchen sink: Chavín de Huántar"
    assert info.author == "Ana Pérez, Test Author"
    assert info["/Keywords"] == "test, Peru"
    assert info["/CreationDate"].startswith("D:20261124120000")
    assert kitchen.reader.trailer["/Root"]["/Lang"] == "en"


def _with_paragraph(text: str) -> m.Document:
    doc = kitchen_sink_document()
    chapter = doc.chapters[1]
    extra = m.Paragraph(children=(t(text),), pos=m.SourcePos("manuscript/02-two.md", 9))
    return dataclasses.replace(doc, chapters=(doc.chapters[0], dataclasses.replace(chapter, blocks=(*chapter.blocks, extra))))


def test_a_glyph_missing_from_every_font_is_reported() -> None:
    rendered = render(_with_paragraph("Lima 中 and क."))
    missing = [d for d in rendered.report.diagnostics if d.code == "glyph-missing"]
    assert {d.message.split("(")[1][:7] for d in missing} == {"U+4E2D)", "U+0915)"}
    assert all(d.pos.path == "manuscript/02-two.md" and d.pos.line == 9 for d in missing)


def test_symbols_the_text_face_lacks_come_from_the_fallback_face() -> None:
    rendered = render(_with_paragraph("Ballot ☐ and ☑ in running text."))
    assert rendered.report.diagnostics == []
    assert "Ballot ☐ and ☑" in rendered.all_text()


def test_long_code_lines_wrap_inside_the_page() -> None:
    doc = kitchen_sink_document()
    long = "x = [" + ", ".join(f"item{n}" for n in range(60)) + "]"
    code = m.CodeBlock(text=long + "\n", language="python")
    chapter = dataclasses.replace(doc.chapters[1], blocks=(code,))
    rendered = render(dataclasses.replace(doc, chapters=(doc.chapters[0], chapter)))
    page = rendered.pages_with("item0")[0]
    text = rendered.page_text(page)
    assert "↪" in text and "item59]" in text
    width = float(rendered.reader.pages[page].mediabox.width)
    right_edges: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if "item" in text:
            right_edges.append(tm[4] + len(text) * size * 0.61)

    rendered.reader.pages[page].extract_text(visitor_text=visit)
    assert right_edges and max(right_edges) < width


def test_endnotes_collect_notes_at_the_chapter_end() -> None:
    rendered = render(kitchen_sink_document(), notes="endnotes")
    text = rendered.all_text()
    assert "Notes 1. A footnote with Túpac Amaru" in text
    assert text.index("Notes 1. A footnote") > text.index("Figure 1.")
    assert rendered.pages_with("Second note.") == rendered.pages_with("Aftermath")[-1:]


def test_duplex_opens_chapters_on_odd_pages() -> None:
    rendered = render(big_document(chapters=3, paragraphs=14, rows=0), duplex=True)
    labels = list(rendered.reader.page_labels)
    for chapter in ("Chapter 1", "Chapter 2", "Chapter 3"):
        opening = rendered.pages_with(f"{chapter} paragraph 1.")[0]
        assert int(labels[opening]) % 2 == 1
        assert (opening + 1) % 2 == 1  # a right-hand sheet side, counting from the title page


def test_big_book_keeps_every_footnote_with_its_reference() -> None:
    rendered = render(big_document())
    assert rendered.report.diagnostics == []
    for c in range(1, 6):
        for p in range(1, 31, 3):
            note = rendered.pages_with(f"Note c{c}p{p}:")
            assert len(note) == 1, (c, p)
            # the words right after the reference are on the note's page
            assert rendered.pages_with(f"Marker c{c}p{p} follows") == note, (c, p)


def test_long_table_repeats_its_header() -> None:
    rendered = render(big_document(chapters=2, paragraphs=3, rows=90))
    pages = rendered.pages_with("Date What happened Count")
    assert len(pages) >= 2


def test_page_starts_cover_every_body_page() -> None:
    rendered = render(big_document())
    starts = rendered.pdf.page_starts
    labels = list(rendered.reader.page_labels)
    body = [label for label in labels if label.isdigit()]
    assert [s.label for s in starts] == body
    chapters = [s.chapter for s in starts]
    assert chapters == sorted(chapters)
    assert {(s.chapter, s.block) for s in starts if s.block == -1} == {(c, -1) for c in range(5)}
