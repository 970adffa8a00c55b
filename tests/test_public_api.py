"""The package's public face: what `import verifier` offers, and that it stays cheap."""

import subprocess
import sys

import pytest

import verifier
from verifier.errors import ConfigError, DocumentError, SourceError, VerifierError


def test_all_names_exactly_the_public_names_and_each_resolves():
    assert verifier.__all__[0] == "__version__"
    assert set(verifier.__all__) - {"__version__"} == set(verifier._HOMES)
    assert len(verifier.__all__) == len(set(verifier.__all__))
    for name in verifier.__all__:
        assert getattr(verifier, name) is not None, name
    assert set(verifier.__all__) <= set(dir(verifier))


def test_public_names_are_the_objects_of_their_stage():
    from verifier.config import load
    from verifier.flow.verify import verify
    from verifier.models import Report

    assert verifier.verify is verify
    assert verifier.load_config is load
    assert verifier.Report is Report


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        verifier.nothing  # noqa: B018


def test_importing_the_package_loads_no_stage():
    # The CLI imports verifier first; each command pays only for what it uses.
    code = "import sys, verifier; print(sorted(m for m in sys.modules if m.startswith('verifier.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_errors_derive_from_the_builtin_of_their_kind():
    assert issubclass(DocumentError, ValueError) and issubclass(ConfigError, ValueError)
    assert issubclass(SourceError, RuntimeError)
    for error in (DocumentError, ConfigError, SourceError):
        assert issubclass(error, VerifierError)
    assert str(SourceError("fred", "timed out")) == "fred: timed out"


def test_the_package_ships_its_type_information():
    from importlib.resources import files

    assert files("verifier").joinpath("py.typed").is_file()


def test_the_documented_example_runs():
    report = verifier.verify([verifier.from_text("China's GDP was 17.8 trillion dollars in 2023.", lang="en")])
    assert [v.code for v in report.verdicts] == ["supported"]
    assert isinstance(report, verifier.Report)
