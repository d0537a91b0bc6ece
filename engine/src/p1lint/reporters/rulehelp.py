"""What a format that explains rules (SARIF) says about each: its title, description, rationale,
references, severity in the run's profile, category (the folder of its rule file) and how much
it matters to security. Read from the rules of the run, only when such a format asks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from p1lint.findings import SeverityName

if TYPE_CHECKING:
    from p1lint.selection import ActiveRule

# The base security severity (GitHub's scale: 9.0+ critical, 7.0+ high, 4.0+ medium, else low)
# of a rule's severity, raised by how directly its category guards credentials and tokens.
# Categories absent here are not about security (document structure, lifecycle).
BASE_SCORE: dict[str, float] = {"error": 7.0, "warning": 4.5, "info": 2.0}
SECURITY_WEIGHT: dict[str, float] = {
    "secrets": 1.5, "client-auth": 1.0, "jwks": 1.0, "access": 1.0, "tokens": 0.5, "redirect-uris": 0.5,
    "pkce": 0.5, "grants": 0.5, "requests": 0.5, "request-objects": 0.5, "policies": 0.5, "cors": 0.0,
    "third-party-login": 0.0, "resources": 0.0, "attribute-mappings": 0.0, "overview": 0.0,
}
NOT_SECURITY = frozenset({"structure", "lifecycle"})


class Reference(NamedTuple):
    title: str
    url: str


class RuleHelp(NamedTuple):
    id: str
    name: str
    title: str
    description: str
    rationale: str
    references: tuple[Reference, ...]
    severity: SeverityName
    category: str
    docs: str

    @property
    def security(self) -> bool:
        return self.category not in NOT_SECURITY

    def security_severity(self) -> str | None:
        """GitHub's `security-severity`, "0.0" to "10.0", for a rule about security."""
        if not self.security:
            return None
        score = BASE_SCORE[self.severity] + SECURITY_WEIGHT.get(self.category, 0.0)
        return f"{min(score, 10.0):.1f}"

    def text(self) -> str:
        references = [f"- {reference.title}: {reference.url}" for reference in self.references]
        return "\n".join([self.description, "", f"Why: {self.rationale}", "", "References:", *references,
                          "", f"Documentation: {self.docs}"])

    def markdown(self) -> str:
        references = [f"- [{reference.title}]({reference.url})" for reference in self.references]
        return "\n".join([f"**{self.title}**", "", self.description, "", "**Why**", "", self.rationale, "",
                          "**References**", "", *references, "", f"[Documentation]({self.docs})"])


RuleHelpSource = Callable[[], Mapping[str, RuleHelp]]


def rule_help_source(rules: Iterable[ActiveRule]) -> RuleHelpSource:
    """A function giving the help of the rules of the run: each rule's file is read only when
    its help is first looked up (a report explains the rules it has findings of)."""
    by_id = {active.rule.id: active for active in rules}
    return lambda: _LazyHelp(by_id)


class _LazyHelp(Mapping[str, RuleHelp]):
    def __init__(self, rules: dict[str, ActiveRule]) -> None:
        self.rules = rules
        self.made: dict[str, RuleHelp] = {}

    def __getitem__(self, rule_id: str) -> RuleHelp:
        if rule_id not in self.made:
            self.made[rule_id] = _help(self.rules[rule_id])
        return self.made[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def _help(active: ActiveRule) -> RuleHelp:
    spec = active.rule.spec
    references = tuple(Reference(_one_line(r.title), r.url) for r in spec.references)
    return RuleHelp(spec.id, spec.name, _one_line(spec.title), spec.description.strip(),
                    spec.rationale.strip(), references, active.severity, active.rule.source.parent.name,
                    active.rule.docs)


def _one_line(text: str) -> str:
    return " ".join(text.split())
