"""A configuration table is read as pydantic's lax validation of the settings model read it: the
same options and values, and the same first problem (key and message), on generated tables of
every TOML type. The model below is that reference, kept here only; the run reads the settings
without pydantic."""

from __future__ import annotations

import datetime
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from p1lint.config_model import NAMES, SETTINGS, Problem, read_settings
from p1lint.findings import Profile, SeverityName


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    profile: Profile | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = Field(default=None, alias="extend-select")
    extend_ignore: list[str] | None = Field(default=None, alias="extend-ignore")
    fail_on: SeverityName | None = Field(default=None, alias="fail-on")
    output_format: str | None = Field(default=None, alias="format")
    rule_dirs: list[str] | None = Field(default=None, alias="rules")
    custom_domain: str | None = Field(default=None, alias="custom-domain")
    custom_attributes: list[str] | None = Field(default=None, alias="custom-attributes")
    baseline: str | None = None
    regex_budget: float | None = Field(default=None, alias="regex-budget", gt=0)
    max_file_size: int | None = Field(default=None, alias="max-file-size")
    strict_unknowns: bool | None = Field(default=None, alias="strict-unknowns")
    docs_url: str | None = Field(default=None, alias="docs-url")
    per_file_ignores: dict[str, list[str]] | None = Field(default=None, alias="per-file-ignores")
    extend_per_file_ignores: dict[str, list[str]] | None = Field(default=None, alias="extend-per-file-ignores")
    severities: dict[str, SeverityName] | None = Field(default=None, alias="severity")
    exclude: list[str] | None = None
    extend_exclude: list[str] | None = Field(default=None, alias="extend-exclude")
    respect_gitignore: bool | None = Field(default=None, alias="respect-gitignore")
    force_exclude: bool | None = Field(default=None, alias="force-exclude")
    show_source: bool | None = Field(default=None, alias="show-source")

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> int | None:
        from p1lint.documents.files import parse_size

        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError("expected a size such as \"100MiB\" or a number of bytes")
        return parse_size(value)

    @field_validator("docs_url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        from p1lint.links import WEB_URL

        if value is not None and not WEB_URL.fullmatch(value):
            raise ValueError("expected an http(s) URL of the rule reference, without a fragment")
        return value

    @field_validator("output_format")
    @classmethod
    def _known_format(cls, value: str | None) -> str | None:
        from p1lint.reporters import REPORTERS

        if value is not None and value not in REPORTERS:
            raise ValueError(f"unknown format {value!r}; use one of {', '.join(REPORTERS)}")
        return value


def reference(table):
    try:
        return ConfigFile.model_validate(table).model_dump(exclude_none=True), None
    except ValidationError as error:
        problem = error.errors(include_url=False)[0]
        key = str(problem["loc"][0])
        return {}, Problem(key, "" if problem["type"] == "extra_forbidden" else problem["msg"],
                           problem["type"] == "extra_forbidden")


def test_the_reference_has_every_setting():
    assert [(f.alias or name, name) for name, f in ConfigFile.model_fields.items()] == [
        (s.name, s.attribute) for s in SETTINGS]
    assert list(NAMES) == [s.name for s in SETTINGS]


number_text = st.one_of(
    st.floats().map(str), st.integers().map(str),
    st.text(alphabet="0123456789.eE+-_ infatyINFATY", max_size=10),
    st.sampled_from([" 2.5 ", "1_0", "_1", "1__0", "1_", "0x10", "1e400", "-0", "nan", "+inf", "Infinity", "١٢"]))
bool_text = st.sampled_from(["yes", "Y", "oN", "off", "F", "true ", "TRUE", "2", "", "tru", "0", "1", "1.0"])
size_text = st.sampled_from(["10MiB", "1KiB", "0", "512", "10 MiB", "1.5MiB", "-1", "10mb", "1G"])
scalars = st.one_of(
    st.text(max_size=8), number_text, bool_text, size_text, st.booleans(), st.integers(),
    st.integers(min_value=2**1030), st.floats(), st.sampled_from([0.0, -0.0, 1.0, 0.5, math.inf]),
    st.sampled_from(["recommended", "strict", "error", "json", "sarif", "xml", "fapi2"]),
    st.datetimes(), st.dates(), st.times(),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=2)), max_leaves=5)
keys = st.one_of(st.sampled_from([*NAMES, *(s.attribute for s in SETTINGS)]), st.text(max_size=8))


@settings(max_examples=600, deadline=None)
@given(st.dictionaries(keys, values, max_size=5))
def test_tables_are_read_as_the_settings_model_reads_them(table):
    assert read_settings(table) == reference(table)


def test_a_datetime_is_not_a_string():
    table = {"baseline": datetime.datetime(2024, 1, 1)}
    assert read_settings(table) == reference(table) == ({}, Problem("baseline", "Input should be a valid string"))


EDGES = [
    {"regex-budget": math.nan}, {"regex-budget": "nan"}, {"regex-budget": -0.0}, {"regex-budget": math.inf},
    {"regex-budget": True}, {"regex-budget": " 2.5 "}, {"regex-budget": "1_0"}, {"regex-budget": 10**400},
    {"strict-unknowns": 1.0}, {"strict-unknowns": 2}, {"strict-unknowns": "On"}, {"strict-unknowns": math.nan},
    {"max-file-size": True}, {"max-file-size": "0"}, {"max-file-size": 1.5}, {"max-file-size": "10MiB"},
    {"format": "xml"}, {"format": 1}, {"profile": "loose"}, {"select": "P1L1"}, {"select": ["a", 1]},
    {"fail-on": "x", "fail_on": "y"}, {"fail_on": "error"}, {"zz": 1, "select": [1]}, {"profil": "strict"},
    {"severity": {"P1L301": "warning"}}, {"severity": {"P1L301": "fatal"}}, {"severity": ["P1L301"]},
    {"per-file-ignores": {"a/*": ["P1L1"], "b": "P1L2"}}, {"per-file-ignores": {"a": [1]}},
    {"extend-per-file-ignores": {}}, {"severities": {"a": "info"}},
]


@pytest.mark.parametrize("table", EDGES, ids=repr)
def test_edge_cases_are_read_as_the_settings_model_reads_them(table):
    assert read_settings(table) == reference(table)
