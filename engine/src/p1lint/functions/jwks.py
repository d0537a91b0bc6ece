"""The `jwks` function: the JWK Set (RFC 7517) an application carries as text in `jwks`.

Each rule selects one `check`. Text that is not a JWK Set is left to the `json` function, so a
broken set gives one finding, not one per check. Details name keys by position ("key 1") and use
only p1lint's own words — member names, curve names from a fixed table, bit sizes — and never
quote a value from the set: a pasted set may hold private key material."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal

from p1lint.functions import check_function
from p1lint.functions.base import Context, Options, Problem
from p1lint.functions.json_text import parse_json_text

Check = Literal["private-members", "key-size", "duplicate-kid", "mixed-use", "malformed-key", "no-keys"]
Key = dict[str, Any]
IndexedKeys = list[tuple[int, Key]]

PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth")
REQUIRED_MEMBERS = {"RSA": ("n", "e"), "EC": ("crv", "x", "y"), "OKP": ("crv", "x")}
BINARY_MEMBERS = ("n", "e", "x", "y")
EC_CURVE_BITS = {"P-192": 192, "P-224": 224, "P-256": 256, "P-384": 384, "P-521": 521, "secp256k1": 256}
ENCRYPTION_OPS = frozenset({"encrypt", "wrapKey"})
SIGNATURE_OPS = frozenset({"verify"})
ENCRYPTION_ALGS = re.compile(r"^(RSA-OAEP|RSA1_5|ECDH-ES|A\d+(KW|GCMKW)$|dir$)")
SIGNATURE_ALGS = re.compile(r"^(RS|PS|ES|HS)\d+K?$|^EdDSA$|^Ed(25519|448)$")
BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")


class JwksOptions(Options):
    check: Check
    min_rsa_bits: int = 2048
    min_ec_bits: int = 256


@check_function("jwks", JwksOptions)
def jwks(value: Any, options: JwksOptions, context: Context) -> Iterator[Problem]:
    """A `jwks` text that parses as a JWK Set must pass the selected `check`."""
    keys = _key_list(value, context.memo)
    if keys is None:
        if options.check == "private-members":
            yield from _private_members_in_text(value)
        return
    if options.check == "no-keys":
        if not keys:
            yield Problem("contains no keys")
        return
    indexed = [(index, key) for index, key in enumerate(keys) if isinstance(key, dict)]
    yield from _CHECKS[options.check](indexed, options)


def _key_list(value: Any, memo: dict[str, Any]) -> list[Any] | None:
    """The `keys` array of a parsed JWK Set, or None when the value is not one. A set written as
    an object rather than text is the structure rules' business, but its keys are checked too."""
    if not isinstance(value, (str, dict)):
        return None
    parsed = value if isinstance(value, dict) else parse_json_text(value, memo)
    keys = parsed.get("keys") if isinstance(parsed, dict) else None
    return keys if isinstance(keys, list) else None


PRIVATE_MEMBER_TEXT = re.compile(r'"(d|p|q|dp|dq|qi|oth|k)"\s*:')


def _private_members_in_text(value: Any) -> Iterator[Problem]:
    """Text that does not parse can still hold a private key: look for the member names."""
    if isinstance(value, str):
        found = sorted(set(PRIVATE_MEMBER_TEXT.findall(value)))
        if found:
            members = ", ".join(found)
            yield Problem(f"does not parse, but contains the private or symmetric key member(s) {members}")


def _private_members(keys: IndexedKeys, options: JwksOptions) -> Iterator[Problem]:
    for index, key in keys:
        found = [member for member in PRIVATE_MEMBERS if member in key]
        if key.get("kty") == "oct" or "k" in key:
            yield Problem(f"key {index} is a symmetric key (kty oct): its shared secret is in the file")
        elif found:
            yield Problem(f"key {index} contains the private key member(s) {', '.join(found)}")


def _key_size(keys: IndexedKeys, options: JwksOptions) -> Iterator[Problem]:
    for index, key in keys:
        detail = _rsa_size(key, options) if key.get("kty") == "RSA" else _ec_size(key, options)
        if detail:
            yield Problem(f"key {index} {detail}")


def _rsa_size(key: Key, options: JwksOptions) -> str | None:
    bits = _rsa_bits(key)
    if bits is None or bits >= options.min_rsa_bits:
        return None
    return f"is a {bits}-bit RSA key; at least {options.min_rsa_bits} bits are required"


