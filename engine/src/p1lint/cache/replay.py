"""The start-up path: before click, pydantic, the rules or the engine are imported, look the
command line up in the results cache; when the run it asks for was recorded and every file and
directory it read is unchanged, print the recorded result and return its exit code — from the
record's transcript when it has one for this colour choice (`p1lint.cache.transcript`), else
through the requested reporter from the units' entries. Anything else — no record, a changed
file, a bad entry — returns None and the full run goes on (and records itself for next time)."""

from __future__ import annotations

from p1lint.cache import transcript
from p1lint.cache.invocation import invocation_key, option_values, remember
from p1lint.cache.keys import directory_unchanged, file_unchanged
from p1lint.cache.store import Store, cache_root

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing typing on the replay path
if TYPE_CHECKING:
    from typing import Any

    from p1lint.cache.codec import Part


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
    try:
        return transcript.play(found) if isinstance(found, dict) else _print(*found)
    except BrokenPipeError:  # as the full run: the reader left, nothing to report to
        from p1lint.exitcodes import EXIT_ERROR
        from p1lint.terminal import discard_stdout

        discard_stdout()
        return EXIT_ERROR


def _recorded(argv: list[str], key: str) -> dict[str, Any] | tuple[Part, dict[str, Any]] | None:
    """The run's transcript, or its units' merged result and how to render it; None: not recorded."""
    import os
    import sys

    from p1lint.terminal import use_color

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
    render, kept = body.get("render"), body.get("transcript")
    no_color = render.get("no_color") if isinstance(render, dict) else None
    if type(no_color) is bool and transcript.usable(kept, use_color(no_color, sys.stdout)):
        store.touch("run", key)
        return kept
    from p1lint.cache.codec import merge_parts

    render, parts = _render(render), _parts(store, body.get("units"))
    if render is None or parts is None:
        return None
    store.touch("run", key)
    return merge_parts(parts), render


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
    from p1lint.cache.codec import BadEntry, part_from_json

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
    import sys

    from p1lint.outcome import exit_code, print_notes, print_report
    from p1lint.terminal import use_color

    print_notes(part, render["quiet"])
    print_report(part.findings, part, render["output_format"], render["quiet"], render["fail_on"],
                 sys.stdout, use_color(render["no_color"], sys.stdout))
    return exit_code(part.findings, bool(part.errors), render["fail_on"])
