"""MkDocs hooks (mkdocs.yml `hooks:`): validate data before anything renders, check every page's review
metadata, keep staff-only content off the public site (macros/guards/audience.py), and hand the data to the theme
templates. Kept thin; the work lives in the macros package."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from mkdocs.structure.files import File

# The macros package is imported from the project folder: MkDocs runs as `python -m mkdocs` there (the Makefile,
# macros/cli/build.py), and Python puts the current folder first on the import path for -m. The path is never
# edited here: `mkdocs` started otherwise gets a configuration error that says how to start it.
try:
    import macros  # noqa: F401
except ModuleNotFoundError:
    raise ValidationError("paketet macros hittades inte. Bygg med `make site` eller förhandsgranska med "
                          "`make serve`; eller kör `python -m mkdocs` i projektmappen.") from None

from macros import build_state
from macros.contract import site_address
from macros.engine import serve
from macros.guards import safe_html
from macros.outputs import editions, open_data, search_index
from macros.outputs.pdf import document as pdf
from macros.render import (direction, emergency_links, finished_html, git_dates, not_found, page_meta, staff_start,
                           theme_globals)
from macros.guards import audience as separation  # (`audience` is a local name below)
from macros.build_state import BuildState
from macros.contract.load import DataErrors
from macros.problems import report
from macros.render.render import text
from macros.settings import read_limits, read_site_settings
from macros.text.messages import ui
from macros.text import languages



def on_startup(command, dirty):
    # MkDocs names the command once per process, not per build: kept where each build's state reads it.
    os.environ["MOTVERKA_PREVIEW"] = "1" if command == "serve" else "0"
    serve.on_startup(command, build_state.ROOT / "docs")


def on_serve(server, config, builder):
    """make serve: a build that fails shows its problems in the browser, in Swedish (macros/engine/serve.py)."""
    return serve.on_serve(server, Path(config.site_dir))


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or "sv"


@event_priority(100)
def on_config(config):
    state = build_state.attached(config)
    if state is None:  # static-i18n runs on_config again for each language, with the same config
        state = _new_state(config)
        build_state.attach(config, state)
        _one_language_only(config)
    lang = _language(config)
    # static-i18n writes theme templates once per language into the same root: keep the Swedish 404 page.
    if _default_language_build(config):
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    municipality = state.view.municipality
    # The public address: SITE_URL, else the data's (the public site's, so not for the staff site); none
    # leaves canonical links and the sitemap out. (make serve has already set its own 127.0.0.1 address.)
    if not config.site_url and not state.staff:
        config.site_url = site_address.resolve(municipality.site_url)
    if not config.site_url:
        config.theme.static_templates.discard("sitemap.xml")
    config.site_name = f"{text(municipality.site_title, lang)} – {municipality.name}"
    # Fallback only: every page has its own description in its front matter (page_meta checks it).
    config.site_description = text(state.view.plan.summary, lang)
    if state.staff and state.settings.staff_nav:
        config.nav = list(state.settings.staff_nav) + staff_start.residents_nav(config.nav,
                                                                                 ui("staff_residents", lang))
        config.site_name = f"{ui('staff_site_title', lang)} – {municipality.name}"  # a title of its own
    if _default_language_build(config):
        for problem in separation.folder_problems(Path(config.docs_dir), state.root):
            report(problem)
        # A language the kit does not know, or whose interface text lacks a key (macros/text/languages.py)
        for problem in languages.problems(languages.site_languages(config), _config_files(config)):
            report(problem)
    _prune_large_navigation(config)
    _pass_finished_html(config)
    return config


def _pass_finished_html(config) -> None:
    """Card bodies reach Markdown as finished HTML (macros/render/finished_html.py): Markdown passes them
    through rather than parsing them again (bench/CHANGES.md, issue 19)."""
    if not any(isinstance(item, finished_html.FinishedHtml) for item in config.markdown_extensions):
        config.markdown_extensions.append(finished_html.FinishedHtml())


def _new_state(config) -> BuildState:
    """This build's settings (every problem in them reported, the build going on with the defaults, so that
    the strict build fails with all other problems too) and its validated data (problems there stop it)."""
    root = Path(config.config_file_path).resolve().parent
    settings, limits = read_site_settings(Path(config.config_file_path), root), read_limits(root)
    for problem in settings.problems + limits.problems:
        report(problem)
    try:
        return build_state.create(root, settings.settings, limits.settings, build_state.preview())
    except DataErrors as problem:
        for error in problem.errors:
            report(error)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(error.annotation(), flush=True)
        raise Abort(f"Webbplatsen byggdes inte: {len(problem.errors)} fel i datafilerna. "
                    "Den senast byggda webbplatsen är orörd.") from None


def _one_language_only(config) -> None:
    """`make site` builds each language of a multilingual site in a process of its own, at the same time
    (macros/outputs/editions.py): static-i18n then builds only MOTVERKA_LANGUAGE's edition here, as in its own
    pass for that language (current_language), and builds no other language after it (building)."""
    lang, i18n = editions.only_language(), config.plugins.get("i18n")
    if lang is None or i18n is None:
        return
    if lang not in i18n.build_languages:
        raise Abort(f"Språket {lang} (MOTVERKA_LANGUAGE) byggs inte på den här webbplatsen; "
                    f"den byggs på {', '.join(i18n.build_languages)}.")
    i18n.current_language = lang
    i18n.building = True


def _config_files(config) -> list[Path]:
    """The site's configuration and the file it inherits (mkdocs.staff.yml inherits mkdocs.yml)."""
    own = Path(config.config_file_path)
    return [own] + ([own.parent / "mkdocs.yml"] if own.name != "mkdocs.yml" else [])


