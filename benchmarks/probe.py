"""The measured side of a benchmark: runs in a child process and writes its timings as JSON.

    python -m benchmarks.probe SCENARIO --out RESULT.json [options] [-- GLOSS ARGS]

Times are seconds since ``$GLOSS_BENCH_T0`` (the parent's wall clock just before it started this
process), so interpreter start-up and imports count, as they do for a reader. The app runs
headless through its real entry point (``main_open``: load, store, cache, analysis process made
before the app runs); only ``App.run`` is swapped for ``run_test``. A frame counts as painted
when Textual hands it to the driver (``App._display``) after the article widget drew text.

Scenarios:
  paint       gloss until the article text is on screen
  highlights  gloss until entities and timeline are on screen (cold, or cached)
  book        gloss on a long book: first paint, scrolling while the analysis runs, the analysis
              arriving, scrolling after it, a resize, and peak memory of app and analysis process
  bare        the baseline app (benchmarks.bare_app) until its text is on screen
  rawspacy    import spaCy, load the pipeline, parse the file: the time-to-highlights baseline
  batch       ``gloss analyze --jsonl`` on a JSON-lines file; times the analysis phase only
  rawpipe     ``nlp.pipe`` on the same texts: the batch baseline
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.abc
import importlib.util
import io
import json
import os
import resource
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType
from typing import Any

T0_ENV = "GLOSS_BENCH_T0"
SIZE = (120, 40)


def since_start() -> float:
    return time.time() - float(os.environ[T0_ENV])


class State:
    """What the instrumented app saw, filled in by the hooks."""

    def __init__(self) -> None:
        self.frames = 0
        self.text_drawn = False
        self.first_paint: float | None = None
        self.first_partial: float | None = None  # first chunk's highlights on screen
        self.progress_ms: list[float] = []  # UI-thread time spent on each progress batch
        self.first_paint_cpu: float | None = None  # CPU seconds of this process until then
        self.first_paint_frame = 0
        self.highlights_applied: float | None = None
        self.highlights_painted: float | None = None
        self.highlights_frame = 0
        self.spacy_at_highlights: bool | None = None
        self.result_stall_ms: float | None = None
        self.wraps: list[tuple[float, float]] = []  # (perf_counter at start, seconds)
        self.last_frame = 0.0
        self.paged = asyncio.Event()  # set when the article has handled a page-down


STATE = State()


def instrument(widget_class: type[Any]) -> None:
    """Hook frames, the article's first drawn text and (for Gloss) the analysis arriving."""
    from textual.app import App

    display = App._display

    def _display(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is None:
            return
        STATE.frames += 1
        STATE.last_frame = time.perf_counter()
        if STATE.text_drawn and STATE.first_paint is None:
            STATE.first_paint = since_start()
            STATE.first_paint_cpu = time.process_time()
            STATE.first_paint_frame = STATE.frames
        if STATE.highlights_applied is not None and STATE.highlights_painted is None:
            STATE.highlights_painted = since_start()
            STATE.highlights_frame = STATE.frames
            STATE.spacy_at_highlights = "spacy" in sys.modules

    App._display = _display  # type: ignore[method-assign]

    render_line = widget_class.render_line

    def _render_line(self: Any, y: int) -> Any:
        strip = render_line(self, y)
        if not STATE.text_drawn and strip.text.strip():
            STATE.text_drawn = True
        return strip

    widget_class.render_line = _render_line


def after_import(name: str, callback: Callable[[ModuleType], None]) -> None:
    """Call ``callback(module)`` right after ``name`` is first imported, so instrumenting the
    app does not import it earlier than Gloss itself would (which would move the moment the
    analysis process starts)."""

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            assert spec is not None and spec.loader is not None
            loader = spec.loader
            exec_module = loader.exec_module

            def run_then_call(module: ModuleType) -> None:
                exec_module(module)
                callback(module)

            loader.exec_module = run_then_call  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Finder())


