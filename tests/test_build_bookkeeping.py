"""The command line's own bookkeeping around the builds (macros/cli/build.py): each configuration read once per
build (macros/engine/mkdocs_files.py › ConfigReader), and the new output swapped in before the old one is
removed."""

from __future__ import annotations

from pathlib import Path

from macros.cli import build
from macros.engine.mkdocs_files import ConfigReader, read_config


def test_a_build_reads_each_configuration_once_and_each_caller_gets_its_own_copy(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Före\nnav:\n  - index.md\n", "utf-8")
    read = ConfigReader()
    first = read(config)
    first["nav"].append("changed-by-a-caller.md")
    config.write_text("site_name: Efter\nnav:\n  - index.md\n", "utf-8")
    assert read(config) == read(tmp_path / "." / "mkdocs.yml") == {"site_name": "Före", "nav": ["index.md"]}
    assert ConfigReader()(config)["site_name"] == "Efter", "the next build reads the file anew"
    assert read_config(config)["site_name"] == "Efter"


def test_a_broken_configuration_is_still_read_as_nothing(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: [\n", "utf-8")
    read = ConfigReader()
    assert read(config) == {} and read(config) == {}


def _output(folder: Path, text: str) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(text, "utf-8")
    (folder / "sub" / "index.html").write_text(text, "utf-8")
    return folder


def test_new_outputs_replace_the_old_ones_which_are_then_removed(tmp_path):
    sites = []
    for name in ("site", "site-staff"):
        _output(tmp_path / name, "gammal")
        _output(tmp_path / f"{name}.new-1", "ny")
        sites.append(build.SiteBuild("mkdocs.yml", tmp_path / name, tmp_path / f"{name}.new-1"))
    (tmp_path / "site.old").mkdir()    # left by a build that was stopped half-way
    old = [build._swap(site) for site in sites]
    assert [(tmp_path / name / "sub" / "index.html").read_text("utf-8") for name in ("site", "site-staff")] \
        == ["ny", "ny"], "the new output is in place before anything old is removed"
    assert all(folder.is_dir() for folder in old)
    build._remove(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site-staff"]


def test_a_first_build_has_no_old_output_to_remove(tmp_path):
    site = build.SiteBuild("mkdocs.yml", tmp_path / "site", _output(tmp_path / "site.new-1", "ny"))
    build._remove([build._swap(site)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
