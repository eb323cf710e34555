"""The command line's options: each read once into a typed value, and the groups of options
that several commands share (so that an option works the same wherever it is taken)."""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs
import pendulum

from fukuoka_dx.errors import FiscalYearParseError, FukuokaDXError
from fukuoka_dx.fiscal_calendar import FiscalYear, as_date
from fukuoka_dx.model import TargetColumn
from fukuoka_dx.observations.files import ENCODINGS
from fukuoka_dx.progress import Thresholds
from fukuoka_dx.progress.schemes import SCHEMES, STANDARD, Scheme, read_scheme
from fukuoka_dx.words import Lang

__all__ = [
    "AssessOptions",
    "add_assess_options",
    "add_bom_option",
    "add_lang_option",
    "assess_options",
    "date_arg",
    "fy_arg",
    "scheme_arg",
]


def date_arg(text: str) -> pendulum.Date:
    """``--as-of``: a date (``2026-03-31``, ``令和8年3月31日``, …)."""
    try:
        return as_date(text)
    except FiscalYearParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def fy_arg(text: str) -> FiscalYear:
    """``--fy``: a fiscal year (``R7``, ``令和7年度``, ``FY2025``, ``2025``)."""
    try:
        return FiscalYear.parse(text)
    except FiscalYearParseError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def scheme_arg(text: str) -> Scheme:
    """``--scheme``: a built-in scheme's name or a ``.toml`` file of bands."""
    if text in SCHEMES:
        return SCHEMES[text]
    path = Path(text)
    if path.suffix.lower() != ".toml":
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected {', '.join(SCHEMES)} or a .toml file of bands"
        )
    try:
        return read_scheme(path.read_bytes(), name=path.stem)  # the bytes: a BOM, Shift_JIS named
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {text}: {exc.strerror}") from None
    except FukuokaDXError as exc:
        raise argparse.ArgumentTypeError(f"{text}: {exc}") from None


def add_lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        help="language of words for people (default: ja where the locale is Japanese, else en)",
    )


def add_bom_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bom", action="store_true", help="start CSV with a UTF-8 BOM (for Excel)")


def add_assess_options(p: argparse.ArgumentParser) -> None:
    """The options of reading observations and assessing them: the same for ``progress``,
    ``trend`` and ``report``."""
    p.add_argument("--as-of", type=date_arg, help="date to assess at (default: today, JST)")
    p.add_argument("--target", choices=("midterm", "final"), help="default: by the as-of date")
    p.add_argument(
        "--encoding",
        choices=tuple(ENCODINGS),
        help="the file's encoding (default: UTF-8, or Shift_JIS/cp932 or EUC-JP when the "
        "bytes can only be that; a file that could be either is refused)",
    )
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="a counter on stderr while a long file is read (auto: on a terminal, after 2 s)",
    )
    p.add_argument(
        "--keep-valid",
        action="store_true",
        help="assess the valid rows and report the rejected ones (on stderr, or in the report)",
    )
    p.add_argument(
        "--scheme",
        type=scheme_arg,
        metavar="SCHEME",
        help="evaluation scheme: standard (the statuses), abcd, baseline, or a .toml file of "
        "bands (default: standard)",
    )
    p.add_argument(
        "--crosswalk",
        metavar="FILE",
        help="the file's figures are of the crosswalk's old edition: carry them over to the "
        "edition assessed (a crosswalk JSON file)",
    )
    p.add_argument("--on-track", type=float, help="threshold on R (default 0.95)")
    p.add_argument("--needs-acceleration", type=float, help="threshold on R (default 0.6)")


@attrs.frozen
class AssessOptions:
    """What to read and how to assess it, as :func:`add_assess_options` takes it."""

    file: str
    as_of: pendulum.Date | None = None
    target: TargetColumn | None = None
    encoding: str | None = None
    keep_valid: bool = False
    scheme: Scheme = STANDARD
    thresholds: Thresholds = attrs.field(factory=Thresholds)
    progress: str = "auto"
    """``auto``, ``always`` or ``never``: the reading counter on stderr."""
    crosswalk: str | None = None
    """A crosswalk file: the observations are of its old edition, carried over."""


def assess_options(args: argparse.Namespace) -> AssessOptions:
    """The typed assessment options of a parsed command line."""
    given = {"on_track": args.on_track, "needs_acceleration": args.needs_acceleration}
    return AssessOptions(
        file=args.file,
        as_of=args.as_of,
        target=TargetColumn(args.target) if args.target else None,
        encoding=args.encoding,
        keep_valid=args.keep_valid,
        scheme=args.scheme or STANDARD,
        thresholds=Thresholds(**{k: v for k, v in given.items() if v is not None}),
        progress=args.progress,
        crosswalk=args.crosswalk,
    )
