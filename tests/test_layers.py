"""The folders of newskb are layers: each imports only its own folder and the folders below it (README,
"Design"). A lower layer that reached up (the fact base on disk importing an answer) would make the folder
listing lie about the architecture, so every import of every module is checked, inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newskb"
# Lowest first. Folders on one level do not import each other.
LAYERS = [
    {"common"},
    {"base"},
    {"index"},
    {"answers"},
    {"draft", "exporters"},
    {"curation", "verify"},
    {"render"},
    {"cli"},
]
LEVEL = {folder: level for level, folders in enumerate(LAYERS) for folder in folders}


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, top folder of newskb) of every import of newskb in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.startswith("newskb."):
            found.append((node.lineno, node.module.split(".")[1]))
        elif isinstance(node, ast.ImportFrom) and node.module == "newskb":
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(
                (node.lineno, alias.name.split(".")[1]) for alias in node.names if alias.name.startswith("newskb.")
            )
    return found


def test_every_folder_is_a_layer() -> None:
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()} - {"examples"}
    assert folders == set(LEVEL)


def test_no_module_imports_a_higher_layer_or_a_sibling() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            continue  # console.py and __main__.py start the command line: the top of every layer
        here = parts[0]
        for line, there in imported(path):
            if there != here and there in LEVEL and LEVEL[there] >= LEVEL[here]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {there}/")
    assert wrong == []


def test_a_planted_upward_import_is_found(tmp_path: Path) -> None:
    module = tmp_path / "planted.py"
    module.write_text("def f():\n    from newskb.answers import query\n", encoding="utf-8")
    assert imported(module) == [(2, "answers")]


# --- Every core module has a test file that holds its contract --------------------------------------

TESTS = Path(__file__).resolve().parent
CORE = ["common", "base", "index", "answers", "curation"]
# A core module whose contract is tested in a file not named for it, and why that file is its contract.
CONTRACTS = {
    "base/journal": "test_hostile_journal.py",  # a journal is hostile data: every refusal and the finish
    "base/model": "test_schema.py",  # the one declaration of the keys, and what is derived from it
    "base/tomltree": "test_hostile_toml.py",  # every form of TOML the reader accepts, checked against tomllib
    "curation/audit": "test_check.py",  # audit is the whole of `newskb check`: one test per problem
    "common/status": "test_exit_status.py",  # each exit status driven through the command line
    "index/layout": "test_schema.py",  # the index's tables and rows, derived from the declarations
    "index/freshness": "test_cache.py",  # the fast path: which change a query notices, and which it may not
    "index/refresh": "test_cache.py",  # the incremental refresh: only what changed read again
    "answers/profile": "test_query.py",  # `show`'s rows, beside the other answers over one index
    "answers/profilerows": "test_query.py",  # a profile's rows, asserted whole with `show`
    "answers/rows": "test_query.py",  # the rows answers are made of, asserted whole
    "answers/timeline": "test_query.py",  # the timeline's rows and ranges, beside who and show
    "answers/timelinerows": "test_query.py",  # a timeline's rows, asserted whole with `timeline`
}


def imported_modules(path: Path) -> set[str]:
    """Every module of newskb a file imports (`from newskb.base import store` imports newskb.base.store)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.startswith("newskb"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def uncontracted(package: Path, tests: Path, contracts: dict[str, str]) -> list[str]:
    """The core modules with no test file of their own that imports them, nor one named in `contracts`."""
    missing = []
    for folder in CORE:
        for module in sorted((package / folder).glob("*.py")):
            if module.name == "__init__.py":
                continue
            name = f"{folder}/{module.stem}"
            test = tests / contracts.get(name, f"test_{module.stem}.py")
            if not test.exists():
                missing.append(f"{name}: no {test.name}")
            elif f"newskb.{folder}.{module.stem}" not in imported_modules(test):
                missing.append(f"{name}: {test.name} does not import it")
    return missing


def test_every_core_module_has_a_test_file_of_its_contract() -> None:
    assert uncontracted(PACKAGE, TESTS, CONTRACTS) == []


def test_every_contract_named_is_a_core_module_without_a_test_file_of_its_own() -> None:
    for name in CONTRACTS:
        assert (PACKAGE / f"{name}.py").exists(), name
        assert not (TESTS / f"test_{name.split('/')[1]}.py").exists(), name


def test_a_new_module_without_a_test_file_is_found(tmp_path: Path) -> None:
    (tmp_path / "newskb" / "base").mkdir(parents=True)
    for folder in CORE:
        (tmp_path / "newskb" / folder).mkdir(exist_ok=True)
    (tmp_path / "newskb" / "base" / "planted.py").write_text('"""A new module."""\n', encoding="utf-8")
    (tmp_path / "newskb" / "index" / "other.py").write_text('"""Another."""\n', encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_other.py").write_text("from newskb.base import other\n", encoding="utf-8")
    assert uncontracted(tmp_path / "newskb", tmp_path / "tests", {}) == [
        "base/planted: no test_planted.py",
        "index/other: test_other.py does not import it",
    ]
    (tmp_path / "tests" / "test_planted.py").write_text("import newskb.base.planted\n", encoding="utf-8")
    (tmp_path / "tests" / "test_index.py").write_text("def f():\n    from newskb.index import other\n", "utf-8")
    assert uncontracted(tmp_path / "newskb", tmp_path / "tests", {"index/other": "test_index.py"}) == []
