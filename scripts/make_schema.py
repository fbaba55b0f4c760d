"""Write the shipped JSON Schema from the model: ``make schema`` (a test fails when it is stale)."""

from __future__ import annotations

import json
from pathlib import Path

import coordagree
from coordagree._atomic import write_atomic

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    target = (
        ROOT / "src" / "coordagree" / "data" / f"coordagree-{coordagree.FORMAT_VERSION}.schema.json"
    )
    text = json.dumps(coordagree.json_schema(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(str(target), text.encode("utf-8"))
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
