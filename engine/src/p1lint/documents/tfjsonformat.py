"""Terraform's JSON configuration syntax (`*.tf.json`): JSON text whose structure is the Terraform
structure already. Its strings are templates, as in HCL: one with an interpolation (`${...}`) or
a directive (`%{...}`) is an `Unknown` naming the references it makes; `$${` and `%%{` are the
literal `${` and `%{`. Variable declarations and the `terraform` block hold literal values only.
Spans are the JSON format's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from p1lint.documents.document import SourceDocument
from p1lint.findings import InputError
from p1lint.terraform.values import Unknown

if TYPE_CHECKING:
    from p1lint.documents.spans import Locator

LITERAL_SECTIONS = frozenset({"variable", "terraform"})
_TEMPLATE = re.compile(r"(?<![$%])[$%]\{")  # an interpolation or directive, not `$${` / `%%{`
_TRAVERSAL = re.compile(r"(?<![\w.\"'])[A-Za-z_][\w-]{0,199}(?:\.[A-Za-z_*][\w-]{0,199}|\[\d{1,9}\]){1,20}")
_SNIFF = re.compile(r'\s*\{\s*"(?:resource|data|variable|locals|terraform|provider|module|output)"\s*:')
KEYWORDS = frozenset({"for", "in", "if", "else", "endif", "endfor", "true", "false", "null"})


class TerraformJsonFormat:
    name: str = "Terraform JSON"
    suffixes: tuple[str, ...] = (".tf.json",)

    def sniff(self, name: str, text: str) -> bool:
        return name.lower().endswith(self.suffixes) or _SNIFF.match(text) is not None

    def parse(self, name: str, text: str) -> SourceDocument | InputError:
        from p1lint.documents.jsonformat import JSON

        document = JSON.parse(name, text)
        if isinstance(document, InputError):
            return document
        return SourceDocument(name, text, structure(document.data), self, document.duplicate_keys)

    def locator(self, text: str) -> Locator:
        from p1lint.documents.jsonformat import JSON

        return JSON.locator(text)


def structure(data: Any) -> Any:
    """The Terraform structure of a parsed `.tf.json` document."""
    if not isinstance(data, dict):
        return data
    return {key: value if key in LITERAL_SECTIONS else expression(value) for key, value in data.items()}


def expression(value: Any) -> Any:
    if isinstance(value, str):
        return template(value)
    if isinstance(value, list):
        return [expression(item) for item in value]
    if isinstance(value, dict):
        return {key: expression(item) for key, item in value.items()}
    return value


def template(text: str) -> Any:
    """A string as Terraform reads it: a literal, or an `Unknown` for a template."""
    if _TEMPLATE.search(text) is None:
        return text.replace("$${", "${").replace("%%{", "%{")
    return Unknown(text, references(text))


def references(text: str) -> tuple[str, ...]:
    """The traversals the interpolations and directives of a template name, each once."""
    found: dict[str, None] = {}
    for part in _TEMPLATE.split(text)[1:]:
        inside = part.split("}", 1)[0]
        for match in _TRAVERSAL.finditer(_without_strings(inside)):
            if match.group(0).split(".", 1)[0] not in KEYWORDS:
                found.setdefault(match.group(0))
    return tuple(found)


def _without_strings(expression_text: str) -> str:
    return re.sub(r'"[^"\\]{0,10000}(?:\\.[^"\\]{0,10000}){0,1000}"', '""', expression_text)


TERRAFORM_JSON = TerraformJsonFormat()
