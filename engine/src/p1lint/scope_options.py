"""The command-line options of `check` that say which files are checked, which rules apply where
and how severe they are: `--exclude`, `--extend-exclude`, `--respect-gitignore`,
`--force-exclude`, `--per-file-ignores`, `--extend-per-file-ignores` and `--severity`. A
configuration file gives the same settings, read into the same values (`p1lint.config`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


class _Parsed(click.ParamType):  # type: ignore[type-arg]
    """A value read by `parse` from the command line, or already read from a configuration."""

    def __init__(self, name: str, parse: Callable[[str], Any], kind: type) -> None:
        self.name, self.parse, self.kind = name, parse, kind

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, self.kind):
            return value
        try:
            return self.parse(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


def exclude_options(command: Any) -> Any:
    from p1lint.documents.exclusion import DEFAULT_EXCLUDE, ExcludeGlob, parse_exclude

    globs = _Parsed("glob", parse_exclude, ExcludeGlob)
    command = click.option(
        "--force-exclude/--no-force-exclude", default=False,
        help="Apply the exclude globs to files named on the command line too (as pre-commit names them).",
    )(command)
    command = click.option(
        "--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
        help="Leave out of directory walks the files .gitignore files ignore.")(command)
    command = click.option(
        "--extend-exclude", type=globs, multiple=True,
        help="GLOB — files and directories left out of directory walks, in addition to --exclude "
             "(repeatable).")(command)
    return click.option(
        "--exclude", type=globs, multiple=True, default=DEFAULT_EXCLUDE,
        help="GLOB — files and directories left out of directory walks, replacing the default list "
             "(.git, .venv, .terraform, node_modules, ...; repeatable).")(command)


def scope_options(command: Any) -> Any:
    from p1lint.fileignores import FileIgnore, parse_file_ignore
    from p1lint.severity_overrides import SeverityOverride, parse_override

    command = exclude_options(command)

    ignores = _Parsed("glob:rules", parse_file_ignore, FileIgnore)
    for flag, more in (("--extend-per-file-ignores", "added to those of --per-file-ignores"),
                       ("--per-file-ignores", "replacing the configuration's")):
        command = click.option(
            flag, type=ignores, multiple=True,
            help=f"GLOB:RULES — rules not to report in the files GLOB matches, {more}; `!GLOB` for "
                 f"the files it does not match (repeatable).")(command)
    return click.option(
        "--severity", "severities", type=_Parsed("rule=level", parse_override, SeverityOverride),
        multiple=True, help="RULE=LEVEL — the severity of a rule (id, prefix or name), whatever the "
                            "profile (repeatable).")(command)
