"""`dossier new`: copy a small project that builds as it is."""

from __future__ import annotations

import datetime
import shutil
from importlib import resources
from pathlib import Path

TEMPLATE_FILES = (
    "dossier.toml",
    "manuscript/01-introduction.md",
    "manuscript/02-syntax.md",
    "assets/example.png",
)


class ScaffoldError(Exception):
    pass


def _toml_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def create_project(directory: Path, title: str | None = None) -> None:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} already exists and is not an empty folder")
    title = title or directory.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "My dossier"
    template = resources.files("dossier.scaffold")
    directory.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATE_FILES:
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        source = template.joinpath(name)
        if name == "dossier.toml":
            text = source.read_text(encoding="utf-8")
            text = text.replace("{title}", _toml_string(title)).replace("{date}", datetime.date.today().isoformat())
            target.write_text(text, encoding="utf-8")
        else:
            with source.open("rb") as stream, target.open("wb") as out:
                shutil.copyfileobj(stream, out)
