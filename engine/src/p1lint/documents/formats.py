"""The input formats, in the one place they are registered. A file's format is the one that
claims the longest suffix of its name (`.tf.json` before `.json`); for standard input and other
names, the first whose `sniff` accepts the content, in the order below — YAML, which accepts any
text, last. Directories are walked for the files of every format; `.tf` and `.tf.json` files are
read as Terraform configurations (see `environment.terraformdirs`)."""

from __future__ import annotations

from p1lint.documents.document import InputFormat
from p1lint.documents.hclformat import HCL
from p1lint.documents.jsonformat import JSON
from p1lint.documents.tfjsonformat import TERRAFORM_JSON
from p1lint.documents.yamlformat import YAML

FORMATS: tuple[InputFormat, ...] = (TERRAFORM_JSON, JSON, HCL, YAML)
DATA_SUFFIXES = tuple(suffix for each in FORMATS for suffix in each.suffixes)
_NAMES = [each.name for each in FORMATS]
NAMES = f"{', '.join(_NAMES[:-1])} or {_NAMES[-1]}"  # "Terraform JSON, JSON, HCL or YAML", for messages


def format_for(name: str, text: str) -> InputFormat:
    lowered = name.lower()
    claims = [(len(suffix), index) for index, each in enumerate(FORMATS)
              for suffix in each.suffixes if lowered.endswith(suffix)]
    if claims:
        return FORMATS[max(claims, key=lambda claim: (claim[0], -claim[1]))[1]]
    return next((each for each in FORMATS if each.sniff(name, text)), FORMATS[-1])
