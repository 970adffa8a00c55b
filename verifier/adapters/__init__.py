"""Adapters read one family of sources. `ADAPTERS` maps the `adapter` name a
source definition gives to the class that reads it; a new adapter adds itself
here."""

from __future__ import annotations

from importlib import import_module

from ..errors import ConfigError
from ..sources import SourceDef
from .snapshot import SnapshotAdapter

# The live adapters pull in httpx, hishel and tenacity: named here, imported on
# first use, so an offline run (the default) never pays for them.
ADAPTERS: dict[str, type | str] = {
    "snapshot": SnapshotAdapter,
    "comtrade": "comtrade:ComtradeAdapter",
    "imf": "imf:ImfAdapter",
    "fred": "fred:FredAdapter",
    "eia": "eia:EiaAdapter",
    "ecb": "ecb:EcbAdapter",
    "eurostat": "eurostat:EurostatAdapter",
    "owid": "owid:OwidAdapter",
    "worldbank": "worldbank:WorldBankAdapter",
}


def build(source: SourceDef, **options: object):
    """The adapter for `source`, built with `options` (HTTP client, cache...)."""
    try:
        adapter = ADAPTERS[source.adapter]
    except KeyError:
        known = ", ".join(sorted(ADAPTERS))
        raise ConfigError(f"{source.path or source.id}: adapter: unknown adapter {source.adapter!r} (known: {known})") from None
    if isinstance(adapter, str):
        module, name = adapter.split(":")
        adapter = ADAPTERS[source.adapter] = getattr(import_module(f".{module}", __package__), name)
    return adapter(source, **options)
