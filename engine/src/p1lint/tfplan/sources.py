"""Where a plan's values are written in the `.tf` files it was planned from.

The plan's `configuration` names each resource block by module and address, and a local module
call's `source` (`./modules/app`) says where that module's files are; the root module is the
directory of the plan file (where `terraform show -json plan.out > plan.json` is run). A block
of those files with the same section, type and name is the one the instance comes from, if it
writes the same attributes the configuration says it writes (otherwise the files are not what was
planned, and findings keep their place in the plan).

Inside the block, a value is located at the deepest pointer the `.tf` text writes: the literal
itself, or the expression it comes from (`redirect_uris = var.uris`), or the block. Only the files
of the directories a finding needs are read, once."""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from p1lint.documents.document import Source, SourceDocument
from p1lint.documents.location import Location
from p1lint.pointer import Pointer
from p1lint.tfplan.configuration import ResourceKey

MAX_MODULE_DEPTH = 20
MAX_SOURCE_BYTES = 10 * 1024 * 1024  # a configuration file larger than this is not read for places


class Origin(NamedTuple):
    """The resource block an instance of the plan comes from: its module's calls, its section,
    type and name, and the attributes the configuration says it writes."""

    calls: tuple[str, ...]
    section: str
    type: str
    name: str
    written: frozenset[str]


def module_directories(plan: Any, root: str) -> dict[tuple[str, ...], str]:
    """The directory of each module of the configuration whose files are local: the root's is
    `root`, a call's is its `source` (`./…` or `../…`) below its parent's."""
    configuration = plan.get("configuration") if isinstance(plan, dict) else None
    module = configuration.get("root_module") if isinstance(configuration, dict) else None
    found: dict[tuple[str, ...], str] = {}
    stack: list[tuple[Any, tuple[str, ...], str]] = [(module, (), root)]
    while stack:
        module, calls, directory = stack.pop()
        found[calls] = directory
        children = module.get("module_calls") if isinstance(module, dict) else None
        if not isinstance(children, dict) or len(calls) >= MAX_MODULE_DEPTH:
            continue
        for name, call in children.items():
            local = _local_source(call.get("source") if isinstance(call, dict) else None)
            if isinstance(name, str) and local is not None:
                below = os.path.normpath(os.path.join(directory, local))
                stack.append((call.get("module"), (*calls, name), below))
    return found


def _local_source(source: Any) -> str | None:
    """A module source that is a path on this machine (Terraform's `./` and `../` sources)."""
    if not isinstance(source, str) or not source.startswith(("./", "../")) or "\x00" in source:
        return None
    return source


def origin(key: ResourceKey, expressions: dict[str, Any]) -> Origin:
    calls, mode, kind, name = key
    return Origin(calls, "data" if mode == "data" else "resource", kind, name, frozenset(expressions))


class ConfigurationFiles:
    """The `.tf` and `.tf.json` files of the plan's local modules, read when first needed."""

    def __init__(self, directories: dict[tuple[str, ...], str]) -> None:
        self._directories = directories
        self._blocks: dict[str, dict[tuple[str, str, str], Location]] = {}

    def block(self, where: Origin) -> Location | None:
        """Where the block `where` is written, when a file of its module writes it as planned."""
        directory = self._directories.get(where.calls)
        if directory is None:
            return None
        if directory not in self._blocks:
            self._blocks[directory] = _read_blocks(directory)
        found = self._blocks[directory].get((where.section, where.type, where.name))
        return found if found is not None and _writes(found, where.written) else None


def _read_blocks(directory: str) -> dict[tuple[str, str, str], Location]:
    """Every resource and data block of the Terraform files of `directory` (files that do not
    parse are left out: linting them reports why)."""
    from p1lint.environment.terraformdirs import is_terraform_name
    from p1lint.tfconfig.structure import blocks

    found: dict[tuple[str, str, str], Location] = {}
    for document in _documents(directory, is_terraform_name):
        for block in blocks(document.data, Location(document, ())):
            found.setdefault((block.section, block.type, block.name), block.location)
    return found


def _documents(directory: str, wanted: Any) -> list[SourceDocument]:
    from p1lint.documents.sources import read_source

    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    kept = [name for name in names if not name.startswith(".") and wanted(name)]
    paths = [os.path.normpath(os.path.join(directory, name)) for name in kept]
    read = [read_source(path, max_size=MAX_SOURCE_BYTES) for path in paths if os.path.isfile(path)]
    return [document for document in read if isinstance(document, SourceDocument)]


def _writes(block: Location, written: frozenset[str]) -> bool:
    """Whether the block writes the attributes the configuration says (meta-arguments aside)."""
    body = value_at(block.document.data, block.pointer)
    keys = {key for key in body if key not in META_ARGUMENTS} if isinstance(body, dict) else set()
    return keys == set(written)


META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on", "lifecycle", "provisioner",
                            "connection", "//"})


def located(block: Location, below: Pointer, planned: Any) -> Source:
    """The place of the value at `below` inside the block (`planned`: the block as planned): the
    deepest pointer its text writes; exact when that is the value itself, written as planned. A
    list element is the text's equal element (a set's elements are planned in another order)."""
    value, depth = value_at(block.document.data, block.pointer), 0
    written: list[Any] = []
    for key in below:
        if isinstance(key, str) and isinstance(value, list) and len(value) == 1:
            value = value[0]  # a nested block (`oidc_options { … }`) where the plan has an object
            written.append(0)
        planned = _member(planned, key)
        step = _element(value, planned) if isinstance(key, int) and isinstance(value, list) else key
        inner = _member(value, step)
        if inner is MISSING:
            break
        value, depth = inner, depth + 1
        written.append(step)
    exact = depth == len(below) and value == planned
    return Source(block.document, (*block.pointer, *written), exact)


def _element(written: list[Any], planned: Any) -> int | None:
    """The index of the element of the text's list equal to the planned one (None: none is)."""
    return next((index for index, item in enumerate(written) if item == planned), None)


MISSING = object()


def _member(value: Any, key: Any) -> Any:
    if isinstance(value, dict) and key in value:
        return value[key]
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return MISSING


def value_at(data: Any, pointer: Pointer) -> Any:
    """The value at `pointer` of `data`, None when there is none."""
    for key in pointer:
        data = _member(data, key)
        if data is MISSING:
            return None
    return data
