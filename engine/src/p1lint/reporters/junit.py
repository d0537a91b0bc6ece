"""JUnit XML, for CI systems that show test reports. One test suite per file: a failing test case
per finding at or above `--fail-on`, a passing one (the finding in its `system-out`) per finding
below it, a skipped one per suppressed finding shown (`--show-suppressed`), one passing test
case for a file without findings, and an `<error>` test case for each input error (an unreadable
file, a check that could not be made). Test case names are unique within their suite. The run's
wall time is the `time` of `<testsuites>`; per-file times are not measured, so suites and cases
carry none."""

from __future__ import annotations

from xml.etree import ElementTree

from p1lint.escaping import printable, printable_lines
from p1lint.findings import Finding, InputError
from p1lint.reporters import CollectingReporter, Summary, is_failing
from p1lint.reporters.identity import described

CLEAN_CASE = "no findings"
ERROR_CASE = "could not be checked"


class JunitReporter(CollectingReporter):
    def stop(self, summary: Summary) -> None:
        suites = _suites(summary.outcome.checked, self.findings, summary.input_errors)
        root = ElementTree.Element("testsuites", name="p1lint", time=f"{summary.outcome.seconds:.3f}")
        for file, (findings, errors) in suites.items():
            _suite(root, file, findings, errors, summary.outcome.fail_on)
        _count(root, root.findall("testsuite"))
        ElementTree.indent(root)
        self.stream.write(ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n")


Suites = dict[str, tuple[list[Finding], list[InputError]]]


def _suites(checked: tuple[str, ...], findings: list[Finding], errors: tuple[InputError, ...]) -> Suites:
    """Each file's findings and errors, files in the order they were read, then any others."""
    suites: Suites = {file: ([], []) for file in checked}
    for finding in findings:
        suites.setdefault(finding.file, ([], []))[0].append(finding)
    for error in errors:
        suites.setdefault(error.file, ([], []))[1].append(error)
    return suites


def _suite(root: ElementTree.Element, file: str, findings: list[Finding], errors: list[InputError],
           fail_on: str) -> None:
    """XML 1.0 cannot hold control characters: names and messages are escaped first."""
    shown = printable(file)
    suite = ElementTree.SubElement(root, "testsuite", name=shown)
    names = _UniqueNames()
    for finding in findings:
        _finding_case(suite, names, finding, shown, is_failing(finding, fail_on))
    for error in errors:
        case = ElementTree.SubElement(suite, "testcase", name=names.unique(ERROR_CASE), classname=shown)
        problem = ElementTree.SubElement(case, "error", type="input-error", message=printable(error.message))
        problem.text = printable_lines(str(error))
    if not findings and not errors:
        ElementTree.SubElement(suite, "testcase", name=CLEAN_CASE, classname=shown)
    _count(suite, [suite])


def _finding_case(suite: ElementTree.Element, names: _UniqueNames, finding: Finding, file: str,
                  failing: bool) -> None:
    name = printable(f"{finding.rule} {finding.name} {finding.path or '/'}")
    case = ElementTree.SubElement(suite, "testcase", name=names.unique(name), classname=file)
    message = printable(described(finding))
    where = f"{file}:{finding.line}:{finding.column}: {finding.rule} {finding.severity}"
    text = printable_lines(f"{where} {message}\n{finding.docs}")
    if finding.suppression:  # shown with --show-suppressed: accepted, so neither failed nor passed
        reason = printable(f"suppressed: {finding.justification}")
        ElementTree.SubElement(case, "skipped", message=reason).text = text
    elif failing:
        ElementTree.SubElement(case, "failure", type=finding.severity, message=message).text = text
    else:  # below --fail-on: shown, not failed
        ElementTree.SubElement(case, "system-out").text = text


def _count(element: ElementTree.Element, suites: list[ElementTree.Element]) -> None:
    cases = [case for suite in suites for case in suite.findall("testcase")]
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(case.find("failure") is not None for case in cases)))
    element.set("errors", str(sum(case.find("error") is not None for case in cases)))
    element.set("skipped", str(sum(case.find("skipped") is not None for case in cases)))


class _UniqueNames:
    """Test case names of one suite: a repeated name gets ` (2)`, ` (3)`, ..."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}

    def unique(self, name: str) -> str:
        count = self.next.get(name, 1)
        candidate = name
        while candidate in self.used:
            count += 1
            candidate = f"{name} ({count})"
        self.next[name] = count
        self.used.add(candidate)
        return candidate
