"""Declared settings (macros/settings.py): every setting has a type and a default, and a misspelt key or a wrong
value is named with its file and line and the fix, in `make check` and in `make site`, instead of silently
falling back (`enabeld: true` under quick_exit used to remove the exit button without a word)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import settings
from macros.settings import Limits, SiteSettings, read_limits, read_site_settings
from tests.support.project import NO_PDF, ROOT, copy_project, run_build


def line_of(path: Path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text("utf-8").splitlines(), 1) if text in row)


def configs(folder: Path, public: tuple[str, str] | None = None, staff: tuple[str, str] | None = None,
            limits: tuple[str, str] | None = None) -> Path:
    """Copies of mkdocs.yml, mkdocs.staff.yml and pyproject.toml in folder, each with one text replaced."""
    for name, change in (("mkdocs.yml", public), ("mkdocs.staff.yml", staff), ("pyproject.toml", limits)):
        text = (ROOT / name).read_text("utf-8")
        if change:
            assert change[0] in text, change
            text = text.replace(change[0], change[1], 1)
        (folder / name).write_text(text, "utf-8")
    return folder


def test_the_kits_own_settings_are_in_order():
    assert settings.problems(ROOT) == []


def test_a_misspelt_key_is_named_with_its_line_and_the_key_meant(tmp_path):
    configs(tmp_path, public=("    enabled: true", "    enabeld: true"))
    read = read_site_settings(tmp_path / "mkdocs.yml", tmp_path)
    line = line_of(tmp_path / "mkdocs.yml", "enabeld")
    assert [str(p) for p in read.problems] == [
        f"mkdocs.yml:{line}: Inställningen extra › quick_exit › enabeld finns inte. Kontrollera stavningen "
        "(menade du enabled?). Inställningar som går att använda här: enabled, url, shows. "
        "bidra/installningar.md beskriver dem."]
    # The build goes on with the default, so that it reports every other problem too; it still fails.
    assert read.settings.quick_exit.enabled is False


def test_an_unknown_key_at_the_top_of_extra_is_named(tmp_path):
    configs(tmp_path, public=("  public_files: []", "  publik_files: []"))
    (problem,) = read_site_settings(tmp_path / "mkdocs.yml", tmp_path).problems
    assert (problem.code, problem.file, problem.line) == ("setting_unknown", "mkdocs.yml",
                                                          line_of(tmp_path / "mkdocs.yml", "publik_files"))
    assert "(menade du public_files?)" in str(problem)


def test_the_staff_site_names_the_line_in_its_own_file_and_inherits_the_rest(tmp_path):
    configs(tmp_path, staff=("    enabled: false", "    enabled: kanske"))
    read = read_site_settings(tmp_path / "mkdocs.staff.yml", tmp_path)
    (problem,) = read.problems
    assert (problem.code, problem.file, problem.line) == ("setting_invalid", "mkdocs.staff.yml",
                                                          line_of(tmp_path / "mkdocs.staff.yml", "kanske"))
    assert 'har värdet "kanske"' in str(problem) and "Skriv true eller false." in str(problem)
    assert read.settings.audience == "staff"
    assert read.settings.quick_exit.url == "https://www.smhi.se/"      # from mkdocs.yml (INHERIT)
    assert read.settings.staff_nav[0]["För personal"][0] == "personal/index.md"


def test_a_problem_in_mkdocs_yml_is_named_in_mkdocs_yml_when_the_staff_site_inherits_it(tmp_path):
    configs(tmp_path, public=("  audience: public", "  audience: alla"), staff=("  audience: staff", "  # staff"))
    (problem,) = read_site_settings(tmp_path / "mkdocs.staff.yml", tmp_path).problems
    assert (problem.file, problem.line) == ("mkdocs.yml", line_of(tmp_path / "mkdocs.yml", "audience: alla"))
    assert "Skriv ett av: public, staff." in str(problem)


def test_a_value_of_the_wrong_kind_is_named_with_what_to_write(tmp_path):
    configs(tmp_path, staff=("  staff_nav:                           # put first",
                             "  staff_nav: personal/index.md\n  x_staff_nav:                         # put first"))
    problems = {p.code: p for p in read_site_settings(tmp_path / "mkdocs.staff.yml", tmp_path).problems}
    assert problems["setting_invalid"].line == line_of(tmp_path / "mkdocs.staff.yml", "staff_nav: personal")
    assert "Skriv en lista, en punkt per rad som börjar med bindestreck." in str(problems["setting_invalid"])


def test_a_python_tag_among_the_settings_is_named_not_run(tmp_path):
    configs(tmp_path, public=("  public_files: []", "  public_files: [!!python/name:os.system x]"))
    read = read_site_settings(tmp_path / "mkdocs.yml", tmp_path)
    (problem,) = read.problems
    assert str(problem) == f"mkdocs.yml:{line_of(tmp_path / 'mkdocs.yml', 'python/name')}: Filen använder " \
                           "YAML-taggen !!python/name:os.system, som inte är tillåten här. Ta bort taggen och skriv " \
                           "värdet som vanlig text."
    assert read.settings.public_files == []


def test_the_data_folder_follows_the_environment_as_mkdocs_reads_it(tmp_path, monkeypatch):
    configs(tmp_path)
    monkeypatch.setenv("MOTVERKA_DATA", "examples/umea/data")
    assert read_site_settings(tmp_path / "mkdocs.yml").settings.motverka.data_dir == "examples/umea/data"
    monkeypatch.delenv("MOTVERKA_DATA")
    assert read_site_settings(tmp_path / "mkdocs.yml").settings.motverka.data_dir == "data"


def test_a_quick_exit_that_would_run_script_is_refused_with_its_line(tmp_path):
    configs(tmp_path, public=("url: https://www.smhi.se/", 'url: " JavaScript:alert(1)"'))
    read = read_site_settings(tmp_path / "mkdocs.yml", tmp_path)
    line = line_of(tmp_path / "mkdocs.yml", "JavaScript")
    assert [str(p) for p in read.problems] == [
        f'mkdocs.yml:{line}: Adressen för knappen Lämna sidan snabbt, " JavaScript:alert(1)", går inte att '
        "använda. Skriv en adress som börjar med https:// under extra › quick_exit › url, t.ex. "
        "https://www.smhi.se/."]
    assert read.settings.quick_exit.url is None


def test_a_quick_exit_turned_on_without_an_address_is_named(tmp_path):
    configs(tmp_path, public=("    url: https://www.smhi.se/", "    # no address"))
    (problem,) = read_site_settings(tmp_path / "mkdocs.yml", tmp_path).problems
    assert (problem.code, problem.line) == ("quick_exit_url_missing", line_of(tmp_path / "mkdocs.yml", "enabled:"))


def test_a_misspelt_or_wrong_limit_in_pyproject_is_named_with_its_line(tmp_path):
    configs(tmp_path, limits=("lix_max = 45", "lix_maks = 45\nlix_target_ = 1"))
    limits = tmp_path / "pyproject.toml"
    limits.write_text(limits.read_text("utf-8").replace("freshness_months = 12", 'freshness_months = "tolv"'))
    read = read_limits(tmp_path)
    said = {p.line: str(p) for p in read.problems}
    assert "(menade du lix_max?)" in said[line_of(tmp_path / "pyproject.toml", "lix_maks")]
    line = line_of(tmp_path / "pyproject.toml", '"tolv"')
    assert said[line].startswith(f'pyproject.toml:{line}: Inställningen [tool.motverka] › freshness_months har '
                                 'värdet "tolv", som inte går att använda. Skriv ett heltal större än noll')
    assert "lix_target_ finns inte" in said[line_of(tmp_path / "pyproject.toml", "lix_target_")]
    assert read.settings == Limits()   # the defaults stand in for what is wrong


def test_a_limit_file_that_is_not_toml_is_named(tmp_path):
    configs(tmp_path, limits=("lix_max = 45", "lix_max = 45 45"))
    (problem,) = read_limits(tmp_path).problems
    assert (problem.code, problem.line) == ("toml_syntax", line_of(tmp_path / "pyproject.toml", "45 45"))


def test_every_setting_has_a_default_and_a_description():
    assert SiteSettings() and Limits()   # nothing is required
    rows = settings.documented()
    assert {key.rsplit(" › ", 1)[-1] for _, key, _, _ in rows} >= {
        "audience", "data_dir", "enabled", "url", "shows", "staff_nav", "public_files", "freshness_months",
        "lix_max", "lix_target", "lix_easy_read"}
    assert all(description for *_, description in rows)


def test_the_defaults_are_documented_for_communicators():
    guide = (ROOT / "bidra" / "installningar.md").read_text("utf-8")
    for _, key, default, _ in settings.documented():
        assert f"| `{key}` | `{default}` |" in guide
    assert "| `extra › quick_exit › enabled` | `false` |" in guide
    assert "| `[tool.motverka] › freshness_months` | `12` |" in guide


@pytest.mark.build
def test_make_check_and_make_site_name_a_misspelt_setting(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "bidra", project / "bidra")
    configs(project, public=("    enabled: true", "    enabeld: true"), limits=("lix_max = 45", "lix_maks = 45"))
    exit_line = f"mkdocs.yml:{line_of(project / 'mkdocs.yml', 'enabeld')}: Inställningen extra › quick_exit › " \
                "enabeld finns inte. Kontrollera stavningen (menade du enabled?)."
    limit_line = f"pyproject.toml:{line_of(project / 'pyproject.toml', 'lix_maks')}: Inställningen " \
                 "[tool.motverka] › lix_maks finns inte. Kontrollera stavningen (menade du lix_max?)."
    environment = {k: v for k, v in os.environ.items() if k not in ("MOTVERKA_DATA", "GITHUB_ACTIONS")}
    check = subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, env=environment,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 1
    assert exit_line in check.stdout and limit_line in check.stdout, check.stdout
    assert "2 fel. Rätta dem och kör `make check` igen." in check.stdout

    built = run_build(project, tmp_path / "out", env=NO_PDF)   # fails on the settings: no need to wait for the PDF
    assert built.returncode != 0
    assert exit_line in built.stdout and limit_line in built.stdout, built.stdout[-3000:]
    assert built.stdout.count(exit_line) == 1    # both sites read mkdocs.yml: said once
    assert not (tmp_path / "out" / "site").exists()
