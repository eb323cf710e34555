"""The packaged plan's own reader (``fukuoka_dx._plan_reader``, made by
``tools/gen_plan_reader.py``): up to date with the model, and reading exactly what the general
reader reads."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from types import ModuleType

import pytest
from hypothesis import given, settings

import fukuoka_dx
from fukuoka_dx import _plan_reader, loading
from fukuoka_dx.model import Plan
from fukuoka_dx.serialization import canonical_json, structure, unstructure
from fukuoka_dx.strategies import plans

from ._datasrc import ROOT


@cache
def generator() -> ModuleType:
    path = ROOT / "tools" / "gen_plan_reader.py"
    spec = importlib.util.spec_from_file_location("gen_plan_reader", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_generated_reader_is_what_the_model_makes_now() -> None:
    made = generator().generate()
    assert made == generator().OUTPUT.read_text("utf-8"), "run `make data`"


@pytest.mark.parametrize("edition", [e.edition for e in fukuoka_dx.editions()])
def test_each_packaged_edition_reads_as_the_general_reader_reads_it(edition: str) -> None:
    data = json.loads(loading.read_plan_bytes(edition))
    fast, general = _plan_reader.read_plan(data), structure(data, Plan)
    assert fast == general
    assert canonical_json(fast) == canonical_json(general)
    assert fast.digest == fukuoka_dx.load_plan(edition).digest


@settings(max_examples=40, deadline=None)
@given(plans())
def test_any_plan_reads_back_as_itself(plan: Plan) -> None:
    data = json.loads(json.dumps(unstructure(plan)))
    assert _plan_reader.read_plan(data) == plan == structure(data, Plan)


def test_a_package_that_is_not_files_is_read_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = loading.read_plan_bytes()
    monkeypatch.setattr(loading, "_DATA", str(ROOT / "no such folder"))
    loading._edition_ids.cache_clear()
    try:
        assert loading._edition_ids() == tuple(e.edition for e in fukuoka_dx.editions())
        assert loading.read_plan_bytes() == files
    finally:
        loading._edition_ids.cache_clear()


def test_a_packaged_edition_the_reader_cannot_read_is_read_by_the_general_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(data: object) -> Plan:
        raise KeyError("a field the model has no more")

    monkeypatch.setattr(_plan_reader, "read_plan", broken)
    plan = loading._load(loading.latest_edition())
    assert plan == fukuoka_dx.load_plan()
