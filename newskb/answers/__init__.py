"""Answers from the index, as plain rows (rows): who and offices (query), timeline, profile, search
(search, question), a typed name to one entity (lookup), sources, citations and coverage (sources), a
chart's axis (timeaxis), what TAB offers (suggest), and many questions in one process (batch).

Reads, never writes. Imports only common/, base/ and index/."""
