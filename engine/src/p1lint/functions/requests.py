"""Checks of an authorization request (`scope: request`): the value is the request's parameters
by name, `context.application` the application it is for (None when the environment has no such
application: the checks that need it then say nothing) and `context.request` the request itself.
A problem's path names the parameter; its offset, if any, is inside the parameter's value. The
application's fields are read through `Context.other_field`: a request is not judged against a
value a Terraform configuration leaves unknown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from p1lint.documents.fields import MISSING
from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Options, Problem
from p1lint.functions.redirects import redirect_matches
from p1lint.urls import canonical_form, parse_uri

AUTHORIZATION_CODE = "AUTHORIZATION_CODE"


def words(value: Any) -> list[str]:
    """The values of a space-delimited parameter (`scope`, `response_type`, `prompt`)."""
    return [word for word in value.split(" ") if word] if isinstance(value, str) else []


def _parameter(parameters: Any, name: str) -> Any:
    """A parameter's value; None when absent (or when what is checked is no request at all)."""
    return parameters.get(name) if isinstance(parameters, dict) else None


def _given(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _application(context: Context) -> dict[str, Any] | None:
    return context.application if isinstance(context.application, dict) else None


def _name(application: dict[str, Any]) -> str:
    name = application.get("name")
    return json.dumps(name, ensure_ascii=False) if isinstance(name, str) else "the application"


@check_function("request-client", NoOptions)
def request_client(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """client_id must be present and be the client id of the application the request is for:
    its `id` (or the `clientId` it was created with)."""
    client_id = _parameter(value, "client_id")
    application = _application(context)
    if not _given(client_id):
        yield Problem("is missing", ("client_id",))
    elif application is None:
        yield Problem("names no application of the environment", ("client_id",))
    elif client_id not in (context.other_field("id"), context.other_field("clientId")):
        yield Problem(f"is not the client id of {_name(application)}", ("client_id",))


@check_function("registered-redirect-uri", NoOptions)
def registered_redirect_uri(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """redirect_uri must be present and match a redirect URI of the application as PingOne
    matches them: the same text; on a loopback host, any port; with
    `allowWildcardInRedirectUris`, a registered pattern with one `*` in the path or query."""
    application = _application(context)
    if not _given(value):
        yield Problem("is missing")
        return
    if application is None:
        return
    registered = [uri for uri in _list(context.other_field("redirectUris")) if isinstance(uri, str)]
    wildcards = context.other_field("allowWildcardInRedirectUris") is True
    if not any(redirect_matches(value, uri, wildcards) for uri in registered):
        shown = json.dumps(value, ensure_ascii=False)
        yield Problem(f"{shown} {_unregistered(value, registered, application)}")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _unregistered(requested: str, registered: list[str], application: dict[str, Any]) -> str:
    if not registered:
        return f"is not registered: {_name(application)} has no redirect URIs"
    canonical = canonical_form(parse_uri(requested))
    alike = [uri for uri in registered if canonical and canonical_form(parse_uri(uri)) == canonical]
    hint = f" (registered as {alike[0]}; PingOne compares the text exactly)" if alike else ""
    return f"is not a registered redirect URI of {_name(application)}{hint}"


class ResponseTypeOptions(Options):
    response_types: dict[str, str]  # a value of response_type -> the responseTypes entry it needs
    grants: dict[str, str]  # a value of response_type -> the grant type it needs


@check_function("response-type-allowed", ResponseTypeOptions)
def response_type_allowed(value: Any, options: ResponseTypeOptions, context: Context) -> Iterator[Problem]:
    """response_type must be present, each of its values known, and allowed by the application's
    `responseTypes` and `grantTypes` (per `response_types` and `grants`)."""
    if not _given(value):
        yield Problem("is missing")
        return
    application = _application(context)
    for word in dict.fromkeys(words(value)):
        detail = _response_type_problem(word, options, application, context)
        if detail:
            yield Problem(f"{json.dumps(value)} {detail}", offset=value.find(word))


def _response_type_problem(
    word: str, options: ResponseTypeOptions, application: dict[str, Any] | None, context: Context
) -> str:
    if word not in options.response_types:
        return f"asks for {word}, which is no response type ({', '.join(options.response_types)})"
    if application is None:
        return ""
    needed, grant = options.response_types[word], options.grants.get(word)
    if needed not in _list(context.other_field("responseTypes")):
        return f"asks for {word}, but the responseTypes of {_name(application)} do not include {needed}"
    if grant is not None and grant not in _list(context.other_field("grantTypes")):
        return f"asks for {word}, but the grantTypes of {_name(application)} do not include {grant}"
    return ""


class PkceChallengeOptions(Options):
    enforcement: list[str]  # the values of pkceEnforcement for which a challenge is checked
    default: str = "OPTIONAL"  # PingOne's value when pkceEnforcement is absent


@check_function("pkce-challenge", PkceChallengeOptions)
def pkce_challenge(value: Any, options: PkceChallengeOptions, context: Context) -> Iterator[Problem]:
    """A request for a code (response_type with `code`) to an application with the authorization
    code grant must carry code_challenge when the application's pkceEnforcement (absent:
    `default`) is one of `enforcement`."""
    application = _application(context)
    if application is None or "code" not in words(_parameter(value, "response_type")):
        return
    if AUTHORIZATION_CODE not in _list(context.other_field("grantTypes")):
        return  # a code the application cannot get: response-type-allowed's problem
    enforcement = _effective(context, "pkceEnforcement", options.default)
    if not _given(_parameter(value, "code_challenge")) and enforcement in options.enforcement:
        yield Problem(f"is missing, and pkceEnforcement is {enforcement}", ("code_challenge",))


def _effective(context: Context, name: str, default: str) -> Any:
    found = context.other_field(name)
    return default if found is MISSING or found is None else found


class PkceMethodOptions(Options):
    accepted: dict[str, list[str]]  # pkceEnforcement -> the code_challenge_method values it accepts
    default: str = "OPTIONAL"  # pkceEnforcement when absent
    default_method: str = "plain"  # code_challenge_method when absent (RFC 7636 §4.3)


@check_function("pkce-method", PkceMethodOptions)
def pkce_method(value: Any, options: PkceMethodOptions, context: Context) -> Iterator[Problem]:
    """With a code_challenge, code_challenge_method (absent: `default_method`) must be one the
    application's pkceEnforcement accepts (per `accepted`)."""
    application = _application(context)
    if application is None or not _given(_parameter(value, "code_challenge")):
        return
    enforcement = _effective(context, "pkceEnforcement", options.default)
    accepted = options.accepted.get(enforcement)
    method = _parameter(value, "code_challenge_method")
    if accepted is None or (method if _given(method) else options.default_method) in accepted:
        return
    shown, path = (method, "code_challenge_method") if _given(method) else (
        f"absent, which means {options.default_method},", "code_challenge")
    yield Problem(f"is {shown} and pkceEnforcement {enforcement} accepts {' or '.join(accepted)}", (path,))


@check_function("par-pushed", NoOptions)
def par_pushed(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """When the application sets `parRequirement: REQUIRED`, an authorize URL must carry the
    request_uri of a pushed request (a PAR body itself is pushed)."""
    application = _application(context)
    request = context.request
    if application is None or request is None or request.form != "url":
        return
    if context.other_field("parRequirement") == "REQUIRED" and not _given(_parameter(value, "request_uri")):
        yield Problem(f"sends its parameters in the URL, but {_name(application)} requires pushed requests")


class ResponseTypeNeedsOptions(Options):
    response_type: str  # a value of response_type (e.g. id_token)
    parameter: str  # the parameter a request with it needs
    includes: str | None = None  # a value the (space-delimited) parameter must include


@check_function("response-type-needs", ResponseTypeNeedsOptions)
def response_type_needs(value: Any, options: ResponseTypeNeedsOptions, context: Context) -> Iterator[Problem]:
    """A request whose response_type includes `response_type` needs `parameter` (which must
    include `includes`, if given)."""
    if options.response_type not in words(_parameter(value, "response_type")):
        return
    present = _parameter(value, options.parameter)
    if not _given(present):
        yield Problem("is missing", (options.parameter,))
    elif options.includes is not None and options.includes not in words(present):
        yield Problem(f"does not include {options.includes}", (options.parameter,))


class ValuesOptions(Options):
    values: list[str]


@check_function("space-delimited-values", ValuesOptions)
def space_delimited_values(value: Any, options: ValuesOptions, context: Context) -> Iterator[Problem]:
    """Each value of a present space-delimited parameter must be one of `values`."""
    position = 0
    for word in words(value):
        position = value.find(word, position)
        if word not in options.values:
            yield Problem(f"includes {word!r}, which is none of {', '.join(options.values)}", offset=position)
        position += len(word)


class ExclusiveOptions(Options):
    value: str


@check_function("exclusive-value", ExclusiveOptions)
def exclusive_value(value: Any, options: ExclusiveOptions, context: Context) -> Iterator[Problem]:
    """A present space-delimited parameter that includes `value` must include nothing else."""
    found = set(words(value))
    if options.value in found and len(found) > 1:
        others = ", ".join(sorted(found - {options.value}))
        yield Problem(f"combines {options.value} with {others}", offset=value.find(options.value))


class ParametersOptions(Options):
    parameters: list[str]


@check_function("not-in-url", ParametersOptions)
def not_in_url(value: Any, options: ParametersOptions, context: Context) -> Iterator[Problem]:
    """None of `parameters` may be sent in an authorize URL (a pushed request's body is sent
    directly to PingOne, not through the browser)."""
    if context.request is None or context.request.form != "url":
        return
    for name in options.parameters:
        if _parameter(value, name) is not None:
            yield Problem("is sent in the URL", (name,))


PINGONE_AUTH_HOST = "auth.pingone."  # auth.pingone.com, .eu, .asia, .ca, .com.au, .sg
AUTHORIZE_PATH = "/as/authorize"


@check_function("authorize-endpoint", NoOptions)
def authorize_endpoint(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """An authorize URL must be https and end in /as/authorize; on PingOne's own host
    (`auth.pingone.<region>/<environment id>/as/authorize`) the environment id must be the id of
    the environment the application belongs to, when the input says which that is."""
    request = context.request
    if request is None or request.form != "url":
        return
    uri = parse_uri(request.text)
    if uri.scheme_lower != "https" or not uri.path.endswith(AUTHORIZE_PATH):
        yield Problem("is not a PingOne authorization endpoint (https://.../as/authorize)", (), 0)
        return
    segments = uri.path.split("/")
    if not uri.host.lower().startswith(PINGONE_AUTH_HOST):
        return  # a custom domain: https://auth.example.com/as/authorize, no environment id
    if len(segments) != 4:
        yield Problem("names no environment (https://auth.pingone.com/<environment id>/as/authorize)", (), 0)
        return
    expected = _environment_id(context)
    if expected is not None and segments[1] != expected:
        yield Problem(f"goes to the environment {segments[1]}, not to {expected}",
                      (), request.text.find(segments[1], len(uri.scheme or "")))


def _environment_id(context: Context) -> str | None:
    """The environment's id: the snapshot's `environment.id`, else the application's."""
    environment = context.environment.object("environment") if context.environment is not None else None
    application = _application(context) or {}
    for owner in (environment, application.get("environment")):
        identifier = owner.get("id") if isinstance(owner, dict) else None
        if isinstance(identifier, str) and identifier:
            return identifier
    return None
