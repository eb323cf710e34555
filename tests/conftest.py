"""Shared fixtures and the Hypothesis profiles (``ci`` is selected when ``CI`` is set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import fukuoka_dx
from fukuoka_dx.model import Plan

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
SEED_DEFAULT = ROOT.parent / "shared" / "seed" / "000_20118ee2537d5ad5.txt"


@pytest.fixture(scope="session")
def plan() -> Plan:
    return fukuoka_dx.load_plan()


def seed_path() -> Path:
    """The source text, from FUKUOKA_DX_SEED or ../shared/seed/ next to the checkout."""
    env = os.environ.get("FUKUOKA_DX_SEED")
    return Path(env) if env else SEED_DEFAULT
