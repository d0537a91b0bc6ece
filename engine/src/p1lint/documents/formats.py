"""The input formats, in the one place they are registered. A file's format is the one that
claims the longest suffix of its name (`.tf.json` before `.json`); for standard input and other
names, the first whose `sniff` accepts the content, in the order below — YAML, which accepts any
text, last.

Directories are walked for the files of the `WALKED` formats, and only those are read as
Terraform configurations (see `environment.terraformdirs`): a `.tf` file named on the command
line is read as HCL, but joins them once checks leave the values a configuration does not settle
(`Unknown`) unjudged."""

from __future__ import annotations

from p1lint.documents.document import InputFormat
from p1lint.documents.hclformat import HCL
from p1lint.documents.jsonformat import JSON
from p1lint.documents.tfjsonformat import TERRAFORM_JSON
from p1lint.documents.yamlformat import YAML

FORMATS: tuple[InputFormat, ...] = (TERRAFORM_JSON, JSON, HCL, YAML)
WALKED: tuple[InputFormat, ...] = (TERRAFORM_JSON, JSON, YAML)
DATA_SUFFIXES = tuple(suffix for each in WALKED for suffix in each.suffixes)
_NAMES = [each.name for each in WALKED]
NAMES = f"{', '.join(_NAMES[:-1])} or {_NAMES[-1]}"  # "Terraform JSON, JSON or YAML", for messages


def format_for(name: str, text: str) -> InputFormat:
    lowered = name.lower()
    claims = [(len(suffix), index) for index, each in enumerate(FORMATS)
              for suffix in each.suffixes if lowered.endswith(suffix)]
    if claims:
        return FORMATS[max(claims, key=lambda claim: (claim[0], -claim[1]))[1]]
    return next((each for each in FORMATS if each.sniff(name, text)), FORMATS[-1])
