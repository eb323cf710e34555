"""Optional dependencies, imported on demand with a message that names the extra."""

from __future__ import annotations

import importlib
from types import ModuleType


class MissingExtraError(ImportError):
    """An optional feature whose extra is not installed."""


def _require(module: str, extra: str, feature: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{feature} needs {module}, which is not installed: pip install 'fukuoka-dx[{extra}]'"
        ) from None


def require_pandas() -> ModuleType:
    return _require("pandas", "pandas", "to_pandas()")


def require_matplotlib() -> ModuleType:
    return _require("matplotlib", "plot", "charts")
