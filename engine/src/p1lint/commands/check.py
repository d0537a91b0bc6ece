"""`p1lint check`."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from p1lint.commands.suppressing import check_patterns
from p1lint.documents.exclusion import DEFAULT_EXCLUDE
from p1lint.documents.files import DEFAULT_MAX_FILE_SIZE
from p1lint.escaping import printable
from p1lint.exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from p1lint.findings import Finding, InputError, P1LintError
from p1lint.outcome import exit_code, not_checked_lines, print_notes
from p1lint.parallel import available_cpus
from p1lint.run_settings import DEFAULT_REGEX_BUDGET, RunSettings
from p1lint.selection import ActiveRule
from p1lint.suppressions.entries import ConfigSuppression
from p1lint.suppressions.run import Suppressing
from p1lint.terminal import echo, split_values, use_color

__all__ = ["exit_code", "not_checked_lines", "run_check", "select_rules"]

if TYPE_CHECKING:
    from p1lint.documents.exclusion import ExcludeGlob, FileScope
    from p1lint.engine import LintResult
    from p1lint.fileignores import FileIgnore
    from p1lint.reporters import Outcome
    from p1lint.reporters.destinations import Destination
    from p1lint.severity_overrides import SeverityOverride
    from p1lint.shards import Segments


def run_check(
    paths: list[str], *, output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
    fail_on: str, profile: str, rule_dirs: tuple[Path, ...], custom_domain: str | None,
    stdin_filename: str, custom_attributes: tuple[str, ...], no_color: bool, quiet: bool,
    baseline: Path | None, write_baseline: Path | None, update_baseline: bool = False,
    regex_budget: float = DEFAULT_REGEX_BUDGET,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE, actor: str | None = None, changed_only: bool = False,
    strict_unknowns: bool = False, no_cache: bool = False, cache_dir: Path | None = None,
    jobs: int | None = None, output: Path | None = None, docs_url: str | None = None,
    no_suppress: bool = False, show_suppressed: bool = False, exit_zero: bool = False,
    statistics: bool = False, extend_select: tuple[str, ...] = (), extend_ignore: tuple[str, ...] = (),
    per_file_ignores: tuple[FileIgnore, ...] = (), extend_per_file_ignores: tuple[FileIgnore, ...] = (),
    severities: tuple[SeverityOverride, ...] = (),
    suppressions: tuple[ConfigSuppression, ...] = (),
    exclude: tuple[ExcludeGlob | str, ...] = DEFAULT_EXCLUDE,
    extend_exclude: tuple[ExcludeGlob | str, ...] = (),
    respect_gitignore: bool = True, force_exclude: bool = False, show_source: bool = False,
) -> int:
    options = dict(locals())  # every option, nothing else: those that change findings key the results cache
    from p1lint.engine import lint_paths

    started = time.perf_counter()
    try:
        places = report_places(output_format, output, docs_url, show_source)
        options["output_format"] = replayed_format(places)
        scope = file_scope(paths, (*exclude, *extend_exclude), respect_gitignore, force_exclude)
        chosen, skipped = combined_selection(select, ignore, extend_select, extend_ignore)
        file_ignores = (*per_file_ignores, *extend_per_file_ignores)
        rules = select_rules(rule_dirs, profile, chosen, skipped, cache_dir, severities, file_ignores)
        _check_suppressions(suppressions, rule_dirs, cache_dir)
        accepted = _load_baseline(baseline)
        if update_baseline and baseline is None:
            raise P1LintError("p1lint: --update-baseline needs --baseline FILE (or `baseline` in the "
                              "configuration)")
    except P1LintError as problem:
        echo(str(problem), err=True)
        return EXIT_ERROR
    settings = RunSettings(custom_domain=custom_domain, regex_budget=regex_budget, changed_only=changed_only,
                           custom_attributes=tuple(split_values(custom_attributes)),
                           strict_unknowns=strict_unknowns)
    suppressing = Suppressing.of(suppressions, settings)
    options["suppressions"] = suppressing.key()
    cache = _results_cache(options)
    choice = RuleChoice(rule_dirs, profile, tuple(chosen), tuple(skipped), severities)
    rebuild = partial(worker_lint, choice, settings, stdin_filename, max_file_size, actor, not no_suppress,
                      suppressing.in_effect())
    result = lint_paths(paths, rules, settings, stdin_filename, max_file_size, actor, cache,
                        jobs=available_cpus() if jobs is None else jobs, rebuild=rebuild,
                        suppress=not no_suppress, suppressions=suppressing, scope=scope,
                        known=rule_keys(rules, rule_dirs, cache_dir))
    _drop_ignored(result, file_ignores)
    accepted = None if no_suppress else accepted
    print_notes(result, quiet)
    if write_baseline is not None:
        return _write_baseline(write_baseline, result.findings, bool(result.errors))
    try:
        findings, shown = _without_accepted(result.findings, accepted, baseline, quiet, update_baseline)
    except P1LintError as problem:  # the baseline could not be updated
        echo(str(problem), err=True)
        return EXIT_ERROR
    suppressed = sorted([*result.suppressed_findings, *shown], key=Finding.sort_key)
    if statistics:
        _print_statistics(findings, len(suppressed))
        written = True
    else:
        written = _write_all(places, findings, suppressed, result, rules, fail_on, started, docs_url,
                             show_suppressed=show_suppressed, no_color=no_color, quiet=quiet,
                             stdin_name=stdin_filename if "-" in paths else "",
                             configuration=tuple(sorted({entry.source for entry in suppressions})))
    if cache is not None:
        cache.record_run(paths, options, result, replayable=suppressing.replayable(result.findings),
                         watched=scope.consulted())
    code = exit_code(findings, bool(result.errors), fail_on, written)
    return EXIT_OK if exit_zero and code == EXIT_FINDINGS else code


def file_scope(
    paths: Sequence[str], globs: Sequence[ExcludeGlob | str], respect_gitignore: bool, force: bool
) -> FileScope:
    """What of `paths` the run checks; the globs are compiled now if they will be used (a bad
    one is a `P1LintError`), and `pathspec` is not imported for files named without `force`."""
    import os

    from p1lint.documents.exclusion import FileScope, exclude_glob

    made = [glob if isinstance(glob, tuple) else exclude_glob(glob, os.getcwd()) for glob in globs]
    scope = FileScope(made, respect_gitignore, force)
    if force or any(path != "-" and os.path.isdir(path) for path in paths):
        scope.prepare()
    return scope


def _drop_ignored(result: Any, entries: Sequence[FileIgnore]) -> None:
    """Leave out the findings of the rules per-file ignores turn off in their files."""
    from p1lint.fileignores import without_ignored

    if entries:
        result.findings = without_ignored(result.findings, entries)
        result.suppressed_findings = without_ignored(result.suppressed_findings, entries)


def _write_all(
    places: list[Destination], findings: list[Finding], suppressed: list[Finding], result: Any,
    rules: list[ActiveRule], fail_on: str, started: float, docs_url: str | None, *,
    show_suppressed: bool, no_color: bool, quiet: bool, stdin_name: str = "",
    configuration: tuple[str, ...] = (),
) -> bool:
    """Every report; SARIF also records the suppressed findings, as suppressions (other formats
    show them with `--show-suppressed`). `configuration`: the files of the suppression entries."""
    outcome = run_outcome(result, rules, fail_on, started)._replace(stdin_name=stdin_name,
                                                                    configuration=configuration)
    everything = sorted([*findings, *suppressed], key=Finding.sort_key)
    from p1lint.reporters import SHOWS_SUPPRESSED

    plain = [p for p in places if p.format not in SHOWS_SUPPRESSED]
    return all([
        write_reports(plain, everything if show_suppressed else findings, outcome, docs_url,
                      no_color=no_color, quiet=quiet),
        write_reports([p for p in places if p.format in SHOWS_SUPPRESSED], everything, outcome, docs_url,
                      no_color=no_color, quiet=quiet),
    ])


def _print_statistics(findings: list[Finding], suppressed: int) -> None:
    """Counts per rule, most frequent first (as ruff's `--statistics`)."""
    from collections import Counter

    counts = Counter((f.rule, f.name, f.severity) for f in findings)
    for (rule, name, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        echo(f"{count:6d}  {rule}  {severity:<7}  {name}")
    if suppressed:
        echo(f"{suppressed:6d}  suppressed")


def replayed_format(places: list[Destination]) -> str | None:
    """The format a cached run may replay: one report on standard output, of a format that
    needs neither the rule files nor the inputs (None: the run is not replayed)."""
    from p1lint.reporters import NOT_REPLAYED

    if len(places) != 1 or places[0].path is not None or places[0].format in NOT_REPLAYED:
        return None
    return places[0].format


def report_places(
    formats: Any, output: Path | None, docs_url: str | None, show_source: bool = False
) -> list[Destination]:
    """Where each report goes (with `show_source`, the text one as `full`); a bad `--format`,
    `-o` or `--docs-url` is a `P1LintError`."""
    from p1lint.links import checked_docs_url
    from p1lint.reporters.destinations import destinations

    if docs_url is not None:
        checked_docs_url(docs_url)
    places = destinations([formats] if isinstance(formats, str) else list(formats), output)
    return [place._replace(format="full") if show_source and place.format == "text" else place
            for place in places]


def run_outcome(result: Any, rules: list[ActiveRule], fail_on: str, started: float) -> Outcome:
    """What the reports say about the run besides its findings."""
    from p1lint.reporters import Outcome
    from p1lint.reporters.rulehelp import rule_help_source

    return Outcome(result.files, result.unreadable, tuple(result.errors), tuple(getattr(result, "names", ())),
                   fail_on, time.perf_counter() - started, rule_help_source(rules),
                   not_checked=tuple(sorted(result.not_checked.items())))


def write_reports(
    places: list[Destination], findings: list[Finding], outcome: Outcome, docs_url: str | None, *,
    no_color: bool, quiet: bool,
) -> bool:
    """Write every report; False (after one line per failure on standard error) when a report
    file could not be written."""
    import sys

    from p1lint.links import with_docs_url
    from p1lint.reporters.destinations import emit

    try:
        emit(places, with_docs_url(findings, docs_url), outcome, color=use_color(no_color, sys.stdout),
             quiet=quiet)
    except P1LintError as problem:
        echo(str(problem), err=True)
        return False
    return True


class RuleChoice(NamedTuple):
    """How the rules of a run were chosen, for a worker process that loads them again."""

    rule_dirs: tuple[Path, ...]
    profile: str
    selected: tuple[str, ...]
    ignored: tuple[str, ...]
    severities: tuple[SeverityOverride, ...] = ()


def worker_lint(
    choice: RuleChoice, settings: RunSettings, stdin_name: str, max_file_size: int, actor: str | None,
    suppress: bool = True, suppressions: tuple[tuple[int, Any], ...] = (),
) -> Callable[[Sequence[Any]], list[LintResult | Segments]]:
    """In a spawned worker process: what checks its units, made as this run made it (an error in
    the rules or the actor file was reported by the main process)."""
    from p1lint.engine import UnitTask, lint_units
    from p1lint.environment.actor import read_actor

    rules = select_rules(choice.rule_dirs, choice.profile, list(choice.selected), list(choice.ignored),
                         severities=choice.severities)
    entry = None if actor is None else read_actor(actor)
    given = None if isinstance(entry, InputError) else entry
    task = UnitTask(rules, settings, stdin_name, max_file_size, given, suppress, suppressions,
                    rule_keys(rules, choice.rule_dirs))
    return partial(lint_units, task=task)


def rule_keys(
    rules: list[ActiveRule], rule_dirs: tuple[Path, ...], cache_dir: Path | None = None
) -> frozenset[str]:
    """The id and name of every rule of the catalogue, when a rule about suppressions runs (it
    reports a comment naming none of them); else none."""
    if not any(active.rule.scope == "suppressions" for active in rules):
        return frozenset()
    from p1lint.catalogue import load_catalogue

    return frozenset(key for rule in load_catalogue(rule_dirs, cache_dir) for key in (rule.id, rule.name))


def _check_suppressions(entries: tuple[ConfigSuppression, ...], rule_dirs: tuple[Path, ...],
                        cache_dir: Path | None) -> None:
    """Refuse a configuration suppression whose rule pattern names no rule."""
    if entries:
        from p1lint.catalogue import load_catalogue

        check_patterns(entries, load_catalogue(rule_dirs, cache_dir))


def _results_cache(options: dict[str, Any]) -> Any:
    """The results cache of this run (None with `--no-cache`, or where no cache directory can be)."""
    if options["no_cache"]:
        return None
    from p1lint.cache.units import open_results_cache

    return open_results_cache(options)


def _load_baseline(path: Path | None) -> Any:
    if path is None:
        return None
    from p1lint.baseline import load_baseline

    return load_baseline(path)


def _write_baseline(path: Path, findings: list[Finding], had_errors: bool) -> int:
    from p1lint.baseline import write_baseline

    try:
        write_baseline(path, findings)
    except P1LintError as problem:
        echo(str(problem), err=True)
        return EXIT_ERROR
    echo(printable(f"p1lint: wrote {len(findings)} findings to the baseline {path}"), err=True)
    return EXIT_ERROR if had_errors else EXIT_OK


def _without_accepted(
    findings: list[Finding], accepted: Any, path: Path | None, quiet: bool, update: bool
) -> tuple[list[Finding], list[Finding]]:
    """The findings the baseline does not accept, and those it does (marked as suppressed);
    stale entries are listed, and with `update` pruned from the baseline file."""
    if accepted is None or path is None:
        return findings, []
    from p1lint.baseline import apply_baseline, pruned, write_entries

    filtered = apply_baseline(findings, accepted, path)
    if update and filtered.stale:
        write_entries(path, pruned(accepted, filtered.stale))
    if not quiet:
        verb = "pruned from" if update else "no longer matched in"
        for entry in filtered.stale:
            echo(printable(f"p1lint: baseline entry {verb} {path}: {entry}"), err=True)
        stale = f"; {len(filtered.stale)} of its entries {verb} it" if filtered.stale else ""
        message = f"p1lint: {filtered.suppressed} findings accepted by the baseline {path}{stale}"
        echo(printable(message), err=True)
    return filtered.findings, filtered.accepted


def combined_selection(
    select: tuple[str, ...], ignore: tuple[str, ...], extend_select: tuple[str, ...] = (),
    extend_ignore: tuple[str, ...] = (),
) -> tuple[list[str], list[str]]:
    """The patterns that select and ignore rules: `select` (the command line's replaces the
    configuration's, as ruff's does) or, when none is given, every rule of the profile; then
    `extend-select` and `extend-ignore` add to them."""
    chosen, added = split_values(select), split_values(extend_select)
    if added and not chosen:
        chosen = [EVERY_RULE]  # the profile's rules, and those added
    return [*chosen, *added], [*split_values(ignore), *split_values(extend_ignore)]


EVERY_RULE = ""  # a pattern that is a prefix of every id, the least specific of all


def select_rules(
    rule_dirs: tuple[Path, ...], profile: str, selected: list[str], ignored: list[str],
    cache_dir: Path | None = None, severities: Sequence[SeverityOverride] = (),
    file_ignores: Sequence[FileIgnore] = (),
) -> list[ActiveRule]:
    """The catalogue filtered by profile and selection, with the severity overrides; a pattern
    matching no rule is an error (at its place in the configuration, if it comes from there)."""
    from p1lint.catalogue import load_catalogue
    from p1lint.selection import active_rules

    catalogue = load_catalogue(rule_dirs, cache_dir)
    _require_known(catalogue, "p1lint", [*selected, *ignored])
    for override in severities:
        _require_known(catalogue, _where(override.origin, "severity"), [override.rule])
    for entry in file_ignores:
        _require_known(catalogue, _where(entry.origin, "per-file-ignores"), entry.rules)
    return active_rules(catalogue, profile, selected, ignored, severities)


def _where(origin: str, setting: str) -> str:
    """`file:line:col: setting` of a configuration entry, `p1lint: --setting` of an option."""
    return f"{origin}: {setting}" if origin else f"p1lint: --{setting}"


def _require_known(catalogue: Any, where: str, patterns: Sequence[str]) -> None:
    from p1lint.catalogue import did_you_mean
    from p1lint.selection import unknown_patterns

    unknown = unknown_patterns(catalogue, patterns)
    if unknown:
        hint = did_you_mean(catalogue, unknown)
        listed = ", ".join(unknown)
        raise P1LintError(printable(f"{where}: no rule matches {listed}{hint} (see `p1lint rules`)"))

