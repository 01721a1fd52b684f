"""Themes: how the book looks, as renderer-neutral data (see `model.py`)."""

from dossier.theme.load import BUILTIN_THEMES, ThemeError, load_theme
from dossier.theme.model import Theme

__all__ = ["BUILTIN_THEMES", "Theme", "ThemeError", "load_theme"]
