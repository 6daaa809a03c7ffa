"""HTML and SVG built from elements, so that text is escaped by default.

A text passed to ``el`` is data and is always escaped (``escape.html``); only ``Markup`` — what
``el`` itself returns, or a constant of the page — is inserted as it is. So a name such as
``<script>alert(1)</script>`` cannot become markup by a forgotten call: forgetting gives
escaped text, never raw HTML.
"""

from __future__ import annotations

from collections.abc import Iterable

from sakip_lint import escape


class Markup(str):
    """Markup that is already safe: made by ``el``/``join`` or written in the code."""


Child = "Markup | str | int | None | Iterable[Child]"


def _render(child) -> str:
    if child is None or child is False:
        return ""
    if isinstance(child, Markup):
        return child
    if isinstance(child, (str, int, float)):
        return escape.html(child)
    return "".join(_render(item) for item in child)


def el(tag: str, attrs: dict[str, object] | None = None, *children) -> Markup:
    """``<tag attrs>children</tag>``: attribute values and text children escaped. An
    attribute whose value is None or False is left out; True writes it without a value."""
    parts = [tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(name if value is True else f'{name}="{escape.html(value)}"')
    return Markup(f"<{' '.join(parts)}>{_render(children)}</{tag}>")


def void(tag: str, attrs: dict[str, object] | None = None) -> Markup:
    """An element without content (``<meta>``, ``<input>``)."""
    parts = [tag] + [name if value is True else f'{name}="{escape.html(value)}"'
                     for name, value in (attrs or {}).items()
                     if value is not None and value is not False]
    return Markup(f"<{' '.join(parts)}>")


def join(children: Iterable, separator: str = "") -> Markup:
    return Markup(escape.html(separator).join(_render(child) for child in children))
