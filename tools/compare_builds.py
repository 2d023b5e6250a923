"""Compare two builds of the sites: every file byte for byte, PDFs by their text.

Used to prove that a restructuring or a second engine changes nothing a reader sees:

    python tools/compare_builds.py BEFORE AFTER [--ignore-generator]

BEFORE and AFTER are output roots of `make site OUT=…` (each with site/ and site-staff/). PDFs are compared by
the text pdftotext extracts, page by page, because their bytes carry the build's own identifiers.
`--ignore-generator` drops the `<meta name="generator" …>` tag first (ProperDocs names itself there).
Exits 1 and lists the differing files when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


def compare(before: Path, after: Path, ignore_generator: bool = False) -> list[str]:
    """Every difference as one line: a file only on one side, or a file whose content differs."""
    differences = []
    old, new = _files(before), _files(after)
    differences += [f"bara i {before}: {p}" for p in sorted(old - new)]
    differences += [f"bara i {after}: {p}" for p in sorted(new - old)]
    for relative in sorted(old & new):
        a, b = before / relative, after / relative
        if relative.suffix == ".pdf":
            text_a, text_b = _pdf_text(a), _pdf_text(b)
            if text_a != text_b:
                diff = "\n".join(list(difflib.unified_diff(text_a.splitlines(), text_b.splitlines(),
                                                           lineterm="", n=0))[:12])
                differences.append(f"olika text: {relative}\n{diff}")
            continue
        bytes_a, bytes_b = a.read_bytes(), b.read_bytes()
        if ignore_generator and relative.suffix == ".html":
            bytes_a, bytes_b = _GENERATOR.sub(b"", bytes_a), _GENERATOR.sub(b"", bytes_b)
        if bytes_a != bytes_b:
            differences.append(f"olika: {relative}")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore-generator", action="store_true")
    args = parser.parse_args()
    differences = compare(args.before, args.after, args.ignore_generator)
    for line in differences:
        print(line)
    print(f"{len(differences)} skillnader" if differences else "Lika.")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
