"""The settings a configuration file may hold (loaded only when there is a configuration file)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from p1lint.findings import Profile, SeverityName


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    profile: Profile | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: SeverityName | None = Field(default=None, alias="fail-on")
    output_format: str | None = Field(default=None, alias="format")
    rule_dirs: list[str] | None = Field(default=None, alias="rules")
    custom_domain: str | None = Field(default=None, alias="custom-domain")
    custom_attributes: list[str] | None = Field(default=None, alias="custom-attributes")
    baseline: str | None = None
    regex_budget: float | None = Field(default=None, alias="regex-budget", gt=0)
    max_file_size: int | None = Field(default=None, alias="max-file-size")
    strict_unknowns: bool | None = Field(default=None, alias="strict-unknowns")

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> int | None:
        from p1lint.documents.files import parse_size

        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError("expected a size such as \"100MiB\" or a number of bytes")
        return parse_size(value)

    @field_validator("output_format")
    @classmethod
    def _known_format(cls, value: str | None) -> str | None:
        from p1lint.reporters import REPORTERS

        if value is not None and value not in REPORTERS:
            raise ValueError(f"unknown format {value!r}; use one of {', '.join(REPORTERS)}")
        return value
