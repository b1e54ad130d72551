"""The one way out for text: what characters are refused in data, and how any text is made safe to print.

Text from the data or from an article may hold characters a terminal acts on instead of showing:
C0 and C1 controls (ESC starts ANSI colour and OSC sequences, which can retitle a terminal or plant a
link) and the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), which can reorder
what a reader sees. `check` refuses them in data (`forbidden_in`), and everything newskb prints, on
stdout or stderr, data or message, passes `printable` first, which shows them as escapes.
"""

from __future__ import annotations

import re

# The one definition of the characters a terminal would act on (see the module docstring).
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters that show nothing: the soft hyphen, zero-width spaces and joiners, direction marks, the word
# joiner and invisible operators, the byte order mark. In a one-line text (a name, an alias, a title, a
# quote) they can only make two different texts look the same ("Mark Rutte" and "Mark Ru\u200btte"), so
# `check` refuses them there; a note may keep them (a joiner is part of some scripts and emoji).
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
# What printing escapes: both.
_SHOWN = re.compile(f"{FORBIDDEN.pattern}|{INVISIBLE.pattern}")

_LINE_BREAKS = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def forbidden_in(text: str, *, multiline: bool) -> list[str]:
    """The forbidden characters in `text`, spelled as code points (a line break is allowed in `multiline` text)."""
    if FORBIDDEN.search(text) is None:  # the common case, decided in C
        return []
    return [f"U+{ord(char):04X}" for char in FORBIDDEN.findall(text) if not (char == "\n" and multiline)]


def invisible_in(text: str) -> list[str]:
    """The invisible characters in `text` (refused in one-line texts), spelled as code points."""
    return [f"U+{ord(char):04X}" for char in INVISIBLE.findall(text)]


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every forbidden character shown as an escape (`\\x1b`, `\\u202e`).

    Tabs and line breaks are kept, since a table cell or a note may use them, unless `one_line`: a
    message or a plain row must stay one line, so they are escaped too.
    """
    if _SHOWN.search(text) is None:
        return text
    return _SHOWN.sub(lambda found: _escape(found.group(), one_line), text)


def _escape(char: str, one_line: bool) -> str:
    if one_line and char in _LINE_BREAKS:
        return _LINE_BREAKS[char]
    if char in "\t\n":
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_document(value: object) -> str:
    """The one way JSON is written, by answers and exports alike: a whole document, indented, safe to print."""
    import json  # here, not at start-up: most output is not JSON

    return json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def json_line(value: object) -> str:
    """As `json_document`, on one line (JSON Lines)."""
    import json

    return json_safe(json.dumps(value, ensure_ascii=False)) + "\n"


def json_safe(text: str) -> str:
    """JSON text with every forbidden character but a line break written as a JSON escape (`\\u202e`): the
    same JSON value, safe to print (json.dumps writes C1 controls and bidi characters as they are)."""
    if _SHOWN.search(text) is None:
        return text
    return _SHOWN.sub(lambda found: found.group() if found.group() == "\n" else f"\\u{ord(found.group()):04x}", text)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """A cell a spreadsheet will not run: one that would start a formula gets a leading `'` (OWASP's rule)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
