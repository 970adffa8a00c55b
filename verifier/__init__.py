"""verifier: extract the quantitative claims of an article and check them against public data."""

__version__ = "0.1.0"
