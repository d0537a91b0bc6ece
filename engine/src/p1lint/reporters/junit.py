"""JUnit XML, for CI systems that show test reports: one test suite per file, one failing test
case per finding (files without findings are not listed)."""

from __future__ import annotations

from collections import defaultdict
from typing import IO
from xml.etree import ElementTree

from p1lint.escaping import printable, printable_lines
from p1lint.findings import Finding
from p1lint.reporters import Summary


class JunitReporter:
    def __init__(self, stream: IO[str], *, color: bool, quiet: bool) -> None:
        self.stream = stream
        self.by_file: dict[str, list[Finding]] = defaultdict(list)

    def start(self) -> None:
        self.by_file.clear()

    def handle(self, finding: Finding) -> None:
        self.by_file[finding.file].append(finding)

    def stop(self, summary: Summary) -> None:
        total = sum(len(findings) for findings in self.by_file.values())
        root = ElementTree.Element("testsuites", name="p1lint", tests=str(total), failures=str(total))
        for file, findings in self.by_file.items():
            _suite(root, file, findings)
        ElementTree.indent(root)
        self.stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n")


def _suite(root: ElementTree.Element, file: str, findings: list[Finding]) -> None:
    """XML 1.0 cannot hold control characters: names and messages are escaped first."""
    count = str(len(findings))
    file = printable(file)
    suite = ElementTree.SubElement(root, "testsuite", name=file, tests=count, failures=count)
    for finding in findings:
        message = printable(finding.message)
        name = printable(f"{finding.rule} {finding.name} {finding.path}")
        case = ElementTree.SubElement(suite, "testcase", name=name, classname=file)
        failure = ElementTree.SubElement(case, "failure", type=finding.severity, message=message)
        where = f"{file}:{finding.line}:{finding.column}: {finding.rule} {finding.severity}"
        failure.text = printable_lines(f"{where} {message}\n{finding.docs}")
