"""The progress bar: on stderr, only at a terminal, only for several files."""

from __future__ import annotations

import io
import re

import pytest

from verifier.cli import main
from verifier.render import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("files", "stream", "term", "expected"),
    [(2, Terminal(), "xterm", True), (1, Terminal(), "xterm", False), (2, io.StringIO(), "xterm", False), (2, Terminal(), "dumb", False)],
)
def test_wanted_only_at_a_terminal_for_several_files(monkeypatch, files, stream, term, expected):
    monkeypatch.setenv("TERM", term)
    assert progress.wanted(files, stream) is expected


def run_two(monkeypatch, seed_path, stderr) -> tuple[int, str]:
    monkeypatch.setattr("sys.stderr", stderr)
    monkeypatch.setenv("TERM", "xterm")
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    draft = seed_path.parent / "erreur-echanges-250-milliards.txt"
    code = main(["check", str(seed_path), str(draft), "--no-write", "--format", "line"])
    return code, out.getvalue()


def test_a_terminal_sees_the_stages_and_stdout_is_untouched(monkeypatch, seed_path):
    terminal = Terminal()
    code, out = run_two(monkeypatch, seed_path, terminal)
    drawn = terminal.getvalue()
    assert code == 1
    # The first frame (drawn on start) and the last (drawn on stop) are certain;
    # frames in between depend on the refresh timer.
    assert "reading" in drawn and "fetching" in drawn
    assert re.search(r"fetching .*?(\d+)/\1\b", drawn), "the last frame shows every query done"
    assert "reading" not in out and "\x1b" not in out
    # Transient: the last thing drawn erases the bar's line.
    assert drawn.rstrip("\n").endswith("\x1b[2K") or "\x1b[1A\x1b[2K" in drawn[-40:]


def test_a_pipe_sees_no_bar(monkeypatch, seed_path):
    pipe = io.StringIO()
    code, out = run_two(monkeypatch, seed_path, pipe)
    assert code == 1 and pipe.getvalue() == "" and out
