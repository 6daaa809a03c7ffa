"""Compiled rules kept between runs: parsing and compiling the rule files with lark costs more
than checking a small report, and the files rarely change between two checks.

An entry is named by a digest of everything that makes the compiled rules what they are: every
rule file's name and text, the tool's version and its code (each module's size and time of
change), the grammar, the limits in force and the Python version. A changed rule file, grammar
or tool is another entry, never a stale result. An entry that cannot be read (truncated,
corrupt, of another version of a class) is ignored and written again; a cache folder that
cannot be written leaves the run as it would be without one. Only rules that compiled are
kept: a rule file with a mistake is compiled, and reported, every time. The ranges of a
report's own scale are kept the same way (``remembered``), so that no lark is imported to
read them again.

The folder is ``$SAKIP_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/sakip-lint``, else
``~/.cache/sakip-lint``; ``SAKIP_LINT_NO_CACHE=1`` or ``--no-cache`` switch the cache off.
An entry is a pickle, so it is read only from a folder that belongs to the user and that no
one else may write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Protocol, TypeVar

from sakip_lint import __version__, limits


class Source(Protocol):
    """A rule file as the cache sees it (``ruleset.RuleSource``): its name and its text."""

    name: str
    text: str


T = TypeVar("T")

DIR_VARIABLE = "SAKIP_LINT_CACHE_DIR"
OFF_VARIABLE = "SAKIP_LINT_NO_CACHE"
ENTRY_PREFIX, ENTRY_SUFFIX = "rules-", ".pickle"
KEPT_ENTRIES = 16  # one per rule set in use (projects with rules of their own); older ones go
_LARK_PREFIX = "lark-"
_REMEMBERED = ("ranges",)  # the kinds of ``remembered`` results, each pruned as the rules are
_FORMAT = b"sakip-lint rule cache 1"
_switched_off = False


@contextmanager
def switched_off(off: bool = True) -> Iterator[None]:
    """``--no-cache``: while inside, this process (and the workers it forks) neither reads nor
    writes the cache."""
    global _switched_off
    before, _switched_off = _switched_off, off or _switched_off
    try:
        yield
    finally:
        _switched_off = before


def folder(environ=os.environ) -> Path | None:
    """Where entries are kept, or None when the cache is switched off."""
    if _switched_off or environ.get(OFF_VARIABLE, "") not in ("", "0"):
        return None
    if environ.get(DIR_VARIABLE):
        return Path(environ[DIR_VARIABLE])
    base = environ.get("XDG_CACHE_HOME") or environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "sakip-lint"


@cache
def _tool_digest() -> bytes:
    """The version and every module of the package (path, size, time of change): an edited
    module of a development install is another tool, as is an upgrade."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    pending = [root]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    pending.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    digest.update(f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def key(sources: Sequence[Source]) -> str:
    """The digest that names the entry of these rule files under this tool and these limits."""
    return _digest(b"", [part for source in sources for part in (source.name, source.text)])


def _digest(kind: bytes, texts: Iterable[str]) -> str:
    """A digest of ``texts`` (each with its length, so that no two lists run together) under
    this tool's code, grammar, limits and Python."""
    from sakip_lint.grammar import grammar_text

    digest = hashlib.sha256(_FORMAT + b"\0" + _tool_digest() + kind)
    digest.update(hashlib.sha256(grammar_text().encode()).digest())
    digest.update(f"{sys.version}\0{limits.current()!r}\0".encode())
    for text in texts:
        encoded = text.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little") + encoded)
    return digest.hexdigest()


def _trusted(place: Path) -> bool:
    """The folder is the user's own and only the user writes it (a pickle runs code)."""
    try:
        info = place.stat()
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def cached(sources: Sequence[Source], compile: Callable[[], T], kind: type[T]) -> T:
    """The compiled rules of ``sources`` (a ``kind``, the ``Ruleset``: this module stands below
    the engine and does not import it): from the cache when an entry of the same key can be
    read, else ``compile()``, kept for the next run when the folder can be written."""
    return _kept(ENTRY_PREFIX, lambda: key(sources), kind, compile)


def _kept(prefix: str, name_of: Callable[[], str], kind: type, compute: Callable[[], T]) -> T:
    """The entry ``prefix`` + ``name_of()`` when it can be read and is a ``kind``, else what
    ``compute()`` gives, written for the next run unless it is None."""
    place = folder()
    if place is None:
        return compute()
    name = name_of()
    entry = place / f"{prefix}{name}{ENTRY_SUFFIX}"
    found = _read(entry, name, kind) if _trusted(place) else None
    if found is not None:
        try:  # used now: the last entry pruned
            os.utime(entry)
        except OSError:
            pass
        return found
    result = compute()
    if result is not None:
        _write(place, entry, name, result)
    return result


def _read(entry: Path, name: str, kind: type[T]) -> T | None:
    try:
        with open(entry, "rb") as handle:
            header = handle.readline().rstrip(b"\n")
            if header != _FORMAT + b" " + name.encode():
                return None
            found = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, truncated, corrupt or of another tool: rebuild
        return None
    return found if isinstance(found, kind) else None


def _made(place: Path) -> bool:
    """The folder exists (made the user's own if it did not) and may be used."""
    try:
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    return _trusted(place)


def _write(place: Path, entry: Path, name: str, result: object) -> None:
    """Written whole or not at all (a temporary file renamed), so that a run beside this one
    never reads half an entry; any failure leaves the run without a cache, silently."""
    import tempfile

    if not _made(place):
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=place, prefix=".rules-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_FORMAT + b" " + name.encode() + b"\n")
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(place)
    except Exception:  # noqa: BLE001 - unwritable, full or read-only: checked all the same
        return


def remembered(kind: str, texts: Sequence[str], compute: Callable[[], T | None]) -> T | None:
    """What ``compute()`` made of ``texts`` under this tool and grammar (a report's own scale
    ranges, read by lark): kept as an entry named ``kind`` and the digest of the texts, so a
    later run reads it without importing lark. None, a result that says the texts do not
    read, is never kept: what is wrong with them is worked out, and reported, every time."""
    assert kind in _REMEMBERED, kind
    return _kept(f"{kind}-", lambda: _digest(kind.encode(), texts), object, compute)


def lark_cache(name: str) -> str | bool:
    """The file lark keeps its analysis of the grammar in (``Lark(cache=...)``: lark checks
    the grammar, its options and versions it was made with), or False without a cache."""
    from sakip_lint.grammar import grammar_text

    place = folder()
    if place is None or not _made(place):
        return False
    digest = hashlib.sha256(grammar_text().encode()).hexdigest()[:16]
    return str(place / f"{_LARK_PREFIX}{name}-{digest}{ENTRY_SUFFIX}")


def _prune(place: Path) -> None:
    for prefix in (ENTRY_PREFIX, _LARK_PREFIX, *(f"{kind}-" for kind in _REMEMBERED)):
        entries = sorted(place.glob(f"{prefix}*{ENTRY_SUFFIX}"),
                         key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in entries[KEPT_ENTRIES:]:
            old.unlink(missing_ok=True)
