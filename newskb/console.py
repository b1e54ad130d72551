"""The `newskb` console script: Ctrl-C and SIGTERM end it quietly from its very first instant.

Loading the command line takes a moment (Typer and its commands); a signal in that moment must not
print a traceback. Until `cli.main` takes over (and turns them into exit 130 and 143, after cleaning
up), both simply end the process, which a shell reports as 130 and 143 all the same.
"""

import signal


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from newskb.cli import main as run

    run()
