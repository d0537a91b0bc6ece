"""The stable identity of a finding: the application it is about, a path made of values, never
of positions, and a fingerprint that survives reformatting, moved lines, reordered applications
and list elements, and reworded messages.

fingerprint = hash(rule, file, application, value path, hash of the offending value)

- file: relative to the repository (the nearest directory up the tree holding `.git`), `/`-separated;
- application: its `id`, else its `name`, else what the document says it is (a Terraform address);
- value path: a JSON Pointer whose list indexes are replaced by the element they select,
  `/redirectUris[="https://app.example.com/cb"]`, or, for an object, by its identifying key,
  `/attributeMappings[name="email"]`;
- the value is hashed after credentials are cut from it (`redaction`), and a value under a key
  that names a credential is not hashed at all: no secret leaks through, or changes, a fingerprint."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from p1lint.pointer import Pointer

VERSION = "p1lint/v1"
IDENTIFYING_KEYS = ("id", "name", "key", "type", "uri", "attribute", "value")
MAX_SHOWN_ELEMENT = 120  # longer scalar elements are named by a hash in a path
HASH_LENGTH = 16
MAX_DIGEST_DEPTH = 12


class Subject(NamedTuple):
    """The application a finding is about (empty strings when it is about none, or not known)."""

    id: str = ""
    name: str = ""
    key: str = ""  # position-free: the id, else the name, else what the document calls it

    @classmethod
    def of(cls, application: Any, fallback: str = "") -> Subject:
        data = application if isinstance(application, dict) else {}
        found_id, name = _text(data.get("id")), _text(data.get("name"))
        key = f"id:{found_id}" if found_id else f"name:{name}" if name else fallback
        return cls(found_id, name, key)


NO_SUBJECT = Subject()


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LENGTH]


def value_path(data: Any, pointer: Pointer) -> str:
    """`pointer` into `data` with each list index replaced by the element it selects."""
    from p1lint.redaction import is_credential_name

    parts: list[str] = []
    parent: object = None
    for key in pointer:
        if isinstance(key, int) and isinstance(data, list) and 0 <= key < len(data):
            data = data[key]
            parts.append("[secret]" if is_credential_name(parent) else _element(data))
        else:
            parts.append("/" + str(key).replace("~", "~0").replace("/", "~1"))
            data = data.get(key) if isinstance(data, dict) else None
            parent = key
    return "".join(parts)


def _element(element: Any) -> str:
    if isinstance(element, dict):
        for name in IDENTIFYING_KEYS:
            found = element.get(name)
            if isinstance(found, str | int) and not isinstance(found, bool) and _showable(found):
                return f"[{name}={json.dumps(found, ensure_ascii=False)}]"
        return f"[#{_short_hash(_canonical(element))}]"
    if isinstance(element, str | int | float | bool) and _showable(element):
        return f"[={json.dumps(element, ensure_ascii=False)}]"
    return f"[#{_short_hash(_canonical(element))}]"


def _showable(value: object) -> bool:
    from p1lint.redaction import redact_text

    if not isinstance(value, str):
        return True
    return len(value) <= MAX_SHOWN_ELEMENT and redact_text(value) == value and "]" not in value


def _canonical(value: Any) -> str:
    return json.dumps(_without_credentials(value, 0), sort_keys=True, ensure_ascii=False, default=repr)


def _without_credentials(value: Any, depth: int) -> Any:
    """`value` with credentials cut out: values under credential keys dropped, URI credentials redacted."""
    from p1lint.redaction import is_credential_name, redact_text

    if depth > MAX_DIGEST_DEPTH:
        return "..."
    if isinstance(value, dict):
        return {str(k): "[secret]" if is_credential_name(k) else _without_credentials(v, depth + 1)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_without_credentials(item, depth + 1) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    return value if value is None or isinstance(value, bool | int | float) else repr(type(value).__name__)


def value_digest(value: Any, pointer: Pointer) -> str:
    """A hash of the offending value; a constant for a value whose key names a credential."""
    from p1lint.redaction import is_credential_name

    if any(is_credential_name(key) for key in pointer):
        return "secret"
    return _short_hash(_canonical(value))


def fingerprint(rule: str, file: str, subject: Subject, path: str, digest: str) -> str:
    """The stable identity of a finding, as SARIF's `partialFingerprints["p1lint/v1"]`."""
    parts = (VERSION, rule, repository_file(file), subject.key, path, digest)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def repository_file(file: str) -> str:
    """`file` relative to its repository (the same wherever the repository is checked out and
    whichever directory p1lint runs from), `/`-separated; outside any repository, its absolute
    path; names that are not paths (`<stdin>`) as they are. Inside `files_relative_to(root)`, a
    file below `root` is named relative to it (`root` itself is `.`)."""
    if file.startswith("<"):
        return file
    absolute, root = os.path.abspath(file), _ROOT.get()
    if root is not None and (absolute == root or absolute.startswith(root.rstrip(os.sep) + os.sep)):
        return Path(os.path.relpath(absolute, root)).as_posix()
    return _relative_to_repository(absolute)


_ROOT: ContextVar[str | None] = ContextVar("p1lint_identity_root", default=None)


@contextmanager
def files_relative_to(root: str) -> Iterator[None]:
    """Fingerprints made inside name the files below `root` relative to it: two copies of one
    input (the sides of a `diff`, two revisions of a repository) give a finding one identity."""
    token = _ROOT.set(os.path.abspath(root))
    try:
        yield
    finally:
        _ROOT.reset(token)


@lru_cache(maxsize=4096)  # a file's findings share it
def _relative_to_repository(absolute: str) -> str:
    path = Path(absolute)
    root = _repository_root(str(path.parent))
    return path.relative_to(root).as_posix() if root else path.as_posix()


@lru_cache(maxsize=1024)
def _repository_root(directory: str) -> str:
    current = Path(directory)
    for candidate in (current, *current.parents):
        if (candidate / ".git").exists():
            return str(candidate)
    return ""
