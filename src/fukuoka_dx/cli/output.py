"""Where a command's output goes: standard output or ``-o FILE``, notes on standard error,
and the guards that no output ever replaces an input or contradicts its own suffix."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from fukuoka_dx.errors import UsageError
from fukuoka_dx.words import Lang, say

__all__ = ["PROG", "Output", "same_file"]

PROG = "fukuoka-dx"

#: The suffixes that name a format, and the format each names.
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".png": "png",
    ".svg": "svg",
    ".pdf": "pdf",
}


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two names are one file: the same path, a link to it, or a hard link (the
    same device and inode)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


@attrs.frozen
class Output:
    """A command's output: ``path`` (``-o``) or ``stdout``; notes go to ``stderr`` in
    ``lang``. ``inputs`` are the files read, which no output may replace."""

    stdout: TextIO
    stderr: TextIO
    lang: Lang
    path: Path | None = None
    inputs: tuple[Path, ...] = ()

    @classmethod
    def to(
        cls,
        stdout: TextIO,
        stderr: TextIO,
        lang: Lang,
        output: str | None,
        inputs: Sequence[str | None] = (),
    ) -> Output:
        """The output of a command, checked: ``-o`` is not empty and is no input."""
        if output == "":
            raise UsageError("--output is empty: give a file name, or leave it out for stdout")
        given = tuple(Path(i) for i in inputs if i)
        path = Path(output) if output is not None else None
        if path is not None:
            for source in given:
                if same_file(path, source):
                    raise UsageError(
                        f"--output {path} is the file read ({source}): choose another name"
                    )
        return cls(stdout, stderr, lang, path, given)

    def check_suffix(self, fmt: str, flag: str = "--format") -> None:
        """Refuse an ``-o`` whose suffix names another format than ``fmt``."""
        if self.path is None:
            return
        named = _SUFFIX_FORMATS.get(self.path.suffix.lower())
        if named is not None and named != fmt:
            raise UsageError(
                f"--output {self.path} names a {named} file, but the output is {fmt}: "
                f"give {flag} {named} or a name ending in the right suffix"
            )

    def check_new(self) -> None:
        """A template never replaces an existing file: it may hold figures filled in."""
        if self.path is not None and self.path.exists():
            raise UsageError(
                f"{self.path} exists (it may hold figures already filled in): choose a new name"
            )

    def check_other(self, other: str | None, flag: str) -> None:
        """A second output (``--chart``) is neither an input nor ``-o``."""
        if not other:
            return
        for source in self.inputs:
            if same_file(other, source):
                raise UsageError(f"{flag} {other} is the file read ({source}): choose another name")
        if self.path is not None and same_file(other, self.path):
            raise UsageError(f"--output and {flag} are the same file {other}: choose two names")

    def text(self, text: str) -> None:
        """Write ``text`` to ``-o`` when given, else to standard output."""
        if self.path is None:
            self.stdout.write(text)
            return
        try:
            self.path.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror}") from None

    def block(self, text: str) -> None:
        """Write a block of text, ending it with a newline."""
        self.text(text if text.endswith("\n") else text + "\n")

    def lines(self, lines: Sequence[str]) -> None:
        self.block("\n".join(lines))

    def binary(self, data: bytes, what: str = "a workbook") -> None:
        """Write a binary file to ``-o`` (required) and say so."""
        if self.path is None:
            raise UsageError(f"the output is {what}: give -o FILE")
        try:
            self.path.write_bytes(data)
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror}") from None
        self.note("cli.wrote", path=self.path)

    def files(self, named: Mapping[str, bytes]) -> None:
        """Write files of ``named`` (file name → bytes) into the folder ``-o`` (required;
        made if needed) and say so; none is written when one of them exists already (it
        may hold what was filled in)."""
        if self.path is None:
            raise UsageError("the output is a folder of files: give -o DIR")
        if self.path.exists() and not self.path.is_dir():
            raise UsageError(f"--output {self.path} is a file: give a folder")
        existing = [name for name in named if (self.path / name).exists()]
        if existing:
            raise UsageError(
                f"{self.path} holds {', '.join(existing)} already (it may hold what was filled "
                "in): choose a new folder"
            )
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            for name, data in named.items():
                (self.path / name).write_bytes(data)
        except OSError as exc:
            raise UsageError(f"cannot write into {self.path}: {exc.strerror}") from None
        self.note("cli.wrote_files", n=len(named), path=self.path)

    def note(self, key: str, /, **params: object) -> None:
        """A note for people on standard error, from the catalogue of words."""
        self.stderr.write(f"{PROG}: {say(key, self.lang, **params)}\n")

    def error(self, text: str) -> None:
        self.stderr.write(f"{PROG}: error: {text}\n")
