"""Errors a user can cause and fix. The CLI prints their message on one line
and exits 2; anything else escaping the library is a bug."""


class VerifierError(Exception):
    """Base of every error the library raises on purpose."""


class DocumentError(VerifierError):
    """An input that cannot be read as an article (missing, empty, binary)."""


class ConfigError(VerifierError):
    """A bad option, configuration file or source definition."""


class SourceError(VerifierError):
    """A source failed to answer; the claims it was asked about become
    `unverifiable` with this message as the reason, the run goes on."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
