"""coordagree behind the same two functions as the other candidates' model modules."""

from __future__ import annotations

from typing import Any

import coordagree


def load(data: bytes) -> Any:
    return coordagree.loads(data)


def dump(agreement: Any) -> bytes:
    return coordagree.dumps(agreement, "json").encode("utf-8")
