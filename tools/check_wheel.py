"""Check a built wheel: the packaged data and py.typed are inside, and an install works.

Usage: ``python tools/check_wheel.py DIST_DIR VENV_DIR`` (``make wheel-test`` runs it).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REQUIRED = ("fukuoka_dx/py.typed", "fukuoka_dx/data/plan-2023-09.json", "fukuoka_dx/cli.py")


def main(dist: Path, venv: Path) -> int:
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
        "assert len(p.indicators) == 160; print(p.edition, p.digest[:12])"
    )
    # run from the venv's directory so that the source tree is not on the path
    out = subprocess.run([python, "-c", code], cwd=venv, capture_output=True, text=True)
    if out.returncode:
        print(out.stderr, file=sys.stderr)
        return 1
    cli = subprocess.run(
        [venv / "bin" / "fukuoka-dx", "export", "indicators", "--format", "csv"],
        cwd=venv,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    rows = cli.stdout.splitlines()
    if cli.returncode or len(rows) != 161:
        print(f"fukuoka-dx export from the wheel failed: {cli.stderr}", file=sys.stderr)
        return 1
    print(f"wheel ok: {wheels[0].name}, plan {out.stdout.strip()}, {len(rows) - 1} indicators")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
