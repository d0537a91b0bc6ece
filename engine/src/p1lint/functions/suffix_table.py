"""The Public Suffix List as a table shipped in `data/public-suffixes.json`, loaded in a few
milliseconds (parsing the `publicsuffixlist` package's bundled list, with the punycode form of
each rule, takes a quarter of a second).

`python -m p1lint.functions.suffix_table` rewrites the table from the installed package's list;
a test fails when the shipped table differs from a fresh build, and another compares the answers
with the package's on many hosts. Lookups follow the package's rules: wildcard, then exact, then
exception rules, longest first; an unknown top-level label is a public suffix. The list is the
Mozilla Public License 2.0 work of its contributors (https://publicsuffix.org/)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from p1lint.resources import data_dir

TABLE_FILE = "public-suffixes.json"
FORMAT = 1


class SuffixTable(NamedTuple):
    rules: frozenset[str]  # `co.uk`, `*.kawasaki.jp`, `!city.kawasaki.jp`, and their punycode forms
    max_labels: int  # of the longest rule

    def public_labels(self, labels: list[str]) -> int:
        """How many of the trailing `labels` (lower case, none empty) are a public suffix."""
        count = len(labels)
        if count == 1:
            return 1
        for start in range(max(0, count - (self.max_labels + 1)), count):
            name = ".".join(labels[start:])
            if "!" + name in self.rules:
                return count - start - 1
            if "*." + name in self.rules:
                return count - start + 1 if start > 0 else count - start
            if name in self.rules:
                return count - start
        return 1


def table_path() -> Path:
    return data_dir("data") / TABLE_FILE


@lru_cache(maxsize=1)
def suffix_table() -> SuffixTable:
    data = json.loads(table_path().read_text(encoding="utf-8"))
    return SuffixTable(frozenset(data["rules"].split("\n")), data["max_labels"])


def labels_of(domain: str) -> list[str] | None:
    """The lower-case labels of `domain` (one trailing dot dropped), None with an empty label."""
    labels = (domain[:-1] if domain.endswith(".") else domain).lower().split(".")
    return None if "" in labels else labels


def is_public(domain: str) -> bool:
    labels = labels_of(domain)
    return labels is not None and suffix_table().public_labels(labels) == len(labels)


def private_suffix(domain: str) -> str | None:
    """The public suffix of `domain` and one label more (`example.co.uk`), or None."""
    labels = labels_of(domain)
    if labels is None:
        return None
    count = suffix_table().public_labels(labels)
    return ".".join(labels[-(count + 1):]) if len(labels) > count else None


def table_text() -> str:
    """The table built from the installed `publicsuffixlist` package's list, the same on every build."""
    import publicsuffixlist
    from publicsuffixlist import PSLFILE, PublicSuffixList

    parsed: Any = PublicSuffixList()
    table = {
        "format": FORMAT,
        "source": f"publicsuffixlist {publicsuffixlist.__version__}",
        "sha256": hashlib.sha256(Path(PSLFILE).read_bytes()).hexdigest(),
        "max_labels": parsed._maxlabel,
        "rules": "\n".join(sorted(parsed._publicsuffix)),  # one string: faster to load than a list
    }
    return json.dumps(table, indent=1, ensure_ascii=True) + "\n"


def main() -> None:
    table_path().write_text(table_text(), encoding="utf-8")
    print(f"wrote {table_path()}")


if __name__ == "__main__":
    main()
