"""MkDocs hook of the staff site only (mkdocs.staff.yml `hooks:`): add the staff pages and their attachments.

They live in the top-level folder personal/, outside docs/, so that the public build's documentation tree
does not contain them at all: it cannot read, include or copy what it was never given. The staff site adds
them here under the same addresses as before (personal/…), Swedish only like the rest of the staff site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

STAFF_FOLDER = "personal"   # top-level folder, and the staff pages' addresses (/personal/…)


def staff_files(root: Path) -> list[Path]:
    """Every file below personal/ in the order MkDocs lists docs/ (a folder's index.md first), without hidden
    files: the order of the search index and the sitemap stays as it was when they lay in docs/personal/."""
    folder = root / STAFF_FOLDER
    found = [p for p in folder.rglob("*") if p.is_file()
             and not any(part.startswith(".") for part in p.relative_to(root).parts)]
    return sorted(found, key=lambda p: (p.parent.relative_to(root).parts, p.name != "index.md", p.name))


@event_priority(-150)  # after static-i18n (-100), which would remake them as files of docs/
def on_files(files, config):
    root = Path(config.config_file_path).resolve().parent
    i18n = config.plugins.get("i18n")
    for path in staff_files(root):
        file = File(path.relative_to(root).as_posix(), str(root), config.site_dir, config.use_directory_urls)
        if i18n is not None:   # what static-i18n gives its own files, for the sitemap's language links
            file.locale, file.localization, file.alternates = i18n.current_language, None, {}
            file.alternates[i18n.current_language] = file
        files.append(file)
    if i18n is not None:
        i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
    return files
