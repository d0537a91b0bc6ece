"""The `expression` function: each text is checked once per run, per set of custom attributes,
and the attributes of an environment's user schema are part of what a text is checked against."""

from __future__ import annotations

from p1lint.functions import expression as expression_function
from p1lint.functions.base import Context
from p1lint.rules.examples import example_environment
from p1lint.run_settings import RunSettings


def test_custom_attributes_are_part_of_the_key():
    plain = expression_function._checked("${user.badge}", (), ())
    declared = expression_function._checked("${user.badge}", ("badge",), ())
    disabled = expression_function._checked("${user.badge}", ("badge",), ("badge",))
    assert [d.code for d in plain] == ["unknown-attribute"] and declared == ()
    assert [d.code for d in disabled] == ["disabled-attribute"]


def _context(schema: object, memo: dict[str, object] | None = None) -> Context:
    environment = example_environment({"applications": [], "schema": schema})
    return Context({}, RunSettings(custom_attributes=("badge",)), memo=memo if memo is not None else {},
                   environment=environment)


def test_the_user_schema_adds_custom_and_disabled_attributes():
    schema = {"attributes": [
        {"name": "email", "enabled": True}, {"name": "employeeNumber", "enabled": True},
        {"name": "nickname", "enabled": False},
        {"name": "name", "subAttributes": [{"name": "middle", "enabled": False}]},
    ]}
    custom, disabled = expression_function._attributes(_context(schema))
    assert custom == ("badge", "employeeNumber") and disabled == ("name.middle", "nickname")


def test_a_memo_shared_by_two_environments_keeps_their_results_apart():
    memo: dict[str, object] = {}
    known = _context({"attributes": [{"name": "employeeNumber", "enabled": True}]}, memo)
    unknown = _context({"attributes": []}, memo)
    assert expression_function._diagnostics("${user.employeeNumber}", known) == ()
    codes = [d.code for d in expression_function._diagnostics("${user.employeeNumber}", unknown)]
    assert codes == ["unknown-attribute"]
