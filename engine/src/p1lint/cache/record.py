"""The run record: written after a full run under its invocation key, it lists what `replay`
must find unchanged to print the same output again — the files of every unit (and the `--actor`
and `--rules` files), the directories whose listings chose the units — with the keys of the units'
entries and the options that shape the output."""

from __future__ import annotations

import os
import sys
from typing import Any

from p1lint.cache.invocation import current, given_options
from p1lint.cache.keys import DirectoryState, FileState, directory_state, file_state
from p1lint.cache.transcript import transcribe
from p1lint.terminal import use_color

# the options of `check` whose effect `replay` reproduces (by the units' entries or `RENDER`);
# a run that gives any other option a value of its own is not recorded
REPLAYABLE_OPTIONS = frozenset({
    "paths", "output_format", "select", "ignore", "fail_on", "profile", "rule_dirs", "custom_domain",
    "stdin_filename", "custom_attributes", "no_color", "quiet", "regex_budget", "max_file_size", "actor",
    "changed_only", "strict_unknowns", "no_cache", "cache_dir", "suppressions", "exclude", "extend_exclude",
    "respect_gitignore", "force_exclude", "show_source",
})
RENDER = ("output_format", "no_color", "quiet", "fail_on")
PARENT_LEVELS = 3  # a snapshot's `applications/<id>/<collection>.json` is read with its root


def write_record(
    cache: Any, paths: list[str], options: dict[str, Any], result: Any, watched: list[str] | None = None
) -> None:
    key = current()
    if key is None or options["output_format"] is None or not _replayable(options):
        return  # not asked for again, or not replayed (see `replayed_format`)
    if None in cache.units or cache.errors != len(result.errors):
        return
    present = [name for name in dict.fromkeys(watched or ()) if os.path.isfile(name)]
    files = _extra_files(options, present)
    absent = [_existing_parent(name) for name in watched or () if name not in present]  # one may appear
    directories = _directories(paths, [state[0] for state in cache.files], options, absent)
    if files is None or directories is None:
        return
    render = {name: options[name] for name in RENDER}
    body = {
        "taken_ns": cache.started_ns, "render": render,
        "files": [*cache.files, *files], "directories": directories, "units": cache.units,
        "transcript": transcribe(result, render, use_color(options["no_color"], sys.stdout)),
    }
    cache.entries.write("run", key, body)


def _replayable(options: dict[str, Any]) -> bool:
    """Whether every option outside `REPLAYABLE_OPTIONS` has its default (not set on the command
    line or by a configuration file)."""
    given = given_options()
    if given is not None:
        return not any(name in given for name in options if name not in REPLAYABLE_OPTIONS)
    import click
    from click.core import ParameterSource

    context = click.get_current_context(silent=True)
    if context is None:
        return False
    others = [name for name in options if name not in REPLAYABLE_OPTIONS]
    return all(context.get_parameter_source(name) in (ParameterSource.DEFAULT, None) for name in others)


def _extra_files(options: dict[str, Any], watched: list[str]) -> list[FileState] | None:
    names = [*watched, options["actor"]] if options.get("actor") else list(watched)
    for directory in options.get("rule_dirs") or ():
        names.extend(_files_below(str(directory)))
    states = [file_state(name) for name in names]
    return None if None in states else [state for state in states if state is not None]


def _directories(
    paths: list[str], members: list[str], options: dict[str, Any], watched: list[str]
) -> list[DirectoryState] | None:
    names: dict[str, None] = dict.fromkeys(watched)
    for path in [*paths, *(str(d) for d in options.get("rule_dirs") or ())]:
        if os.path.isdir(path):
            names.update(dict.fromkeys(_directories_below(path)))
    for member in members:
        for _ in range(PARENT_LEVELS):
            member = os.path.dirname(member)
            names[member] = None
    states = [directory_state(name) for name in names]
    return None if None in states else [state for state in states if state is not None]


def _existing_parent(path: str) -> str:
    """The nearest directory above `path` that exists (whose listing would show it appear)."""
    parent = os.path.dirname(path)
    while parent != os.path.dirname(parent) and not os.path.isdir(parent):
        parent = os.path.dirname(parent)
    return parent


def _directories_below(root: str) -> list[str]:
    found: list[str] = []
    pending = [root]
    while pending:
        directory = pending.pop()
        found.append(directory)
        try:
            with os.scandir(directory) as listing:
                pending.extend(item.path for item in listing if item.is_dir(follow_symlinks=False))
        except OSError:
            continue
    return found


def _files_below(root: str) -> list[str]:
    found: list[str] = []
    for directory in _directories_below(root):
        try:
            with os.scandir(directory) as listing:
                found.extend(item.path for item in listing if not item.is_dir(follow_symlinks=False))
        except OSError:
            continue
    return found
