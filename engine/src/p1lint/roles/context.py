"""What the role checks know of one environment: its roles (by id, with their built-in names
matched loosely), where each scope lies (the `parent` of the scope relation) and what the actor
holds. Every lookup goes through the environment's id index: nothing is scanned per application."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from p1lint.roles.assignments import Assignment, assignment_list, reference
from p1lint.roles.builtin import BuiltinRole
from p1lint.roles.names import builtin_role
from p1lint.roles.scopes import APPLICATION, ENVIRONMENT, ORGANIZATION, POPULATION, Scope
from p1lint.terraform.values import contains_unknown

if TYPE_CHECKING:
    from p1lint.environment.inventory import Environment

CUSTOM = "CUSTOM"
EMBEDDED = "_embedded"
ASSIGNMENTS = "roleAssignments"
PLACED_IN = {POPULATION: "populations", APPLICATION: "applications"}  # scope type -> its collection


class RoleFacts(NamedTuple):
    """A role of the snapshot's `roles`."""

    id: str
    name: str | None
    builtin: BuiltinRole | None  # the built-in role it is (never for a custom role)
    custom: bool
    applicable_to: frozenset[str] | None  # the snapshot's `applicableTo`, when written
    assigned_by: frozenset[str] | None  # a custom role's `canBeAssignedBy` ids, when written
    settled: bool = True  # its name, type and `applicableTo` are known (no unknown values of Terraform)

    @property
    def shown(self) -> str:
        return self.name or self.id


def role_facts(role: Any) -> RoleFacts | None:
    """What a role of the snapshot says. Unknown values (Terraform) say nothing: a role with an
    unknown name, type or `applicableTo` is not `settled` (an unknown type may be custom, so it is
    no built-in role); an unknown `canBeAssignedBy` is as good as none written."""
    identifier = reference(role)
    if identifier is None:
        return None
    name = role.get("name") if isinstance(role.get("name"), str) else None
    custom = role.get("type") == CUSTOM
    settled = not contains_unknown([role.get("name"), role.get("type"), role.get("applicableTo")])
    builtin = builtin_role(name) if settled and not custom else None
    return RoleFacts(identifier, name, builtin, custom, _strings(role.get("applicableTo")),
                     _references(role.get("canBeAssignedBy")), settled)


def _strings(value: Any) -> frozenset[str] | None:
    return frozenset(v for v in value if isinstance(v, str)) if isinstance(value, list) else None


def _references(value: Any) -> frozenset[str] | None:
    if not isinstance(value, list) or contains_unknown(value):
        return None
    return frozenset(ref for ref in (reference(item) for item in value) if ref is not None)


class RoleContext:
    """The roles, scope placement and actor of one environment (None: an environment of nothing)."""

    def __init__(self, environment: Environment | None) -> None:
        self.environment = environment
        home = environment.object("environment") if environment is not None else None
        self.home = home if isinstance(home, dict) else {}
        self._facts: dict[str, RoleFacts | None] = {}

    def role(self, role_id: str) -> RoleFacts | None:
        """The role with this id in the snapshot's `roles`, or None."""
        if role_id not in self._facts:
            found = self.environment.get("roles", role_id) if self.environment is not None else None
            self._facts[role_id] = role_facts(found)
        return self._facts[role_id]

    def role_name(self, role_id: str) -> str:
        facts = self.role(role_id)
        return facts.shown if facts is not None else role_id

    def parent(self, scope: Scope) -> Scope | None:
        """The scope that contains `scope`, when the environment says."""
        if scope.type == ENVIRONMENT:
            organization = reference(self.home.get("organization"))
            here = scope.id == reference(self.home)
            return Scope(ORGANIZATION, organization) if here and organization else None
        environment = self._environment_of(scope)
        return Scope(ENVIRONMENT, environment) if environment else None

    def _environment_of(self, scope: Scope) -> str | None:
        """The environment of a population or application of the snapshot: its own
        `environment.id`, else the snapshot's environment (where it was read from)."""
        found = self._placed(scope)
        if not isinstance(found, dict):
            return None
        return reference(found.get("environment")) or reference(self.home)

    def _placed(self, scope: Scope) -> Any:
        """The population or application a scope names, when the snapshot has it."""
        collection = PLACED_IN.get(scope.type)
        if collection is None or self.environment is None:
            return None
        return self.environment.get(collection, scope.id)

    def actor_assignments(self) -> list[Assignment] | None:
        """What the actor holds; None when the snapshot does not say (no `roleAssignments`)."""
        actor = self.environment.object("actor") if self.environment is not None else None
        if not isinstance(actor, dict):
            return None
        lists = [_entries(actor.get(ASSIGNMENTS))]
        embedded = actor.get(EMBEDDED)
        lists.append(embedded.get(ASSIGNMENTS) if isinstance(embedded, dict) else None)
        if all(entries is None for entries in lists) or contains_unknown(lists):
            return None  # not said, or not all known: an unknown assignment may be the one that enables
        return [found for entries in lists for _, found in assignment_list(entries)]

    def shown(self, scope: Scope) -> str:
        """A scope for messages: its type and the name of what it is, when known."""
        here = scope.type == ENVIRONMENT and scope.id == reference(self.home)
        found = self.home if here else self._placed(scope)
        name = found.get("name") if isinstance(found, dict) else None
        return f"{scope.type} {name} ({scope.id})" if isinstance(name, str) and name else str(scope)


def _entries(value: Any) -> list[Any] | None:
    """A plain list or the API's list response (`{_embedded: {roleAssignments: [...]}}`)."""
    if isinstance(value, list):
        return value
    embedded = value.get(EMBEDDED) if isinstance(value, dict) else None
    inner = embedded.get(ASSIGNMENTS) if isinstance(embedded, dict) else None
    return inner if isinstance(inner, list) else None
