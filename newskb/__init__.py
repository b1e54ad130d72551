"""newskb: a command-line knowledge base of news facts, each sourced and checked."""

__version__ = "0.1.0"
