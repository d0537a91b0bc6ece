"""The authorization requests to check, each with the application it is for: the entries of a
snapshot's `authorizationRequests`, or one request given on the command line.

An entry is `{application: {id} | {name}, url}` — or `par` instead of `url`, the form-encoded
body of a pushed authorization request. Without `application`, the request's `client_id` finds
it. A named application the snapshot lacks is an input error at the entry; a `client_id` that
names none is a finding of the request rules (the application is then None)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from p1lint.authorization.parameters import AuthorizationRequest, Form, parse_body, parse_url
from p1lint.documents.document import SourceDocument
from p1lint.documents.location import Location
from p1lint.documents.spans import Span
from p1lint.environment.inventory import Entry, Environment
from p1lint.findings import InputError, P1LintError
from p1lint.pointer import Pointer

COMMAND_LINE_NAME = "<request>"
REQUEST_FORMS: dict[str, Form] = {"url": "url", "par": "par"}


@dataclass(frozen=True)
class RequestInput:
    """A request, the application it is for (None: none found) and where it is written. For a
    request in a snapshot, findings point at its text there; for one on the command line, a
    finding's path names the parameter (`/redirect_uri`)."""

    request: AuthorizationRequest
    application: Any
    location: Location
    per_parameter: bool = False

    def locate(self, pointer: Pointer) -> Location:
        return self.location.below(pointer) if self.per_parameter else self.location


class RequestText:
    """The input format of a request given on the command line: its text is the request (one
    line), and a parameter written at offset n spans from column n + 1 to the parameter's end.
    It is no file format: nothing discovers or parses files with it."""

    name = "authorization request"
    suffixes: tuple[str, ...] = ()

    def __init__(self, form: Form, request: AuthorizationRequest | None = None) -> None:
        self.form = form
        self.request = request  # already read: not parsed again for its spans

    def sniff(self, name: str, text: str) -> bool:
        return False

    def parse(self, name: str, text: str) -> SourceDocument | InputError:
        return SourceDocument(name, text, text, self)

    def locator(self, text: str) -> RequestLocator:
        request = self.request
        if request is None or request.text != text:
            request = parse_request(text, self.form)
        return RequestLocator(request)


class RequestLocator:
    """Spans of the parameters of one request, on line 1."""

    def __init__(self, request: AuthorizationRequest) -> None:
        self._request = request

    def span(self, pointer: Pointer) -> Span:
        return self.span_in_string(pointer, self._request.offset(pointer))

    def span_in_string(self, pointer: Pointer, offset: int) -> Span:
        return Span(1, offset + 1, 1, max(offset, self._end(pointer)) + 1)

    def _end(self, pointer: Pointer) -> int:
        if not pointer:
            return len(self._request.text)
        found = self._request.parameter(pointer[0]) if isinstance(pointer[0], str) else None
        return found.end if found is not None else 0


def parse_request(text: str, form: Form) -> AuthorizationRequest:
    return parse_body(text) if form == "par" else parse_url(text)


def command_line_input(environment: Environment, text: str, form: Form, key: str | None) -> RequestInput:
    """The request of `p1lint request`; raises P1LintError when `key` (an id or name) names no
    application of the environment, or several."""
    request = parse_request(text, form)
    application = _named(environment, key) if key is not None else _for_client(environment, request)
    document = SourceDocument(COMMAND_LINE_NAME, text, text, RequestText(form, request))
    return RequestInput(request, application, Location(document, ()), per_parameter=True)


def _named(environment: Environment, key: str) -> Any:
    found = find_application(environment, {"id": key}) or find_application(environment, {"name": key})
    if isinstance(found, str):
        raise P1LintError(f"p1lint: {found}")
    if found is None:
        raise P1LintError(f"p1lint: no application with the id or name {key!r} in {environment.name}")
    return found


def snapshot_inputs(environment: Environment) -> Iterator[RequestInput | InputError]:
    """Each entry of the snapshot's `authorizationRequests`, or the input error that stops it."""
    for entry in environment.entries("authorizationRequests"):
        yield _snapshot_input(environment, entry)


def _snapshot_input(environment: Environment, entry: Entry) -> RequestInput | InputError:
    data = entry.data
    forms = [name for name in REQUEST_FORMS if isinstance(data.get(name), str)]
    if len(forms) != 1:
        return _error(entry.location, "an authorization request has `url` (an authorize URL) or `par` "
                                      "(the body of a pushed authorization request), as a string")
    request = parse_request(data[forms[0]], REQUEST_FORMS[forms[0]])
    reference = data.get("application")
    if reference is None:
        return RequestInput(request, _for_client(environment, request), entry.location.below((forms[0],)))
    found = find_application(environment, reference)
    if not isinstance(found, dict):
        return _error(entry.location.below(("application",)), found or _unknown(reference))
    return RequestInput(request, found, entry.location.below((forms[0],)))


def find_application(environment: Environment, reference: Any) -> dict[str, Any] | str | None:
    """The application a reference (`{id}` or `{name}`) names, None for none, or why it cannot be
    told (several applications of that name, a reference that is neither)."""
    if not isinstance(reference, dict) or not any(isinstance(reference.get(k), str) for k in ("id", "name")):
        return "expected a reference to an application: {id: ...} or {name: ...}"
    if isinstance(reference.get("id"), str):
        found = environment.get("applications", reference["id"])
        return found if isinstance(found, dict) else None
    named = [t.application for t in environment.applications
             if isinstance(t.application, dict) and t.application.get("name") == reference["name"]]
    if len(named) > 1:
        return f"{len(named)} applications are named {reference['name']!r}; name the application by its id"
    return named[0] if named else None


def _for_client(environment: Environment, request: AuthorizationRequest) -> Any:
    """The application a request's `client_id` names: PingOne's client id is the application's
    `id` (or the `clientId` it was created with)."""
    client_id = request.data.get("client_id")
    if not client_id:
        return None
    found = environment.get("applications", client_id)
    if isinstance(found, dict):
        return found
    return next((t.application for t in environment.applications
                 if isinstance(t.application, dict) and t.application.get("clientId") == client_id), None)


def _unknown(reference: dict[str, Any]) -> str:
    key = "id" if isinstance(reference.get("id"), str) else "name"
    return f"no application with the {key} {reference[key]!r} in the snapshot's applications"


def _error(location: Location, message: str) -> InputError:
    line, column = location.document.position(location.pointer)
    return InputError(location.document.name, line, column, message)
