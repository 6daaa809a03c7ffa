"""Pydantic validation errors turned into located, translated findings.

Pydantic's messages are English and name Python types; a compiler of a report needs
"Nilai 'target' harus berupa teks" at the line of the offending value instead.
"""

from __future__ import annotations

from pydantic import ValidationError

from sakip_lint.findings import Finding, Severity, make_args
from sakip_lint.messages import term
from sakip_lint.source import SourceMap, locate

_TYPE_WORDS = {
    "string_type": "type.text",
    "int_type": "type.integer",
    "int_parsing": "type.integer",
    "int_from_float": "type.integer",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "tuple_type": "type.pair",
    "too_short": "type.pair",
    "too_long": "type.pair",
    "bool_type": "type.boolean",
    "bool_parsing": "type.boolean",
}
_BOUNDS = {"greater_than_equal": ("load.schema.at-least", "ge"),
           "less_than_equal": ("load.schema.at-most", "le")}
_CUSTOM = {"id_shape": "load.schema.id-shape", "capaian_basis": "load.schema.capaian-basis"}


def _clean_path(loc: tuple) -> tuple[str, ...]:
    """Pydantic locations name dict keys with a trailing '[key]' marker; drop it."""
    return tuple(str(part) for part in loc if part != "[key]")


def describe_validation_error(error: ValidationError, source: SourceMap) -> list[Finding]:
    findings = []
    for item in error.errors(include_url=False):
        path = _clean_path(item["loc"])
        kind = item["type"]
        field = path[-1] if path else "/"
        location = locate(source, path, prefer_key=(kind == "extra_forbidden"))
        if kind == "missing":
            key, args = "load.schema.missing", make_args(field=field)
        elif kind == "extra_forbidden":
            key, args = "load.schema.extra", make_args(field=field)
        elif kind in _TYPE_WORDS:
            key = "load.schema.type"
            args = make_args(field=field, expected=term(_TYPE_WORDS[kind]))
        elif kind in ("enum", "literal_error"):
            key = "load.schema.choice"
            args = make_args(field=field, expected=item.get("ctx", {}).get("expected", "").replace(" or ", ", "))
        elif kind == "string_pattern_mismatch":
            key = "load.schema.choice"
            args = make_args(field=field, expected=item.get("ctx", {}).get("pattern", "")
                             .strip("^$").replace("\\", ""))
        elif kind == "int_parsing_size":  # more digits than Python reads as an int
            key, args = "load.schema.integer-too-long", make_args(field=field)
        elif kind in _BOUNDS:
            key, bound = _BOUNDS[kind]
            args = make_args(field=field, limit=item.get("ctx", {}).get(bound, "?"))
        elif kind in _CUSTOM:
            key, args = _CUSTOM[kind], ()
        else:
            # pydantic's own English words, kept apart from the sentence in the user's language
            key, args = "load.schema.other-detail", make_args(field=field, detail=item["msg"])
        findings.append(Finding(code="LOAD002", severity=Severity.ERROR, message_key=key,
                                location=location, args=args))
    return findings

