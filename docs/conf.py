"""Sphinx configuration of the fukuoka-dx documentation.

Build (both must pass with no warning; ``make docs`` runs them)::

    sphinx-build -q -W -n -b html docs docs/_build/html
    sphinx-build -q -W -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from fukuoka_dx_docs import fetch_inventories  # noqa: E402

import fukuoka_dx  # noqa: E402

# -- project -------------------------------------------------------------------------------

project = "fukuoka-dx"
author = "fukuoka-dx maintainers"
copyright = "fukuoka-dx maintainers; the plan: 福岡市 (Fukuoka City)"
release = fukuoka_dx.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "fukuoka_dx_docs",  # _ext/: generated pages, offline-tolerant intersphinx
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_generated", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

# -- MyST ------------------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- HTML ------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"fukuoka-dx {release}"
html_static_path: list[str] = []
html_theme_options = {"navigation_with_keys": True}

# -- autodoc ---------------------------------------------------------------------------------

# Type hints go in the signatures, wrapped one parameter a line when long: the docstrings
# describe parameters in prose, so a "Parameters" list would repeat the names only.
# (sphinx.ext.napoleon is not used: the docstrings are reST, and napoleon would read
# "The era's first day (明治: ..." as a Google-style "type: description".)
autodoc_typehints = "signature"
python_maximum_signature_line_length = 88
python_use_unqualified_type_names = True
autodoc_member_order = "bysource"
autodoc_default_options = {
    "members": True,
    "undoc-members": True,
    "show-inheritance": True,
}
# The unions of the model keep their names in signatures instead of 6 to 13 members.
autodoc_type_aliases = {
    "Target": "fukuoka_dx.targets.Target",
    "ScheduleCell": "fukuoka_dx.schedule.ScheduleCell",
    "ObservedValue": "fukuoka_dx.observations.values.ObservedValue",
    "Cell": "fukuoka_dx.report.export.Cell",
    "Row": "fukuoka_dx.report.export.Row",
    # fiscal_calendar imports pendulum on first use (for type checkers only at the top), so an
    # annotation naming it cannot be evaluated, and the rest of its signature would stay text
    "pendulum.Date": "pendulum.Date",
}

# -- doctest ---------------------------------------------------------------------------------

# Every ``>>>`` example of these pages and of the docstrings autodoc pulls in is run by
# ``sphinx-build -b doctest``; reST doctest blocks count as well as the doctest directives.
doctest_test_doctest_blocks = "default"
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)
# The command's screens fit the terminal's width (COLUMNS, else the terminal's, else 80
# when output is not a terminal): the examples are written for 100 columns, so that they give
# the same output whatever terminal the build runs in.
doctest_global_setup = "import os as _os\n_os.environ['COLUMNS'] = '100'"

# -- cross-references ------------------------------------------------------------------------

nitpicky = True
# Inventories are fetched by conf.py itself (5 s timeout, cached in _build/ for a day) and
# passed to intersphinx as local files, so that an offline build neither waits nor warns.
# A project whose inventory cannot be had is listed in docs_unavailable_inventories; the
# docs' extension then renders references into it as plain text. pendulum publishes no
# inventory (its site is MkDocs), hence the nitpick_ignore entries for its classes below.
# FUKUOKA_DX_DOCS_OFFLINE=1 skips the network and uses only what is cached.
intersphinx_mapping, docs_unavailable_inventories = fetch_inventories(
    HERE / "_build" / "intersphinx"
)
nitpick_ignore = [
    # pendulum: no Sphinx inventory exists (both spellings occur in annotations)
    ("py:class", "pendulum.Date"),
    ("py:class", "pendulum.date.Date"),
    # hypothesis: not among the linked projects (fukuoka_dx.strategies' return types)
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    # private TypeVars of from_json()/structure() and report.results.rounded() signatures
    ("py:class", "fukuoka_dx.serialization._T"),
    ("py:class", "fukuoka_dx.report.results._T"),
    # openpyxl: not among the linked projects; report.sheets' helpers take and give its
    # workbooks, sheets and validations (imported for the type checker only)
    ("py:class", "Workbook"),
    ("py:class", "Worksheet"),
    ("py:class", "DataValidation"),
]
