"""Benchmarks: print timings as ratios against yardsticks measured in the same run
(``make bench``; not a test), and at the end each goal with its measure and whether it is met
(see ``benchmarks/README.md``):

- the first answer of a fresh process (``import fukuoka_dx``, ``load_plan().initiative()``)
  against pycountry's (``countries.get`` + ``subdivisions.get``), both whole processes run in
  turns (goal: at most 1.0x; needs the ``bench`` extra)
- the first ``load_plan()`` of a fresh process against ``json.loads`` of the same bytes in
  that process (goal: at most 5x), and a cold ``load_plan()`` again in a warm process
  (goal: at most 2x); a cached ``load_plan()`` call
- ``import fukuoka_dx`` against importing attrs and cattrs alone (goal: at most +10 ms)
- assessing the whole plan with 1, 10 and 100 observations per indicator, and a full round
  (``round_assess.py``; goal: at most 50 ms)
- diffing the plan against a changed copy (one initiative renumbered through a crosswalk, a
  target in every tenth indicator, a schedule cell in every tenth initiative) against writing
  the plan's canonical JSON once, which the digest of either side costs
- reading observations, time and memory per 10,000 rows: a CSV file against a plain reader
  of the same text that checks nothing (the csv module, ``float`` and ``date.fromisoformat``),
  and a workbook (in openpyxl's read-only mode, as the reader reads it) against openpyxl
  reading the same cells in that mode (needs the ``excel`` extra)
- collecting a reporting round: the 24 packets of a year, every cell filled in (each
  indicator's figure and words, each initiative's status and words), against openpyxl
  reading the same files' cells in read-only mode (goal: at most 1.5x; needs the ``excel``
  extra)

``python benchmarks/bench.py reading`` and ``python benchmarks/bench.py rounds`` run those
alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import os
import statistics
import subprocess
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable

import attrs

import fukuoka_dx
from fukuoka_dx import loading
from fukuoka_dx.observations import Figure, Observation


def best(fn: Callable[[], object], repeat: int = 7, number: int = 1) -> float:
    """The best time of one call, in seconds."""
    return min(timeit.repeat(fn, repeat=repeat, number=number)) / number


def cold_load() -> object:
    loading._built.clear()
    return fukuoka_dx.load_plan()


def import_time(statement: str, runs: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for n in range(runs + 1):  # the first run writes the bytecode
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=_bytecode_env()
        )
        if n:
            times.append(float(out.stdout))
    return statistics.median(times)


def _bytecode_env() -> dict[str, str]:
    """This environment with bytecode written and used, as in an installed package."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


FIRST_ANSWER = "import fukuoka_dx; fukuoka_dx.load_plan().initiative('1-1-3')"
PYCOUNTRY = "; ".join(
    [
        "import pycountry",
        "pycountry.countries.get(alpha_2='JP')",
        "pycountry.subdivisions.get(code='JP-40')",
    ]
)


def process_times(statements: dict[str, str], rounds: int = 15) -> dict[str, float]:
    """The median wall time of ``python -c STATEMENT`` for each, the statements run in turns.

    Bytecode is written and used, as in an installed package (a first round warms it up).
    """
    env = _bytecode_env()
    times: dict[str, list[float]] = {name: [] for name in statements}
    for n in range(rounds + 1):
        for name, statement in statements.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", statement], check=True, env=env)
            if n:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(ts) for name, ts in times.items()}


def first_answer() -> float | None:
    """The first answer of a fresh process against pycountry's (None without pycountry)."""
    if importlib.util.find_spec("pycountry") is None:
        print("first answer: skipped (pycountry not installed: pip install 'fukuoka-dx[bench]')")
        return None
    t = process_times({"python": "pass", "fukuoka_dx": FIRST_ANSWER, "pycountry": PYCOUNTRY})
    print(f"python -c pass:               {t['python'] * 1e3:6.1f} ms (interpreter start)")
    print(f"first answer, pycountry:      {t['pycountry'] * 1e3:6.1f} ms")
    print(f"first answer, fukuoka_dx:     {t['fukuoka_dx'] * 1e3:6.1f} ms")
    return t["fukuoka_dx"] / t["pycountry"]


def _takes_a_figure(ind: object) -> bool:
    from fukuoka_dx.errors import InvalidValueError
    from fukuoka_dx.observations import parse_value

    try:
        parse_value("1", ind)  # type: ignore[arg-type]
    except InvalidValueError:
        return False
    return True


