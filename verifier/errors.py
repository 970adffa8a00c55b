"""Errors a user can cause and fix. The CLI prints their message on one line
and exits 2; anything else escaping the library is a bug.

Each also derives from the builtin that says what kind of failure it is, so
a caller may catch either::

    Exception
    ├── VerifierError                      every error the library raises on purpose
    │   ├── DocumentError   (ValueError)   an input that is no readable article
    │   ├── ConfigError     (ValueError)   a bad option, config file or source definition
    │   └── SourceError     (RuntimeError) a source that did not answer usably
    ├── ValueError
    └── RuntimeError
"""


class VerifierError(Exception):
    """Base of every error the library raises on purpose."""


class DocumentError(VerifierError, ValueError):
    """An input that cannot be read as an article (missing, empty, binary)."""


class ConfigError(VerifierError, ValueError):
    """A bad option, configuration file or source definition."""


class SourceError(VerifierError, RuntimeError):
    """A source failed to answer; the claims it was asked about become
    `unverifiable` with this message as the reason, the run goes on."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
