"""Growing the fact base from the command line without breaking or losing anything.

A new record is appended as a table at the end of the right file (comments and layout stay as they
were), and the whole data folder is validated with the new text exactly as `check` would see it
before anything is written. The write happens under the data lock, after re-reading the file, so
two curators adding at once both land.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newskb.base import ids, model, recordtext, tomllines
from newskb.base.containment import MAX_ARTICLE, Refused, read_regular
from newskb.base.fields import SLUG
from newskb.base.folder import ENTITIES_FILE, EXPECTATIONS_FILE, SEEDS_FOLDER, SOURCES_FOLDER, fact_base_root
from newskb.base.lock import clean_leftovers, data_lock, replace_file, replace_files, writable_target
from newskb.base.model import FactBase
from newskb.base.store import load
from newskb.common import dates
from newskb.common.errors import BadArgumentError, NotFoundError, Problem, RecordError, Severity, display_path
from newskb.common.fuzzy import did_you_mean, normalise
from newskb.common.kinds import ENTITY_KINDS, FACT_KINDS, Kind
from newskb.curation import audit
from newskb.curation.mend import Edit


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """What an addition wrote (or, in a dry run, would write), and the warnings it raised."""

    path: Path
    record_id: str
    toml: str
    warnings: tuple[Problem, ...] = ()


def refuse_bundled(root: Path) -> None:
    """The fact base inside an installed package is read-only: a curator edits a checkout or a copy."""
    if "_bundled" in root.resolve().parts:
        raise BadArgumentError(
            f"{root}: is the fact base bundled inside the installed package; "
            "to curate, pass --data PATH (or set NEWSKB_DATA) to a data folder of your own"
        )


def add(root: Path, kind: Kind, values: dict[str, object], *, dry_run: bool = False) -> Change:
    """Append one record of `kind` to its file once the whole fact base still checks clean."""
    # Keys are written in the order the kind lists them; a key the kind does not have is kept, and
    # validation refuses it as `check` would ("unknown key").
    declared = [key.name for key in model.keys(kind)]
    ordered = [*declared, *(key for key in values if key not in declared)]
    record = {key: values[key] for key in ordered if values.get(key) not in (None, "", [], ())}
    if dry_run:
        return _append(root, kind, record, write=False)
    refuse_bundled(root)
    with data_lock(root):
        clean_leftovers(root)
        return _append(root, kind, record, write=True)


def _append(root: Path, kind: Kind, record: dict[str, object], *, write: bool) -> Change:
    base, _ = load(root)
    target = target_file(root, kind, record, base)
    # A link is written through to its target: refused now, before a byte of it is read, if that is
    # outside the fact base (or has other hard links). The change is checked under the link's own name.
    writable_target(target, fact_base_root(root))
    if kind in FACT_KINDS:
        record.pop("source")  # the source file's [source] table supplies it
        if "id" not in record:
            record = {"id": _new_id(kind, record, base), **record}
    snippet = tomllines.table(kind.value, record)
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    new, _ = recordtext.appended(old, kind.value, record, snippet)
    warnings = _validate(root, {target: new})
    if write:
        replace_file(target, new.encode("utf-8"), root=root)
    return Change(path=target, record_id=str(record["id"]), toml=snippet, warnings=warnings)


def change(root: Path, make: Callable[[FactBase], Edit], *, dry_run: bool = False) -> Edit:
    """Make an edit of the base (set, rm, rename) under the lock, refuse it if it adds any problem `check`
    would report, and write every file it changes in one step (nothing, in a dry run)."""
    if dry_run:
        base, _ = load(root)
        edit = make(base)
        _validate(root, edit.texts)
        return edit
    refuse_bundled(root)
    with data_lock(root):
        clean_leftovers(root)
        base, _ = load(root)
        edit = make(base)
        _validate(root, edit.texts)
        replace_files({path: text.encode("utf-8") for path, text in edit.texts.items()}, root=root)
    return edit


def target_file(root: Path, kind: Kind, record: dict[str, object], base: FactBase) -> Path:
    """The file a new record of `kind` is appended to: entities.toml, expectations.toml, or (a fact) the file
    of its `source`; BadArgumentError without a source, RecordError for an unknown one."""
    if kind in ENTITY_KINDS:
        return root / ENTITIES_FILE
    if kind is Kind.EXPECT:
        return root / EXPECTATIONS_FILE
    source_id = record.get("source")
    if not isinstance(source_id, str):
        raise BadArgumentError(f"a {kind} needs a source: the id of the article it comes from")
    for source in base.sources:
        if source.id == source_id:
            return source.origin.file
    hint = did_you_mean(source_id, [source.id for source in base.sources])
    raise RecordError(f"unknown source '{source_id}'{hint}")


def _new_id(kind: Kind, record: dict[str, object], base: FactBase) -> str:
    """A readable, unused id from the record's own words (holder and office, title, or text)."""
    if kind is Kind.TERM:
        words = f"{record.get('holder', '')} {record.get('office', '')}"
    else:
        words = str(record.get("title") or record.get("text") or kind.value)
    return ids.unique(ids.slug(words, words=8) or kind.value, {existing.id for existing in base.records})


def added_problems(root: Path, overrides: dict[Path, str]) -> list[Problem]:
    """What `check` would report with `overrides` standing in for those files, and does not report now."""
    before = {str(problem) for problem in audit.check_folder(root).problems}
    after = audit.check_folder(root, overrides).problems
    return [problem for problem in after if str(problem) not in before]