def assess_time(per_indicator: int) -> float:
    plan = fukuoka_dx.load_plan()
    figures = [ind for ind in plan.indicators if _takes_a_figure(ind)]
    observations = [  # valid and without conflicts: one date each, figures 0 to 100
        Observation(
            ind.id,
            fy := 2023 + (k % 4),
            Figure(float(k % 101)),
            as_of=dt.date(fy, 4, 1) + dt.timedelta(days=k // 4),
        )
        for ind in figures
        for k in range(per_indicator)
    ]
    day = dt.date(2026, 11, 30)
    return best(lambda: fukuoka_dx.assess(plan, observations, as_of=day), repeat=5)


def reading_rows(n: int) -> list[Observation]:
    """``n`` valid observations of the indicators that take a figure, without conflicts (one
    as-of date each), as a bureau's file would hold them."""
    plan = fukuoka_dx.load_plan()
    figures = [ind for ind in plan.indicators if _takes_a_figure(ind)]
    rows: list[Observation] = []
    k = 0
    while len(rows) < n:
        fy = 2023 + (k % 4)
        day = dt.date(fy, 4, 1) + dt.timedelta(days=k // 4)
        rows += [Observation(ind.id, fy, Figure(float(k % 101)), as_of=day) for ind in figures]
        k += 1
    return rows[:n]


def _workbook(rows: list[Observation]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("実績")
    ws.append(["indicator_id", "fiscal_year", "value", "as_of", "source", "note"])
    for o in rows:
        assert isinstance(o.value, Figure) and o.as_of is not None
        day = dt.date(o.as_of.year, o.as_of.month, o.as_of.day)
        ws.append([o.indicator_id, o.fiscal_year.year, o.value.value, day, o.source, o.note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def peak_memory(fn: Callable[[], object]) -> float:
    """The peak of memory allocated while ``fn`` runs, in MB (tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _plain_csv(text: str) -> list[tuple[str, int, float, dt.date | None]]:
    """The yardstick of the CSV reader: the same text read with no check at all."""
    return [
        (
            row["indicator_id"],
            int(row["fiscal_year"]),
            float(row["value"]),
            dt.date.fromisoformat(row["as_of"]) if row["as_of"] else None,
        )
        for row in csv.DictReader(io.StringIO(text))
    ]


def _read_cells(data: bytes) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
    finally:
        wb.close()


def reading(n: int = 10_000) -> None:
    """Reading ``n`` observation rows from CSV and from a workbook: time and peak memory per
    10,000 rows, each against its yardstick measured in the same run."""
    from fukuoka_dx.observations import parse_observations_csv, write_observations_csv

    plan = fukuoka_dx.load_plan()
    rows = reading_rows(n)
    text = write_observations_csv(rows)
    per = 10_000 / n
    forms: list[tuple[str, Callable[[], object], str, Callable[[], object]]] = [
        (
            "CSV",
            lambda: parse_observations_csv(text, plan),
            "plain csv",
            lambda: _plain_csv(text),
        )
    ]
    if importlib.util.find_spec("openpyxl") is None:
        print("reading a workbook: skipped (openpyxl not installed: the excel extra)")
    else:
        from fukuoka_dx.observations.spreadsheet import read_observations_xlsx

        data = _workbook(rows)
        forms.append(
            (
                "xlsx",
                lambda: read_observations_xlsx(io.BytesIO(data), plan),
                "openpyxl read-only",
                lambda: _read_cells(data),
            )
        )
    print(f"reading {n:,} rows (figures per 10,000 rows):")
    for form, read, yardstick, measure in forms:
        t_read, t_yard = best(read, repeat=5) * per, best(measure, repeat=5) * per
        m_read, m_yard = peak_memory(read) * per, peak_memory(measure) * per
        print(
            f"  {form:<4} read: {t_read * 1e3:7.0f} ms {m_read:5.1f} MB   "
            f"{yardstick:>18}: {t_yard * 1e3:6.0f} ms {m_yard:5.1f} MB   "
            f"ratio {t_read / t_yard:5.1f}x time, {m_read / m_yard:4.1f}x memory"
        )


def changed_copy() -> tuple[fukuoka_dx.Plan, fukuoka_dx.Crosswalk]:
    """The packaged plan with 1-4-4 renumbered 1-4-5, a target in every tenth indicator and a
    schedule cell in every tenth initiative changed; and the crosswalk of the renumbering."""
    import attrs

    from fukuoka_dx.crosswalk import OneToOne
    from fukuoka_dx.schedule import ActivityCell
    from fukuoka_dx.targets import parse_target

    plan = fukuoka_dx.load_plan()
    inits = []
    for n, ini in enumerate(plan.initiatives):
        inds = tuple(
            attrs.evolve(ind, midterm=parse_target("12,345")) if (n + k) % 10 == 0 else ind
            for k, ind in enumerate(ini.indicators)
        )
        if n % 10 == 0 and ini.schedule.rows:
            row = ini.schedule.rows[0]
            cells = (*row.cells[:-1], ActivityCell("見直し"))
            rows = (attrs.evolve(row, cells=cells), *ini.schedule.rows[1:])
            ini = attrs.evolve(ini, schedule=attrs.evolve(ini.schedule, rows=rows))
        if ini.id == "1-4-4":
            inds = tuple(attrs.evolve(i, id=f"1-4-5.{i.number}") for i in inds)
            inits.append(attrs.evolve(ini, id="1-4-5", indicators=inds))
        else:
            inits.append(attrs.evolve(ini, indicators=inds))
    copy = attrs.evolve(plan, edition="2099-01", initiatives=tuple(inits))
    return copy, fukuoka_dx.Crosswalk("2023-09", "2099-01", (OneToOne("1-4-4", "1-4-5"),))


def diff_times() -> tuple[float, float, int]:
    """The diff of the plan and a changed copy (digests known), and the yardstick."""
    from fukuoka_dx.serialization import canonical_json

    plan = fukuoka_dx.load_plan()
    copy, crosswalk = changed_copy()
    changes = len(plan.diff(copy, crosswalk).changes)  # the digests, computed once
    t_diff = best(lambda: plan.diff(copy, crosswalk))
    t_json = best(lambda: canonical_json(copy))
    return t_diff, t_json, changes


def _filled_packets(folder: str) -> list[str]:
    """Every bureau's packet of 令和7年度 with every cell to fill filled in, in ``folder``."""
    from openpyxl import load_workbook

    from fukuoka_dx.observations.values import Stage, ValueRuleKind, value_rule, value_text

    plan = fukuoka_dx.load_plan()
    paths = []
    for name, data in fukuoka_dx.packets(plan, "R7").items():
        wb = load_workbook(io.BytesIO(data))
        ws = wb["指標"]
        head = {c.value: int(c.column or 0) for c in ws[1]}
        for n in range(2, ws.max_row + 1):
            ind = plan.indicator(str(ws.cell(n, 1).value))
            rule = value_rule(ind)
            value: str | int = 1
            if rule.kind is ValueRuleKind.STAGE:
                value = value_text(Stage(rule.stages[0]))
            elif rule.kind is ValueRuleKind.PARTS:
                value = " ".join(f"{label}1" for label in rule.parts)
            cells: tuple[tuple[str, str | int], ...] = (
                ("実績値", value),
                ("速報値", "速報値"),
                ("根拠資料", "集計表"),
                ("要因分析", "要因の分析\n二行目"),
                ("課題", "課題"),
                ("今後の方向性", "継続"),
            )
            for header, cell in cells:
                ws.cell(n, head[header]).value = cell
        ws = wb["工程"]
        head = {c.value: int(c.column or 0) for c in ws[1]}
        for n in range(2, ws.max_row + 1):
            filled = (("進捗状況", "計画どおり"), ("取組実績", "実施"), ("課題", "なし"))
            for header, text in filled:
                ws.cell(n, head[header]).value = text
        path = os.path.join(folder, name)
        wb.save(path)
        paths.append(path)
    return paths


def rounds() -> float | None:
    """Collecting a year's 24 filled packets into a round, against openpyxl reading their
    cells: the ratio (None without openpyxl)."""
    import tempfile

    if importlib.util.find_spec("openpyxl") is None:
        print("collecting a round: skipped (openpyxl not installed: the excel extra)")
        return None
    plan = fukuoka_dx.load_plan()
    with tempfile.TemporaryDirectory() as folder:
        paths = _filled_packets(folder)
        blobs = [open(p, "rb").read() for p in paths]  # noqa: SIM115
        round_ = fukuoka_dx.collect([folder], plan)
        assert not round_.refused, round_.refused[:3]
        t_collect = best(lambda: fukuoka_dx.collect([folder], plan), repeat=3)
        t_cells = best(lambda: [_read_cells(b) for b in blobs], repeat=3)
    records = len(round_.observations) + len(round_.activity_reports) + len(round_.narratives)
    print(f"collecting 24 filled packets ({records} records):")
    print(f"  openpyxl reading their cells: {t_cells * 1e3:8.1f} ms")
    print(
        f"  collect:                      {t_collect * 1e3:8.1f} ms  "
        f"ratio {t_collect / t_cells:5.1f}x"
    )
    return t_collect / t_cells


def round_assess() -> float:
    """Assessing a full round in a warm process, in seconds (see round_assess.py)."""
    from round_assess import round_assess_time

    seconds, records = round_assess_time()
    print(f"assessing a full round ({records} records): {seconds * 1e3:8.2f} ms")
    return float(seconds)


@attrs.frozen
class Goal:
    """A measure with its goal: ``ratio`` at most ``limit`` (a ratio, or milliseconds)."""

    measure: str
    value: float
    limit: float
    unit: str = "x"

    @property
    def met(self) -> bool:
        return self.value <= self.limit

    def line(self) -> str:
        mark = "met" if self.met else "NOT MET"
        value, goal = f"{self.value:.2f} {self.unit}", f"<= {self.limit:g} {self.unit}"
        return f"  {self.measure:<58} {value:>10}  goal {goal:<9} {mark}"


FIRST_LOAD = """
import json, time
from fukuoka_dx import loading
raw = loading.read_plan_bytes()
t = time.perf_counter(); json.loads(raw); t_json = time.perf_counter() - t
t = time.perf_counter(); loading.load_plan(); t_load = time.perf_counter() - t
print(t_load / t_json)
"""


def first_load_ratio(runs: int = 15) -> float:
    """The median, over fresh processes, of the first ``load_plan()`` against ``json.loads``
    of the same bytes timed in the same process."""
    ratios = []
    for n in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_LOAD],
            capture_output=True,
            text=True,
            check=True,
            env=_bytecode_env(),
        )
        if n:  # the first run writes the bytecode
            ratios.append(float(out.stdout))
    return statistics.median(ratios)


def main() -> None:
    if sys.argv[1:] == ["rounds"]:
        rounds()
        return
    if sys.argv[1:] == ["reading"]:
        reading()
        return
    goals: list[Goal] = []
    answer = first_answer()
    if answer is not None:
        goals.append(Goal("first answer against pycountry's (whole processes)", answer, 1.0))
    raw = loading.read_plan_bytes()
    t_json = best(lambda: json.loads(raw))
    t_cold = best(cold_load)
    fukuoka_dx.load_plan()
    t_cached = best(fukuoka_dx.load_plan, number=100_000)
    first = first_load_ratio()
    print(f"plan JSON: {len(raw):,} bytes")
    print(f"json.loads:            {t_json * 1e3:8.2f} ms")
    print(f"first load_plan() of a fresh process: {first:5.1f}x json.loads in that process")
    print(f"cold load_plan() again: {t_cold * 1e3:7.2f} ms  ratio {t_cold / t_json:5.1f}x")
    print(f"cached load_plan():    {t_cached * 1e9:8.0f} ns")
    goals.append(Goal("first load_plan() of a fresh process against json.loads", first, 5.0))
    goals.append(Goal("a cold load_plan() again against json.loads", t_cold / t_json, 2.0))
    t_deps = import_time("import attrs, cattrs")
    t_pkg = import_time("import fukuoka_dx")
    print(f"import attrs, cattrs:         {t_deps * 1e3:6.1f} ms")
    print(f"import fukuoka_dx:            {t_pkg * 1e3:6.1f} ms")
    goals.append(
        Goal("import fukuoka_dx over import attrs, cattrs", (t_pkg - t_deps) * 1e3, 10, "ms")
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
    round_time = round_assess()
    goals.append(Goal("assessing a full round (warm process)", round_time * 1e3, 50, "ms"))
    t_diff, t_canon, changes = diff_times()
    print(f"canonical JSON of the plan: {t_canon * 1e3:8.2f} ms")
    print(
        f"diff with a changed copy:   {t_diff * 1e3:8.2f} ms  ({changes} changes)  "
        f"ratio {t_diff / t_canon:5.2f}x (goal <= 1x)"
    )
    reading()
    packets = rounds()
    if packets is not None:
        goals.append(Goal("reading 24 filled packets against openpyxl read-only", packets, 1.5))
    print("goals:")
    for goal in goals:
        print(goal.line())
    met = sum(g.met for g in goals)
    print(f"{met} of {len(goals)} goals met")


if __name__ == "__main__":
    main()
