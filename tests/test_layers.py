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
