"""The applications of the two sides, paired by id, else by name, and the changes of each pair
placed where they are written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from p1lint.diff.changes import Change, Found
from p1lint.diff.fields import field_changes
from p1lint.diff.kinds import KINDS
from p1lint.diff.relations import policy_changes, role_changes
from p1lint.documents.fields import MISSING, value_at
from p1lint.environment.inventory import ApplicationTarget, Environment
from p1lint.identity import Subject
from p1lint.pointer import Pointer


class Application(NamedTuple):
    """An application of one side and the environment it belongs to."""

    target: ApplicationTarget
    environment: Environment

    @property
    def data(self) -> Any:
        return self.target.application

    @property
    def subject(self) -> Subject:
        return Subject.of(self.data)

    def name_of(self, collection: str, identifier: str) -> str:
        """What a reader calls an object of the environment: its name and id, else its id."""
        found = self._object(collection, identifier)
        name = found.get("name") if isinstance(found, dict) else None
        return f"{name} ({identifier})" if isinstance(name, str) and name else identifier

    def _object(self, collection: str, identifier: str) -> Any:
        if collection == "environment":  # the one environment object, when it is this one
            found = self.environment.object(collection)
            return found if isinstance(found, dict) and found.get("id") == identifier else None
        return self.environment.get(collection, identifier) if collection else None


def applications(environments: Iterable[Environment]) -> list[Application]:
    return [Application(target, environment) for environment in environments
            for target in environment.applications]


class Pairs(NamedTuple):
    matched: list[tuple[Application, Application]]
    added: list[Application]
    removed: list[Application]


def paired(old: list[Application], new: list[Application]) -> Pairs:
    """Each new application with the old one of the same id, else (not both having ids) of the
    same name, else (neither having either) the next one without; the others were added or
    removed."""
    left = list(old)
    matched, added = [], []
    for application in new:
        partner = _partner(application.subject, left)
        if partner is None:
            added.append(application)
        else:
            left.remove(partner)
            matched.append((partner, application))
    return Pairs(matched, added, left)


def _partner(subject: Subject, candidates: list[Application]) -> Application | None:
    if subject.id:
        found = next((c for c in candidates if c.subject.id == subject.id), None)
        if found is not None:
            return found
    if not subject.name and not subject.id:  # neither: the next one that has neither, in order
        return next((c for c in candidates if not c.subject.name and not c.subject.id), None)
    return next((c for c in candidates if subject.name and c.subject.name == subject.name
                 and not (subject.id and c.subject.id)), None)


def changes(old: list[Application], new: list[Application], shown: Any) -> list[Change]:
    """Every change from the applications `old` to `new`; `shown(file)` names a file for readers."""
    pairs = paired(old, new)
    found: list[Change] = []
    for application in pairs.added:
        found.append(_placed(Found("application-added", "", _label(application)), application, shown))
    for application in pairs.removed:
        found.append(_placed(Found("application-removed", "", _label(application), in_old=True),
                             application, shown))
    for before, after in pairs.matched:
        found += [_placed(item, before if item.in_old else after, shown)
                  for item in application_changes(before, after)]
    return found


def application_changes(old: Application, new: Application) -> Iterator[Found]:
    yield from field_changes(old.data, new.data)
    yield from role_changes(old.data, new.data, new.name_of)
    yield from policy_changes(old.data, new.data, old.name_of)


def _label(application: Application) -> str:
    subject = application.subject
    return subject.name or subject.id


def _placed(item: Found, application: Application, shown: Any) -> Change:
    """The change, at the place of its value (or of the nearest value there is) in `application`."""
    location = application.target.locate(_existing(application.data, item.pointer))
    span = location.document.span(location.pointer)
    kind = KINDS[item.kind]
    subject = application.subject
    return Change(item.kind, kind.severity, kind.title, subject.id, subject.name, item.field, item.detail,
                  item.host, shown(location.document.name), span.line, span.column)


def _existing(data: Any, pointer: Pointer) -> Pointer:
    """The longest start of `pointer` that leads to a value of `data`."""
    for end in range(len(pointer), 0, -1):
        if value_at(data, pointer[:end]) is not MISSING:
            return pointer[:end]
    return ()