def _validate(root: Path, overrides: dict[Path, str]) -> tuple[Problem, ...]:
    """Refuse the change if it adds any error to the fact base; return the warnings it adds."""
    added = added_problems(root, overrides)
    errors = [problem for problem in added if problem.severity is not Severity.WARNING]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise RecordError(f"refused, nothing written: {errors[0]}{more}")
    return tuple(added)


def new_source(
    root: Path,
    text_file: Path,
    *,
    source_id: str,
    title: str,
    publisher: str,
    published: str,
    note: str | None = None,
    publisher_name: str | None = None,
    more: dict[str, object] | None = None,
) -> Change:
    """Copy an article into seeds/ and write data/sources/ID.toml holding its [source] table.

    With `publisher_name`, a publisher id the base does not know yet is added as an organization, in the
    same step as the source (both land, or neither). `more` gives any other key of a source, by name (a
    key new-source has no option of its own for); the table's keys are in the order model.py declares them.
    """
    refuse_bundled(root)
    if not SLUG.fullmatch(source_id):
        raise BadArgumentError(f"'{source_id}' is not a kebab-case id (like 'gazette-2024-09-30-headline')")
    when = dates.parse(published)
    if when.earliest_day > date.today():
        # A typo of a year ("2099") would make every fact of the article seem known for decades to come.
        raise BadArgumentError(f"--published {published} is after today ({date.today().isoformat()}); nothing written")
    try:
        article = read_regular(text_file, MAX_ARTICLE)
        article.decode("utf-8")
    except Refused as refusal:
        raise BadArgumentError(f"{text_file}: {refusal}; nothing written") from None
    except OSError as error:
        raise BadArgumentError(f"{text_file}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise BadArgumentError(f"{text_file}: is not UTF-8 text") from None
    with data_lock(root):
        clean_leftovers(root)
        base, _ = load(root)
        toml_path = root / SOURCES_FOLDER / f"{source_id}.toml"
        seed_path = root.parent / SEEDS_FOLDER / text_file.name
        if os.path.lexists(toml_path):
            raise RecordError(f"{display_path(toml_path)}: already exists; nothing written")
        if os.path.lexists(seed_path) and not _left_by_an_interrupted_run(seed_path, article, base):
            # A link too, even one to nothing: an article is never written through a link.
            raise RecordError(f"{display_path(seed_path)}: already exists; nothing written")
        if any(record.id == source_id for record in base.records):
            raise RecordError(f"the id '{source_id}' is already used; nothing written")
        texts: dict[Path, str] = {}
        publisher_id = _organization(base, publisher, publisher_name)
        if publisher_id is None:  # a new publisher, named: it joins the entities in the same write
            entities = root / ENTITIES_FILE
            organization = {"id": publisher, "name": publisher_name}
            old = entities.read_text(encoding="utf-8") if entities.exists() else ""
            written = tomllines.table(Kind.ORGANIZATION.value, organization)
            texts[entities], _ = recordtext.appended(old, Kind.ORGANIZATION.value, organization, written)
            publisher_id = publisher
        given: dict[str, object] = {
            **(more or {}),
            "id": source_id,
            "title": title,
            "publisher": publisher_id,
            "published": published,
            "text": os.path.relpath(seed_path, toml_path.parent),
            "note": note,
        }
        declared = [key.name for key in model.keys(Kind.SOURCE)]
        ordered = [*declared, *(key for key in given if key not in declared)]
        table = {key: given[key] for key in ordered if given.get(key) not in (None, "", [], ())}
        snippet = tomllines.single_table("source", table)
        texts[toml_path] = snippet
        seed_path.parent.mkdir(parents=True, exist_ok=True)
        toml_path.parent.mkdir(parents=True, exist_ok=True)
        # The article first: the source's check reads it. Refused or interrupted, it goes again.
        replace_file(seed_path, article, root=root)
        try:
            warnings = _validate(root, texts)
            replace_files({path: text.encode("utf-8") for path, text in texts.items()}, root=root)
        except BaseException:
            seed_path.unlink()
            raise
    return Change(path=toml_path, record_id=source_id, toml=snippet, warnings=warnings)


def _left_by_an_interrupted_run(seed_path: Path, article: bytes, base: FactBase) -> bool:
    """Whether the article already in seeds/ is this very article, as a `new-source` killed between writing it
    and its source's file left it (no source names it): the retry then goes on, rather than being refused
    for ever by what its first attempt left."""
    if any(os.path.realpath(source.text) == os.path.realpath(seed_path) for source in base.sources):
        return False
    try:
        return stat.S_ISREG(os.lstat(seed_path).st_mode) and read_regular(seed_path, MAX_ARTICLE) == article
    except (OSError, Refused):
        return False


def _organization(base: FactBase, name: str, new_name: str | None = None) -> str | None:
    """The id of the organization named by id, name or alias; None for a new one named `new_name`."""
    organizations = [entity for entity in base.entities if entity.kind is Kind.ORGANIZATION]
    wanted = normalise(name)
    for entity in organizations:
        if name == entity.id or wanted in {normalise(label) for label in (entity.name, *entity.aliases)}:
            if new_name is not None:
                raise RecordError(f"publisher '{name}' is already known as '{entity.id}'; drop --publisher-name")
            return entity.id
    if new_name is not None:
        if not SLUG.fullmatch(name):
            raise BadArgumentError(f"'{name}' is not a kebab-case id for the new publisher (like 'harbour-gazette')")
        return None
    hint = did_you_mean(name, [entity.id for entity in organizations])
    raise NotFoundError(
        f"unknown organization '{name}'{hint}; give --publisher-name NAME to add it with the source, "
        "or add it first with 'newskb add organization --id ... --name ...'"
    )
