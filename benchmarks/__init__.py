"""Benchmarks: run as scripts (`python benchmarks/run.py`); a package so that tests can import the draft measure."""
