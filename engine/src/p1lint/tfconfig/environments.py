"""The environments of a Terraform configuration: the `.tf` and `.tf.json` files of one directory
(one module) read together, one environment per `environment_id` value — its literal, the
address of the `pingone_environment` it refers to, or else its expression's text. Blocks without
an `environment_id` (`data "pingone_role"`) belong to every environment of the configuration.

Each application's findings point into the block and attribute where a value is written, also
when a related resource (a grant, a policy assignment) is written in another file."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.documents.applications import Located
from p1lint.documents.location import Location
from p1lint.documents.sources import SourceDocument
from p1lint.environment.inventory import Entry, Environment
from p1lint.terraform.values import Unknown
from p1lint.tfconfig.application import Translated, application
from p1lint.tfconfig.mapping import Writer
from p1lint.tfconfig.objects import builtin_ids, builtin_resource, kind_of, translated_object
from p1lint.tfconfig.placeholders import add_placeholders
from p1lint.tfconfig.related import application_of, related_of, translated_related
from p1lint.tfconfig.structure import Block, as_id, blocks
from p1lint.tfconfig.variables import with_defaults
from p1lint.tfconfig.view import Place, TerraformTarget, TerraformView

APPLICATION = "pingone_application"


def terraform_environments(name: str, documents: list[SourceDocument]) -> list[Environment]:
    """The environments the configuration in `documents` (one directory's files) declares; a
    variable with a literal default is read as that default."""
    documents = with_defaults(documents)
    found = [block for document in documents for block in blocks(document.data, Location(document, ()))]
    declared = {block.address for block in found}
    return [_environment(name, key, members, declared) for key, members in _grouped(found).items()]


def environment_key(block: Block) -> str | None:
    """Which environment a block is in; None for a block that names none."""
    value = as_id(block.body.get("environment_id"))
    if isinstance(value, Unknown):
        return value.expression
    return value if isinstance(value, str) else None


def _grouped(found: list[Block]) -> dict[str | None, list[Block]]:
    """The blocks of each environment that has a PingOne object; shared blocks join each one."""
    relevant = [b for b in found if b.type == APPLICATION or kind_of(b) or related_of(b)]
    groups: dict[str | None, list[Block]] = {}
    for block in relevant:
        key = environment_key(block)
        if key is not None:
            groups.setdefault(key, [])
    shared = [b for b in relevant if environment_key(b) is None]
    for key in groups or ({None: []} if shared else {}):
        groups[key] = [b for b in relevant if environment_key(b) in (key, None)]
    return groups


def _environment(name: str, key: str | None, members: list[Block], declared: set[str]) -> Environment:
    origin = members[0].location
    shown = name if key is None else f"{name} (environment {key})"
    environment = Environment(shown, Location(origin.document, ()))
    if key is not None:
        environment.objects["environment"] = Entry({"id": _identifier(members, key)}, origin)
    builtins = builtin_ids(members)
    _add_objects(environment, members, builtins)
    translated = {b.address: application(b) for b in members if _is_application(b)}
    attached = _attach(members, translated, builtins)
    environment.applications.extend(_target(b, translated[b.address], attached.get(b.address, []))
                                    for b in members if b.address in translated)
    add_placeholders(environment, declared)
    return environment


def _identifier(members: list[Block], key: str) -> Any:
    """The environment's id: its literal or address, or the unknown value (`var.environment_id`)
    its blocks name it by, which no check may take for an id."""
    for block in members:
        value = as_id(block.body.get("environment_id"))
        if isinstance(value, Unknown) and value.expression == key:
            return value
    return key


def _add_objects(environment: Environment, members: list[Block], builtins: dict[str, str]) -> None:
    for block in members:
        kind = kind_of(block)
        if kind is None:
            continue
        data = translated_object(block, kind, builtins).data
        if kind.collection == "environment":
            _environment_object(environment, block, data)
            continue
        environment.lists.setdefault(kind.collection, []).append(Entry(data, block.location))
        resource = data.get("resource", {}).get("id") if kind.collection == "scopes" else None
        if isinstance(resource, str):
            environment.scope_resources.setdefault(block.address, resource)
    _add_builtins(environment, builtins, members[0].location)


def _environment_object(environment: Environment, block: Block, data: dict[str, Any]) -> None:
    entry = environment.objects.get("environment")
    if entry is not None and entry.data.get("id") == block.address:
        environment.objects["environment"] = Entry(data, block.location)


def _add_builtins(environment: Environment, builtins: dict[str, str], where: Location) -> None:
    """The built-in resources that grants and scopes name by type, when resources are listed."""
    resources = environment.lists.get("resources")
    if resources is None:
        return
    present = {entry.data.get("id") for entry in resources}
    for kind, identifier in builtins.items():
        if identifier not in present:
            resources.append(Entry(builtin_resource(kind, identifier), where))


class Unattached(NamedTuple):
    """A related resource whose `application_id` is unknown: it may be any application's, so each
    application of the environment has an unknown entry in that field, written at the id."""

    value: Unknown
    where: Location


Attachment = tuple[str, Writer | Unattached]  # the application field, the related resource


def _is_application(block: Block) -> bool:
    return block.type == APPLICATION and block.section == "resource"


def _attach(
    members: list[Block], translated: dict[str, Translated], builtins: dict[str, str]
) -> dict[str, list[Attachment]]:
    """The related resources of each application, by its address, in the order written."""
    attached: dict[str, list[Attachment]] = {}
    for block in members:
        related = related_of(block)
        owner = application_of(block) if related else None
        if related is not None and isinstance(owner, str) and owner in translated:
            entry = translated_related(block, related, builtins)
            attached.setdefault(owner, []).append((related.field, entry))
        elif related is not None and isinstance(owner, Unknown):
            unattached = Unattached(owner, block.location.below(("application_id",)))
            for address in translated:
                attached.setdefault(address, []).append((related.field, unattached))
    return attached


def _target(block: Block, translated: Translated, attachments: list[Attachment]) -> TerraformTarget:
    data = dict(translated.view.data)
    places = dict(translated.view.places)
    renamed = list(translated.renamed)
    for field, writer in attachments:
        if isinstance(writer, Unattached):
            prefix = _append(data, field, writer.value)
            places[prefix] = Place(writer.where, len(writer.where.pointer) - 1)
            continue
        prefix = _append(data, field, writer.data)
        places.update({(*prefix, *pointer): place for pointer, place in writer.places.items()})
        renamed.extend(r._replace(pointer=(*prefix, *r.pointer)) for r in writer.renamed)
    view = TerraformView(data, places, tuple(renamed))
    return TerraformTarget(Located(block.location.pointer, view), block.location)


def _append(data: dict[str, Any], field: str, entry: Any) -> tuple[str | int, ...]:
    """Add a related object to its field; the pointer of it in the application."""
    if field == "secret":
        data[field] = entry
        return (field,)
    entries = data.setdefault(field, [])
    entries.append(entry)
    return (field, len(entries) - 1)

