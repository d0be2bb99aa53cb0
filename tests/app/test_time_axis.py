"""The time axis's buckets, labels and fitting zoom (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.app.widgets.time_axis import bucket_label, bucket_of, fitting_zoom


@pytest.mark.parametrize(("day", "zoom", "label"), [
    (date(2025, 3, 14), "day", "14 Mar 2025"),
    (date(2025, 3, 14), "week", "wk 10 Mar 2025"),  # weeks start on Monday
    (date(2025, 3, 16), "week", "wk 10 Mar 2025"),
    (date(2025, 3, 14), "month", "Mar 2025"),
    (date(2025, 12, 31), "month", "Dec 2025"),
    (date(2025, 3, 14), "year", "2025"),
])
def test_a_day_falls_in_its_bucket(day: date, zoom: str, label: str) -> None:
    assert bucket_label(bucket_of(day, zoom), zoom) == label  # type: ignore[arg-type]


def test_buckets_of_one_zoom_are_consecutive() -> None:
    assert bucket_of(date(2026, 1, 1), "month") - bucket_of(date(2025, 12, 1), "month") == 1
    assert bucket_of(date(2025, 3, 17), "week") - bucket_of(date(2025, 3, 16), "week") == 1


def test_the_finest_zoom_that_fits_the_width() -> None:
    days = [date(2025, 3, 1), date(2025, 3, 20)]
    assert fitting_zoom(days, 80) == "day"
    assert fitting_zoom(days, 10) == "week"
    assert fitting_zoom([date(2020, 1, 1), date(2025, 1, 1)], 40) == "year"
    assert fitting_zoom([], 40) == "day"
