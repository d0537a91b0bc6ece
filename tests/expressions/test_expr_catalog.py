"""The data files: helper arities and standard user attributes; the code table and its docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import p1lint.expressions as expressions
from p1lint.expressions.catalog import (
    Arity,
    CatalogError,
    helpers,
    known_standard_paths,
    parse_helpers,
    standard_attributes,
)
from p1lint.expressions.diagnostics import SEVERITIES

PACKAGE = Path(expressions.__file__).parent

DOCUMENTED_ARITIES = [
    ("string", "substring", [3], [2, 4]),
    ("string", "format", [1, 2, 9], [0]),
    ("string", "firstNonEmpty", [1, 10], [0, 11]),
    ("string", "compare", [3], [2]),
    ("datetime", "compare", [2], [3]),
    ("datetime", "now", [0], [1]),
    ("datetime", "toDateTime", [6], [5, 7]),
    ("data", "containsAny", [2], [1]),
    ("regex", "replaceAll", [3, 5, 7, 21], [2, 4, 6]),
    ("regex", "findAllMatches", [2], [3]),
    ("crypto", "hmacHexDigest", [3], [2]),
    ("core", "ifelse", [2, 3, 22, 23], [1, 24]),
    ("core", "switchExpr", [3, 4, 22], [2, 23]),
]


@pytest.mark.parametrize(("library", "function", "accepted", "refused"), DOCUMENTED_ARITIES)
def test_documented_arities(library: str, function: str, accepted: list[int], refused: list[int]) -> None:
    arity = helpers()[library][function]
    assert [arity.accepts(n) for n in accepted] == [True] * len(accepted)
    assert [arity.accepts(n) for n in refused] == [False] * len(refused)


def test_the_documented_libraries_and_no_others() -> None:
    assert set(helpers()) == {"string", "datetime", "data", "regex", "crypto", "core"}


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (2, Arity(2, 2)),
        ([1, 10], Arity(1, 10)),
        ([1, None], Arity(1, None)),
        ([3, None, 2], Arity(3, None, 2)),
    ],
)
def test_arity_forms(spec: object, expected: Arity) -> None:
    assert parse_helpers({"lib": {"fn": spec}})["lib"]["fn"] == expected


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"lib": ["fn"]},
        {"lib": {"fn": -1}},
        {"lib": {"fn": True}},
        {"lib": {"fn": "2"}},
        {"lib": {"fn": [3, 1]}},
        {"lib": {"fn": [1, 2, 0]}},
        {"lib": {"fn": [1]}},
        {"lib": {"fn": [1, 2, 3, 4]}},
    ],
)
def test_malformed_helper_data_is_refused(data: object) -> None:
    with pytest.raises(CatalogError):
        parse_helpers(data)


def test_arity_descriptions() -> None:
    assert Arity(1, 1).describe() == "1 argument"
    assert Arity(0, 0).describe() == "0 arguments"
    assert Arity(1, 10).describe() == "1 to 10 arguments"
    assert Arity(1, None).describe() == "1 or more arguments"
    assert Arity(3, None, 2).describe() == "3, 5, 7, ... arguments"


def test_standard_attributes_and_their_parents() -> None:
    assert {"email", "name.given", "address.countryCode", "memberOfGroupNames"} <= standard_attributes()
    assert {"name", "address", "account", "lastSignOn"} <= known_standard_paths()
    assert all(re.fullmatch(r"[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*", path) for path in standard_attributes())


def test_every_code_has_a_severity_and_a_line_in_the_package_docs() -> None:
    documented = set(re.findall(r"^- `([a-z-]+)` \((error|warning|info)\)", expressions.__doc__ or "", re.M))
    assert documented == set(SEVERITIES.items())


def test_every_code_used_in_the_package_is_in_the_table() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.glob("*.py"))
    used = set(re.findall(r'diagnostic\(\s*"([a-z-]+)"', source))
    used |= set(re.findall(r'diagnostic\(\s*\n?\s*"([a-z-]+)"', source))
    used |= set(re.findall(r'code == "([a-z-]+)"', source))
    assert used <= set(SEVERITIES)
    assert {"syntax-error", "unknown-helper", "wrong-arity", "unknown-attribute"} <= used


def test_package_modules_stay_small() -> None:
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
