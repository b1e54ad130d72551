"""Curating a fact base: a new one (init), new-source and add (add), accept, set, rm and rename (mend), and
the whole of `newskb check` (audit). Every write is checked as `check` would check it, first.

Imports common/, base/, index/, answers/ and draft/."""
