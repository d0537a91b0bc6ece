"""`acr_values`: the sign-on policies or the DaVinci flow policy an authorization request asks for.

PingOne reads `acr_values` as either ONE DaVinci flow policy, named by its flow policy id, or one
or more PingOne sign-on policies, named by their names, separated by spaces (`%20`, or `+` in a
query) and listed in order of preference; every policy named must be assigned to the application
(PingOne Platform API, "OpenID Connect/OAuth 2" data model, `acr_values`; the console's Policies
tab: "separated by spaces or the encoded space character %20").

API — stable; other modules use only these names:

    acr_parameters(url: str) -> list[AcrParameter]
        every `acr_values` parameter in the query of `url`, with offsets into `url`
    parse_acr_values(raw: str, offset: int = 0, *, encoded: bool = True) -> AcrValues
        one value split into items; `raw` is percent-encoded as in a query unless `encoded` is
        False; every offset is `offset` plus the position in `raw`
    assigned_policies(application: Any, environment: Environment | None) -> AssignedPolicies
        what the application has assigned (None where the input does not say)
    check_acr_values(values: AcrValues, policies: AssignedPolicies) -> list[AcrProblem]
        the problems of one value
    check_url(url: str, application: Any, environment: Environment | None) -> list[AcrProblem]
        all of the above for every `acr_values` of one URL (offsets into `url`)

An `AcrProblem` is `(kind, detail, offset)`: `offset` is a character offset into the string the
value was parsed from. The kinds are stable (rule files and tests name them):

    FORMAT_KINDS  "comma" (items separated by commas), "empty" (an empty value or item: a
                  separator at either end or doubled), "duplicate" (an item repeated),
                  "repeated-parameter" (acr_values twice in one query), "flow-policy-not-alone"
                  (a flow policy id beside other items)
    POLICY_KINDS  "unassigned-policy" (a name no assigned sign-on policy has),
                  "unassigned-flow-policy" (a flow policy id not assigned), "split-name" (items
                  that together spell an assigned policy's name with spaces — the spaces split it)
    CASE_KINDS    "case-differs" (a name that matches an assigned policy's only ignoring case)

Nothing here raises on odd input: values of the wrong type count as absent.
"""

from __future__ import annotations

import difflib
from itertools import groupby
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote, unquote_plus

from p1lint.terraform.values import Unknown, contains_unknown

if TYPE_CHECKING:
    from p1lint.environment.inventory import Environment

PARAMETER = "acr_values"
FORMAT_KINDS = ("comma", "empty", "duplicate", "repeated-parameter", "flow-policy-not-alone")
POLICY_KINDS = ("unassigned-policy", "unassigned-flow-policy", "split-name")
CASE_KINDS = ("case-differs",)
KINDS = (*FORMAT_KINDS, *POLICY_KINDS, *CASE_KINDS)
FLOW_ID_LENGTH = 32  # DaVinci flow policy ids are 32 hexadecimal digits
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
MAX_SHOWN = 60
COMMA = "a comma separates policies; PingOne separates them with spaces (%20)"
EMPTY = "an empty item (a separator at either end, or two in a row)"
ALONE = "a flow policy id must stand alone"


class AcrParameter(NamedTuple):
    """One `acr_values=...` of a query: where its name and its (still encoded) value start."""

    raw: str
    name_offset: int
    value_offset: int


class AcrItem(NamedTuple):
    """One requested policy: its decoded text and where its raw text starts and how long it is."""

    value: str
    offset: int
    length: int


class AcrValues(NamedTuple):
    """A parsed value: its items in order, the first comma of each run of separators that has one,
    and the places where an item is missing."""

    raw: str
    offset: int
    items: tuple[AcrItem, ...]
    commas: tuple[int, ...]
    empty: tuple[int, ...]


class AssignedPolicies(NamedTuple):
    """The policies of an application. `sign_on` (names, in priority order) and `flow` (ids) are
    None when the input does not say; the environment's sets are empty when it has none."""

    sign_on: tuple[str, ...] | None = None
    flow: tuple[str, ...] | None = None
    environment_sign_on: frozenset[str] = frozenset()
    environment_flow: frozenset[str] = frozenset()


class AcrProblem(NamedTuple):
    kind: str
    detail: str
    offset: int


# --- parsing -------------------------------------------------------------------------------------


def acr_parameters(url: str) -> list[AcrParameter]:
    """The `acr_values` parameters of the query of `url` (between the first `?` and `#`)."""
    span = _query_span(url)
    if span is None:
        return []
    found, position = [], span[0]
    for piece in url[span[0] : span[1]].split("&"):
        name, equals, value = piece.partition("=")
        if equals and unquote_plus(name) == PARAMETER:
            found.append(AcrParameter(value, position, position + len(name) + 1))
        position += len(piece) + 1
    return found


def _query_span(url: str) -> tuple[int, int] | None:
    question, hash_ = url.find("?"), url.find("#")
    if question == -1 or -1 < hash_ < question:
        return None
    return question + 1, hash_ if hash_ != -1 else len(url)


