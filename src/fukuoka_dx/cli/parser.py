"""The parser and ``main``: global options, one subparser per command, and the one place
that turns an error into a line on stderr and exit code 2.

Exit codes: 0 on success, 2 on bad arguments or bad input (a one-line message on stderr,
or one line per problem for observation files, the first ``--max-errors`` of them).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from fukuoka_dx._version import __version__
from fukuoka_dx.cli.commands import (
    collect,
    diff,
    export,
    packets,
    progress,
    report,
    schedule,
    search,
    show,
    summary,
    template,
    trend,
)
from fukuoka_dx.cli.context import Context
from fukuoka_dx.cli.output import PROG, Output
from fukuoka_dx.errors import FukuokaDXError, JSONFormatError, ObservationsError
from fukuoka_dx.loading import editions
from fukuoka_dx.report.text import terminal_width
from fukuoka_dx.words import Lang, as_lang, default_lang, say

__all__ = ["build_parser", "main"]

#: How many problems of an input are printed before the rest are counted (``--max-errors``).
MAX_ERRORS = 50


class _ArgumentError(Exception):
    """An argument the parser cannot take: said on the command's stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(f"{self.prog}: error: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    """The ``fukuoka-dx`` parser: global options, then a subcommand (default: summary)."""
    parser = _Parser(
        prog=PROG,
        description="福岡市DX戦略 実行項目集 (Fukuoka City DX strategy): show, search, export, "
        "assess progress.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--edition",
        default=None,
        help="plan edition, or a JSON file of one's own (default: the latest; available: "
        f"{', '.join(e.edition for e in editions())})",
    )
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=[lang.value for lang in Lang],
        help="language of words for people, for every command (a command's own --lang wins)",
    )
    parser.add_argument(
        "--max-errors",
        type=int,
        default=MAX_ERRORS,
        metavar="N",
        help=f"print at most N problems of an input, then their count (default {MAX_ERRORS}; "
        "0: all)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands = (summary, show, search, schedule, export, template, packets, collect, trend)
    for command in (*commands, report, progress, diff):
        command.register(sub)
    return parser


def _command_position(argv: Sequence[str]) -> int | None:
    """Where the subcommand stands in ``argv``: after the global options and their values."""
    k = 0
    while k < len(argv):
        arg = argv[k]
        if arg in ("--edition", "--lang", "--max-errors"):
            k += 2
        elif arg.startswith("-"):
            k += 1
        else:
            return k
    return None


def _template_alias(argv: list[str], err: TextIO) -> list[str]:
    """``progress --template ...`` is ``template ...`` (an alias kept for one release)."""
    k = _command_position(argv)
    if k is None or argv[k] != "progress" or "--template" not in argv[k + 1 :]:
        return argv
    rest = list(argv[k + 1 :])
    rest.remove("--template")
    err.write(f"{PROG}: {say('cli.template_alias', default_lang())}\n")
    return [*argv[:k], "template", *rest]


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    if stdout is None:
        _stdio_utf8()
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    given = _template_alias(list(sys.argv[1:] if argv is None else argv), err)
    try:
        args = build_parser().parse_args(given)
    except _ArgumentError as exc:
        err.write(f"{exc}\n")
        return 2
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    run = getattr(args, "command_run", None) or summary.from_args
    chosen = getattr(args, "lang", None) or args.global_lang
    lang = as_lang(chosen) if chosen else default_lang()
    max_errors: int = args.max_errors
    try:
        inputs = [getattr(args, "file", None)]
        output = Output.to(out, err, lang, getattr(args, "output", None), inputs)
        ctx = Context(output, args.edition, terminal_width())
        code: int = run(args, ctx)
        return code
    except ObservationsError as exc:
        problems = exc.problems
        shown = problems if max_errors <= 0 else problems[:max_errors]
        for problem in shown:
            err.write(f"{PROG}: error: {problem}\n")
        if len(shown) < len(problems):
            more = len(problems) - len(shown)
            err.write(f"{PROG}: error: … and {more} more problem(s) (--max-errors 0 shows all)\n")
        return 2
    except JSONFormatError as exc:  # a file of one's own: a line per problem, with its path
        said = exc.problems if max_errors <= 0 else exc.problems[:max_errors]
        for line in said:
            err.write(f"{PROG}: error: {exc.what}: {line}\n")
        if len(said) < len(exc.problems):
            more = len(exc.problems) - len(said)
            err.write(f"{PROG}: error: … and {more} more problem(s) (--max-errors 0 shows all)\n")
        return 2
    except FukuokaDXError as exc:  # anything else is a bug: let it show its traceback
        err.write(f"{PROG}: error: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0


def _stdio_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
