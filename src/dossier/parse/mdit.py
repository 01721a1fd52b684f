"""The one configured markdown-it parser: CommonMark + the extensions we support."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

#: Name under which every `::: kind` fenced container is registered; the kind
#: itself is read from the token's info by the block converter.
CONTAINER = "callout"

#: Typographic quotes by primary language subtag: double open/close, single
#: open/close, as markdown-it's `quotes` option wants them.
QUOTES: dict[str, str] = {
    "en": "“”‘’",
    "de": "„“‚‘",
    "es": "«»“”",
    "it": "«»“”",
    "pt": "«»“”",
    "ca": "«»“”",
    "nl": "“”‘’",
    "sv": "””’’",
    "fi": "””’’",
    "da": "»«›‹",
    "no": "«»‘’",
    "nb": "«»‘’",
    "pl": "„”‚’",
    "cs": "„“‚‘",
    "ru": "«»„“",
    "uk": "«»„“",
    "ja": "「」『』",
    "zh": "“”‘’",
}


def _quote_list(language: str) -> list[str] | str:
    primary = language.split("-")[0].lower()
    if primary == "fr":
        return ["«\u00a0", "\u00a0»", "‹\u00a0", "\u00a0›"]
    return QUOTES.get(primary, QUOTES["en"])


def _any_container(params: str, markup: str) -> bool:
    # Every `::: word` opens a container; unknown kinds are reported later,
    # with a line number, rather than silently left as paragraphs.
    return bool(params.strip())


@lru_cache(maxsize=8)
def make_parser(language: str = "en") -> MarkdownIt:
    options = {
        "typographer": True,
        "quotes": _quote_list(language),
        "tasklists": True,
        "alerts": True,
        "html": True,
    }
    md = MarkdownIt("commonmark", options)
    md.enable(["table", "strikethrough", "replacements", "smartquotes"])
    md.use(front_matter_plugin)
    md.use(footnote_plugin, inline=False)
    md.use(deflist_plugin)
    md.use(gfm_autolink_plugin)
    md.use(attrs_plugin)
    md.use(container_plugin, name=CONTAINER, validate=_any_container)
    return md
