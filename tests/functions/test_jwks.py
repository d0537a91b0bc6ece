"""`jwks`: each check on a pasted JWK Set, and that no detail ever quotes a value from the set."""

from __future__ import annotations

import base64
import json

import pytest

from p1lint.documents.fields import MISSING
from p1lint.functions import get_function
from p1lint.functions.base import Context
from p1lint.functions.jwks import decode_base64url, key_purpose

FUNCTION = get_function("jwks")


def b64(number: int, size: int) -> str:
    return base64.urlsafe_b64encode(number.to_bytes(size, "big")).rstrip(b"=").decode()


def rsa(bits: int, **extra):
    return {"kty": "RSA", "e": "AQAB", "n": b64((1 << (bits - 1)) | 1, bits // 8), **extra}


def ec(crv="P-256", size=32, **extra):
    return {"kty": "EC", "crv": crv, "x": b64(7, size), "y": b64(9, size), **extra}


def text(*keys) -> str:
    return json.dumps({"keys": list(keys)})


def run(value, check, **options):
    options = FUNCTION.options(check=check, **options)
    return [p.detail for p in FUNCTION.check(value, options, Context({}))]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([ec(), rsa(2048)], []),
        ([ec(d="c2VjcmV0")], ["key 0 contains the private key member(s) d"]),
        ([ec(), rsa(2048, d="x", p="y", q="z", dp="a", dq="b", qi="c")],
         ["key 1 contains the private key member(s) d, p, q, dp, dq, qi"]),
        ([rsa(2048, oth=[])], ["key 0 contains the private key member(s) oth"]),
        ([{"kty": "oct", "k": "c2VjcmV0"}], ["key 0 is a symmetric key (kty oct): its shared secret is in the file"]),
        ([{"kty": "oct"}], ["key 0 is a symmetric key (kty oct): its shared secret is in the file"]),
        ([{"k": "c2VjcmV0"}], ["key 0 is a symmetric key (kty oct): its shared secret is in the file"]),
        (["not a key", ec(d="x")], ["key 1 contains the private key member(s) d"]),
    ],
)
def test_private_members(keys, expected):
    assert run(text(*keys), "private-members") == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([rsa(2048), rsa(4096), ec(), ec("P-384", 48), ec("P-521", 66)], []),
        ([rsa(1024)], ["key 0 is a 1024-bit RSA key; at least 2048 bits are required"]),
        ([ec(), rsa(2040)], ["key 1 is a 2040-bit RSA key; at least 2048 bits are required"]),
        ([ec("P-192", 24)], ["key 0 uses the curve P-192 (192 bits); use P-256 or a larger curve"]),
        ([ec("P-224", 28)], ["key 0 uses the curve P-224 (224 bits); use P-256 or a larger curve"]),
        ([ec("brainpoolP160r1", 20)], ["key 0 uses an unregistered curve (160 bits); use P-256 or a larger curve"]),
        ([ec("brainpoolP512r1", 64)], []),
        ([{"kty": "RSA", "e": "AQAB", "n": "***"}], []),
        ([{"kty": "RSA", "e": "AQAB"}], []),
        ([{"kty": "OKP", "crv": "Ed25519", "x": b64(5, 32)}], []),
    ],
)
def test_key_size(keys, expected):
    assert run(text(*keys), "key-size") == expected


def test_key_size_thresholds_are_options():
    assert run(text(ec("P-224", 28)), "key-size", min_ec_bits=224) == []
    assert run(text(rsa(2048)), "key-size", min_rsa_bits=3072) == [
        "key 0 is a 2048-bit RSA key; at least 3072 bits are required"
    ]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([ec(kid="a"), ec(kid="b")], []),
        ([ec(kid="a"), ec(kid="b"), ec(kid="a"), ec(kid="a")],
         ["keys 0 and 2 have the same kid and key type", "keys 0 and 3 have the same kid and key type"]),
        ([ec(kid="a"), rsa(2048, kid="a")], []),
        ([ec(), ec()], []),
        ([ec(kid=1), ec(kid=1)], []),
    ],
)
def test_duplicate_kid(keys, expected):
    assert run(text(*keys), "duplicate-kid") == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([ec(), ec()], []),
        ([ec(use="sig"), ec(use="enc")], []),
        ([ec(use="enc"), ec(use="enc")], []),
        ([ec(), ec(use="enc")], ['key 0 has no "use" although the set mixes signing and encryption keys']),
        ([ec(use="sig"), rsa(2048, alg="RSA-OAEP-256")],
         ['key 1 has no "use" although the set mixes signing and encryption keys']),
        ([rsa(2048, key_ops=["verify"]), rsa(2048, key_ops=["wrapKey"])],
         ['key 0 has no "use" although the set mixes signing and encryption keys',
          'key 1 has no "use" although the set mixes signing and encryption keys']),
        ([ec(alg="ES256"), ec(alg="ES384")], []),
    ],
)
def test_mixed_use(keys, expected):
    assert run(text(*keys), "mixed-use") == expected


