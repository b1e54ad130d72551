"""What every layer shares: dates, words, names and their matching, printable text, errors, exit statuses.

Imports nothing of newskb outside this folder."""
