"""Terminal text: column widths that count Japanese (East Asian wide) characters as two."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    """Display width in a terminal: wide and full-width characters count 2, combining 0."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def pad(text: str, size: int) -> str:
    """``text`` left-aligned in ``size`` display columns."""
    return text + " " * max(0, size - width(text))


def truncate(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` display columns, with ``…`` where cut."""
    if width(text) <= size:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > size - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def table(header: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 60) -> str:
    """An aligned plain-text table; cells wider than ``max_width`` columns are cut."""
    cells = [[truncate("" if v is None else str(v), max_width) for v in r] for r in rows]
    head = [str(h) for h in header]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(head)]
    lines = ["  ".join(pad(h, w) for h, w in zip(head, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)
