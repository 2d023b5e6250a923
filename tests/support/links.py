"""Every link and anchor of a built site, checked by linkchecker against the site served on 127.0.0.1.

Used by tests/test_links.py (internal links only: tests never reach the network) and by the Makefile:

    python -m tests.support.links [--data DIR ...] [--external]

builds each dataset's public and staff sites into a temporary folder (site/ is left alone), serves each on
127.0.0.1 and runs linkchecker with tests/linkcheckerrc. --external also checks links to other websites, at
linkchecker's polite pace (the scheduled workflow runs it). Exit status 1 when anything is broken.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from tests.support.server import serve

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "linkcheckerrc"
# A moved page on another website still works: reported by --external as information, not as a failure.
INFORMATIONAL = ("Redirected to",)


@dataclass(frozen=True)
class Problem:
    page: str        # the page with the link (a path on the site)
    link: str        # the link as written
    line: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page or '/'} (rad {self.line}): {self.link} – {self.problem}"


@dataclass
class Result:
    urls: int
    problems: list[Problem]
    output: str


# The staff site's pages carry <meta name="robots" content="noindex, nofollow"> for search engines, and
# linkchecker obeys it: it would not read a single link on them. The link check is no search engine, so it runs
# linkchecker with that one rule switched off (everything else as installed).
RUN_LINKCHECKER = """
import sys
from linkcheck.checker.httpurl import HttpUrl
HttpUrl.content_allows_robots = lambda self: True
from linkcheck.command.linkchecker import linkchecker
sys.argv[0] = "linkchecker"
sys.exit(linkchecker())
"""


def start(base: str, external: bool = False) -> subprocess.Popen:
    """Start linkchecker on a served site. Its XML report goes to stdout (as root it drops privileges to
    nobody, who may not write files here; and its CSV report loses its last row)."""
    command = [sys.executable, "-c", RUN_LINKCHECKER, "--config", str(CONFIG), "--no-status", "--verbose",
               "--output", "xml", base]
    if external:
        command.insert(-1, "--check-extern")
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def finish(process: subprocess.Popen, base: str) -> Result:
    out, err = process.communicate(timeout=1800)
    try:
        checked = list(ElementTree.fromstring(out).iter("urldata"))
    except ElementTree.ParseError:
        checked = []
    if not checked:
        raise RuntimeError(f"linkchecker gave no results:\n{out}\n{err}")
    problems = []
    for url in checked:
        parent = url.find("parent")
        page = (parent.text or "").replace(base, "/") if parent is not None else ""
        line = parent.get("line", "") if parent is not None else ""
        valid = url.find("valid")
        if valid is not None and valid.text != "1":
            problems.append(Problem(page, url.findtext("url", ""), line, valid.get("result", "")))
        for warning in url.iterfind("warnings/warning"):
            text = " ".join((warning.text or "").split())
            if not text.startswith(INFORMATIONAL):
                problems.append(Problem(page, url.findtext("url", ""), line, text))
    return Result(len(checked), problems, out)


def check_sites(sites: list[Path], external: bool = False) -> dict[Path, Result]:
    """Check several built sites at once (each served on its own port, linkchecker processes in parallel)."""
    results = {}
    with _served(sites) as bases:
        running = [(site, base, start(base, external)) for site, base in zip(sites, bases)]
        for site, base, process in running:
            results[site] = finish(process, base)
    return results


class _served:
    def __init__(self, sites):
        self.sites, self.contexts = sites, []

    def __enter__(self):
        bases = []
        for site in self.sites:
            context = serve(site)
            bases.append(context.__enter__())
            self.contexts.append(context)
        return bases

    def __exit__(self, *exc):
        for context in reversed(self.contexts):
            context.__exit__(*exc)


def main(argv: list[str] | None = None) -> int:
    from macros.cli.build import Dataset, build_sites
    from macros.text.messages import ui

    parser = argparse.ArgumentParser(prog="python -m tests.support.links", description=ui("linkcheck_about"))
    parser.add_argument("--data", action="append", help="datamapp (flera går bra); standard: data och examples/umea")
    parser.add_argument("--external", action="store_true", help=ui("linkcheck_external_help"))
    args = parser.parse_args(argv)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="motverka-links-") as tmp:
        labels: dict[Path, str] = {}
        for number, name in enumerate(args.data or ["data", "examples/umea"]):
            dataset = Dataset.resolve(name)
            out = Path(tmp) / str(number)
            if build_sites(Dataset(dataset.data_dir, out)) != 0:
                return 1
            labels.update({out / folder: f"{name} › {folder}/" for folder in ("site", "site-staff")
                           if (out / folder).exists()})
        for site, result in check_sites(list(labels), args.external).items():
            label = labels[site]
            if result.problems:
                failed += 1
                print(ui("linkcheck_broken", site=label, count=len(result.problems), urls=result.urls))
                for problem in result.problems:
                    print(f"  {problem}")
            else:
                print(ui("linkcheck_ok", site=label, urls=result.urls))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
