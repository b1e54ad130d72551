"""Answers from the index: who, offices, timelines, charts, profiles, search, sources and citations, and
the rows they are made of.

Imports only common/, base/ and index/."""
