"""Text with links, written once and rendered three ways: plain text (URLs written out), HTML and Markdown.

Credit lines and marking statements are built from translated templates such as "{credit} is licensed under
{license}", whose placeholders are filled with text, links or a quoted, linked title.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Link:
    """`text` linking to `url`; without a URL it is plain text."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class Quoted:
    """A title in quotation marks (`opening`, `closing`, e.g. “ ” or « »), itself linking to `url`."""

    text: str
    url: str
    opening: str
    closing: str


Segment = str | Link | Quoted
Rich = tuple[Segment, ...]
Value = str | Segment | Rich


def quoted(template: str, text: str, url: str = "") -> Quoted:
    """A quoted title from a translated template such as '"{title}"' or '« {title} »'."""
    opening, _, closing = template.partition("{title}")
    return Quoted(text, url, opening, closing)


def fill(template: str, **values: Value) -> Rich:
    """The template's {placeholders} replaced by the values (text, links or rich text)."""
    result: list[Segment] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        result.append(template[position : match.start()])
        value = values.get(match.group(1), match.group(0))
        result.extend(value if isinstance(value, tuple) else (value,))
        position = match.end()
    result.append(template[position:])
    return tuple(segment for segment in result if segment != "")


def plain(rich: Rich) -> str:
    return "".join(_plain(segment) for segment in rich)


def as_html(rich: Rich) -> str:
    return "".join(_html(segment) for segment in rich)


def markdown(rich: Rich) -> str:
    return "".join(_markdown(segment) for segment in rich)


def _plain(segment: Segment) -> str:
    if isinstance(segment, str):
        return segment
    url = f" ({segment.url})" if segment.url else ""
    if isinstance(segment, Quoted):
        return f"{segment.opening}{segment.text}{segment.closing}{url}"
    return f"{segment.text}{url}"


def _html(segment: Segment) -> str:
    if isinstance(segment, str):
        return html.escape(segment, quote=False)
    text = html.escape(segment.text, quote=False)
    linked = f'<a href="{html.escape(segment.url)}">{text}</a>' if segment.url else text
    if isinstance(segment, Quoted):
        opening, closing = (
            html.escape(segment.opening, quote=False),
            html.escape(segment.closing, quote=False),
        )
        return f"{opening}{linked}{closing}"
    return linked


def _markdown(segment: Segment) -> str:
    if isinstance(segment, str):
        return segment
    linked = f"[{segment.text}]({segment.url})" if segment.url else segment.text
    if isinstance(segment, Quoted):
        return f"{segment.opening}{linked}{segment.closing}"
    return linked
