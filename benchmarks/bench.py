"""Benchmarks: print timings as ratios (run with ``make bench``; not a test).

- cold ``load_plan()`` against ``json.loads`` of the same bytes (goal: at most 3x)
- a cached ``load_plan()`` call (goal: under 1 us)
- ``import fukuoka_dx`` against importing attrs, cattrs and pendulum alone (goal: +10 ms)
- assessing the whole plan with 1, 10 and 100 observations per indicator (goal: linear)
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable

import fukuoka_dx
from fukuoka_dx import loading
from fukuoka_dx.observations import Figure, Observation


def best(fn: Callable[[], object], repeat: int = 7, number: int = 1) -> float:
    """The best time of one call, in seconds."""
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number


def cold_load() -> object:
    loading._load.cache_clear()
    return fukuoka_dx.load_plan()


def import_time(statement: str, runs: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        times.append(float(out.stdout))
    return statistics.median(times)


def assess_time(per_indicator: int) -> float:
    plan = fukuoka_dx.load_plan()
    observations = [
        Observation(ind.id, 2023 + (k % 4), Figure(float(k)), as_of=None)
        for ind in plan.indicators
        for k in range(per_indicator)
    ]
    day = dt.date(2026, 11, 30)
    return best(lambda: fukuoka_dx.assess(plan, observations, as_of=day), repeat=5)


def main() -> None:
    raw = loading.read_plan_bytes()
    t_json = best(lambda: json.loads(raw))
    t_cold = best(cold_load)
    fukuoka_dx.load_plan()
    t_cached = best(fukuoka_dx.load_plan, number=100_000)
    print(f"plan JSON: {len(raw):,} bytes")
    print(f"json.loads:            {t_json * 1e3:8.2f} ms")
    print(
        f"cold load_plan():      {t_cold * 1e3:8.2f} ms  ratio {t_cold / t_json:5.1f}x (goal <= 3x)"
    )
    print(f"cached load_plan():    {t_cached * 1e9:8.0f} ns  (goal < 1000 ns)")
    t_deps = import_time("import attrs, cattrs, pendulum")
    t_pkg = import_time("import fukuoka_dx")
    print(f"import attrs+cattrs+pendulum: {t_deps * 1e3:6.1f} ms")
    print(
        f"import fukuoka_dx:            {t_pkg * 1e3:6.1f} ms  "
        f"({(t_pkg - t_deps) * 1e3:+.1f} ms against them, goal <= +10 ms)"
    )
    t_full = import_time("from fukuoka_dx import load_plan, assess, FiscalYear")
    print(
        f"from fukuoka_dx import load_plan, assess, FiscalYear: {t_full * 1e3:6.1f} ms  "
        f"({(t_full - t_deps) * 1e3:+.1f} ms: the modules imported on first use)"
    )
    base = assess_time(1)
    for n in (1, 10, 100):
        t = assess_time(n)
        print(f"assess, {n:3d} obs/indicator: {t * 1e3:8.2f} ms  ratio to 1: {t / base:6.1f}x")


if __name__ == "__main__":
    main()
