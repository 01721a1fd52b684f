"""The EPUB package: metadata, spine, navigation (toc, landmarks, page-list),
NCX, cover, accessibility claims, and the reproducible zip."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PIL import Image as PILImage

from dossier import model as m
from dossier.settings import EpubSettings
from tests.kitchen import kitchen_sink_document, png_bytes
from tests.test_epub_support import (
    EPUB_TYPE,
    KITCHEN_PAGES,
    NS,
    Epub,
    large_document,
    render,
)


@pytest.fixture(scope="module")
def kitchen() -> Epub:
    return render()


@pytest.fixture(scope="module")
def paged() -> Epub:
    return render(pages=KITCHEN_PAGES)


def _dc(epub: Epub, name: str) -> list[str]:
    return [el.text or "" for el in epub.opf.iterfind(f"opf:metadata/dc:{name}", NS)]


# ------------------------------------------------------------------ metadata


def test_metadata_fields(kitchen: Epub) -> None:
    opf = kitchen.opf
    assert opf.get("version") == "3.0"
    uid = opf.get("unique-identifier")
    identifier = opf.find(f"opf:metadata/dc:identifier[@id='{uid}']", NS)
    assert identifier is not None and identifier.text == "urn:uuid:12345678-1234-5678-1234-567812345678"
    assert _dc(kitchen, "title") == ["Kitchen sink: Chavín de Huántar", "Every node type"]
    assert kitchen.meta("title-type") == ["main", "subtitle"]
    assert _dc(kitchen, "creator") == ["Ana Pérez", "Test Author"]
    assert _dc(kitchen, "language") == ["en"]
    assert _dc(kitchen, "publisher") == ["dossier tests"]
    assert _dc(kitchen, "description") == ["A test document."]
    assert _dc(kitchen, "subject") == ["test", "Peru"]
    assert _dc(kitchen, "rights") == ["CC BY 4.0"]
    assert _dc(kitchen, "date") == ["2026-11-24"]


def test_modified_comes_from_the_build_time_in_utc() -> None:
    local = datetime(2026, 3, 4, 7, 6, 7, tzinfo=timezone(timedelta(hours=2)))
    epub = render(build_time=local)
    assert epub.meta("dcterms:modified") == ["2026-03-04T05:06:07Z"]


def test_identifier_is_derived_stably_when_none_is_configured() -> None:
    doc = kitchen_sink_document()
    bare = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, identifier=""))
    first, second = render(bare), render(bare)
    assert _dc(first, "identifier") == _dc(second, "identifier")
    assert _dc(first, "identifier")[0].startswith("urn:uuid:")


def test_accessibility_metadata_without_page_list(kitchen: Epub) -> None:
    assert kitchen.meta("schema:accessMode") == ["textual", "visual"]
    assert kitchen.meta("schema:accessModeSufficient") == ["textual"]
    assert kitchen.meta("schema:accessibilityFeature") == ["structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"]
    assert kitchen.meta("schema:accessibilityHazard") == ["none"]
    assert kitchen.meta("schema:accessibilitySummary")[0]
    assert kitchen.meta("pageBreakSource") == []
    assert kitchen.meta("dcterms:conformsTo") == []


def test_accessibility_metadata_with_page_list(paged: Epub) -> None:
    features = paged.meta("schema:accessibilityFeature")
    assert {"printPageNumbers", "pageBreakMarkers"} <= set(features)
    assert paged.meta("pageBreakSource") == ["the PDF edition of Kitchen sink: Chavín de Huántar"]


# --------------------------------------------------------- spine and manifest


def test_one_document_per_chapter_in_reading_order(kitchen: Epub) -> None:
    opf = kitchen.opf
    manifest = {item.get("id"): item for item in opf.iterfind("opf:manifest/opf:item", NS)}
    spine = [ref.get("idref") for ref in opf.iterfind("opf:spine/opf:itemref", NS)]
    assert [manifest[idref].get("href") for idref in spine] == ["cover.xhtml", "nav.xhtml", "ch01.xhtml", "ch02.xhtml"]
    for item in manifest.values():
        assert f"EPUB/{item.get('href')}" in kitchen.files
    assert manifest["nav"].get("properties") == "nav"
    assert opf.find("opf:spine", NS).get("toc") == "ncx"


# ---------------------------------------------------------------- navigation


def test_nav_toc_is_nested_like_doc_toc(kitchen: Epub) -> None:
    nav = kitchen.xml("nav.xhtml")
    toc = nav.find(".//h:nav[@role='doc-toc']", NS)
    assert toc is not None and toc.get(EPUB_TYPE) == "toc"

    def tree(ol: object) -> list[tuple[str, str, list[object]]]:
        items = []
        for li in ol.iterfind("h:li", NS):  # type: ignore[attr-defined]
            a = li.find("h:a", NS)
            sub = li.find("h:ol", NS)
            items.append((a.text, a.get("href"), tree(sub) if sub is not None else []))
        return items

    assert tree(toc.find("h:ol", NS)) == [
        ("Context: Chavín de Huántar", "ch01.xhtml", [("The talks", "ch01.xhtml#talks", [("Numbers", "ch01.xhtml#numbers", [])])]),
        ("Aftermath", "ch02.xhtml", [("Discussion questions", "ch02.xhtml#discussion-questions", [])]),
    ]


def test_toc_depth_setting_limits_the_nav() -> None:
    epub = render(settings=EpubSettings(toc_depth=1))
    links = epub.xml("nav.xhtml").findall(".//h:nav[@role='doc-toc']//h:a", NS)
    assert [a.get("href") for a in links] == ["ch01.xhtml", "ch02.xhtml"]


def test_landmarks(kitchen: Epub) -> None:
    nav = kitchen.xml("nav.xhtml")
    landmarks = nav.find(".//h:nav[@epub:type='landmarks']", NS)
    assert landmarks is not None
    assert [(a.get(EPUB_TYPE), a.get("href")) for a in landmarks.iterfind(".//h:a", NS)] == [
        ("cover", "cover.xhtml"),
        ("toc", "nav.xhtml#toc"),
        ("bodymatter", "ch01.xhtml"),
    ]


def test_ncx_mirrors_the_toc(kitchen: Epub) -> None:
    ncx = kitchen.xml("toc.ncx")
    assert ncx.find("ncx:head/ncx:meta[@name='dtb:uid']", NS).get("content") == "urn:uuid:12345678-1234-5678-1234-567812345678"
    top = ncx.findall("ncx:navMap/ncx:navPoint", NS)
    assert [p.find("ncx:content", NS).get("src") for p in top] == ["ch01.xhtml", "ch02.xhtml"]
    sources = [c.get("src") for c in ncx.iterfind(".//ncx:content", NS)]
    assert sources == ["ch01.xhtml", "ch01.xhtml#talks", "ch01.xhtml#numbers", "ch02.xhtml", "ch02.xhtml#discussion-questions"]
    ids = [p.get("id") for p in ncx.iterfind(".//ncx:navPoint", NS)]
    assert len(ids) == len(set(ids))


def test_page_list_nav_points_at_the_page_breaks(paged: Epub) -> None:
    nav = paged.xml("nav.xhtml")
    page_list = nav.find(".//h:nav[@epub:type='page-list']", NS)
    assert page_list is not None and page_list.get("role") == "doc-pagelist"
    entries = [(a.text, a.get("href")) for a in page_list.iterfind(".//h:a", NS)]
    assert entries == [
        ("1", "ch01.xhtml#page-1"),
        ("2", "ch01.xhtml#page-2"),
        ("3", "ch01.xhtml#page-3"),
        ("4", "ch01.xhtml#page-4"),
        ("5", "ch02.xhtml#page-5"),
        ("6", "ch02.xhtml#page-6"),
    ]
    for _, href in entries:
        name, _, fragment = href.partition("#")
        assert paged.xml(name).find(f".//h:span[@id='{fragment}']", NS).get(EPUB_TYPE) == "pagebreak"


def test_no_page_list_without_page_starts(kitchen: Epub) -> None:
    assert kitchen.xml("nav.xhtml").find(".//h:nav[@epub:type='page-list']", NS) is None


# --------------------------------------------------------------------- cover


def test_generated_cover_is_an_image_with_the_title_as_alt(kitchen: Epub) -> None:
    item = kitchen.opf.find("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert item is not None and item.get("media-type") == "image/png"
    with PILImage.open(io.BytesIO(kitchen.files[f"EPUB/{item.get('href')}"])) as image:
        assert image.size == (1200, 1800)
    img = kitchen.xml("cover.xhtml").find(".//h:img", NS)
    assert img.get("src") == item.get("href")
    assert img.get("alt") == "Cover: Kitchen sink: Chavín de Huántar — Every node type, by Ana Pérez, Test Author"
    assert kitchen.opf.find("opf:metadata/opf:meta[@name='cover']", NS).get("content") == item.get("id")


def test_configured_cover_is_used_as_it_is() -> None:
    doc = kitchen_sink_document()
    data = png_bytes(300, 450, "#884422")
    cover = m.Resource(key="assets/my cover.png", media_type="image/png", data=data, width=300, height=450)
    epub = render(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, cover=cover.key), resources=(*doc.resources, cover)))
    items = epub.opf.findall("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert len(items) == 1
    href = items[0].get("href")
    assert " " not in href
    assert epub.files[f"EPUB/{href}"] == data
    assert "EPUB/images/cover.png" not in epub.files
    assert epub.xml("cover.xhtml").find(".//h:img", NS).get("src") == href


def test_missing_cover_resource_falls_back_to_a_drawn_cover() -> None:
    doc = kitchen_sink_document()
    epub = render(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, cover="assets/none.png")))
    assert [d.code for d in epub.report.diagnostics] == ["cover-missing"]
    assert "EPUB/images/cover.png" in epub.files


# ------------------------------------------------------------------- the zip


def test_two_renders_give_the_same_bytes() -> None:
    doc, pages = large_document(3)
    assert render(doc, pages).data == render(doc, pages).data
    assert render().data == render().data


def test_a_different_build_time_changes_only_the_time() -> None:
    later = render(build_time=datetime(2027, 1, 1, tzinfo=UTC))
    earlier = render()
    assert later.data != earlier.data
    assert {k: v for k, v in later.files.items() if k != "EPUB/content.opf"} == {
        k: v for k, v in earlier.files.items() if k != "EPUB/content.opf"
    }


def test_mimetype_comes_first_stored_and_entries_are_stamped_with_the_build_time(kitchen: Epub) -> None:
    with zipfile.ZipFile(io.BytesIO(kitchen.data)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype"
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert kitchen.files["mimetype"] == b"application/epub+zip"
    assert kitchen.data[30:38] == b"mimetype"
    assert infos[0].extra == b""
    assert {info.date_time for info in infos} == {(2026, 3, 4, 5, 6, 6)}  # zip keeps even seconds
    assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in infos[1:])
    assert "META-INF/container.xml" in kitchen.files


def test_build_times_before_1980_are_clamped() -> None:
    epub = render(build_time=datetime(1970, 1, 1, tzinfo=UTC))
    with zipfile.ZipFile(io.BytesIO(epub.data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert epub.meta("dcterms:modified") == ["1970-01-01T00:00:00Z"]


# ------------------------------------------------------ metadata EPUB refuses


def test_a_date_epub_cannot_take_is_left_out_with_a_warning() -> None:
    doc = kitchen_sink_document()
    epub = render(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, date="24 November 2026")))
    assert _dc(epub, "date") == []
    assert [d.code for d in epub.report.diagnostics] == ["date-invalid"]


@pytest.mark.parametrize("date", ["2026", "2026-11", "2026-11-24", "2026-11-24T10:00:00Z", "2026-11-24T10:00+01:00"])
def test_w3c_dates_are_kept(date: str) -> None:
    doc = kitchen_sink_document()
    epub = render(dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, date=date)))
    assert _dc(epub, "date") == [date]
    assert epub.report.diagnostics == []


def test_a_book_without_title_or_chapters_is_still_a_book() -> None:
    doc = kitchen_sink_document()
    epub = render(dataclasses.replace(doc, chapters=(), toc=(), meta=dataclasses.replace(doc.meta, title="")))
    assert _dc(epub, "title")[0] == "Untitled"
    assert [d.code for d in epub.report.diagnostics] == ["title-missing"]
    links = epub.xml("nav.xhtml").findall(".//h:nav[@role='doc-toc']//h:a", NS)
    assert [a.get("href") for a in links] == ["cover.xhtml"]
    assert epub.xml("toc.ncx").find(".//ncx:navPoint", NS) is not None
