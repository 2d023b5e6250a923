"""`make bench`: measure the public site against default Material for MkDocs, side by side, and write
bench/REPORT.md with a chart of build time against size. Prints every figure and each goal's verdict.

Everything is built in copies of the project under bench/out/ (never site/), served on 127.0.0.1 only.
`python -m bench.run --only weight` (weight, lighthouse, build, serve) measures a part, for development;
`--save-before` keeps this run as bench/before.json, the "before" column of later reports; `--keep` keeps the
project copies in bench/out/work for a closer look; `--report-only` rewrites the report from the last results.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from tests.support.browser import find_browser, launch_browser
from tests.support.server import serve

from . import lighthouse, report
from .baseline import build_default_material, dump_rendered_markdown, site_name
from .build_cost import SizedBuild, count_html, per_site_seconds, sized_build, timed_make_site
from .goals import GROWTH_FACTOR, THOUSAND_PAGES, verdicts
from .grow import factor_for_pages, grow
from .page_types import baseline_path, page_types
from .page_weight import first_view
from .profile_build import profile_build
from .serve_reload import measure as measure_reload
from .time_to_help import anatomy, time_to_help
from .workspace import OUT, ROOT, copy_project, free_port

BENCH = ROOT / "bench"
PARTS = ("weight", "lighthouse", "build", "serve")


def say(text: str = "") -> None:
    print(text, flush=True)


def _versions() -> dict:
    found = {name: metadata.version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                                                      "mkdocs-macros-plugin", "weasyprint")
             if _installed(name)}
    package = BENCH / "node_modules" / "lighthouse" / "package.json"
    if package.exists():
        found["lighthouse"] = json.loads(package.read_text("utf-8"))["version"]
    browser = find_browser(shell=False)   # the one Lighthouse measures
    if browser:
        shown = subprocess.run([browser, "--version"], capture_output=True, text=True).stdout.strip()
        found["chromium"] = shown.splitlines()[-1] if shown else browser
    return found


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
        return True
    except metadata.PackageNotFoundError:
        return False


def _as_dict(value):
    """A result as JSON-ready data, with its derived figures (properties, by_kind) spelled out."""
    found = dataclasses.asdict(value) | {k: getattr(value, k) for k in ("bytes", "count", "median", "total")
                                         if hasattr(type(value), k)}
    if hasattr(value, "by_kind"):
        found["by_kind"] = value.by_kind()
    return found


def build_both(ports: dict) -> tuple[Path, SizedBuild, list[float]]:
    """Our site by `make site` in a copy (SITE_URL = where it will be served), timed; then default Material
    built from the same rendered Markdown, timed. Returns the copy, our timing and the baseline's."""
    say("Building our site (make site in a copy of the project) and default Material on the same Markdown ...")
    project = copy_project(OUT / "work" / "x1")
    site_url = f"http://127.0.0.1:{ports['ours']}/"
    timed_make_site(project, 1, SITE_URL=site_url)          # warm-up: what a developer's next build reuses
    runs, last = timed_make_site(project, 3, SITE_URL=site_url)
    today = grow(project, 1)                                 # counts only: factor 1 changes nothing
    one = SizedBuild("x1", 1, today.pages, count_html(project / "site") + count_html(project / "site-staff"),
                     count_html(project / "site"), today.records, [r.seconds for r in runs], [r.cpu for r in runs],
                     per_site_seconds(last.output))
    say(f"  make site: {', '.join(f'{r.seconds:.2f} s' for r in runs)} (CPU {', '.join(f'{r.cpu:.1f} s' for r in runs)})")
    dump = dump_rendered_markdown(project, OUT / "work" / "baseline-docs")
    name = site_name(project / "site")
    base_url = f"http://127.0.0.1:{ports['baseline']}/"
    build_default_material(dump, OUT / "baseline", name, base_url, fonts=False)          # warm-up
    baseline_seconds = [build_default_material(dump, OUT / "baseline", name, base_url, fonts=False).seconds
                        for _ in range(3)]
    build_default_material(dump, OUT / "baseline-fonts", name, base_url, fonts=True)
    return project, one, baseline_seconds


