"""The observations template as CSV: a row per indicator assessable in a fiscal year, to fill in.

The rows are those of the workbook template (:func:`~fukuoka_dx.report.excel.template_workbook`),
both from :func:`~fukuoka_dx.progress.assessable_indicators`; the reader takes the file back
(comment columns, starting ``#``, are ignored).

>>> from fukuoka_dx import load_plan
>>> text = template_csv(load_plan(), "R7")
>>> text.splitlines()[0].split(",")  # doctest: +NORMALIZE_WHITESPACE
['indicator_id', 'fiscal_year', 'value', 'as_of', 'source', 'note', 'edition', 'digest',
 '# name', '# unit', '# baseline', '# midterm', '# final']
"""

from __future__ import annotations

from typing import Final

from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year
from fukuoka_dx.model import Plan, TargetColumn
from fukuoka_dx.observations.values import EDITION_COLUMNS, OBSERVATION_COLUMNS
from fukuoka_dx.progress import assessable_indicators
from fukuoka_dx.report.export import Row, format_csv

__all__ = ["TEMPLATE_COLUMNS", "template_csv", "template_rows"]

#: The columns of the CSV template: the observation columns, the edition and digest each row
#: records (so that a figure is never read against another edition), then read-only comments.
TEMPLATE_COLUMNS: Final = (
    *OBSERVATION_COLUMNS,
    *EDITION_COLUMNS,
    "# name",
    "# unit",
    "# baseline",
    "# midterm",
    "# final",
)


def template_rows(
    plan: Plan, fy: FiscalYear | int | str, column: TargetColumn | str | None = None
) -> list[Row]:
    """The rows of the template for ``fy``: the id and year filled in, the rest empty, and the
    indicator's name, unit, baseline and targets as comments."""
    year = as_fiscal_year(fy)
    rows: list[Row] = []
    for ind in assessable_indicators(plan, year, column):
        rows.append(
            {
                "indicator_id": ind.id,
                "fiscal_year": year.short,
                "value": "",
                "as_of": "",
                "source": "",
                "note": "",
                "edition": plan.edition,
                "digest": plan.digest,
                "# name": ind.name,
                "# unit": ind.unit or "",
                "# baseline": f"{ind.baseline.text} ({ind.baseline_fy.label_ja})",
                "# midterm": ind.midterm.text,
                "# final": ind.final.text,
            }
        )
    return rows


def template_csv(
    plan: Plan,
    fy: FiscalYear | int | str,
    column: TargetColumn | str | None = None,
    *,
    bom: bool = False,
) -> str:
    """The template for ``fy`` as CSV text (with a UTF-8 BOM for Excel when ``bom``)."""
    return format_csv(TEMPLATE_COLUMNS, template_rows(plan, fy, column), bom=bom)
