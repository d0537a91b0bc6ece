"""Data files that people write in YAML (`data/foreign-hosts.yaml`, `grammar/helpers.yaml`) and
that p1lint reads from the JSON copy shipped beside each (`foreign-hosts.json`): a check that needs
one then costs a JSON parse of under a millisecond instead of importing a YAML parser and
parsing (tens of milliseconds, on every pre-commit run that meets a mapping or a redirect URI).

`python -m p1lint.datafiles` rewrites the copies from the YAML files; a test fails when a shipped
copy differs from a fresh one. The copies are plain JSON: nothing read here can run code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from p1lint.resources import data_dir

# (data directory, YAML file): every YAML data file that checking reads, in one place
SHIPPED = (("data", "foreign-hosts.yaml"), ("grammar", "helpers.yaml"))


def copy_path(directory: str, name: str) -> Path:
    """The JSON copy of the YAML file `name` of the data directory `directory`."""
    return data_dir(directory) / f"{Path(name).stem}.json"


def load(directory: str, name: str) -> Any:
    """The content of the YAML data file `name`, read from its JSON copy."""
    if (directory, name) not in SHIPPED:
        raise KeyError(f"{directory}/{name} is not a shipped data file")
    return json.loads(copy_path(directory, name).read_text(encoding="utf-8"))


def fresh_copy(directory: str, name: str) -> str:
    """The text of the JSON copy, built from the YAML file."""
    import yaml

    content = yaml.safe_load((data_dir(directory) / name).read_text(encoding="utf-8"))
    return json.dumps(content, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def main() -> None:
    for directory, name in SHIPPED:
        target = copy_path(directory, name)
        target.write_text(fresh_copy(directory, name), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