def measure_weight(results: dict, browser, types, sites: dict, urls: dict) -> None:
    weight = results["weight"] = {"ours": {}, "baseline": {}, "baseline_fonts": {}}
    say("\nFirst view (gzip bytes, requests), ours vs default Material (fonts off):")
    for page in types:
        # Out of the box differs from fonts-off only by the font requests: the start page shows them.
        for side in ("ours", "baseline", "baseline_fonts") if page.key == "start" else ("ours", "baseline"):
            path = page.path if side == "ours" else baseline_path(page, sites[side])
            weight[side][page.key] = _as_dict(first_view(browser, sites[side], urls[side], path))
        o, b = weight["ours"][page.key], weight["baseline"][page.key]
        say(f"  {page.label:32} {o['bytes'] / 1024:6.1f} KB {o['count']:3} req   vs "
            f"{b['bytes'] / 1024:6.1f} KB {b['count']:3} req   = {o['bytes'] / b['bytes']:.2f}x")
    fonts = weight["baseline_fonts"].get("start", {}).get("blocked", [])
    say(f"  Default Material out of the box also asks other hosts: {', '.join(sorted(set(fonts))) or 'nothing'} "
        "(blocked here)")


def measure_help(results: dict, types, sites: dict, urls: dict) -> None:
    start = next(t for t in types if t.key == "start")
    results["help"] = {side: [dataclasses.asdict(h) | {"total": h.total}
                              for h in time_to_help(start.file(sites[side]).read_bytes(), urls[side])]
                       for side in ("ours", "baseline")}
    results["anatomy"] = {side: anatomy(start.file(sites[side]).read_bytes()) for side in ("ours", "baseline")}
    say("\nTime to help (start page, bytes before the tel: link is decoded):")
    for side, found in results["help"].items():
        for h in found:
            say(f"  {side:9} {h['label']:36} {h['href']:18} {h['total']:6,} B "
                f"({h['gzip_bytes']:,} gzip + {h['header_bytes']} headers)")


def measure_lighthouse(results: dict, types, sites: dict, urls: dict) -> None:
    if not lighthouse.available():
        say("\nLighthouse is not installed (npm ci --prefix bench): skipped.")
        return
    jobs = [(side, page.key, form, urls[side] + (page.path if side == "ours" else baseline_path(page, sites[side])))
            for page in types for side in ("ours", "baseline") for form in ("mobile", "desktop")]
    say(f"\nLighthouse ({len(jobs)} runs, one at a time, about 10 s each):")
    table = results["lighthouse"] = {"ours": {}, "baseline": {}}
    for (side, key, form, _url), score in zip(jobs, lighthouse.run_many([(url, form) for *_, form, url in jobs])):
        table[side].setdefault(key, {})[form] = dataclasses.asdict(score)
        shown = score.error or "  ".join(f"{c[:4]} {v:3}" for c, v in score.scores.items())
        say(f"  {side:9} {key:11} {form:8} {shown}")


def measure_pages(results: dict, sites: dict, ports: dict, parts: set[str]) -> None:
    """Page weight, time to help and Lighthouse, with both sites served with gzip at the same time."""
    types = page_types(sites["ours"])
    results["page_types"] = [dataclasses.asdict(t) for t in types]
    with ExitStack() as stack:
        urls = {side: stack.enter_context(serve(site, gzip_enabled=True, port=ports.get(side, 0)))
                for side, site in sites.items()}
        if "weight" in parts:
            with launch_browser() as browser:
                measure_weight(results, browser, types, sites, urls)
            measure_help(results, types, sites, urls)
        if "lighthouse" in parts:
            measure_lighthouse(results, types, sites, urls)


