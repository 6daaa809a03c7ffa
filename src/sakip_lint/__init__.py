"""sakip-lint: checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before they are signed."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sakip-lint")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0+unknown"
