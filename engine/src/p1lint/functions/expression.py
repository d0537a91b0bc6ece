"""The `expression` function: attribute-mapping values checked by the expression language package.

Each rule reports some diagnostic codes (syntax, spacing, disabled features, ...); the expression is
parsed and checked once per value, whichever rules ask. Findings point at the column inside the
expression."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.terraform.values import contains_unknown


class ExpressionOptions(Options):
    codes: list[str]

    @staticmethod
    def check_codes(codes: list[str]) -> None:
        from p1lint.expressions.diagnostics import SEVERITIES

        unknown = [code for code in codes if code not in SEVERITIES]
        if unknown or not codes:
            raise ValueError(f"unknown diagnostic code(s) {unknown}; known: {', '.join(SEVERITIES)}")


@check_function("expression", ExpressionOptions)
def expression(value: Any, options: ExpressionOptions, context: Context) -> Iterator[Problem]:
    """A present string must be a valid PingOne expression; reports the diagnostics in `codes`."""
    if not isinstance(value, str):
        return
    codes = options.codes if _schema_settled(context) else [c for c in options.codes if c not in SCHEMA_CODES]
    for found in _diagnostics(value, context):
        if found.code in codes:
            yield Problem(found.message, offset=_offset(value, found.line, found.column))


SCHEMA_CODES = ("unknown-attribute", "disabled-attribute")  # judged against the user schema


def _schema_settled(context: Context) -> bool:
    """Whether the environment's user schema, if any, is known: one with unknown values
    (Terraform) may have any attribute, enabled or not."""
    environment = context.environment
    if environment is None:
        return True
    found = environment.memo.get(SETTLED)
    if found is None:
        found = environment.memo[SETTLED] = not contains_unknown(environment.object("schema"))
    return bool(found)


SETTLED = "expression:schema-settled"


def _diagnostics(value: str, context: Context) -> tuple[Any, ...]:
    """Several rules read each mapping: the memo keeps every text checked (however many mappings
    there are), the bounded cache below the texts shared across applications. Both remember the
    attributes a text was checked against: the same text reads a known attribute in one
    environment and an unknown one in another."""
    attributes = _attributes(context)
    key = "expression:" + value
    found = context.memo.get(key)
    if found is None or found[0] != attributes:
        found = context.memo[key] = (attributes, _checked(value, *attributes))
    return found[1]


Attributes = tuple[tuple[str, ...], tuple[str, ...]]  # custom attributes, disabled attributes


def _attributes(context: Context) -> Attributes:
    """The custom attributes (`--custom-attribute`, and those of the environment's user schema)
    and the attributes the user schema disables; computed once per environment."""
    key = "expression-attributes"
    found = context.shared.get(key)
    if found is None:
        declared = context.settings.custom_attributes
        custom, disabled = _user_schema_attributes(context)
        found = context.shared[key] = (tuple(dict.fromkeys((*declared, *custom))), disabled)
    return found


def _user_schema_attributes(context: Context) -> Attributes:
    """The user schema's attributes that are not standard ones, and its disabled attributes and
    sub-attributes (`name.middle`); nothing without a user schema."""
    user_schema = context.environment.user_attributes() if context.environment is not None else None
    if not user_schema:
        return (), ()
    from p1lint.expressions.catalog import known_standard_paths

    standard = known_standard_paths()
    custom = tuple(sorted(name for name in user_schema if name not in standard))
    return custom, tuple(sorted(_disabled(user_schema)))


def _disabled(user_schema: dict[str, Any]) -> Iterator[str]:
    for name, attribute in user_schema.items():
        if attribute.get("enabled") is False:
            yield name
        subs = attribute.get("subAttributes")
        for sub in subs if isinstance(subs, list) else ():
            if isinstance(sub, dict) and sub.get("enabled") is False and isinstance(sub.get("name"), str):
                yield f"{name}.{sub['name']}"


@lru_cache(maxsize=8192)
def _checked(value: str, custom_attributes: tuple[str, ...], disabled: tuple[str, ...]) -> tuple[Any, ...]:
    """Mappings repeat across applications (`${user.id}` everywhere): check each text once per run
    and set of attributes. Nothing is kept between runs: a stored result could hide a finding."""
    from p1lint.expressions import check_expression

    return tuple(check_expression(value, custom_attributes=custom_attributes, disabled_attributes=disabled))


def _offset(value: str, line: int, column: int) -> int:
    """0-based character offset of a 1-based line/column inside `value`."""
    lines = value.split("\n")
    return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
