"""The shipped public-suffix table: what a fresh build from the installed `publicsuffixlist`
package writes, and the package's own answers on many hosts."""

from __future__ import annotations

import random

import pytest
from publicsuffixlist import PublicSuffixList

from p1lint.functions.domains import is_public_suffix, registrable_domain
from p1lint.functions.suffix_table import is_public, private_suffix, suffix_table, table_path, table_text


@pytest.fixture(scope="module")
def reference() -> PublicSuffixList:
    return PublicSuffixList()


def test_the_shipped_table_is_a_fresh_build() -> None:
    assert table_path().read_text(encoding="utf-8") == table_text(), (
        "run `python -m p1lint.functions.suffix_table` to rebuild data/public-suffixes.json")


def hosts() -> list[str]:
    """Each rule of the list as written, below one and two more labels, with its wildcard filled
    in, in upper case, with a trailing dot; and names the list does not know."""
    chooser = random.Random(11)
    found: list[str] = []
    for rule in sorted(suffix_table().rules):
        name = rule.lstrip("!").replace("*", chooser.choice(["a", "xn--p1ai", "www"]))
        found += [name, f"login.{name}", f"a.b.{name}", f"City.{name}".upper()[:60], f"{name}."]
    found += ["localhost", "example", "a.b.c.d.e.f.g.h.example", "", ".", "a..b", "com.", ".com",
              "127.0.0.1", "ÉCOLE.fr", "bücher.de", "пример.рф", "xn--e1afmkfd.xn--p1ai", "foo.bar.unknowntld"]
    return found


def test_answers_are_those_of_the_package(reference: PublicSuffixList) -> None:
    names = hosts()
    assert len(names) > 40000
    for name in names:
        assert is_public(name) == reference.is_public(name), name
        assert private_suffix(name) == reference.privatesuffix(name), name


def test_the_functions_rules_use_answer_as_before(reference: PublicSuffixList) -> None:
    for name in ["com", "co.uk", "github.io", "example.co.uk", "city.kawasaki.jp", "x.kawasaki.jp"]:
        assert is_public_suffix(name) == reference.is_public(name.lower())
    for host in ["login.example.co.uk", "auth.acme.example.com", "LOGIN.Example.COM.", "localhost",
                 "10.0.0.1", "[::1]", "a.b.github.io", "com"]:
        name = host.lower().rstrip(".")
        expected = None if not name or name.startswith("[") or name == "10.0.0.1" else reference.privatesuffix(name)
        assert registrable_domain(host) == (expected or None), host
