"""Per-document work on a Dask cluster: ``--scheduler tcp://host:8786`` or ``--scheduler local:N``.

Dask is an optional extra (``pip install 'gloss[cluster]'``): nothing in this package imports
it at module level, and only a command given ``--scheduler`` imports this package's runners.
``connect`` opens the cluster, ``ordered`` maps groups of documents over it in input order with
bounded memory (and folds partial results for cross-document merges), ``analyze`` is
``gloss analyze --jsonl`` on it.
"""
