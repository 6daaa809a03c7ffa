"""A baseline: today's findings recorded, so that only new ones are shown from now on.

A body adopting the tool on years of old reports cannot fix everything at once; with
``--write-baseline FILE`` it records what is there, and ``--baseline FILE`` then shows only what
is new. An entry is the finding's identity without its line: the rule, the file (relative to
the baseline's folder), the logical path (JSON Pointer), the business key and place, and the
value found. Re-indenting a file, reordering its keys or adding lines therefore changes no
entry; an entry whose pointer moved (rows reordered) is still matched by its key, place and
field. Each entry hides one finding: a second, new finding of the same identity is shown.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sakip_lint import __version__, escape
from sakip_lint.findings import Finding
from sakip_lint.textfile import decode, read_bytes

BASELINE_VERSION = 1
FIELDS = ("code", "file", "pointer", "key", "place", "found")


class BaselineError(Exception):
    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def _relative(file: str, root: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(file), root)).as_posix()


def entry(finding: Finding, root: Path) -> dict[str, str]:
    location = finding.location
    return {"code": finding.code, "file": _relative(location.file, root),
            "pointer": location.pointer, "key": location.key or "",
            "place": location.place or "", "found": finding.found or ""}


def _exact(item: dict) -> tuple:
    return tuple(item[name] for name in FIELDS)


def _moved(item: dict) -> tuple:
    """The identity without the row's position: the code, file, key, place, field and value."""
    return (item["code"], item["file"], item["key"], item["place"],
            item["pointer"].rsplit("/", 1)[-1], item["found"])


def write(path: Path, findings: list[Finding]) -> int:
    """Record ``findings`` in ``path`` (sorted, so the file diffs well); how many."""
    root = Path(os.path.abspath(path)).parent
    entries = sorted((entry(finding, root) for finding in findings), key=_exact)
    document = {"schema_version": BASELINE_VERSION,
                "tool": {"name": "sakip-lint", "version": __version__},
                "entries": entries}
    try:
        path.write_text(escape.json_dumps(document) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError("baseline.unwritable", path=path,
                            detail=error.strerror or error) from error
    return len(entries)


@dataclass
class Baseline:
    path: Path
    entries: list[dict]

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not record, and how many it hid."""
        root = Path(os.path.abspath(self.path)).parent
        exact = Counter(_exact(item) for item in self.entries)
        keyed = [(finding, entry(finding, root)) for finding in findings]
        unmatched = []
        for finding, item in keyed:
            if exact[_exact(item)] > 0:
                exact[_exact(item)] -= 1
            else:
                unmatched.append((finding, item))
        moved = Counter()
        for item in self.entries:  # what the exact pass left: matched by key and field
            if exact[_exact(item)] > 0:
                exact[_exact(item)] -= 1
                moved[_moved(item)] += 1
        kept = []
        for finding, item in unmatched:
            if item["key"] and moved[_moved(item)] > 0:
                moved[_moved(item)] -= 1
            else:
                kept.append(finding)
        return kept, len(findings) - len(kept)


def load(path: Path) -> Baseline:
    if not path.exists():
        raise BaselineError("baseline.missing", path=path)
    content, unreadable = read_bytes(path)  # bounded, as every input is
    text, unreadable = decode(content) if content is not None else (None, unreadable)
    if unreadable is not None:  # said as for any input file, in the reader's language
        raise BaselineError(unreadable.key, **unreadable.args)
    try:
        document = json.loads(text)
    except ValueError as error:
        raise BaselineError("baseline.unreadable", path=path, detail=error) from None
    entries = document.get("entries") if isinstance(document, dict) else None
    if (not isinstance(document, dict) or document.get("schema_version") != BASELINE_VERSION
            or not isinstance(entries, list)
            or not all(isinstance(item, dict) and all(isinstance(item.get(name), str)
                                                      for name in FIELDS) for item in entries)):
        raise BaselineError("baseline.invalid", path=path, version=BASELINE_VERSION)
    return Baseline(path, entries)
