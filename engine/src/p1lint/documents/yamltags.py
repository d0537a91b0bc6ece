"""What YAML's tags may do to p1lint's data: only what JSON can hold, and never a crash.

PingOne's API is JSON, so the YAML p1lint reads is JSON's data model written another way. The
core-schema tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq` and `!!map` are accepted
when they fit the value they tag (`!!str 8080` keeps a string); on a value they do not fit
(`!!bool hunter2`) they are an error at the tag. Every other tag — `!!timestamp`, `!!binary`,
`!!set`, `!!omap`, `!!pairs`, application tags such as `!secret`, `!!python/...` — is refused:
JSON has no dates, bytes or sets. Numbers follow JSON's limits too: no `.nan` or `.inf`, and no
integer of more than 4,300 digits. Messages never quote the value, nor a tag's name that is not
one of YAML's own: either may be (part of) a secret."""

from __future__ import annotations

import math
import re
from typing import Any, NoReturn

from p1lint.documents.strictjson import LONE_SURROGATE, MAX_INTEGER_DIGITS, TOO_MANY_DIGITS

YAML_TAG = "tag:yaml.org,2002:"
NOT_FINITE = ".nan and .inf are not numbers PingOne's API accepts (it speaks JSON, which has neither)"
UNKNOWN_TAG = (
    "unknown YAML tag; remove it: p1lint reads plain data (strings, numbers, booleans, null, lists, mappings)"
)
_INTEGER_BOUND = 10**MAX_INTEGER_DIGITS
_KINDS = {"bool": "a boolean", "int": "an integer", "float": "a number", "null": "null", "map": "a mapping"}
_UNSUPPORTED = ("timestamp", "binary", "set", "omap", "pairs", "value", "merge", "yaml")


def _refuse(node: Any, problem: str) -> NoReturn:
    from yaml.constructor import ConstructorError

    raise ConstructorError(None, None, problem, node.start_mark)


def _misfit(node: Any, short: str) -> NoReturn:
    _refuse(node, f"explicit YAML tag !!{short} on a value that is not {_KINDS[short]}; remove the tag")


def _scalar_patterns() -> dict[str, Any]:
    """The core-schema patterns of bool, int, float and null, from PyYAML's own resolver."""
    from yaml.resolver import Resolver

    found: dict[str, Any] = {}
    for entries in Resolver.yaml_implicit_resolvers.values():
        for tag, pattern in entries:
            found.setdefault(tag.removeprefix(YAML_TAG), pattern)
    found["float"] = _EitherPattern(found["float"], re.compile(_CORE_FLOAT))
    return found


_CORE_FLOAT = r"^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$"


class _EitherPattern:
    """YAML 1.1's float pattern needs a dot; `!!float 1` and `!!float 1e5` are floats too (YAML 1.2)."""

    def __init__(self, *patterns: Any) -> None:
        self.patterns = patterns

    def match(self, text: str) -> bool:
        return any(pattern.match(text) for pattern in self.patterns)


def _typed_scalar(short: str) -> Any:
    """A constructor for `!!short` that first checks the text fits the type."""

    def construct(self: Any, node: Any) -> Any:
        from yaml.constructor import SafeConstructor

        text = self.construct_scalar(node)
        if not _PATTERNS[short].match(text):  # only an explicit tag puts a misfit here
            _misfit(node, short)
        if short == "int" and _written_digits(text) > MAX_INTEGER_DIGITS:
            _refuse(node, TOO_MANY_DIGITS)
        try:
            value = getattr(SafeConstructor, f"construct_yaml_{short}")(self, node)
        except (ValueError, IndexError, KeyError):
            _refuse(node, f"not a valid {_KINDS[short].split()[-1]}")
        _check_number(node, value)
        return value

    return construct


def _written_digits(text: str) -> int:
    """Digits of an integer as written: without sign, `0x`/`0b` prefix, `_` and `:` separators."""
    body = text.replace("_", "").replace(":", "").lstrip("+-")
    return len(body[2:] if body[:2] in ("0x", "0b") else body)


def _check_number(node: Any, value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        _refuse(node, NOT_FINITE)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _INTEGER_BOUND:
        _refuse(node, TOO_MANY_DIGITS)


def _unsupported(short: str) -> Any:
    def construct(self: Any, node: Any) -> NoReturn:
        _refuse(node, f"YAML tag !!{short} is not supported: PingOne's API is JSON, which has no such type; "
                      "remove the tag")

    return construct


def _unknown(self: Any, node: Any) -> NoReturn:
    _refuse(node, UNKNOWN_TAG)


def _checked_string(self: Any, node: Any) -> str:
    """Strings without lone surrogates. libyaml refuses `"\\ud800"` itself; the pure-Python
    scanner keeps it, and keeps a pair (`"\\ud83d\\ude00"`) as two halves, which are joined here."""
    value: str = self.construct_scalar(node)
    if not any("\ud800" <= char <= "\udfff" for char in value):
        return value
    try:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        _refuse(node, LONE_SURROGATE)


def require_mapping(node: Any) -> None:
    """`!!map` on a scalar or a sequence (the mapping constructor assumes a mapping node)."""
    from yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        _misfit(node, "map")


def install(loader: Any, pure_python: bool) -> None:
    """Register the constructors above on `loader` (a SafeLoader subclass)."""
    for short in ("bool", "int", "float", "null"):
        loader.add_constructor(YAML_TAG + short, _typed_scalar(short))
    for short in _UNSUPPORTED:
        loader.add_constructor(YAML_TAG + short, _unsupported(short))
    loader.add_constructor(None, _unknown)
    if pure_python:
        loader.add_constructor(YAML_TAG + "str", _checked_string)


_PATTERNS = _scalar_patterns()
