"""A plan diff for people and for programs: a table in Japanese or English, CSV, JSON, and a
one-file HTML page. Each takes a :class:`~fukuoka_dx.diff.PlanDiff` and returns text.

The table and the page count the changes of each level as the prefecture's yearly list of its
own strategy's changes does (new, changed, removed), then list every change with each field
that differs, a schedule cell by its row and fiscal year. CSV and JSON are machine formats:
codes and field paths, whatever the language.

>>> from fukuoka_dx import load_plan
>>> plan = load_plan()
>>> print(diff_text(plan.diff(plan), "en"))
2023-09 → 2023-09: no change
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator, Mapping
from typing import Any, Final

from fukuoka_dx.crosswalk import Level
from fukuoka_dx.diff import ChangeKind, EntityChange, FieldChange, PlanDiff
from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.report import text as _text
from fukuoka_dx.serialization import to_json
from fukuoka_dx.targets import number_text
from fukuoka_dx.words import CATALOGUE, Lang, as_lang, fiscal_year_label, say

__all__ = [
    "DIFF_COLUMNS",
    "DIFF_FORMATS",
    "change_label",
    "diff_csv",
    "diff_html",
    "diff_json",
    "diff_rows",
    "diff_text",
    "field_label",
    "level_label",
    "render_diff",
]

#: The columns of the CSV form, one row per field that changed (one per change without any).
DIFF_COLUMNS: Final = (
    "level",
    "change",
    "old_id",
    "new_id",
    "name",
    "name_en",
    "field",
    "old",
    "new",
    "note",
)

#: The forms :func:`render_diff` writes.
DIFF_FORMATS: Final = ("table", "csv", "json", "html")


def _word(key: str, lang: Lang) -> str:
    return say(f"diff.word.{key.replace(' ', '_')}", lang)


def level_label(level: Level | str, lang: Lang | str) -> str:
    """``実行項目`` / ``initiative`` (``計画`` / ``plan`` for the plan's own fields)."""
    key: str = "plan" if level == "plan" else Level(level)
    return say(f"diff.level.{key}", lang)


def change_label(change: ChangeKind | str, lang: Lang | str) -> str:
    """``新規`` / ``new``, ``番号変更`` / ``renumbered``, …"""
    return say(f"diff.change.{ChangeKind(change).value}", lang)


def field_label(change: FieldChange, diff: PlanDiff, lang: Lang | str) -> str:
    """A field's path for people: ``工程 2行目 令和7年度`` / ``schedule row 2, FY2025``."""
    lang = as_lang(lang)
    words: list[str] = []
    steps = change.steps
    for n, step in enumerate(steps):
        before = steps[n - 1] if n else None
        if isinstance(step, str):
            if step in ("rows", "cells"):
                continue  # said by the index that follows
            key = f"diff.field.{step}"
            words.append(say(key, lang) if key in CATALOGUE else step)
        elif before == "rows":
            words.append(say("diff.word.row", lang, n=step + 1))
        elif before == "cells":
            years = diff.new.years if step < len(diff.new.years) else diff.old.years
            fy = years[step] if step < len(years) else None
            words.append(fiscal_year_label(fy, lang) if fy is not None else f"[{step}]")
        else:
            words.append(f"[{step + 1}]")
    return " ".join(words) if lang is Lang.JA else ", ".join(_join_en(words))


def _join_en(words: list[str]) -> Iterator[str]:
    """``schedule row 2``, ``FY2025``: a field and its row read as one phrase."""
    out: list[str] = []
    for w in words:
        if out and w.startswith("row "):
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return iter(out)


def _shown(value: Any, lang: Lang | None) -> str:
    """A field's JSON value for people (``lang``) or for a machine form (``None``)."""
    if value is None:
        return "" if lang is None else "—"
    if isinstance(value, bool):
        if lang is None:
            return "true" if value else "false"
        return _word("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return number_text(float(value))
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        if not value:
            return "" if lang is None else _word("none", lang)
        return " / ".join(_shown(v, lang) for v in value)
    if isinstance(value, dict):
        return _shown_record(value, lang)
    return str(value)


def _shown_record(value: Mapping[str, Any], lang: Lang | None) -> str:
    if value.get("kind") == "missing":  # a cell the source does not give
        if lang is None:
            return f"(missing: {value.get('note', '')})"
        return say("diff.word.missing", lang, note=str(value.get("note", "")))
    if "cells" in value:  # a schedule row
        return " | ".join(_shown(c, lang) for c in value["cells"])
    if "text" in value:  # a cell or a target, as published
        return str(value["text"])
    if "name_ja" in value:  # a bureau
        return str(value["name_en"] if lang is Lang.EN else value["name_ja"])
    if "extracted" in value:  # a repair
        return f"{value['extracted']} → {value['repaired']}"
    if "month" in value and "event" in value:  # a revision
        return f"{value['month']} {value['event']}"
    return to_json(value)


# -- rows -------------------------------------------------------------------------------------


def _entity_rows(c: EntityChange, lang: Lang | None) -> Iterator[dict[str, str]]:
    base = {
        "level": c.level.value,
        "change": c.change.value,
        "old_id": ", ".join(c.old_ids),
        "new_id": ", ".join(c.new_ids),
        "name": c.name,
        "name_en": c.name_en or "",
        "field": "",
        "old": "",
        "new": "",
        "note": c.note or "",
    }
    if not c.fields:
        yield base
        return
    for f in c.fields:
        yield {**base, "field": f.field, "old": _shown(f.old, lang), "new": _shown(f.new, lang)}


def diff_rows(diff: PlanDiff) -> list[dict[str, str]]:
    """The rows of the CSV form: codes, field paths and values as published (the plan's own
    fields first, as level ``plan``)."""
    rows = [
        {
            **dict.fromkeys(DIFF_COLUMNS, ""),
            "level": "plan",
            "change": ChangeKind.CHANGED.value,
            "name": diff.new.title,
            "field": f.field,
            "old": _shown(f.old, None),
            "new": _shown(f.new, None),
        }
        for f in diff.plan
    ]
    for c in diff.changes:
        rows += _entity_rows(c, None)
    return rows


def diff_csv(diff: PlanDiff, *, bom: bool = False) -> str:
    """The diff as CSV (:data:`DIFF_COLUMNS`; UTF-8, CRLF line ends, ``bom`` for spreadsheet
    programs)."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(DIFF_COLUMNS)
    for row in diff_rows(diff):
        writer.writerow([row[c] for c in DIFF_COLUMNS])
    return out.getvalue()


def diff_json(diff: PlanDiff) -> str:
    """The diff's own JSON (``to_json``): it reads back with ``from_json(text, PlanDiff)``."""
    return to_json(diff, indent=1) + "\n"


# -- for people -------------------------------------------------------------------------------


def _heading(diff: PlanDiff, lang: Lang) -> list[str]:
    old, new = diff.old, diff.new
    lines = [f"{old.edition} → {new.edition}"]
    if old.digest != new.digest:
        lines.append(f"{_word('digest', lang)} sha256 {old.digest[:12]}… → {new.digest[:12]}…")
    if diff.crosswalk is not None:
        n = len(diff.crosswalk.entries)
        count = say(f"diff.word.entries_{'one' if n == 1 else 'many'}", lang, n=n)
        lines.append(f"{_word('crosswalk', lang)}: {count}")
    return lines


def _people_rows(diff: PlanDiff, lang: Lang) -> list[tuple[str, list[str]]]:
    """The rows for people, each with the kind of its change (for the page's colours)."""
    rows = []
    for f in diff.plan:
        line = [field_label(f, diff, lang), _shown(f.old, lang), _shown(f.new, lang)]
        first = [level_label("plan", lang), change_label(ChangeKind.CHANGED, lang), ""]
        rows.append((ChangeKind.CHANGED.value, [*first, *line]))
    for c in diff.changes:
        name = c.name_en or c.name if lang is Lang.EN else c.name
        first = [level_label(c.level, lang), change_label(c.change, lang), f"{_ids(c)} {name}"]
        lines = [
            [field_label(f, diff, lang), _shown(f.old, lang), _shown(f.new, lang)] for f in c.fields
        ]
        if c.note:
            lines.append([_word("note", lang), c.note, ""])
        for n, line in enumerate(lines or [["", "", ""]]):
            rows.append((c.change.value, [*(first if n == 0 else ["", "", ""]), *line]))
    return rows


def _ids(c: EntityChange) -> str:
    if c.change is ChangeKind.ADDED:
        return c.new_ids[0]
    if c.change in (ChangeKind.REMOVED, ChangeKind.RETIRED):
        return c.old_ids[0]
    if c.old_ids == c.new_ids:
        return c.new_ids[0]
    return f"{', '.join(c.old_ids)} → {', '.join(c.new_ids)}"


def _summary_rows(diff: PlanDiff, lang: Lang) -> list[list[str]]:
    return [
        [say(f"diff.levels.{t.level.value}", lang), str(t.added), str(t.changed), str(t.removed)]
        for t in diff.tallies
    ]


def _summary_header(lang: Lang) -> list[str]:
    return [
        _word("level", lang),
        *(say(f"diff.tally.{k}", lang) for k in ("added", "changed", "removed")),
    ]


def _change_header(lang: Lang) -> list[str]:
    return [
        _word("level", lang),
        _word("change", lang),
        f"{_word('id', lang)} {_word('name', lang)}",
        _word("field", lang),
        _word("old", lang),
        _word("new", lang),
    ]


def diff_text(diff: PlanDiff, lang: Lang | str, *, width: int = _text.DEFAULT_WIDTH) -> str:
    """The diff as terminal text within ``width`` columns: the editions, the counts of each
    level (new, changed, removed), then every change (a table that wraps its cells to fit)."""
    lang = as_lang(lang)
    heading = _heading(diff, lang)
    if diff.is_empty:
        return f"{heading[0]}: {_word('no change', lang)}"
    parts = [
        "\n".join(heading),
        "",
        f"{_word('summary', lang)}:",
        _text.table(_summary_header(lang), _summary_rows(diff, lang), width),
        "",
        f"{_word('changes', lang)}:",
        _text.table(
            _change_header(lang),
            [row for _, row in _people_rows(diff, lang)],
            width,
            wrappable=(2, 4, 5),
            below=(5, 4, 2),  # the new and old texts, then the name, under their row
        ),
    ]
    return "\n".join(parts)


_CSS: Final = """
body { font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic", sans-serif; margin: 2rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; }
.added { background: #e6f4ea; } .removed, .retired { background: #fce8e6; }
""".strip()


def _cells(tag: str, values: list[str], numeric: bool = False) -> str:
    cls = ' class="n"' if numeric else ""
    return "".join(f"<{tag}{cls}>{html.escape(v)}</{tag}>" for v in values)


def diff_html(diff: PlanDiff, lang: Lang | str) -> str:
    """The diff as one HTML page (no script, no external file), in ``lang``."""
    lang = as_lang(lang)
    heading = _heading(diff, lang)
    title = f"{_word('title', lang)}: {heading[0]}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang.value}">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS}</style></head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
        *(f"<p>{html.escape(line)}</p>" for line in heading[1:]),
    ]
    if diff.is_empty:
        out.append(f"<p>{html.escape(_word('no change', lang))}</p>")
    else:
        out.append(f"<h2>{html.escape(_word('summary', lang))}</h2>")
        out.append(f"<table><thead><tr>{_cells('th', _summary_header(lang))}</tr></thead><tbody>")
        for row in _summary_rows(diff, lang):
            out.append(f"<tr>{_cells('th', row[:1])}{_cells('td', row[1:], numeric=True)}</tr>")
        out.append("</tbody></table>")
        out.append(f"<h2>{html.escape(_word('changes', lang))}</h2>")
        out.append(f"<table><thead><tr>{_cells('th', _change_header(lang))}</tr></thead><tbody>")
        for kind, row in _people_rows(diff, lang):
            cls = f' class="{kind}"'
            out.append(f"<tr{cls}>{_cells('td', row)}</tr>")
        out.append("</tbody></table>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def render_diff(
    diff: PlanDiff,
    form: str,
    lang: Lang | str,
    *,
    bom: bool = False,
    width: int = _text.DEFAULT_WIDTH,
) -> str:
    """The diff in one of :data:`DIFF_FORMATS`: ``table`` (within ``width`` columns) and
    ``html`` in ``lang``, ``csv`` and ``json`` in codes."""
    if form == "table":
        return diff_text(diff, lang, width=width) + "\n"
    if form == "csv":
        return diff_csv(diff, bom=bom)
    if form == "json":
        return diff_json(diff)
    if form == "html":
        return diff_html(diff, lang)
    raise InvalidValueError(
        f"unknown diff format {form!r}: expected one of {', '.join(DIFF_FORMATS)}"
    )
