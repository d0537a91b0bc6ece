"""What a pull never writes: secret values and private key material. The objects stay (so that
the secret checks still see a secret's `previous.expiresAt`, and the JWKS checks a private member
where one was published); their values are replaced by `MARKER`, a placeholder the secret checks
do not report.

- `secret`, `clientSecret` and `client_secret` string members anywhere (`GET .../secret` answers
  `{secret, previous: {secret, expiresAt, lastUsed}}`, the Go SDK's `ApplicationSecret`);
- the private members of every JWK of a `jwks` (RFC 7518 6.3.2 and 6.4.1: `d`, `p`, `q`, `dp`,
  `dq`, `qi`, `oth`, `k`); a `jwks` text that is not JSON is replaced as a whole;
- any string holding a PEM private key block."""

from __future__ import annotations

import json
from typing import Any

from p1lint.findings import P1LintError

MARKER = "[redacted]"
SECRET_KEYS = frozenset({"secret", "clientSecret", "client_secret"})
PRIVATE_JWK_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")
PEM_PRIVATE = "PRIVATE KEY-----"
MAX_DEPTH = 100


def redacted(value: Any, depth: int = 0) -> Any:
    """A copy of `value` without secret values or private key material."""
    if depth > MAX_DEPTH:
        raise P1LintError("p1lint pull: the API answered with data nested too deep to read")
    if isinstance(value, dict):
        return {key: _member(key, item, depth) for key, item in value.items()}
    if isinstance(value, list):
        return [redacted(item, depth + 1) for item in value]
    if isinstance(value, str) and PEM_PRIVATE in value:
        return MARKER
    return value


def _member(key: str, value: Any, depth: int) -> Any:
    if key in SECRET_KEYS and isinstance(value, str) and value:
        return MARKER
    if key == "jwks" and isinstance(value, str):
        return _jwks_text(value)
    if key == "jwks" and isinstance(value, dict):
        return _jwk_set(value)
    return redacted(value, depth + 1)


def _jwks_text(text: str) -> str:
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        return MARKER
    if not isinstance(parsed, dict):
        return MARKER if PEM_PRIVATE in text else text
    return json.dumps(_jwk_set(parsed), separators=(",", ":"))


def _jwk_set(jwk_set: dict[str, Any]) -> dict[str, Any]:
    keys = jwk_set.get("keys")
    cleaned = [_jwk(key) for key in keys] if isinstance(keys, list) else keys
    rest = redacted({k: v for k, v in jwk_set.items() if k != "keys"}, 1)
    return {**rest, "keys": cleaned} if "keys" in jwk_set else rest


def _jwk(key: Any) -> Any:
    if not isinstance(key, dict):
        return MARKER if isinstance(key, str) and PEM_PRIVATE in key else key
    return {name: MARKER if name in PRIVATE_JWK_MEMBERS else redacted(value, 2)
            for name, value in key.items()}
