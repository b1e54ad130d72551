"""Curating a fact base: init, new-source, add, accept, set, rm, rename, and the audit `check` runs.

Imports common/, base/, index/, answers/ and draft/."""
