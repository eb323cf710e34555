"""Build-time helpers for the fukuoka-dx documentation (a local Sphinx extension).

* :func:`fetch_inventories` gives ``conf.py`` an ``intersphinx_mapping`` that never fails the
  build: each inventory is downloaded here (short timeout, cached under ``_build/``) and handed
  to intersphinx as a local file; a project whose inventory cannot be had (offline, no cache)
  is left out, and references into it render as plain text instead of failing ``-n``.
* On ``builder-inited`` the pages' generated fragments are written to ``_generated/`` from the
  packaged data and the command-line parser: the data fidelity tables, the target-kind and
  pillar/bureau tables, the column meanings of the Data Package (from its Table Schemas), the
  table of ``fukuoka_dx``'s re-exported names, the ``--help`` text of every subcommand, and
  the glossary's table of English renderings (from ``datasrc/glossary.json``, read at every
  build). Files are rewritten only when their content changes, so incremental builds stay
  incremental. ``_generated/`` is git-ignored: a clean checkout builds it.
* Three autodoc touch-ups: no "Bases: object" lines; a constant (a tuple, say) does not show
  its type's docstring; ``autodoc_type_aliases`` also work inside ``tuple[...]`` and ``| None``.
* A reference to a class or function of the package through a package that re-exports it
  (``fukuoka_dx.observations.ReadResult``) links to where it is documented, in the module
  that defines it.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import importlib
import inspect
import json
import os
import re
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

GENERATED = "_generated"

# -- intersphinx, offline-tolerant ----------------------------------------------------------

#: The projects linked to, with the top-level module names whose objects they document.
#: pendulum is not here: its documentation (pendulum.eustace.io) is built with MkDocs and
#: publishes no Sphinx inventory.
INVENTORIES: dict[str, tuple[str, frozenset[str]]] = {
    "python": ("https://docs.python.org/3/", frozenset(sys.stdlib_module_names)),
    "attrs": ("https://www.attrs.org/en/stable/", frozenset({"attr", "attrs"})),
    "cattrs": ("https://catt.rs/en/stable/", frozenset({"cattrs", "cattr"})),
}


def _download(url: str, dest: Path, timeout: float) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "fukuoka-dx-docs"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data = response.read()
    if not data.startswith(b"# Sphinx inventory version"):
        raise ValueError(f"{url} is not a Sphinx inventory")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(dest)


def fetch_inventories(
    cache_dir: Path, *, timeout: float = 5.0, max_age_days: float = 1.0
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """An ``intersphinx_mapping`` of local inventory files, and the projects left out.

    A cached inventory younger than ``max_age_days`` is used as is; an older or absent one is
    downloaded (in parallel, ``timeout`` seconds each). When a download fails the cached copy
    is used whatever its age; with no copy at all the project is left out. Setting the
    environment variable ``FUKUOKA_DX_DOCS_OFFLINE=1`` skips the network entirely.
    """
    offline = os.environ.get("FUKUOKA_DX_DOCS_OFFLINE", "") not in ("", "0")
    now = time.time()

    def get(name: str, url: str) -> tuple[str, Path | None, str]:
        path = cache_dir / f"{name}.inv"
        fresh = path.is_file() and now - path.stat().st_mtime < max_age_days * 86400
        if fresh or offline:
            return name, (path if path.is_file() else None), "offline" if offline else ""
        try:
            _download(url + "objects.inv", path, timeout)
        except Exception as exc:  # any network or HTTP failure: fall back to the cache
            return name, (path if path.is_file() else None), f"{type(exc).__name__}: {exc}"
        return name, path, ""

    with concurrent.futures.ThreadPoolExecutor(len(INVENTORIES)) as pool:
        results = list(pool.map(lambda item: get(item[0], item[1][0]), INVENTORIES.items()))
    mapping: dict[str, tuple[str, str]] = {}
    missing: list[str] = []
    for name, path, problem in results:
        url = INVENTORIES[name][0]
        if path is None:
            missing.append(name)
            logger.info(
                "intersphinx: no inventory for %s (%s); links to it stay plain text",
                name,
                problem or "not cached",
            )
        else:
            if problem:
                logger.info("intersphinx: using the cached %s inventory (%s)", name, problem)
            mapping[name] = (url, str(path))
    return mapping, missing


def _unlinked_external(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    """Render a reference into a project whose inventory is unavailable as plain text.

    Runs after intersphinx and the built-in resolver, so it only sees what they could not
    resolve; references into the project's own package are never excused.
    """
    if node.get("refdomain") != "py":
        return None
    top = str(node.get("reftarget", "")).lstrip("~.").split(".")[0]
    for name in app.config.docs_unavailable_inventories:
        if top in INVENTORIES[name][1]:
            return contnode
    return None


def _reexported(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a reference to a class or function of the package through a package that
    re-exports it (``fukuoka_dx.observations.ReadResult``) to where it is documented: the
    module that defines it (``fukuoka_dx.observations.rows.ReadResult``), and its members
    likewise. Only the package's own names; anything else still fails ``-n``.
    """
    if node.get("refdomain") != "py":
        return None
    target = str(node.get("reftarget", "")).lstrip("~.")
    if not target.startswith("fukuoka_dx."):
        return None
    parts = target.split(".")
    for i in range(len(parts) - 1, 0, -1):
        name = ".".join(parts[:i])
        module = sys.modules.get(name)
        if module is None:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
        obj = getattr(module, parts[i], None)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            return None
        home = getattr(obj, "__module__", "")
        if home == name or not home.startswith("fukuoka_dx."):
            return None
        canonical = ".".join([home, obj.__qualname__, *parts[i + 1 :]])
        return env.get_domain("py").resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], canonical, node, contnode
        )
    return None


