"""The index: the SQLite tables derived from the records (layout), built (build), kept in the cache folder
(cache) and brought up to date one data file at a time (refresh, freshness); search's vocabulary (vocab).

Imports only common/ and base/."""
