"""The published JSON Schema of the environment snapshot: up to date with its models, and the
snapshots p1lint ships as fixtures are valid against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from p1lint.models.snapshot import schema_text
from tests.support import FIXTURES, ROOT

SCHEMA_FILE = ROOT / "docs" / "environment-snapshot.schema.json"
SNAPSHOTS = sorted((FIXTURES / "environments").glob("*/snapshot.*"))


def _load(path):
    import yaml

    return json.loads(path.read_text()) if path.suffix == ".json" else yaml.safe_load(path.read_text())


def test_the_published_schema_is_up_to_date():
    assert SCHEMA_FILE.read_text() == schema_text(), "run `python -m p1lint.models.snapshot > " + str(
        SCHEMA_FILE.relative_to(ROOT)) + "`"


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))


@pytest.mark.parametrize("path", SNAPSHOTS, ids=[p.parent.name for p in SNAPSHOTS])
def test_fixture_snapshots_are_valid(path):
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text())).validate(_load(path))


@pytest.mark.parametrize(("snapshot", "valid"), [
    ({"applications": []}, True),
    ({"applications": {"_embedded": {"applications": [{"id": "a"}]}}}, True),
    ({"roles": [{"id": "r", "name": "Environment Admin", "applicableTo": ["ENVIRONMENT"]}], "applications": []}, True),
    ({"roles": [{"id": "r"}], "applications": []}, False),
    ({"actor": {"type": "GROUP", "id": "x"}, "applications": []}, False),
    ({"roles": []}, False),
    ({"applications": [], "authorizationRequests": [{"application": {"id": "a"}, "url": "https://x/as/authorize?a=1"}]}, True),
    ({"applications": [], "authorizationRequests": [{"par": "client_id=a&response_type=code"}]}, True),
    ({"applications": [], "authorizationRequests": [{"application": {"name": "Portal"}}]}, False),
    ({"applications": [], "authorizationRequests": [{"url": "https://x/as/authorize", "par": "a=1"}]}, False),
])
def test_the_schema_accepts_the_documented_shapes(snapshot, valid):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    assert validator.is_valid(snapshot) is valid
