"""axe-core in a Playwright page: the WCAG 2.0/2.1/2.2 A and AA rules plus best practice, as readable findings.

axe-core comes bundled with axe-playwright-python (pinned in requirements-dev.txt, so the rule set changes only
when someone bumps it). Each finding names the rule, the element (CSS selector and a piece of its HTML) and what
axe says is wrong, so that a failing test reads as a to-do list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
STANDARD_TAGS = set(TAGS) - {"best-practice"}


@lru_cache(maxsize=1)
def axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_version(page) -> str:
    inject(page)
    return page.evaluate("axe.version")


def inject(page) -> None:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    tags: tuple[str, ...]
    help: str
    target: str
    html: str
    summary: str

    @property
    def best_practice_only(self) -> bool:
        """A best-practice rule that no WCAG success criterion requires."""
        return not (set(self.tags) & STANDARD_TAGS)

    def describe(self) -> str:
        html = " ".join(self.html.split())
        html = html if len(html) <= 160 else html[:157] + "…"
        summary = " ".join(self.summary.split())
        return f"{self.rule} ({self.impact}): {self.help}\n      element {self.target}: {html}\n      {summary}"


def run(page, tags: list[str] | None = None, rules: list[str] | None = None) -> list[Finding]:
    """Run axe on the page as it is now; one Finding per failing element."""
    inject(page)
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags or TAGS}
    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    findings = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            findings.append(Finding(
                rule=violation["id"], impact=violation.get("impact") or "", tags=tuple(violation["tags"]),
                help=violation["help"], target=" ".join(_flat(node["target"])), html=node.get("html", ""),
                summary=(node.get("failureSummary") or "").replace("Fix any of the following:", "").replace(
                    "Fix all of the following:", "").strip()))
    return findings


def rule_tags(page) -> dict[str, tuple[str, ...]]:
    """Every rule axe knows, with its tags (to check that an exception names a real best-practice rule)."""
    inject(page)
    return {rule["ruleId"]: tuple(rule["tags"]) for rule in page.evaluate("axe.getRules()")}


def _flat(target) -> list[str]:
    out = []
    for part in target:
        out.extend(_flat(part) if isinstance(part, list) else [str(part)])
    return out
