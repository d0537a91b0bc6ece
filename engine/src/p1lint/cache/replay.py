"""The start-up path: before click, pydantic, the rules or the engine are imported, look the
command line up in the results cache; when the run it asks for was recorded and every file and
directory it read is unchanged, print the recorded result through the requested reporter and
return its exit code. Anything else — no record, a changed file, a bad entry — returns None and
the full run goes on (and records itself for next time)."""

from __future__ import annotations

from typing import Any

from p1lint.cache.codec import BadEntry, Part, merge_parts, part_from_json
from p1lint.cache.invocation import invocation_key, option_values, remember
from p1lint.cache.keys import directory_unchanged, file_unchanged
from p1lint.cache.store import Store, cache_root


def replay(argv: list[str]) -> int | None:
    """The exit code of the replayed run, or None when it cannot be replayed."""
    try:
        key = invocation_key(argv)
        remember(key)
        found = None if key is None else _recorded(argv, key)
    except Exception:  # the cache never costs a run: whatever went wrong, run in full
        return None
    if found is None:
        return None
    render, part = found
    return _print(part, render)


def _recorded(argv: list[str], key: str) -> tuple[dict[str, Any], Part] | None:
    import os

    if os.environ.get("P1LINT_DEBUG"):
        return None
    chosen = option_values(argv, "--cache-dir")
    root = cache_root(chosen[-1] if chosen else None)
    if root is None:
        return None
    store = Store(root)
    body = store.read("run", key)
    if body is None or not _unchanged(body):
        return None
    render, parts = _render(body.get("render")), _parts(store, body.get("units"))
    if render is None or parts is None:
        return None
    store.touch("run", key)
    return render, merge_parts(parts)


def _unchanged(body: dict[str, Any]) -> bool:
    taken, files, directories = body.get("taken_ns"), body.get("files"), body.get("directories")
    if type(taken) is not int or not isinstance(files, list) or not isinstance(directories, list):
        return False
    return all(directory_unchanged(state) for state in directories) and all(
        file_unchanged(state, taken) for state in files)


def _render(render: Any) -> dict[str, Any] | None:
    from p1lint.findings import SEVERITY_RANK
    from p1lint.reporters import REPORTERS

    if not isinstance(render, dict):
        return None
    valid = (render.get("output_format") in REPORTERS and render.get("fail_on") in SEVERITY_RANK
             and type(render.get("quiet")) is bool and type(render.get("no_color")) is bool)
    return render if valid else None


def _parts(store: Store, keys: Any) -> list[Part] | None:
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
        return None
    parts = []
    for key in keys:
        body = store.read("unit", key)
        try:
            parts.append(part_from_json(None if body is None else body.get("part")))
        except BadEntry:
            return None
    return parts


def _print(part: Part, render: dict[str, Any]) -> int:
    from p1lint.exitcodes import EXIT_ERROR
    from p1lint.outcome import exit_code, print_notes, print_report

    try:
        print_notes(part, render["quiet"])
        print_report(part.findings, part, render["output_format"], render["no_color"], render["quiet"],
                     render["fail_on"])
    except BrokenPipeError:  # as the full run: the reader left, nothing to report to
        from p1lint.terminal import discard_stdout

        discard_stdout()
        return EXIT_ERROR
    return exit_code(part.findings, bool(part.errors), render["fail_on"])
