"""What a file handed to the importer really is, before a library opens it.

A compiler names files by habit: a PDF saved as ``.docx``, an old ``.doc`` renamed, a workbook
with a password, a download cut short. Each deserves its own sentence, not a library's
exception. Word and Excel files are ZIP packages; a password-protected one is not a ZIP at
all but an OLE compound file holding an ``EncryptionInfo`` stream (as are the old binary
formats, without it). The ZIP's declared sizes are checked against the byte limit before any
part is decompressed, so a small file cannot expand to gigabytes in memory.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from sakip_lint.findings import Finding, Location, Severity, make_args
from sakip_lint.limits import current

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
MAX_MEMBERS = 10_000  # parts of one package: real documents hold a few hundred at most

MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
OTHER = {"docx": "xlsx", "xlsx": "docx"}


@dataclass(frozen=True)
class ImportProblem:
    """Why a document cannot be imported: a catalogue key and its arguments, and where (a
    paragraph, a table, a sheet) when the problem is inside it."""

    key: str
    args: dict[str, object] = field(default_factory=dict)
    where: object = None  # a location.Origin, when known


def check_package(content: bytes, kind: str) -> ImportProblem | None:
    """None when ``content`` is a ZIP package of the expected kind (``docx``/``xlsx``) within
    the limits; otherwise the reason, in terms a compiler can act on."""
    if content.startswith(OLE_SIGNATURE):
        if ENCRYPTION_STREAM in content:
            return ImportProblem("import.encrypted")
        return ImportProblem("import.old-format", {"kind": kind})
    if content.startswith(b"%PDF"):
        return ImportProblem("import.pdf", {"kind": kind})
    if not content.startswith(b"PK"):
        return ImportProblem("import.not-office", {"kind": kind})
    try:
        package = zipfile.ZipFile(io.BytesIO(content))
        members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return ImportProblem("import.corrupt", {"kind": kind, "detail": str(error)})
    if len(members) > MAX_MEMBERS:
        return ImportProblem("import.too-many-parts", {"count": len(members), "limit": MAX_MEMBERS})
    limit = current().max_bytes
    if sum(member.file_size for member in members) > limit:
        return ImportProblem("import.expands", {"limit": limit})
    names = {member.filename for member in members}
    if MAIN_PART[kind] not in names:
        if MAIN_PART[OTHER[kind]] in names:
            return ImportProblem("import.other-kind", {"kind": kind, "other": OTHER[kind]})
        return ImportProblem("import.not-office", {"kind": kind})
    return None


def problem_finding(file: str, problem: ImportProblem) -> Finding:
    """Why a document cannot be imported, as a load finding located in the document (exit 2)."""
    return Finding(code="LOAD010", severity=Severity.ERROR, message_key=problem.key,
                   location=Location(file=file, origin=problem.where), args=make_args(**problem.args))
