"""Reading a plan (`terraform show -json plan.out`, format_version 0.x or 1.x) into the Terraform
structure: one block per resource instance that will exist once the plan is applied, named by its
address without its type (`web`, `web["crm"]`, `module.apps["crm"].web`), with the values Terraform
planned for it (`values`). The instances the plan does not change come first, those it creates or
updates after them: a check that reports the later of two objects in conflict (a repeated name, a
repeated client id) reports the one the plan brings.

Findings point into the plan, unless the `.tf` files it was planned from lie where the plan's
`configuration` says (the plan's directory, and local module sources below it) and write the block
as planned: then at the attribute there (`tfplan.sources`). One block of a `.tf` file may be many
instances (`count`, `for_each`, modules): the message names the instance by its address."""

from __future__ import annotations

import os
from typing import Any

from p1lint.documents.document import SourceDocument
from p1lint.findings import InputError
from p1lint.pointer import Pointer
from p1lint.tfplan.addresses import module_path
from p1lint.tfplan.configuration import resource_expressions, written_block
from p1lint.tfplan.document import BlockKey, PlanDocument
from p1lint.tfplan.identities import Identities
from p1lint.tfplan.instances import instances
from p1lint.tfplan.sources import ConfigurationFiles, Origin, module_directories, origin
from p1lint.tfplan.values import block_body

SUPPORTED_MAJOR_VERSIONS = ("0", "1")
MAX_ADDRESS_LENGTH = 200  # as messages show an address


def read_plan(document: SourceDocument) -> PlanDocument | InputError:
    """The plan of `document` (JSON already parsed) as a document of the Terraform structure."""
    plan = document.data
    version = plan.get("format_version") if isinstance(plan, dict) else None
    if not isinstance(version, str) or version.split(".")[0] not in SUPPORTED_MAJOR_VERSIONS:
        line, column = document.position(("format_version",))
        shown = version[:20] if isinstance(version, str) else version
        message = f"Terraform plan format_version {shown!r} is not supported: p1lint reads 0.x and 1.x"
        return InputError(document.name, line, column, message)
    return _structure(document, plan)


def _structure(document: SourceDocument, plan: dict[str, Any]) -> PlanDocument:
    found = sorted(instances(plan), key=lambda instance: instance.changed)
    expressions = resource_expressions(plan)
    identities = Identities(found)
    structure: dict[str, Any] = {}
    bases: dict[BlockKey, Pointer] = {}
    addresses: dict[BlockKey, str] = {}
    changes: set[BlockKey] = set()
    origins: dict[BlockKey, Origin] = {}
    for instance in found:
        key = (instance.section, instance.type, instance.block_name)
        written = written_block(expressions, instance.module, instance.mode, instance.type, instance.name)
        blocks = structure.setdefault(instance.section, {}).setdefault(instance.type, {})
        blocks[instance.block_name] = block_body(instance, written, identities)
        bases[key], addresses[key] = instance.pointer, _shown(instance.address)
        calls = module_path(instance.module)
        resource = (calls, instance.mode, instance.type, instance.name) if calls is not None else None
        if resource is not None and resource in expressions:
            origins[key] = origin(resource, expressions[resource])
        if instance.changed:
            changes.add(key)
    return PlanDocument(document.name, document.text, structure, document.format, bases=bases,
                        addresses=addresses, changes=frozenset(changes), origins=origins,
                        files=_configuration_files(document.name, plan))


def _configuration_files(name: str, plan: dict[str, Any]) -> ConfigurationFiles | None:
    """The configuration files of a plan read from a file (not standard input)."""
    if not os.path.isfile(name):
        return None
    return ConfigurationFiles(module_directories(plan, os.path.dirname(name) or "."))


def _shown(address: str) -> str:
    return address if len(address) <= MAX_ADDRESS_LENGTH else address[: MAX_ADDRESS_LENGTH - 1] + "…"
