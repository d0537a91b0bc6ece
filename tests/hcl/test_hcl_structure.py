"""HCL text → the Terraform structure: literals as plain data, everything else as Unknown with
the traversals it mentions; blocks as lists; repeated names as repeated keys."""

from __future__ import annotations

import pytest

from p1lint.documents.hcl.parse import parse_configuration
from p1lint.terraform.values import Unknown


def data(text: str):
    return parse_configuration(text).data


def value(expression: str):
    return data(f"v = {expression}\n")["v"]


LITERALS = [
    ("1", 1),
    ("1.5", 1.5),
    ("1e3", 1000.0),
    ("-1", -1),
    ("true", True),
    ("false", False),
    ("null", None),
    ('"text"', "text"),
    ('""', ""),
    ('"a\\n\\t\\"q\\" \\\\ \\u00e9 \\U0001F600"', 'a\n\t"q" \\ é 😀'),
    ('"$${user.email}"', "${user.email}"),
    ('"%%{ if x }"', "%{ if x }"),
    ('"$$${x}"', "$${x}"),  # `$` then the escape `$${`
    ('"100$ and 5%"', "100$ and 5%"),
    ('"# not a comment // nor /* this */"', "# not a comment // nor /* this */"),
    ("[]", []),
    ('[1, "a", true,]', [1, "a", True]),
    ("[\n  1,\n  2\n]", [1, 2]),
    ("{}", {}),
    ('{ a = 1, "b c" = 2, d: 3 }', {"a": 1, "b c": 2, "d": 3}),
    ("{\n  a = 1\n  b = [2]\n}", {"a": 1, "b": [2]}),
    ("{ true = 1, 2 = 3 }", {"true": 1, "2": 3}),
    ("(1)", 1),
    ("<<EOT\nline 1\n  line 2\nEOT", "line 1\n  line 2\n"),
    ("<<-EOT\n    line 1\n      line 2\n  EOT", "line 1\n  line 2\n"),
    ("<<-EOT\n\tFoo\n  Bar\n  EOT", "Foo\n Bar\n"),  # a tab is one character of indentation
    ("<<-EOT\n    a\n\n    b\n    EOT", "a\n\nb\n"),  # blank lines do not count
    ("<<EOT\n$${x} and %%{y} \\n \"q\"\nEOT", '${x} and %{y} \\n "q"\n'),  # no backslash escapes
    ("<<EOT\nEOT", ""),
    ("<<EOT\r\nx\r\nEOT", "x\r\n"),
]


@pytest.mark.parametrize(("expression", "expected"), LITERALS)
def test_literals_are_plain_data(expression, expected):
    assert value(expression) == expected


UNKNOWN = [
    ("var.x", ("var.x",)),
    ("pingone_application.web.id", ("pingone_application.web.id",)),
    ("local.apps[0].id", ("local.apps[0].id",)),
    ('var.apps["web"].id', ('var.apps["web"].id',)),
    ("var.apps[each.key].id", ("var.apps", "each.key")),
    ("each.value.name", ("each.value.name",)),
    ("count.index", ("count.index",)),
    ("x.0.y", ("x[0].y",)),
    ("module.m.out[*].id", ("module.m.out[*].id",)),
    ("x.*.y", ("x[*].y",)),
    ('"https://${var.domain}/cb"', ("var.domain",)),
    ('"${var.a}${local.b[0]}"', ("var.a", "local.b[0]")),
    ('"%{ for n in var.names }${n}-${var.sep}%{ endfor }"', ("var.names", "var.sep")),
    ('"%{ if var.on }yes%{ else }no%{ endif }"', ("var.on",)),
    ("<<EOT\nhello ${var.h}\nEOT", ("var.h",)),
    ("<<-EOT\n  %{ if var.c }x%{ endif }\n  EOT", ("var.c",)),
    ("jsonencode({ a = var.y, b = [data.d.e.id] })", ("var.y", "data.d.e.id")),
    ("provider::pingone::f(var.a)", ("var.a",)),
    ("[for app in var.apps : app.id if app.on]", ("var.apps",)),
    ("{ for k, v in var.m : k => v.x... if k != local.skip }", ("var.m", "local.skip")),
    ("var.on ? 1 : 2", ("var.on",)),
    ("1 + 2", ()),
    ("!var.off", ("var.off",)),
    ("-var.n", ("var.n",)),
    ("(var.x)", ("var.x",)),
    ("f(1)", ()),
    ("{ (var.k) = 1 }", ("var.k",)),
    ('{ "${var.k}" = 1 }', ("var.k",)),
    ("concat(var.a, var.a)", ("var.a",)),
]


