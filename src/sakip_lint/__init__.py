"""sakip-lint: checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before they are signed."""

# The one place the version is written: pyproject.toml reads it from here when the package is
# built, so a run does not need the installed metadata (importlib.metadata) to print it.
__version__ = "0.1.0"
