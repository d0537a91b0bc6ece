"""The environment snapshot format as pydantic models, for one purpose: the JSON Schema editors
use (`docs/environment-snapshot.schema.json`, written by `python -m p1lint.models.snapshot`; a
test fails when the file differs). Linting never validates a snapshot with these models: the
environment reader (`p1lint.environment`) reports malformed collections itself, and the rules
check the applications. Objects allow the API's other members (`_links`, `createdAt`, ...)."""

from __future__ import annotations

import json
import sys
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Item = TypeVar("Item")
ScopeType = Literal["ORGANIZATION", "ENVIRONMENT", "POPULATION", "APPLICATION"]


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="allow")


class Ref(ApiModel):
    id: str


class Embedded(ApiModel, Generic[Item]):
    """The API's list response: the entries under `_embedded.<collection>`."""

    embedded: dict[str, list[Item]] = Field(alias="_embedded")


Listed = list[Item] | Embedded[Item] | None  # a collection: a plain list or the API's list response


class Environment(ApiModel):
    id: str | None = None
    name: str | None = None
    region: str | None = None
    customDomain: str | None = Field(default=None, description="auth.example.com")
    organization: Ref | None = None


class Scope(ApiModel):
    id: str
    type: ScopeType


class RoleAssignment(ApiModel):
    id: str | None = None
    role: Ref
    scope: Scope


class Actor(ApiModel):
    """The administrator (user) or worker (application) that manages these applications."""

    type: Literal["USER", "APPLICATION"]
    id: str
    name: str | None = None
    roleAssignments: Listed[RoleAssignment] = None


class Role(ApiModel):
    id: str
    name: str
    type: str | None = Field(default=None, description="PLATFORM (built-in) or CUSTOM")
    applicableTo: list[ScopeType] | None = None
    canBeAssignedBy: list[Ref] | None = None


class Application(ApiModel):
    """An application as `GET /applications` returns it; it may embed `grants`,
    `signOnPolicyAssignments`, `flowPolicyAssignments`, `attributeMappings` (or
    `_embedded.attributes`), `roleAssignments` and `secret`. p1lint's rules check its settings."""

    id: str | None = None
    name: str | None = None


class ResourceScope(ApiModel):
    id: str
    name: str
    resource: Ref | None = Field(default=None, description="in a top-level `scopes` list")


class Resource(ApiModel):
    id: str
    name: str
    type: str | None = None
    scopes: Listed[ResourceScope] = None


class SignOnPolicy(ApiModel):
    id: str
    name: str
    default: bool | None = None


class FlowPolicy(ApiModel):
    id: str
    name: str | None = None
    enabled: bool | None = None


class Named(ApiModel):
    id: str
    name: str | None = None


class SchemaAttribute(ApiModel):
    name: str
    type: str | None = None
    enabled: bool | None = None


class UserSchema(ApiModel):
    attributes: list[SchemaAttribute] | None = None


class AuthorizationRequest(ApiModel):
    """A request an application sends: an authorize URL or the body of a pushed authorization
    request (one of the two), and the application it is for (absent: the one its client_id names)."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"oneOf": [{"required": ["url"]},
                                                                          {"required": ["par"]}]})

    application: Ref | Named | dict[str, str] | None = None
    url: str | None = Field(default=None, description="https://auth.pingone.com/{envId}/as/authorize?...")
    par: str | None = Field(default=None, description="client_id=...&response_type=code&... (POST /as/par)")


class MissingCollection(ApiModel):
    collection: str = Field(description="roles, or applications/*/secret for applications' secrets")
    status: int = Field(description="the HTTP status the API answered")
    reason: str
    applications: list[str] | None = Field(default=None, description="the applications concerned")


class Pulled(ApiModel):
    """Written by `p1lint pull`: when and from where the snapshot was taken, and what it lacks."""

    tool: str | None = None
    pulledAt: str | None = None
    environment: Ref | None = None
    api: str | None = None
    partial: bool = False
    missing: list[MissingCollection] = []


class Snapshot(ApiModel):
    """One PingOne environment: its applications and the context the environment checks need.
    Every collection may be a plain list or the API's list response (`{"_embedded": {...}}`)."""

    environment: Environment | None = None
    actor: Actor | None = None
    roles: Listed[Role] = None
    applications: list[Application] | Embedded[Application]
    resources: Listed[Resource] = None
    scopes: Listed[ResourceScope] = None
    signOnPolicies: Listed[SignOnPolicy] = None
    flowPolicies: Listed[FlowPolicy] = None
    groups: Listed[Named] = None
    populations: Listed[Named] = None
    schema_: UserSchema | None = Field(default=None, alias="schema", description="The user schema")
    authorizationRequests: Listed[AuthorizationRequest] = None
    pulled: Pulled | None = None


def json_schema() -> dict[str, Any]:
    schema = Snapshot.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "urn:p1lint:environment-snapshot",  # names the format: no repository that may not exist
            "title": "PingOne environment snapshot (p1lint)", **schema}


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
