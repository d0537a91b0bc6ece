"""The parameters of an authorization request as PingOne reads them: the query of an
`/as/authorize` URL, or the form-encoded body of a pushed authorization request (RFC 9126 §2.1).

Both are `application/x-www-form-urlencoded`: pairs split at `&`, `+` is a space, `%XX` a byte of
UTF-8. Every parameter keeps the place it is written — the offset of its name, and of each
character of its decoded value — so that a finding can point at the column of the parameter, or
of one word inside it. A parameter written twice keeps its last value (as the JSON and YAML
readers keep the last of a repeated key); `repeated` names it."""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from p1lint.pointer import Pointer

Form = Literal["url", "par"]
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


class Parameter(NamedTuple):
    name: str
    value: str
    start: int  # offset of the parameter (its name) in the request text
    value_start: int  # offset of its value, as written (still encoded)
    characters: tuple[int, ...]  # offset in the text of each character of `value`
    end: int  # offset just after the parameter

    def index_at(self, offset: int) -> int:
        """The index in `value` of the character written at `offset` of the text (or after it)."""
        return bisect.bisect_left(self.characters, offset)


@dataclass(frozen=True)
class AuthorizationRequest:
    """One request: its text, how it is sent, and its parameters in the order written."""

    text: str
    form: Form
    parameters: tuple[Parameter, ...]
    start: int  # where the parameters begin (where an absent one is reported)

    @cached_property
    def data(self) -> dict[str, str]:
        """Each parameter's (last) value by name: what rules check."""
        return {parameter.name: parameter.value for parameter in self.parameters}

    @cached_property
    def repeated(self) -> tuple[str, ...]:
        """The names written more than once, in the order they first repeat."""
        seen: set[str] = set()
        repeated: dict[str, None] = {}
        for parameter in self.parameters:
            if parameter.name in seen:
                repeated[parameter.name] = None
            seen.add(parameter.name)
        return tuple(repeated)

    @cached_property
    def _by_name(self) -> dict[str, Parameter]:
        return {parameter.name: parameter for parameter in self.parameters}

    def parameter(self, name: str) -> Parameter | None:
        """The (last) parameter of that name."""
        return self._by_name.get(name)

    def offset(self, pointer: Pointer, inner: int | None = None) -> int:
        """Where the value at `pointer` (a parameter, by name) is written in the text — at
        character `inner` of its decoded value, if given; an absent parameter at `start`. For the
        request as a whole (the empty pointer), `inner` is an offset in the text itself."""
        if not pointer:
            return inner if inner is not None and 0 <= inner <= len(self.text) else self.start
        parameter = self.parameter(pointer[0]) if isinstance(pointer[0], str) else None
        if parameter is None:
            return self.start
        if inner is None or not 0 <= inner <= len(parameter.characters):
            return parameter.start
        return parameter.characters[inner] if inner < len(parameter.characters) else parameter.end


def parse_url(text: str) -> AuthorizationRequest:
    """The request an authorization URL makes: its query, up to a fragment (a browser never
    sends the fragment). A URL without a query has no parameters."""
    question = text.find("?")
    if question == -1:
        return AuthorizationRequest(text, "url", (), len(text.rstrip()))
    hash_mark = text.find("#", question)
    end = len(text) if hash_mark == -1 else hash_mark
    return AuthorizationRequest(text, "url", _parameters(text, question + 1, end), question + 1)


def parse_body(text: str) -> AuthorizationRequest:
    """The request a pushed authorization request's body makes (a final line break is not part
    of the last value)."""
    end = len(text.rstrip("\r\n"))
    return AuthorizationRequest(text, "par", _parameters(text, 0, end), 0)


def _parameters(text: str, start: int, end: int) -> tuple[Parameter, ...]:
    parameters = []
    position = start
    for piece in text[start:end].split("&"):
        if piece:
            parameters.append(_parameter(piece, position))
        position += len(piece) + 1
    return tuple(parameters)


def _parameter(piece: str, start: int) -> Parameter:
    raw_name, equals, raw_value = piece.partition("=")
    name, _ = decode(raw_name, start)
    value_start = start + len(raw_name) + len(equals)
    value, characters = decode(raw_value, value_start)
    return Parameter(name, value, start, value_start, characters, start + len(piece))


def decode(raw: str, base: int) -> tuple[str, tuple[int, ...]]:
    """Form-decode `raw` (written at offset `base`): the text, and the offset of each of its
    characters. Bytes that are not UTF-8 become U+FFFD, as browsers and servers decode them."""
    if "%" not in raw and "+" not in raw:
        return raw, tuple(range(base, base + len(raw)))
    decoded = _Decoded()
    index = 0
    while index < len(raw):
        if raw[index] == "%" and len(raw) >= index + 3 and set(raw[index + 1 : index + 3]) <= HEX_DIGITS:
            decoded.byte(int(raw[index + 1 : index + 3], 16), base + index)
            index += 3
        else:
            decoded.character(" " if raw[index] == "+" else raw[index], base + index)
            index += 1
    decoded.flush()
    return "".join(decoded.characters), tuple(decoded.offsets)


class _Decoded:
    """Decoded characters and their offsets, percent-escaped bytes decoded as UTF-8 as they come."""

    def __init__(self) -> None:
        self.characters: list[str] = []
        self.offsets: list[int] = []
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending: int | None = None  # offset of the first byte not yet decoded

    def byte(self, value: int, offset: int) -> None:
        if self._pending is None:
            self._pending = offset
        self._emit(self._decoder.decode(bytes([value])), self._pending)
        buffered = len(self._decoder.getstate()[0])  # the last bytes fed, 3 characters each
        self._pending = offset - 3 * (buffered - 1) if buffered else None

    def character(self, char: str, offset: int) -> None:
        self.flush()
        self._emit(char, offset)

    def flush(self) -> None:
        if self._pending is not None:
            self._emit(self._decoder.decode(b"", final=True), self._pending)
            self._pending = None

    def _emit(self, text: str, offset: int) -> None:
        self.characters.extend(text)
        self.offsets.extend([offset] * len(text))
