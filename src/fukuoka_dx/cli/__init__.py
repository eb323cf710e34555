"""The ``fukuoka-dx`` command: summary, show, search, schedule, export, template, packets,
collect, trend,
report and progress.

In layers, each importing only those below: :mod:`~fukuoka_dx.cli.parser` (the parser and
``main``) → ``fukuoka_dx.cli.commands`` (one module per command, none importing another)
→ :mod:`~fukuoka_dx.cli.pipeline` (read, refuse, report, assess) →
:mod:`~fukuoka_dx.cli.options` (typed options) → :mod:`~fukuoka_dx.cli.context` →
:mod:`~fukuoka_dx.cli.output` (stdout, stderr, ``-o``).
"""

from fukuoka_dx.cli.parser import build_parser, main

__all__ = ["build_parser", "main"]
