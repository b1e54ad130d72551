"""The `newskb` console script: Ctrl-C and SIGTERM end it quietly from its very first instant.

Loading the command line takes a moment (Typer and its commands); a signal in that moment must not
print a traceback. Until `cli.main` takes over (and turns them into exit 130 and 143, after cleaning
up), both simply end the process, which a shell reports as 130 and 143 all the same.
"""

# The C module, not `signal`: importing `signal` first builds its enums (milliseconds on a busy machine),
# and a Ctrl-C in that moment printed a traceback (tests/test_hostile.py, an interrupted add).
import _signal  # type: ignore[import-not-found]  # typeshed has no stub for it
import gc  # built in, like _signal: nothing to load


def main() -> None:
    _signal.signal(_signal.SIGINT, _signal.SIG_DFL)
    _signal.signal(_signal.SIGTERM, _signal.SIG_DFL)
    from newskb.cli import main as run

    # What loading the command line made (Typer, the commands, their options) lives as long as the process.
    # Frozen, the garbage collector walks none of it again: not in the collections a query's own work sets
    # off, nor in the full one Python runs as it exits, which took ~9 ms of every run (`python -c "import
    # newskb.cli"`: 65 ms, 56 with a freeze). Only here, in a process that runs one command line and ends
    # (the tests call the app itself, again and again).
    gc.freeze()
    run()