def parse_acr_values(raw: str, offset: int = 0, *, encoded: bool = True) -> AcrValues:
    """Split `raw` at spaces (` `, and `+` and `%20` when `encoded`) and commas (`,`, `%2C`)."""
    tokens = _tokens(raw, encoded)
    items = tuple(
        AcrItem(unquote(raw[start:end]) if encoded else raw[start:end], offset + start, end - start)
        for kind, start, end in tokens if kind == "text"
    )
    commas, empty = _gaps(tokens, offset)
    return AcrValues(raw, offset, items, commas, empty if tokens else (offset,))


def _tokens(raw: str, encoded: bool) -> list[tuple[str, int, int]]:
    """`raw` as runs of text and single separators: (kind, start, end), kind text/space/comma."""
    tokens: list[tuple[str, int, int]] = []
    index = 0
    while index < len(raw):
        kind, length = _separator_at(raw, index, encoded) or ("text", 1)
        if kind == "text" and tokens and tokens[-1][0] == "text":
            tokens[-1] = ("text", tokens[-1][1], index + 1)
        else:
            tokens.append((kind, index, index + length))
        index += length
    return tokens


def _separator_at(raw: str, index: int, encoded: bool) -> tuple[str, int] | None:
    char = raw[index]
    if char == " " or (encoded and char == "+"):
        return "space", 1
    if char == ",":
        return "comma", 1
    code = raw[index + 1 : index + 3].upper() if encoded and char == "%" else ""
    return {"20": ("space", 3), "2C": ("comma", 3)}.get(code)


