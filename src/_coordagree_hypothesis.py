"""Hypothesis entry point for coordagree, outside the package so that loading it imports nothing.

Hypothesis loads every installed entry point when it is imported. A hook inside ``coordagree``
would import the whole package into every test suite of an environment that has coordagree
installed; this one registers coordagree's strategies only if coordagree is already imported,
and otherwise leaves it to coordagree's own import, which registers them when it finds
Hypothesis loaded.
"""

from __future__ import annotations

import sys


def _register() -> None:
    """Register coordagree's strategies for ``st.from_type``, if coordagree is imported."""
    module = sys.modules.get("coordagree")
    if module is not None and getattr(module, "_READY", False):
        from coordagree._hypothesis_plugin import _register as register

        register()
