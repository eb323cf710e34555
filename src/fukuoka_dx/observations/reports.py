"""What the bureaus report besides figures: how an initiative's schedule (工程) went in a
fiscal year, and their own words on a figure or on an initiative.

- :class:`ActivityReport`: an initiative's status in a year (:class:`ActivityStatus`, a
  closed list: 計画どおり, 前倒し, 一部遅れ, 遅れ, 未着手, 見直し, 中止) and what was done
  (取組実績);
- :class:`IndicatorNarrative`: a figure's account: whether it is provisional (速報値), the
  evidence for it (根拠資料), the analysis of why it is what it is (要因分析), the open
  problems (課題) and the next step (今後の方向性, :class:`NextStep`, a closed list);
- :class:`InitiativeNarrative`: the same words about an initiative.

Free text is kept as it was written: only its line endings become ``\\n``; nothing is trimmed
or otherwise normalised. Ids and fiscal years are read as observations' are. Whether a report
fits the plan is checked where it meets the plan
(:mod:`~fukuoka_dx.observations.report_checks`).

>>> report = ActivityReport("１-１-３", "R7", ActivityStatus.AS_PLANNED, " 周知を実施\\r\\n")
>>> report.initiative_id, report.fiscal_year, report.status.value, report.done
('1-1-3', FiscalYear(2025), 'as_planned', ' 周知を実施\\n')
"""

from __future__ import annotations

import enum
import unicodedata
from typing import ClassVar, Final

import attrs

from fukuoka_dx.errors import InvalidValueError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_fiscal_year

__all__ = [
    "ActivityReport",
    "ActivityStatus",
    "IndicatorNarrative",
    "InitiativeNarrative",
    "Narrative",
    "NarrativeKind",
    "NextStep",
    "free_text",
]


class ActivityStatus(enum.StrEnum):
    """How an initiative's schedule went in a fiscal year (the closed list of a 進捗管理表)."""

    AS_PLANNED = "as_planned"  # 計画どおり
    AHEAD = "ahead"  # 前倒し
    PARTLY_DELAYED = "partly_delayed"  # 一部遅れ
    DELAYED = "delayed"  # 遅れ
    NOT_STARTED = "not_started"  # 未着手
    REVISED = "revised"  # 見直し
    DISCONTINUED = "discontinued"  # 中止


class NextStep(enum.StrEnum):
    """The next step (今後の方向性) a bureau names for an indicator or an initiative."""

    EXPAND = "expand"  # 拡充
    CONTINUE = "continue"  # 継続
    IMPROVE = "improve"  # 改善・見直し
    COMPLETE = "complete"  # 完了
    REDUCE = "reduce"  # 縮小
    STOP = "stop"  # 休止・廃止


class NarrativeKind(enum.StrEnum):
    """What a narrative is about (the ``kind`` tag of its JSON)."""

    INDICATOR = "indicator"
    INITIATIVE = "initiative"


def free_text(value: str | None) -> str | None:
    """Free text as a person wrote it, with its line endings (``\\r\\n``, ``\\r``) made
    ``\\n`` and nothing else changed; ``None`` for no text (nothing, or only white space).

    >>> free_text("  要因:\\r\\n　利用が伸びた "), free_text(" \\n "), free_text(None)
    ('  要因:\\n\\u3000利用が伸びた ', None, None)
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"free text must be text, got {type(value).__name__}: {value!r}")
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None


def _text(value: str | None) -> str | None:
    """A field's free text: line endings normalised, white space alone refused (no text is
    ``None``)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"free text must be text, got {type(value).__name__}: {value!r}")
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidValueError("free text holds only white space: give None for no text")
    return text


def _id(value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"an id must be text, got {type(value).__name__}: {value!r}")
    key = unicodedata.normalize("NFKC", value).strip()
    if not key:
        raise InvalidValueError("the id is empty")
    return key


_NEXT: Final = attrs.validators.optional(attrs.validators.instance_of(NextStep))


def _next_step(value: NextStep | str | None) -> NextStep | None:
    return None if value is None else NextStep(value)


@attrs.frozen
class ActivityReport:
    """How an initiative's schedule went in a fiscal year: its status and what was done
    (取組実績, free text, optional)."""

    initiative_id: str = attrs.field(converter=_id)
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    status: ActivityStatus = attrs.field(converter=ActivityStatus)
    done: str | None = attrs.field(default=None, converter=_text)

    @property
    def key(self) -> tuple[str, FiscalYear]:
        """What a report is of: its initiative and year (two reports of one key conflict
        unless they are the same)."""
        return (self.initiative_id, self.fiscal_year)


def _says_something(narrative: IndicatorNarrative | InitiativeNarrative) -> None:
    if not any(
        (
            narrative.factors,
            narrative.issues,
            narrative.next_step,
            getattr(narrative, "provisional", False),
            getattr(narrative, "evidence", None),
        )
    ):
        raise InvalidValueError(
            f"a narrative of {narrative.subject_id} in {narrative.fiscal_year} says nothing: "
            "give at least one of its fields"
        )


@attrs.frozen
class IndicatorNarrative:
    """A bureau's account of an indicator's figure for a fiscal year: ``provisional`` (速報値:
    the figure may still change), ``evidence`` (根拠資料, where the figure can be checked),
    ``factors`` (要因分析), ``issues`` (課題) and ``next_step`` (今後の方向性)."""

    kind: ClassVar[NarrativeKind] = NarrativeKind.INDICATOR
    indicator_id: str = attrs.field(converter=_id)
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    factors: str | None = attrs.field(default=None, converter=_text)
    issues: str | None = attrs.field(default=None, converter=_text)
    next_step: NextStep | None = attrs.field(default=None, converter=_next_step, validator=_NEXT)
    provisional: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    evidence: str | None = attrs.field(default=None, converter=_text)

    def __attrs_post_init__(self) -> None:
        _says_something(self)

    @property
    def subject_id(self) -> str:
        return self.indicator_id

    @property
    def key(self) -> tuple[NarrativeKind, str, FiscalYear]:
        return (self.kind, self.indicator_id, self.fiscal_year)


@attrs.frozen
class InitiativeNarrative:
    """A bureau's words on an initiative in a fiscal year: ``factors`` (要因分析), ``issues``
    (課題) and ``next_step`` (今後の方向性)."""

    kind: ClassVar[NarrativeKind] = NarrativeKind.INITIATIVE
    initiative_id: str = attrs.field(converter=_id)
    fiscal_year: FiscalYear = attrs.field(converter=as_fiscal_year)
    factors: str | None = attrs.field(default=None, converter=_text)
    issues: str | None = attrs.field(default=None, converter=_text)
    next_step: NextStep | None = attrs.field(default=None, converter=_next_step, validator=_NEXT)

    def __attrs_post_init__(self) -> None:
        _says_something(self)

    @property
    def subject_id(self) -> str:
        return self.initiative_id

    @property
    def key(self) -> tuple[NarrativeKind, str, FiscalYear]:
        return (self.kind, self.initiative_id, self.fiscal_year)


#: A narrative: of an indicator's figure, or of an initiative.
Narrative = IndicatorNarrative | InitiativeNarrative
