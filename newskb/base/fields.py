"""Typed getters over one TOML table that collect problems instead of stopping at the first.

Each getter returns None when the value is missing or wrong, after recording a `Problem` that names
the file, the key's line and the key path (`term.holder`, `person.aliases[1]`). `value` reads any
declared key (schema.Key) with the getter its type calls for.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from newskb.base.model import Origin
from newskb.base.schema import Key, KeyType
from newskb.common import dates
from newskb.common.errors import Problem
from newskb.common.fuzzy import did_you_mean
from newskb.common.printable import forbidden_in, invisible_in

MAX_INTEGER = 2**63 - 1
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# An item of a list key (`aliases[1]`) stands on its key's line.
_ITEM = re.compile(r"\[\d+\]$")

_TOML_TYPE_NAMES: tuple[tuple[type, str], ...] = (
    (bool, "a boolean"),  # before int: bool is a subclass of int
    (int, "an integer"),
    (float, "a float"),
    (str, "a string"),
    (list, "an array"),
    (dict, "a table"),
    (datetime.datetime, "a TOML date-time"),
    (datetime.date, "a TOML date"),
    (datetime.time, "a TOML time"),
)


def type_name(value: object) -> str:
    for python_type, name in _TOML_TYPE_NAMES:
        if isinstance(value, python_type):
            return name
    return type(value).__name__


class Fields:
    """One record's table, read key by key."""

    def __init__(self, table: Mapping[str, object], *, kind: str, origin: Origin, problems: list[Problem]) -> None:
        self.table = table
        self.kind = kind
        self.origin = origin
        self.problems = problems

    def problem(self, key: str, message: str, *, line: int | None = None) -> None:
        self.problems.append(
            Problem(
                file=self.origin.file,
                line=line if line is not None else self.origin.line_of(_ITEM.sub("", key)),
                key_path=f"{self.kind}.{key}" if key else self.kind,
                message=message,
            )
        )

    def value(self, declared: Key, *, required: bool) -> object:
        """The value of a declared key, read as its type says; None (or () for a list) when missing or wrong."""
        name, kind = declared.name, declared.type
        if kind is KeyType.ID:
            return self.slug(name, required=required)
        if kind in (KeyType.TEXT, KeyType.NOTE):
            text = self.text(name, required=required, multiline=kind is KeyType.NOTE)
            if text is not None and declared.pattern and not re.fullmatch(declared.pattern, text):
                self.problem(name, f"'{text}' is not {declared.pattern_name}")
                return None
            return text
        if kind.is_list:
            texts = self.texts(name, required=required, slugs=kind is KeyType.IDS)
            wrong = [text for text in texts if declared.pattern and not re.fullmatch(declared.pattern, text)]
            for text in wrong:
                self.problem(f"{name}[{texts.index(text)}]", f"'{text}' is not {declared.pattern_name}")
            return () if wrong else texts
        if kind is KeyType.DATE:
            return self.date(name, required=required)
        if kind is KeyType.END:
            written = self.table.get(name)
            return dates.OPEN if written == dates.OPEN else self.date(name, required=required, allow_open=True)
        if kind is KeyType.DAY:
            return self.day(name, required=required)
        if kind is KeyType.COUNT:
            return self.integer(name, default=int(declared.default or 1), minimum=1)
        if kind is KeyType.CHOICE:
            return self.choice(name, declared.choices, default=declared.default, required=required)
        path = self.text(name, required=required)
        # A path is relative to the TOML file that names it, where that file really is: `..` climbs from the
        # folder itself, not from the name of a link to it (`--data` given as a link to a data folder).
        return None if path is None else Path(os.path.normpath(Path(os.path.realpath(self.origin.file.parent)) / path))

    def text(self, key: str, *, required: bool = True, multiline: bool = False) -> str | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(key, f"missing required key '{key}'")
            return None
        if not isinstance(value, str):
            hint = (
                ' (write it as a quoted string, like "2024-10-01")'
                if isinstance(value, datetime.date | datetime.time)
                else ""
            )
            self.problem(key, f"must be a string, not {type_name(value)}{hint}")
            return None
        if required and not value.strip():
            self.problem(key, "must not be empty")
            return None
        self._check_characters(key, value, multiline=multiline)
        return value

    def slug(self, key: str, *, required: bool = True) -> str | None:
        value = self.text(key, required=required)
        if value is not None and not SLUG.fullmatch(value):
            self.problem(key, f"'{value}' is not a kebab-case id (like 'jane-doe')")
            return None
        return value

    def texts(self, key: str, *, required: bool = False, slugs: bool = False) -> tuple[str, ...]:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(key, f"missing required key '{key}'")
            return ()
        if not isinstance(value, list):
            self.problem(key, f"must be an array of strings, not {type_name(value)}")
            return ()
        items = []
        for index, item in enumerate(value):
            item_key = f"{key}[{index}]"
            if not isinstance(item, str):
                self.problem(item_key, f"must be a string, not {type_name(item)}")
            elif slugs and not SLUG.fullmatch(item):
                self.problem(item_key, f"'{item}' is not a kebab-case id (like 'jane-doe')")
            else:
                self._check_characters(item_key, item, multiline=False)
                items.append(item)
        if required and not value:
            self.problem(key, f"'{key}' must name at least one id")
        return tuple(items)

    def integer(self, key: str, *, default: int, minimum: int) -> int:
        value = self.table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"must be an integer, not {type_name(value)}")
            return default
        if value < minimum:
            self.problem(key, f"must be at least {minimum}, not {value}")
            return default
        if value > MAX_INTEGER:  # SQLite's integers are 64-bit
            self.problem(key, f"must be at most {MAX_INTEGER}")
            return default
        return value

    def date(self, key: str, *, required: bool = False, allow_open: bool = False) -> dates.Edtf | None:
        """A date of the grammar; absent or "" is unknown (None). `..` is read by the caller."""
        value = self.text(key, required=required)
        if value is None or value == "" or (allow_open and value == dates.OPEN):
            return None
        if value == dates.OPEN:
            self.problem(key, "'..' (open) may only stand as an end")
            return None
        try:
            return dates.parse(value)
        except dates.DateError as error:
            self.problem(key, str(error))
            return None

    def choice(
        self, key: str, choices: tuple[str, ...], *, default: int | str | None, required: bool = False
    ) -> str | None:
        """One of a fixed set of words; absent is the default."""
        value = self.text(key, required=required)
        if value is None:
            return None if default is None else str(default)
        if value not in choices:
            hint = did_you_mean(value, choices)
            self.problem(key, f"'{value}' is not one of {', '.join(choices)}{hint}")
            return None if default is None else str(default)
        return value

    def day(self, key: str, *, required: bool = False) -> datetime.date | None:
        """One exact day (YYYY-MM-DD), as a question about a day needs."""
        value = self.date(key, required=required)
        if value is None:
            return None
        if not value.is_exact:
            self.problem(key, f"'{value}' is not a single day: an {self.kind} record asks about one day (YYYY-MM-DD)")
            return None
        return value.earliest_day

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        allowed_keys = set(allowed)
        for key in self.table:
            if key not in allowed_keys:
                hint = did_you_mean(key, allowed_keys)
                self.problem(key, f"unknown key '{key}'{hint}")

    def _check_characters(self, key: str, value: str, *, multiline: bool) -> None:
        found = forbidden_in(value, multiline=multiline)
        if found:
            self.problem(key, "control or escape characters are not allowed: " + ", ".join(found))
        hidden = [] if multiline else invisible_in(value)
        if hidden:
            self.problem(
                key, "invisible characters are not allowed (they make two texts look alike): " + ", ".join(hidden)
            )


def absent(declared: Key) -> object:
    """What an optional key holds when its table does not have it, its default or nothing, as `value` reads
    it (the reader skips `value` for such keys: most keys of most records are left out)."""
    if declared.type.is_list:
        return ()
    if declared.type is KeyType.COUNT:
        return int(declared.default or 1)
    if declared.type is KeyType.CHOICE:
        return None if declared.default is None else str(declared.default)
    return None
