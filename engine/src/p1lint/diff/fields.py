"""The changes of an application's own fields, declared as tables: list entries added, values
weakened (each value ranked by strength), lifetimes lengthened, and values that changed, which
are never shown (credentials, keys).

Values Terraform does not settle (unknown) are never compared: no change is claimed for them."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from p1lint.diff.changes import Found
from p1lint.documents.fields import MISSING, field_value
from p1lint.redaction import redact_text
from p1lint.terraform.values import contains_unknown

NOT_SET = "(not set)"


class AddedEntries(NamedTuple):
    """A list of strings whose new entries are reported (with their host, for URIs)."""

    kind: str
    field: str
    hosts: bool = False


class Ranked(NamedTuple):
    """A field whose values rank by strength; a lower rank is weaker. `absent`: the value PingOne
    takes when the field is not set (None: not ranked)."""

    kind: str
    field: str
    ranks: Mapping[Any, int]
    absent: Any = None


class Lifetime(NamedTuple):
    """A duration in seconds; `absent` is what PingOne takes when it is not set (inf: no limit)."""

    kind: str
    field: str
    absent: float


class Concealed(NamedTuple):
    """A field whose change is reported, its values never."""

    kind: str
    field: str


ADDED_ENTRIES = (
    AddedEntries("redirect-uri-added", "redirectUris", hosts=True),
    AddedEntries("sign-off-uri-added", "postLogoutRedirectUris", hosts=True),
    AddedEntries("grant-type-added", "grantTypes"),
    AddedEntries("response-type-added", "responseTypes"),
)
# PRIVATE_KEY_JWT > CLIENT_SECRET_JWT > CLIENT_SECRET_BASIC, CLIENT_SECRET_POST > NONE: every value
# of the model's (and the provider's) TokenEndpointAuthMethod
CLIENT_AUTHENTICATION_STRENGTH = {
    "NONE": 0, "CLIENT_SECRET_BASIC": 1, "CLIENT_SECRET_POST": 1, "CLIENT_SECRET_JWT": 2,
    "PRIVATE_KEY_JWT": 3,
}  # fmt: skip
RANKED = (
    Ranked("pkce-weakened", "pkceEnforcement",
           {"OPTIONAL": 0, "REQUIRED": 1, "S256_REQUIRED": 2}, "OPTIONAL"),
    Ranked("par-weakened", "parRequirement", {"OPTIONAL": 0, "REQUIRED": 1}, "OPTIONAL"),
    Ranked("client-authentication-weakened", "tokenEndpointAuthMethod", CLIENT_AUTHENTICATION_STRENGTH),
    Ranked("application-enabled", "enabled", {False: 1, True: 0}, False),
    Ranked("admin-only-access-removed", "accessControl.role.type",
           {"ADMIN_USERS_ONLY": 1, NOT_SET: 0}, NOT_SET),
    Ranked("group-access-widened", "accessControl.group.type",
           {"ALL_GROUPS": 2, "ANY_GROUP": 1, NOT_SET: 0}, NOT_SET),
)  # fmt: skip
LIFETIMES = (
    Lifetime("refresh-token-lifetime-lengthened", "refreshTokenDuration", 2592000),
    Lifetime("refresh-token-lifetime-lengthened", "refreshTokenRollingDuration", math.inf),
    Lifetime("refresh-token-lifetime-lengthened", "refreshTokenRollingGracePeriodDuration", 0),
)
CONCEALED = (
    Concealed("jwks-changed", "jwks"),
    Concealed("jwks-changed", "jwksUrl"),
    Concealed("client-secret-changed", "clientSecret"),
    Concealed("client-secret-changed", "secret.secret"),
)


def field_changes(old: Any, new: Any) -> Iterator[Found]:
    """The changes of the fields of the tables, from application `old` to `new`."""
    for added in ADDED_ENTRIES:
        yield from _added(added, old, new)
    for ranked in RANKED:
        yield from _weakened(ranked, old, new)
    for lifetime in LIFETIMES:
        yield from _lengthened(lifetime, old, new)
    for concealed in CONCEALED:
        yield from _concealed(concealed, old, new)
    yield from cors_changes(old, new)


def _known(*values: Any) -> bool:
    return not any(contains_unknown(value) for value in values)


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _added(table: AddedEntries, old: Any, new: Any) -> Iterator[Found]:
    before, after = field_value(old, table.field), field_value(new, table.field)
    if not _known(before, after) or not isinstance(after, list):
        return
    seen = set(_strings(before))
    for index, entry in enumerate(after):
        if isinstance(entry, str) and entry not in seen:
            seen.add(entry)
            host = host_of(entry) if table.hosts else ""
            yield Found(table.kind, table.field, redact_text(entry), (table.field, index), host=host)


def host_of(uri: str) -> str:
    """The host of a URI, or of an origin written without its scheme (`app.example.com:8443`)."""
    from p1lint.urls import parse_uri

    if "://" not in uri:
        return uri.split("/", 1)[0].rsplit(":", 1)[0].lower()
    return parse_uri(uri).host.lower()


def _rank(table: Ranked, value: Any) -> int | None:
    value = table.absent if value is MISSING or value is None else value
    if isinstance(value, bool) != isinstance(table.absent, bool) and table.absent is not None:
        return None  # `1` is not `True`
    try:
        return table.ranks.get(value)
    except TypeError:  # a list or an object where a string belongs
        return None


def _weakened(table: Ranked, old: Any, new: Any) -> Iterator[Found]:
    before, after = field_value(old, table.field), field_value(new, table.field)
    if not _known(before, after):
        return
    old_rank, new_rank = _rank(table, before), _rank(table, after)
    if old_rank is not None and new_rank is not None and new_rank < old_rank:
        detail = f"{table.field}: {_shown(table, before)} -> {_shown(table, after)}"
        yield Found(table.kind, table.field, detail, tuple(table.field.split(".")))


def _shown(table: Ranked, value: Any) -> str:
    value = table.absent if value is MISSING or value is None else value
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _seconds(table: Lifetime, value: Any) -> float | None:
    if value is MISSING or value is None:
        return table.absent
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _lengthened(table: Lifetime, old: Any, new: Any) -> Iterator[Found]:
    before, after = field_value(old, table.field), field_value(new, table.field)
    if not _known(before, after):
        return
    old_seconds, new_seconds = _seconds(table, before), _seconds(table, after)
    if old_seconds is not None and new_seconds is not None and new_seconds > old_seconds:
        detail = f"{table.field}: {_duration(old_seconds)} -> {_duration(new_seconds)}"
        yield Found(table.kind, table.field, detail, (table.field,))


def _duration(seconds: float) -> str:
    return "no limit" if math.isinf(seconds) else f"{seconds:g} s"


def _concealed(table: Concealed, old: Any, new: Any) -> Iterator[Found]:
    before, after = field_value(old, table.field), field_value(new, table.field)
    if not _known(before, after) or _same(before, after):
        return
    verb = "set" if before in (MISSING, None) else "removed" if after in (MISSING, None) else "changed"
    yield Found(table.kind, table.field, f"{table.field} {verb}", tuple(table.field.split(".")))


def _same(before: Any, after: Any) -> bool:
    """Equal values; JWKS texts are compared as the key sets they hold (formatting aside)."""
    if before in (MISSING, None) and after in (MISSING, None):
        return True
    if isinstance(before, str) and isinstance(after, str) and before != after:
        try:
            return bool(json.loads(before) == json.loads(after))
        except ValueError:
            return False
    return bool(before == after)


def allowed_origins(application: Any) -> list[str] | None:
    """The origins CORS allows: None when any origin is (no `corsSettings`: PingOne's legacy
    behaviour, any CORS-safe origin), else the listed ones (none for `ALLOW_NO_ORIGINS`)."""
    settings = field_value(application, "corsSettings")
    if settings is MISSING or settings is None:
        return None
    if field_value(settings, "behavior") != "ALLOW_SPECIFIC_ORIGINS":
        return []
    return _strings(field_value(settings, "origins"))


def cors_changes(old: Any, new: Any) -> Iterator[Found]:
    before, after = field_value(old, "corsSettings"), field_value(new, "corsSettings")
    if not _known(before, after):
        return
    old_origins, new_origins = allowed_origins(old), allowed_origins(new)
    if new_origins is None:
        if old_origins is not None:
            yield Found("cors-origin-added", "corsSettings", "corsSettings removed: any CORS-safe origin",
                        ("corsSettings",), host="*")
        return
    seen = set(new_origins if old_origins is None else old_origins)
    for index, origin in enumerate(_strings(field_value(after, "origins"))):
        if origin in new_origins and origin not in seen:
            seen.add(origin)
            yield Found("cors-origin-added", "corsSettings.origins", redact_text(origin),
                        ("corsSettings", "origins", index), host=host_of(origin))