PRUNE_FROM = 60  # pages in the navigation


def _nav_pages(nav) -> int:
    if isinstance(nav, str):
        return 1
    if isinstance(nav, dict):
        return sum(_nav_pages(value) for value in nav.values())
    return sum(_nav_pages(item) for item in nav or [])


def _prune_large_navigation(config) -> None:
    """Material writes the whole navigation into every page: page size and build time grow with pages ×
    navigation entries (a 1000-page build took twice as long). From PRUNE_FROM pages on, a page lists only
    its own section's pages and the other sections as links (navigation.prune); a smaller site keeps its
    sub-menus that open in place (bench/REPORT.md)."""
    features = config.theme.get("features") or []
    if _nav_pages(config.nav) >= PRUNE_FROM and "navigation.prune" not in features:
        config.theme["features"] = [*features, "navigation.prune"]


def _default_language_build(config) -> bool:
    """True in the build of the site's main language (static-i18n rebuilds the site once per language)."""
    i18n = config.plugins.get("i18n")
    # current_language is None until static-i18n's own on_config runs in the first (default) build.
    return i18n is None or i18n.current_language in (None, i18n.default_language)


@event_priority(-200)  # after static-i18n, which cannot handle generated files
def on_files(files, config):
    """Add the open-data files and robots.txt as generated files, so that links to them are validated."""
    # Without an address the sitemap is not rendered (on_config); nor is its template copied as a file.
    sitemap = None if config.site_url else files.get_file_from_path("sitemap.xml")
    if sitemap is not None:
        files.remove(sitemap)
    files = direction.without_unused_stylesheet(files, languages.built_languages(config))
    if not _default_language_build(config):
        return files
    # HTML, SVG, CSS and script files in docs/ could run script or fetch from another host when opened.
    for problem in safe_html.file_problems(files, str(Path(config.docs_dir).resolve())):
        report(problem)
    state = build_state.of(config)
    if state.staff:  # the staff site opens on the staff's start page (macros/render/staff_start.py)
        staff_start.swap_start_pages(files, state.settings.staff_nav, config.site_dir)
    for path, content in open_data.files(state.view, state.today, languages.site_languages(config)).items():
        files.append(File.generated(config, path, content=content))
    if state.staff:
        robots = "# Personalens webbplats: ska inte indexeras.\nUser-agent: *\nDisallow: /\n"
    else:
        robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {config.site_url}sitemap.xml\n" if config.site_url else "")
    files.append(File.generated(config, "robots.txt", content=robots))
    return files


