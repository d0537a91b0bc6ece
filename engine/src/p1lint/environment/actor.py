"""The actor given on the command line (`--actor FILE`): the administrator or worker that applies
the configuration, as the snapshot format writes it (`{type, id, name, roleAssignments}`), or a
snapshot-shaped file with an `actor` member. It is the actor of every environment of the run
that has none of its own (a Terraform configuration, a snapshot exported without it), so that
the role checks know whose roles bound the assignments.

Scope ids in its role assignments are matched as written: for a Terraform configuration whose
`environment_id` is a reference, write the referenced address (`pingone_environment.prod`) or
the expression (`var.environment_id`) as the scope id."""

from __future__ import annotations

from p1lint.documents.location import Location
from p1lint.documents.sources import SourceDocument, read_source
from p1lint.environment.inventory import Entry
from p1lint.findings import InputError


def read_actor(name: str) -> Entry | InputError:
    document = read_source(name)
    if isinstance(document, InputError):
        return document
    data = document.data
    if isinstance(data, dict) and isinstance(data.get("actor"), dict):
        return Entry(data["actor"], Location(document, ("actor",)))
    if not isinstance(data, dict):
        return _problem(document, "expected the actor object (type, id, roleAssignments)")
    return Entry(data, Location(document, ()))


def _problem(document: SourceDocument, message: str) -> InputError:
    line, column = document.position(())
    return InputError(document.name, line, column, message)
