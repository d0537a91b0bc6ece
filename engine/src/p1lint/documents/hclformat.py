"""HCL input (`.tf`): Terraform's native syntax, read by p1lint's lark grammar (imported only when
a `.tf` file is read) into the Terraform structure — Terraform's JSON configuration syntax as
plain data, values Terraform alone can know as `p1lint.terraform.values.Unknown` (see
`p1lint.documents.hcl`). Errors never quote the input."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from p1lint.documents.document import SourceDocument
from p1lint.findings import InputError

if TYPE_CHECKING:
    from p1lint.documents.spans import Locator

# Standard input is HCL when its first line that is not blank or a comment opens a block.
_BLOCK_START = re.compile(
    r"(?:[ \t]*(?:(?:#|//)[^\n]*)?\r?\n)*[ \t]*"
    r"(?:resource|data|variable|locals|terraform|provider|module|output|import|moved|removed|check)"
    r"[ \t]*[\"{]"
)


class HclFormat:
    name: str = "HCL"
    suffixes: tuple[str, ...] = (".tf",)

    def sniff(self, name: str, text: str) -> bool:
        return name.lower().endswith(self.suffixes) or _BLOCK_START.match(text) is not None

    def parse(self, name: str, text: str) -> SourceDocument | InputError:
        from p1lint.documents.hcl.locator import HclLocator
        from p1lint.documents.hcl.parse import HclError, parse_configuration

        try:
            parsed = parse_configuration(text)
        except HclError as error:
            return InputError(name, *_position(text, error.offset), f"invalid HCL: {error.message}")
        except RecursionError:
            return InputError(name, 1, 1, "invalid HCL: nested too deeply")
        locator = HclLocator(text, parsed.offsets)  # the parse found every offset: keep them
        return SourceDocument(name, text, parsed.data, self, parsed.duplicate_keys, _locator=locator)

    def locator(self, text: str) -> Locator:
        from p1lint.documents.hcl.locator import HclLocator
        from p1lint.documents.hcl.parse import parse_configuration

        return HclLocator(text, parse_configuration(text).offsets)


def _position(text: str, offset: int) -> tuple[int, int]:
    from p1lint.documents.lines import LineIndex

    return LineIndex(text).position(min(max(offset, 0), len(text)))


HCL = HclFormat()
