"""Run compiled rules over input files and build findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, get_args

from p1lint.documents.applications import Located, applications
from p1lint.documents.fields import MISSING, field_value
from p1lint.documents.files import DEFAULT_MAX_FILE_SIZE
from p1lint.documents.kinds import Kind, kind_of, not_a_pingone_document
from p1lint.documents.sources import SourceDocument, WalkedFile, discover, read_source
from p1lint.findings import Finding, InputError, Notice
from p1lint.functions.base import Context
from p1lint.functions.regexes import RegexBudget, Unchecked
from p1lint.messages import render
from p1lint.models.enums import Protocol, SystemApplicationType
from p1lint.pointer import Pointer, format_pointer
from p1lint.selection import ActiveRule

OIDC = "OPENID_CONNECT"
KNOWN_PROTOCOLS = get_args(Protocol)
SYSTEM_TYPES = get_args(SystemApplicationType)


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    skipped: list[Notice] = field(default_factory=list)
    unreadable: int = 0  # files (of `files`) that could not be read or parsed


class Hit(NamedTuple):
    """A problem before it has a file position: which rule, where in the data, what."""

    active: ActiveRule
    pointer: Pointer
    detail: str
    value: Any
    offset: int | None = None
    unchecked: bool = False  # the value could not be checked in time (`detail` says why)


class Target(NamedTuple):
    """One application of one file."""

    document: SourceDocument
    located: Located


def lint_paths(
    paths: Iterable[str], rules: list[ActiveRule], settings: dict[str, Any] | None = None,
    stdin_name: str = "<stdin>", max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> LintResult:
    """Lint every file below `paths`; unreadable inputs become errors, never exceptions."""
    result = LintResult()
    settings = settings or {}
    targets: list[Target] = []
    per_application = [r for r in rules if r.rule.spec.scope == "application"]
    for name in discover(paths):
        try:
            read = _read(name, stdin_name, result, max_file_size)
        except Exception as error:  # a bug in reading one file must not cost the others
            result.files, result.unreadable = result.files + 1, result.unreadable + 1
            result.errors.append(_internal_error(str(name), error))
            continue
        if read is not None:
            _lint_document(*read, per_application, settings, result, targets)
    try:
        _run_input_scope(rules, targets, settings, result)
    except Exception as error:  # as above: report, never crash
        result.errors.append(_internal_error("<input>", error))
    result.findings.sort(key=Finding.sort_key)
    return result


def _lint_document(
    document: SourceDocument, kind: Kind, rules: list[ActiveRule], settings: dict[str, Any],
    result: LintResult, targets: list[Target],
) -> None:
    budget = regex_budget(settings)
    try:
        for located in applications(document.data, kind):
            targets.append(Target(document, located))
            try:
                _run(rules, located, settings, result, document, budget)
            except Exception as error:  # a bug must cost one application's findings, not the run
                result.errors.append(_internal_error(document.name, error))
    except Exception as error:  # in finding the applications: as above
        result.errors.append(_internal_error(document.name, error))


def _read(
    name: str, stdin_name: str, result: LintResult, max_file_size: int
) -> tuple[SourceDocument, Kind] | None:
    """A PingOne document and its kind; anything else is an input error, or, for a file found
    while walking a directory, a notice."""
    document = read_source(name, stdin_name, max_file_size)
    kind = kind_of(document.data) if isinstance(document, SourceDocument) else None
    if isinstance(document, SourceDocument) and kind is None:
        reason = not_a_pingone_document(document.data)
        if isinstance(name, WalkedFile):
            result.skipped.append(Notice(name, reason))
            return None
        document = InputError(document.name, *document.position(()), reason)
    result.files += 1
    if isinstance(document, InputError):
        result.errors.append(document)
        result.unreadable += 1
        return None
    assert kind is not None
    return document, kind


def regex_budget(settings: dict[str, Any]) -> RegexBudget:
    """A fresh time budget for the rule patterns of one file (`--regex-budget`)."""
    seconds = settings.get("regex_budget")
    return RegexBudget() if seconds is None else RegexBudget(float(seconds))


def _run(
    rules: list[ActiveRule], located: Located, settings: dict[str, Any], result: LintResult,
    document: SourceDocument, budget: RegexBudget,
) -> None:
    prefix, data = located.pointer, located.application
    repeated = tuple(located.view.viewed(p) for p in document.repeated_keys_below(prefix))
    context = Context(data, settings, duplicate_keys=repeated, regex_budget=budget)
    for hit in check(rules, data, context, result.errors, document.name):
        _record_safely(hit, document, located, hit.pointer, result)


def _record_safely(
    hit: Hit, document: SourceDocument, located: Located, pointer: Pointer, result: LintResult
) -> None:
    """`_record`, where a bug in building one finding costs that finding, not the rules after it."""
    try:
        _record(hit, document, located, pointer, result)
    except Exception as error:
        result.errors.append(_internal_error(document.name, error, hit.active.rule.id))


def _record(
    hit: Hit, document: SourceDocument, located: Located, pointer: Pointer, result: LintResult
) -> None:
    """A finding, or for a value that could not be checked in time an input error at its place."""
    if not hit.unchecked:
        result.findings.append(_located_finding(hit, document, located, pointer))
        return
    line, column = document.position((*located.pointer, *located.view.original(pointer)))
    where = f"rule {hit.active.rule.id} ({hit.active.rule.name}) could not check this value"
    result.errors.append(InputError(document.name, line, column, f"{where}: {hit.detail}"))


def _located_finding(hit: Hit, document: SourceDocument, located: Located, pointer: Pointer) -> Finding:
    """The finding at the place in the document where the value of the view is written."""
    written = located.view.original(pointer)
    return build_finding(hit._replace(pointer=written), document, (*located.pointer, *written))


def _run_input_scope(
    rules: list[ActiveRule], targets: list[Target], settings: dict[str, Any], result: LintResult
) -> None:
    """Rules over all applications of the run (e.g. unique names); pointers map back to files."""
    input_rules = [r for r in rules if r.rule.spec.scope == "input"]
    if not input_rules or not targets:
        return
    data = [target.located.application for target in targets]
    context = Context(data, settings, regex_budget=regex_budget(settings))
    for hit in check(input_rules, data, context, result.errors, "<input>"):
        document, located = targets[int(hit.pointer[0])]
        _record_safely(hit, document, located, hit.pointer[1:], result)


def protocol_of(data: Any) -> str:
    """The application's protocol; anything missing or unknown counts as OIDC (the schema rules
    report it), so a broken file is still checked as thoroughly as possible."""
    protocol = data.get("protocol") if isinstance(data, dict) else None
    return protocol if isinstance(protocol, str) and protocol in KNOWN_PROTOCOLS else OIDC


def is_system_application(data: Any) -> bool:
    """PingOne's own applications (self-service, admin console, portal, templates) appear in
    environment exports, but their settings are PingOne's, not the user's: they are not checked."""
    return isinstance(data, dict) and data.get("type") in SYSTEM_TYPES


def relevant(rules: list[ActiveRule], data: Any) -> list[ActiveRule]:
    """The rules that look at `data` at all: application-scope rules see the protocols they name,
    and never PingOne's own applications. Decided once per application, not once per rule."""
    if is_system_application(data):
        return [active for active in rules if not active.rule.per_application]
    protocol = protocol_of(data)
    return [a for a in rules if not a.rule.per_application or protocol in a.rule.protocols]


