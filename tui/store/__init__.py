"""Where notes live: a TinyDB file that survives kills and concurrent copies of Gloss.

- ``db.Store``: notes, drafts and per-document settings (``Store.open(path)``), and the
  analysis cache, which lives in separate files (``cache.AnalysisCache``);
- ``anchoring``: finding a note's passage again in a changed text;
- ``storage``/``lock``/``schema``: atomic writes, the inter-process lock, migrations.

Nothing here imports Textual.
"""
