"""The EPUB's content documents, tested from trees by parsing their XML:
every node's text, semantic elements, notes, figures, tables, safety."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from dossier import model as m
from dossier.diagnostics import SourcePos
from dossier.walk import iter_nodes
from tests.kitchen import kitchen_sink_document
from tests.test_epub_support import (
    EPUB_TYPE,
    KITCHEN_PAGES,
    NS,
    XML_LANG,
    Epub,
    large_document,
    para,
    render,
    t,
)


@pytest.fixture(scope="module")
def kitchen() -> Epub:
    return render()


@pytest.fixture(scope="module")
def large() -> Epub:
    doc, pages = large_document()
    return render(doc, pages=pages)


def _one(root: etree._Element, path: str) -> etree._Element:
    found = root.findall(path, NS)
    assert len(found) == 1, f"{path}: {len(found)} found"
    return found[0]


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_kitchen_sink_holds_every_node_type() -> None:
    seen = {type(node) for node in iter_nodes(kitchen_sink_document())}
    assert set(m.BLOCK_TYPES) <= seen
    assert set(m.INLINE_TYPES) <= seen


@pytest.mark.parametrize(
    ("index", "needle"),
    [
        (0, "Context: Chavín de Huántar"), (0, "Key facts"), (0, "When: 17 December 1996"), (0, "emphasis"),
        (0, "strong"), (0, "struck"), (0, "H2O, x2"), (0, "code <&> span"), (0, "a link"), (0, "a cross-reference"),
        (0, "an image"), (0, "a note1 and a hard"), (0, "A footnote with Túpac Amaru"),
        (0, 'break. Ampersand & less-than < greater-than > "quotes" — Néstor Cerpa Cartolini.'), (0, "The talks"),
        (0, "bullet one"), (0, "☑ task done"), (0, "☐ task open"), (0, "third"), (0, "nested"), (0, "fourth"),
        (0, "MRTA"), (0, "Movimiento Revolucionario Túpac Amaru."), (0, "Red Cross."), (0, "Second definition."),
        (0, "A quoted paragraph."), (0, "def f(x): return x < 1 and x > 0 # & done"), (0, "Numbers"),
        (0, "Table 1. Hostages over time"), (0, "Date"), (0, "Event"), (0, "Count"), (0, "17 Dec 1996"),
        (0, "Assault"), (0, "≈600"), (0, "22 Apr 1997"), (0, "Raid"), (0, "72"), (0, "Figure 1. A blue box, captioned"),
        (1, "Aftermath"), (1, "See the table and chapter one."), (1, "Note A note callout."),
        (1, "Careful A warning."), (1, "For the teacher Answer notes for teachers."), (1, "Discussion questions"),
        (1, "Why?1"), (1, "1 Second note."),
    ],
)
def test_every_text_reaches_its_chapter(kitchen: Epub, index: int, needle: str) -> None:
    assert needle in kitchen.text(f"ch0{index + 1}.xhtml")


def test_inline_markup_is_semantic(kitchen: Epub) -> None:
    body = kitchen.chapter(0)
    for tag, text in (("em", "emphasis"), ("strong", "strong"), ("s", "struck"), ("sub", "2"), ("sup", "2"), ("code", "code <&> span")):
        assert any(el.text == text for el in body.iterfind(f".//h:{tag}", NS)), tag
    assert len(body.findall(".//h:br", NS)) == 1


def test_headings_keep_their_hierarchy_and_ids(kitchen: Epub, large: Epub) -> None:
    one = kitchen.chapter(0)
    assert _text(_one(one, ".//h:h1")) == "Context: Chavín de Huántar"
    assert _one(one, ".//h:h2").get("id") == "talks"
    assert _one(one, ".//h:h3").get("id") == "numbers"
    big = large.chapter(0)
    assert big.find(".//h:h6[@id='c1-s1-h7']", NS) is not None  # level 7 clamps to h6
    assert big.find(".//h:h4[@id='c1-s1-h4']", NS) is not None
    for chapter in range(2):
        assert len(kitchen.chapter(chapter).findall(".//h:h1", NS)) == 1


def test_chapter_is_a_section_with_its_id(kitchen: Epub) -> None:
    section = _one(kitchen.chapter(1), ".//h:section")
    assert section.get("id") == "aftermath"
    assert section.get(EPUB_TYPE) == "chapter"
    assert section.get("role") == "doc-chapter"


def test_links_go_out_and_refs_stay_in(kitchen: Epub) -> None:
    one, two = kitchen.chapter(0), kitchen.chapter(1)
    link = _one(one, ".//h:a[@class='external']")
    assert link.get("href") == "https://example.org/a?b=1&c=2"
    assert link.get("title") == "Example"
    assert _one(one, ".//h:a[@class='xref']").get("href") == "ch01.xhtml#talks"
    hrefs = [a.get("href") for a in two.iterfind(".//h:a[@class='xref']", NS)]
    assert hrefs == ["ch01.xhtml#tbl-hostages", "ch01.xhtml"]


def test_every_internal_href_lands_on_an_id(large: Epub, kitchen: Epub) -> None:
    for epub in (kitchen, large):
        ids = {
            (name, el.get("id"))
            for name in epub.xhtml_names()
            for el in epub.xml(name).iter()
            if el.get("id")
        }
        for name in epub.xhtml_names():
            for a in epub.xml(name).iterfind(".//h:a[@href]", NS):
                href = a.get("href")
                if href.startswith(("http", "mailto")):
                    continue
                target, _, fragment = href.partition("#")
                target = target or name
                assert target in epub.xhtml_names(), href
                if fragment:
                    assert (target, fragment) in ids, f"{name}: {href}"


def test_footnotes_are_epub3_noterefs_and_asides_with_back_links(kitchen: Epub) -> None:
    one = kitchen.chapter(0)
    ref = _one(one, ".//h:a[@role='doc-noteref']")
    assert ref.get(EPUB_TYPE) == "noteref"
    assert ref.get("href") == "#fn-1-1"
    assert _text(ref) == "1"
    aside = _one(one, ".//h:aside[@role='doc-footnote']")
    assert aside.get(EPUB_TYPE) == "footnote"
    assert aside.get("id") == "fn-1-1"
    back = _one(aside, ".//h:a[@role='doc-backlink']")
    assert back.get("href") == f"#{ref.get('id')}"
    assert _text(aside) == "1 A footnote with Túpac Amaru"
    # The notes come after everything else in the chapter.
    section = _one(one, ".//h:section")
    assert section[-1].get("class") == "footnotes"


def test_notes_inside_links_follow_the_link_and_links_never_nest(large: Epub) -> None:
    one = large.chapter(0)
    for a in one.iterfind(".//h:a", NS):
        assert a.find(".//h:a", NS) is None
    link = next(a for a in one.iterfind(".//h:a[@class='external']", NS) if _text(a) == "A link with a note")
    following = link.getnext()
    assert following is not None and following.get("role") == "doc-noteref"
    assert following.get("href") == "#fn-1-1-link"
    assert one.find(".//h:aside[@id='fn-1-1-link']", NS) is not None


def test_note_count_matches_the_tree(large: Epub) -> None:
    doc, _ = large_document()
    for index, chapter in enumerate(doc.chapters):
        notes = sum(isinstance(node, m.Note) for node in iter_nodes(chapter))
        xhtml = large.chapter(index)
        assert len(xhtml.findall(".//h:aside[@role='doc-footnote']", NS)) == notes
        assert len(xhtml.findall(".//h:a[@role='doc-noteref']", NS)) == notes


def test_lists_keep_start_and_show_task_boxes_without_inputs(kitchen: Epub) -> None:
    one = kitchen.chapter(0)
    assert _one(one, ".//h:ol").get("start") == "3"
    boxes = one.findall(".//h:span[@class='task-box']", NS)
    assert [(b.text, b.get("aria-label"), b.get("role")) for b in boxes] == [("☑", "done", "img"), ("☐", "not done", "img")]
    assert one.find(".//h:input", NS) is None


def test_definition_list_blockquote_code_and_rule(kitchen: Epub) -> None:
    one = kitchen.chapter(0)
    dl = _one(one, ".//h:dl")
    assert [child.tag.split("}")[1] for child in dl] == ["dt", "dd", "dt", "dd", "dd"]
    assert _text(_one(one, ".//h:blockquote")) == "A quoted paragraph."
    code = _one(one, ".//h:pre/h:code")
    assert code.get("class") == "language-python"
    assert code.text == "def f(x):\n    return x < 1 and x > 0  # & done"
    assert len(one.findall(".//h:hr", NS)) == 1


def test_tables_have_header_scope_caption_and_alignment_classes(kitchen: Epub) -> None:
    table = _one(kitchen.chapter(0), ".//h:table")
    assert table.get("id") == "tbl-hostages"
    assert _text(_one(table, "h:caption")) == "Table 1. Hostages over time"
    heads = table.findall("h:thead/h:tr/h:th", NS)
    assert [th.get("scope") for th in heads] == ["col", "col", "col"]
    assert [th.get("class") for th in heads] == ["align-left", "align-center", "align-right"]
    assert len(table.findall("h:tbody/h:tr", NS)) == 2
    assert all(el.get("style") is None for el in table.iter())


def test_figures_and_images_have_alt_text(kitchen: Epub) -> None:
    one = kitchen.chapter(0)
    figure = _one(one, ".//h:figure")
    assert figure.get("id") == "fig-box"
    img = _one(figure, "h:img")
    assert img.get("alt") == "A blue rectangle standing for a chart"
    assert img.get("src") == "images/001-box.png"
    assert "EPUB/images/001-box.png" in kitchen.files
    assert _text(_one(figure, "h:figcaption")) == "Figure 1. A blue box, captioned"
    inline = _one(one, ".//h:p/h:img")
    assert inline.get("alt") == "a small blue box"
    for name in kitchen.xhtml_names():
        for image in kitchen.xml(name).iter("{http://www.w3.org/1999/xhtml}img"):
            assert image.get("alt"), name


def test_missing_alt_text_is_reported_at_the_image() -> None:
    doc = kitchen_sink_document()
    blank = m.Figure(image=m.Image(alt="", resource="assets/box.png", pos=SourcePos("manuscript/01-one.md", 42)), number=2, id="fig-2")
    chapter = dataclasses.replace(doc.chapters[0], blocks=(*doc.chapters[0].blocks, blank))
    epub = render(dataclasses.replace(doc, chapters=(chapter, doc.chapters[1])))
    found = [d for d in epub.report.diagnostics if d.code == "image-alt-missing"]
    assert [d.pos for d in found] == [SourcePos("manuscript/01-one.md", 42)]
    assert "alternativeText" not in epub.meta("schema:accessibilityFeature")
    assert epub.meta("schema:accessModeSufficient") == ["textual,visual"]


def test_callouts_are_asides_with_a_class_per_kind_and_a_title(kitchen: Epub) -> None:
    asides = kitchen.chapter(1).findall(".//h:aside[@role='note']", NS)
    assert [a.get("class") for a in asides] == ["callout callout-note", "callout callout-warning", "callout callout-teacher"]
    assert [_text(_one(a, "h:p[@class='callout-title']")) for a in asides] == ["Note", "Careful", "For the teacher"]


def test_every_document_declares_its_language(kitchen: Epub, large: Epub) -> None:
    for epub, lang in ((kitchen, "en"), (large, "es")):
        for name in epub.xhtml_names():
            root = epub.xml(name)
            assert (root.get("lang"), root.get(XML_LANG)) == (lang, lang), name


def test_no_script_no_handlers_no_javascript_no_remote_resources(large: Epub, kitchen: Epub) -> None:
    for epub in (kitchen, large):
        for name in epub.xhtml_names():
            for el in epub.xml(name).iter():
                assert not isinstance(el.tag, str) or not el.tag.endswith(("}script", "}iframe", "}object", "}embed"))
                for key, value in el.attrib.items():
                    assert not key.lower().startswith("on"), (name, key)
                    assert "javascript:" not in value.lower(), (name, key, value)
                    if key == "src":
                        assert not value.startswith(("http:", "https:", "//")), value


def test_unsafe_links_become_text_with_a_warning() -> None:
    doc = kitchen_sink_document()
    bad = para(t("Run "), m.Link(children=(t("this"),), url=" JavaScript:alert(1)", pos=SourcePos("manuscript/01-one.md", 7)), t(" now."))
    data = m.Link(children=(t("data"),), url="data:text/html,<script>x</script>")
    chapter = dataclasses.replace(doc.chapters[0], blocks=(bad, para(data), *doc.chapters[0].blocks))
    epub = render(dataclasses.replace(doc, chapters=(chapter, doc.chapters[1])))
    assert "Run this now." in epub.text("ch01.xhtml")
    assert b"javascript" not in epub.files["EPUB/ch01.xhtml"].lower()
    assert b"<script" not in epub.files["EPUB/ch01.xhtml"]
    codes = [(d.code, d.pos.line) for d in epub.report.diagnostics]
    assert ("link-unsafe", 7) in codes
    assert sum(code == "link-unsafe" for code, _ in codes) == 2


def test_urls_are_escaped_once() -> None:
    doc = kitchen_sink_document()
    odd = para(m.Link(children=(t("odd"),), url="https://example.org/a b?q=<1>&r=é%"))
    chapter = dataclasses.replace(doc.chapters[0], blocks=(odd,))
    epub = render(dataclasses.replace(doc, chapters=(chapter, doc.chapters[1])))
    href = _one(epub.chapter(0), ".//h:a[@class='external']").get("href")
    assert href == "https://example.org/a%20b?q=%3C1%3E&r=%C3%A9%25"


def test_page_breaks_sit_before_their_blocks() -> None:
    epub = render(pages=KITCHEN_PAGES)
    section = _one(epub.chapter(0), ".//h:section")
    children = list(section)
    first = children[0]
    assert (first.get(EPUB_TYPE), first.get("role"), first.get("id"), first.get("aria-label")) == ("pagebreak", "doc-pagebreak", "page-1", "1")
    assert children[1].tag.endswith("}h1")
    two = _one(section, "h:span[@id='page-2']")
    assert two.getnext().tag.endswith("}ul")  # block 3: the bullet list after "The talks"
    three = _one(section, "h:span[@id='page-3']")
    assert three.getnext().get("id") == "page-4"  # two pages start at the same block
    assert three.getnext().getnext().get("id") == "numbers"  # block 9: the h3
    assert _one(epub.chapter(1), ".//h:section")[0].get("id") == "page-5"


def test_page_break_ids_stay_unique_for_odd_and_repeated_labels(large: Epub) -> None:
    ids = [
        el.get("id")
        for name in large.xhtml_names()
        for el in large.xml(name).iterfind(".//h:span[@role='doc-pagebreak']", NS)
    ]
    assert len(ids) == len(set(ids))
    assert {"page-iv", "page-iv-2", "page-12-bis"} <= set(ids)


def test_no_page_breaks_without_page_starts(kitchen: Epub) -> None:
    for name in kitchen.xhtml_names():
        assert kitchen.xml(name).find(".//h:span[@role='doc-pagebreak']", NS) is None


def test_page_starts_outside_the_book_are_reported_not_raised() -> None:
    from dossier.render.pages import PageStart

    epub = render(pages=(PageStart("1", 0, -1), PageStart("2", 5, 0), PageStart("3", 0, 99)))
    assert [d.code for d in epub.report.diagnostics] == ["page-start-invalid", "page-start-invalid"]
    assert len(epub.chapter(0).findall(".//h:span[@role='doc-pagebreak']", NS)) == 1


def test_teacher_callouts_render_when_present(kitchen: Epub) -> None:
    assert kitchen.chapter(1).find(".//h:aside[@class='callout callout-teacher']", NS) is not None


def test_kitchen_sink_renders_without_diagnostics(kitchen: Epub) -> None:
    assert kitchen.report.diagnostics == []
