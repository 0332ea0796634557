"""The house style file (`cproc.mplstyle`) and the two ways it is applied.

Kept apart from `style.py` (palette, sizes, footer) so that the figure class can use the
style without importing the module that creates figures. matplotlib is imported only
when the style is applied.
"""

from __future__ import annotations

from pathlib import Path

STYLE_FILE = Path(__file__).with_name("cproc.mplstyle")


def context():
    """The house style as a context: charts are drawn and saved inside it, and the
    caller's own matplotlib settings are left as they were."""
    import matplotlib.style

    return matplotlib.style.context(str(STYLE_FILE))


def use() -> None:
    """Make the house style the session's default (for a researcher's own charts)."""
    import matplotlib.style

    matplotlib.style.use(str(STYLE_FILE))
