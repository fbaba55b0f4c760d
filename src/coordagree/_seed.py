"""The bundled example: the Quảng Bình 2023-2026 coordination programme."""

from __future__ import annotations

import functools
from importlib import resources

from coordagree._agreement import Agreement
from coordagree._documents import loads

__all__ = ["SEED_RESOURCE", "seed_programme", "seed_text"]

SEED_RESOURCE = "quang-binh-2023.yaml"
"""The file name of the bundled seed document inside ``coordagree/data``."""


def seed_text() -> str:
    """The bundled seed document's YAML text."""
    return resources.files("coordagree").joinpath("data", SEED_RESOURCE).read_text("utf-8")


@functools.cache
def seed_programme() -> Agreement:
    """The bundled Quảng Bình programme (Ban Dân vận Tỉnh ủy and three judicial bodies, 2023-2026).

    It is the embedded default of the CLI and the docs, and the same programme as
    ``examples/quang-binh-2023.yaml`` and ``examples/quang_binh_2023.py``.
    """
    return loads(seed_text(), "yaml")
