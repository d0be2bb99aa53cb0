"""What spans many articles: adding them to the library (``add``) and querying it (``query``).

Pure Python over documents, analyses and the store; nothing here imports Textual.
"""
