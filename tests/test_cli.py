"""The `dossier` command as a user meets it: exit codes, messages, files."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dossier import __version__
from dossier.cli import app

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_version() -> None:
    code, out = invoke("--version")
    assert code == 0 and out.strip() == f"dossier {__version__}"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("build", str(tmp_path / "nope"))[0] == 2
    assert invoke("build", str(tmp_path), "--to", "docx")[0] == 2
    code, out = invoke("build", str(tmp_path), "--paper", "a5")
    assert code == 2 and "a4 or letter" in out
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    code, out = invoke("new", str(tmp_path / "full"))
    assert code == 2 and "not an empty folder" in out


def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("new", str(project))[0] == 0
    code, out = invoke("build", str(project), env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert code == 2 and "SOURCE_DATE_EPOCH" in out


def test_content_errors_name_file_and_line_and_keep_previous_outputs(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("new", str(project))[0] == 0
    dist = project / "dist"
    dist.mkdir()
    previous = dist / "p.pdf"
    previous.write_bytes(b"previous good build")
    chapter = project / "manuscript" / "02-syntax.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n![gone](../assets/missing.png)\n", encoding="utf-8")
    lines = chapter.read_text(encoding="utf-8").count("\n")
    code, out = invoke("build", str(project))
    assert code == 1
    assert f"manuscript/02-syntax.md:{lines}: error: image not found: assets/missing.png [image-missing]" in out
    assert "nothing was written" in out
    assert previous.read_bytes() == b"previous good build"
    assert sorted(p.name for p in dist.iterdir()) == ["p.pdf"]


def test_not_utf8_is_reported_with_line(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("new", str(project))[0] == 0
    (project / "manuscript" / "03-latin1.md").write_bytes("# Title\n\nCaf\xe9 au lait\n".encode("latin-1"))
    code, out = invoke("build", str(project))
    assert code == 1 and "manuscript/03-latin1.md:3: error: not UTF-8 text" in out


def test_config_errors_exit_1(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("new", str(project))[0] == 0
    config = project / "dossier.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\nfavourite_colour = 'blue'\n", encoding="utf-8")
    code, out = invoke("build", str(project))
    assert code == 1 and "unknown key 'favourite_colour'" in out and "dossier.toml:" in out


def test_new_project_builds_both_outputs(tmp_path: Path) -> None:
    project = tmp_path / "my-brief"
    code, out = invoke("new", str(project))
    assert code == 0, out
    code, out = invoke("build", str(project), env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert code == 0, out
    pdf, epub = project / "dist" / "my-brief.pdf", project / "dist" / "my-brief.epub"
    assert pdf.read_bytes().startswith(b"%PDF-") and epub.read_bytes().startswith(b"PK")
    leftovers = [p.name for p in (project / "dist").iterdir() if p.name.endswith(".part")]
    assert leftovers == []


def test_builds_are_byte_identical_with_source_date_epoch(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("new", str(project))[0] == 0
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    outputs = []
    for out_dir in ("one", "two"):
        code, out = invoke("build", str(project), "--out", str(tmp_path / out_dir), env=env)
        assert code == 0, out
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / out_dir).iterdir() if p.is_file()})
    assert outputs[0].keys() == {"p.pdf", "p.epub"}
    assert outputs[0] == outputs[1]


def test_epub_alone_reuses_cached_page_layout_or_says_so(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert invoke("new", str(project))[0] == 0
    code, out = invoke("build", str(project), "--to", "epub")
    assert code == 0 and "page-list-missing" in out
    assert invoke("build", str(project), "--to", "pdf")[0] == 0
    code, out = invoke("build", str(project), "--to", "epub")
    assert code == 0 and "page-list-missing" not in out
