"""`duplicate-keys`: a function over facts of the document rather than one value."""

from __future__ import annotations

from p1lint.functions import get_function
from p1lint.functions.base import Context


def test_duplicate_keys_reports_each_recorded_pointer():
    function = get_function("duplicate-keys")
    context = Context({}, duplicate_keys=(("redirectUris",), ("corsSettings", "behavior")))
    problems = [(p.detail, p.path) for p in function.check({}, function.options(), context)]
    assert problems == [
        ('"redirectUris" appears more than once in the same object', ("redirectUris",)),
        ('"behavior" appears more than once in the same object', ("corsSettings", "behavior")),
    ]

