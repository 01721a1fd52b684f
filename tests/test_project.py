"""dossier.toml: every problem named with the file and the line."""

from __future__ import annotations

from pathlib import Path

from dossier.diagnostics import Report
from dossier.project import load_project


def make(tmp_path: Path, toml: str, chapters: dict[str, str] | None = None) -> Path:
    (tmp_path / "dossier.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "manuscript").mkdir(exist_ok=True)
    for name, text in ({"01-a.md": "# A\n"} if chapters is None else chapters).items():
        (tmp_path / "manuscript" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_minimal_project_gets_stable_defaults(tmp_path: Path) -> None:
    root = make(tmp_path, 'title = "Brief"\n', {"02-b.md": "# B\n", "01-a.md": "# A\n", "notes.txt": "x"})
    report = Report()
    project = load_project(root, report)
    assert project is not None and not report.diagnostics
    assert project.chapters == ("manuscript/01-a.md", "manuscript/02-b.md")
    assert project.meta.language == "en"
    assert project.meta.identifier.startswith("urn:uuid:")
    again = load_project(root, Report())
    assert again is not None and again.meta.identifier == project.meta.identifier
    assert project.pdf.paper == "a4" and project.slug == "brief"


def test_chapters_list_sets_the_order(tmp_path: Path) -> None:
    root = make(tmp_path, 'title = "T"\nchapters = ["02-b.md", "01-a.md"]\n', {"01-a.md": "# A\n", "02-b.md": "# B\n"})
    project = load_project(root, Report())
    assert project is not None
    assert project.chapters == ("manuscript/02-b.md", "manuscript/01-a.md")


def test_unknown_keys_are_errors_naming_key_file_and_line(tmp_path: Path) -> None:
    root = make(tmp_path, 'title = "T"\ncolour = "red"\n\n[pdf]\npaper = "a5"\nmargins = 3\n\n[web]\nx = 1\n')
    report = Report()
    assert load_project(root, report) is None
    messages = [str(d) for d in report.errors]
    assert any(m.startswith("dossier.toml:2: error: unknown key 'colour'") for m in messages), messages
    assert any(m.startswith("dossier.toml:5: error: [pdf] paper must be one of 'a4', 'letter'") for m in messages), messages
    assert any(m.startswith("dossier.toml:6: error: unknown key 'margins' in [pdf]") for m in messages), messages
    assert any(m.startswith("dossier.toml:8: error: unknown table [web]") for m in messages), messages


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    root = make(tmp_path, 'title = "T"\nauthors = [\n"a",\n"b"\nsubtitle = 3\n')
    report = Report()
    assert load_project(root, report) is None
    [error] = report.errors
    assert error.code == "config-invalid" and error.pos.path == "dossier.toml" and error.pos.line >= 5


def test_wrong_types_and_missing_files(tmp_path: Path) -> None:
    root = make(tmp_path, 'title = "T"\nauthors = "Ana"\ncover = "assets/none.png"\nlanguage = "english please"\nchapters = ["missing.md"]\n')
    report = Report()
    assert load_project(root, report) is None
    assert {"config-type", "cover-missing", "config-language", "chapter-missing"} <= set(report.codes())


def test_missing_config_and_empty_manuscript(tmp_path: Path) -> None:
    report = Report()
    assert load_project(tmp_path, report) is None
    assert report.codes() == ["config-missing"]
    root = make(tmp_path, 'title = "T"\n', {})
    report = Report()
    assert load_project(root, report) is None
    assert report.codes() == ["manuscript-empty"]


def test_cli_overrides_are_checked_like_the_file(tmp_path: Path) -> None:
    root = make(tmp_path, 'title = "T"\n[pdf]\npaper = "a4"\n')
    project = load_project(root, Report(), {"pdf": {"paper": "letter"}})
    assert project is not None and project.pdf.paper == "letter"
