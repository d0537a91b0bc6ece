"""The HTTP client of a pull: httpx with TLS verified, timeouts, a bearer token from the worker's
client credentials, bounded retries with backoff, and pagination through `_links.next.href`.

Facts it relies on, and where they are written:
- the token: `POST {auth}/{envId}/as/token` with `grant_type=client_credentials`, the client id
  and secret by HTTP Basic (PingOne Platform API, "Get a worker application access token"); a
  worker whose token endpoint method is `CLIENT_SECRET_POST` gets them in the form instead, as
  golang.org/x/oauth2 (which the PingOne Go client uses) tries both;
- lists: `{"_embedded": {"<collection>": [...]}, "_links": {"next": {"href": ...}}, ...}`, the
  next page's cursor in `_links.next.href` (the Go SDK's `openapi.yaml`, `cursor` parameter);
- errors: `{"id", "code", "message", "details"}` (the SDK's `P1Error`);
- retries: 429 (honouring `Retry-After`, in seconds or as an HTTP date) and 5xx, as the Go SDK
  (`management/client_ext.go`, `testForRetryable`) does; bounded here by `Settings`.

A next link is followed only to the API's own origin: the bearer token goes nowhere else."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from p1lint import __version__
from p1lint.escaping import printable
from p1lint.findings import P1LintError
from p1lint.pull.credentials import Credentials
from p1lint.pull.endpoints import Endpoints

if TYPE_CHECKING:
    import httpx

RETRIED_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REFUSED_STATUSES = frozenset({400, 403, 404})
MAX_PAGES = 100_000  # a cycle of next links ends here, not in an endless pull
DETAIL_LENGTH = 300


class Settings(NamedTuple):
    timeout: float = 30.0  # seconds for each request (connect, read, write)
    retries: int = 4  # further attempts after the first, on 429, 5xx, timeouts and lost connections
    backoff: float = 0.5  # seconds before the first retry; doubled each time, with jitter
    max_delay: float = 30.0  # no wait is longer, whatever `Retry-After` asks
    page_size: int = 500  # `limit` of the lists that document it (at most 1000: groups, populations)


DEFAULTS = Settings()


class Refused(Exception):
    """The API refused one request (400, 403, 404): what it costs is the caller's decision."""

    def __init__(self, status: int, path: str, detail: str) -> None:
        super().__init__(f"HTTP {status} for GET {path}{': ' + detail if detail else ''}")
        self.status, self.path, self.detail = status, path, detail


