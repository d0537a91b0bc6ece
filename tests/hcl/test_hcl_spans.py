"""Spans in `.tf` files: each pointer of the Terraform structure selects exactly the text of its
value (a block: the whole block), and positions inside literal strings step over HCL's escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.test_spans import parsed, selected

from p1lint.terraform.values import Unknown

APPLICATION = '''resource "pingone_application" "web" {
  environment_id = pingone_environment.env.id
  name           = "Web \\"app\\""
  oidc_options {
    redirect_uris = [
      "https://a.example.com/cb",
      var.second,
    ]
    jwks = <<-EOT
      {"keys": []}
    EOT
  }
  oidc_options {
    type = "WEB_APP"
  }
  mapping = { "email" = "$${user.email}", n = -1 }
}
'''
WEB = ("resource", "pingone_application", "web")
OIDC = (*WEB, "oidc_options")

SPANS = [
    (WEB, APPLICATION.rstrip()),
    (("resource",), APPLICATION.rstrip()),
    (("resource", "pingone_application"), APPLICATION.rstrip()),
    ((*WEB, "environment_id"), "pingone_environment.env.id"),
    ((*WEB, "name"), '"Web \\"app\\""'),
    ((*OIDC, 0), 'oidc_options {\n    redirect_uris = [\n      "https://a.example.com/cb",\n      var.second,\n    ]\n'
                 '    jwks = <<-EOT\n      {"keys": []}\n    EOT\n  }'),
    ((*OIDC, 0, "redirect_uris"), '[\n      "https://a.example.com/cb",\n      var.second,\n    ]'),
    ((*OIDC, 0, "redirect_uris", 0), '"https://a.example.com/cb"'),
    ((*OIDC, 0, "redirect_uris", 1), "var.second"),
    ((*OIDC, 0, "jwks"), '<<-EOT\n      {"keys": []}\n    EOT'),
    ((*OIDC, 1), 'oidc_options {\n    type = "WEB_APP"\n  }'),
    ((*OIDC, 1, "type"), '"WEB_APP"'),
    (OIDC, 'oidc_options {\n    redirect_uris = [\n      "https://a.example.com/cb",\n      var.second,\n    ]\n'
           '    jwks = <<-EOT\n      {"keys": []}\n    EOT\n  }'),  # a list of blocks: its first
    ((*WEB, "mapping", "email"), '"$${user.email}"'),
    ((*WEB, "mapping", "n"), "-1"),
    ((*WEB, "mapping", "missing"), '{ "email" = "$${user.email}", n = -1 }'),  # the nearest ancestor
    ((*OIDC, 0, "redirect_uris", 7), '[\n      "https://a.example.com/cb",\n      var.second,\n    ]'),
]


@pytest.mark.parametrize(("pointer", "text"), SPANS, ids=[str(pointer) for pointer, _ in SPANS])
def test_each_pointer_selects_its_value(pointer, text):
    assert selected(APPLICATION, parsed("main.tf", APPLICATION).span(pointer)) == text


def test_spans_are_lines_and_columns_with_the_end_after_the_last_character():
    document = parsed("main.tf", APPLICATION)
    assert document.span((*WEB, "environment_id")) == (2, 20, 2, 46)
    assert document.span((*OIDC, 0, "jwks")) == (9, 12, 11, 8)
    assert document.span(()) == (1, 1, 1, 1)


def test_columns_count_characters_and_tabs_as_one():
    text = 'x = "é😀"\n\ty = "ü"\r\nz = 1\n'
    document = parsed("main.tf", text)
    assert document.span(("y",)) == (2, 6, 2, 9)
    assert document.span(("z",)) == (3, 5, 3, 6)


IN_STRINGS = [
    ('v = "abc"\n', 1, (1, 7, 1, 10), 'bc"'),
    ('v = "a\\"bc"\n', 2, (1, 9, 1, 12), 'bc"'),  # \" is one character written in two
    ('v = "\\u00e9x"\n', 1, (1, 12, 1, 14), 'x"'),  # \u00e9 is one written in six
    ('v = "$${user.x}"\n', 0, (1, 6, 1, 17), "$${user.x}\""),  # `$` of `${` is written `$$`
    ('v = "$${user.x}"\n', 1, (1, 8, 1, 17), "{user.x}\""),
    ('v = "$${user.x}"\n', 2, (1, 9, 1, 17), "user.x}\""),
    ('v = "$${user.x + \'a\'}"\n', 11, (1, 18, 1, 23), "'a'}\""),
    ('v = "%%{x}$${y}"\n', 5, (1, 13, 1, 17), '{y}"'),
    ('v = "ab"\n', 2, (1, 8, 1, 9), '"'),  # just past the last character: the closing quote
    ('v = "ab"\n', 99, (1, 9, 1, 9), ""),  # past the end: an empty span at the end
    ("v = <<EOT\nab\ncd\nEOT\n", 4, (3, 2, 4, 4), "d\nEOT"),
    ("v = <<-EOT\n    ab\n    $${x}\n    EOT\n", 3, (3, 5, 4, 8), "$${x}\n    EOT"),
    ("v = <<-EOT\n    ab\n    $${x}\n    EOT\n", 4, (3, 7, 4, 8), "{x}\n    EOT"),
    ("v = <<-EOT\n    ab\n      cd\n    EOT\n", 5, (3, 7, 4, 8), "cd\n    EOT"),
    ('v = "${var.x}ab"\n', 1, (1, 5, 1, 17), '"${var.x}ab"'),  # not literal: the whole value
    ("v = var.x\n", 1, (1, 5, 1, 10), "var.x"),
]


@pytest.mark.parametrize(("text", "offset", "span", "selects"), IN_STRINGS)
def test_positions_inside_strings_step_over_escapes(text, offset, span, selects):
    found = parsed("main.tf", text).span_in_string(("v",), offset)
    assert (found, selected(text, found)) == (span, selects)


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "terraform-provider" / "hcl"
REAL = sorted(FIXTURES.glob("*.tf"))


def values_and_pointers(data, pointer=()):
    """Every scalar or Unknown value of `data`, with its pointer."""
    if isinstance(data, dict):
        for key, item in data.items():
            yield from values_and_pointers(item, (*pointer, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from values_and_pointers(item, (*pointer, index))
    else:
        yield pointer, data


def written(value) -> set[str]:
    """The texts that may stand for `value` in HCL."""
    if isinstance(value, Unknown):
        return {value.expression}
    if isinstance(value, str):
        quoted = json.dumps(value, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")
        return {quoted, quoted.replace("\\/", "/")}
    return {json.dumps(value)}


@pytest.mark.parametrize("path", REAL, ids=[path.name for path in REAL])
def test_every_value_of_the_provider_examples_selects_its_own_text(path):
    text = path.read_text(encoding="utf-8")
    document = parsed(path.name, text)
    checked = 0
    for pointer, value in values_and_pointers(document.data):
        chosen = selected(text, document.span(pointer))
        if chosen.startswith("<<"):
            continue  # a heredoc is its lines, not a quoted text
        assert chosen in written(value), pointer
        checked += 1
    assert checked >= 5
