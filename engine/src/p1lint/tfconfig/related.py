"""Resources that belong to one application (by its `application_id`), as the per-application
collections rules read: resource grants, attribute mappings, role assignments, sign-on and flow
policy assignments, the secret. Each becomes one entry (the secret: the object) of its field,
following the provider's `expand` functions for the resource."""

from __future__ import annotations

from typing import Any, NamedTuple

from p1lint.terraform.renamed import Renamed
from p1lint.terraform.values import Unknown
from p1lint.tfconfig.mapping import Field, Spec, Writer, ids, translate
from p1lint.tfconfig.objects import BUILTIN_RESOURCES
from p1lint.tfconfig.structure import Block, as_id


def _id_list(value: Any) -> Any:
    return [as_id(item) for item in value] if isinstance(value, list) else as_id(value)


GRANT = Spec({
    "custom_resource_id": Field(("resource", "id"), convert=as_id),
    "resource_id": Field(("resource", "id"), convert=as_id),
    "scopes": Field(("scopes",), convert=ids),
})  # fmt: skip
ATTRIBUTE_MAPPING = Spec({
    "name": Field(("name",)),
    "value": Field(("value",)),
    "required": Field(("required",)),
    "mapping_type": Field(("mappingType",)),
    "oidc_scopes": Field(("oidcScopes",), convert=_id_list),
    "oidc_id_token_enabled": Field(("idToken",)),
    "oidc_userinfo_enabled": Field(("userInfo",)),
    "saml_subject_nameformat": Field(("nameFormat",)),
})  # fmt: skip
ROLE_SCOPES = {"scope_organization_id": "ORGANIZATION", "scope_environment_id": "ENVIRONMENT",
               "scope_population_id": "POPULATION", "scope_application_id": "APPLICATION"}
ROLE_ASSIGNMENT = Spec({
    "role_id": Field(("role", "id"), convert=as_id),
    "read_only": Field(("readOnly",)),
    **{key: Field(("scope", "id"), convert=as_id) for key in ROLE_SCOPES},
})  # fmt: skip
SIGN_ON = Spec({"sign_on_policy_id": Field(("signOnPolicy", "id"), convert=as_id),
                "priority": Field(("priority",))})
FLOW = Spec({"flow_policy_id": Field(("flowPolicy", "id"), convert=as_id), "priority": Field(("priority",))})
PREVIOUS = Spec({"secret": Field(("secret",)), "expires_at": Field(("expiresAt",)),
                 "last_used": Field(("lastUsed",))})
SECRET = Spec({"secret": Field(("secret",)), "previous": Field(("previous",), PREVIOUS)})


class Related(NamedTuple):
    field: str  # the application's field
    spec: Spec


RELATED = {
    "pingone_application_resource_grant": Related("grants", GRANT),
    "pingone_application_attribute_mapping": Related("attributeMappings", ATTRIBUTE_MAPPING),
    "pingone_application_role_assignment": Related("roleAssignments", ROLE_ASSIGNMENT),
    "pingone_application_sign_on_policy_assignment": Related("signOnPolicyAssignments", SIGN_ON),
    "pingone_application_flow_policy_assignment": Related("flowPolicyAssignments", FLOW),
    "pingone_application_secret": Related("secret", SECRET),
}


def related_of(block: Block) -> Related | None:
    return RELATED.get(block.type) if block.section == "resource" else None


def application_of(block: Block) -> Any:
    """The id of the application a related resource belongs to (an address when it refers to a
    declared application)."""
    return as_id(block.body.get("application_id"))


def translated_related(block: Block, related: Related, builtins: dict[str, str]) -> Writer:
    writer = Writer(block.location)
    if related.field != "secret":
        writer.put(("id",), block.address, block.location)
    translate(block.body, block.location, related.spec, (), writer)
    if related.field == "grants":
        _grant_resource(block, writer, builtins)
    if related.field == "roleAssignments":
        _role_scope(block, writer)
    return writer


def _grant_resource(block: Block, writer: Writer, builtins: dict[str, str]) -> None:
    """A grant of a built-in resource names it by `resource_type` (or, before provider 1.0.0, by
    `resource_name`, with `scope_names`)."""
    kind = block.body.get("resource_type")
    found = builtins.get(kind) if isinstance(kind, str) else kind if isinstance(kind, Unknown) else None
    if found is not None and ("resource", "id") not in writer.written:  # unknown: it may be any resource
        writer.put(("resource", "id"), found, block.location.below(("resource_type",)))
    name = block.body.get("resource_name")
    if name is not None:
        by_name = {n: k for k, n in BUILTIN_RESOURCES.items()}
        named = builtins[by_name[name]] if isinstance(name, str) and name in by_name else Unknown(str(name))
        _legacy(writer, block, ("resource", "id"), "resource_name", named, "resource_type")
    names = block.body.get("scope_names")
    if names is not None and "scopes" not in block.body:
        _legacy(writer, block, ("scopes",), "scope_names", Unknown("scope_names"), "scopes")


def _legacy(writer: Writer, block: Block, view: tuple[str, ...], key: str, value: Any, current: str) -> None:
    writer.put(view, value, block.location.below((key,)))
    writer.renamed.append(Renamed(view, key, current, "1.0.0"))


def _role_scope(block: Block, writer: Writer) -> None:
    """The scope type is the name of the `scope_*_id` attribute written: it is located there."""
    key = next((key for key in ROLE_SCOPES if key in block.body), None)
    if key is not None:
        writer.put(("scope", "type"), ROLE_SCOPES[key], block.location.below((key,)))
