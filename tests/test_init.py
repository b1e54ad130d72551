"""A fact base of one's own: `init`, the README's walkthrough run as written, and a team merging in git."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newskb.common.errors import RecordError
from newskb.curation import init
from newskb.curation.audit import check_folder
from tests.conftest import REPO

ARTICLE = REPO / "newskb" / "examples" / "guild-2025-03-04.txt"


def _env(tmp_path: Path) -> dict[str, str]:
    """The installed newskb first on PATH, a cache of the test's own, and no data folder chosen."""
    env = {key: value for key, value in os.environ.items() if key != "NEWSKB_DATA"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return env


def test_init_makes_a_base_that_checks_clean(tmp_path: Path) -> None:
    written, kept = init.init(tmp_path / "mine")
    assert sorted(str(path.relative_to(tmp_path / "mine")) for path in written) == [
        ".gitattributes",
        ".gitignore",
        ".pre-commit-config.yaml",
        "data/entities.toml",
        "data/expectations.toml",
        "data/sources/.gitkeep",
        "newskb.toml",
        "seeds/.gitkeep",
    ]
    assert kept == []
    report = check_folder(tmp_path / "mine" / "data")
    assert (report.exit_code, report.summary()) == (
        0,
        "ok: 0 entities, 0 sources, 0 facts, 0 quotes, 0 expectations checked",
    )
    assert "data/**/*.toml merge=union" in (tmp_path / "mine" / ".gitattributes").read_text(encoding="utf-8")
    assert "entry: newskb check --data data" in (tmp_path / "mine" / ".pre-commit-config.yaml").read_text(
        encoding="utf-8"
    )


def test_init_keeps_a_repository_s_own_git_files(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    repository.mkdir()
    (repository / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    written, kept = init.init(repository)
    assert kept == [repository / ".gitignore"]
    assert (repository / ".gitignore").read_text(encoding="utf-8") == "*.pyc\n"
    assert len(written) == 7


def test_init_never_writes_through_a_dangling_link(tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    repository.mkdir()
    (repository / ".gitignore").symlink_to(tmp_path / "outside" / "ignored")
    written, kept = init.init(repository)
    assert kept == [repository / ".gitignore"]
    assert len(written) == 7
    assert not (tmp_path / "outside").exists()


def test_init_refuses_a_folder_that_holds_data_and_writes_nothing(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    (taken / "data").mkdir(parents=True)
    (taken / "data" / "mine.toml").write_text("# my data\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"data: already exists; a new fact base needs a folder without one"):
        init.init(taken)
    assert sorted(path.name for path in taken.rglob("*")) == ["data", "mine.toml"]


def test_init_that_fails_half_way_removes_what_it_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "notes.txt").write_text("mine\n", encoding="utf-8")
    real_write = Path.write_text

    def full_disk_at_the_seeds_folder(path: Path, text: str, encoding: str | None = None) -> int:
        if path.name == ".gitkeep" and path.parent.name == "seeds":
            raise OSError(28, "No space left on device")
        return real_write(path, text, encoding=encoding)

    monkeypatch.setattr(Path, "write_text", full_disk_at_the_seeds_folder)
    with pytest.raises(OSError, match="No space left on device"):
        init.init(parent / "new" / "kb")
    monkeypatch.undo()
    assert sorted(str(path.relative_to(parent)) for path in parent.rglob("*")) == ["notes.txt"]
    written, _ = init.init(parent / "new" / "kb")
    assert len(written) == 8


def _walkthrough_steps() -> list[tuple[str, list[str]]]:
    """The README walkthrough's steps: each command (with its continuation lines) and the lines `#>` shows
    under it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    marker = readme.index("<!-- curation walkthrough")
    start = readme.index("```sh\n", marker) + len("```sh\n")
    steps: list[tuple[str, list[str]]] = []
    continued = False
    for line in readme[start : readme.index("```", start)].splitlines():
        if line.startswith("#> "):
            steps[-1][1].append(line[3:])
        elif continued:
            steps[-1] = (steps[-1][0] + "\n" + line, steps[-1][1])
        elif line and not line.startswith("#"):
            steps.append((line, []))
        continued = line.endswith("\\")
    return steps


def test_the_readme_walkthrough_runs_as_written_from_the_installed_package(tmp_path: Path) -> None:
    """Run in an empty folder (no article copied: `init --example` brings it), every step's output as shown."""
    steps = _walkthrough_steps()
    assert len(steps) == 15 and all(shown for _, shown in steps)
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    start = tmp_path / "start"
    start.mkdir()
    # One shell, so that `cd` holds; each step's stdout and stderr in files of their own.
    script = "\n".join(
        f'{{ {command}\n}} >"{outputs}/{number}.out" 2>"{outputs}/{number}.err"'
        for number, (command, _) in enumerate(steps)
    )
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=start,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for number, (command, shown) in enumerate(steps):
        printed = {
            stream: (outputs / f"{number}.{stream}").read_text(encoding="utf-8").replace(str(start), "~")
            for stream in ("out", "err")
        }
        assert printed["out"].splitlines() == [line for line in shown if not line.startswith("newskb: ")], command
        assert printed["err"].splitlines() == [line for line in shown if line.startswith("newskb: ")], command
    data = start / "harbour-kb" / "data"
    assert check_folder(data).exit_code == 0
    source = (data / "sources" / "harbour-gazette-2025-03-04.toml").read_text(encoding="utf-8")
    assert 'holder = "ilse-marwick-of-skarholm"' in source and "43 lighthouses" not in source
    assert (start / "harbour-kb" / "guild-2025-03-04.txt").read_bytes() == ARTICLE.read_bytes()


# --- A team in git --------------------------------------------------------------------------------


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    identity = ["-c", "user.name=Curator", "-c", "user.email=curator@example.org", "-c", "init.defaultBranch=main"]
    return subprocess.run(["git", *identity, *args], cwd=folder, capture_output=True, text=True, timeout=60)


def _newskb(folder: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["newskb", *args, "--data", str(folder / "data")], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A base with one article in git, cloned by two curators."""
    env = _env(tmp_path)
    origin = tmp_path / "origin"
    init.init(origin)
    shutil.copy(ARTICLE, tmp_path / ARTICLE.name)
    steps = [
        (
            "new-source",
            str(tmp_path / ARTICLE.name),
            "--id",
            "gazette",
            "--title",
            "Guild",
            "--published",
            "2025-03-04",
            "--publisher",
            "gazette-press",
            "--publisher-name",
            "Gazette Press",
        ),
        ("add", "organization", "--id", "guild", "--name", "Northern Lighthouse Guild"),
        ("add", "person", "--id", "tomas-rehn", "--name", "Tomas Rehn"),
    ]
    for step in steps:
        assert _newskb(origin, env, *step).returncode == 0
    assert _git(origin, "init").returncode == 0
    assert _git(origin, "add", "-A").returncode == 0
    assert _git(origin, "commit", "-m", "a base").returncode == 0
    first, second = tmp_path / "first", tmp_path / "second"
    for clone in (first, second):
        assert _git(tmp_path, "clone", "-q", str(origin), str(clone)).returncode == 0
    return first, second, env


def test_two_curators_appending_to_one_file_merge_without_a_conflict(team: tuple[Path, Path, dict[str, str]]) -> None:
    first, second, env = team
    claims = [
        (first, "The guild maintains 43 lighthouses.", "The guild now maintains 43 lighthouses."),
        (
            second,
            "Rehn was elected unanimously.",
            "Rehn, a former keeper of the Skarholm light, was elected unanimously.",
        ),
    ]
    for clone, text, quote in claims:
        added = _newskb(
            clone, env, "add", "claim", "--source", "gazette", "--about", "guild", "--text", text, "--quote", quote
        )
        assert added.returncode == 0, added.stderr
        assert _git(clone, "commit", "-qam", text).returncode == 0
    assert _git(second, "push", "-q", "origin", "HEAD:other").returncode == 0
    merged = _git(first, "pull", "-q", "--no-rebase", "origin", "other")
    assert merged.returncode == 0, merged.stderr + merged.stdout
    checked = _newskb(first, env, "check")
    assert (checked.returncode, checked.stdout) == (0, "")
    source = (first / "data" / "sources" / "gazette.toml").read_text(encoding="utf-8")
    assert "43 lighthouses" in source and "elected unanimously" in source


def test_two_curators_editing_one_record_is_a_breakage_check_reports(
    team: tuple[Path, Path, dict[str, str]],
) -> None:
    first, second, env = team
    for clone, name in ((first, "Tomas Rehn Jr."), (second, "T. Rehn")):
        assert _newskb(clone, env, "set", "tomas-rehn", f"name={name}").returncode == 0
        assert _git(clone, "commit", "-qam", name).returncode == 0
    assert _git(second, "push", "-q", "origin", "HEAD:other").returncode == 0
    assert _git(first, "pull", "-q", "--no-rebase", "origin", "other").returncode == 0  # union: no conflict...
    checked = _newskb(first, env, "check")
    assert checked.returncode == 2  # ...but the record now has its key twice, and check says where
    entities = (first / "data" / "entities.toml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(entities, start=1) if text.startswith('name = "T. Rehn"'))
    assert checked.stdout.startswith(f"first/data/entities.toml:{line}: TOML syntax error: Cannot overwrite a value")
