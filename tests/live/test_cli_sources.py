"""The CLI for live sources: `sources list`, `sources check`, `check --sources/--offline`,
and no API key in any output."""

import json
import logging

import httpx
import pytest

from verifier.cli import main

from .payloads import payload

KEY = "5ecre7k3y5ecre7k3y5ecre7k3y5ecre7"
BRENT = payload("eia-v2-BUILT-petroleum-pri-spt-RBRTE-annual.json")


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("date 2024-03-01\n\nBrent crude averaged 82.49 dollars a barrel in 2023.\n", encoding="utf-8")
    return str(path)


def test_sources_list_shows_key_and_cache_state(capsys, monkeypatch, httpx_mock, draft, tmp_path):
    monkeypatch.setenv("EIA_API_KEY", KEY)
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    assert main(["sources", "list"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert rows["id"].split() == ["id", "adapter", "enabled", "key", "series", "cache"]
    assert "present ($EIA_API_KEY)" in rows["eia"] and "missing: set $FRED_API_KEY" in rows["fred"]
    assert "not needed" in rows["worldbank"] and rows["worldbank"].endswith("empty")
    assert rows["snapshot"].split()[:3] == ["snapshot", "snapshot", "yes"] and rows["snapshot"].endswith("offline data")
    assert KEY not in capsys.readouterr().out

    httpx_mock.add_response(content=BRENT.replace(b"MOCK_API_KEY", KEY.encode()))
    assert main(["check", draft, "--sources", "eia", "--no-write", "--format", "json"]) == 0
    capsys.readouterr()
    main(["sources", "list"])
    eia = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("eia"))
    assert "KB, written" in eia


def test_check_with_a_live_source_then_offline_from_the_cache(capsys, monkeypatch, httpx_mock, draft):
    monkeypatch.setenv("EIA_API_KEY", KEY)
    httpx_mock.add_response(content=BRENT)
    assert main(["check", draft, "--sources", "eia", "--no-write", "--format", "json"]) == 0
    online = json.loads(capsys.readouterr().out)
    (v,) = online["verdicts"]
    assert (v["status"], v["evidence"][0]["source"], v["evidence"][0]["value"]) == ("supported", "eia", 82.49)
    assert online["run"]["sources"] == ["eia"]
    # Offline: the same answer from the cache, no request (httpx_mock would fail on one).
    assert main(["check", draft, "--sources", "eia", "--no-write", "--format", "json", "--offline"]) == 0
    offline = json.loads(capsys.readouterr().out)
    assert offline["verdicts"][0]["evidence"] == v["evidence"]


def test_offline_without_a_cache_is_unverifiable_not_a_crash(capsys, monkeypatch, draft):
    monkeypatch.setenv("EIA_API_KEY", KEY)
    assert main(["check", draft, "--sources", "eia", "--no-write", "--format", "json", "--offline"]) == 0
    (v,) = json.loads(capsys.readouterr().out)["verdicts"]
    assert (v["status"], v["code"]) == ("unverifiable", "source-unavailable")
    assert v["message"].startswith("eia: offline, and this request is not in the cache (https://api.eia.gov/v2/petroleum/pri/spt/data/?")


def test_unknown_source_is_one_line_and_exit_2(capsys, draft):
    assert main(["check", draft, "--sources", "snapshot,nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("verifier: error: unknown source 'nowhere' (known: ") and err.count("\n") == 1


def test_sources_check_passes_fails_and_says_offline(capsys, monkeypatch, httpx_mock):
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    httpx_mock.add_callback(
        lambda request: httpx.Response(200, json=[{"page": 1, "pages": 1, "per_page": 1000, "total": 1, "sourceid": "2", "lastupdated": "2026-07-13"},
                                                  [{"indicator": {"id": "NY.GDP.MKTP.CD", "value": "GDP (current US$)"},
                                                     "country": {"id": "US", "value": "United States"},
                                                    "countryiso3code": "USA", "date": "2022", "value": 25744108000000,
                                                     "unit": "", "obs_status": "", "decimal": 0}]]),
        url="https://api.worldbank.org/v2/country/USA/indicator/NY.GDP.MKTP.CD?format=json&date=2022:2022&per_page=1000&page=1",
    )
    assert main(["sources", "check", "worldbank", "fred"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("worldbank  pass  1 figure(s) for gdp 2022 in ")
    assert out[1] == "fred       fail  needs an API key: set FRED_API_KEY"
    assert main(["sources", "check", "--offline", "worldbank"]) == 0
    assert capsys.readouterr().out == "worldbank  skip  offline: no request made\n"


@pytest.mark.parametrize("scenario", ["eia answers, echoing the key", "fred fails, echoing the key"])
def test_no_api_key_in_any_output(scenario, capsys, caplog, monkeypatch, httpx_mock, draft, tmp_path):
    monkeypatch.setenv("EIA_API_KEY", KEY)
    monkeypatch.setenv("FRED_API_KEY", KEY)
    caplog.set_level(logging.DEBUG)
    if scenario.startswith("eia"):
        sources = "eia"
        httpx_mock.add_response(content=BRENT.replace(b"MOCK_API_KEY", KEY.encode()))
    else:
        sources = "fred"
        httpx_mock.add_response(status_code=400, json={"error_code": 400, "error_message": f"Bad Request.  api_key={KEY} is not registered ({KEY})."})
    reports = tmp_path / "reports"
    main(["check", draft, "--sources", sources, "--format", "json", "--report-dir", str(reports)])
    out, err = capsys.readouterr()
    (sent,) = httpx_mock.get_requests()
    assert KEY in str(sent.url)  # the key did go out, where the API wants it
    outputs = {"stdout": out, "stderr": err, "log": caplog.text}
    outputs |= {p.name: p.read_text("utf-8") for p in reports.iterdir()}
    outputs |= {p.name: p.read_bytes().decode("latin-1") for p in (tmp_path / "cache").rglob("*") if p.is_file()}
    assert len(outputs) >= 5
    leaks = [name for name, text in outputs.items() if KEY in text]
    assert leaks == []
    (v,) = json.loads(out)["verdicts"]
    if scenario.startswith("eia"):
        assert v["status"] == "supported" and "api_key" not in v["evidence"][0]["url"]
        assert "RBRTE" in outputs["eia.sqlite"]  # the cache is readable bytes: its check above means something
    else:
        assert v["code"] == "source-unavailable" and "REDACTED" in v["message"]