def _gaps(tokens: list[tuple[str, int, int]], offset: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Commas (the first of each run of separators) and missing items (a run at either end, or two
    separators without a comma between items)."""
    commas: list[int] = []
    empty: list[int] = []
    runs = [list(run) for is_text, run in groupby(tokens, lambda t: t[0] == "text") if not is_text]
    for run in runs:
        at_edge = run[0] is tokens[0] or run[-1] is tokens[-1]
        comma = next((start for kind, start, _ in run if kind == "comma"), None)
        if comma is not None:
            commas.append(offset + comma)
        if at_edge:
            empty.append(offset + run[0][1])
        elif comma is None and len(run) > 1:
            empty.append(offset + run[1][1])
    return tuple(commas), tuple(empty)


# --- what the application has assigned ----------------------------------------------------------


def assigned_policies(application: Any, environment: Environment | None) -> AssignedPolicies:
    """Sign-on policy names need the environment's `signOnPolicies`; flow policy ids are in the
    assignments themselves. An application with DaVinci flow policies and no sign-on assignments
    written has none (the console allows one kind only), and the other way round."""
    app = application if isinstance(application, dict) else {}
    sign_on_list, flow_list = app.get("signOnPolicyAssignments"), app.get("flowPolicyAssignments")
    flow = _assigned_ids(flow_list, "flowPolicy")
    sign_on = _sign_on_names(sign_on_list, environment)
    if sign_on_list is None and flow:
        sign_on = ()
    if flow_list is None and sign_on_list:
        flow = ()
    names = _environment_values(environment, "signOnPolicies", "name")
    return AssignedPolicies(sign_on, flow, names, _environment_values(environment, "flowPolicies", "id"))


def _assigned_ids(assignments: Any, member: str) -> tuple[str, ...] | None:
    """The policy ids of an assignment list, priority 1 first; None when it is not a list, or
    holds unknown values (Terraform): any policy may be assigned, in any order."""
    if not isinstance(assignments, list) or contains_unknown(assignments):
        return None
    entries = [a for a in assignments if isinstance(a, dict) and isinstance(a.get(member), dict)]
    entries.sort(key=_priority)
    return tuple(e[member]["id"] for e in entries if isinstance(e[member].get("id"), str))


def _priority(assignment: dict[str, Any]) -> float:
    priority = assignment.get("priority")
    return priority if isinstance(priority, (int, float)) and not isinstance(priority, bool) else float("inf")


def _sign_on_names(assignments: Any, environment: Environment | None) -> tuple[str, ...] | None:
    ids = _assigned_ids(assignments, "signOnPolicy")
    if ids is None or not ids:
        return ids
    if environment is None or not environment.has("signOnPolicies"):
        return None
    policies = [environment.get("signOnPolicies", identifier) for identifier in ids]
    if None in policies and not environment.settled("signOnPolicies"):
        return None  # an assigned policy may be one whose id is unknown
    names = [p.get("name") if isinstance(p, dict) else None for p in policies]
    if any(isinstance(name, Unknown) for name in names):
        return None
    return tuple(name for name in names if isinstance(name, str))


def _environment_values(environment: Environment | None, collection: str, member: str) -> frozenset[str]:
    """The `member` (a name, an id) of every object of an environment collection (known ones)."""
    entries = environment.entries(collection) if environment is not None else []
    data = (entry.data for entry in entries if isinstance(entry.data, dict))
    return frozenset(value for value in (d.get(member) for d in data) if isinstance(value, str))


# --- checking ------------------------------------------------------------------------------------


def check_url(url: str, application: Any, environment: Environment | None) -> list[AcrProblem]:
    if not isinstance(url, str) or "acr" not in url:
        return []
    parameters = acr_parameters(url)
    problems = [
        AcrProblem("repeated-parameter", f"the parameter is given {len(parameters)} times", p.name_offset)
        for p in parameters[1:]
    ]
    if parameters:
        policies = assigned_policies(application, environment)
        for parameter in parameters:
            if not parameter.raw:
                problems.append(AcrProblem("empty", "the value is empty", parameter.name_offset))
                continue
            values = parse_acr_values(parameter.raw, parameter.value_offset)
            problems.extend(check_acr_values(values, policies))
    return problems


def check_acr_values(values: AcrValues, policies: AssignedPolicies) -> list[AcrProblem]:
    problems = _format_problems(values, policies)
    problems.extend(_policy_problems(values.items, policies))
    return problems


def _format_problems(values: AcrValues, policies: AssignedPolicies) -> list[AcrProblem]:
    problems = [AcrProblem("comma", COMMA, at)
                for at in values.commas]
    problems += [AcrProblem("empty", EMPTY, at)
                 for at in values.empty]
    seen: set[str] = set()
    for item in values.items:
        if item.value in seen:
            problems.append(AcrProblem("duplicate", f"{_shown(item.value)} is named twice", item.offset))
        seen.add(item.value)
    flows = [item for item in values.items if _is_flow_id(item.value, policies)]
    if flows and len(values.items) > 1:
        other = next(item for item in values.items if item is not flows[0])
        detail = f"the DaVinci flow policy {_shown(flows[0].value)} is named beside other values; {ALONE}"
        problems.append(AcrProblem("flow-policy-not-alone", detail, other.offset))
    return problems


def _is_flow_id(value: str, policies: AssignedPolicies) -> bool:
    if value in policies.environment_flow or value in (policies.flow or ()):
        return True
    named = value in policies.environment_sign_on or value in (policies.sign_on or ())
    return not named and len(value) == FLOW_ID_LENGTH and set(value) <= HEX_DIGITS


def _policy_problems(items: tuple[AcrItem, ...], policies: AssignedPolicies) -> list[AcrProblem]:
    problems, split = _split_names(items, policies.sign_on or ())
    for item in items:
        if item.offset in split:
            continue
        found = (_flow_problem if _is_flow_id(item.value, policies) else _name_problem)(item, policies)
        if found is not None:
            problems.append(found)
    return problems


def _flow_problem(item: AcrItem, policies: AssignedPolicies) -> AcrProblem | None:
    if policies.flow is None or item.value in policies.flow:
        return None
    assigned = ", ".join(policies.flow) or "none"
    known = "" if item.value in policies.environment_flow else "no such policy; "
    detail = f"{_shown(item.value)} is not a DaVinci flow policy assigned to the application"
    detail += f" ({known}assigned: {assigned})"
    return AcrProblem("unassigned-flow-policy", detail, item.offset)


def _name_problem(item: AcrItem, policies: AssignedPolicies) -> AcrProblem | None:
    names = policies.sign_on
    if names is None or item.value in names:
        return None
    same_case = [name for name in names if name.casefold() == item.value.casefold()]
    if same_case:
        detail = f"{_shown(item.value)} differs in case from the assigned policy {_shown(same_case[0])}"
        return AcrProblem("case-differs", detail, item.offset)
    return AcrProblem("unassigned-policy", _unassigned_detail(item.value, names, policies), item.offset)


def _unassigned_detail(value: str, names: tuple[str, ...], policies: AssignedPolicies) -> str:
    if not names:
        kind = "DaVinci flow policies" if policies.flow else "no sign-on policy"
        return f"names the sign-on policy {_shown(value)}, but the application has {kind} assigned"
    where = "exists but is not assigned" if value in policies.environment_sign_on else "is not assigned"
    detail = f"the sign-on policy {_shown(value)} {where} to the application"
    suggestion = did_you_mean(value, names)
    if suggestion is not None:
        return f"{detail}; did you mean {_shown(suggestion)}?"
    return f"{detail} (assigned: {', '.join(names)})"


def did_you_mean(value: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate closest to `value` (ignoring case), if any is close."""
    folded = {candidate.casefold(): candidate for candidate in candidates}
    close = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def _split_names(items: tuple[AcrItem, ...], names: tuple[str, ...]) -> tuple[list[AcrProblem], set[int]]:
    """Assigned names with spaces, spelled out in consecutive items: one problem each, and the
    offsets of the items they cover (so those are not reported one by one)."""
    problems: list[AcrProblem] = []
    covered: set[int] = set()
    values = [item.value for item in items]
    for name in (n for n in names if " " in n):
        words = name.split()
        for start in range(len(values) - len(words) + 1):
            if values[start : start + len(words)] == words:
                detail = f"the spaces split the sign-on policy name {_shown(name)} into {len(words)} names"
                problems.append(AcrProblem("split-name", detail, items[start].offset))
                covered.update(item.offset for item in items[start : start + len(words)])
    return problems, covered


def _shown(value: str) -> str:
    text = value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"
    return f"'{text}'"