def instrument_gloss(app_module: ModuleType) -> None:
    from tui.app.screens.reader import ReaderScreen
    from tui.app.widgets import article_view
    from tui.app.widgets.article_view import ArticleView

    instrument(ArticleView)
    gloss: Any = ReaderScreen  # the app hands results to the reader screen
    apply_analysis = gloss.apply_analysis

    def _apply(self: Any, *args: Any) -> None:
        started = time.perf_counter()
        apply_analysis(self, *args)
        STATE.result_stall_ms = (time.perf_counter() - started) * 1000  # UI thread blocked
        if STATE.highlights_applied is None:
            STATE.highlights_applied = since_start()

    gloss.apply_analysis = _apply

    progress = getattr(gloss, "analysis_progress", None)
    if progress is not None:
        def _progress(self: Any, *args: Any) -> None:
            started = time.perf_counter()
            progress(self, *args)
            STATE.progress_ms.append((time.perf_counter() - started) * 1000)
            if STATE.first_partial is None:
                STATE.first_partial = since_start()

        gloss.analysis_progress = _progress

    build_layout = getattr(article_view, "build_layout")  # noqa: B009 (not re-exported)

    def _build_layout(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        layout = build_layout(*args, **kwargs)
        STATE.wraps.append((started, time.perf_counter() - started))
        return layout

    setattr(article_view, "build_layout", _build_layout)  # noqa: B010

    page_down = ArticleView.action_page_down

    def _page_down(self: Any) -> None:
        page_down(self)
        STATE.paged.set()

    ArticleView.action_page_down = _page_down  # type: ignore[method-assign]


Scenario = Callable[[Any, Any], Awaitable[dict[str, Any]]]


def run_headless(app_class: type[Any], scenario: Scenario, out: Path) -> None:
    """Make ``app_class.run()`` drive the app headless through ``scenario``, then report and
    end the process at once: a quitting app waits for a running analysis, which is measured
    elsewhere (tmux) and must not stall the benchmark."""

    def run(self: Any, *args: Any, **kwargs: Any) -> None:
        async def drive() -> None:
            async with self.run_test(size=SIZE) as pilot:
                finish(out, await scenario(self, pilot))

        asyncio.run(drive())

    app_class.run = run


async def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition``: finely at first, then every 50 ms so a long wait costs the app
    (whose frames are being measured) next to no CPU. The hooks record the times; polling
    only decides when the scenario goes on."""
    started = time.perf_counter()
    while not condition():
        waited = time.perf_counter() - started
        if waited > timeout:
            return False
        await asyncio.sleep(0.002 if waited < 2 else 0.05)
    return True


# --- frames ---------------------------------------------------------------------------------


Frame = tuple[float, float]  # (wall ms, CPU ms of the UI thread)


async def settle_frame(app: Any, started: Frame, done: Callable[[], bool]) -> Frame:
    """Wall and UI-thread CPU milliseconds from ``started`` (``clock()`` values) until
    ``done()`` holds and the screen has nothing left to draw.

    Screen updates are forced rather than left to the 60 fps timer, so the figure is the work
    of the frame (action, layout, rendering, the messages it posts), not the frame-rate
    pacing. The CPU time shows how much of the wall time was ours when the machine is busy.
    """
    screen = app.screen
    deadline = started[0] + 10
    while time.perf_counter() < deadline:
        screen._on_timer_update()
        for _ in range(3):  # let posted messages and after-refresh callbacks run
            await asyncio.sleep(0)
        busy = (screen._dirty_widgets or screen._layout_required or screen._scroll_required
                or screen._callbacks)
        if done() and not busy:
            wall, cpu = clock()
            return (wall - started[0]) * 1000, (cpu - started[1]) * 1000
    return float("nan"), float("nan")


def clock() -> Frame:
    return time.perf_counter(), time.thread_time()


def _visible(article: Any) -> bool:
    row = article.rows.row_of(article.cursor)
    top = article.scroll_offset.y
    return bool(top <= row < top + article.scrollable_content_region.height)


async def page_down(app: Any, article: Any) -> Frame:
    from textual import events

    STATE.paged.clear()
    started = clock()
    app._driver.send_message(events.Key("pagedown", None))
    await asyncio.wait_for(STATE.paged.wait(), 10)
    return await settle_frame(app, started, lambda: _visible(article))


async def jump(app: Any, article: Any, offset: int) -> Frame:
    started = clock()
    article.move_cursor(offset, center=True)
    return await settle_frame(app, started, lambda: _visible(article))


async def scroll_figures(app: Any, article: Any, pages: int, start: float,
                         jumps: int = 10) -> dict[str, Any]:
    """Page-down ``pages`` times from ``start`` (a fraction of the text), then jump around."""
    size = len(article.text)
    await jump(app, article, int(size * start))
    downs = [await page_down(app, article) for _ in range(pages)]
    fractions = (0.5, 0.25, 0.75, 0.4, 0.6, 0.1, 0.9, 0.33, 0.66, 0.5)[:jumps]
    moves = [await jump(app, article, int(size * (f + start / 10) % size)) for f in fractions]
    return {"page_down_ms": [w for w, _ in downs], "page_down_cpu_ms": [c for _, c in downs],
            "jump_ms": [w for w, _ in moves], "jump_cpu_ms": [c for _, c in moves]}


async def scroll_while_analysing(app: Any, article: Any,
                                 options: argparse.Namespace) -> dict[str, Any]:
    """Page through the book in bursts for as long as the analysis runs, so frames that meet
    a batch of progress (new highlights from a chunk) are measured too, not just the first
    seconds."""
    figures: dict[str, Any] = {"page_down_ms": [], "page_down_cpu_ms": [], "jump_ms": [],
                               "jump_cpu_ms": [], "analysis_running": app.reader.analysis is None}
    deadline = time.perf_counter() + options.timeout
    burst = 0
    while app.reader.analysis is None and time.perf_counter() < deadline:
        first = burst == 0
        found = await scroll_figures(app, article, options.pages if first else 5,
                                     (0.13 * burst) % 0.9, jumps=10 if first else 2)
        for key, values in found.items():
            figures[key].extend(values)
        burst += 1
        await asyncio.sleep(options.burst_gap)
    figures["bursts"] = burst
    return figures


async def resize_figures(app: Any, article: Any) -> dict[str, Any]:
    """Time from a terminal resize to the first frame at the new width, and every re-wrap."""
    from textual import events
    from textual.geometry import Size

    frames = []
    wrap_counts = []
    for width in (100, SIZE[0], 90, SIZE[0]):
        size = Size(width, SIZE[1])
        wraps_before = len(STATE.wraps)
        started = clock()
        app._driver._size = size
        app.post_message(events.Resize(size, size))

        def rewrapped(before: int = wraps_before) -> bool:
            return len(STATE.wraps) > before and STATE.last_frame > STATE.wraps[-1][0]

        wall, _ = await settle_frame(app, started, rewrapped)
        frames.append(wall)
        await asyncio.sleep(0.3)  # let a debounced re-wrap happen, if there is one
        app.screen._on_timer_update()
        wrap_counts.append(len(STATE.wraps) - wraps_before)
    return {"resize_ms": frames, "wraps_per_resize": wrap_counts,
            "wrap_ms": [seconds * 1000 for _, seconds in STATE.wraps]}


# --- memory ---------------------------------------------------------------------------------


def child_pids() -> list[int]:
    me = os.getpid()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            pids.append(int(entry.name))
    return pids


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the process's peak resident set, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory() -> dict[str, float]:
    children = 0.0
    for pid in child_pids():
        try:
            children += peak_rss_mb(pid)
        except OSError:
            continue
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"app_peak_mb": own, "analysis_peak_mb": children}


def kill_children() -> None:
    """The analysis process would otherwise finish its work before the interpreter exits."""
    for pid in child_pids():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            continue


# --- scenarios ------------------------------------------------------------------------------


def gloss_scenario(name: str, options: argparse.Namespace) -> Scenario:
    async def scenario(app: Any, pilot: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        await wait_until(lambda: STATE.first_paint is not None, 120)
        if name == "highlights":
            await wait_until(lambda: STATE.highlights_painted is not None, options.timeout)
        elif name == "book":
            article = app.reader.article
            out["rows"] = len(article.rows)
            out["during"] = await scroll_while_analysing(app, article, options)
            out["analysed"] = await wait_until(lambda: app.reader.analysis is not None,
                                               options.timeout)
            out["waited_s"] = since_start()
            out["first_partial"] = STATE.first_partial
            out["progress_ms"] = STATE.progress_ms
            out.update(memory())
            if out["analysed"]:
                await pilot.pause()
                out["after"] = await scroll_figures(app, article, options.pages, 0.3)
            out.update(await resize_figures(app, article))
        out["spacy_in_app"] = "spacy" in sys.modules
        return out

    return scenario


def run_gloss(name: str, options: argparse.Namespace) -> dict[str, Any]:
    def ready(app_module: ModuleType) -> None:
        instrument_gloss(app_module)
        run_headless(app_module.GlossApp, gloss_scenario(name, options), options.out)

    after_import("tui.app.app", ready)
    from tui.app.run import main_open
    from tui.cli import build_open_parser

    main_open(build_open_parser().parse_args(options.gloss_args))
    return {"error": "the app ended before the scenario did"}


def run_bare(options: argparse.Namespace) -> dict[str, Any]:
    from textual.widgets import Log

    from benchmarks.bare_app import BareApp

    instrument(Log)

    async def scenario(app: Any, pilot: Any) -> dict[str, Any]:
        await wait_until(lambda: STATE.first_paint is not None, 120)
        return {}

    run_headless(BareApp, scenario, options.out)
    BareApp(Path(options.gloss_args[0])).run()
    return {"error": "the app ended before the scenario did"}


def run_rawspacy(options: argparse.Namespace) -> dict[str, Any]:
    from tui.analysis.nlp import load_pipeline

    nlp = load_pipeline()
    nlp(Path(options.gloss_args[0]).read_text(encoding="utf-8"))
    return {"done": since_start()}


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def run_batch(options: argparse.Namespace) -> dict[str, Any]:
    from tui.analysis import batch
    from tui.cli import main

    timing: dict[str, Any] = {}
    run_jsonl = batch.run_jsonl

    def timed(*args: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        run_jsonl(*args, **kwargs)
        timing["seconds"] = time.perf_counter() - started

    batch.run_jsonl = timed
    with Path(options.gloss_args[0]).open("rb") as source:
        sys.stdin = io.TextIOWrapper(source, encoding="utf-8")
        sink = io.TextIOWrapper(open(os.devnull, "wb"))  # noqa: SIM115
        stdout, sys.stdout = sys.stdout, sink
        try:
            code = main(["analyze", "--jsonl", "--processes", str(options.processes)])
        finally:
            sys.stdout = stdout
    return {"exit": code, **timing}


def run_rawpipe(options: argparse.Namespace) -> dict[str, Any]:
    from tui.analysis.nlp import load_pipeline

    nlp = load_pipeline()
    texts = _texts(Path(options.gloss_args[0]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=options.processes):
        pass
    return {"seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=("paint", "highlights", "book", "bare", "rawspacy",
                                             "batch", "rawpipe"))
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="how long to wait for the analysis")
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--burst-gap", type=float, default=3.0,
                        help="seconds between bursts of scrolling while the analysis runs")
    parser.add_argument("--processes", type=int, default=1)
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    options = parser.parse_args(argv[:split])
    options.gloss_args = argv[split + 1:]
    runners: dict[str, Callable[[], dict[str, Any]]] = {
        "bare": lambda: run_bare(options),
        "rawspacy": lambda: run_rawspacy(options),
        "batch": lambda: run_batch(options),
        "rawpipe": lambda: run_rawpipe(options),
    }
    if options.scenario in runners:
        finish(options.out, runners[options.scenario]())
    else:
        finish(options.out, run_gloss(options.scenario, options))


def finish(out: Path, results: dict[str, Any]) -> None:
    """Write the results and end the process now (no waiting for analysis processes)."""
    results.update(first_paint=STATE.first_paint, first_paint_frame=STATE.first_paint_frame,
                   first_paint_cpu=STATE.first_paint_cpu,
                   highlights_painted=STATE.highlights_painted,
                   highlights_frame=STATE.highlights_frame,
                   spacy_at_highlights=STATE.spacy_at_highlights,
                   result_stall_ms=STATE.result_stall_ms, frames=STATE.frames)
    out.write_text(json.dumps(results))
    kill_children()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
