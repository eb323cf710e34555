"""The structure: layers that import only downward, one error family, one list of the API."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import fukuoka_dx
from fukuoka_dx import cli, errors
from fukuoka_dx.errors import FukuokaDXError

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd: Path, src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


def test_the_layer_contract_holds() -> None:
    out = lint_imports(ROOT, ROOT / "src")
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_contract_catches_an_upward_import_inside_a_function(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "src" / "fukuoka_dx" / "model.py"
    model.write_text(
        model.read_text("utf-8") + "\n\ndef _draw() -> None:\n    from fukuoka_dx import report\n",
        "utf-8",
    )
    out = lint_imports(tmp_path, tmp_path / "src")
    assert out.returncode != 0
    assert "fukuoka_dx.model is not allowed to import fukuoka_dx.report" in out.stdout


@pytest.mark.parametrize(
    ("module", "injected", "message"),
    [
        (
            "report/html.py",
            "from fukuoka_dx.report import chart",
            "fukuoka_dx.report.html is not allowed to import fukuoka_dx.report.chart",
        ),
        (
            "report/results.py",
            "from fukuoka_dx.report import screens",
            "fukuoka_dx.report.results is not allowed to import fukuoka_dx.report.screens",
        ),
        (
            "cli/pipeline.py",
            "from fukuoka_dx.cli.commands import progress",
            "fukuoka_dx.cli.pipeline is not allowed to import fukuoka_dx.cli.commands",
        ),
        (
            "cli/commands/trend.py",
            "from fukuoka_dx.cli.commands import progress",
            "fukuoka_dx.cli.commands.trend is not allowed to import "
            "fukuoka_dx.cli.commands.progress",
        ),
    ],
)
def test_the_inner_contracts_catch_an_injected_import(
    tmp_path: Path, module: str, injected: str, message: str
) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    path = tmp_path / "src" / "fukuoka_dx" / module
    path.write_text(
        path.read_text("utf-8") + f"\n\ndef _injected() -> None:\n    {injected}\n", "utf-8"
    )
    out = lint_imports(tmp_path, tmp_path / "src")
    assert out.returncode != 0
    assert message in " ".join(out.stdout.split())


def test_usage_error_is_in_the_error_family() -> None:
    assert issubclass(errors.UsageError, FukuokaDXError) and issubclass(
        errors.UsageError, ValueError
    )
    assert fukuoka_dx.UsageError is errors.UsageError


def test_loading_a_plan_imports_neither_rules_nor_presentation() -> None:
    code = (
        "import sys, fukuoka_dx; fukuoka_dx.load_plan().initiative('1-1-3'); "
        "print(' '.join(m for m in sys.modules if m.startswith(('fukuoka_dx', 'pendulum'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "fukuoka_dx.model" in loaded
    for absent in ("fukuoka_dx.observations", "fukuoka_dx.progress", "fukuoka_dx.report"):
        assert absent not in loaded
    assert "pendulum" not in loaded  # dates are made on first use


def test_the_public_api_is_the_stub() -> None:
    stub = (ROOT / "src" / "fukuoka_dx" / "__init__.pyi").read_text("utf-8")
    for name in fukuoka_dx.__all__:
        assert f" as {name}\n" in stub
        value = getattr(fukuoka_dx, name)
        module = sys.modules[fukuoka_dx._API[name]]
        assert getattr(module, name) is value
    assert set(dir(fukuoka_dx)) >= set(fukuoka_dx.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        fukuoka_dx.nothing  # type: ignore[attr-defined]  # noqa: B018


def test_every_error_is_one_of_the_family_and_keeps_its_builtin_base() -> None:
    bases = {
        "NotFoundError": KeyError,
        "UnknownEditionError": KeyError,
        "MissingExtraError": ImportError,
        "InputTypeError": TypeError,
        "InputProblem": None,
        "FukuokaDXError": Exception,
    }
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert getattr(fukuoka_dx, name) is cls  # importable from fukuoka_dx
        if name == "InputProblem":
            continue
        assert issubclass(cls, FukuokaDXError)
        assert issubclass(cls, bases.get(name) or ValueError)


def test_errors_users_meet(plan: fukuoka_dx.Plan) -> None:
    from fukuoka_dx.targets import parse_target

    cases = [
        (lambda: fukuoka_dx.load_plan("1999-01"), errors.UnknownEditionError, KeyError),
        (lambda: plan.initiative("9-9-9"), errors.NotFoundError, KeyError),
        (lambda: plan.bureau("月面局"), errors.NotFoundError, KeyError),
        (
            lambda: plan.initiative("1-1-3").schedule.activities(fukuoka_dx.FiscalYear(2030)),
            errors.NotFoundError,
            KeyError,
        ),
        (
            lambda: parse_target("対面30 オンライン30").part("郵送"),  # type: ignore[union-attr]
            errors.NotFoundError,
            KeyError,
        ),
        (lambda: fukuoka_dx.FiscalYear.parse("来年度"), errors.FiscalYearParseError, ValueError),
        (lambda: parse_target("全校", "number"), errors.TargetParseError, ValueError),
        (lambda: fukuoka_dx.from_json("{}", fukuoka_dx.Plan), errors.JSONFormatError, ValueError),
        (lambda: fukuoka_dx.Thresholds(0.5, 0.9), errors.InvalidValueError, ValueError),
        (lambda: fukuoka_dx.FiscalYear(99999), errors.InvalidValueError, ValueError),
        (lambda: fukuoka_dx.Pillar("x", "a", "b"), errors.InvalidValueError, ValueError),
    ]
    for call, cls, builtin in cases:
        with pytest.raises(cls) as info:
            call()
        assert isinstance(info.value, builtin) and isinstance(info.value, FukuokaDXError)


def test_an_internal_bug_is_not_reported_as_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fukuoka_dx.cli.commands import summary

    def broken(args: object, ctx: object) -> int:
        raise ValueError("a bug, not the user's input")

    monkeypatch.setattr(summary, "from_args", broken)
    with pytest.raises(ValueError, match="a bug"):
        cli.main(["summary"])


def test_strategies_without_hypothesis_name_the_extra() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import fukuoka_dx.strategies\n"
        "except Exception as e:\n    print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("MissingExtraError fukuoka_dx.strategies needs hypothesis")
    assert "pip install 'fukuoka-dx[hypothesis]'" in out.stdout
