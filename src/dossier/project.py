"""`dossier.toml` + `manuscript/` → a checked, frozen `Project`.

Every problem is collected (unknown keys, wrong types, missing files) and
named with the file and, where TOML tells us, the line; nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import typing
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from dossier import model as m
from dossier.diagnostics import Report, SourcePos
from dossier.settings import BookSettings, EpubSettings, HandoutSettings, PdfSettings

CONFIG_NAME = "dossier.toml"
MANUSCRIPT_DIR = "manuscript"

_BOOK_KEYS: dict[str, type] = {
    "title": str,
    "subtitle": str,
    "authors": list,
    "language": str,
    "identifier": str,
    "date": str,
    "publisher": str,
    "rights": str,
    "description": str,
    "keywords": list,
    "cover": str,
    "marking": str,
    "chapters": list,
    "note_numbering": str,
}
_TABLES: dict[str, type] = {"pdf": PdfSettings, "epub": EpubSettings, "handout": HandoutSettings}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_TOML_LINE = re.compile(r"\(at line (\d+)")


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    meta: m.Metadata
    #: Chapter files, project-relative posix paths, in reading order.
    chapters: tuple[str, ...]
    book: BookSettings
    pdf: PdfSettings
    epub: EpubSettings
    handout: HandoutSettings

    @property
    def slug(self) -> str:
        from dossier.transforms.slugs import ascii_id

        return ascii_id(self.meta.title, "book")


def load_project(root: Path, report: Report, overrides: dict[str, dict[str, Any]] | None = None) -> Project | None:
    """Read the project at `root`; None when errors were reported."""
    config_path = root / CONFIG_NAME
    config_pos = SourcePos(CONFIG_NAME)
    if not config_path.is_file():
        report.error("config-missing", f"no {CONFIG_NAME} in {root} (run `dossier new DIR` to start a project)", config_pos)
        return None
    text = config_path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        report.error("config-invalid", f"not valid TOML: {exc}", SourcePos(CONFIG_NAME, int(found.group(1)) if found else 0))
        return None

    def pos_of(key: str) -> SourcePos:
        for number, line in enumerate(text.splitlines(), start=1):
            if re.match(rf"^\s*{re.escape(key)}\s*=", line) or line.strip() == f"[{key}]":
                return SourcePos(CONFIG_NAME, number)
        return config_pos

    book = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for key in book:
        if key not in _BOOK_KEYS:
            report.error("config-key", f"unknown key {key!r} in {CONFIG_NAME} (known: {', '.join(_BOOK_KEYS)})", pos_of(key))
        elif not isinstance(book[key], _BOOK_KEYS[key]):
            report.error("config-type", f"{key!r} must be a {_BOOK_KEYS[key].__name__}", pos_of(key))
    for key, value in data.items():
        if isinstance(value, dict) and key not in _TABLES:
            report.error("config-key", f"unknown table [{key}] in {CONFIG_NAME} (known: {', '.join(_TABLES)})", pos_of(key))
    for key in ("authors", "keywords", "chapters"):
        if isinstance(book.get(key), list) and not all(isinstance(v, str) for v in book[key]):
            report.error("config-type", f"{key!r} must be a list of strings", pos_of(key))
            book[key] = []

    def text_value(key: str, default: str = "") -> str:
        value = book.get(key, default)
        return value if isinstance(value, str) else default

    title = text_value("title")
    if not title.strip():
        report.error("config-title", f"{CONFIG_NAME} needs a title", pos_of("title") if "title" in book else config_pos)
    language = text_value("language", "en")
    if not _LANGUAGE.match(language):
        report.error("config-language", f"language {language!r} is not a BCP 47 tag such as 'en' or 'pt-BR'", pos_of("language"))
    authors = tuple(book.get("authors", []) or [])
    cover = text_value("cover")
    if cover and not (root / cover).is_file():
        report.error("cover-missing", f"cover image {cover!r} not found", pos_of("cover"))
    identifier = text_value("identifier") or "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"dossier:{title}:{'|'.join(authors)}"))
    meta = m.Metadata(
        title=title,
        subtitle=text_value("subtitle"),
        authors=authors,
        language=language,
        identifier=identifier,
        date=str(book.get("date", "")),
        publisher=text_value("publisher"),
        rights=text_value("rights"),
        description=text_value("description"),
        keywords=tuple(book.get("keywords", []) or []),
        cover=cover.replace("\\", "/"),
        marking=text_value("marking"),
    )
    chapters = _find_chapters(root, book.get("chapters"), report, pos_of("chapters"))
    overrides = overrides or {}
    settings = {
        name: _settings(cls, data.get(name, {}) if isinstance(data.get(name), dict) else {}, overrides.get(name, {}), name, report, pos_of)
        for name, cls in _TABLES.items()
    }
    pdf = settings["pdf"]
    if isinstance(pdf, PdfSettings) and pdf.theme.endswith(".toml"):
        # A theme file is named relative to the project, like every other path.
        theme_path = root / pdf.theme
        if not theme_path.is_file():
            report.error("theme-missing", f"theme file {pdf.theme!r} not found", pos_of("theme"))
        settings["pdf"] = dataclasses.replace(pdf, theme=str(theme_path))
    numbering = text_value("note_numbering", "chapter")
    if numbering not in ("chapter", "book"):
        report.error("config-value", "note_numbering must be 'chapter' or 'book'", pos_of("note_numbering"))
        numbering = "chapter"
    if report.has_errors:
        return None
    return Project(
        root=root,
        meta=meta,
        chapters=chapters,
        book=BookSettings(note_numbering=numbering),  # type: ignore[arg-type]
        pdf=settings["pdf"],  # type: ignore[arg-type]
        epub=settings["epub"],  # type: ignore[arg-type]
        handout=settings["handout"],  # type: ignore[arg-type]
    )


def _find_chapters(root: Path, listed: object, report: Report, pos: SourcePos) -> tuple[str, ...]:
    folder = root / MANUSCRIPT_DIR
    if listed:
        names = [str(name) for name in listed]  # type: ignore[attr-defined]
        for name in names:
            if not (folder / name).is_file():
                report.error("chapter-missing", f"chapter {name!r} listed in {CONFIG_NAME} is not in {MANUSCRIPT_DIR}/", pos)
        return tuple(f"{MANUSCRIPT_DIR}/{name}" for name in names)
    if not folder.is_dir():
        report.error("manuscript-missing", f"no {MANUSCRIPT_DIR}/ folder next to {CONFIG_NAME}", SourcePos(CONFIG_NAME))
        return ()
    found = sorted(path.name for path in folder.glob("*.md") if path.is_file())
    if not found:
        report.error("manuscript-empty", f"{MANUSCRIPT_DIR}/ holds no .md chapter", SourcePos(MANUSCRIPT_DIR))
    return tuple(f"{MANUSCRIPT_DIR}/{name}" for name in found)


def _settings(cls: type, table: dict[str, Any], overrides: dict[str, Any], name: str, report: Report, pos_of: Any) -> object:
    """Fill a settings dataclass from a TOML table, checking names and types."""
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for key, value in {**table, **overrides}.items():
        if key not in hints:
            known = ", ".join(f.name for f in dataclasses.fields(cls))
            report.error("config-key", f"unknown key {key!r} in [{name}] (known: {known})", pos_of(key))
            continue
        hint = hints[key]
        if get_origin(hint) is Literal:
            if value not in get_args(hint):
                choices = ", ".join(repr(a) for a in get_args(hint))
                report.error("config-value", f"[{name}] {key} must be one of {choices}, not {value!r}", pos_of(key))
                continue
        elif not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            report.error("config-type", f"[{name}] {key} must be a {hint.__name__}", pos_of(key))
            continue
        values[key] = value
    return cls(**values)
