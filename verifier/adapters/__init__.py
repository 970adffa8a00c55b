"""Adapters read one family of sources. `ADAPTERS` maps the `adapter` name a
source definition gives to the class that reads it; a new adapter adds itself
here."""

from __future__ import annotations

from ..errors import ConfigError
from ..sources import SourceDef
from .comtrade import ComtradeAdapter
from .ecb import EcbAdapter
from .eia import EiaAdapter
from .eurostat import EurostatAdapter
from .fred import FredAdapter
from .imf import ImfAdapter
from .owid import OwidAdapter
from .snapshot import SnapshotAdapter
from .worldbank import WorldBankAdapter

ADAPTERS: dict[str, type] = {
    "snapshot": SnapshotAdapter,
    "comtrade": ComtradeAdapter,
    "imf": ImfAdapter,
    "fred": FredAdapter,
    "eia": EiaAdapter,
    "ecb": EcbAdapter,
    "eurostat": EurostatAdapter,
    "owid": OwidAdapter,
    "worldbank": WorldBankAdapter,
}


def build(source: SourceDef, **options: object):
    """The adapter for `source`, built with `options` (HTTP client, cache...)."""
    try:
        adapter = ADAPTERS[source.adapter]
    except KeyError:
        known = ", ".join(sorted(ADAPTERS))
        raise ConfigError(f"{source.path or source.id}: adapter: unknown adapter {source.adapter!r} (known: {known})") from None
    return adapter(source, **options)
