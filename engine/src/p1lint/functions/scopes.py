"""The scopes granted to an application, by name, and the resource grants behind them.

An export may list the granted scopes by name (`scopes`); the API keeps them as resource grants
(`grants: [{id, resource: {id}, scopes: [{id}]}]`), whose scope ids only the environment's
`resources` and `scopes` turn into names. When the application lists `scopes`, that list is what
is judged (with or without an environment); otherwise its grants are, resolved through the
environment. Without either, nothing is known and nothing is judged."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, NamedTuple

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Options, Problem, not_judged
from p1lint.pointer import Pointer
from p1lint.terraform.values import Unknown


class Granted(NamedTuple):
    """One granted scope: its name (None when the environment does not resolve its id) and where
    it is written below the application."""

    name: str | None
    path: Pointer


class GrantedScopes(NamedTuple):
    source: Literal["scopes", "grants"]
    scopes: tuple[Granted, ...]


def granted_scopes(application: Any, context: Context) -> GrantedScopes | None:
    """The application's granted scopes, or None when neither `scopes` nor resolvable grants say."""
    key = f"granted-scopes:{id(application)}"
    if key not in context.memo:
        context.memo[key] = _granted(application, context.environment)
    return context.memo[key]  # type: ignore[no-any-return]


def _granted(application: Any, environment: Any) -> GrantedScopes | None:
    if not isinstance(application, dict):
        return None
    if "scopes" in application:
        names = application["scopes"]
        if names is None or isinstance(names, list):  # null is empty; other types: the structure rules'
            listed = (Granted(_name(n), ("scopes", i)) for i, n in enumerate(names or ()))
            return GrantedScopes("scopes", tuple(listed))
        return None
    grants = application.get("grants")
    if not isinstance(grants, list) or environment is None or not environment.has("scopes"):
        return None
    return GrantedScopes("grants", tuple(_resolved(grants, environment)))


def _name(item: Any) -> str | None:
    """A listed scope's name; an item that is not a string names no scope (but is no unresolved
    one), unless it is unknown (a Terraform variable): that may name any scope."""
    if isinstance(item, Unknown):
        return None
    return item if isinstance(item, str) else ""


def _resolved(grants: list[Any], environment: Any) -> Iterator[Granted]:
    for g, grant in enumerate(grants):
        for s, identifier in enumerate(scope_ids(grant)):
            scope = environment.get("scopes", identifier)
            name = scope.get("name") if isinstance(scope, dict) else None
            yield Granted(name if isinstance(name, str) else None, ("grants", g, "scopes", s, "id"))


def scope_ids(grant: Any) -> list[Any]:
    """The scope ids of one grant, by position (None where an entry has no id; an unknown value
    where the entry, its id or the whole grant is unknown)."""
    scopes = grant.get("scopes") if isinstance(grant, dict) else grant
    if isinstance(scopes, Unknown):
        return [scopes]
    if not isinstance(scopes, list):
        return []
    return [scope.get("id") if isinstance(scope, dict) else _unknown_or_none(scope) for scope in scopes]


def _unknown_or_none(value: Any) -> Any:
    return value if isinstance(value, Unknown) else None


class GrantedScopesOptions(Options):
    values: list[str]
    mode: Literal["any", "none"] = "any"


@check_function("granted-scopes", GrantedScopesOptions, unknown_members=True)
def granted_scopes_check(value: Any, options: GrantedScopesOptions, context: Context) -> Iterator[Problem]:
    """The application's granted scopes (its `scopes` list, or else its grants resolved through
    the environment) must include one of `values` (`mode: any`; not judged while a granted scope
    id is unresolved) or none of them (`mode: none`, each reported where it is granted)."""
    granted = granted_scopes(value, context)
    if granted is None:
        return
    listed = granted.source == "scopes"
    if options.mode == "none":
        for scope in granted.scopes:
            if scope.name in options.values:
                subject = "scopes includes" if listed else "a resource grant includes"
                yield Problem(f"{subject} {scope.name}", scope.path)
        return
    names = [scope.name for scope in granted.scopes]
    if not any(name in options.values for name in names) and None not in names:
        subject = "scopes does not include" if listed else "the resource grants do not include"
        path = (granted.source,) if listed else _grant_for(value, options.values, context)
        yield Problem(f"{subject} {' or '.join(options.values)}", path)


def _grant_for(application: Any, names: list[str], context: Context) -> Pointer:
    """Where a missing scope belongs: the scopes of the grant to the resource that has a scope of
    that name (the OpenID Connect resource for `offline_access`), else the grants as a whole."""
    environment = context.environment
    assert environment is not None
    scopes = [entry.data for entry in environment.entries("scopes") if entry.data.get("name") in names]
    owners = [environment.scope_resources.get(s["id"]) for s in scopes if isinstance(s.get("id"), str)]
    for index, grant in enumerate(application.get("grants") or ()):
        resource = _reference(grant.get("resource")) if isinstance(grant, dict) else None
        if isinstance(resource, str) and resource in owners:
            return ("grants", index, "scopes")
    return ("grants",)


