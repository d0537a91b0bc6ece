"""A stand-in for PingOne on the loopback address, for the `p1lint pull` tests: the token
endpoint and the Management API, serving the acme-directory snapshot (and two more applications)
in the API's shapes — list responses with `_embedded`, `_links.self` and `_links.next.href`
(cursor pagination), `count` and `size`; P1Error bodies (`id`, `code`, `message`); OAuth errors
(`error`, `error_description`). Faults are queued per path: a status with headers, a slow
answer, malformed JSON."""

from __future__ import annotations

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

from tests.support import FIXTURES

ACME = FIXTURES / "environments" / "acme-directory"
ENVIRONMENT = "c2a9cf6f-bdf5-4fd0-a82c-fd435399dfa8"  # the environment pulled
ADMINISTRATORS = "7445aeb0-c8ef-4b69-961b-eec1540cb4a5"  # the worker's (and the admin's) environment
CLIENT_ID = "5b0f6c1e-8d2a-4c4e-9a57-3f1e2d3c4b5a"
CLIENT_SECRET = "Wk3-9qLx~Tz2Vb8Ns4Rm7Hd1Yc6Jf0Pa.GuEoIiKlMnBvCxZ"
ACTOR_USER = "b935ee5f-2951-4f43-b3c2-fe895d035956"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.test-access-token.sig"
SCHEMA_ID = "0a7e6ab2-6b4b-4f2e-8f3d-2c1b0a9e8d7c"
BILLING = "d4e5f6a7-b8c9-4d0e-a1f2-b3c4d5e6f7a8"
SIGNING = "e5f6a7b8-c9d0-4e1f-b2a3-c4d5e6f7a8b9"
APP_SECRET = "Zp8-Qw2~Er5Ty7Ui9Op1As3Df6Gh0Jk.LzXcVbNmQwErTy"
PREVIOUS_SECRET = "Hj4-Kl6~Mn8Bv0Cx2Za5Sd7Fg9Qw1Er.TyUiOpAsDfGhJk"
PRIVATE_D = "pRiVaTe-ec-scalar-Xq3v9lM2pTs8Kw0bZr4YdN7cHfJ1uAQeRt"
SECRETS = (CLIENT_SECRET, APP_SECRET, PREVIOUS_SECRET, PRIVATE_D)


class Fault(NamedTuple):
    status: int = 200
    headers: dict[str, str] = {}
    body: bytes | None = None  # None: the path's own answer
    delay: float = 0.0


def _read(name: str) -> Any:
    return json.loads((ACME / name).read_text())


def _listed(name: str, entries: list[Any]) -> tuple[str, list[Any]]:
    return name, entries


class FakePingOne:
    """Routes: path -> an object, or (embedded name, entries) for a list."""

    def __init__(self, page_size: int = 3) -> None:
        self.page_size = page_size
        self.routes: dict[str, Any] = _routes()
        self.faults: dict[str, list[Fault]] = {}
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakePingOne:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fault(self, path: str, *faults: Fault) -> None:
        self.faults.setdefault(path, []).extend(faults)

    def next_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self.faults.get(path)
            return queue.pop(0) if queue else None

    def record(self, method: str, path: str) -> None:
        with self._lock:
            self.requests.append((method, path))


def _routes() -> dict[str, Any]:
    api = f"/v1/environments/{ENVIRONMENT}"
    applications = [*_read("applications.json")["_embedded"]["applications"], *_extra_applications()]
    roles = _read("roles.json")["_embedded"]["roles"]
    scopes = _read("scopes.json")["_embedded"]["scopes"]
    resources = _read("resources.json")["_embedded"]["resources"]
    actor = _read("actor.json")
    routes: dict[str, Any] = {
        api: _read("environment.json"),
        f"{api}/applications": ("applications", applications),
        f"{api}/resources": ("resources", resources),
        f"{api}/signOnPolicies": ("signOnPolicies", _read("signOnPolicies.json")["_embedded"]["signOnPolicies"]),
        f"{api}/flowPolicies": ("flowPolicies", _read("flowPolicies.json")["_embedded"]["flowPolicies"]),
        f"{api}/groups": ("groups", _read("groups.json")["_embedded"]["groups"]),
        f"{api}/populations": ("populations", _read("populations.json")["_embedded"]["populations"]),
        "/v1/roles": ("roles", [r for r in roles if r.get("type") != "CUSTOM"]),
        f"{api}/roles": ("roles", [r for r in roles if r.get("type") == "CUSTOM"]),
        f"{api}/schemas": ("schemas", [{"id": SCHEMA_ID, "name": "User", "environment": {"id": ENVIRONMENT}}]),
        f"{api}/schemas/{SCHEMA_ID}/attributes": ("attributes", _read("schema.json")["attributes"]),
        f"/v1/environments/{ADMINISTRATORS}/users/{ACTOR_USER}": {"id": ACTOR_USER, "username": actor["name"]},
        f"/v1/environments/{ADMINISTRATORS}/users/{ACTOR_USER}/roleAssignments":
            ("roleAssignments", actor["roleAssignments"]),
        f"/v1/environments/{ADMINISTRATORS}/applications/{CLIENT_ID}": {"id": CLIENT_ID, "name": "Audit worker"},
        f"/v1/environments/{ADMINISTRATORS}/applications/{CLIENT_ID}/roleAssignments": ("roleAssignments", [
            {"id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", "role": {"id": roles[1]["id"]},
             "scope": {"id": ENVIRONMENT, "type": "ENVIRONMENT"}, "environment": {"id": ADMINISTRATORS},
             "readOnly": False}]),
    }
    for resource in resources:
        routes[f"{api}/resources/{resource['id']}/scopes"] = (
            "scopes", [s for s in scopes if s.get("resource", {}).get("id") == resource["id"]])
    for application in applications:
        base = f"{api}/applications/{application['id']}"
        for name in ("grants", "signOnPolicyAssignments", "flowPolicyAssignments", "attributes", "roleAssignments"):
            file = ACME / "applications" / application["id"] / f"{name}.json"
            entries = json.loads(file.read_text())["_embedded"][name] if file.exists() else []
            routes[f"{base}/{name}"] = (name, entries)
    routes[f"{api}/applications/{BILLING}/secret"] = {
        "environment": {"id": ENVIRONMENT}, "secret": APP_SECRET,
        "previous": {"secret": PREVIOUS_SECRET, "expiresAt": "2999-01-01T00:00:00.000Z",
                     "lastUsed": "2026-05-01T08:00:00.000Z"}}
    return routes


