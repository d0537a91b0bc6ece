"""Findings named independently of the input format: by rule, severity, the object they are on
(an application by name, an entry of an environment collection by name) and the pointer in the API
model of that object (`redirectUris/2`, `grants/0/scopes/1/id`).

A JSON export names its findings by their place in the document: the environment's applications
and entries know where they are written, so a finding's pointer is read back through them (the
view of each application maps `_embedded` and the attached files of the directory form back to the
model). A Terraform configuration has no such document layout: each object's model pointers are
located through the same environment (`ApplicationTarget.locate`, which builds the findings'
locations) and the finding is matched to the model pointer located at its place. Comparing the
two is the parity of a `.tf` configuration with its API JSON equivalent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from p1lint.documents.files import DEFAULT_MAX_FILE_SIZE
from p1lint.documents.sources import discover
from p1lint.engine import LintResult, _environments
from p1lint.environment.directory import group_units
from p1lint.environment.inventory import Environment
from p1lint.findings import Finding
from p1lint.pointer import Pointer, format_pointer
from tests.support import lint


class Key(NamedTuple):
    rule: str
    severity: str
    subject: str  # `application NAME`, or `COLLECTION NAME` for an entry of the environment
    path: str  # JSON Pointer in the API model of the subject


class Place(NamedTuple):
    """A model pointer of a subject and where it is written."""

    subject: str
    path: Pointer
    file: str
    pointer: str


def parse_pointer(text: str) -> Pointer:
    """The inverse of format_pointer, reading all-digit segments as list indices."""
    parts = [part.replace("~1", "/").replace("~0", "~") for part in text.split("/")[1:]]
    return tuple(int(part) if part.isdigit() else part for part in parts)


def environments(path: Path) -> list[Environment]:
    """The environments p1lint reads from `path`, built as the engine builds them."""
    found = []
    for unit in group_units(discover([str(path)])):
        found.extend(_environments(unit, "<stdin>", LintResult(), DEFAULT_MAX_FILE_SIZE))
    return found


def subject_name(kind: str, data: Any) -> str:
    name = data.get("name", data.get("id")) if isinstance(data, dict) else None
    return f"{kind} {name}"


def pointers(value: Any, prefix: Pointer = ()) -> Iterator[Pointer]:
    """Every pointer into `value`, `()` included."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from pointers(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from pointers(item, (*prefix, index))


def places(environment: Environment, extra: dict[str, set[Pointer]] | None = None) -> Iterator[Place]:
    """Where each model pointer of each subject of the environment is written; `extra` adds model
    pointers per subject that its data lacks (a finding on a missing member)."""
    extra = extra or {}
    for target in environment.applications:
        subject = subject_name("application", target.application)
        for path in {*pointers(target.application), *extra.get(subject, ())}:
            location = target.locate(path)
            yield Place(subject, path, location.document.name, format_pointer(location.pointer))
    for collection, entries in environment.lists.items():
        if collection == "applications":
            continue
        for entry in entries:
            subject = subject_name(collection, entry.data)
            for path in {*pointers(entry.data), *extra.get(subject, ())}:
                location = entry.location.below(path)
                yield Place(subject, path, location.document.name, format_pointer(location.pointer))


def _key(finding: Finding, subject: str, path: Pointer) -> Key:
    return Key(finding.rule, finding.severity, subject, format_pointer(path))


def document_keys(path: Path, **settings: Any) -> tuple[list[Key], LintResult]:
    """The findings of a JSON (or YAML) input, named by subject and model pointer, in the order of
    `result.findings`. A finding that no
    subject holds is named by its file and pointer (`? FILE`), so that it is compared too."""
    result = lint(path, **settings)
    where = {(p.file, p.pointer): p for e in environments(path) for p in places(e)}
    keys = []
    for finding in result.findings:
        place = where.get((finding.file, finding.path)) or _by_prefix(finding, where.values())
        keys.append(_key(finding, place.subject, place.path) if place else
                    Key(finding.rule, finding.severity, f"? {finding.file}", finding.path))
    return keys, result


def _by_prefix(finding: Finding, known: Iterable[Place]) -> Place | None:
    """A finding on a member the data lacks: the deepest written place that holds it, and the rest
    of the pointer (JSON writes the model's own member names)."""
    pointer = parse_pointer(finding.path)
    holding = [p for p in known if p.file == finding.file and _starts(pointer, parse_pointer(p.pointer))]
    best = max(holding, key=lambda place: len(parse_pointer(place.pointer)), default=None)
    if best is None:
        return None
    rest = pointer[len(parse_pointer(best.pointer)):]
    return best._replace(path=(*best.path, *rest), pointer=finding.path)


def _starts(pointer: Pointer, prefix: Pointer) -> bool:
    return pointer[: len(prefix)] == prefix


def terraform_keys(path: Path, expected: Iterable[Key] = (), **settings: Any) -> tuple[list[Key], LintResult]:
    """The findings of a Terraform configuration, named by subject and model pointer: the model
    pointers of each subject (and those of `expected`, for members its data lacks) are located, and
    each finding takes the key of a model pointer located where it is. A finding at a place where no
    model pointer is located is named `? FILE` with its Terraform pointer."""
    result = lint(path, **settings)
    extra: dict[str, set[Pointer]] = {}
    for key in expected:
        extra.setdefault(key.subject, set()).add(parse_pointer(key.path))
    where: dict[tuple[str, str], list[Place]] = {}
    for environment in environments(path):
        for place in places(environment, extra):
            where.setdefault((place.file, place.pointer), []).append(place)
    wanted = Counter(expected)
    keys = []
    for finding in result.findings:
        candidates = [_key(finding, p.subject, p.path) for p in where.get((finding.file, finding.path), [])]
        chosen = next((k for k in candidates if wanted[k] > 0), None) or min(candidates, default=None)
        if chosen is None:
            chosen = Key(finding.rule, finding.severity, f"? {finding.file}", finding.path)
        wanted[chosen] -= 1
        keys.append(chosen)
    return keys, result