def _ec_size(key: Key, options: JwksOptions) -> str | None:
    if key.get("kty") != "EC":
        return None
    curve, bits = _ec_curve(key)
    if bits is None or bits >= options.min_ec_bits:
        return None
    return f"uses {curve} ({bits} bits); use P-256 or a larger curve"


def _rsa_bits(key: Key) -> int | None:
    modulus = decode_base64url(key.get("n"))
    return int.from_bytes(modulus, "big").bit_length() if modulus else None


def _ec_curve(key: Key) -> tuple[str, int | None]:
    """The curve's name (only when p1lint knows it) and its size in bits."""
    crv = key.get("crv")
    if isinstance(crv, str) and crv in EC_CURVE_BITS:
        return f"the curve {crv}", EC_CURVE_BITS[crv]
    coordinate = decode_base64url(key.get("x"))
    return "an unregistered curve", (8 * len(coordinate) if coordinate else None)


def _duplicate_kid(keys: IndexedKeys, options: JwksOptions) -> Iterator[Problem]:
    """Same `kid` and same `kty`; RFC 7517 §4.5 allows a shared `kid` across key types."""
    seen: dict[tuple[str, Any], int] = {}
    for index, key in keys:
        kid = key.get("kid")
        if not isinstance(kid, str):
            continue
        identity = (kid, key.get("kty") if isinstance(key.get("kty"), str) else None)
        if identity in seen:
            yield Problem(f"keys {seen[identity]} and {index} have the same kid and key type")
        else:
            seen[identity] = index


def _mixed_use(keys: IndexedKeys, options: JwksOptions) -> Iterator[Problem]:
    purposes = {index: key_purpose(key) for index, key in keys}
    encryption = [index for index, purpose in purposes.items() if purpose == "enc"]
    if not encryption or len(encryption) == len(purposes):
        return
    for index, key in keys:
        if not isinstance(key.get("use"), str):
            yield Problem(f'key {index} has no "use" although the set mixes signing and encryption keys')


def key_purpose(key: Key) -> Literal["sig", "enc"] | None:
    """What a key is for: its `use`, else what its `key_ops` or `alg` imply, else unknown."""
    use = key.get("use")
    if use == "sig":
        return "sig"
    if use == "enc":
        return "enc"
    ops = key.get("key_ops")
    if isinstance(ops, list) and ops:
        names = {op for op in ops if isinstance(op, str)}
        return "enc" if names & ENCRYPTION_OPS else "sig" if names & SIGNATURE_OPS else None
    alg = key.get("alg")
    if isinstance(alg, str):
        return "enc" if ENCRYPTION_ALGS.match(alg) else "sig" if SIGNATURE_ALGS.match(alg) else None
    return None


def _malformed_key(keys: IndexedKeys, options: JwksOptions) -> Iterator[Problem]:
    for index, key in keys:
        kty = key.get("kty")
        if not isinstance(kty, str) or not kty:
            yield Problem(f"key {index} has no kty (key type)")
        elif kty in REQUIRED_MEMBERS:
            detail = _member_problem(key, REQUIRED_MEMBERS[kty])
            if detail:
                yield Problem(f"key {index} ({kty}) {detail}")


def _member_problem(key: Key, required: tuple[str, ...]) -> str | None:
    missing = [name for name in required if not (isinstance(key.get(name), str) and key[name])]
    if missing:
        return f"lacks {', '.join(missing)}"
    garbled = [name for name in required if name in BINARY_MEMBERS and decode_base64url(key[name]) is None]
    return f"has {', '.join(garbled)} not in base64url" if garbled else None


def decode_base64url(text: Any) -> bytes | None:
    """Bytes of an unpadded (or padded) base64url string; None for anything else."""
    if not isinstance(text, str):
        return None
    bare = text.rstrip("=")
    if not BASE64URL.match(bare) or len(bare) % 4 == 1 or len(text) - len(bare) > 2:
        return None
    try:
        return base64.urlsafe_b64decode(bare + "=" * (-len(bare) % 4))
    except (binascii.Error, ValueError):
        return None


_CHECKS: dict[str, Callable[[IndexedKeys, JwksOptions], Iterator[Problem]]] = {
    "private-members": _private_members,
    "key-size": _key_size,
    "duplicate-kid": _duplicate_kid,
    "mixed-use": _mixed_use,
    "malformed-key": _malformed_key,
}
