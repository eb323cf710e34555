"""Optional dependencies, imported on demand with a message that names the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from fukuoka_dx.errors import MissingExtraError


def missing_extra(module: str, extra: str, feature: str) -> MissingExtraError:
    """The error for ``feature`` used without ``module``, naming the extra to install."""
    return MissingExtraError(
        f"{feature} needs {module}, which is not installed: pip install 'fukuoka-dx[{extra}]'"
    )


def _require(module: str, extra: str, feature: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise missing_extra(module, extra, feature) from None


def require_pandas() -> ModuleType:
    return _require("pandas", "pandas", "to_pandas()")


def require_matplotlib() -> ModuleType:
    return _require("matplotlib", "plot", "charts")


def require_jinja2() -> ModuleType:
    return _require("jinja2", "report", "the HTML report")


def require_openpyxl() -> ModuleType:
    return _require("openpyxl", "excel", "Excel workbooks (.xlsx)")
