"""Read a theme from TOML: `extends` another theme, `parent` between text styles.

A theme file is a table per `Theme` field. `extends = "briefing"` (a built-in
name, or a path relative to the extending file) starts from that theme and
overrides key by key. A text style may say `parent = "body"` and give only the
keys that differ. Every problem (unknown key, wrong type, missing key, a loop
in `extends`/`parent`) is a `ThemeError` naming the file.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from dossier.theme.model import Theme

T = TypeVar("T")
BUILTIN_THEMES = ("briefing", "print")


class ThemeError(Exception):
    """A theme file that cannot be used; the message names the file."""


def load_theme(name_or_path: str) -> Theme:
    """A built-in theme by name, or a theme TOML file by path."""
    raw, origin = _read_merged(name_or_path, Path.cwd(), ())
    styles = raw.get("styles")
    if isinstance(styles, dict):
        raw["styles"] = _resolve_parents(styles, origin)
    return _build(Theme, raw, origin, "")


def _read_merged(ref: str, base: Path, seen: tuple[str, ...]) -> tuple[dict[str, Any], str]:
    text, origin = _read_source(ref, base)
    if origin in seen:
        raise ThemeError(f"{origin}: `extends` loops back to itself ({' -> '.join((*seen, origin))})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"{origin}: not valid TOML: {error}") from None
    parent_ref = data.pop("extends", None)
    if parent_ref is None:
        return data, origin
    if not isinstance(parent_ref, str):
        raise ThemeError(f"{origin}: `extends` must be a theme name or a path")
    parent_base = base if origin.startswith("builtin:") else Path(origin).parent
    parent, _ = _read_merged(parent_ref, parent_base, (*seen, origin))
    return _merge(parent, data), origin


def _read_source(ref: str, base: Path) -> tuple[str, str]:
    if ref in BUILTIN_THEMES:
        text = resources.files("dossier.theme").joinpath("builtin", f"{ref}.toml").read_text(encoding="utf-8")
        return text, f"builtin:{ref}"
    path = Path(ref) if Path(ref).is_absolute() else base / ref
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as error:
        known = ", ".join(BUILTIN_THEMES)
        raise ThemeError(f"{path}: cannot read theme ({error.strerror}); built-in themes are {known}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _resolve_parents(styles: dict[str, Any], origin: str) -> dict[str, Any]:
    resolved: dict[str, dict[str, Any]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> dict[str, Any]:
        if name in resolved:
            return resolved[name]
        if name in chain:
            raise ThemeError(f"{origin}: styles.{name}: `parent` loops ({' -> '.join((*chain, name))})")
        own = styles.get(name)
        if not isinstance(own, dict):
            raise ThemeError(f"{origin}: styles.{chain[-1]}: parent style {name!r} does not exist")
        own = dict(own)
        parent = own.pop("parent", None)
        if parent is not None:
            own = _merge(resolve(str(parent), (*chain, name)), own)
        resolved[name] = own
        return own

    return {name: resolve(name, ()) if isinstance(value, dict) else value for name, value in styles.items()}


def _build(cls: type[T], data: object, origin: str, where: str) -> T:
    if not isinstance(data, dict):
        raise ThemeError(f"{origin}: {where or 'theme'}: expected a table")
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        listed = ", ".join(f"{where}{key}" for key in unknown)
        raise ThemeError(f"{origin}: unknown key {listed}; known keys here: {', '.join(sorted(fields))}")
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        key = f"{where}{name}"
        if name not in data:
            if spec.default is dataclasses.MISSING:
                raise ThemeError(f"{origin}: missing key {key}")
            continue
        values[name] = _convert(hints[name], data[name], origin, key)
    return cls(**values)


def _convert(hint: Any, value: object, origin: str, key: str) -> object:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, origin, f"{key}.")
    origin_type = get_origin(hint)
    if origin_type is typing.Literal:
        allowed = get_args(hint)
        if value not in allowed:
            raise ThemeError(f"{origin}: {key} = {value!r}: expected one of {', '.join(map(repr, allowed))}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ThemeError(f"{origin}: {key} = {value!r}: expected a number")
        return float(value)
    if hint in (str, bool) and isinstance(value, hint):
        if hint is str and key.split(".")[-1] in _COLOUR_KEYS and not _is_colour(str(value)):
            raise ThemeError(f"{origin}: {key} = {value!r}: expected a colour like #336699")
        return value
    if isinstance(hint, types.UnionType):
        raise ThemeError(f"{origin}: {key}: unsupported field type {hint}")
    raise ThemeError(f"{origin}: {key} = {value!r}: expected a {getattr(hint, '__name__', hint)}")


_COLOUR_KEYS = frozenset(
    {"colour", "border", "background", "link", "rule", "code_background", "table_head_background", "table_rule", "quote_bar"}
)


def _is_colour(value: str) -> bool:
    return len(value) == 7 and value.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in value[1:])
