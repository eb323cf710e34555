"""Check a built wheel: the packaged data, the API stub and py.typed are inside, and it works.

Usage: ``python tools/check_wheel.py DIST_DIR VENV_DIR`` (``make wheel-test`` runs it).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "fukuoka_dx"
DATA_FILES = tuple(f"fukuoka_dx/data/{p.name}" for p in sorted((PACKAGE / "data").glob("*.json")))
# the stub is the list of the public API, read at import: without it nothing imports
REQUIRED = (
    "fukuoka_dx/py.typed",
    "fukuoka_dx/__init__.pyi",
    *DATA_FILES,
    "fukuoka_dx/cli/__init__.py",
    "fukuoka_dx/cli/parser.py",
    "fukuoka_dx/words.py",
    "fukuoka_dx/report/templates/filter.js",
)


def main(dist: Path, venv: Path) -> int:
    if not DATA_FILES:
        print(f"no packaged data in {PACKAGE / 'data'}", file=sys.stderr)
        return 1
    wheels = sorted(dist.glob("fukuoka_dx-*.whl"))
    if len(wheels) != 1:
        print(f"expected one wheel in {dist}, found {[w.name for w in wheels]}", file=sys.stderr)
        return 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        print(f"{wheels[0].name} lacks {', '.join(missing)}", file=sys.stderr)
        return 1
    venv = venv.resolve()
    python = venv / "bin" / "python"
    code = (
        "import fukuoka_dx as f; p = f.load_plan(); "
        "assert p.digest == f.load_plan(p.edition).digest; "
        "assert p.indicators; print(p.edition, p.digest[:12], len(p.indicators))"
    )
    # run from the venv's directory so that the source tree is not on the path
    out = subprocess.run([python, "-c", code], cwd=venv, capture_output=True, text=True)
    if out.returncode:
        print(out.stderr, file=sys.stderr)
        return 1
    edition, digest, count = out.stdout.split()
    cli = subprocess.run(
        [venv / "bin" / "fukuoka-dx", "export", "indicators", "--format", "csv"],
        cwd=venv,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    rows = cli.stdout.splitlines()
    if cli.returncode or len(rows) != 1 + int(count):
        print(
            f"fukuoka-dx export from the wheel failed: {len(rows)} lines for {count} indicators"
            f" (expected a header and one row each)\n{cli.stderr}",
            file=sys.stderr,
        )
        return 1
    print(f"wheel ok: {wheels[0].name}, plan {edition} {digest}, {count} indicators")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
