"""The index: the SQLite tables derived from the records (layout), built (index) and kept fresh on disk
(cache, freshness, refresh).

Imports only common/ and base/."""