def on_pre_page(page, config, files):
    # {% include "personal/…" %} would pull a staff page's text into this public page (on either site: the
    # staff site renders the same public pages, and neither site's docs/ holds the staff pages).
    if page.file.abs_src_path and not separation.source_name(page.file.src_uri).startswith("personal/"):
        problems = separation.include_problems(Path(page.file.abs_src_path), Path(config.docs_dir),
                                               build_state.of(config).root)
        for problem in problems:
            report(problem)
        if problems:  # and never render it: the build fails, but every other problem is still reported
            page.file.content_string = separation.without_staff_includes(page.file.content_string)
    return page


def on_page_markdown(markdown, page, config, files):
    state = build_state.of(config)
    for problem in page_meta.problems(page, today=state.today):
        report(problem)
    if page.file.abs_src_path:
        source = Path(page.file.abs_src_path).resolve()
        try:
            relative = source.relative_to(state.root.resolve()).as_posix()
        except ValueError:
            relative = None
        if relative:
            page.meta["mv_source_path"] = relative
            page.meta["mv_last_changed"] = git_dates.page_changed(
                state.changed, state.root, relative, state.data_dir, bool(page.meta.get("render_macros")))
    return markdown


def on_page_content(html, page, config, files):
    # Communicators' notes in <!-- … --> stay in the Markdown; the PDF's size placeholder stays for fill_size.
    html = separation.without_comments(html, keep=(pdf.SIZE_MARK,))
    html = emergency_links.link_calls_to_112(html)
    # No script, embed, unsafe link or resource from another host in any page's content (both sites).
    for problem in safe_html.page_problems(html, page.file.abs_src_path, separation.source_name(page.file.src_uri)):
        report(problem)
    safe_html.escape_page_texts(page)
    state = build_state.of(config)
    if not state.staff:
        shown = separation.source_name(page.file.src_uri)
        for problem in separation.link_problems(html, page.url, page.file.abs_src_path, shown, config.site_url,
                                                state.staff_slugs):
            report(problem)
    return html


def on_env(env, config, files):
    # Compiled templates are kept between builds (.cache/jinja/; Jinja recompiles a template whose source
    # changed): compiling Material's templates anew was half of every `make serve` rebuild (bench/REPORT.md).
    folder = Path(config.config_file_path).resolve().parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    state = build_state.of(config)
    state.rendering.update(env=env, files=files)
    _no_language_links_in_head(config)  # for the 404 page, rendered before any page
    theme_globals.install(env, config)
    # Every page is rendered and none written yet: make the PDF, then show its size where it is linked.
    pdf.on_env(config, files, state, make_now=not state.preview and _default_language_build(config),
               size_later=editions.only_language() is not None and not _default_language_build(config))
    return env


def _no_language_links_in_head(config) -> None:
    """static-i18n gives Material each page's other languages (extra.alternate). Material then writes them
    as relative hreflang links (invalid for search engines) and, on every page view, fetches a sitemap.xml
    beside each one (a 404 on all but the start page). The language links in the emergency bar and the
    hreflang entries of sitemap.xml stay."""
    config.extra.alternate = []


def on_post_page(output, page, config):
    return direction.with_direction(output)   # dir="rtl" on <html> for a right-to-left language


def on_post_template(output, template_name, config):
    return direction.with_direction(output)   # the 404 page and the other theme templates


@event_priority(-100)  # after static-i18n has set this page's language links
def on_page_context(context, page, config, nav):
    _no_language_links_in_head(config)
    build_state.of(config).rendering["nav"] = nav
    return context


@event_priority(-110)  # after static-i18n has built every language and merged their search indexes
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and not _default_language_build(config):  # this edition's own 404 page
        rendering = build_state.of(config).rendering
        not_found.write(i18n.current_language, rendering.get("env"), rendering.get("files"), config,
                        rendering.get("nav"))
    if i18n is None or len(i18n.build_languages) < 2:
        return
    site = Path(config.site_dir)
    if editions.only_language():   # this language's index; make site merges the rest (outputs/editions.py)
        search_index.split_by_language(site, i18n.build_languages, i18n.default_language, i18n.current_language)
        return
    if i18n.building:
        return
    search_index.split_by_language(site, i18n.build_languages, i18n.default_language)
    # Material looks up sitemap.xml beside each alternate-language link to find the same page in that
    # language; give every language folder the (multilingual) sitemap instead of a 404.
    for lang in i18n.build_languages:
        if lang != i18n.default_language:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).exists():
                    shutil.copyfile(site / name, site / lang / name)
