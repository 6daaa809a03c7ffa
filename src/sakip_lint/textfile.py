"""Reading an input file as text, bounded and with every problem located.

Data files and rule files are both read here: at most ``limits.max_bytes`` (``max_rule_bytes``
for a rule file; ``/dev/zero`` or a huge file is refused after that many bytes, never read whole), decoded as UTF-8 with or without
a BOM (UTF-16 and UTF-32 are named, not read). A file that cannot be read says why in words a
compiler can act on — a symbolic-link loop, a folder, UTF-16 without a BOM, the line and column
of a byte that is not UTF-8 or of a control character — never a byte offset or an OS message
alone.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sakip_lint.limits import current

# the documents the importer reads (``sakip_lint.importing``) rather than as text: here, so that
# checking a data file does not import the importer to learn that it is not one
DOCUMENT_SUFFIXES = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}


def document_kind(path: str | Path) -> str | None:
    """'docx' or 'xlsx' for a file the importer reads, by its suffix; None for a data file."""
    return DOCUMENT_SUFFIXES.get(Path(path).suffix.lower())


_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "UTF-32 BE"),
    (codecs.BOM_UTF8, "UTF-8"),
    (codecs.BOM_UTF16_LE, "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "UTF-16 BE"),
)
# C0 and C1 controls except tab, line feed, carriage return and NEL; DEL; the non-characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


# why a file cannot be opened, in the user's language (others keep the system's words)
_OS_PROBLEMS = {errno.ELOOP: "text.symlink-loop", errno.ENOTDIR: "text.not-a-directory",
                errno.ENAMETOOLONG: "text.name-too-long", errno.ENXIO: "text.no-device",
                errno.ENODEV: "text.no-device", errno.EACCES: "text.no-permission",
                errno.EPERM: "text.no-permission"}


@dataclass(frozen=True)
class TextProblem:
    """Why a file cannot be used as text: a catalogue key, its arguments and where (1-based;
    None when the problem is the whole file)."""

    key: str
    args: dict[str, object] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None


def read_bytes(path: Path, limit_name: str = "max_bytes") -> tuple[bytes | None, TextProblem | None]:
    """The content of ``path``, read up to its size limit (``limit_name``: data files and
    rule files have their own), or why it cannot be read."""
    limit = getattr(current(), limit_name)
    try:
        if stat.S_ISFIFO(mode := os.stat(path).st_mode) or stat.S_ISSOCK(mode):
            # opening a pipe nobody writes to waits for ever
            return None, TextProblem("text.special-file", {"path": path})
        with open(path, "rb") as handle:
            content = _read_at_most(handle, limit + 1)
    except FileNotFoundError:
        if path.is_symlink():
            return None, TextProblem("text.broken-link", {"path": path})
        return None, TextProblem("load.file-missing", {"path": path})
    except IsADirectoryError:
        return None, TextProblem("text.directory", {"path": path})
    except OSError as error:  # the operating system's own words only for what is not named
        if error.errno in _OS_PROBLEMS:
            return None, TextProblem(_OS_PROBLEMS[error.errno], {"path": path})
        return None, TextProblem("text.unreadable", {"detail": error.strerror or str(error)})
    if len(content) > limit:
        return None, TextProblem("limit.bytes", {"limit": limit, "name": limit_name})
    return content, None


def _read_at_most(handle, size: int) -> bytes:
    """Up to ``size`` bytes, in pieces: memory grows with what the file holds, not the limit."""
    chunks, total = [], 0
    while total < size:
        chunk = handle.read(min(1 << 20, size - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode(content: bytes) -> tuple[str | None, TextProblem | None]:
    """The text of UTF-8 ``content`` (a BOM removed), or the located reason it is not text.
    UTF-16 and UTF-32, with or without a BOM, are named rather than read: a spreadsheet's
    'Unicode text' export, which the compiler should save again as UTF-8."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            if name != "UTF-8":
                return None, TextProblem("text.other-encoding", {"encoding": name})
            content = content[len(bom):]
            break
    else:
        guessed = _utf16_or_32_without_bom(content)
        if guessed is not None:
            return None, TextProblem("text.other-encoding", {"encoding": guessed})
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, _undecodable(content, error)
    problem = control_character(text)
    return (None, problem) if problem is not None else (text, None)


def _utf16_or_32_without_bom(content: bytes) -> str | None:
    """UTF-16/32 text has zero bytes in fixed places of most of its code units: the high byte
    of every ASCII character (YAML keys, digits, spaces) in UTF-16, the two high bytes of
    every character of the first plane in UTF-32. UTF-8 text never has a zero byte. A share
    of the units, not all of them: a name in Chinese or an é among them has no zero byte.
    Named so that the message says what to do."""
    sample = content[:400]
    if len(sample) < 4 or b"\0" not in sample:
        return None
    for width, name, zeros, share in ((4, "UTF-32", {"LE": (2, 3), "BE": (0, 1)}, 0.9),
                                      (2, "UTF-16", {"LE": (1,), "BE": (0,)}, 0.5)):
        units = [sample[i:i + width] for i in range(0, len(sample) - len(sample) % width, width)]
        for order, at in zeros.items():
            zero = sum(1 for unit in units if all(unit[i] == 0 for i in at) and any(unit))
            if zero >= share * len(units):
                return f"{name} {order}"
    return None


def _undecodable(body: bytes, error: UnicodeDecodeError) -> TextProblem:
    start = error.start
    line_start = body.rfind(b"\n", 0, start) + 1
    line = body.count(b"\n", 0, start) + 1
    column = len(body[line_start:start].decode("utf-8", errors="replace")) + 1
    return TextProblem("text.not-utf8", {"byte": f"0x{body[start]:02X}", "line_number": line,
                                         "column_number": column}, line, column)


def control_character(text: str) -> TextProblem | None:
    """The first character a text file must not hold (NUL, other C0/C1 controls, DEL), located."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    index = found.start()
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return TextProblem("text.control-character",
                       {"character": f"U+{ord(found.group()):04X}", "line_number": line, "column_number": column},
                       line, column)
