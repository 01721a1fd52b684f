"""Themes: built-ins, `extends`, `parent`, and errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.theme import ThemeError, load_theme
from tests.kitchen import kitchen_sink_document
from tests.test_pdf_support import render


def test_builtin_themes_load_and_print_extends_briefing() -> None:
    briefing = load_theme("briefing")
    printed = load_theme("print")
    assert briefing.name == "briefing" and printed.name == "print"
    assert printed.styles.body.size > briefing.styles.body.size
    assert printed.fonts == briefing.fonts
    # heading3 has parent = "heading2": it inherits print's black, not briefing's blue
    assert printed.styles.heading3.colour == "#000000"


def test_a_theme_file_extends_a_builtin(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('extends = "briefing"\nname = "mine"\n[styles.body]\nsize = 13\n', encoding="utf-8")
    theme = load_theme(str(path))
    assert theme.name == "mine" and theme.styles.body.size == 13.0
    assert theme.styles.heading2 == load_theme("briefing").styles.heading2


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('extends = "briefing"\n[styles.body]\nsise = 13\n', "unknown key styles.body.sise"),
        ('extends = "briefing"\n[colours]\nlink = "blue"\n', "expected a colour"),
        ('extends = "briefing"\n[styles.body]\nfont = "fantasy"\n', "expected one of"),
        ('extends = "briefing"\n[styles.body]\nsize = "big"\n', "expected a number"),
        ('name = "bare"\n', "missing key"),
        ('extends = "nowhere.toml"\n', "cannot read theme"),
        ("extends = [", "not valid TOML"),
    ],
)
def test_theme_errors_name_the_file(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as error:
        load_theme(str(path))
    assert str(path) in str(error.value) or "nowhere.toml" in str(error.value)
    assert fragment in str(error.value)


def test_a_broken_theme_is_a_render_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('extends = "briefing"\n[page]\nmargin_top = "x"\n', encoding="utf-8")
    rendered = render(kitchen_sink_document(), theme=str(path))
    assert rendered.report.codes() == ["theme-invalid"]
    assert rendered.pdf.data.startswith(b"%PDF")


def test_print_theme_renders_larger_type() -> None:
    briefing = render(kitchen_sink_document())
    printed = render(kitchen_sink_document(), theme="print")
    assert printed.report.diagnostics == []
    assert len(printed.reader.pages) >= len(briefing.reader.pages)
    assert "Túpac Amaru" in printed.all_text()
