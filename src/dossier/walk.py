"""Generic traversal of the tree, so transforms stay short and named.

`children_of` is the single place that knows where each node keeps its
children; `iter_nodes` and `map_tree` build on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from dossier import model as m

Node = Any
T = TypeVar("T")

#: For each container node type, the fields holding child nodes.
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {
    m.Emph: ("children",),
    m.Strong: ("children",),
    m.Strikeout: ("children",),
    m.Superscript: ("children",),
    m.Subscript: ("children",),
    m.Link: ("children",),
    m.Ref: ("children",),
    m.Note: ("blocks",),
    m.Paragraph: ("children",),
    m.Heading: ("children",),
    m.ListItem: ("blocks",),
    m.BulletList: ("items",),
    m.OrderedList: ("items",),
    m.DefinitionItem: ("term", "definitions"),
    m.DefinitionList: ("items",),
    m.BlockQuote: ("blocks",),
    m.TableCell: ("children",),
    m.TableRow: ("cells",),
    m.Table: ("caption", "head", "body"),
    m.Figure: ("image", "caption"),
    m.Callout: ("title", "blocks"),
    m.Chapter: ("title", "blocks"),
    m.Document: ("chapters",),
}


def _flatten(value: object) -> Iterator[Node]:
    if isinstance(value, tuple):
        for item in value:
            yield from _flatten(item)
    else:
        yield value


def children_of(node: Node) -> Iterator[Node]:
    for name in _CHILD_FIELDS.get(type(node), ()):
        yield from _flatten(getattr(node, name))


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every node under `node` (itself included), depth first, in reading order."""
    yield node
    for child in children_of(node):
        yield from iter_nodes(child)


def nodes_of_type(node: Node, kind: type[T]) -> Iterator[T]:
    for found in iter_nodes(node):
        if isinstance(found, kind):
            yield found


def _map_value(value: object, fn: Callable[[Node], Node]) -> object:
    if isinstance(value, tuple):
        mapped = tuple(_map_value(item, fn) for item in value)
        same = all(a is b for a, b in zip(mapped, value, strict=True))
        return value if same else mapped
    return map_tree(value, fn)


def map_tree(node: Node, fn: Callable[[Node], Node]) -> Node:
    """Rebuild `node` bottom-up, replacing every node by `fn(node)`.

    Children are mapped first, so `fn` sees a node whose children are already
    final. Unchanged subtrees are returned as they are (no copies).
    """
    fields = _CHILD_FIELDS.get(type(node), ())
    changes: dict[str, object] = {}
    for name in fields:
        old = getattr(node, name)
        new = _map_value(old, fn)
        if new is not old:
            changes[name] = new
    if changes:
        node = dataclasses.replace(node, **changes)
    return fn(node)


def plain_text(nodes: tuple[Node, ...] | Node) -> str:
    """The visible text of inlines, for ids, bookmarks and metadata."""
    if not isinstance(nodes, tuple):
        nodes = (nodes,)
    parts: list[str] = []
    for node in nodes:
        match node:
            case m.Text(text=text) | m.Code(text=text):
                parts.append(text)
            case m.SoftBreak() | m.LineBreak():
                parts.append(" ")
            case m.Image(alt=alt):
                parts.append(alt)
            case m.Note():
                pass
            case _:
                parts.append(plain_text(tuple(children_of(node))))
    return "".join(parts)


def map_tree_topdown(node: Node, fn: Callable[[Node], Node]) -> Node:
    """Like `map_tree`, but `fn` sees each node before its children: use it
    when the order of visits must be reading order (numbering notes)."""
    node = fn(node)
    fields = _CHILD_FIELDS.get(type(node), ())
    changes: dict[str, object] = {}
    for name in fields:
        old = getattr(node, name)
        new = _map_value_topdown(old, fn)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(node, **changes) if changes else node


def _map_value_topdown(value: object, fn: Callable[[Node], Node]) -> object:
    if isinstance(value, tuple):
        mapped = tuple(_map_value_topdown(item, fn) for item in value)
        same = all(a is b for a, b in zip(mapped, value, strict=True))
        return value if same else mapped
    return map_tree_topdown(value, fn)
