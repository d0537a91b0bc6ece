"""The `expression` function: each text is checked once per run, per set of custom attributes."""

from __future__ import annotations

from p1lint.functions import expression as expression_function


def test_custom_attributes_are_part_of_the_key():
    plain = expression_function._checked("${user.badge}", ())
    declared = expression_function._checked("${user.badge}", ("badge",))
    assert [d.code for d in plain] == ["unknown-attribute"] and declared == ()
