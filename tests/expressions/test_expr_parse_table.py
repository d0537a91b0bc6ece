"""Valid expressions and the shape of their trees, as s-expressions of the template body."""

from __future__ import annotations

import pytest

from p1lint.expressions import ExpressionSyntaxError, ast, parse_expression, to_sexpr, to_source

# (expression inside ${...}, expected s-expression of the body)
VALID = [
    # ---- property paths, map access, indexing ----
    ("user.id", "(. user id)"),
    ("user.name.given", "(. (. user name) given)"),
    ("user['name']['given']", "([] ([] user 'name') 'given')"),
    ("user.name['full-name']", "([] (. user name) 'full-name')"),
    ('user["email"]', "([] user 'email')"),
    ("user.memberOfGroupNames[0]", "([] (. user memberOfGroupNames) 0)"),
    ("user.memberOfGroupNames[user.index]", "([] (. user memberOfGroupNames) (. user index))"),
    ("#root.user.email", "(. (. #root user) email)"),
    ("#root['custom-attributes'].email", "(. ([] #root 'custom-attributes') email)"),
    ("context.requestData.grantType", "(. (. context requestData) grantType)"),
    (
        "#root.context.appConfig.tokenEndpointAuthMethod",
        "(. (. (. #root context) appConfig) tokenEndpointAuthMethod)",
    ),
    ("user . name . given", "(. (. user name) given)"),
    ("user.order", "(. user order)"),
    ("user.android", "(. user android)"),
    ("user.nullable", "(. user nullable)"),
    ("user.truely", "(. user truely)"),
    ("user.or", "(. user or)"),
    ("user._x1", "(. user _x1)"),
    # ---- literals ----
    ("'Hello'", "'Hello'"),
    ("'it''s'", "'it''s'"),
    ('"say ""hi"""', "'say \"hi\"'"),
    ('"it\'s"', "'it''s'"),
    ("''", "''"),
    ("'a\\b'", "'a\\b'"),
    ("'${user.id}'", "'${user.id}'"),
    ("42", "42"),
    ("0", "0"),
    ("8.57", "8.57"),
    ("34533535454345L", "34533535454345L"),
    ("7l", "7l"),
    ("0x1F", "0x1F"),
    ("0XffL", "0XffL"),
    ("1e5", "1e5"),
    ("1.5E-3", "1.5E-3"),
    ("2.5f", "2.5f"),
    ("3d", "3d"),
    ("true", "true"),
    ("FALSE", "false"),
    ("True", "true"),
    ("null", "null"),
    ("NULL", "null"),
    ("{}", "(list)"),
    ("{1, 2}", "(list 1 2)"),
    ("{'a','b'}[1]", "([] (list 'a' 'b') 1)"),
    ("{{1, 2}, {3}}", "(list (list 1 2) (list 3))"),
    ("{:}", "(map)"),
    ("{'k': 'v'}", "(map (: 'k' 'v'))"),
    ("{k: 1, 'x-y': 2}", "(map (: k 1) (: 'x-y' 2))"),
    ("{#root.externalId: 1}", "(map (: (. #root externalId) 1))"),
    (
        "{'PM': 'Product Manager', 'SA': 'Software Architect'}[user.role] ?: 'Unknown'",
        "(?: ([] (map (: 'PM' 'Product Manager') (: 'SA' 'Software Architect')) (. user role)) 'Unknown')",
    ),
    ("{a ? b : c: d}", "(map (: (if a b c) d))"),
    ("{a ? b : c}", "(list (if a b c))"),
    # ---- logical operators ----
    ("a or b", "(or a b)"),
    ("a || b", "(or a b)"),
    ("a OR b", "(or a b)"),
    ("a and b", "(and a b)"),
    ("a && b", "(and a b)"),
    ("a And b", "(and a b)"),
    ("a or b and c", "(or a (and b c))"),
    ("a and b or c", "(or (and a b) c)"),
    ("a or b or c", "(or (or a b) c)"),
    ("not a", "(! a)"),
    ("!a", "(! a)"),
    ("NOT a", "(! a)"),
    ("!a and b", "(and (! a) b)"),
    ("!(a and b)", "(! (and a b))"),
    ("!!a", "(! (! a))"),
    # ---- relational ----
    ("a == b", "(== a b)"),
    ("a eq b", "(== a b)"),
    ("a EQ b", "(== a b)"),
    ("a != b", "(!= a b)"),
    ("a ne b", "(!= a b)"),
    ("a < b", "(< a b)"),
    ("a lt b", "(< a b)"),
    ("a <= b", "(<= a b)"),
    ("a Le b", "(<= a b)"),
    ("a > b", "(> a b)"),
    ("a gt b", "(> a b)"),
    ("a >= b", "(>= a b)"),
    ("a GE b", "(>= a b)"),
    ("user.email matches '.*@example[.]com'", "(matches (. user email) '.*@example[.]com')"),
    ("user.age between {18, 65}", "(between (. user age) (list 18 65))"),
    ("a + 1 < b * 2", "(< (+ a 1) (* b 2))"),
    ("a < b and c > d", "(and (< a b) (> c d))"),
    ("(a < b) == true", "(== (< a b) true)"),
    # ---- arithmetic ----
    ("a + b", "(+ a b)"),
    ("a - b - c", "(- (- a b) c)"),
    ("a - (b - c)", "(- a (- b c))"),
    ("a + b * c", "(+ a (* b c))"),
    ("(a + b) * c", "(* (+ a b) c)"),
    ("a * b / c % d", "(% (/ (* a b) c) d)"),
    ("a div b", "(/ a b)"),
    ("a MOD b", "(% a b)"),
    ("2 ^ 10", "(^ 2 10)"),
    ("-2 ^ 2", "(^ (u- 2) 2)"),
    ("-(2 ^ 2)", "(u- (^ 2 2))"),
    ("a * 2 ^ 3", "(* a (^ 2 3))"),
    ("-1", "(u- 1)"),
    ("+1", "(u+ 1)"),
    ("- -a", "(u- (u- a))"),
    ("a - -1", "(- a (u- 1))"),
    ("x * -1", "(* x (u- 1))"),
    ("'Hi ' + user.name.given", "(+ 'Hi ' (. (. user name) given))"),
    (
        "user.name.given + ' ' + user.name.family",
        "(+ (+ (. (. user name) given) ' ') (. (. user name) family))",
    ),
    # ---- ternary and Elvis ----
    ("a ? b : c", "(if a b c)"),
    ("a ? b : c ? d : e", "(if a b (if c d e))"),
    ("a ? b ? c : d : e", "(if a (if b c d) e)"),
    ("a ?: b", "(?: a b)"),
    ("a ?: b ?: c", "(?: a (?: b c))"),
    ("(a ?: b) ?: c", "(?: (?: a b) c)"),
    ("a or b ? c : d", "(if (or a b) c d)"),
    (
        "(user.enabled ?: false) ? 'Active' : 'Inactive'",
        "(if (?: (. user enabled) false) 'Active' 'Inactive')",
    ),
    ("a ?: b ? c : d", "(?: a (if b c d))"),
    ("a?b:c", "(if a b c)"),
    # ---- selection, projection, #this, #root ----
    (
        "user.memberOfGroupNames.?[#this matches 'a.*']",
        "(.?[] (. user memberOfGroupNames) (matches #this 'a.*'))",
    ),
    ("user.memberOfGroupNames.^[#this != 'x']", "(.^[] (. user memberOfGroupNames) (!= #this 'x'))"),
    ("user.memberOfGroupNames.$[true]", "(.$[] (. user memberOfGroupNames) true)"),
    (
        "user.memberOfGroupNames.![#string.upperCase(#this)]",
        "(.![] (. user memberOfGroupNames) (#string.upperCase #this))",
    ),
    (
        "user.memberOfGroupNames.![#root.user.email + ' - ' + #this]",
        "(.![] (. user memberOfGroupNames) (+ (+ (. (. #root user) email) ' - ') #this))",
    ),
    (
        "user.addresses.?[type == 'work'].![locality]",
        "(.![] (.?[] (. user addresses) (== type 'work')) locality)",
    ),
    ("user.memberOfGroupNames.![#this][0]", "([] (.![] (. user memberOfGroupNames) #this) 0)"),
    # ---- helper calls ----
    ("#string.upperCase(user.email)", "(#string.upperCase (. user email))"),
    ("#string.substring(user.name.given, 0, 1)", "(#string.substring (. (. user name) given) 0 1)"),
    (
        "#string.join({'Administrator','User','Guest'}, ', ')",
        "(#string.join (list 'Administrator' 'User' 'Guest') ', ')",
    ),
    ("#datetime.now()", "(#datetime.now)"),
    ("#datetime.toUnixTimestamp(user.updatedAt)", "(#datetime.toUnixTimestamp (. user updatedAt))"),
    (
        "#datetime.format('2021-01-01T10:15:00Z', 'EEEE, dd MMMM; h:mm a')",
        "(#datetime.format '2021-01-01T10:15:00Z' 'EEEE, dd MMMM; h:mm a')",
    ),
    (
        "#regex.findAllMatches('user01@test.com', '(?<=@)[^.]+')",
        "(#regex.findAllMatches 'user01@test.com' '(?<=@)[^.]+')",
    ),
    ("#core.ifelse(user.enabled, 'on', 'off')", "(#core.ifelse (. user enabled) 'on' 'off')"),
    ("#core.switchExpr(user.type, 'A', 1, 'B', 2, 0)", "(#core.switchExpr (. user type) 'A' 1 'B' 2 0)"),
    ("#string.trim(#string.lowerCase(user.email))", "(#string.trim (#string.lowerCase (. user email)))"),
    ("#string.split(user.email, '@')[1]", "([] (#string.split (. user email) '@') 1)"),
    ("#string . upperCase ( user.email )", "(#string.upperCase (. user email))"),
    # ---- disabled features, parsed so that they can be named ----
    ("T(java.lang.Math).PI", "(. (T java.lang.Math) PI)"),
    ("T(int[])", "(T int[])"),
    ("T (String)", "(T String)"),
    ("user.T", "(. user T)"),
    ("a instanceof T(String)", "(instanceof a (T String))"),
    ("a = 1", "(= a 1)"),
    ("user.email.substring(0, 1)", "(call substring (. user email) 0 1)"),
    ("#this.toUpperCase()", "(call toUpperCase #this)"),
    ("toString()", "(call toString _)"),
    ("user?.email", "(?. user email)"),
    ("user?.email.length()", "(call length (?. user email))"),
    ("new java.util.Date()", "(new java.util.Date)"),
    ("new int[]{1, 2}", "(new[] int (dims _) (init 1 2))"),
    ("new int[3]", "(new[] int (dims 3) _)"),
    ("new String[2][]", "(new[] String (dims 2 _) _)"),
    ("new int[]{}", "(new[] int (dims _) (init))"),
    ("@myBean", "(bean @myBean)"),
    ("&factory", "(bean &factory)"),
    ("@'my bean'", "(bean @'my bean')"),
    ("#ifelse(a, b)", "(#ifelse() a b)"),
    ("a++", "(post++ a)"),
    ("--a", "(pre-- a)"),
]


