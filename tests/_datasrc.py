"""Test helpers: the authoring files in datasrc/{edition}/ and the build tool, loaded by path."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@cache
def build_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "tools" / "build_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its attrs classes resolve their annotations there
    spec.loader.exec_module(module)
    return module


#: The folder of the packaged edition whose reading the tests audit.
EDITION_DIR = ROOT / "datasrc" / "2023-09"


@cache
def blocks() -> dict[str, dict[str, Any]]:
    """Each initiative's authoring record (with its ``source_lines``), by id."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(EDITION_DIR.glob("part-*.json")):
        for ini in json.loads(path.read_text("utf-8"))["initiatives"]:
            out[ini["id"]] = ini
    return out