def _extra_applications() -> list[dict[str, Any]]:
    """A worker whose previous secret is still valid, and a web application that published a
    private key in its JWKS."""
    jwks = {"keys": [{"kty": "EC", "crv": "P-256", "kid": "signing-1", "use": "sig",
                      "x": "gw4HvB45jxASvUrO-uy9OJvkvPxJtkoIcubMOrq87SA",
                      "y": "a_RsaX0sr4Lu6sviJuh1VVeQ-C7B0_z_Kjr01GsKGOg", "d": PRIVATE_D}]}
    common = {"environment": {"id": ENVIRONMENT}, "enabled": True, "protocol": "OPENID_CONNECT",
              "corsSettings": {"behavior": "ALLOW_NO_ORIGINS"},
              "createdAt": "2025-01-10T10:00:00.000Z", "updatedAt": "2025-01-10T10:00:00.000Z"}
    return [
        {**common, "id": BILLING, "name": "Billing worker", "type": "WORKER",
         "grantTypes": ["CLIENT_CREDENTIALS"], "tokenEndpointAuthMethod": "CLIENT_SECRET_BASIC"},
        {**common, "id": SIGNING, "name": "Signing partner", "type": "WEB_APP",
         "grantTypes": ["AUTHORIZATION_CODE"], "responseTypes": ["CODE"], "pkceEnforcement": "S256_REQUIRED",
         "redirectUris": ["https://signing.acme.example.com/callback"],
         "tokenEndpointAuthMethod": "PRIVATE_KEY_JWT", "jwks": json.dumps(jwks)},
    ]


def _handler(api: FakePingOne) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            api.record("POST", parts.path)
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode())
            if self._fault(parts.path):
                return
            if parts.path != f"/{ADMINISTRATORS}/as/token" or form.get("grant_type") != ["client_credentials"]:
                self._send(400, {"error": "invalid_request", "error_description": "bad token request"})
            elif self._credentials(form) != (CLIENT_ID, CLIENT_SECRET):
                self._send(401, {"error": "invalid_client", "error_description": "Request denied: Invalid client credentials"})
            else:
                self._send(200, {"access_token": TOKEN, "token_type": "Bearer", "expires_in": 3600})

        def _credentials(self, form: dict[str, list[str]]) -> tuple[str, str]:
            header = self.headers.get("Authorization", "")
            if header.startswith("Basic "):
                identifier, _, secret = base64.b64decode(header[6:]).decode().partition(":")
                return identifier, secret
            return form.get("client_id", [""])[0], form.get("client_secret", [""])[0]

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            api.record("GET", parts.path)
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._send(401, {"id": "e1", "code": "ACCESS_FAILED", "message": "The request could not be completed. You do not have access to this resource."})
                return
            if self._fault(parts.path):
                return
            route = api.routes.get(parts.path)
            if route is None:
                self._send(404, {"id": "e2", "code": "NOT_FOUND", "message": "The requested resource was not found."})
            elif isinstance(route, tuple):
                self._send(200, self._page(parts, *route))
            else:
                self._send(200, {"_links": {"self": {"href": api.url + parts.path}}, **route})

        def _page(self, parts: Any, name: str, entries: list[Any]) -> dict[str, Any]:
            query = parse_qs(parts.query)
            start = int(query.get("cursor", ["0"])[0])
            size = api.page_size
            page = entries[start:start + size]
            links: dict[str, Any] = {"self": {"href": api.url + parts.path}}
            if start + size < len(entries):
                links["next"] = {"href": f"{api.url}{parts.path}?cursor={start + size}&limit={size}"}
            return {"_links": links, "_embedded": {name: page}, "count": len(entries), "size": len(page)}

        def _fault(self, path: str) -> bool:
            fault = api.next_fault(path)
            if fault is None:
                return False
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status == 200 and fault.body is None:
                return False  # only slow: the path's own answer follows
            body = fault.body if fault.body is not None else json.dumps(
                {"id": "e3", "code": "REQUEST_FAILED", "message": f"status {fault.status}"}).encode()
            self.send_response(fault.status)
            for key, value in fault.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return True

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def pull_environment(server: FakePingOne) -> dict[str, str]:
    """The environment variables a worker's pull from `server` reads."""
    return {"PINGONE_CLIENT_ID": CLIENT_ID, "PINGONE_CLIENT_SECRET": CLIENT_SECRET,
            "PINGONE_ENVIRONMENT_ID": ADMINISTRATORS, "PINGONE_REGION_CODE": "NA"}


def pull_arguments(server: FakePingOne) -> list[str]:
    return ["--environment", ENVIRONMENT, "--api-url", server.url, "--auth-url", server.url,
            "--actor-user", ACTOR_USER]


def written_text(directory: Path) -> str:
    return "\n".join(path.read_text() for path in sorted(directory.rglob("*")) if path.is_file())
