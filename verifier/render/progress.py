"""The progress bar of a long run: on stderr, only for a person at a terminal.

Never on a pipe or in CI logs (a redrawn bar is noise in a file), and only
for runs of several files, where a wait is worth showing. It is transient:
once the run ends it is erased, leaving stderr as a run without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ..flow.verify import Progress


def wanted(files: int, stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    return files > 1 and stream.isatty() and os.environ.get("TERM") != "dumb"


@contextmanager
def bar(enabled: bool, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A `Progress` callback drawing one bar (stage, done/total, elapsed), or None."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    console = Console(file=stream or sys.stderr, no_color=bool(os.environ.get("NO_COLOR")))
    with Bar(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
             console=console, transient=True) as shown:
        task = shown.add_task("reading", total=None)

        def update(stage: str, done: int, total: int) -> None:
            shown.update(task, description=stage, completed=done, total=total)

        yield update
