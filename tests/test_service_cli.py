"""The service's settings, and `verifier serve` refusing what it cannot run
(in one line, exit 2, before any server starts)."""

from __future__ import annotations

import pytest

from verifier.cli import main
from verifier.errors import ConfigError
from verifier.service.settings import ServiceSettings, from_env, to_env


def test_settings_from_the_environment_round_trip(tmp_path):
    env = {"VERIFIER_DB": str(tmp_path / "x.sqlite3"), "VERIFIER_MAX_BODY": "5000", "VERIFIER_SERVE_SOURCES": "snapshot,worldbank", "VERIFIER_TOKEN": "t0k"}
    s = from_env(env)
    assert (s.max_body_bytes, s.sources, s.token.get_secret_value()) == (5000, ["snapshot", "worldbank"], "t0k")
    assert "t0k" not in repr(s) and "t0k" not in str(to_env(s))  # never printed, never passed on but by the environment itself
    assert from_env({**to_env(s), "VERIFIER_TOKEN": "t0k"}) == s
    assert from_env(env, max_body_bytes=10).max_body_bytes == 10
    with pytest.raises(ConfigError, match="VERIFIER_CONCURRENCY"):
        from_env({"VERIFIER_CONCURRENCY": "0"})
    assert ServiceSettings().db.as_posix() == "reports/checks.sqlite3"


@pytest.fixture
def no_server(monkeypatch):
    """`verifier serve` must fail before it starts a server."""
    import uvicorn

    def refuse(*args, **kwargs):
        raise AssertionError("the server was started")

    monkeypatch.setattr(uvicorn, "run", refuse)


def test_serve_refuses_bad_settings_in_one_line(monkeypatch, capsys, no_server):
    monkeypatch.setenv("VERIFIER_MAX_BODY", "lots")
    assert main(["serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("verifier: error: VERIFIER_MAX_BODY") and err.count("\n") == 1


@pytest.mark.parametrize(
    "args,message",
    [
        (["--sources", "nope"], "unknown source 'nope'"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--port", "70000"], "invalid port '70000'"),
    ],
)
def test_serve_refuses_bad_options(tmp_path, capsys, no_server, args, message):
    try:
        code = main(["serve", "--db", str(tmp_path / "x.sqlite3"), *args])
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_serve_refuses_a_port_in_use_and_a_bad_database(tmp_path, capsys, no_server):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--db", str(tmp_path / "x.sqlite3")]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    assert main(["serve", "--port", "0", "--db", str(bad)]) == 2
    assert "not a usable SQLite database" in capsys.readouterr().err
