"""How a record kind declares its keys, once: name, type, required or not, what an id may reference, and a line
of documentation.

The declaration itself is the record classes in `model.py`: each key is a dataclass field made by `key(...)`,
which carries a `Key` in its metadata. Everything else is derived from those fields or tested against them:
reading and checking TOML (`store`, `check`), `add`, `set` and `new-source`, the index tables and their rows
(`index`), the answers of `show`, `sources` and `cite` (answers/declared.py), every export, and the README's
data-format table; a consumer that leaves a key out says so, with why, and tests/test_extension.py follows a
new key to each. Adding an optional key to a kind is one field in `model.py` and one line of documentation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from newskb.common.kinds import Kind


class KeyType(StrEnum):
    """What a key's value is written as, which decides how it is read, checked, indexed and exported."""

    ID = "id"  # a kebab-case id
    IDS = "ids"  # an array of ids
    TEXT = "text"  # one line of text
    NOTE = "note"  # text that may run over several lines
    TEXTS = "texts"  # an array of one-line texts
    DATE = "date"  # a date of the grammar (README, "Dates")
    END = "end"  # a date of the grammar, or `..`: open
    DAY = "day"  # one exact day, YYYY-MM-DD
    COUNT = "count"  # a whole number, at least 1
    PATH = "path"  # a file, relative to the TOML file that names it
    CHOICE = "choice"  # one of a fixed set of words

    @property
    def is_list(self) -> bool:
        return self in (KeyType.IDS, KeyType.TEXTS)

    @property
    def is_date(self) -> bool:
        return self in (KeyType.DATE, KeyType.END, KeyType.DAY)


# How each type reads in the README's table.
_TYPE_NAMES = {
    KeyType.ID: "id",
    KeyType.IDS: "ids",
    KeyType.TEXT: "text",
    KeyType.NOTE: "text (may span lines)",
    KeyType.TEXTS: "texts",
    KeyType.DATE: "date",
    KeyType.END: "date or `..`",
    KeyType.DAY: "day",
    KeyType.COUNT: "integer >= 1",
    KeyType.PATH: "path",
    KeyType.CHOICE: "one of",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Key:
    """One key of a record kind, as declared in `model.py`."""

    name: str
    type: KeyType
    doc: str
    required: bool = False
    # The kinds an id (or each id of a list) may name; `check` reports any other.
    refs: tuple[Kind, ...] = ()
    # The kinds of the class that have this key (None: all of them), e.g. only an office has `org`.
    kinds: tuple[Kind, ...] | None = None
    # Keys that become required once this one is given (a summary needs its source and quote).
    requires: tuple[str, ...] = ()
    # A fact's `source` may be left out: it is inherited from the file's [source] table.
    inherited: bool = False
    # What a record holds when the key is not written (a count, or a choice).
    default: int | str | None = None
    # The words a choice may be.
    choices: tuple[str, ...] = ()
    # One item of a list key, as `newskb add` spells its repeated option (`--alias`) and the index its table.
    singular: str = ""
    # A regular expression a text must match whole, and what such a text is, for a problem line.
    pattern: str = ""
    pattern_name: str = ""

    @property
    def item(self) -> str:
        return self.singular or self.name

    @property
    def option(self) -> str:
        """The option of `newskb add` that sets this key."""
        return "--" + self.item.replace("_", "-")


def key(
    type: KeyType,
    doc: str,
    *,
    required: bool = False,
    refs: tuple[Kind, ...] = (),
    kinds: tuple[Kind, ...] | None = None,
    requires: tuple[str, ...] = (),
    inherited: bool = False,
    default: int | str | None = None,
    choices: tuple[str, ...] = (),
    singular: str = "",
    pattern: str = "",
    pattern_name: str = "",
) -> Any:
    """A dataclass field that is a key of its record kind (typed Any, as `dataclasses.field` is)."""
    declared = Key(
        name="",  # filled in from the field's name by `keys_of`
        type=type,
        doc=doc,
        required=required,
        refs=refs,
        kinds=kinds,
        requires=requires,
        inherited=inherited,
        default=default,
        choices=choices,
        singular=singular,
        pattern=pattern,
        pattern_name=pattern_name,
    )
    if required and not inherited and kinds is None:
        return dataclasses.field(metadata={"key": declared})
    # The default is the reader's to give, for the kinds that have the key: a person has no seats at all.
    empty: Any = () if type.is_list else None
    return dataclasses.field(default=empty, metadata={"key": declared})


def keys_of(record_class: type, kind: Kind | None = None) -> tuple[Key, ...]:
    """The keys a record class declares, in the order they are written (only `kind`'s, if given).

    Worked out once per class and kind: reading a record asks for its keys, and a first build of a large
    fact base reads hundreds of thousands of records."""
    found = _KEYS.get((record_class, kind))
    if found is None:
        found = _KEYS[record_class, kind] = tuple(
            dataclasses.replace(declared, name=field.name)
            for field, declared in _declared(record_class)
            if kind is None or declared.kinds is None or kind in declared.kinds
        )
    return found


_KEYS: dict[tuple[type, Kind | None], tuple[Key, ...]] = {}


def _declared(record_class: type) -> Iterator[tuple[dataclasses.Field[Any], Key]]:
    for field in dataclasses.fields(record_class):
        declared = field.metadata.get("key")
        if isinstance(declared, Key):
            yield field, declared


def describe(declared: Key) -> str:
    """One cell of the README's table: the type, and what an id may name."""
    text = _TYPE_NAMES[declared.type]
    if declared.choices:
        text += " " + ", ".join(f"`{choice}`" for choice in declared.choices)
        if declared.default is not None:
            text += f" (default `{declared.default}`)"
    if declared.pattern:
        text += f": {declared.pattern_name}"
    if declared.refs:
        names = [kind.value for kind in declared.refs]
        text += " of " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1])
    return text
