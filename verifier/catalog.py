"""The indicator catalogue (`catalog.toml`): what can be checked and how news names it."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict


class Indicator(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    unit: str
    dimensions: tuple[str, ...]
    symmetric: bool = False
    additive: bool = False  # a flow: figures for parts of a period add up to the period's
    aliases: dict[str, tuple[str, ...]] = {}
    supplier_subject: str | None = None
    supplier_aliases: dict[str, tuple[str, ...]] = {}
    superlatives: dict[str, tuple[str, ...]] = {}


@cache
def indicators() -> dict[str, Indicator]:
    data = tomllib.loads((resources.files(__package__) / "catalog.toml").read_text("utf-8"))
    out = {}
    for key, entry in data["indicators"].items():
        supplier = entry.pop("supplier", {})
        out[key] = Indicator(
            id=key,
            supplier_subject=supplier.get("subject"),
            supplier_aliases=supplier.get("aliases", {}),
            **entry,
        )
    return out


def unit_family(unit: str) -> str:
    """Which units can be compared at all: money with money (any currency,
    converted later), a count with a count, percent with percent, a physical
    unit with the same unit."""
    if len(unit) == 3 and unit.isupper():
        return "money"
    if "/" in unit and unit.split("/")[0].strip().isupper():
        return "money-rate:" + unit.split("/", 1)[1].strip()
    return unit
