"""Credentials hidden from everything p1lint shows, found by parsing URIs — never by a regex.

A value quoted in a message may be a URI that carries a credential:
- user information, `https://user:password@host`, also in the forms browsers (and `urls.py`)
  accept without `//`: `https:user:pw@host`, `https:/user:pw@host`, `https:\\\\user:pw@host`;
- a password whose `@host` was cut off or lost: the "port" of `https://user:password`, or of
  `https://user:pa/ss@host`, where the `/` in the password ends the authority;
- the value of a query or fragment parameter named like a credential (`?client_secret=…`,
  `#access_token=…`), also inside a URI nested in another parameter (`?next=https://…`).

`redact_text` is the one function that hides them: it parses the text as a browser reads a URI,
and each whitespace- or quote-separated word of it too, and replaces exactly the spans that hold
a credential by `[redacted]`. `messages.render` passes every value and detail it interpolates
through it, together with the credentials found in the checked value (`credentials_in`), so
that no check function can quote a piece of a credential in its own words either."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, unquote_plus

from p1lint.urls import C0_OR_SPACE, SPECIAL_SCHEMES, Uri, parse_uri

REDACTED = "[redacted]"
MAX_NESTING = 3  # URIs inside parameter values inside URIs ...
MAX_WALK_DEPTH = 8
MAX_WALK_VALUES = 2_000  # values of a checked value searched for credentials a detail might quote
MAX_SHOWN_TEXT = 2_000  # characters of one text shown (a message shows far fewer)
MAX_REMEMBERED_TEXT = 512  # texts up to this length have their spans remembered
MIN_QUOTED_CREDENTIAL = 3  # shorter pieces are not searched for in free text (they would hit words)

# Parameter names whose value is a credential, compared after percent-decoding, in lowercase,
# with `-` read as `_`. Sources: RFC 6749 §2.3.1 (client_secret), §4.1.2 (code), §4.2.2
# (access_token), §4.3.2 (password), §6 (refresh_token); RFC 7009 §2.1 (token); RFC 7521 §4.2
# and RFC 7523 §2.1 and §2.2 (assertion, client_assertion); RFC 7636 §4.5 (code_verifier); RFC 8628
# §3.4 (device_code); RFC 8693 §2.1 (subject_token, actor_token); OpenID Connect Core 1.0
# §3.2.2.5 (id_token), RP-Initiated Logout 1.0 §2 (id_token_hint), Back-Channel Logout 1.0 §2.5
# (logout_token), CIBA Core 1.0 §7.1 (login_hint_token); SAML 2.0 Bindings §3.4 to §3.6
# (SAMLResponse, SAMLart); AWS Signature Version 4 query authentication (X-Amz-Signature,
# X-Amz-Credential, X-Amz-Security-Token); Google Cloud Storage signed URLs (X-Goog-Signature,
# X-Goog-Credential); Azure shared access signatures (sig); Google API keys (key).
CREDENTIAL_PARAMETERS = frozenset({
    "access_token", "actor_token", "api_key", "apikey", "assertion", "auth", "authorization",
    "client_assertion", "client_secret", "code", "code_verifier", "credential", "credentials",
    "device_code", "id_token", "id_token_hint", "jwt", "key", "login_hint_token", "logout_token",
    "pass", "passwd", "password", "pwd", "refresh_token", "samlart", "samlresponse", "secret",
    "session", "sessionid", "sid", "sig", "signature", "subject_token", "token",
    "x_amz_credential", "x_amz_security_token", "x_amz_signature", "x_goog_credential",
    "x_goog_signature",
})
# A parameter (or JSON key) whose name contains one of these is a credential too.
CREDENTIAL_NAME_PARTS = ("secret", "passw", "token", "api_key", "apikey", "private_key",
                         "privatekey", "signature", "credential", "assertion")
# Keys whose values are treated as credentials wherever they appear (misspelt ones included).
SENSITIVE_KEY_NAME = re.compile(
    r"(?i)secret|passw(or)?d|private_?key|api_?key|decryption_?key|verification_?key|service_?account_?credentials"
)
WORD_BREAK = re.compile(r"[\s\"'<>`]+")
PARAMETER_BREAK = re.compile(r"[&;?#]")
SPAN_ENDS = "/\\?#"

Span = tuple[int, int]


def is_credential_name(key: object) -> bool:
    """`clientSecret`, `client_secret`, `password`, `decryptionKey`, ...: a name that says credential."""
    return isinstance(key, str) and SENSITIVE_KEY_NAME.search(key) is not None


@lru_cache(maxsize=1024)
def is_credential_parameter(name: str) -> bool:
    """`client_secret`, `Access-Token`, `api%5Fkey`, `X-Amz-Signature`: a parameter holding a credential."""
    normal = unquote_plus(name).strip().lower().replace("-", "_")
    return (normal in CREDENTIAL_PARAMETERS or any(part in normal for part in CREDENTIAL_NAME_PARTS)
            or is_credential_name(normal))


def redact_text(text: str, credentials: Iterable[str] = ()) -> str:
    """`text` with every credential a URI in it carries, and every occurrence of the given
    `credentials` (pieces of a checked value), replaced by `[redacted]`; a text longer than
    `MAX_SHOWN_TEXT` is cut there (with `…`), so that the work stays linear in what is shown."""
    shown = cut_spans(text[:MAX_SHOWN_TEXT], _all_spans(text)) + ("…" if len(text) > MAX_SHOWN_TEXT else "")
    for credential in sorted(set(credentials), key=len, reverse=True):
        if len(credential) >= MIN_QUOTED_CREDENTIAL:
            shown = shown.replace(credential, REDACTED)
    return shown


def credentials_in(value: Any, sensitive: bool = False) -> Iterator[str]:
    """The credentials below `value`: what `credential_spans` finds in its strings, and whole
    strings at sensitive places (under a credential's name, or all of `value` if `sensitive`).
    At most `MAX_WALK_VALUES` values, `MAX_WALK_DEPTH` deep, are looked at."""
    stack: list[tuple[Any, bool, int]] = [(value, sensitive, 0)]
    for _ in range(MAX_WALK_VALUES):
        if not stack:
            return
        node, secret, depth = stack.pop()
        if isinstance(node, str):
            yield from [node] if secret else (node[a:b] for a, b in _all_spans(node))
        elif depth < MAX_WALK_DEPTH and isinstance(node, dict):
            stack += [(child, secret or is_credential_name(key), depth + 1) for key, child in node.items()]
        elif depth < MAX_WALK_DEPTH and isinstance(node, list):
            stack += [(item, secret, depth + 1) for item in node]


def _all_spans(text: str) -> frozenset[Span]:
    """Spans of `text` read as one URI, and of each URI-like word among its first characters
    (worked out once for a short text: details and values repeat across a run's findings)."""
    return _short_text_spans(text) if len(text) <= MAX_REMEMBERED_TEXT else _spans(text)


@lru_cache(maxsize=4096)
def _short_text_spans(text: str) -> frozenset[Span]:
    return _spans(text)


def _spans(text: str) -> frozenset[Span]:
    return frozenset((*credential_spans(text), *word_spans(text[:MAX_SHOWN_TEXT])))


def word_spans(text: str) -> Iterator[Span]:
    """Spans of URIs written inside a longer text (`see https://u:pw@host`); only a word with
    `@`, `:` or `=` can hold a credential."""
    start = 0
    for match in WORD_BREAK.finditer(text + " "):
        word = text[start : match.start()]
        if any(mark in word for mark in "@:="):
            yield from _shifted(credential_spans(word), start)
        start = match.end()


def _shifted(spans: Iterable[Span], offset: int) -> Iterator[Span]:
    return ((start + offset, end + offset) for start, end in spans)


def cut_spans(text: str, spans: Iterable[Span]) -> str:
    """`text` with the (possibly overlapping) spans replaced by one marker each; spans may reach
    beyond the end of `text` (a text cut short)."""
    parts, position = [], 0
    for start, end in sorted(spans):
        if start >= len(text):
            break
        if end <= position:
            continue
        parts += [text[position : max(start, position)], REDACTED] if start >= position else []
        position = max(position, end)
    return "".join(parts) + text[position:] if parts else text


def credential_spans(raw: str, depth: int = 0) -> list[Span]:
    """The spans of `raw` that hold a credential when `raw` is read as one URI."""
    uri = parse_uri(raw)
    if not uri.text:
        return []
    spans = [*_authority_spans(uri), *_parameter_spans(uri, depth)]
    return list(_in_raw(raw, uri.text, spans))


def _in_raw(raw: str, text: str, spans: list[Span]) -> Iterator[Span]:
    """Map spans of the browser's text (trimmed, without tabs and newlines) back onto `raw`."""
    spans = [(start, end) for start, end in spans if end > start]
    lead = len(raw) - len(raw.lstrip(C0_OR_SPACE))
    if not spans or raw.startswith(text, lead):  # nothing to map, or nothing was dropped inside
        yield from _shifted(spans, lead)
        return
    kept = [i for i in range(lead, len(raw)) if raw[i] not in "\t\n\r"][: len(text)]
    for start, end in spans:
        yield kept[start], kept[end - 1] + 1


def _authority_spans(uri: Uri) -> list[Span]:
    start = _authority_start(uri)
    if start is None or uri.authority is None:
        return []
    end = start + len(uri.authority)
    if uri.text[start:end] != uri.authority:  # cannot happen; hide all but the scheme if it does
        return [(len(uri.scheme or ""), len(uri.text))]
    spans = [(start, start + len(uri.userinfo))] if uri.userinfo is not None else []
    if uri.scheme_lower in SPECIAL_SCHEMES and _port_is_a_password(uri.port):
        last_at = uri.text.rfind("@")
        spans.append((end - len(uri.port), max(end, last_at)))
    return spans


def _authority_start(uri: Uri) -> int | None:
    if uri.authority is None:
        return None
    after_scheme = len(uri.scheme) + 1 if uri.scheme is not None else 0
    rest = uri.text[after_scheme:]
    if uri.scheme_lower in SPECIAL_SCHEMES:  # any run of slashes or backslashes starts it
        return after_scheme + len(rest) - len(rest.lstrip("/\\"))
    return after_scheme + 2


def _port_is_a_password(port: str) -> bool:
    """A port of letters is the password of `user:password` whose `@host` went missing."""
    return bool(port.strip("0123456789*"))


def _parameter_spans(uri: Uri, depth: int) -> list[Span]:
    spans: list[Span] = []
    fragment_start = uri.text.find("#")
    query_start = uri.text.find("?")
    if uri.query is not None:
        spans += _component_spans(uri.text, query_start + 1, uri.query, depth)
    if uri.fragment is not None:
        spans += _component_spans(uri.text, fragment_start + 1, uri.fragment, depth)
    return spans


def _component_spans(text: str, start: int, component: str, depth: int) -> list[Span]:
    """Credential values of a query or fragment; only parameters that start where text is still
    shown (`MAX_SHOWN_TEXT`) are read, so that the work stays linear in what is shown."""
    if text[start : start + len(component)] != component:  # cannot happen; hide it all if it does
        return [(start, len(text))]
    shown = component[: max(0, MAX_SHOWN_TEXT - start)]
    return list(_shifted(_parameters(shown, depth), start))


def _parameters(component: str, depth: int) -> Iterator[Span]:
    """Spans of credential values among `name=value` pairs split at `&`, `;`, `?` and `#`."""
    position = 0
    for piece in PARAMETER_BREAK.split(component):
        name, equals, value = piece.partition("=")
        value_start = position + len(name) + 1
        if equals and value:
            yield from _shifted(_value_spans(name, value, depth), value_start)
        position += len(piece) + 1


def _value_spans(name: str, value: str, depth: int) -> list[Span]:
    """All of a credential's value; in another value, the credentials of a URI nested in it."""
    if is_credential_parameter(name):
        return [(0, len(value))]
    if depth >= MAX_NESTING:
        return []
    decoded = unquote(value)
    nested = credential_spans(decoded, depth + 1)
    if nested and decoded != value:  # the spans are of the decoded text: hide all of the value
        return [(0, len(value))]
    return nested
