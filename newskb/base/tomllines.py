"""How newskb writes TOML: in the hand-curated style of data/, and safe for a team's union merge.

A value is written on one line (an array too: `about = ["nato", "mark-rutte"]`), as people write them.
A record newskb appends names its id in a comment on its first line and on its last: two curators who
each append a record to one file and merge with git's union merge (init's .gitattributes) then never
share a first or a last line, which is all that merge needs to keep both records whole (it folds the
lines that two added blocks start or end with into one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def value(written: object) -> str:
    """A value as TOML, on one line."""
    import tomli_w

    if isinstance(written, list | tuple):
        return "[" + ", ".join(value(item) for item in written) + "]"
    return tomli_w.dumps({"v": written})[len("v = ") :].rstrip("\n")


def key_line(name: str, written: object) -> str:
    return f"{name} = {value(written)}\n"


def table(kind: str, record: Mapping[str, object]) -> str:
    """A record appended as `[[kind]]`, its id named on its first and last lines (see the module's note)."""
    identity = f"  # {record['id']}" if "id" in record else ""
    lines = [f"[[{kind}]]{identity}\n", *(key_line(name, written) for name, written in record.items())]
    lines[-1] = lines[-1].rstrip("\n") + identity + "\n"
    return "".join(lines)


def single_table(name: str, record: Mapping[str, object]) -> str:
    """A file's one table, written `[name]` (a source's)."""
    return f"[{name}]\n" + "".join(key_line(key, written) for key, written in record.items())


def marked(lines: Sequence[str], record_id: str) -> list[str]:
    """A record's lines with its id named on its first and last lines, as `table` writes them (a line that
    already has a comment, or a `#` in a value, is left as it is)."""
    marked_lines = list(lines)
    for at in {0, len(marked_lines) - 1}:
        line = marked_lines[at]
        if "#" not in line:
            marked_lines[at] = line.rstrip("\n") + f"  # {record_id}\n"
    return marked_lines


def remarked(before: Sequence[str], after: Sequence[str], old_id: str, new_id: str) -> list[str]:
    """The lines of an edited record (`after`) with the id markers its lines had (`before`) on its first and
    last lines again, naming `new_id`: an edit of its last key, or a rename, must not lose them."""
    marker = f"  # {old_id}"
    if not before or not before[0].rstrip("\n").endswith(marker):
        return list(after)  # a record written by hand, without markers: left as it is
    unmarked = [
        line.rstrip("\n")[: -len(marker)] + "\n" if line.rstrip("\n").endswith(marker) else line for line in after
    ]
    return marked(unmarked, new_id)
