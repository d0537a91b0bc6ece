"""Committed secret values and still-valid previous secrets."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.secrets import current_time, parse_timestamp
from p1lint.rules.options import validate_options
from p1lint.run_settings import RunSettings

NOW = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)


def problems(name, value, settings=None, **options):
    function = get_function(name)
    assert function is not None
    parsed = validate_options(function.options, options)
    return [(p.detail, p.path) for p in function.check(value, parsed, Context({}, settings or RunSettings()))]


SECRET = "Xq3v9-lM2pT~s8Kw0bZr4YdN7cHfJ1uA"


@pytest.mark.parametrize(
    ("value", "reported"),
    [
        (SECRET, True),
        ("changeme", True),
        ("x", True),
        ("", False),
        ("   ", False),
        (None, False),
        (MISSING, False),
        (12345678, False),
        ("${CLIENT_SECRET}", False),
        ("${{ secrets.PINGONE_CLIENT_SECRET }}", False),
        ("$CLIENT_SECRET", False),
        ("{{ client_secret }}", False),
        ("<client-secret>", False),
        ("********", False),
        ("[redacted]", False),
        ("REDACTED", False),
        ("${CLIENT_SECRET}x", True),
        ("prefix-{{ x }}", True),
    ],
)
def test_secret_value(value, reported):
    assert bool(problems("secret-value", value)) is reported


def test_secret_value_detail_never_contains_the_value():
    assert problems("secret-value", SECRET) == [("holds a secret value", ())]


def test_placeholders_can_be_reported_too():
    assert problems("secret-value", "${CLIENT_SECRET}", allow_placeholders=False) == [
        ("holds a secret value", ())
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-06-02T00:00:00.000Z", [("is still valid until 2026-06-02T00:00:00Z", ())]),
        ("2026-06-01T14:00:00+02:00", []),
        ("2026-06-01T13:00:01+01:00", [("is still valid until 2026-06-01T12:00:01Z", ())]),
        ("2026-06-01T12:00:00Z", []),
        ("2026-05-01T00:00:00Z", []),
        ("2026-06-02T00:00:00", [("is still valid until 2026-06-02T00:00:00Z", ())]),
        ("tomorrow", []),
        (1780000000, []),
        (MISSING, []),
    ],
)
def test_past_timestamp_against_a_fixed_now(value, expected):
    assert problems("past-timestamp", value, RunSettings(now=NOW)) == expected


def test_past_timestamp_accepts_a_datetime_value():
    later = NOW + timedelta(days=3)
    assert problems("past-timestamp", later, RunSettings(now=NOW)) == [
        ("is still valid until 2026-06-04T12:00:00Z", ())
    ]


def test_past_timestamp_uses_the_clock_without_a_now_setting():
    tomorrow = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    yesterday = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()
    assert len(problems("past-timestamp", tomorrow)) == 1
    assert problems("past-timestamp", yesterday) == []


def test_without_a_now_setting_the_time_is_the_clock():
    before = datetime.now(timezone.utc)
    assert current_time(RunSettings()) >= before


def test_a_naive_now_setting_is_utc():
    assert current_time(RunSettings(now=datetime(2026, 6, 1, 12))) == NOW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-06-01T12:00:00.123Z", datetime(2026, 6, 1, 12, 0, 0, 123000, tzinfo=timezone.utc)),
        ("2026-06-01", datetime(2026, 6, 1, tzinfo=timezone.utc)),
        ("junk", None),
        ("", None),
    ],
)
def test_parse_timestamp(text, expected):
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(
    ("application", "expected"),
    [
        ({"client_secret": "3Jr9QmZx7LpW2vTc"}, [("client_secret",)]),
        ({"clientSecrett": "3Jr9QmZx7LpW2vTc"}, [("clientSecrett",)]),
        ({"clientSecret": "3Jr9QmZx7LpW2vTc"}, []),  # excluded: secret-committed's path
        ({"secret": "3Jr9QmZx7LpW2vTc"}, [("secret",)]),  # a string where the API has an object
        ({"mobile": {"x": [{"decryptionKey": "abc123def456"}]}}, [("mobile", "x", 0, "decryptionKey")]),
        ({"password": "${DB_PASSWORD}", "apiKey": "****"}, []),  # placeholders
        ({"jwks": '{"keys": []}', "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"}, []),
        ({"passwordPolicy": {"minLength": 8}}, []),  # not a string
    ],
)
def test_secret_keys(application, expected):
    from p1lint.functions import get_function
    from p1lint.functions.base import Context

    function = get_function("secret-keys")
    options = function.options(exclude=["clientSecret", "secret.secret", "secret.previous.secret"])
    assert [p.path for p in function.check(application, options, Context(application))] == expected
