"""The common `p1lint check` command line, read from a table without importing click (about a
seventh of a one-file run's start-up): paths and the options below, given as `--name VALUE`,
`--name=VALUE` or `-o VALUE`, with the configuration file found as `p1lint.cli` finds it.

Whatever the table does not read as click would — an unknown or abbreviated option, a value click
might refuse or read otherwise, `--help`, `--config`, `--pull`, another command — makes
`read` decline (None), and click reads the command line instead, with its own messages. A test
holds the table to click's `check`: the same options, and the same settings for each command
line the table reads."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from p1lint.documents.exclusion import DEFAULT_EXCLUDE
from p1lint.findings import PROFILES, SEVERITIES
from p1lint.run_settings import DEFAULT_REGEX_BUDGET

# `p1lint.cli`'s commands and group options: a first word that is none of them starts `check`'s paths
COMMANDS = ("check", "pull", "request", "diff", "rules", "rule", "expr", "docs")
GROUP_OPTIONS = ("--help", "-h", "--version")


class Declined(Exception):
    """A command line, or a value, that click must read."""


class Option(NamedTuple):
    name: str  # the keyword of `run_check`
    flags: tuple[str, ...]
    read: Callable[[Any], Any] | None  # None: a flag
    multiple: bool = False
    default: Any = None  # of a flag: False unless given
    off: tuple[str, ...] = ()  # of a flag: the flags that turn it off


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Declined
    return value


def _choice(*values: str) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if value not in values:
            raise Declined
        return str(value)

    return read


def _checked_path(value: Any, dir_okay: bool) -> Any:
    """click.Path's checks: where the path exists, it is readable (and no directory)."""
    if not isinstance(value, str | Path):
        raise Declined
    try:
        mode = os.stat(value).st_mode
    except OSError:
        return value
    if (not dir_okay and stat.S_ISDIR(mode)) or not os.access(value, os.R_OK):
        raise Declined
    return value


def _path(value: Any) -> Path:
    return Path(_checked_path(value, dir_okay=True))


def _file(value: Any) -> Path:
    return Path(_checked_path(value, dir_okay=False))


def _file_name(value: Any) -> Any:
    return _checked_path(value, dir_okay=False)


