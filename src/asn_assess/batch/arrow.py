"""pyarrow, imported once in a way that keeps batch runs small."""

from __future__ import annotations

import sys
from typing import Any

_started = False  # whether pyarrow has made its first conversion in this process


def pyarrow() -> Any:
    """The ``pyarrow`` module, without the pandas it would load on first use.

    pyarrow looks for pandas once per process, on its first conversion, to offer pandas
    interop that batch never uses; when pandas is installed that import alone costs
    about 40 MB, a quarter of the memory budget. Every module of ``batch`` gets pyarrow
    from here, so the first conversion happens while pandas is hidden; pandas stays
    importable for anyone else afterwards.
    """
    global _started
    if _started or "pandas" in sys.modules:
        import pyarrow as module

        return module
    import importlib.abc

    class HidePandas(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
            if name == "pandas" or name.startswith("pandas."):
                raise ModuleNotFoundError(f"{name} hidden while pyarrow starts")
            return None

    finder = HidePandas()
    sys.meta_path.insert(0, finder)
    try:
        import pyarrow as module

        module.array([0])
        _started = True
    finally:
        sys.meta_path.remove(finder)
    return module


def release_unused_memory() -> None:
    """Give memory pyarrow freed back to the system (its allocator keeps some for
    reuse), so that what follows a read does not add to the reading's peak."""
    if _started:
        import pyarrow as module

        module.default_memory_pool().release_unused()
