"""Validate built sites with the W3C Nu Html Checker (vnu.jar, the npm package vnu-jar in package.json).

One Java process checks every HTML file of all the folders it is given (a page at a time would start Java
once per page: minutes instead of seconds). Used by tests/test_html_valid.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class CheckerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Finding:
    path: Path       # the file, absolute
    line: int        # 0 when the checker names no line (a file it could not read)
    message: str
    element: str     # the markup the checker highlights, for an element usually its start tag
    kind: str        # "error", or "non-document-error" for a file it could not check

    def where(self, site: Path) -> str:
        """'page: line: message', the page relative to its site folder."""
        return f"{self.path.relative_to(site).as_posix()}: {self.line}: {self.message}"


def validate(folders: list[Path]) -> list[Finding]:
    """Every error in every HTML file under the folders (warnings are not reported)."""
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("java is not installed: run `make setup-dev` (tools/ensure-system-packages.sh test)")
    if not VNU_JAR.is_file():
        raise CheckerMissing(f"{VNU_JAR.relative_to(ROOT)} is missing: run `make setup-dev` (npm ci)")
    command = [java, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json", "--stdout",
               *map(str, folders)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"vnu gave no report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    findings = [finding(message) for message in messages if message.get("type") != "info"]
    if result.returncode != 0 and not findings:
        raise AssertionError(f"vnu failed (exit {result.returncode}) without a finding:\n{result.stderr}")
    return findings


def finding(message: dict) -> Finding:
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    element = extract[start:start + message.get("hiliteLength", 0)]
    return Finding(path=Path(unquote(urlparse(message.get("url", "")).path)), line=message.get("lastLine", 0),
                   message=message.get("message", ""), element=element, kind=message.get("type", ""))
