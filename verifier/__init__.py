"""verifier: extract the quantitative claims of an article and check them against public data.

    >>> import verifier
    >>> document = verifier.load("seeds/000_8eb3afca12c662b1.txt")
    >>> report = verifier.verify([document])      # the offline snapshot by default
    >>> [v.code for v in report.verdicts]

Everything here loads on first use (PEP 562), so `import verifier` stays
cheap for the CLI, which needs only a part of it per command.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> module it lives in
_HOMES = {
    # the run
    "verify": "verifier.flow.verify",
    "check": "verifier.flow.verify",
    # the stages, one call each
    "load": "verifier.read.documents",
    "from_text": "verifier.read.documents",
    "extract": "verifier.extract",
    "load_config": "verifier.config",
    "load_sources": "verifier.sources",
    # models
    "Document": "verifier.models",
    "Claim": "verifier.models",
    "Evidence": "verifier.models",
    "Verdict": "verifier.models",
    "Note": "verifier.models",
    "Report": "verifier.models",
    "Config": "verifier.config",
    "SourceDef": "verifier.sources",
    # errors
    "VerifierError": "verifier.errors",
    "DocumentError": "verifier.errors",
    "ConfigError": "verifier.errors",
    "SourceError": "verifier.errors",
}
_RENAMED = {"load_config": "load"}

__all__ = [
    "__version__",
    "verify", "check", "load", "from_text", "extract", "load_config", "load_sources",
    "Document", "Claim", "Evidence", "Verdict", "Note", "Report", "Config", "SourceDef",
    "VerifierError", "DocumentError", "ConfigError", "SourceError",
]

if TYPE_CHECKING:
    from .config import Config
    from .config import load as load_config
    from .errors import ConfigError, DocumentError, SourceError, VerifierError
    from .extract import extract
    from .flow.verify import check, verify
    from .models import Claim, Document, Evidence, Note, Report, Verdict
    from .read.documents import from_text, load
    from .sources import SourceDef, load_sources


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'verifier' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), _RENAMED.get(name, name))
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
