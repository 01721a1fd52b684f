"""A document built by hand that holds every node type, for renderer tests.

Renderers are tested from trees, not Markdown (pandoc's way), so a renderer
bug cannot hide behind a parser bug.
"""

from __future__ import annotations

import io

from PIL import Image as PILImage

from dossier import model as m
from dossier.diagnostics import SourcePos


def png_bytes(width: int = 40, height: int = 20, colour: str = "#3366aa") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def pos(line: int, path: str = "manuscript/01-one.md") -> SourcePos:
    return SourcePos(path, line)


def t(text: str) -> m.Text:
    return m.Text(text=text)


def para(*children: m.Inline) -> m.Paragraph:
    return m.Paragraph(children=children)


def kitchen_sink_document() -> m.Document:
    """Two chapters; every Block and Inline type appears at least once."""
    note = m.Note(blocks=(para(t("A footnote with "), m.Emph(children=(t("Túpac Amaru"),))),), number=1, id="fn-1-1")
    inline_img = m.Image(alt="a small blue box", resource="assets/box.png", title="")
    chapter_one = m.Chapter(
        id="context",
        title=(t("Context: Chavín de Huántar"),),
        source="manuscript/01-one.md",
        anchors=(("context", "context"), ("talks", "talks")),
        pos=pos(1),
        blocks=(
            m.Callout(
                kind=m.CalloutKind.KEYFACTS,
                title=(t("Key facts"),),
                blocks=(m.BulletList(items=(m.ListItem(blocks=(para(m.Strong(children=(t("When:"),)), t(" 17 December 1996")),)),)),),
            ),
            para(
                t("Plain, "),
                m.Emph(children=(t("emphasis"),)),
                t(", "),
                m.Strong(children=(t("strong"),)),
                t(", "),
                m.Strikeout(children=(t("struck"),)),
                t(", H"),
                m.Subscript(children=(t("2"),)),
                t("O, x"),
                m.Superscript(children=(t("2"),)),
                t(", "),
                m.Code(text="code <&> span"),
                t(", "),
                m.Link(children=(t("a link"),), url="https://example.org/a?b=1&c=2", title="Example"),
                t(", "),
                m.Ref(children=(t("a cross-reference"),), target="talks"),
                t(", an image "),
                inline_img,
                m.SoftBreak(),
                t("a note"),
                note,
                t(" and a hard"),
                m.LineBreak(),
                t("break. Ampersand & less-than < greater-than > \"quotes\" — Néstor Cerpa Cartolini."),
            ),
            m.Heading(level=2, children=(t("The talks"),), id="talks"),
            m.BulletList(
                items=(
                    m.ListItem(blocks=(para(t("bullet one")),)),
                    m.ListItem(blocks=(para(t("task done")),), checked=True),
                    m.ListItem(blocks=(para(t("task open")),), checked=False),
                ),
            ),
            m.OrderedList(
                start=3,
                tight=False,
                items=(
                    m.ListItem(blocks=(para(t("third")), m.BulletList(items=(m.ListItem(blocks=(para(t("nested")),)),)))),
                    m.ListItem(blocks=(para(t("fourth")),)),
                ),
            ),
            m.DefinitionList(
                items=(
                    m.DefinitionItem(term=(t("MRTA"),), definitions=((para(t("Movimiento Revolucionario Túpac Amaru.")),),)),
                    m.DefinitionItem(term=(t("ICRC"),), definitions=((para(t("Red Cross.")),), (para(t("Second definition.")),))),
                ),
            ),
            m.BlockQuote(blocks=(para(t("A quoted paragraph.")),)),
            m.CodeBlock(text="def f(x):\n    return x < 1 and x > 0  # & done\n", language="python"),
            m.HorizontalRule(),
            m.Heading(level=3, children=(t("Numbers"),), id="numbers"),
            m.Table(
                aligns=(m.Align.LEFT, m.Align.CENTER, m.Align.RIGHT),
                head=(m.TableRow(cells=(m.TableCell(children=(t("Date"),)), m.TableCell(children=(t("Event"),)), m.TableCell(children=(t("Count"),)))),),
                body=(
                    m.TableRow(cells=(m.TableCell(children=(t("17 Dec 1996"),)), m.TableCell(children=(t("Assault"),)), m.TableCell(children=(t("≈600"),)))),
                    m.TableRow(cells=(m.TableCell(children=(t("22 Apr 1997"),)), m.TableCell(children=(m.Emph(children=(t("Raid"),)),)), m.TableCell(children=(t("72"),)))),
                ),
                caption=(t("Hostages over time"),),
                id="tbl-hostages",
                number=1,
            ),
            m.Figure(
                image=m.Image(alt="A blue rectangle standing for a chart", resource="assets/box.png", title="Figure caption"),
                caption=(t("A blue box, "), m.Emph(children=(t("captioned"),))),
                id="fig-box",
                number=1,
            ),
        ),
    )
    chapter_two = m.Chapter(
        id="aftermath",
        title=(t("Aftermath"),),
        source="manuscript/02-two.md",
        anchors=(("aftermath", "aftermath"),),
        pos=pos(1, "manuscript/02-two.md"),
        blocks=(
            para(t("See "), m.Ref(children=(t("the table"),), target="tbl-hostages"), t(" and "), m.Ref(children=(t("chapter one"),), target="context"), t(".")),
            m.Callout(kind=m.CalloutKind.NOTE, blocks=(para(t("A note callout.")),)),
            m.Callout(kind=m.CalloutKind.WARNING, title=(t("Careful"),), blocks=(para(t("A warning.")),)),
            m.Callout(kind=m.CalloutKind.TEACHER, blocks=(para(t("Answer notes for teachers.")),)),
            m.Heading(level=2, children=(t("Discussion questions"),), id="discussion-questions"),
            m.OrderedList(items=(m.ListItem(blocks=(para(t("Why?"), m.Note(blocks=(para(t("Second note.")),), number=1, id="fn-2-1")),)),)),
        ),
    )
    toc = (
        m.TocEntry(level=1, title=chapter_one.title, target="context", children=(
            m.TocEntry(level=2, title=(t("The talks"),), target="talks", children=(
                m.TocEntry(level=3, title=(t("Numbers"),), target="numbers"),
            )),
        )),
        m.TocEntry(level=1, title=chapter_two.title, target="aftermath", children=(
            m.TocEntry(level=2, title=(t("Discussion questions"),), target="discussion-questions"),
        )),
    )
    return m.Document(
        meta=m.Metadata(
            title="Kitchen sink: Chavín de Huántar",
            subtitle="Every node type",
            authors=("Ana Pérez", "Test Author"),
            language="en",
            identifier="urn:uuid:12345678-1234-5678-1234-567812345678",
            date="2026-11-24",
            publisher="dossier tests",
            rights="CC BY 4.0",
            description="A test document.",
            keywords=("test", "Peru"),
            cover="",
            marking="For classroom use",
        ),
        chapters=(chapter_one, chapter_two),
        resources=(m.Resource(key="assets/box.png", media_type="image/png", data=png_bytes(), width=40, height=20),),
        toc=toc,
    )
