"""A safe YAML loader (libyaml when available) that keeps timestamps as plain strings."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


@lru_cache(maxsize=1)
def data_loader() -> Any:
    """API exports carry ISO dates as strings; YAML must not turn them into datetimes."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != _TIMESTAMP_TAG]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    return type("DataLoader", (base,), {"yaml_implicit_resolvers": resolvers})