def check(
    rules: list[ActiveRule], data: Any, context: Context, errors: list[InputError], file: str
) -> Iterator[Hit]:
    for active in relevant(rules, data):
        try:
            if active.rule.applies(data):
                yield from _check_rule(active, data, context)
        except Exception as error:  # a bug in a function must not hide the other findings
            errors.append(_internal_error(file, error, active.rule.id))


def _internal_error(file: str, error: Exception, rule: str | None = None) -> InputError:
    """Names the exception and where p1lint raised it, never its text: that quotes input values
    (`KeyError: 'hunter2'`), which may be credentials."""
    from p1lint.crashes import crash_site, debugging

    if debugging():
        raise error
    where = f" in rule {rule}" if rule else ""
    return InputError(file, 1, 1, f"internal error{where}: {crash_site(error)}")


def _check_rule(active: ActiveRule, data: Any, context: Context) -> Iterator[Hit]:
    rule = active.rule
    then = rule.spec.then
    for selector in rule.selectors:
        for match in selector.find(data):
            value, pointer = match
            if then.field is not None:
                value = field_value(value, then.field)
                pointer = (*pointer, *then.field.split("."))
            try:
                problems = list(rule.function.check(value, rule.options, context))
            except Unchecked as reason:
                if reason.report:
                    yield Hit(active, pointer, str(reason), MISSING, unchecked=True)
                continue
            for problem in problems:
                target = (*pointer, *problem.path)
                yield Hit(active, target, problem.detail, _at(value, problem.path), problem.offset)


def _at(value: Any, path: Pointer) -> Any:
    for key in path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return value


def build_finding(hit: Hit, document: SourceDocument, pointer: Pointer) -> Finding:
    rule = hit.active.rule
    if hit.offset is None:
        line, column = document.position(pointer)
    else:
        line, column = document.position_in_string(pointer, hit.offset)
    message = render(rule.spec.message, hit.detail, hit.value, hit.pointer)
    return Finding(
        rule=rule.id, name=rule.name, severity=hit.active.severity, message=message,
        file=document.name, path=format_pointer(pointer), line=line, column=column, docs=rule.docs,
    )
