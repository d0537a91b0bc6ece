"""Checks of the source text that the parsed data can no longer show."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from p1lint.functions import check_function
from p1lint.functions.base import Context, NoOptions, Problem


@check_function("duplicate-keys", NoOptions, unknown_members=True)
def duplicate_keys(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """Each key written more than once in one object of the application, at its kept (last) value."""
    for pointer in context.duplicate_keys:
        yield Problem(f"{json.dumps(str(pointer[-1]))} appears more than once in the same object", pointer)


@check_function("terraform-renamed", NoOptions, unknown_members=True)
def terraform_renamed(value: Any, options: NoOptions, context: Context) -> Iterator[Problem]:
    """Each attribute of a Terraform configuration written under a name, or as a nested block,
    that the provider has since replaced; at the attribute as written."""
    for renamed in context.renamed:
        yield Problem(renamed.detail(), renamed.pointer)
