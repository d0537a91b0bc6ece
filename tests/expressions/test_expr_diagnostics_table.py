"""Every diagnostic an expression gets, as (code, line, column) triples, in source order."""

from __future__ import annotations

import pytest

from p1lint.expressions import check_expression

CUSTOM = ("preferences", "user.employeeNumber")

# (mapping value, [(code, line, column), ...]) -- the full list, not a subset.
CASES: list[tuple[str, list[tuple[str, int, int]]]] = [
    # ---- clean ----
    ("${user.email}", []),
    ("${user.name.given + ' ' + user.name.family}", []),
    ("${#string.isNotEmpty(user.email) and user.enabled}", []),
    ("${user.enabled ? 'a' : 'b'}", []),
    ("${user.enabled?'a':'b'}", []),
    ("${(user.enabled ?: false) ? 'Active' : 'Inactive'}", []),
    ("${#datetime.toUnixTimestamp(user.updatedAt)}", []),
    ("${#datetime.now()}", []),
    ("${user.memberOfGroupNames.?[name == 'x']}", []),
    ("${user.memberOfGroupNames.![#string.upperCase(#this)]}", []),
    ("${{name: user.email}}", []),
    ("${user.id  +  user.email}", []),
    ("${!user.enabled}", []),
    ("${user.email ?: null}", []),
    ("${context.requestData.grantType}", []),
    ("${#this}", []),
    ("${#regex.replaceAll(user.email, 'a', 'b', 'c', 'd')}", []),
    ("${user.preferences.theme}", []),
    ("${user.employeeNumber}", []),
    ("${user['name']['given']}", []),
    ("${#root.user.address.locality}", []),
    ("${#string.join({'Administrator','User','Guest'}, ', ')}", []),
    ("${user.account.unlockAt}", []),
    ("${user.account.secondsUntilUnlock > 0}", []),
    ("${user.environment.id}", []),
    ("$${user.email}", []),
    # ---- operator spacing (PingOne: a space on each side of every binary operator) ----
    ("${'Hi'+ user.name.given}", [("operator-spacing", 1, 7)]),
    ("${5+6}", [("constant-expression", 1, 3), ("operator-spacing", 1, 4)]),
    ("${7-5}", [("constant-expression", 1, 3), ("operator-spacing", 1, 4)]),
    ("${user.enabled ==true}", [("operator-spacing", 1, 16)]),
    ("${user.emailVerified and(user.enabled)}", [("operator-spacing", 1, 22)]),
    ("${user.email?:'x'}", [("operator-spacing", 1, 13)]),
    ("${user.email==user.username}", [("operator-spacing", 1, 13)]),
    ("${user.id+user.email}", [("operator-spacing", 1, 10)]),
    ("${user.enabled&&user.emailVerified}", [("operator-spacing", 1, 15)]),
    ("${user.createdAt> user.updatedAt}", [("operator-spacing", 1, 17)]),
    ("${user.id +user.email}", [("operator-spacing", 1, 11)]),
    ("${-1}", [("constant-expression", 1, 3)]),
    # ---- disabled SpEL features ----
    ("${T(java.lang.Math).PI}", [("disabled-feature", 1, 3)]),
    (
        "${user.email instanceof T(String)}",
        [("disabled-feature", 1, 14), ("disabled-feature", 1, 25)],
    ),
    ("${user.email = 'a'}", [("disabled-feature", 1, 3)]),
    ("${user.email.substring(0, 1)}", [("disabled-feature", 1, 14)]),
    ("${user.email.length()}", [("disabled-feature", 1, 14)]),
    ("${user?.email}", [("disabled-feature", 1, 7)]),  # at the operator
    ("${user ?. email}", [("disabled-feature", 1, 8)]),
    ("${user?.name.trim()}", [("disabled-feature", 1, 7), ("disabled-feature", 1, 14)]),
    ("${user.email?.trim()}", [("disabled-feature", 1, 13), ("disabled-feature", 1, 15)]),
    ("${new java.util.Date()}", [("disabled-feature", 1, 3)]),
    ("${new String[2]}", [("constant-expression", 1, 3), ("disabled-feature", 1, 3)]),
    ("${@bean}", [("disabled-feature", 1, 3)]),
    ("${&factory}", [("disabled-feature", 1, 3)]),
    ("${user.locale++}", [("disabled-feature", 1, 3)]),
    ("${user.memberOfGroupNames.![#this.toUpperCase()]}", [("disabled-feature", 1, 35)]),
    ("${toString()}", [("disabled-feature", 1, 3)]),
    # ---- helpers: unknown library or function, wrong arity ----
    ("${#strng.upperCase(user.email)}", [("unknown-helper", 1, 3)]),
    ("${#string.uppercase(user.email)}", [("unknown-helper", 1, 11)]),
    ("${#json.parse(user.email)}", [("unknown-helper", 1, 3)]),
    ("${#string.substring(user.email, 0)}", [("wrong-arity", 1, 11)]),
    ("${#core.ifelse(user.enabled)}", [("wrong-arity", 1, 9)]),
    ("${#regex.replaceAll(user.email, 'a', 'b', 'c')}", [("wrong-arity", 1, 10)]),
    ("${#datetime.now(1)}", [("wrong-arity", 1, 13)]),
    ("${#datetime.compare(user.createdAt, user.updatedAt, 'x')}", [("wrong-arity", 1, 13)]),
    ("${#ifelse(user.enabled, 'a')}", [("unknown-helper", 1, 3)]),
    ("${#string}", [("unknown-helper", 1, 3)]),
    ("${#foo}", [("unknown-variable", 1, 3)]),
    ("${#string.trim(#strin.trim(user.email))}", [("unknown-helper", 1, 16)]),
    # ---- attributes ----
    ("${user.name.givn}", [("unknown-attribute", 1, 13)]),
    ("${user.emial}", [("unknown-attribute", 1, 8)]),
    ("${user.emailverified}", [("unknown-attribute", 1, 8)]),
    ("${user.activeDays < 30}", [("unknown-attribute", 1, 8)]),
    ("${user['name']['givn']}", [("unknown-attribute", 1, 16)]),
    ("${name.given}", [("unknown-root", 1, 3)]),
    ("${usr.email}", [("unknown-root", 1, 3)]),
    ("${providerAttributes.email}", [("unknown-root", 1, 3)]),
    ("${actor.client_id}", [("unknown-root", 1, 3)]),
    ("${myClaimValue}", [("unknown-root", 1, 3)]),
    ("${#root.user.emial}", [("unknown-attribute", 1, 14)]),
    ("${user.email.domain}", [("unknown-attribute", 1, 14)]),
    ("$${user.emial}", [("unknown-attribute", 1, 9)]),
    ("${user.address.region + user.adress.region}", [("unknown-attribute", 1, 30)]),
    # ---- literals: values without ${...} ----
    ("Hello World", [("literal-value", 1, 1)]),
    ("myClaimValue", [("literal-value", 1, 1)]),
    ('{"tier": "gold", "level": 3}', [("literal-value", 1, 1)]),
    ("name.given", [("literal-value", 1, 1)]),
    ("{user.email}", [("literal-value", 1, 1)]),
    ("$user.email", [("literal-value", 1, 1)]),
    ("Hello ${user.name.given}", [("syntax-error", 1, 7)]),
    # ---- PingOne's length limit ----
    ("${'" + "x" * 1024 + "'}", [("constant-expression", 1, 3)]),  # 1,029 characters: accepted
    ("${'" + "x" * 1025 + "'}", [("longer-than-pingone-accepts", 1, 1), ("constant-expression", 1, 3)]),
    # ---- constants and always-null ----
    ("${null}", [("always-null", 1, 3)]),
    ("${null.x}", [("always-null", 1, 3)]),
    ("${{'a': 1}['b']}", [("always-null", 1, 3)]),
    ("${user.email + {'a': 1}['b']}", [("always-null", 1, 16)]),
    ("${'a' + 'b'}", [("constant-expression", 1, 3)]),
    ("${'static'}", [("constant-expression", 1, 3)]),
    ("${user.email + ('a' + 'b')}", [("constant-expression", 1, 17)]),
    ("${{1, 2}[0] + user.locale}", [("constant-expression", 1, 3)]),
    ("${true ? user.email : user.username}", [("constant-condition", 1, 3)]),
    ("${null ?: user.email}", [("constant-condition", 1, 3)]),
    ("${'x' ?: user.email}", [("constant-expression", 1, 3)]),
    ("${{'a': 1}['a']}", [("constant-expression", 1, 3)]),
    # ---- line breaks ----
    ("${user.email +\n'x'}", [("line-break", 1, 15)]),
    ("${user.email\r}", [("line-break", 1, 13)]),
    ("${user.email\nuser.id}", [("line-break", 1, 13), ("syntax-error", 2, 1)]),
    # ---- syntax errors: position of the offending token, or the end ----
    ("${1 +}", [("syntax-error", 1, 6)]),
    ("Hello ${user.email}", [("syntax-error", 1, 7)]),
    ("${user.email} ${user.id}", [("syntax-error", 1, 15)]),
    ("${user.email} x", [("syntax-error", 1, 15)]),
    ("${}", [("syntax-error", 1, 3)]),
    ("", [("syntax-error", 1, 1)]),
    ("   ", [("syntax-error", 1, 1)]),
    ("${user.email", [("syntax-error", 1, 13)]),
    ("${'abc}", [("syntax-error", 1, 3)]),
    ('${"abc}', [("syntax-error", 1, 3)]),
    ("${'it's'}", [("syntax-error", 1, 7)]),
    ("${(user.email}", [("syntax-error", 1, 14)]),
    ("${((user.email)}", [("syntax-error", 1, 16)]),
    ("${user.email)}", [("syntax-error", 1, 13)]),
    ("${user.email]}", [("syntax-error", 1, 13)]),
    ("${user.x[0}", [("syntax-error", 1, 11)]),
    ("${user['email'}", [("syntax-error", 1, 15)]),
    ("${{'a', 'b'}", [("syntax-error", 1, 13)]),
    ("${#string.upperCase(user.email}", [("syntax-error", 1, 31)]),
    ("${T(java.lang.Math}", [("syntax-error", 1, 19)]),
    ("${user.email +}", [("syntax-error", 1, 15)]),
    ("${user.email ==}", [("syntax-error", 1, 16)]),
    ("${user.email matches}", [("syntax-error", 1, 21)]),
    ("${+}", [("syntax-error", 1, 4)]),
    ("${* 2}", [("syntax-error", 1, 3)]),
    ("${user.email user.id}", [("syntax-error", 1, 14)]),
    ("${'Hi' user.name.given}", [("syntax-error", 1, 8)]),
    ("${{'a' 'b'}}", [("syntax-error", 1, 8)]),
    ("${a < b < c}", [("syntax-error", 1, 9)]),
    ("${user.email != 'a' != 'b'}", [("syntax-error", 1, 21)]),
    ("${2 ^ 3 ^ 4}", [("syntax-error", 1, 9)]),
    ("${a ? b}", [("syntax-error", 1, 8)]),
    ("${user.x ? 'a' : }", [("syntax-error", 1, 18)]),
    ("${a = b = c}", [("syntax-error", 1, 9)]),
    ("${user.}", [("syntax-error", 1, 8)]),
    ("${user..email}", [("syntax-error", 1, 8)]),
    ("${user.name.given.}", [("syntax-error", 1, 19)]),
    ("${user.memberOfGroupNames.?[}", [("syntax-error", 1, 29)]),
    ("${a \\ b}", [("syntax-error", 1, 5)]),
    ("${#}", [("syntax-error", 1, 3)]),
    ("${a ~ b}", [("syntax-error", 1, 5)]),
    ("${a\x00}", [("syntax-error", 1, 4)]),
    ("${a\u00a0+ b}", [("syntax-error", 1, 4)]),
    ("${a,b}", [("syntax-error", 1, 4)]),
    ("${{'a': 1, 'b'}}", [("syntax-error", 1, 15)]),
    ("${1.}", [("syntax-error", 1, 5)]),
    ("${.5}", [("syntax-error", 1, 3)]),
    ("${3.4L}", [("syntax-error", 1, 6)]),
    ("${new}", [("syntax-error", 1, 6)]),
    ("${user.email}}", [("syntax-error", 1, 14)]),
    ("${{user.email}", [("syntax-error", 1, 15)]),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_diagnostics(source: str, expected: list[tuple[str, int, int]]) -> None:
    found = check_expression(source, custom_attributes=CUSTOM)
    assert [(d.code, d.line, d.column) for d in found] == expected


def test_custom_attributes_are_needed_for_custom_paths() -> None:
    found = check_expression("${user.preferences.theme}")
    assert [(d.code, d.column) for d in found] == [("unknown-attribute", 8)]


MESSAGES = [
    ("${1 +}", "after '+'"),
    ("${user.email.substring(0, 1)}", "#string.substring(user.email, 0, 1)"),
    ("${user.name.givn}", "user.name.given"),
    ("${name.given}", "user.name.given"),
    ("${#strng.upperCase(user.email)}", "#string"),
    ("${#string.uppercase(user.email)}", "upperCase"),
    ("${#ifelse(user.enabled, 'a')}", "#core.ifelse"),
    ("${(user.email}", "')'"),
    ("${user.email", "'}'"),
    ("${'abc}", "never closed"),
    ("${'it's'}", "double it"),
    ("${.5}", "0.5"),
    ("${3.4L}", "only whole numbers"),
    ("${new}", "type name"),
    ("${a < b < c}", "chained"),
    ("${a \u00a0}", "U+00A0"),
]


@pytest.mark.parametrize(("source", "fragment"), MESSAGES)
def test_messages_name_the_fix(source: str, fragment: str) -> None:
    """Messages are prose and may change; the named fix or expectation must be in them."""
    assert fragment in check_expression(source)[0].message
