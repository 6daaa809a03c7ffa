"""Which files a run checks: the files named, and the report files found in named folders.

A folder is walked recursively, in name order (the same files in the same order on every
machine), for ``*.yaml``, ``*.yml`` and ``*.json`` files that declare the data format
(``format: sakip-lint/…``): a repository of reports also holds CI files, expectations and
other YAML that is not a report. Hidden folders and the configuration's ``exclude`` globs are
left out. A file named on the command line is always checked (``only_reports`` makes it pass
the same test, for pre-commit, which names every staged YAML file).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

SUFFIXES = (".yaml", ".yml", ".json")
SNIFF_BYTES = 64 * 1024
_FORMAT = re.compile(rb"""(?:^|[\n{,])\s*["']?format["']?\s*:\s*["']?sakip-lint/""")


def declares_format(path: Path) -> bool:
    """Whether the start of the file says it is a sakip-lint data file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return True  # let the check say why it cannot be read
    return bool(_FORMAT.search(head))


def report_files(paths: Iterable[str | Path], excluded: Callable[[Path], bool] = lambda path: False,
                 only_reports: bool = False) -> tuple[list[Path], list[Path]]:
    """The files to check, in the order given, each folder's files sorted by path; and the
    named folders that hold no report file (a wrong path must not pass as "all clear")."""
    found: list[Path] = []
    empty: list[Path] = []
    for given in paths:
        path = Path(given)
        if given == "":  # an empty argument (an unset variable) is not the current folder
            found.append(path)
        elif is_folder(path):
            walked = _walk(path, excluded)
            found.extend(walked)
            if not walked:
                empty.append(path)
        elif not only_reports or (path.suffix.lower() in SUFFIXES and declares_format(path)):
            found.append(path)
    return list(dict.fromkeys(found)), empty


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a name the system refuses (too long, say) is not, and
    reading it as a file says why (``loader.read_source``)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _walk(folder: Path, excluded: Callable[[Path], bool]) -> list[Path]:
    found = []
    for current, folders, names in os.walk(folder):
        base = Path(current)
        folders[:] = sorted(name for name in folders
                            if not name.startswith(".") and not excluded(base / name))
        for name in sorted(names):
            path = base / name
            if (path.suffix.lower() in SUFFIXES and not excluded(path)
                    and declares_format(path)):
                found.append(path)
    return sorted(found)