@pytest.mark.parametrize(("expression", "expected"), VALID)
def test_valid_expression_has_expected_tree(expression: str, expected: str) -> None:
    tree = parse_expression("${" + expression + "}")
    assert isinstance(tree, ast.Template)
    assert to_sexpr(tree.body) == expected


@pytest.mark.parametrize(("expression", "expected"), VALID)
def test_printed_expression_parses_to_the_same_tree(expression: str, expected: str) -> None:
    tree = parse_expression("${" + expression + "}")
    assert parse_expression(to_source(tree)) == tree


@pytest.mark.parametrize("value", ["name.given", "email", " name.given ", "myClaimValue"])
def test_a_value_without_a_template_is_not_parsed(value: str) -> None:
    with pytest.raises(ExpressionSyntaxError):
        parse_expression(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("${new int[] {1,2,3,4} [0]}", "(template ([] (new[] int (dims _) (init 1 2 3 4)) 0))"),
        ("${new int[] {1,2}.length}", "(template (. (new[] int (dims _) (init 1 2)) length))"),
        ("${new int[3][0]}", "(template (new[] int (dims 3 0) _))"),
        ("${{'a','b'}[1]}", "(template ([] (list 'a' 'b') 1))"),
        ("${{'k': 1}['k']}", "(template ([] (map (: 'k' 1)) 'k'))"),
    ],
)
def test_constructors_are_start_nodes(value: str, expected: str) -> None:
    assert to_sexpr(parse_expression(value)) == expected


def test_terraform_escape_is_a_template() -> None:
    tree = parse_expression("$${user.email}")
    assert isinstance(tree, ast.Template) and tree.escaped
    assert to_source(tree) == "$${user.email}"


CANONICAL = [
    ("${a&&b||!c}", "${a and b or !c}"),
    ("${a div b mod c}", "${a / b % c}"),
    ('${"x"}', "${'x'}"),
    ("${a eq b}", "${a == b}"),
    ("${(((a)))}", "${a}"),
    ("${- -a}", "${-(-a)}"),
    ("${(a ?: b) ?: c}", "${(a ?: b) ?: c}"),
    ("${(2 ^ 3) ^ 2}", "${(2 ^ 3) ^ 2}"),
    ("${(-a).b}", "${(-a).b}"),
    ("${{1,2}}", "${{1, 2}}"),
]


@pytest.mark.parametrize(("source", "expected"), CANONICAL)
def test_printer_output_is_canonical(source: str, expected: str) -> None:
    assert to_source(parse_expression(source)) == expected
