"""Gloss: a terminal reader for news articles that knows who, what and when."""

__version__ = "0.1.0"
