"""Where notes live: TinyDB files that survive kills, damage and concurrent copies of Gloss.

- ``db.Store``: notes, drafts and per-document settings (``Store.open(path)``), and the
  analysis cache, which lives in separate files (``cache.AnalysisCache``);
- ``files``: the main file, the drafts file and the note shards a store is made of;
- ``belonging``/``anchoring``: which notes are a document's, and finding their passages again;
- ``merge``: how two copies' changes to one note combine (field by field, imports by time);
- ``records``/``quarantine``: checks on records read back, and where damaged ones are set aside;
- ``storage``/``lock``/``schema``: atomic writes, the inter-process lock, migrations.

Nothing here imports Textual.
"""