class ApiClient:
    """Requests to one PingOne API on behalf of one worker."""

    def __init__(self, endpoints: Endpoints, credentials: Credentials, settings: Settings = DEFAULTS,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        self.endpoints, self.settings, self._credentials = endpoints, settings, credentials
        self._sleep = sleep
        self._http = httpx.Client(
            timeout=httpx.Timeout(settings.timeout), verify=True, follow_redirects=False,
            headers={"User-Agent": f"p1lint/{__version__}", "Accept": "application/json"})
        self._token: str | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def clean(self, text: str) -> str:
        """Text from the server or the network, fit to print: bounded, escaped, the secret out."""
        secret = self._credentials.secret.reveal()
        text = text.replace(secret, "[redacted]") if secret else text
        return printable(text[:DETAIL_LENGTH])

    # -- the token ---------------------------------------------------------------------------

    def token(self) -> str:
        with self._lock:
            if self._token is None:
                self._token = self._new_token()
            return self._token

    def _refresh(self, stale: str) -> None:
        with self._lock:
            if self._token == stale:
                self._token = None

    def _new_token(self) -> str:
        url = self.endpoints.token_url(self._credentials.environment_id)
        client_id, secret = self._credentials.client_id, self._credentials.secret.reveal()
        form = {"grant_type": "client_credentials"}
        response = self._send("POST", url, data=form, auth=(client_id, secret))
        if response.status_code in (400, 401) and _oauth_error(response) == "invalid_client":
            response = self._send("POST", url, data={**form, "client_id": client_id, "client_secret": secret})
        if response.status_code != 200:
            raise P1LintError(self._token_refused(response))
        body = self._json(response, "POST " + _path(url))
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise P1LintError(f"p1lint pull: the token endpoint {_path(url)} answered without an "
                              "access_token")
        return token

    def _token_refused(self, response: httpx.Response) -> str:
        reason = self.clean(_error_text(response))
        return (f"p1lint pull: PingOne refused the worker's credentials (HTTP {response.status_code}"
                f"{', ' + reason if reason else ''}): check PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET, "
                f"PINGONE_ENVIRONMENT_ID (the worker's environment) and the region")

    # -- API requests ------------------------------------------------------------------------

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """The JSON body of `GET {api}{path}` (or of a next link, a full URL of the API)."""
        url = self._api_url(path)
        for _ in range(2):  # a token that expired mid-pull is renewed once
            token = self.token()
            response = self._send("GET", url, params=params, headers={"Authorization": f"Bearer {token}"})
            if response.status_code != 401:
                break
            self._refresh(token)
        return self._answer(response, _path(url))

    def list_all(self, path: str, embedded: str, paged: bool = False) -> dict[str, Any]:
        """Every page of a list, as one list response: the first page's body with the entries of
        all pages under `_embedded.<embedded>` and no next link. `paged`: the endpoint documents
        the `limit` parameter (others are asked without it, and followed all the same)."""
        first = self.get(path, {"limit": self.settings.page_size} if paged else None)
        entries, body, pages = [], first, 0
        while True:
            entries.extend(_entries(body, embedded, path))
            following = _next_link(body)
            pages += 1
            if following is None or pages >= MAX_PAGES:
                break
            body = self.get(following)
        return _merged(first, embedded, entries)

    def _answer(self, response: httpx.Response, path: str) -> Any:
        status = response.status_code
        if status == 200:
            return self._json(response, "GET " + path)
        if status in REFUSED_STATUSES:
            raise Refused(status, path, self.clean(_error_text(response)))
        if status == 401:
            raise P1LintError(f"p1lint pull: the API refused the worker's token for GET {path} (HTTP 401): "
                              f"{self.clean(_error_text(response)) or 'the token is not accepted'}")
        raise P1LintError(f"p1lint pull: GET {path} failed: HTTP {status}"
                          f"{': ' + self.clean(_error_text(response)) if response.content else ''}")

    def _json(self, response: httpx.Response, what: str) -> Any:
        import json

        try:
            return json.loads(response.content)
        except (ValueError, UnicodeDecodeError) as error:
            reason = self.clean(str(error))
            raise P1LintError(f"p1lint pull: {what} answered with malformed JSON ({reason})") from None

    def _api_url(self, path: str) -> str:
        if not path.startswith(("https://", "http://")):
            return self.endpoints.api + path
        if _origin(path) != _origin(self.endpoints.api):
            raise P1LintError(f"p1lint pull: the API's next link leads to another host ({self.clean(path)}); "
                              "not followed")
        return path

    # -- sending, with retries -----------------------------------------------------------------

    def _send(self, method: str, url: str, **options: Any) -> httpx.Response:
        import httpx

        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                response = self._http.request(method, url, **options)
            except httpx.TimeoutException:
                problem, delay = f"no answer within {self.settings.timeout:g} s", self._backoff(attempt)
            except httpx.TransportError as error:
                problem, delay = f"connection failed ({self.clean(str(error))})", self._backoff(attempt)
            else:
                if response.status_code not in RETRIED_STATUSES:
                    return response
                problem = f"HTTP {response.status_code}"
                delay = _retry_after(response, self.settings.max_delay) or self._backoff(attempt)
            if attempt + 1 == attempts:
                raise P1LintError(f"p1lint pull: {method} {_path(url)}: {problem} "
                                  f"(tried {attempts} time{'s' if attempts > 1 else ''})")
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        delay = self.settings.backoff * (2 ** attempt)
        return float(min(self.settings.max_delay, delay * random.uniform(0.8, 1.2)))


def _retry_after(response: httpx.Response, ceiling: float) -> float | None:
    """The wait `Retry-After` asks for (seconds, or an HTTP date), at most `ceiling`."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(0.0, min(ceiling, seconds)) if seconds == seconds else None


def _error_text(response: httpx.Response) -> str:
    """What an error body says: the P1Error's code and message, or the OAuth error."""
    import json

    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return ""
    if not isinstance(body, dict):
        return ""
    parts = [body.get(key) for key in ("code", "message", "error", "error_description")]
    return ": ".join(part for part in parts if isinstance(part, str) and part)


def _oauth_error(response: httpx.Response) -> str | None:
    import json

    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) else None


def _entries(body: Any, embedded: str, path: str) -> list[Any]:
    inner = body.get("_embedded") if isinstance(body, dict) else None
    entries = inner.get(embedded, []) if isinstance(inner, dict) else None
    if not isinstance(entries, list):
        raise P1LintError(f"p1lint pull: GET {path} answered without the list _embedded.{embedded}")
    return entries


def _next_link(body: Any) -> str | None:
    links = body.get("_links") if isinstance(body, dict) else None
    following = links.get("next") if isinstance(links, dict) else None
    href = following.get("href") if isinstance(following, dict) else None
    return href if isinstance(href, str) and href else None


def _merged(first: dict[str, Any], embedded: str, entries: list[Any]) -> dict[str, Any]:
    links = {k: v for k, v in (first.get("_links") or {}).items() if k != "next"}
    body = {key: value for key, value in first.items() if key not in ("_links", "_embedded")}
    merged: dict[str, Any] = {"_links": links} if links else {}
    merged["_embedded"] = {**first.get("_embedded", {}), embedded: entries}
    merged.update(body)
    if "size" in merged:
        merged["size"] = len(entries)
    return merged


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower()


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
