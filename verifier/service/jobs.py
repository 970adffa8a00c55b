"""One check as the service runs it: read the draft, check it, apply the
project's levels, through the same `verify()` as `verifier check`.

A `Job` is small and picklable (source ids, not source definitions), so the
same job runs in a thread of the server or in a worker process; each process
loads its source definitions once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..config import Config
from ..flow.verify import verify
from ..models import Document, Report
from ..sources import SourceDef, load_sources, select
from .intake import Draft


@dataclass(frozen=True)
class Job:
    sources: tuple[str, ...]
    #: The project's configuration without its [[overrides]]: a draft is no
    #: file of the project, so it gets the top-level settings.
    config: Config = field(default_factory=Config)

    def __call__(self, draft: Draft) -> tuple[Document, Report]:
        """Raises DocumentError for a draft that cannot be read as an article."""
        document = draft.document()
        return document, verify([document], config=self.config, sources=_sources(self.sources))


@cache
def _sources(ids: tuple[str, ...]) -> dict[str, SourceDef]:
    return select(load_sources(), list(ids))


def warm(job: Job) -> None:
    """Load what every check needs (source definitions, the snapshot, the
    lexicons) before the first request pays for it."""
    # No language given: detecting it loads py3langid's model (some 85 MB)
    # now; a sentence per language loads each language's lexicons.
    for sentence in _WARM_UP:
        job(Draft(name="warm-up", text=f"date 2024-02\n{sentence}\n"))


_WARM_UP = (
    "China's GDP was 17.8 trillion dollars in 2023.",
    "Le PIB de la Chine a atteint 17 800 milliards de dollars en 2023.",
    "El PIB de China fue de 17,8 billones de dólares en 2023.",
    "Das BIP Chinas lag 2023 bei 17,8 Billionen Dollar.",
)
