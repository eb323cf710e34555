"""fukuoka-dx: Fukuoka City's DX strategy (福岡市DX戦略 実行項目集) as typed data.

>>> import fukuoka_dx
>>> plan = fukuoka_dx.load_plan()
>>> plan.initiative("1-1-3").title
'引越しに係る行政手続きのオンラインサービス'
>>> fukuoka_dx.FiscalYear.parse("令和8年度") == plan.last_year
True
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from fukuoka_dx import _presentation
from fukuoka_dx._version import __version__ as __version__


def _api() -> dict[str, str]:
    """The public names and their modules, read from the package stub ``__init__.pyi``.

    Its lines ``from MODULE import NAME as NAME`` are the list; reading them needs no parser.
    """
    with open(os.path.join(os.path.dirname(__file__), "__init__.pyi"), encoding="utf-8") as f:
        lines = [line.split() for line in f if line.startswith("from ")]
    return {words[5]: words[1] for words in lines if len(words) == 6 and words[4] == "as"}


# Names are imported on first use (PEP 562): ``import fukuoka_dx`` stays cheap and reads no
# data; ``from fukuoka_dx import load_plan`` imports only what loading needs.
_API = _api()
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'fukuoka_dx' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})


def _notebook_html(value: object) -> str:
    from fukuoka_dx.report.notebook import html_of

    return html_of(value)


def _table_frame(value: object, table: str) -> Any:
    from fukuoka_dx.model import Plan
    from fukuoka_dx.progress import Assessment
    from fukuoka_dx.report.export import table_frame
    from fukuoka_dx.report.results import results_frame

    if isinstance(value, Plan):
        return table_frame(value, table)
    if isinstance(value, Assessment):
        return results_frame(value)
    raise TypeError(f"no table view of {type(value).__name__}")


def _report_document(value: object, lang: str | None) -> str:
    from fukuoka_dx.progress import Assessment
    from fukuoka_dx.report.html import report_html
    from fukuoka_dx.words import default_lang

    if not isinstance(value, Assessment):
        raise TypeError(f"no report of {type(value).__name__}")
    return report_html(value, lang=lang or default_lang())


# The values below offer notebook HTML, data frames and a report that the presentation layer
# draws; the package root is the one place that knows both (see fukuoka_dx._presentation).
_presentation.connect(html=_notebook_html, frame=_table_frame, document=_report_document)