def _positive_float(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise Declined from None
    if not number > 0:
        raise Declined
    return number


def _jobs(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Declined from None
    if number < 1:
        raise Declined
    return number


def _parsed(module: str, function: str, kind: str) -> Callable[[Any], Any]:
    """A value read by `module.function`, or already read (an instance of `module.kind`)."""
    def read(value: Any) -> Any:
        from importlib import import_module

        found = import_module(module)
        if isinstance(value, getattr(found, kind)):
            return value
        try:
            return getattr(found, function)(value)
        except (TypeError, ValueError):
            raise Declined from None

    return read


def _size(value: Any) -> int:
    from p1lint.documents.files import parse_size

    if type(value) is int:
        return value
    try:
        return parse_size(value)
    except (TypeError, ValueError):
        raise Declined from None


OPTIONS = (
    Option("output_format", ("--format",), _parsed("p1lint.reporters.destinations", "parse_format",
                                                    "Destination"), multiple=True, default=("text",)),
    Option("output", ("--output", "-o"), _file),
    Option("docs_url", ("--docs-url",), _text),
    Option("select", ("--select",), _text, multiple=True),
    Option("ignore", ("--ignore",), _text, multiple=True),
    Option("extend_select", ("--extend-select",), _text, multiple=True),
    Option("extend_ignore", ("--extend-ignore",), _text, multiple=True),
    Option("fail_on", ("--fail-on",), _choice(*SEVERITIES), default="error"),
    Option("profile", ("--profile",), _choice(*PROFILES), default="recommended"),
    Option("rule_dirs", ("--rules",), _path, multiple=True),
    Option("custom_domain", ("--custom-domain",), _text),
    Option("stdin_filename", ("--stdin-filename",), _text, default="<stdin>"),
    Option("custom_attributes", ("--custom-attribute",), _text, multiple=True),
    Option("actor", ("--actor",), _file_name),
    Option("no_color", ("--no-color",), None),
    Option("quiet", ("--quiet", "-q"), None),
    Option("baseline", ("--baseline",), _file),
    Option("write_baseline", ("--write-baseline",), _file),
    Option("no_suppress", ("--no-suppress",), None),
    Option("show_suppressed", ("--show-suppressed",), None),
    Option("exit_zero", ("--exit-zero",), None),
    Option("statistics", ("--statistics",), None),
    Option("show_source", ("--show-source",), None),
    Option("update_baseline", ("--update-baseline",), None),
    Option("regex_budget", ("--regex-budget",), _positive_float, default=DEFAULT_REGEX_BUDGET),
    Option("changed_only", ("--changed-only",), None),
    Option("max_file_size", ("--max-file-size",), _size, default="100MiB"),
    Option("strict_unknowns", ("--strict-unknowns",), None),
    Option("no_cache", ("--no-cache",), None),
    Option("cache_dir", ("--cache-dir",), _path),
    Option("severities", ("--severity",), _parsed("p1lint.severity_overrides", "parse_override",
                                                   "SeverityOverride"), multiple=True),
    Option("per_file_ignores", ("--per-file-ignores",), _parsed("p1lint.fileignores", "parse_file_ignore",
                                                                "FileIgnore"), multiple=True),
    Option("extend_per_file_ignores", ("--extend-per-file-ignores",),
           _parsed("p1lint.fileignores", "parse_file_ignore", "FileIgnore"), multiple=True),
    Option("jobs", ("--jobs", "-j"), _jobs),
    Option("exclude", ("--exclude",), _parsed("p1lint.documents.exclusion", "parse_exclude", "ExcludeGlob"),
           multiple=True, default=DEFAULT_EXCLUDE),
    Option("extend_exclude", ("--extend-exclude",),
           _parsed("p1lint.documents.exclusion", "parse_exclude", "ExcludeGlob"), multiple=True),
    Option("respect_gitignore", ("--respect-gitignore",), None, default=True,
           off=("--no-respect-gitignore",)),
    Option("force_exclude", ("--force-exclude",), None, off=("--no-force-exclude",)),
)
NO_CONFIG = ("--no-config", "--isolated")
# `check`'s options that only click reads (given on the command line, they decline); `pull`'s
# options are read and dropped by `check` without `--pull`, so a configuration's are ignored here too
CLICK_ONLY = ("--pull", "--config", "--environment", "--region", "--api-url", "--auth-url", "--client-id",
              "--worker-environment", "--actor-user", "--actor-application", "--actor-environment",
              "--timeout", "--retries", "--concurrency")
BY_FLAG = {flag: option for option in OPTIONS for flag in (*option.flags, *option.off)}
CACHE_DIR_VARIABLE = "P1LINT_CACHE_DIR"  # `--cache-dir`'s environment variable


class Invocation(NamedTuple):
    """What `p1lint.cli.check` would pass to `run_check`, and which options were given (on the
    command line or by the configuration)."""

    paths: list[str]
    options: dict[str, Any]
    given: frozenset[str]


def read(argv: list[str]) -> Invocation | None:
    """The `check` that `argv` (the words after `p1lint`) asks for; None: click must read it."""
    try:
        return _read(argv)
    except Declined:
        return None


def _read(argv: list[str]) -> Invocation:
    if "_P1LINT_COMPLETE" in os.environ or not argv or argv[0] in GROUP_OPTIONS:
        raise Declined
    if argv[0] in COMMANDS:
        if argv[0] != "check":
            raise Declined
        argv = argv[1:]
    paths, values, no_config = _words(argv)
    if not paths:
        raise Declined
    configured, suppressions = ({}, ()) if no_config else _configuration()
    options, given = _settings(values, configured)
    options["suppressions"] = suppressions
    return Invocation(paths, options, frozenset(given))


def _words(argv: list[str]) -> tuple[list[str], dict[str, Any], bool]:
    """The paths, the raw values of the options (a list each, in order) and `--no-config`."""
    paths: list[str] = []
    values: dict[str, list[Any]] = {}
    no_config = False
    words = iter(argv)
    for word in words:
        if word == "--":
            paths.extend(words)
        elif word in NO_CONFIG:
            no_config = True
        elif word.startswith("-") and word != "-":
            option, value = _option(word, words)
            values.setdefault(option.name, []).append(value)
        else:
            paths.append(word)
    return paths, values, no_config


def _option(word: str, words: Any) -> tuple[Option, Any]:
    flag, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
    option = BY_FLAG.get(flag)
    if option is None:
        raise Declined
    if option.read is None:
        if equals:
            raise Declined
        return option, flag not in option.off
    if equals:
        return option, value
    following = next(words, None)
    if following is None or (following.startswith("-") and following != "-"):
        raise Declined
    return option, following


def _settings(values: dict[str, list[Any]], configured: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    options: dict[str, Any] = {}
    given = set(values) | {option.name for option in OPTIONS if option.name in configured}
    environment = os.environ.get(CACHE_DIR_VARIABLE)
    for option in OPTIONS:
        if option.name in values:
            raw = values[option.name] if option.multiple else values[option.name][-1]
        elif option.name == "cache_dir" and environment:  # as click: before the configuration
            raw = environment
            given.add(option.name)
        elif option.name in configured:
            raw = configured[option.name]
        else:
            options[option.name] = _default(option)
            continue
        options[option.name] = _value(option, raw)
    return options, given


def _default(option: Option) -> Any:
    if option.read is None:
        return bool(option.default)
    if option.multiple:
        return tuple(option.read(value) for value in option.default or ())
    return None if option.default is None else option.read(option.default)


def _value(option: Option, raw: Any) -> Any:
    if raw is None:
        raise Declined
    if option.read is None:
        if type(raw) is not bool:
            raise Declined
        return raw
    if not option.multiple:
        return option.read(raw)
    if not isinstance(raw, list | tuple):
        raise Declined
    return tuple(option.read(value) for value in raw)


def _configuration() -> tuple[dict[str, Any], tuple[Any, ...]]:
    """The settings of the configuration file found upwards from here, as `p1lint.cli` applies
    them to `check`, and its suppressions."""
    from p1lint.config import ConfigError, find_config, load_config

    path = find_config(Path.cwd())
    if path is None:
        return {}, ()
    try:
        settings = load_config(path)
    except ConfigError:
        raise Declined from None  # click reports it
    suppressions = tuple(settings.pop("suppressions", ()))
    if isinstance(settings.get("output_format"), str):
        settings["output_format"] = (settings["output_format"],)
    return settings, suppressions


def run(argv: list[str]) -> int | None:
    """The exit code of the `check` that `argv` asks for, or None: click must read `argv`."""
    invocation = read(argv)
    if invocation is None:
        return None
    from p1lint.cache.invocation import remember_given
    from p1lint.command_guard import guarded
    from p1lint.commands.check import run_check

    remember_given(invocation.given)
    code: int = guarded(lambda: run_check(invocation.paths, **invocation.options))
    return code
