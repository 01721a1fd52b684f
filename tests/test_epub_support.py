"""Helpers for the EPUB tests (render, open the zip, parse its XML), a larger
generated book, and unit tests of the renderer's small parts."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from dossier import model as m
from dossier.diagnostics import Report
from dossier.render.context import RenderContext
from dossier.render.epub import render_epub
from dossier.render.epub.css import CssValues, stylesheet
from dossier.render.epub.layout import chapter_file, plan_layout, safe_name
from dossier.render.epub.zipfix import zip_time
from dossier.render.pages import PageStart
from dossier.settings import EpubSettings
from tests.kitchen import kitchen_sink_document, png_bytes

BUILD_TIME = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Page starts for the kitchen sink: at each chapter title and a few blocks.
KITCHEN_PAGES = (
    PageStart("1", 0, -1),
    PageStart("2", 0, 3),
    PageStart("3", 0, 9),
    PageStart("4", 0, 9),
    PageStart("5", 1, -1),
    PageStart("6", 1, 5),
)


@dataclass
class Epub:
    data: bytes
    report: Report
    files: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            self.files = {name: archive.read(name) for name in archive.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.files[f"EPUB/{name}"])

    @property
    def opf(self) -> etree._Element:
        return self.xml("content.opf")

    def chapter(self, index: int) -> etree._Element:
        return self.xml(chapter_file(index))

    def xhtml_names(self) -> list[str]:
        return [name.removeprefix("EPUB/") for name in self.files if name.endswith(".xhtml")]

    def text(self, name: str) -> str:
        """The visible text of a content document, whitespace collapsed."""
        body = self.xml(name).find("h:body", NS)
        assert body is not None
        return " ".join("".join(body.itertext()).split())

    def meta(self, prop: str) -> list[str]:
        return [el.text or "" for el in self.opf.iterfind(f".//opf:meta[@property='{prop}']", NS)]


def render(
    doc: m.Document | None = None,
    pages: tuple[PageStart, ...] | None = None,
    settings: EpubSettings | None = None,
    build_time: datetime = BUILD_TIME,
) -> Epub:
    report = Report()
    ctx = RenderContext(report=report, build_time=build_time)
    data = render_epub(doc or kitchen_sink_document(), settings or EpubSettings(), ctx, pages)
    return Epub(data, report)


def t(text: str) -> m.Text:
    return m.Text(text=text)


def para(*children: m.Inline) -> m.Paragraph:
    return m.Paragraph(children=children)


def large_document(chapters: int = 6) -> tuple[m.Document, tuple[PageStart, ...]]:
    """A book of several chapters and every construct, with awkward corners:
    notes inside links and notes, deep headings, empty alt text, an unsafe
    link, repeated and odd page labels. Returns it with its page starts."""
    built: list[m.Chapter] = []
    toc: list[m.TocEntry] = []
    pages: list[PageStart] = []
    for c in range(1, chapters + 1):
        blocks: list[m.Block] = []
        sections: list[m.TocEntry] = []
        for s in range(1, 4):
            heading_id = f"c{c}-s{s}"
            blocks.append(m.Heading(level=2, children=(t(f"Section {c}.{s}"),), id=heading_id))
            sections.append(m.TocEntry(level=2, title=(t(f"Section {c}.{s}"),), target=heading_id, children=(
                m.TocEntry(level=3, title=(t(f"Detail {c}.{s}"),), target=f"{heading_id}-d"),
            )))
            note = m.Note(blocks=(para(t(f"Note {c}.{s} with "), m.Link(children=(t("a source"),), url="https://example.org/src")),), number=s, id=f"fn-{c}-{s}")
            inner = m.Note(blocks=(para(t("A note within a link.")),), number=10 + s, id=f"fn-{c}-{s}-link")
            other = (c % chapters) + 1
            blocks.append(para(
                t(f"Paragraph {c}.{s} refers to "),
                m.Ref(children=(t("the next chapter"),), target=f"c{other}-s1"),
                t(" and cites"), note, t(". "),
                m.Link(children=(t("A link with a note"), inner), url="https://example.org/x?y=1&z=<2>"),
                t(" and "), m.Link(children=(t("a bad one"),), url="javascript:alert(1)"), t("."),
                m.SoftBreak(), m.Strong(children=(m.Emph(children=(t("nested "), m.Code(text="x<y")),),)),
            ))
            blocks.append(m.Heading(level=3, children=(t(f"Detail {c}.{s}"),), id=f"{heading_id}-d"))
            for level in (4, 5, 6, 7):
                blocks.append(m.Heading(level=level, children=(t(f"Level {level}"),), id=f"{heading_id}-h{level}"))
            blocks.append(m.BulletList(items=tuple(
                m.ListItem(blocks=(para(t(f"item {i}")), m.OrderedList(start=5, items=(m.ListItem(blocks=(para(t("deep")),)),))), checked=(None if i == 0 else i % 2 == 0))
                for i in range(3)
            ), tight=False))
            blocks.append(m.Table(
                aligns=(m.Align.DEFAULT, m.Align.RIGHT),
                head=(m.TableRow(cells=(m.TableCell(children=(t("Key"),)), m.TableCell(children=(t("Value"),)))),),
                body=tuple(m.TableRow(cells=(m.TableCell(children=(t(f"k{r}"),)), m.TableCell(children=(t(str(r * r)),)))) for r in range(12)),
                caption=(t(f"Squares {c}.{s}"),) if s != 2 else (),
                id=f"tbl-{c}-{s}",
                number=(c - 1) * 3 + s,
            ))
            blocks.append(m.Figure(
                image=m.Image(alt="" if (c, s) == (1, 2) else f"Chart {c}.{s}", resource="assets/chart.png"),
                caption=(t(f"Chart {c}.{s}"),),
                id=f"fig-{c}-{s}",
                number=(c - 1) * 3 + s,
            ))
            for kind in m.CalloutKind:
                blocks.append(m.Callout(kind=kind, blocks=(para(t(f"{kind.value} callout")), m.CodeBlock(text="x = 1\n", language="py thon!"))))
            blocks.append(m.DefinitionList(items=(
                m.DefinitionItem(term=(t("Term"),), definitions=((para(t("Def one")),), (para(t("Def two")), m.BlockQuote(blocks=(para(t("quoted")),))))),
            )))
            blocks.append(m.HorizontalRule())
        built.append(m.Chapter(id=f"chapter-{c}", title=(t(f"Chapter {c}: "), m.Emph(children=(t("Perú"),))), blocks=tuple(blocks), source=f"manuscript/{c:02d}.md"))
        toc.append(m.TocEntry(level=1, title=built[-1].title, target=f"chapter-{c}", children=tuple(sections)))
        pages.append(PageStart(str(len(pages) + 1), c - 1, -1))
        for b in range(0, len(blocks), 7):
            pages.append(PageStart(str(len(pages) + 1), c - 1, b))
            if b == 14:
                pages.append(PageStart(str(len(pages) + 1), c - 1, b))
    pages.append(PageStart("iv", 0, 2))
    pages.append(PageStart("iv", 0, 3))
    pages.append(PageStart("12 bis", 1, 4))
    doc = m.Document(
        meta=m.Metadata(title="A larger generated book", authors=("Ann Author",), language="es", identifier="urn:isbn:9780000000002", date="2026", keywords=("a", "b")),
        chapters=tuple(built),
        resources=(m.Resource(key="assets/chart.png", media_type="image/png", data=png_bytes(300, 160, "#aa6633"), width=300, height=160),),
        toc=tuple(toc),
    )
    return doc, tuple(pages)


# ------------------------------------------------------------ unit tests


def test_chapter_files_are_numbered_from_one() -> None:
    assert chapter_file(0) == "ch01.xhtml"
    assert chapter_file(11) == "ch12.xhtml"


def test_safe_name_keeps_ids_and_names_plain() -> None:
    assert safe_name("12 bis", "x") == "12-bis"
    assert safe_name("<>", "fallback") == "fallback"


def test_layout_maps_every_id_to_its_chapter_file() -> None:
    layout = plan_layout(kitchen_sink_document())
    assert layout.targets["context"] == "ch01.xhtml"
    assert layout.targets["talks"] == "ch01.xhtml#talks"
    assert layout.targets["tbl-hostages"] == "ch01.xhtml#tbl-hostages"
    assert layout.targets["fig-box"] == "ch01.xhtml#fig-box"
    assert layout.targets["discussion-questions"] == "ch02.xhtml#discussion-questions"
    assert layout.images["assets/box.png"].href == "images/001-box.png"


def test_zip_time_is_utc_and_clamped_to_the_zip_epoch() -> None:
    assert zip_time(datetime(1970, 1, 1, tzinfo=UTC)) == (1980, 1, 1, 0, 0, 0)
    assert zip_time(datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)) == (2026, 3, 4, 5, 6, 7)


def test_stylesheet_uses_relative_sizes_and_no_text_colour() -> None:
    css = stylesheet(CssValues())
    assert "px" not in css and "pt;" not in css
    assert "\ncolor" not in css and " color:" not in css
    assert "aside.callout-warning" in css


def test_stylesheet_takes_theme_values_but_not_markup() -> None:
    css = stylesheet(CssValues(serif='Evil"; } body { x', rule="red; }"))
    assert '"Evil  body  x", serif' in css
    assert "red; }" not in css


def test_stylesheet_can_be_fed_from_a_pdf_theme() -> None:
    from dossier.render.epub.css import css_values_from_theme
    from dossier.theme import load_theme

    values = css_values_from_theme(load_theme("briefing"))
    assert values.serif == "Charis SIL"
    assert set(values.callouts) == set(m.CalloutKind)
    css = stylesheet(values)
    assert '"Charis SIL", serif' in css
    assert "rgba(201, 138, 0, 0.08)" in css  # the warning callout's tint
