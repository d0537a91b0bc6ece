"""Run compiled rules over input files and build findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from p1lint.documents.document import Source
from p1lint.documents.fields import MISSING, field_pointer, field_value, value_at
from p1lint.documents.files import DEFAULT_MAX_FILE_SIZE
from p1lint.documents.kinds import TERRAFORM_PLAN, Kind, kind_of, not_a_pingone_document
from p1lint.documents.location import Location
from p1lint.documents.sources import SourceDocument, WalkedFile, discover, read_source
from p1lint.environment.inventory import ApplicationTarget, Entry, Environment
from p1lint.findings import Finding, InputError, Notice, P1LintError
from p1lint.functions.base import Context, UnknownInput
from p1lint.functions.regexes import RegexBudget, Unchecked
from p1lint.identity import NO_SUBJECT, Subject, fingerprint, value_digest, value_path
from p1lint.judging import note_unknowns, relevant, unknown_input
from p1lint.messages import render
from p1lint.pointer import Pointer, format_pointer
from p1lint.run_settings import RunSettings
from p1lint.selection import ActiveRule
from p1lint.shards import WHOLE, Share
from p1lint.terraform.values import Unknown

if TYPE_CHECKING:
    from p1lint.authorization.parameters import Form
    from p1lint.documents.exclusion import FileScope
    from p1lint.ruleplan import ApplicationKind
    from p1lint.shards import Piece, Segments
    from p1lint.suppressions.run import Suppressing

Kinds = dict["ApplicationKind", list[ActiveRule]]



@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    names: list[str] = field(default_factory=list)  # the `files` read, in the order read
    skipped: list[Notice] = field(default_factory=list)
    unreadable: int = 0  # files (of `files`) that could not be read or parsed
    not_checked: dict[str, str] = field(default_factory=dict)  # rule id -> the context a snapshot lacked
    suppressed: int = 0  # findings suppressed by inline comments or the configuration
    # depends on the time of the run (a rule that reads the clock, the regex budget), or on files
    # outside the unit (the .tf files a plan's findings are placed in)
    volatile: bool = False
    # the findings inline comments suppress, marked so (kept by the results cache, so that a
    # cached run shows them as a fresh one does)
    suppressed_findings: list[Finding] = field(default_factory=list)
    # the configuration's suppressions (by their index in it) that suppressed a finding
    used_suppressions: list[int] = field(default_factory=list)
    suppress: bool = True  # False: inline comments suppress nothing (`--no-suppress`)
    _directives: dict[int, Any] = field(default_factory=dict, repr=False)  # id(document) -> its suppressions
    _entries: tuple[tuple[int, Any], ...] = field(default=(), repr=False)  # the configuration's, in effect
    _commented: list[SourceDocument] = field(default_factory=list, repr=False)  # read, with suppressions
    _ran: list[Any] = field(default_factory=list, repr=False)  # the rule plans of its environments

    def absorb(self, part: Any) -> None:
        """Add the result of one more input unit (a `LintResult` or a cached one of its shape)."""
        self.findings.extend(part.findings)
        self.errors.extend(part.errors)
        self.skipped.extend(part.skipped)
        self.names.extend(part.names)
        self.files, self.unreadable = self.files + part.files, self.unreadable + part.unreadable
        self.suppressed += part.suppressed
        self.suppressed_findings.extend(part.suppressed_findings)
        self.used_suppressions.extend(part.used_suppressions)
        for rule, missing in part.not_checked.items():
            self.not_checked.setdefault(rule, missing)


class UnitCache(Protocol):
    """Results of input units kept between runs (see `p1lint.cache`)."""

    def lookup(self, unit: Any) -> Any | None: ...
    def store(self, unit: Any, part: LintResult) -> None: ...


class Hit(NamedTuple):
    """A problem before it has a file position: which rule, where in the data, what."""

    active: ActiveRule
    pointer: Pointer
    detail: str
    value: Any
    offset: int | None = None
    unchecked: bool = False  # the value could not be checked in time (`detail` says why)


class UnitTask(NamedTuple):
    """What checking one input unit needs besides the unit: the same in every worker process."""

    rules: list[ActiveRule]
    settings: RunSettings
    stdin_name: str
    max_file_size: int
    actor: Entry | None  # of environments that have none
    suppress: bool = True  # False: inline comments suppress nothing (`--no-suppress`)
    suppressions: tuple[tuple[int, Any], ...] = ()  # the configuration's in effect, by their index
    known: frozenset[str] = frozenset()  # every id and name, for comments naming none (empty: unjudged)


def lint_paths(
    paths: Iterable[str], rules: list[ActiveRule], settings: RunSettings | None = None,
    stdin_name: str = "<stdin>", max_file_size: int = DEFAULT_MAX_FILE_SIZE, actor: str | None = None,
    cache: UnitCache | None = None, jobs: int = 1,
    rebuild: Callable[[], Callable[[Sequence[Any]], list[LintResult | Segments]]] | None = None,
    suppress: bool = True, suppressions: Suppressing | None = None, scope: FileScope | None = None,
    known: frozenset[str] = frozenset(),
) -> LintResult:
    """Lint every file below `paths`, one environment at a time (a snapshot, the applications of
    one file, an environment of a Terraform configuration); unreadable inputs become errors,
    never exceptions. `actor` is a file with the actor of environments that have none. `cache`
    gives the result of an input unit linted before with the same contents and settings. With
    `jobs` above 1, enough input is checked by that many processes (see `parallel`; `rebuild`
    makes `lint_units` in a spawned process), with the same result. `suppressions`: the
    configuration's (see `p1lint.suppressions`); those in effect suppress (unless not `suppress`),
    and the findings about them come last. `scope`: the files a walk leaves out (see `exclusion`).
    `known`: the ids and names of every rule, so that a comment naming none is reported."""
    from p1lint.environment.directory import group_units

    result = LintResult(suppress=suppress)
    settings = RunSettings() if settings is None else settings
    paths = list(paths)
    in_effect = suppressions.in_effect() if suppressions is not None and suppress else ()
    task = UnitTask(rules, settings, stdin_name, max_file_size, _actor(actor, result), suppress, in_effect,
                    known)
    units = group_units(discover(paths, scope))
    parts = [None if cache is None else cache.lookup(unit) for unit in units]
    missing = [unit for unit, part in zip(units, parts, strict=True) if part is None]
    fresh = iter(_lint_all(missing, task, jobs, rebuild))
    for unit, part in zip(units, parts, strict=True):
        if part is None:
            part = next(fresh)
            if cache is not None:
                cache.store(unit, part)
        result.absorb(part)
    if suppressions is not None:
        whole = [path for path in paths if scope is None or path not in scope.partial]
        result.findings.extend(_entry_findings(suppressions, result, task, whole))
    result.findings.sort(key=Finding.sort_key)
    return result


def _lint_all(
    units: list[Any], task: UnitTask, jobs: int,
    rebuild: Callable[[], Callable[[Sequence[Any]], list[LintResult | Segments]]] | None,
) -> Iterator[LintResult]:
    """The result of each unit, in order: from worker processes when there is enough input."""
    from p1lint.parallel import in_workers, worth_workers
    from p1lint.shards import pieces, units_of

    checked = pieces(units, jobs)  # a large unit is shared among the workers (see `shards`)
    if jobs > 1 and worth_workers(checked):
        work = partial(lint_units, task=task)
        results = (r for parts in in_workers(checked, jobs, work, crashed_unit, rebuild) for r in parts)
        yield from units_of(checked, results)
    else:
        yield from (lint_unit(unit, task) for unit in units)


def lint_units(units: Sequence[Any], task: UnitTask) -> list[LintResult | Segments]:
    """The result of each of `units` (or pieces of units), as a worker process sends them back
    (documents stay there)."""
    from p1lint.shards import Piece

    return [lint_piece(unit, task) if isinstance(unit, Piece) else lint_unit(unit, task) for unit in units]


def crashed_unit(unit: Any) -> list[LintResult | Segments]:
    """The result of a unit whose worker process died while checking it (never cached)."""
    name = str(getattr(unit, "path", unit))
    error = InputError(name, 1, 1, "internal error: the process checking it stopped")
    return [LintResult(errors=[error], files=1, unreadable=1, volatile=True)]


def lint_unit(unit: Any, task: UnitTask) -> LintResult:
    """The result of one input unit: a file, a snapshot directory, a Terraform directory."""
    part = _new_part(task)
    for environment in _environments_safely(unit, task.stdin_name, part, task.max_file_size):
        _with_actor(environment, task)
        _lint_environment(environment, task.rules, task.settings, part)
    _judge_comments(part, task)
    _forget_documents(part)
    return part


def _forget_documents(part: LintResult) -> None:
    """The documents and plans are not needed any more (nor sent from a worker)."""
    part._directives.clear()
    part._commented.clear()
    part._ran.clear()


def _new_part(task: UnitTask, volatile: bool = False) -> LintResult:
    """An empty result that suppresses as the task says."""
    entries = task.suppressions if task.suppress else ()
    return LintResult(suppress=task.suppress, volatile=volatile, _entries=entries)


def lint_piece(piece: Piece, task: UnitTask) -> Segments:
    """What one share of a unit finds, in segments (see `shards`): what reading gave (the first
    share's only), then per environment its share of applications' and, from the last share, its own."""
    from p1lint.shards import Segments

    read = _new_part(task)
    environments = _environments_safely(piece.unit, task.stdin_name, read, task.max_file_size)
    parts = [read if piece.share.first else _new_part(task, volatile=read.volatile)]
    for environment in environments:
        _with_actor(environment, task)
        own, whole = _new_part(task), _new_part(task)
        _lint_environment(environment, task.rules, task.settings, own, piece.share, whole)
        parts += [own, whole]
    for part in parts:
        _forget_documents(part)
    return Segments(parts)


def _with_actor(environment: Environment, task: UnitTask) -> None:
    if task.actor is not None:
        environment.objects.setdefault("actor", task.actor)


def _actor(name: str | None, result: LintResult) -> Entry | None:
    from p1lint.environment.actor import read_actor

    entry = None if name is None else read_actor(name)
    if isinstance(entry, InputError):
        result.errors.append(entry)
        return None
    return entry


def _environments_safely(
    unit: Any, stdin_name: str, result: LintResult, max_file_size: int
) -> list[Environment]:
    """The environments of one input unit; a bug in reading it costs that unit, not the run."""
    try:
        environments = _environments(unit, stdin_name, result, max_file_size)
    except Exception as error:
        result.files, result.unreadable = result.files + 1, result.unreadable + 1
        result.names.append(str(getattr(unit, "path", unit)))
        result.errors.append(_internal_error(result.names[-1], error))
        return []
    for environment in environments:
        result.errors.extend(environment.problems)
    return environments


def _environments(unit: Any, stdin_name: str, result: LintResult, max_file_size: int) -> list[Environment]:
    from p1lint.environment.directory import SnapshotDirectory
    from p1lint.environment.snapshot import SNAPSHOT_KIND, application_environment, snapshot_environment
    from p1lint.environment.terraformdirs import TERRAFORM_KIND, TerraformDirectory

    if isinstance(unit, SnapshotDirectory | TerraformDirectory):
        documents = [d for d in (_read_member(n, result, max_file_size) for n in unit.files) if d]
        return _directory_environments(unit, documents)
    read = _read(unit, stdin_name, result, max_file_size)
    if read is None:
        return []
    document, kind = read
    if kind is TERRAFORM_KIND:
        return _terraform_environments(document.name, [document])
    if kind is TERRAFORM_PLAN:
        return _plan_environments(document, result)
    if kind.name == SNAPSHOT_KIND:
        return [snapshot_environment(document)]
    return [application_environment(document, kind)]


def _directory_environments(unit: Any, documents: list[SourceDocument]) -> list[Environment]:
    from p1lint.environment.directory import SnapshotDirectory, directory_environment

    if not documents:
        return []
    if isinstance(unit, SnapshotDirectory):
        return [directory_environment(unit, documents)]
    return _terraform_environments(unit.path, documents)


def _terraform_environments(name: str, documents: list[SourceDocument]) -> list[Environment]:
    from p1lint.tfconfig.environments import terraform_environments

    return terraform_environments(name, documents)


def _plan_environments(document: SourceDocument, result: LintResult) -> list[Environment]:
    """The environments of a Terraform plan: those of the Terraform structure it is read into."""
    from p1lint.tfplan.reader import read_plan

    plan = read_plan(document)
    if isinstance(plan, InputError):
        result.errors.append(plan)
        result.unreadable += 1
        return []
    result.volatile = result.volatile or plan.files is not None  # placed by the .tf files beside it
    return _terraform_environments(document.name, [plan])


def _read_member(name: str, result: LintResult, max_file_size: int) -> SourceDocument | None:
    """A file of a snapshot directory: any data (a list of roles is not an application document)."""
    document = read_source(name, max_size=max_file_size)
    result.files += 1
    result.names.append(document.file if isinstance(document, InputError) else document.name)
    if isinstance(document, InputError):
        result.errors.append(document)
        result.unreadable += 1
        return None
    _note_comments(document, result)
    return document


def _note_comments(document: SourceDocument, result: LintResult) -> None:
    """Keep a document read by the unit that may hold suppression comments, to judge them."""
    from p1lint.suppressions.inline import COMMENTED_FORMATS, MARKER

    if document.format.name in COMMENTED_FORMATS and MARKER in document.text:
        result._commented.append(document)


def _read(
    name: str, stdin_name: str, result: LintResult, max_file_size: int
) -> tuple[SourceDocument, Kind] | None:
    """A PingOne document and its kind; anything else is an input error, or, for a file found
    while walking a directory, a notice."""
    document = read_source(name, stdin_name, max_file_size)
    kind = _kind(document) if isinstance(document, SourceDocument) else None
    if isinstance(document, SourceDocument) and kind is None:
        reason = not_a_pingone_document(document.data)
        if isinstance(name, WalkedFile):
            result.skipped.append(Notice(name, reason))
            return None
        document = InputError(document.name, *document.position(()), reason)
    result.files += 1
    result.names.append(document.file if isinstance(document, InputError) else document.name)
    if isinstance(document, InputError):
        result.errors.append(document)
        result.unreadable += 1
        return None
    assert kind is not None
    _note_comments(document, result)
    return document, kind


def _kind(document: SourceDocument) -> Kind | None:
    from p1lint.environment.terraformdirs import TERRAFORM_KIND, is_terraform_document

    return TERRAFORM_KIND if is_terraform_document(document) else kind_of(document.data)


def regex_budget(settings: RunSettings) -> RegexBudget:
    """A fresh time budget for the rule patterns of one file (`--regex-budget`)."""
    return RegexBudget(settings.regex_budget)


def _lint_environment(
    environment: Environment, rules: list[ActiveRule], settings: RunSettings, result: LintResult,
    share: Share = WHOLE, whole: LintResult | None = None,
) -> None:
    """The findings of `share` of the environment's applications in `result`; with the last share,
    those of the rules over the whole environment in `whole` (default: `result`)."""
    from p1lint.ruleplan import rule_plan

    plan = rule_plan(rules).for_environment(environment)
    for rule_id, missing in plan.not_checked:
        result.not_checked.setdefault(rule_id, missing)
    result._ran.append(plan)
    budget = regex_budget(settings)
    for target in share.of(environment.applications):
        try:
            _run(plan.per_application, target, environment, settings, result, budget, plan.kinds)
        except Exception as error:  # a bug must cost one application's findings, not the run
            result.errors.append(_internal_error(target.location.document.name, error))
    if not share.last:
        return
    rest = result if whole is None else whole
    try:
        _run_environment_scope(plan.environment_scope, environment, settings, rest, budget)
        _run_requests(plan.request_scope, environment, settings, rest, budget)
    except Exception as error:  # as above: report, never crash
        rest.errors.append(_internal_error(environment.name, error))


def _usable(rules: list[ActiveRule], environment: Environment, result: LintResult) -> list[ActiveRule]:
    """The rules whose context the environment has: a rule that needs roles or an actor does not
    guess without them. What a snapshot lacked is noted once per rule for the summary."""
    usable = []
    for active in rules:
        missing = [name for name in active.rule.requires if not environment.has(name)]
        if not missing:
            usable.append(active)
        elif environment.snapshot and active.rule.per_application:  # an environment rule without
            result.not_checked.setdefault(active.rule.id, missing[0])  # its collection has nothing to check
    return usable


def _run(
    rules: list[ActiveRule], target: ApplicationTarget, environment: Environment,
    settings: RunSettings, result: LintResult, budget: RegexBudget, kinds: Kinds | None = None,
) -> None:
    document, located, data = target.location.document, target.located, target.application
    repeated = tuple(located.view.viewed(p) for p in document.repeated_keys_below(target.location.pointer))
    context = Context(data, settings, duplicate_keys=repeated, regex_budget=budget, environment=environment,
                      renamed=getattr(located.view, "renamed", ()))
    about = About.of(target)
    for hit in check(rules, data, context, result.errors, document.name, kinds):
        location = target.locate(hit.pointer)
        if _reported(location, settings):
            _record_safely(hit, location, located.view.original(hit.pointer), result, about)
    result.volatile = result.volatile or context.volatile


def _reported(location: Location, settings: RunSettings) -> bool:
    """Whether a finding at `location` is reported: with `--changed-only`, only one in a part of
    its document that changes (of a Terraform plan, a resource it creates or updates); the rest
    is read, and checked, as the context of the changes."""
    return not settings.changed_only or location.document.changed(location.pointer)


class About(NamedTuple):
    """The application a finding is about and where it is written (see `identity`)."""

    subject: Subject
    location: Location | None

    @classmethod
    def of(cls, target: ApplicationTarget) -> About:
        document, pointer = target.location.document, target.location.pointer
        return cls(Subject.of(target.application, document.subject(pointer) or ""), target.location)


NOBODY = About(NO_SUBJECT, None)


def _record_safely(
    hit: Hit, location: Location, relative: Pointer, result: LintResult, about: About = NOBODY
) -> None:
    """`_record`, where a bug in building one finding costs that finding, not the rules after it.
    `relative` is the pointer below the checked object, as messages name it."""
    try:
        _record(hit._replace(pointer=relative), location, result, about)
    except Exception as error:
        result.errors.append(_internal_error(location.document.name, error, hit.active.rule.id))


def _record(hit: Hit, location: Location, result: LintResult, about: About = NOBODY) -> None:
    """A finding, or for a value that could not be checked in time an input error at its place."""
    if not hit.unchecked:
        source = location.document.source(location.pointer)
        finding = build_finding(hit, location.document, location.pointer, about, source)
        shown = location.document if source is None else source.document
        reason = _suppression(finding, shown, result) if result.suppress else None
        if reason is not None:
            _keep_suppressed(finding._replace(suppression="inSource", justification=reason), result)
        elif not _configured_suppression(finding, location, about, result):
            result.findings.append(finding)
        return
    line, column = location.document.position(location.pointer)
    where = f"rule {hit.active.rule.id} ({hit.active.rule.name}) could not check this value"
    result.errors.append(InputError(location.document.name, line, column, f"{where}: {hit.detail}"))


def _keep_suppressed(finding: Finding, result: LintResult) -> None:
    result.suppressed += 1
    result.suppressed_findings.append(finding)


def _suppression(finding: Finding, document: SourceDocument, result: LintResult) -> str | None:
    """The reason of the inline comment that suppresses the finding, if one does (see `suppressions`)."""
    from p1lint.suppressions.inline import suppressed

    return suppressed(_directives_of(document, result)[2], finding.line, finding.rule, finding.name)


def _directives_of(document: SourceDocument, result: LintResult) -> Any:
    """The document (kept alive), its suppression comments, and those that suppress by line."""
    from p1lint.suppressions.inline import by_line, parse_directives

    found = result._directives.get(id(document))
    if found is None:
        parsed = parse_directives(document)
        found = result._directives[id(document)] = (document, parsed, by_line(document, parsed))
    return found


def _configured_suppression(finding: Finding, location: Location, about: About, result: LintResult) -> bool:
    """Whether an entry of the configuration suppresses the finding (kept as suppressed, if so)."""
    return bool(result._entries) and _entry_suppresses(
        finding, partial(_value_path, location.document, location.pointer, about), result)


def _entry_suppresses(finding: Finding, path: Callable[[], str], result: LintResult) -> bool:
    """`_configured_suppression`, the finding's value-based path given by `path`."""
    if not result._entries:
        return False
    from p1lint.suppressions.matching import covering

    found = covering(result._entries, finding, path)
    if found is None:
        return False
    index, entry = found
    _keep_suppressed(finding._replace(suppression="external", justification=entry.reason,
                                      expires=entry.expires), result)
    if index not in result.used_suppressions:
        result.used_suppressions.append(index)
    return True


def _judge_comments(part: LintResult, task: UnitTask) -> None:
    """Findings about the suppression comments of the unit's files: without a reason, naming no
    rule, unused (of the rules that ran on them, with suppressions on and every finding reported)."""
    from p1lint.suppressions.records import comment_record, meta_rules

    rules = meta_rules(task.rules)
    if not rules or not part._commented:
        return
    judge_unused = task.suppress and not task.settings.changed_only
    ran = {name for plan in part._ran for active in plan.usable
           for name in (active.rule.id, active.rule.name)}
    for document in part._commented:
        records = [comment_record(d, document.name, ran, judge_unused, task.known)
                   for d in _directives_of(document, part)[1]]
        found = suppression_findings(rules, records, task.settings, part.errors)
        # a configuration entry may suppress them, as any finding (a comment has no value path)
        part.findings.extend(f for f in found if not _entry_suppresses(f, partial(str, f.path), part))


def _entry_findings(
    suppressions: Suppressing, result: LintResult, task: UnitTask, paths: list[str]
) -> list[Finding]:
    """The findings of the rules about suppressions on the configuration's entries."""
    from p1lint.suppressions.judging import RunScope, entry_records
    from p1lint.suppressions.records import meta_rules

    rules = meta_rules(task.rules)
    if not rules or not suppressions.entries:
        return []
    judging = task.suppress and not task.settings.changed_only
    scope = RunScope.of(paths, [*result.names, *(n.file for n in result.skipped)]) if judging else None
    used = set(result.used_suppressions)
    records = entry_records(suppressions.entries, used, task.rules, suppressions.today, scope)
    return suppression_findings(rules, records, task.settings, result.errors)


def suppression_findings(
    rules: list[ActiveRule], records: list[Any], settings: RunSettings, errors: list[InputError]
) -> list[Finding]:
    """The findings of the rules about suppressions on their records (see `suppressions.records`)."""
    from p1lint.suppressions.records import checked_data, record_finding

    if not records:
        return []
    data = checked_data(records)
    hits = check(rules, data, Context(data, settings), errors, records[0].place.file)
    return [record_finding(hit.active, hit.pointer, hit.detail, hit.value, records) for hit in hits]


def _run_environment_scope(
    rules: list[ActiveRule], environment: Environment, settings: RunSettings, result: LintResult,
    budget: RegexBudget,
) -> None:
    """Rules over the whole environment (unique names, role coverage), and those that report on
    what they did; pointers map back to the file and place of each object."""
    scoped = rules  # those of `scope: environment`, then those that report on the others
    if not scoped or (not environment.applications and not environment.has_context):
        return
    data = environment.data()
    context = Context(data, settings, regex_budget=budget, environment=environment)
    owners = _owners(environment)
    for hit in check(scoped, data, context, result.errors, environment.name):
        location = environment.locate(hit.pointer)
        if _reported(location, settings):
            _record_safely(hit, location, hit.pointer[2:], result, _owner(owners, location))
    result.volatile = result.volatile or context.volatile


def _owners(environment: Environment) -> dict[tuple[int, Pointer], ApplicationTarget]:
    return {(id(t.location.document), t.location.pointer): t for t in environment.applications}


def _owner(owners: dict[tuple[int, Pointer], ApplicationTarget], location: Location) -> About:
    """The application whose object holds `location`, if any."""
    for end in range(len(location.pointer), -1, -1):
        found = owners.get((id(location.document), location.pointer[:end]))
        if found is not None:
            return About.of(found)
    return NOBODY


def read_environments(
    names: Iterable[str], max_file_size: int = DEFAULT_MAX_FILE_SIZE, result: LintResult | None = None
) -> list[Environment]:
    """The environments of input files (discovered, or those a run has read), read as
    `lint_paths` reads them, unchecked: to describe them (a report's application cards and code
    frames) or to compare them (`diff`). What cannot be read is an error in `result`, or, without
    one, left out."""
    from p1lint.environment.directory import group_units

    scratch = LintResult() if result is None else result
    return [environment for unit in group_units(names)
            for environment in _environments_safely(unit, "<stdin>", scratch, max_file_size)]


def lint_request(
    text: str, form: Form, environment_path: str, application: str | None, rules: list[ActiveRule],
    settings: RunSettings, max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> LintResult:
    """Check one authorization request (`form`: an authorize URL or a PAR body) against the
    environment at `environment_path` (a snapshot file or directory, or an application file),
    for the application `application` names (default: the request's client_id's). Raises
    P1LintError when the path holds no single environment or `application` names none."""
    from p1lint.authorization.inputs import command_line_input

    result = LintResult()
    found = read_environments(discover([environment_path]), max_file_size, result)
    if result.errors or len(found) != 1:
        if not result.errors:
            raise P1LintError(f"p1lint: {environment_path} holds {len(found)} environments; name one")
        return result
    item = command_line_input(found[0], text, form, application)
    usable = _usable([r for r in rules if r.rule.scope == "request"], found[0], result)
    result.files = 1
    _run_requests(usable, found[0], settings, result, regex_budget(settings), [item])
    result.findings.sort(key=Finding.sort_key)
    return result


def _run_requests(
    rules: list[ActiveRule], environment: Environment, settings: RunSettings, result: LintResult,
    budget: RegexBudget, inputs: list[Any] | None = None,
) -> None:
    """Rules over authorization requests: the snapshot's `authorizationRequests`, or `inputs`;
    a finding points at the parameter (its column) in the request's text."""
    from p1lint.authorization.inputs import snapshot_inputs

    scoped = [r for r in rules if r.rule.scope == "request"]
    if not scoped or (inputs is None and not environment.has("authorizationRequests")):
        return
    for item in snapshot_inputs(environment) if inputs is None else inputs:
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        request = item.request
        context = Context.for_request(item.application, request, settings, environment, budget)
        for hit in check(scoped, request.data, context, result.errors, environment.name):
            located = hit._replace(offset=request.offset(hit.pointer, hit.offset))
            _record_safely(located, item.locate(hit.pointer), hit.pointer, result)
        result.volatile = result.volatile or context.volatile


def check(
    rules: list[ActiveRule], data: Any, context: Context, errors: list[InputError], file: str,
    kinds: Kinds | None = None,
) -> Iterator[Hit]:
    """The hits of `rules` on `data`. A rule whose conditions are undecided (unknown values)
    does not apply; rules that report on the others (`after_others`) run last. `kinds`: the rules
    chosen for each kind of application before (see `ruleplan`)."""
    for active in _chosen(rules, data, context, kinds):
        try:
            outcome = active.rule.applies(data)
            if outcome is True:
                yield from _check_rule(active, data, context)
            elif outcome is not False:
                context.note_unjudged(active.rule.id, active.rule.name, outcome.unknowns)
        except Exception as error:  # a bug in a function must not hide the other findings
            errors.append(_internal_error(file, error, active.rule.id))


def _chosen(rules: list[ActiveRule], data: Any, context: Context, kinds: Kinds | None) -> list[ActiveRule]:
    """The rules that look at `data`, in the order they run; the same for every application of a kind."""
    from p1lint.ruleplan import MAX_KINDS, application_kind

    kind = application_kind(data) if kinds is not None and not context.has_unknowns else None
    if kind is None or kinds is None:
        return _ordered(rules, data, context)
    found = kinds.get(kind)
    if found is None:
        found = _ordered(rules, data, context)
        if len(kinds) < MAX_KINDS:
            kinds[kind] = found
    return found


def _ordered(rules: list[ActiveRule], data: Any, context: Context) -> list[ActiveRule]:
    chosen = relevant(rules, data, context)
    known = isinstance(data, dict) and not context.has_unknowns
    ordered = [a for a in chosen if not a.rule.function.after_others] + [
        a for a in chosen if a.rule.function.after_others]
    return [a for a in ordered if not (known and _selects_nothing(a.rule.entry_fields, data))]


def _selects_nothing(entry_fields: tuple[str, ...] | None, data: dict[str, Any]) -> bool:
    """Whether every selector starts at a member the data does not have: the rule has nothing to
    check, and (the data holding no unknown value) its conditions can only be true or false."""
    return entry_fields is not None and not any(map(data.__contains__, entry_fields))


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
    for selector in rule.selectors:
        for match in selector.find(data):
            value, pointer = match
            context.volatile = context.volatile or rule.clock
            if rule.field is not None:
                value, pointer = _field(value, pointer, rule.field)
            if context.has_unknowns and unknown_input(value, rule):
                note_unknowns(context, rule, pointer, value)
                continue
            try:
                problems = list(rule.function.check(value, rule.options, context))
            except Unchecked as reason:
                context.volatile = True
                if reason.report:
                    yield Hit(active, pointer, str(reason), MISSING, unchecked=True)
                continue
            except UnknownInput as unknown:
                context.note_unjudged(rule.id, rule.name, unknown.unknowns)
                continue
            for problem in problems:
                if problem.unknown:
                    note_unknowns(context, rule, (*pointer, *problem.path), value_at(value, problem.path))
                    continue
                target = (*pointer, *problem.path)
                yield Hit(active, target, problem.detail, value_at(value, problem.path), problem.offset)


def _field(value: Any, pointer: Pointer, dotted: str) -> tuple[Any, Pointer]:
    """The rule's `then.field` of a match, and its pointer (that of the unknown value on the way)."""
    found = field_value(value, dotted)
    below = field_pointer(value, dotted) if isinstance(found, Unknown) else dotted.split(".")
    return found, (*pointer, *below)


def build_finding(
    hit: Hit, document: SourceDocument, pointer: Pointer, about: About = NOBODY, source: Source | None = None
) -> Finding:
    """A finding at `pointer` of `document`, or at its `source` in another file; one on a value the
    text does not show (a variable's default) says what it judged, at the place of the expression.
    `about`: the application."""
    rule = hit.active.rule
    note = document.note(pointer)
    at = hit.offset if note is None and (source is None or source.exact) else None
    shown, shown_at = (document, pointer) if source is None else (source.document, source.pointer)
    span = shown.span(shown_at) if at is None else shown.span_in_string(shown_at, at)
    message = render(rule.message, hit.detail, hit.value, hit.pointer)
    if note is not None:
        message += f" (judged on the default of {note}; the configuration may give it another value)"
    subject = document.subject(pointer)
    if subject:
        message = f"{subject}: {message}"
    return Finding(
        rule=rule.id, name=rule.name, severity=hit.active.severity, message=message,
        file=shown.name, path=format_pointer(shown_at), line=span.line, column=span.column,
        end_line=span.end_line, end_column=span.end_column, docs=rule.docs,
        application_id=about.subject.id, application_name=about.subject.name,
        fingerprint=_fingerprint(rule.id, document, pointer, hit.value, about),
    )


def _fingerprint(rule: str, document: SourceDocument, pointer: Pointer, value: Any, about: About) -> str:
    """The finding's identity: its path below its application's object (or its document's root)."""
    path = _value_path(document, pointer, about)
    return fingerprint(rule, document.name, about.subject, path, value_digest(value, pointer))


def _value_path(document: SourceDocument, pointer: Pointer, about: About) -> str:
    """The value-based path of `pointer`, below its application's object (or its document's root)."""
    base: Pointer = ()
    owner = about.location
    if owner is not None and owner.document is document and pointer[: len(owner.pointer)] == owner.pointer:
        base = owner.pointer
    return value_path(value_at(document.data, base), pointer[len(base):])
