"""The words of the full-text index, indexed so that a typed word finds the words it may stand for.

Search expands each typed word to the indexed words that look like it (search.py): within the edit-distance
cut-off, starting with it, or of its stem. Comparing it with every word of the index cost a million-fact
base a second a query (338,000 words, read and scored one by one). The words are kept in `vocab` instead,
each with its stem (indexed), its one-letter deletions (`vocab_deletion`, indexed: the SymSpell method) and
its trigrams (`vocab_grams`, SQLite's FTS5 trigram index), so that a typed word is scored only against
the words that share a one-letter deletion with it (every word one edit away: a letter added, removed,
changed or two swapped) or a trigram (a longer word with more than one typo), of a length that can reach
the cut-off.

The words are FTS5's own tokens, read from the full-text index itself (a first build) or from the new
docs' texts through a temporary FTS5 table with the same tokenizer (a refresh), so a word found here is
one `doc_fts` may hold. A word whose last text is removed stays (until the next first build), and matches
nothing.
"""

import sqlite3
from collections.abc import Iterable, Iterator

# doc_fts's tokenizer (index.py), which the new docs' words are read with.
TOKENIZER = "unicode61 remove_diacritics 2"

CREATE_SQL = """
CREATE TABLE vocab (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, stem TEXT NOT NULL);
CREATE TABLE vocab_deletion (variant TEXT NOT NULL, word_id INTEGER NOT NULL, PRIMARY KEY (variant, word_id))
    WITHOUT ROWID;
CREATE VIRTUAL TABLE vocab_grams USING fts5(word, content='vocab', content_rowid='id', tokenize='trigram',
                                            detail='none');
"""

INDEX_SQL = """
CREATE INDEX vocab_stem ON vocab (stem);
"""

# A word shorter than this is never an edit away from a typed one (search looks for typos in words of four
# letters or more, and a word must keep three fifths of their length to reach the cut-off).
SHORTEST_NEAR = 3
# No word of news is longer (German compounds included): a longer "word" is no typo of one, and its one-letter
# deletions alone would cost the square of its length.
LONGEST_NEAR = 64


def add_words(connection: sqlite3.Connection, files: Iterable[str] | None) -> None:
    """Add the words of the docs the given data files just inserted (None: of every doc, after a first build)."""
    if files is None:
        words: Iterable[str] = [row[0] for row in connection.execute("SELECT term FROM doc_vocab")]
    else:
        words = _new_words(connection, files)
    first = int(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM vocab").fetchone()[0])
    from newskb.common.words import stem  # imported here, like everything only a refresh needs

    connection.executemany(
        "INSERT OR IGNORE INTO vocab (word, stem) VALUES (?, ?)", ((word, stem(word)) for word in words)
    )
    added = connection.execute("SELECT id, word FROM vocab WHERE id >= ?", (first,)).fetchall()
    connection.executemany(
        "INSERT OR IGNORE INTO vocab_deletion VALUES (?, ?)",
        (
            (variant, word_id)
            for word_id, word in added
            if SHORTEST_NEAR <= len(word) <= LONGEST_NEAR
            for variant in deletions(word)
        ),
    )
    connection.execute("INSERT INTO vocab_grams (rowid, word) SELECT id, word FROM vocab WHERE id >= ?", (first,))


def _new_words(connection: sqlite3.Connection, files: Iterable[str]) -> list[str]:
    """The words of the given files' docs that `vocab` does not hold yet, as doc_fts tokenizes them."""
    connection.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.new_text USING fts5(text, tokenize='{TOKENIZER}')")
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.new_words USING fts5vocab(temp, new_text, 'row')")
    connection.execute("DELETE FROM new_text")
    connection.executemany("INSERT INTO new_text SELECT text FROM doc WHERE file = ?", ((file,) for file in files))
    return [
        row[0] for row in connection.execute("SELECT term FROM new_words WHERE term NOT IN (SELECT word FROM vocab)")
    ]


def deletions(word: str) -> set[str]:
    """The word and every word it makes with one letter left out: two words one edit apart share one."""
    return {word, *(word[:position] + word[position + 1 :] for position in range(len(word)))}


def near(connection: sqlite3.Connection, word: str, shortest: int, longest: int) -> list[str]:
    """The indexed words of `shortest` to `longest` letters that share a one-letter deletion or a trigram with
    `word` (the candidates for an edit-distance match); none for a word longer than LONGEST_NEAR."""
    if len(word) > LONGEST_NEAR:
        return []
    variants = sorted(deletions(word))
    found = {
        row[0]
        for row in connection.execute(
            f"SELECT v.word FROM vocab_deletion d JOIN vocab v ON v.id = d.word_id "
            f"WHERE d.variant IN ({','.join('?' * len(variants))})",
            variants,
        )
    }
    grams = sorted({word[position : position + 3] for position in range(len(word) - 2)})
    if grams:
        # Each trigram a quoted FTS5 string: no query syntax from the typed word reaches SQLite.
        matched = " OR ".join('"' + gram.replace('"', '""') + '"' for gram in grams)
        found.update(
            row[0]
            for row in connection.execute(
                "SELECT v.word FROM vocab_grams g JOIN vocab v ON v.id = g.rowid "
                "WHERE vocab_grams MATCH ? AND length(v.word) BETWEEN ? AND ?",
                (matched, shortest, longest),
            )
        )
    return sorted(found)


def starting_with(connection: sqlite3.Connection, prefix: str) -> Iterator[str]:
    """The indexed words that start with `prefix` (the index's order: GLOB of a prefix is a range of it)."""
    pattern = "".join(f"[{char}]" if char in "*?[" else char for char in prefix) + "*"
    for row in connection.execute("SELECT word FROM vocab WHERE word GLOB ?", (pattern,)):
        yield row[0]


def of_stem(connection: sqlite3.Connection, root: str) -> Iterator[str]:
    """The indexed words whose stem is `root`."""
    for row in connection.execute("SELECT word FROM vocab WHERE stem = ?", (root,)):
        yield row[0]


def holds(connection: sqlite3.Connection, word: str) -> bool:
    """Whether `word` is an indexed word."""
    return connection.execute("SELECT 1 FROM vocab WHERE word = ?", (word,)).fetchone() is not None