@pytest.mark.parametrize(("expression", "references"), UNKNOWN)
def test_other_expressions_are_unknown_with_their_references(expression, references):
    assert value(expression) == Unknown(expression, references)


def test_elements_of_a_tuple_or_object_are_unknown_one_by_one():
    assert value('["https://a", var.b, "$${c}"]') == ["https://a", Unknown("var.b", ("var.b",)), "${c}"]
    assert value("{ a = var.a, b = 1 }") == {"a": Unknown("var.a", ("var.a",)), "b": 1}


def test_a_resource_with_nested_blocks_is_objects_in_lists():
    text = """
resource "pingone_application" "web" {
  name = "Web"
  oidc_options {
    type = "WEB_APP"
  }
  oidc_options {
    type = "SPA"
  }
  attribute = { a = 1 }
  dynamic "setting" {
    content {}
  }
}
"""
    assert data(text) == {"resource": {"pingone_application": {"web": {
        "name": "Web",
        "oidc_options": [{"type": "WEB_APP"}, {"type": "SPA"}],
        "attribute": {"a": 1},
        "dynamic": {"setting": [{"content": [{}]}]},
    }}}}  # fmt: skip


TOP_LEVEL = [
    ('resource "t" "a" {}\nresource "t" "b" {}\n', {"resource": {"t": {"a": {}, "b": {}}}}),
    ('data "pingone_role" "admin" { name = "Environment Admin" }',
     {"data": {"pingone_role": {"admin": {"name": "Environment Admin"}}}}),
    ('variable "x" {\n  default = "d"\n}', {"variable": {"x": {"default": "d"}}}),
    ('output "o" { value = 1 }', {"output": {"o": {"value": 1}}}),
    ('module "m" { source = "./m" }', {"module": {"m": {"source": "./m"}}}),
    ("locals {\n  a = 1\n}\nlocals {\n  b = 2\n}", {"locals": {"a": 1, "b": 2}}),
    ('terraform {\n  required_providers {\n    pingone = { source = "x" }\n  }\n}\nterraform {\n  backend "s3" {}\n}',
     {"terraform": {"required_providers": [{"pingone": {"source": "x"}}], "backend": {"s3": [{}]}}}),
    ('provider "pingone" {}\nprovider "pingone" { alias = "b" }', {"provider": {"pingone": [{}, {"alias": "b"}]}}),
    ('import {\n  to = pingone_group.g\n  id = "e/g"\n}\nimport {\n  to = x.y\n  id = "z"\n}',
     {"import": [{"to": Unknown("pingone_group.g", ("pingone_group.g",)), "id": "e/g"},
                 {"to": Unknown("x.y", ("x.y",)), "id": "z"}]}),
    ("resource t a {}", {"resource": {"t": {"a": {}}}}),  # labels may be bare names
    ("", {}),
    ("# only a comment\n", {}),
]


@pytest.mark.parametrize(("text", "expected"), TOP_LEVEL)
def test_top_level_blocks(text, expected):
    assert data(text) == expected


DUPLICATES = [
    ('resource "t" "a" {\n  name = "x"\n  name = "y"\n}', ("resource", "t", "a", "name"), "y"),
    ("v = { a = 1, a = 2 }", ("v", "a"), 2),
    ("locals {\n  a = 1\n}\nlocals {\n  a = 2\n}", ("locals", "a"), 2),
    ('resource "t" "a" { n = 1 }\nresource "t" "a" { n = 2 }', ("resource", "t", "a"), {"n": 2}),
    ("b = 1\nb {}\n", ("b",), [{}]),
]


@pytest.mark.parametrize(("text", "pointer", "kept"), DUPLICATES)
def test_a_name_given_twice_is_a_repeated_key_and_the_last_value_is_kept(text, pointer, kept):
    parsed = parse_configuration(text)
    assert parsed.duplicate_keys == (pointer,)
    found = parsed.data
    for key in pointer:
        found = found[key]
    assert found == kept


def test_comments_of_every_kind_are_ignored():
    text = "# a\n// b\n/* c\n d */\nv = [1, # e\n  2 /* f */, // g\n]\nw = 1 # h\n"
    assert data(text) == {"v": [1, 2], "w": 1}


def test_identifiers_may_have_dashes_and_unicode_letters():
    assert data('résumé-x = 1\nblock-type "l" {}\n') == {"résumé-x": 1, "block-type": {"l": {}}}
