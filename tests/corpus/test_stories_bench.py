"""The stories benchmark runs on a small synthetic library and reports every figure."""

from __future__ import annotations

from benchmarks.stories_bench import run


def test_quick_run_reports_cast_story_add_and_entity_page() -> None:
    rows = run(30)
    assert [label.split(" ")[0] for label, *_ in rows] == ["cast", "story", "cast", "add",
                                                           "entity"]
    assert all(cpu >= 0 and wall >= 0 for _, cpu, wall, _ in rows)
