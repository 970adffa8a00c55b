"""What a user names on the command line, turned into the files to read.

Files are taken as given; a directory stands for every article file under it
(by suffix; hidden files and directories, and a folder's own README, LICENSE,
CHANGELOG or CONTRIBUTING, are not articles); a pattern with `*`, `?` or `[` is
expanded (`**` recurses), for shells and CI runners that pass it unexpanded.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import DocumentError

#: Suffixes read as articles when a directory or a pattern is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
_NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "contributing"})


def expand(arguments: Iterable[str]) -> list[str]:
    """The files the arguments name, in order, each once. Raises DocumentError
    for a directory or pattern that names no article."""
    found: dict[str, None] = {}
    for arg in arguments:
        for path in _expand_one(arg):
            found.setdefault(path)
    return list(found)


def _expand_one(arg: str) -> list[str]:
    if arg == "-" or os.path.isfile(arg):
        return [arg]
    if os.path.isdir(arg):
        files = sorted(_articles_under(Path(arg)))
        if not files:
            raise DocumentError(f"{arg}: no article files in this directory ({', '.join(ARTICLE_SUFFIXES)})")
        return files
    if glob.has_magic(arg):
        files = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
        if not files:
            raise DocumentError(f"{arg}: no file matches this pattern")
        return files
    return [arg]  # reading it will say what is wrong (no such file, ...)


def _articles_under(directory: Path) -> Iterable[str]:
    for root, dirs, files in os.walk(directory):
        # Version control, virtual environments and caches are never articles.
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__")]
        for name in files:
            stem = name.lower().rsplit(".", 1)[0]
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES) and stem not in _NOT_ARTICLES:
                yield os.path.join(root, name)
