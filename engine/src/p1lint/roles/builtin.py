"""PingOne's built-in administrator roles: what the role checks need of `data/pingone-roles.yaml`.

The data file is the record (every fact with its source); this table is compiled from it so that
a run reads no YAML. A test fails when the two differ and prints the table to paste here.

Per role: the API `name`, the other spellings the documentation uses, the scope types PingOne
accepts and rejects it at (a type in neither is unknown: not checked), the role it is the
read-only variant of, and whether it is a DaVinci role."""

from __future__ import annotations

from typing import NamedTuple


class BuiltinRole(NamedTuple):
    name: str
    aliases: tuple[str, ...] = ()
    accepted_at: tuple[str, ...] = ()
    rejected_at: tuple[str, ...] = ()
    read_only_of: str | None = None
    davinci: bool = False


BUILTIN_ROLES: tuple[BuiltinRole, ...] = (
    BuiltinRole("Organization Admin", ("Org Admin",), ("ORGANIZATION",),
                ("ENVIRONMENT", "POPULATION", "APPLICATION")),
    BuiltinRole("Environment Admin", (), ("ORGANIZATION", "ENVIRONMENT"), ("POPULATION", "APPLICATION")),
    BuiltinRole("Identity Data Admin", (), ("ENVIRONMENT", "POPULATION"), ("ORGANIZATION", "APPLICATION")),
    BuiltinRole("Identity Data Read Only", ("Identity Data Read-Only Admin", "Identity Data Read-Only"),
                read_only_of="Identity Data Admin"),
    BuiltinRole("Configuration Read Only", ("Configuration Read-Only Admin", "Configuration Read-Only"),
                read_only_of="Environment Admin"),
    BuiltinRole("DaVinci Admin", (), ("ORGANIZATION", "ENVIRONMENT"), davinci=True),
    BuiltinRole("DaVinci Admin Read Only", ("DaVinci Read-Only Admin", "DaVinci Read-Only"),
                ("ORGANIZATION", "ENVIRONMENT"), read_only_of="DaVinci Admin", davinci=True),
    BuiltinRole("Client Application Developer", (), ("ENVIRONMENT",)),
    BuiltinRole("Application Owner", (), ("ENVIRONMENT", "APPLICATION"), ("ORGANIZATION", "POPULATION")),
    BuiltinRole("Custom Roles Admin", ("Custom Role Admin",)),
    BuiltinRole("Help Desk Admin"),
    BuiltinRole("Advanced Identity Cloud Super Admin"),
    BuiltinRole("Advanced Identity Cloud Tenant Admin"),
    BuiltinRole("Authorize Gateway Policy Evaluator"),
    BuiltinRole("PingFederate Administrator"),
    BuiltinRole("PingFederate Auditor"),
    BuiltinRole("PingFederate Crypto Administrator"),
    BuiltinRole("PingFederate Expression Administrator"),
    BuiltinRole("PingFederate User Administrator"),
)  # fmt: skip