@pytest.mark.parametrize(
    ("key", "purpose"),
    [
        ({"use": "sig"}, "sig"),
        ({"use": "enc", "alg": "RS256"}, "enc"),
        ({"key_ops": ["encrypt"]}, "enc"),
        ({"key_ops": ["verify"]}, "sig"),
        ({"key_ops": ["deriveKey"]}, None),
        ({"alg": "ECDH-ES+A128KW"}, "enc"),
        ({"alg": "A256KW"}, "enc"),
        ({"alg": "PS256"}, "sig"),
        ({"alg": "EdDSA"}, "sig"),
        ({"alg": "ES256K"}, "sig"),
        ({"alg": "none"}, None),
        ({}, None),
    ],
)
def test_key_purpose(key, purpose):
    assert key_purpose(key) == purpose


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([ec(), rsa(2048), {"kty": "OKP", "crv": "Ed25519", "x": b64(5, 32)}], []),
        ([{"crv": "P-256"}], ["key 0 has no kty (key type)"]),
        ([{"kty": ""}], ["key 0 has no kty (key type)"]),
        ([{"kty": "RSA", "n": b64(1, 256)}], ["key 0 (RSA) lacks e"]),
        ([{"kty": "EC", "crv": "P-256", "x": "", "y": b64(1, 32)}], ["key 0 (EC) lacks x"]),
        ([ec(x="gw4H+B45/xAS")], ["key 0 (EC) has x not in base64url"]),
        ([ec(x="abcde")], ["key 0 (EC) has x not in base64url"]),
        ([{"kty": "OKP", "crv": "Ed25519"}], ["key 0 (OKP) lacks x"]),
        ([{"kty": "oct"}, {"kty": "Dilithium"}], []),
    ],
)
def test_malformed_key(keys, expected):
    assert run(text(*keys), "malformed-key") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('{"keys": []}', ["contains no keys"]),
        (text(ec()), []),
        ("not json", []),
        ('{"keys": {}}', []),
        (MISSING, []),
    ],
)
def test_no_keys(value, expected):
    assert run(value, "no-keys") == expected


@pytest.mark.parametrize("check", ["private-members", "key-size", "duplicate-kid", "mixed-use", "malformed-key"])
@pytest.mark.parametrize("value", ["{not json", '{"kty": "RSA"}', '{"keys": "x"}', "[]", None, 42, MISSING])
def test_text_that_is_not_a_key_set_is_left_to_the_json_rule(check, value):
    assert run(value, check) == []


def test_no_detail_quotes_a_value_from_the_set():
    values = ["S3CRETd", "S3CRETp", "S3CRETk", "kid-S3CRET", "crv-S3CRET", "S3CRET+x/"]
    keys = [
        {"kty": "RSA", "n": b64(3, 128), "e": "AQAB", "d": values[0], "p": values[1], "kid": values[3]},
        {"kty": "oct", "k": values[2], "kid": values[3]},
        {"kty": "EC", "crv": values[4], "x": values[5], "y": "AA", "kid": values[3], "use": "enc"},
        {"kty": "RSA", "n": b64(3, 128), "e": "AQAB", "kid": values[3]},
    ]
    checks = ["private-members", "key-size", "duplicate-kid", "mixed-use", "malformed-key", "no-keys"]
    details = [detail for check in checks for detail in run(text(*keys), check)]
    assert len(details) >= 5
    assert not [d for d in details if "S3CRET" in d]


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        ("AQAB", b"\x01\x00\x01"),
        ("AQ", b"\x01"),
        ("AQ==", b"\x01"),
        ("-_8", b"\xfb\xff"),
        ("", b""),
        ("A", None),
        ("AQ===", None),
        ("+/8", None),
        ("AQ AB", None),
        (None, None),
        (12, None),
    ],
)
def test_decode_base64url(encoded, decoded):
    assert decode_base64url(encoded) == decoded
