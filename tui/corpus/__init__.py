"""Many analyses → one cast of library entities, their events and story timelines.

Pure functions and small in-memory indexes over ``Analysis`` objects: no Textual, no storage,
no spaCy. The store keeps the analyses and a user's merge/split decisions; everything here is
derived from them and can be rebuilt.
"""
