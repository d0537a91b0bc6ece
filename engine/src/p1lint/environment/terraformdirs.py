"""Which input files are Terraform configuration, and the unit they are read in: every `.tf` and
`.tf.json` file of one directory (a Terraform module) together, as Terraform reads them. A file
of such a directory named on the command line (a pre-commit hook passes the changed files)
brings in the whole directory."""

from __future__ import annotations

import os
from functools import cache
from typing import Any, NamedTuple

from p1lint.documents.kinds import Kind

TERRAFORM_SUFFIXES = (".tf", ".tf.json")
# a parsed Terraform configuration file: not a PingOne document itself, read by `environments`
TERRAFORM_KIND = Kind("Terraform configuration", lambda data: False, lambda data: [])


class TerraformDirectory(NamedTuple):
    """A directory of Terraform configuration files and the files of it to read."""

    path: str
    files: list[str]


def is_terraform_name(name: str) -> bool:
    """Whether `name` is a Terraform file of a format p1lint reads (see `documents.formats`)."""
    from p1lint.documents.formats import DATA_SUFFIXES

    lowered = name.lower()
    return any(lowered.endswith(s) and s in DATA_SUFFIXES for s in TERRAFORM_SUFFIXES)


def is_terraform_document(document: Any) -> bool:
    return any(suffix in TERRAFORM_SUFFIXES for suffix in document.format.suffixes)


def terraform_directory(name: str) -> TerraformDirectory | None:
    """The Terraform directory that `name` is a file of, if it is one."""
    if not isinstance(name, str) or name == "-" or not is_terraform_name(name):
        return None
    directory = os.path.dirname(name)
    return TerraformDirectory(directory or ".", _files(directory, name))


def _files(directory: str, name: str) -> list[str]:
    """The Terraform files of `directory` (`name` among them), in a stable order."""
    found = _listing(directory)
    return found if name in found else [*found, name]


@cache
def _listing(directory: str) -> list[str]:
    try:
        entries = sorted(os.listdir(directory or "."))
    except OSError:
        return []
    found = [os.path.join(directory, entry) for entry in entries
             if not entry.startswith(".") and is_terraform_name(entry)]
    return [path for path in found if os.path.isfile(path)]
