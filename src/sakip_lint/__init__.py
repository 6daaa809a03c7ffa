"""sakip-lint: checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before they are signed.

The Python API is ``sakip_lint.api`` (``load``, ``load_text``, ``load_rules``, ``check``); its
names are also reachable here, imported on first use so that ``import sakip_lint`` stays cheap.
"""

# The one place the version is written: pyproject.toml reads it from here when the package is
# built, so a run does not need the installed metadata (importlib.metadata) to print it.
__version__ = "0.1.0"

API = ("load", "load_text", "load_rules", "load_settings", "check", "check_paths", "CheckOptions")


def __getattr__(name: str):
    if name in API:
        from sakip_lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'sakip_lint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *API])
