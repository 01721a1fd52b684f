"""Hostile raw HTML in Markdown never reaches the EPUB, whatever its disguise."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from lxml import etree

from dossier import model as m
from dossier.diagnostics import Report
from dossier.parse import parse_chapter
from dossier.render.context import RenderContext
from dossier.render.epub import render_epub
from dossier.settings import BookSettings, EpubSettings
from dossier.transforms import run_pipeline

HOSTILE = """# Hostile

<script>alert(1)</script>
<SCRIPT SRC=https://evil.example/x.js></SCRIPT>
<img src=x onerror=alert(1)>
<img src="javascript:alert(1)" alt="js image">
<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(1)">js2</a> <a href=" javascript:alert(1)">js3</a>
<a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <a href="vbscript:x">vb</a>
<iframe src="https://evil.example"></iframe>
<object data="x.swf"></object><embed src="x.swf">
<svg onload="alert(1)"><script>alert(2)</script></svg>
<math><mi>x</mi></math>
<form action="https://evil.example"><input name="q"><button>Go</button></form>
<style>@import url(https://evil.example/x.css); body{display:none}</style>
<link rel="stylesheet" href="https://evil.example/x.css">
<meta http-equiv="refresh" content="0;url=https://evil.example">
<base href="https://evil.example/">
<p style="background:url(https://evil.example/t.png)" onclick="x()">styled <b onmouseover="y()">bold</b></p>
<div><p>nested <span onfocus="z()">span</span></p></div>
<details open ontoggle="alert(1)"><summary>sum</summary>body</details>

Inline: <em onclick="x()">em</em> <img src="https://evil.example/pixel.gif" alt="pixel"> <a href="https://example.org" onclick="x()">ok</a>
<noscript><img src=x></noscript> <template><script>1</script></template> <textarea><script>1</script></textarea>

[md js](javascript:alert(1)) ![md remote](https://evil.example/i.png) <javascript:alert(1)>
"""


def test_hostile_html_never_reaches_the_epub() -> None:
    report = Report()
    chapter = parse_chapter(HOSTILE, "manuscript/hostile.md", report)
    doc = run_pipeline(m.Document(meta=m.Metadata(title="Hostile", identifier="urn:uuid:00000000-0000-0000-0000-0000000000aa"), chapters=(chapter,)), BookSettings(), report)
    data = render_epub(doc, EpubSettings(), RenderContext(report=report, build_time=datetime(2026, 1, 1, tzinfo=UTC)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        documents = {n: archive.read(n) for n in archive.namelist() if n.endswith((".xhtml", ".css", ".opf", ".ncx"))}
    for name, raw in documents.items():
        if not name.endswith(".xhtml"):
            lowered = raw.decode("utf-8").lower()
            assert "javascript:" not in lowered and "evil.example" not in lowered, name
            continue
        tree = etree.fromstring(raw)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            assert local not in {"script", "iframe", "object", "embed", "form", "input", "button", "textarea", "style", "link", "meta", "base", "svg", "math", "template", "noscript"} or (
                local in {"link", "meta"} and element.getparent() is not None and etree.QName(element.getparent()).localname == "head"
            ), (name, local)
            for attribute in element.attrib:
                assert not etree.QName(attribute).localname.lower().startswith("on"), (name, local, attribute)
                assert etree.QName(attribute).localname != "style", (name, local)
            for attribute, value in element.attrib.items():
                # Text may mention anything; no attribute may point anywhere hostile.
                assert not re.match(r"^\s*(javascript|vbscript|data):", value, re.I), (name, attribute, value)
                assert "evil.example" not in value, (name, attribute, value)
    # The words the writer meant stay; the active parts are reported.
    chapter_text = " ".join(raw.decode("utf-8") for n, raw in documents.items() if n.endswith("ch01.xhtml"))
    for word in ("styled", "bold", "nested", "span", "sum", "body", "em", "ok", "pixel"):
        assert word in chapter_text
    assert {"html-dropped", "link-unsafe", "image-remote"} <= set(report.codes())