def measure_builds(results: dict, one: SizedBuild, baseline_seconds: list[float]) -> None:
    build = results["build"] = {"make_site": _as_dict(one), "baseline_seconds": baseline_seconds,
                                "baseline_median": statistics.median(baseline_seconds)}
    say(f"\nBuild: make site {one.median:.2f} s (median of {len(one.seconds)}; {one.html_pages} HTML pages in both "
        f"sites) vs default Material's mkdocs build {build['baseline_median']:.2f} s "
        f"= {one.median / build['baseline_median']:.1f}x")
    build["scaled"] = []
    for factor in (10, GROWTH_FACTOR):
        sized, _ = sized_build(f"x{factor}", factor)
        build["scaled"].append(_as_dict(sized))
        say(f"  {factor:3}x content: {sized.md_pages:5} Markdown pages, {sized.html_pages:5} HTML pages, "
            f"{sized.records:4} records: {sized.median:6.1f} s, CPU {sized.cpu[0]:.0f} s  "
            f"({sized.median / one.median:.1f}x the time)  {sized.per_site}")
    # Public HTML pages one copy of the navigation adds (the 10x site holds 9 copies).
    per_copy = max(1, (build["scaled"][0]["public_html_pages"] - one.public_html_pages) // 9)
    factor = factor_for_pages(THOUSAND_PAGES, one.public_html_pages, per_copy)
    thousand, _ = sized_build("pages-1000", 1, page_factor=factor, staff_pages=False)
    build["thousand"] = _as_dict(thousand)
    say(f"  {THOUSAND_PAGES}-page site ({thousand.public_html_pages} public HTML pages; records and staff pages as "
        f"today): {thousand.median:.1f} s, CPU {thousand.cpu[0]:.0f} s")
    results["profiles"] = {}
    for label, folder in (("10x content", "x10"), (f"the {thousand.public_html_pages}-page site", "pages-1000")):
        say(f"  Profiling the public site's mkdocs build, {label} (cProfile) ...")
        profile = results["profiles"][label] = profile_build(OUT / "work" / folder, OUT / "work" / f"profile-{folder}")
        for package, seconds in list(profile["packages"].items())[:5]:
            say(f"    {seconds:6.1f} s  {package}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--only", action="append", choices=PARTS, help="measure only these parts")
    parser.add_argument("--save-before", action="store_true", help="keep this run as bench/before.json")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from bench/out/results.json")
    parser.add_argument("--keep", action="store_true", help="keep the project copies in bench/out/work (~0.5 GB)")
    args = parser.parse_args(argv)
    if args.report_only:
        return _finish(json.loads((OUT / "results.json").read_text("utf-8")), save_before=False)
    parts = set(args.only or PARTS)
    started = time.monotonic()
    results: dict = {"when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "machine": {"cores": os.cpu_count(), "load_before": os.getloadavg()[0],
                                 "python": platform.python_version(), **_versions()},
                     "parts": sorted(parts)}
    OUT.mkdir(parents=True, exist_ok=True)
    ports = {"ours": free_port(), "baseline": free_port()}
    project, one, baseline_seconds = build_both(ports)
    if parts & {"weight", "lighthouse"}:
        sites = {"ours": project / "site", "baseline": OUT / "baseline" / "site",
                 "baseline_fonts": OUT / "baseline-fonts" / "site"}
        measure_pages(results, sites, ports, parts)
    if "build" in parts:
        measure_builds(results, one, baseline_seconds)
    else:
        results["build"] = {"make_site": _as_dict(one), "baseline_seconds": baseline_seconds,
                            "baseline_median": statistics.median(baseline_seconds)}
    if "serve" in parts:
        say("\nLive reload under make serve (3 edits of data/contacts.yml):")
        results["serve_reload"] = measure_reload(project, 3)
        say("  " + ", ".join(f"{s:.2f} s" for s in results["serve_reload"]))
    results["machine"]["load_after"] = os.getloadavg()[0]
    results["seconds"] = time.monotonic() - started
    (OUT / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    if not args.keep:
        shutil.rmtree(OUT / "work", ignore_errors=True)
    return _finish(results, args.save_before)


def _finish(results: dict, save_before: bool) -> int:
    if save_before:
        shutil.copyfile(OUT / "results.json", BENCH / "before.json")
    before_file = BENCH / "before.json"
    before = json.loads(before_file.read_text("utf-8")) if before_file.exists() and not save_before else None
    report.write(results, before, BENCH / "REPORT.md", BENCH / "build-cost.png")
    say("\nGoals:")
    for verdict in verdicts(results, before):
        say(f"  {verdict.word:12} {verdict.goal}: {verdict.figure}")
    say(f"\nbench/REPORT.md and bench/build-cost.png written ({results['seconds'] / 60:.1f} min).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