# -- generated fragments ----------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds exactly that."""
    if path.is_file() and path.read_text("utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


_MD_SPECIAL = set("\\`*_[]<>|#$")


class Raw(str):
    """Markdown written on purpose (a code span): :func:`md` leaves it alone."""


def md(text: object) -> str:
    """Text for a Markdown table cell: special characters escaped, one line."""
    if isinstance(text, Raw):
        return " ".join(text.split())
    s = "" if text is None else str(text)
    s = "".join("\\" + c if c in _MD_SPECIAL else c for c in s)
    return " ".join(s.split())


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _code(text: str) -> Raw:
    """A code span for a table cell (the cells quoted here hold no backticks or pipes)."""
    if not text.strip():
        return Raw("(empty)")
    body = text.replace("`", "'").replace("|", "\\|")
    return Raw(f"`{body}`")


COLUMN_JA = {"baseline": "現状値", "midterm": "中間目標", "final": "最終目標"}


def _cell_text(text: str) -> str:
    """A schedule cell for a table: its text, or a dash for an empty cell."""
    return text if text.strip() else "–"


def fidelity_fragments(plan: Any) -> dict[str, str]:
    """The data fidelity tables, each a Markdown fragment, from ``plan``."""
    from fukuoka_dx import IndicatorStatus, TargetColumn
    from fukuoka_dx.schedule import MissingCell
    from fukuoka_dx.targets import MissingTarget, NumberTarget, PendingTarget

    out: dict[str, str] = {}
    import fukuoka_dx

    out["header"] = (
        f"Generated at build time from edition **{plan.edition}** ({plan.title}, "
        f"{plan.publisher}), fukuoka-dx {fukuoka_dx.__version__}, plan digest "
        f"`sha256:{plan.digest}` (see [](pinning.md)).\n"
    )

    # repairs
    rows = []
    for item in plan.promotion_items:
        for r in item.repairs:
            rows.append(
                (
                    f"promotion item {item.id}",
                    item.title,
                    r.field,
                    r.line,
                    r.extracted,
                    r.repaired,
                    r.evidence,
                )
            )
    for ini in plan.initiatives:
        for r in ini.repairs:
            rows.append(
                (
                    f"initiative {ini.id}",
                    ini.title,
                    r.field,
                    r.line,
                    r.extracted,
                    r.repaired,
                    r.evidence,
                )
            )
    out["repairs"] = (
        f"{len(rows)} repair(s): "
        f"{sum(len(p.repairs) for p in plan.promotion_items)} on promotion items, "
        f"{sum(len(i.repairs) for i in plan.initiatives)} on initiatives.\n\n"
        + (
            table(
                [
                    "where",
                    "title (as repaired)",
                    "field",
                    "line",
                    "extracted",
                    "repaired",
                    "evidence",
                ],
                rows,
            )
            if rows
            else ""
        )
    )

    # ambiguities
    rows = []
    for ini in plan.initiatives:
        for a in ini.ambiguities:
            field = a.field.value if a.row is None else f"{a.field.value} {a.row}"
            rows.append(
                (
                    ini.id,
                    field,
                    a.line,
                    _code(a.cited),
                    a.reading,
                    a.alternative,
                    a.evidence,
                    "yes" if a.resolved else "open",
                )
            )
    n_open = sum(not a.resolved for ini in plan.initiatives for a in ini.ambiguities)
    out["ambiguities"] = (
        f"{len(rows)} reading(s) the source allows another way: {len(rows) - n_open} "
        f"resolved by the document itself, {n_open} open.\n\n"
        + (
            table(
                [
                    "initiative",
                    "field",
                    "line",
                    "cited",
                    "reading taken",
                    "alternative",
                    "evidence",
                    "resolved",
                ],
                rows,
            )
            if rows
            else ""
        )
    )
    rows = [
        (ini.id, n, " · ".join(_cell_text(c.text) for c in srow.cells), srow.note)
        for ini in plan.initiatives
        for n, srow in enumerate(ini.schedule.rows, 1)
        if srow.note
    ]
    out["schedule_notes"] = f"{len(rows)} schedule row(s) with a note.\n\n" + (
        table(["initiative", "row", "cells (令和5〜8年度)", "note"], rows) if rows else ""
    )

    # missing cells
    rows = []
    for ind in plan.indicators:
        for column, note in ind.missing_notes:
            pos = f" ({ind.position.value})" if ind.position else ""
            rows.append(
                (
                    ind.id + pos,
                    ind.name,
                    f"{column.value} {COLUMN_JA[column.value]} {ind.fiscal_year(column).label_ja}",
                    note,
                )
            )
    sched = []
    for ini in plan.initiatives:
        for n, srow in enumerate(ini.schedule.rows, 1):
            for fy, cell in zip(ini.schedule.years, srow.cells, strict=True):
                if isinstance(cell, MissingCell):
                    sched.append((ini.id, ini.title, f"row {n}, {fy.label_ja}", cell.note))
    n_missing = sum(
        isinstance(ind.cell(c), MissingTarget) for ind in plan.indicators for c in TargetColumn
    )
    text = f"{n_missing} indicator cell(s) of kind `missing`.\n\n"
    if rows:
        text += table(["indicator", "name", "column", "note (what the source shows)"], rows)
    text += "\n"
    text += f"{len(sched)} schedule cell(s) lost in extraction.\n\n" + (
        table(["initiative", "title", "cell", "note"], sched) if sched else ""
    )
    out["missing"] = text

    # baselines not comparable
    rows = [
        (ind.id, ind.name, f"{ind.baseline.text} ({ind.baseline_fy.label_ja})", ind.baseline_note)
        for ind in plan.indicators
        if not ind.baseline_comparable
    ]
    out["not_comparable"] = (
        f"{len(rows)} indicator(s) whose baseline is marked not comparable.\n\n"
        + (table(["indicator", "name", "baseline", "why"], rows) if rows else "")
    )

    # blocks without indicators
    rows = [
        (
            ini.id,
            ini.title,
            ini.bureau.name_ja,
            ini.indicator_status.value,
            ini.indicator_note or "(no note in the source)",
        )
        for ini in plan.initiatives
        if ini.indicator_status is not IndicatorStatus.PRESENT
    ]
    counts = Counter(ini.indicator_status.value for ini in plan.initiatives)
    out["no_indicators"] = (
        f"{counts['present']} initiative(s) have indicators, {counts['pending']} are "
        f"`pending` and {counts['absent']} `absent`.\n\n"
        + (
            table(["initiative", "title", "所管", "indicator_status", "indicator_note"], rows)
            if rows
            else ""
        )
    )

    # cells to be set later
    rows = [
        (ind.id, ind.name, f"{c.value} {COLUMN_JA[c.value]}", _code(ind.cell(c).text))
        for ind in plan.indicators
        for c in TargetColumn
        if isinstance(ind.cell(c), PendingTarget)
    ]
    out["pending_cells"] = f"{len(rows)} indicator cell(s) of kind `pending`.\n\n" + (
        table(["indicator", "name", "column", "text as published"], rows) if rows else ""
    )

    # dated and estimated figures
    rows = []
    for ind in plan.indicators:
        for c in TargetColumn:
            cell = ind.cell(c)
            if isinstance(cell, NumberTarget) and (cell.as_of or cell.estimate):
                month = cell.as_of_month
                flag = "estimate" if cell.estimate else "as of"
                rows.append(
                    (
                        ind.id,
                        f"{c.value} {COLUMN_JA[c.value]}",
                        _code(cell.text),
                        flag,
                        str(month) if month else "",
                    )
                )
    out["notes"] = f"{len(rows)} figure(s) with an as-of note or marked as an estimate.\n\n" + (
        table(["indicator", "column", "text as published", "note", "as_of_month"], rows)
        if rows
        else ""
    )
    return out


def plan_fragments(plan: Any) -> dict[str, str]:
    """The pillar, bureau and target-kind tables of the plan page.

    The pillar and bureau counts are those of :mod:`fukuoka_dx.report.overview`, the one place
    that computes them (``fukuoka-dx summary`` and the notebook view show the same).
    """
    from fukuoka_dx import TargetColumn, TargetKind
    from fukuoka_dx.report.overview import bureau_counts, pillar_counts

    out: dict[str, str] = {}
    rows = [(_code(c.pillar.id), *c.cells()[1:]) for c in pillar_counts(plan)]
    out["pillars"] = table(
        ["id", "pillar", "in English", "promotion items", "initiatives", "indicators"], rows
    )

    rows = [
        (
            c.bureau.name_ja,
            c.bureau.name_en,
            c.bureau.kind.value,
            c.bureau.ward or "",
            c.initiatives,
        )
        for c in bureau_counts(plan)
    ]
    out["bureaus"] = table(["所管 (name_ja)", "name_en", "kind", "ward", "initiatives"], rows)

    counts = {c: Counter(ind.cell(c).kind for ind in plan.indicators) for c in TargetColumn}
    first: dict[TargetKind, str] = {}
    for ind in plan.indicators:
        for c in TargetColumn:
            cell = ind.cell(c)
            if cell.kind not in first:
                shown = cell.text if cell.text else "(nothing)"
                first[cell.kind] = f"{ind.id} {COLUMN_JA[c.value]}: {shown}"
    rows = [(k.value, *(counts[c][k] for c in TargetColumn), first.get(k, "")) for k in TargetKind]
    out["kinds"] = table(
        ["kind", "現状値 baseline", "中間目標 midterm", "最終目標 final", "first in the plan"], rows
    )
    return out


def _code_list(values: Iterable[object]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def opendata_fragments(plan: Any) -> dict[str, str]:
    """The column meanings of the Data Package's tables and the keys of an observation, from
    the package descriptor and the JSON Schema themselves (not written here)."""
    from fukuoka_dx.report.opendata import datapackage_descriptor, observations_json_schema

    parts = []
    for resource in datapackage_descriptor(plan)["resources"]:
        schema = resource["schema"]
        keys = f"Primary key: {_code_list(schema['primaryKey'])}."
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"].get("resource", resource["name"])
            keys += (
                f" {_code_list(fk['fields'])} refers to {target}"
                f" ({_code_list(fk['reference']['fields'])})."
            )
        rows = []
        for f in schema["fields"]:
            constraints = f.get("constraints", {})
            meaning = md(f["description"])
            if "enum" in constraints:
                meaning += " One of " + _code_list(constraints["enum"]) + "."
            rows.append(
                (
                    _code(f["name"]),
                    f["type"],
                    "yes" if constraints.get("required") else "",
                    f["title"],
                    Raw(meaning),
                    f"{f['title_ja']}: {f['description_ja']}",
                )
            )
        parts.append(
            f"### `{resource['path']}`: {resource['title']} ({resource['title_ja']})\n\n"
            f"{md(resource['description'])} {md(resource['description_ja'])}\n\n"
            f"{keys}\n\n" + table(["column", "type", "required", "title", "meaning", "意味"], rows)
        )
    out = {"columns": "\n".join(parts)}

    schema = observations_json_schema()
    observation = schema["$defs"]["Observation"]

    def json_type(prop: dict[str, Any]) -> str:
        if "$ref" in prop:
            return json_type(schema["$defs"][prop["$ref"].rsplit("/", 1)[1]])
        if "anyOf" in prop:
            return " or ".join(json_type(p) for p in prop["anyOf"])
        types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        return " or ".join(types)

    rows = [
        (_code(name), json_type(prop), "yes" if name in observation["required"] else "")
        for name, prop in observation["properties"].items()
    ]
    out["observations"] = table(["key", "JSON type", "required"], rows)
    return out


def glossary_english(path: Path) -> str:
    """The English renderings of the unofficial translation, a Markdown table.

    ``path`` is ``datasrc/glossary.json``: a list of ``{"ja": ..., "en": ...}``, one English
    term per Japanese term, in the order it is written there. Read at every build, so that
    the page follows the file; a file of another shape fails the build, naming the entry.
    """
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the glossary: {exc}") from exc
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of {{'ja', 'en'}} objects")
    rows = []
    for n, entry in enumerate(entries, 1):
        forms = entry.get("forms", [entry.get("en")]) if isinstance(entry, dict) else None
        if not (
            isinstance(entry, dict)
            and {"ja", "en"} <= set(entry) <= {"ja", "en", "forms"}
            and all(isinstance(entry[k], str) and entry[k].strip() for k in ("ja", "en"))
            and isinstance(forms, list)
            and all(isinstance(f, str) and f.strip() for f in forms)
            and forms[0] == entry["en"]
        ):
            raise ValueError(
                f"{path}: entry {n} is not {{'ja': text, 'en': text}} with optional 'forms' "
                f"(a list of texts, the first the 'en' term): {entry!r}"
            )
        rows.append((entry["ja"], entry["en"], ", ".join(forms[1:])))
    header = ["Japanese (authoritative)", "English rendering (unofficial)", "also as"]
    return f"{len(rows)} term(s), from `datasrc/glossary.json`.\n\n" + table(header, rows)


def official_names(path: Path) -> str:
    """The official English names the translation uses, with their sources, a Markdown table.

    ``path`` is ``datasrc/official-names.json``: a list of ``{"ja", "en", "owner", "source",
    "note"}``, each a text; a file of another shape fails the build, naming the entry.
    """
    try:
        entries = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the official names: {exc}") from exc
    keys = ("ja", "en", "owner", "source", "note")
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of {{{', '.join(keys)}}} objects")
    rows = []
    for n, entry in enumerate(entries, 1):
        if not (
            isinstance(entry, dict)
            and set(entry) == set(keys)
            and all(isinstance(entry[k], str) and entry[k].strip() for k in keys)
        ):
            raise ValueError(f"{path}: entry {n} is not {{{', '.join(keys)}}} texts: {entry!r}")
        rows.append(tuple(entry[k] for k in keys))
    header = ["Japanese", "official English", "whose name", "source", "note"]
    return f"{len(rows)} name(s), from `datasrc/official-names.json`.\n\n" + table(header, rows)


def api_exports() -> str:
    """A reST table of the names ``fukuoka_dx`` re-exports, each linked to its module.

    Each name's home is the module the package stub ``fukuoka_dx/__init__.pyi`` imports it
    from (``fukuoka_dx._API``, the one list of the public API), not a list kept here; where
    that module is a package re-exporting a class or function of one of its modules
    (``fukuoka_dx.report.opendata``), the home is that module, where it is documented.
    """
    import inspect

    import fukuoka_dx

    rows = []
    for name in fukuoka_dx.__all__:
        if name.startswith("__"):
            continue
        home = fukuoka_dx._API[name]
        obj = getattr(fukuoka_dx, name)
        defined_in = getattr(obj, "__module__", "") if inspect.isclass(obj) or callable(obj) else ""
        if defined_in.startswith(home + "."):
            home = defined_in
        doc = inspect.getdoc(obj) if (inspect.isclass(obj) or callable(obj)) else None
        summary = (doc or "").strip().split("\n\n")[0].replace("\n", " ")
        # roles in a docstring resolve against its own module, not this page: make them literal
        summary = re.sub(r":[\w:]+:`~?([^`<]+?)(?: <[^>]+>)?`", r"``\1``", summary)
        if not summary and isinstance(obj, tuple):
            summary = "Column names, in order."
        if "._" in home:  # a private module: documented on the API index page itself
            ref = f":py:obj:`~fukuoka_dx.{name}`"
            where = f"``{home}`` (private; use ``fukuoka_dx.{name}``)"
        else:
            ref = f":py:obj:`~{home}.{name}`"
            where = f":py:mod:`{home}`"
        rows.append((ref, where, summary))
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 25 20 55",
        "",
        "   * - name",
        "     - defined in",
        "     - summary",
    ]
    for ref, where, summary in rows:
        lines += [f"   * - {ref}", f"     - {where}", f"     - {summary}"]
    return "\n".join(lines) + "\n"


def cli_help() -> dict[str, str]:
    """The ``--help`` text of ``fukuoka-dx`` and of each subcommand, 88 columns wide."""
    from fukuoka_dx.cli import build_parser

    def fixed_width(prog: str) -> argparse.HelpFormatter:
        return argparse.HelpFormatter(prog, width=88)

    parser = build_parser()
    parser.formatter_class = fixed_width
    out = {"fukuoka-dx": parser.format_help()}
    for action in parser._actions:  # argparse has no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                sub.formatter_class = fixed_width
                out[name] = sub.format_help()
    return out


def generate(app: Sphinx) -> None:
    import fukuoka_dx

    root = Path(app.srcdir) / GENERATED
    plan = fukuoka_dx.load_plan()
    for name, text in fidelity_fragments(plan).items():
        _write(root / f"fidelity-{name}.md", text)
    for name, text in plan_fragments(plan).items():
        _write(root / f"plan-{name}.md", text)
    for name, text in opendata_fragments(plan).items():
        _write(root / f"opendata-{name}.md", text)
    _write(root / "api-exports.rst", api_exports())
    for name, text in cli_help().items():
        _write(root / "cli" / f"{name}.txt", text)
    datasrc = Path(app.srcdir).parent / "datasrc"
    _write(root / "glossary-english.md", glossary_english(datasrc / "glossary.json"))
    _write(root / "glossary-official.md", official_names(datasrc / "official-names.json"))


def _drop_bases_object(app: Sphinx, doctree: nodes.document) -> None:
    """Remove autodoc's "Bases: object" lines: only real base classes are worth a line."""
    from sphinx import addnodes

    for desc in doctree.findall(addnodes.desc_content):
        for para in list(desc.children):
            if isinstance(para, nodes.paragraph) and para.astext() == "Bases: object":
                desc.remove(para)


def _drop_inherited_data_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """A constant such as a tuple has no docstring of its own: do not show its type's.

    Only the lines that *are* the type's docstring are dropped; a ``#:`` comment or a string
    after the attribute (what autodoc shows for documented attributes) is kept.
    """
    if what not in ("data", "attribute") or obj is None:
        return
    type_doc = getattr(type(obj), "__doc__", None)
    if isinstance(type_doc, str) and "\n".join(lines).strip() == inspect.cleandoc(type_doc).strip():
        lines.clear()


def _name_type_aliases_in_containers() -> None:
    """Let ``autodoc_type_aliases`` work inside ``tuple[Target, ...]`` and ``Target | None``.

    Sphinx unwraps an alias only at the top of an annotation; nested, its placeholder is
    rendered by ``repr`` as ``TypeAliasForwardRef('...')``. Rendering it as the alias name
    instead gives ``tuple[fukuoka_dx.targets.Target, ...]``. (A docs-only workaround; it
    does nothing on a Sphinx without that placeholder class.)
    """
    from sphinx.util import inspect as sphinx_inspect

    placeholder = getattr(sphinx_inspect, "TypeAliasForwardRef", None)
    if placeholder is not None:
        placeholder.__repr__ = lambda self: str(getattr(self, "name", "?"))


def setup(app: Sphinx) -> dict[str, Any]:
    _name_type_aliases_in_containers()
    app.add_config_value("docs_unavailable_inventories", [], "env", types=(list,))
    app.connect("builder-inited", generate)
    app.connect("doctree-read", _drop_bases_object)
    app.connect("autodoc-process-docstring", _drop_inherited_data_docstring)
    # after intersphinx (500) and the Python domain's built-in resolver (900)
    app.connect("missing-reference", _reexported, priority=940)
    app.connect("missing-reference", _unlinked_external, priority=950)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
