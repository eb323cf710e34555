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
settings.register_profile("many", max_examples=2000, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

ROOT = Path(__file__).resolve().parent.parent
SEED_DEFAULT = ROOT / "datasrc" / "2023-09" / "source.txt"


@pytest.fixture(scope="session")
def plan() -> Plan:
    return fukuoka_dx.load_plan()


def seed_path() -> Path:
    """The source text: ``datasrc/2023-09/source.txt``, or the file FUKUOKA_DX_SEED names."""
    env = os.environ.get("FUKUOKA_DX_SEED")
    return Path(env) if env else SEED_DEFAULT
