"""A draft as TOML in the schema of data/: one table per candidate (`[[person]]`, `[[office]]`, `[[term]]`,
...), its keys in the order model.py declares them, each preceded by the sentence it came from as a
comment; the known entities it uses, the names it does not propose and the sentences nothing quotes
(the claims left to the curator) as comments.

Strings are written by hand rather than by tomli_w so that arrays stay on one line, as data/ writes
them, notes span lines, and every character a terminal would act on is a `\\uXXXX` escape: nothing
written here needs `printable` to change it (it passes it all the same).
"""

from __future__ import annotations

from pathlib import Path

from newskb.base import model
from newskb.base.seal import sealed
from newskb.common.errors import BadArgumentError
from newskb.common.kinds import Kind
from newskb.common.printable import FORBIDDEN, printable
from newskb.common.words import counted
from newskb.draft.records import Candidate, Draft

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\f": "\\f", "\r": "\\r"}


def to_toml(draft: Draft) -> str:
    """The draft as the text `newskb draft` writes."""
    lines = [
        f"# Draft of source '{draft.source}' (published {draft.published}) by `newskb draft`: candidate records",
        "# for a curator. Nothing here is in the fact base: keep, fix or delete each record, then add the rest",
        "# with `newskb accept`. Every quote is a verbatim span of the article; `note` says how each value",
        "# was found. A date the article does not give is left out.",
    ]
    if draft.known:
        lines += ["#", "# Already in the fact base (their ids are used below, not proposed again):"]
        for record_id, kind, forms, typo in draft.known:
            written = ", ".join(f'"{form}"' for form in forms)
            lines.append(_comment(f"#   {record_id} ({kind}): {written}" + (f"; {typo}" if typo else "")))
    sections = (
        ("New people, organizations and countries", draft.entities),
        ("New offices", draft.offices),
        ("Terms: who held which office, and when", draft.terms),
        ("Events: what happened on a day the article gives", draft.events),
    )
    for title, candidates in sections:
        if not candidates:
            continue
        lines += ["", f"# --- {title} " + "-" * max(3, 96 - len(title))]
        for candidate in candidates:
            lines += ["", *_table(candidate)]
    if draft.others:
        lines += ["", "# --- Other new names, not proposed (no candidate above needs them) " + "-" * 30]
        lines += [_comment(f"#   {name} ({kind}?)") for name, kind in draft.others]
    if draft.dropped:
        lines += ["", "# --- Not proposed: a quote that is not verbatim " + "-" * 48]
        lines += [_comment(f"#   {reason}") for reason in draft.dropped]
    if draft.uncovered:
        lines += [
            "",
            "# --- Sentences no candidate quotes (claims are the curator's; as `newskb coverage "
            + f"{draft.source} --uncovered` lists them) ---",
        ]
        lines += [_comment(f"# {number}: {sentence}") for number, sentence in draft.uncovered]
    return sealed(printable("\n".join(lines) + "\n"))


def _table(candidate: Candidate) -> list[str]:
    lines = [_comment(f"# {_quoted(candidate.sentence)}"), f"[[{candidate.kind.value}]]"]
    order = [key.name for key in model.keys(candidate.kind)]
    for key in sorted(candidate.values, key=order.index):
        value = candidate.values[key]
        if isinstance(value, list):
            lines.append(f"{key} = [" + ", ".join(_string(item) for item in value) + "]")
        elif "\n" in value:
            lines.append(f'{key} = """\n' + _escaped(value, multiline=True) + '"""')
        else:
            lines.append(f"{key} = {_string(value)}")
    return lines


def _quoted(sentence: str) -> str:
    return '"' + " ".join(sentence.split()) + '"'


def _comment(text: str) -> str:
    """A comment line: one line, every character a terminal would act on shown as an escape."""
    return printable(" ".join(text.split("\n")), one_line=True)


def _string(value: str) -> str:
    return '"' + _escaped(value, multiline=False) + '"'


def _escaped(value: str, *, multiline: bool) -> str:
    out: list[str] = []
    for char in value:
        if char == "\n" and multiline:
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == "\n":
            out.append("\\n")
        elif FORBIDDEN.match(char):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def summary(draft: Draft) -> str:
    """One line saying what a draft proposes."""
    parts = [
        counted(len(draft.terms), "term"),
        counted(len(draft.events), "event"),
        counted(len(draft.entities), "new entity"),
        counted(len(draft.offices), "new office"),
    ]
    uncovered = counted(len(draft.uncovered), "sentence")
    again = sum(1 for _, kind, _, _ in draft.known if kind in (Kind.TERM, Kind.EVENT))
    already = f" ({again} of its terms and events already in the fact base, not proposed again)" if again else ""
    drafted = f"drafted {', '.join(parts[:-1])} and {parts[-1]} from '{draft.source}'{already}"
    return f"{drafted}; {uncovered} left to the curator"


def save(path: Path, text: str, *, force: bool) -> None:
    """Write a draft to a file of its own, whole (newskb/base/outfile.py): refused, writing nothing, if the file
    exists (unless `force`, which replaces it)."""
    from newskb.base.outfile import write_file

    try:
        write_file(path, lambda temporary: temporary.write_text(text, encoding="utf-8"), replace=force)
    except FileExistsError:
        raise BadArgumentError(f"{path}: already exists; nothing written (--force replaces it)") from None
