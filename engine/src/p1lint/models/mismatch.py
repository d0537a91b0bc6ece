"""One way the data differs from the application model, in the terms of pydantic's error types:
what both validators (`model_validator`, `schema_validator`) report and messages are made of."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.pointer import Pointer


class Mismatch(NamedTuple):
    """`kind`: pydantic's error type (`string_type`, `literal_error`, `extra_forbidden`, ...);
    `expected`: the allowed values of an enumeration; `message`: pydantic's own text, for the
    kinds the messages do not name themselves."""

    kind: str
    pointer: Pointer
    found: Any
    expected: tuple[str, ...] = ()
    message: str = ""
