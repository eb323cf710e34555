"""Read, refuse, report, assess: the one way ``progress``, ``trend`` and ``report`` turn an
observations file into an assessment, so that every option and file form works the same in
all three. A reporting round (``round.json``) is one of the file forms: read by the same
reader, it is assessed with its schedule's progress and its tracker beside the figures'."""

from __future__ import annotations

import attrs

from fukuoka_dx.cli.options import AssessOptions
from fukuoka_dx.cli.output import Output
from fukuoka_dx.cli.progress_display import reading_progress
from fukuoka_dx.errors import FukuokaDXError, ObservationsError, UsageError
from fukuoka_dx.fiscal_calendar import today
from fukuoka_dx.loading import load_plan, read_crosswalk
from fukuoka_dx.model import Plan
from fukuoka_dx.observations.files import ReadResult, read_observations
from fukuoka_dx.observations.values import value_text
from fukuoka_dx.progress import Assessment, RoundProgress, assess, assess_round
from fukuoka_dx.report.labels import reason_label

__all__ = ["Assessed", "read_and_assess"]

#: How the encodings a reader reports are named for people.
_ENCODING_NAMES = {"cp932": "cp932 (Shift_JIS)", "shift_jis": "Shift_JIS", "euc-jp": "EUC-JP"}


def _encoding_name(encoding: str | None) -> str:
    return _ENCODING_NAMES.get(str(encoding), str(encoding))


@attrs.frozen
class Assessed:
    """What the pipeline gives: what reading found and the assessment of what was read;
    for a round, also its schedule's progress, its tracker and its words (``progress``)."""

    reading: ReadResult
    assessment: Assessment
    progress: RoundProgress | None = None


def read_and_assess(
    plan: Plan, options: AssessOptions, out: Output, *, lists_exclusions: bool = False
) -> Assessed:
    """Read ``options.file`` against ``plan`` (rows without a value skipped), refuse it when
    a row cannot be read (unless ``keep_valid``), say on stderr what reading did, and assess
    what was read. Observations the assessment leaves out are said on stderr too, unless the
    output lists them itself (``lists_exclusions``: JSON, the HTML report).

    With a crosswalk (``--crosswalk``), the file is one of the crosswalk's old edition: it is
    read against that edition's plan and its observations are carried over to ``plan``, what
    cannot be carried refused with why."""
    crosswalk = read_crosswalk(options.crosswalk) if options.crosswalk else None
    read_plan = plan
    if crosswalk is not None and crosswalk.old_edition != plan.edition:
        try:
            read_plan = load_plan(crosswalk.old_edition)
        except FukuokaDXError as exc:
            raise UsageError(f"--crosswalk {options.crosswalk}: {exc}") from None
    reading = read_observations(
        options.file,
        read_plan,
        keep_valid=True,
        skip_empty=True,
        encoding=options.encoding,
        progress=reading_progress(out.stderr, out.lang, options.file, options.progress),
    )
    if reading.rejected and not options.keep_valid:
        raise ObservationsError(reading.rejected)
    if reading.encoding not in (None, "utf-8"):
        out.note("cli.read_as", file=options.file, encoding=_encoding_name(reading.encoding))
    for problem in reading.rejected:
        out.note("cli.rejected", problem=problem)
    if reading.skipped:
        out.note("cli.skipped", n=len(reading.skipped))
    progress = None
    if reading.round is not None:  # a round: as of its own date unless told otherwise
        if crosswalk is not None:
            raise UsageError(
                f"--crosswalk: {options.file} is a round, assessed against the plan it was "
                "collected against: a crosswalk does not apply"
            )
        progress = assess_round(
            plan,
            reading.round,
            as_of=options.as_of,
            target=options.target,
            thresholds=options.thresholds,
            scheme=options.scheme,
        )
        assessment = progress.assessment
    else:
        assessment = assess(
            plan,
            reading.observations,
            as_of=options.as_of or today(),
            target=options.target,
            thresholds=options.thresholds,
            scheme=options.scheme,
            crosswalk=crosswalk,
        )
    if not lists_exclusions:
        for ex in assessment.excluded:
            o = ex.observation
            out.note(
                "cli.left_out",
                id=o.indicator_id,
                fy=o.fiscal_year,
                value=value_text(o.value),
                reason=reason_label(ex.reason, out.lang),
            )
    return Assessed(reading, assessment, progress)