@check_function("oidc-scopes-granted", NoOptions, unknown_members=True)
def oidc_scopes_granted(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """Each scope id of an attribute mapping's `oidcScopes` must be granted to the application:
    among the scope ids of its grants, or, for an export that lists `scopes` by name, the id of an
    environment scope whose name is listed. Not judged without either."""
    if not isinstance(value, list):
        return
    for index, identifier in enumerate(value):
        if isinstance(identifier, Unknown):
            yield not_judged((index,))
        elif isinstance(identifier, str) and not _is_openid(identifier, context) and _is_granted(
                identifier, context) is False:
            label = _label(context.environment, "scopes", identifier)
            yield Problem(f"scope {label} is not granted to the application", (index,))


def _is_openid(identifier: str, context: Context) -> bool:
    """Whether the scope is `openid`, which PingOne accepts in `oidcScopes` without a grant of it
    (the provider's acceptance test of a full attribute mapping applies such a configuration)."""
    return _name_of(context.environment, "scopes", identifier) == "openid"


def _is_granted(identifier: str, context: Context) -> bool | None:
    """Whether the scope is granted; None when the export does not say."""
    application = context.application
    grants = application.get("grants") if isinstance(application, dict) else None
    if isinstance(grants, list):
        ids = [found for grant in grants for found in scope_ids(grant)]
        return True if identifier in ids else _unless_unknown(ids)
    granted = granted_scopes(application, context)
    name = _name_of(context.environment, "scopes", identifier)
    if granted is None or name is None:
        return None
    names = [scope.name for scope in granted.scopes]
    return True if name in names else (None if None in names else False)


def _unless_unknown(ids: list[Any]) -> bool | None:
    """False, or None when an unknown id might be the one looked for."""
    return None if any(isinstance(found, Unknown) for found in ids) else False


@check_function("grant-scopes", NoOptions, unknown_members=True)
def grant_scopes(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """Each scope of a resource grant must be a scope of the grant's resource: an id no scope of
    the environment has (judged when the environment lists that resource's scopes) or the id of
    another resource's scope is reported at the id. A grant to a resource the environment does not
    have is left to the check of the resource."""
    environment = context.environment
    resource = _reference(value.get("resource")) if isinstance(value, dict) else None
    if environment is None or not isinstance(resource, str) or _missing(environment, resource):
        return
    listed = _resources_with_listed_scopes(environment, context.shared)
    for index, identifier in enumerate(scope_ids(value)):
        if isinstance(identifier, str):
            detail = _misplaced(environment, identifier, resource, listed)
            if detail:
                yield Problem(detail, ("scopes", index, "id"))


def _misplaced(environment: Any, identifier: str, resource: str, listed: frozenset[str]) -> str | None:
    """Why the scope is not one of the resource's, or None when it is (or nothing says)."""
    here = _label(environment, "resources", resource)
    if environment.get("scopes", identifier) is None:
        certain = resource in listed and environment.lacks("scopes", identifier)
        return f"scope {identifier} is not a scope of resource {here}" if certain else None
    owner = environment.scope_resources.get(identifier)
    if owner is None or owner == resource:
        return None
    scope, there = _label(environment, "scopes", identifier), _label(environment, "resources", owner)
    return f"scope {scope} belongs to resource {there}, not to the grant's resource {here}"


def _reference(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else None


def _missing(environment: Any, resource: str) -> bool:
    """A resource the snapshot's `resources` do not have (`grant-resource-unknown` reports it)."""
    return bool(environment.lacks("resources", resource))


def _name_of(environment: Any, collection: str, identifier: str) -> str | None:
    found = environment.get(collection, identifier) if environment is not None else None
    name = found.get("name") if isinstance(found, dict) else None
    return name if isinstance(name, str) else None


def _label(environment: Any, collection: str, identifier: str) -> str:
    """`name (id)` of a scope or resource, or the id when the environment does not name it."""
    name = _name_of(environment, collection, identifier)
    return identifier if name is None else f"{name} ({identifier})"


def _resources_with_listed_scopes(environment: Any, memo: dict[str, Any]) -> frozenset[str]:
    """The resources whose scopes the environment lists: each with a scope list of its own, and
    each that a scope of the `scopes` collection names as its resource."""
    key = f"resources-with-scopes:{id(environment)}"
    if key not in memo:
        own = [entry.data.get("id") for entry in environment.entries("resources") if _has_scopes(entry.data)]
        memo[key] = frozenset([*environment.scope_resources.values(), *filter(_is_text, own)])
    return memo[key]  # type: ignore[no-any-return]


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _has_scopes(resource: dict[str, Any]) -> bool:
    embedded = resource.get("_embedded")
    return isinstance(resource.get("scopes"), list) or (
        isinstance(embedded, dict) and isinstance(embedded.get("scopes"), list))
