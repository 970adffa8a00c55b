import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8eb3afca12c662b1.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def feb_2024() -> dt.date:
    return dt.date(2024, 2, 1)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Tests never touch the network: any outbound connection fails loudly.
    HTTP adapters are exercised through pytest-httpx instead."""
    import socket

    def refuse(self, address, *args, **kwargs):
        raise RuntimeError(f"a test tried to open a network connection to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
