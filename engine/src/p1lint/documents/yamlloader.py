"""A safe YAML loader (libyaml when available) that keeps timestamps as plain strings."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_NOT_IMPLICIT = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value")  # dates and `=` stay strings


@lru_cache(maxsize=1)
def data_loader() -> Any:
    """A safe loader that keeps ISO dates (API exports carry them as strings) and a plain `=` as
    strings, builds only JSON's data model (see `yamltags`) and records keys repeated in one
    mapping (`loader.repeats`)."""
    import yaml

    from p1lint.documents.yamltags import install

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in _NOT_IMPLICIT]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    namespace = {"yaml_implicit_resolvers": resolvers, "__init__": _init, "construct_yaml_map": _map}
    loader: Any = type("DataLoader", (base,), namespace)
    loader.add_constructor("tag:yaml.org,2002:map", _map)
    install(loader, pure_python=base is yaml.SafeLoader)
    return loader


def _init(self: Any, stream: str) -> None:
    from p1lint.documents.duplicates import RepeatedKeys

    super(type(self), self).__init__(stream)
    self.repeats = RepeatedKeys()


def _map(self: Any, node: Any) -> Any:
    """SafeConstructor's mapping, noting repeated plain keys first (merge keys `<<` are not keys)."""
    from p1lint.documents.yamltags import require_mapping

    require_mapping(node)
    data: dict[Any, Any] = {}
    yield data
    keys = [key.value for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge" and key.id == "scalar"]
    data.update(self.construct_mapping(node))
    self.repeats.note(data, keys)
