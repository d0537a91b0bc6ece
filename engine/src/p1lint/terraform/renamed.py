"""Attributes a Terraform configuration writes the way an older provider version did: under a
name the provider has since renamed or replaced, or as a nested block where the provider now
takes an object attribute. Rules see the translated values; these notes say where the
configuration still has to change for the current provider."""

from __future__ import annotations

from typing import NamedTuple

from p1lint.pointer import Pointer


class Renamed(NamedTuple):
    """One such attribute: the pointer of its value in the translated application (which locates
    the attribute), the name written, what replaces it, the provider version that replaced it,
    and whether it is a nested block that became an object attribute."""

    pointer: Pointer
    written: str
    current: str
    since: str
    block: bool = False

    def detail(self) -> str:
        if self.block:
            return (f"`{self.written}` is written as a nested block; provider {self.since} takes it as "
                    f"an object attribute, `{self.current} = {{ ... }}`")
        return (f"`{self.written}` is the name before provider {self.since}, which replaced it with "
                f"`{self.current}`")
