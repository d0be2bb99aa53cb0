"""Gloss benchmarks: ``python -m benchmarks`` (or ``make bench``) prints one table.

Every figure is measured next to a baseline taken in the same run, as a median of several runs,
because shared machines are noisy and only ratios travel between them.
"""
