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
