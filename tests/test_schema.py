"""The Report's JSON Schema is written by the code; the shipped file must match it."""

import json
from pathlib import Path

from verifier.models import Report

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"


def test_shipped_schema_matches_the_model():
    shipped = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert shipped == Report.model_json_schema(), "regenerate it: python -m verifier schema > docs/report.schema.json"


def test_schema_names_the_contract_fields():
    props = Report.model_json_schema()["$defs"]
    assert set(props["Claim"]["properties"]) >= {"id", "kind", "text", "sentence", "span", "quantity", "rank", "period", "places", "metric", "attribution"}
    assert set(props["Evidence"]["properties"]) >= {"source", "series", "place", "period", "value", "unit", "url", "retrieved", "vintage"}
