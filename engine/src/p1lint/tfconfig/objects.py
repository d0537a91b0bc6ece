"""Resources and data sources that are objects of the environment, as the snapshot collections
they belong to (`environment.collections`): each object's id is its address
(`pingone_sign_on_policy.mfa`, `data.pingone_role.admin`), which is what references to it become.

The built-in resources (`OPENID_CONNECT`, `PINGONE_API`) are named by their type, unless a
`pingone_resource` data source reads them by name: then they are that data source."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.tfconfig.mapping import Field, Spec, Writer, translate
from p1lint.tfconfig.structure import Block, as_id

BUILTIN_RESOURCES = {"OPENID_CONNECT": "openid", "PINGONE_API": "PingOne API"}  # type -> its name
NAMED = Spec({"name": Field(("name",)), "description": Field(("description",))})
RESOURCE = Spec({**NAMED.fields, "type": Field(("type",)), "audience": Field(("audience",)),
                 "access_token_validity_seconds": Field(("accessTokenValiditySeconds",))})
SCOPE = Spec({**NAMED.fields, "resource_id": Field(("resource", "id"), convert=as_id),
              "custom_resource_id": Field(("resource", "id"), convert=as_id)})
SIGN_ON_POLICY = Spec({**NAMED.fields, "default": Field(("default",))})
GROUP = Spec({**NAMED.fields, "population_id": Field(("population", "id"), convert=as_id)})


class Kind(NamedTuple):
    """What a block type is in the environment: its collection, its table, and for a scope of a
    built-in resource, that resource's type."""

    collection: str
    spec: Spec
    builtin: str = ""


KINDS: dict[tuple[str, str], Kind] = {
    ("resource", "pingone_resource"): Kind("resources", RESOURCE),
    ("data", "pingone_resource"): Kind("resources", RESOURCE),
    ("resource", "pingone_resource_scope"): Kind("scopes", SCOPE),
    ("data", "pingone_resource_scope"): Kind("scopes", SCOPE),
    ("resource", "pingone_resource_scope_openid"): Kind("scopes", NAMED, "OPENID_CONNECT"),
    ("resource", "pingone_resource_scope_pingone_api"): Kind("scopes", NAMED, "PINGONE_API"),
    ("resource", "pingone_sign_on_policy"): Kind("signOnPolicies", SIGN_ON_POLICY),
    ("data", "pingone_sign_on_policy"): Kind("signOnPolicies", SIGN_ON_POLICY),
    ("resource", "davinci_application_flow_policy"): Kind("flowPolicies", NAMED),
    ("data", "pingone_flow_policies"): Kind("flowPolicies", NAMED),
    ("resource", "pingone_group"): Kind("groups", GROUP),
    ("data", "pingone_group"): Kind("groups", GROUP),
    ("resource", "pingone_population"): Kind("populations", NAMED),
    ("data", "pingone_population"): Kind("populations", NAMED),
    ("data", "pingone_role"): Kind("roles", NAMED),
    ("resource", "pingone_environment"): Kind("environment", NAMED),
    ("data", "pingone_environment"): Kind("environment", NAMED),
}  # fmt: skip


def kind_of(block: Block) -> Kind | None:
    return KINDS.get((block.section, block.type))


def builtin_ids(blocks: list[Block]) -> dict[str, str]:
    """The id of each built-in resource: the address of a data source that reads it by name,
    else its type."""
    ids = dict(zip(BUILTIN_RESOURCES, BUILTIN_RESOURCES, strict=True))
    names = {name: kind for kind, name in BUILTIN_RESOURCES.items()}
    for block in blocks:
        name = block.body.get("name")
        kind = names.get(name) if isinstance(name, str) else None
        if block.section == "data" and block.type == "pingone_resource" and kind is not None:
            ids[kind] = block.address
    return ids


def translated_object(block: Block, kind: Kind, builtins: dict[str, str]) -> Writer:
    """The API object of one block (its data and the place of each value)."""
    writer = Writer(block.location)
    writer.put(("id",), block.address, block.location)
    translate(block.body, block.location, kind.spec, (), writer)
    builtin = kind.builtin or _builtin_type(block)
    if kind.collection == "scopes" and builtin in builtins:
        writer.put(("resource", "id"), builtins[builtin], block.location)
    if kind.collection == "resources":
        _resource_type(block, writer.data, builtins)
    return writer


def _builtin_type(block: Block) -> str:
    """`resource_type` of a scope data source, when it names a built-in resource."""
    written = block.body.get("resource_type")
    return written if isinstance(written, str) and written in BUILTIN_RESOURCES else ""


def _resource_type(block: Block, data: dict[str, Any], builtins: dict[str, str]) -> None:
    """A custom resource is `CUSTOM`; a data source for a built-in resource is of its type."""
    builtin = next((kind for kind, id_ in builtins.items() if id_ == block.address), None)
    if builtin is not None:
        data["type"] = builtin
    elif block.section == "resource":
        data.setdefault("type", "CUSTOM")


def builtin_resource(kind: str, identifier: str) -> dict[str, Any]:
    """A built-in resource that grants or scopes name by type but no block declares."""
    return {"id": identifier, "name": BUILTIN_RESOURCES[kind], "type": kind}
