"""Lighthouse (npm, pinned in bench/package.json) against pages served on 127.0.0.1, with the system
Chromium kept offline and headless. Mobile is Lighthouse's default (simulated slow 4G, 4x CPU slowdown);
desktop is its desktop preset. bench/lighthouse.mjs runs the jobs one at a time in one browser: two at once
on two cores would skew the timings, and one browser saves seconds of start-up per page."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.browser import FULL_BROWSER_FLAGS, find_browser

BENCH = Path(__file__).resolve().parent
RUNNER = BENCH / "lighthouse.mjs"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


@dataclass
class Scores:
    url: str
    form_factor: str
    scores: dict[str, int] = field(default_factory=dict)        # category -> 0..100
    metrics: dict[str, str] = field(default_factory=dict)       # FCP, LCP … as Lighthouse displays them
    failing: dict[str, list[str]] = field(default_factory=dict)  # category -> audits that cost points
    bytes: int = 0                                              # Lighthouse's total-byte-weight
    error: str | None = None


def available() -> bool:
    return (BENCH / "node_modules" / "lighthouse").is_dir() and find_browser(shell=False) is not None


def _failing(report: dict, category: str) -> list[str]:
    names = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"].get(ref["id"], {})
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            shown = audit.get("displayValue")
            names.append(ref["id"] + (f" ({shown})" if shown else ""))
    return names


def _scores(job: dict) -> Scores:
    result = Scores(job["url"], job["formFactor"])
    report = job.get("report")
    if not report:
        result.error = job.get("error", "no report")[:200]
        return result
    if report.get("runtimeError"):
        result.error = report["runtimeError"].get("message", "runtime error")[:200]
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        result.scores[category] = round(score * 100) if score is not None else -1
        failing = _failing(report, category)
        if failing:
            result.failing[category] = failing
    for metric in METRICS:
        result.metrics[metric] = report["audits"].get(metric, {}).get("displayValue", "").replace("\xa0", " ")
    result.bytes = int(report["audits"].get("total-byte-weight", {}).get("numericValue") or 0)
    return result


def run_many(jobs: list[tuple[str, str]], timeout: int = 1800) -> list[Scores]:
    """Lighthouse for each (url, "mobile" | "desktop"), in order."""
    with tempfile.TemporaryDirectory(prefix="motverka-lh-") as folder:
        jobs_file, results_file = Path(folder) / "jobs.json", Path(folder) / "results.json"
        jobs_file.write_text(json.dumps([{"url": u, "formFactor": f} for u, f in jobs]), "utf-8")
        env = {**os.environ, "CHROME_PATH": find_browser(shell=False) or "/usr/bin/chromium",
               "LH_CHROME_FLAGS": " ".join(FULL_BROWSER_FLAGS)}
        process = subprocess.run(["node", str(RUNNER), str(jobs_file), str(results_file)], env=env,
                                 capture_output=True, text=True, timeout=timeout)
        if process.returncode != 0 or not results_file.exists():
            problem = (process.stderr or process.stdout or "failed").strip()[-300:]
            return [Scores(u, f, error=problem) for u, f in jobs]
        return [_scores(job) for job in json.loads(results_file.read_text("utf-8"))]
