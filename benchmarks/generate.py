"""A deterministic generator of realistic agreement documents with N tasks.

Shaped like the provincial programmes coordagree is built for: Vietnamese text with
diacritics, 10 parties in a hierarchy (a committee, its boards, bodies directed by signatories),
two people with several positions, 9 numbered commitments, yearly interim reviews and a final
review, a signing conference, and N tasks spread over 4 yearly schedules (2023-2026), some due
within the year, some in a month, some on a day, some recurring, some completed with a history.

    python benchmarks/generate.py 1000 > agreement.json
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

PARTIES: list[dict[str, Any]] = [
    {"id": "tinh-uy", "name": "Tỉnh ủy Quảng Bình", "kind": "party-committee"},
    {"id": "ban-thuong-vu", "name": "Ban Thường vụ Tỉnh ủy", "parent": "tinh-uy"},
    {"id": "ubkt", "name": "Ủy ban Kiểm tra Tỉnh ủy", "parent": "tinh-uy"},
    {
        "id": "ban-dan-van",
        "name": {"vi": "Ban Dân vận Tỉnh ủy", "en": "Mass Mobilisation Board"},
        "kind": "party-board",
        "roles": ["convener", "signatory"],
        "parent": "tinh-uy",
    },
    {"id": "bcs-tand", "name": "Ban Cán sự Đảng Tòa án Nhân dân tỉnh", "roles": ["signatory"]},
    {
        "id": "tand",
        "name": "Tòa án Nhân dân tỉnh",
        "short_name": "TAND tỉnh",
        "kind": "court",
        "roles": ["executor"],
        "directed_by": "bcs-tand",
    },
    {
        "id": "bcs-vksnd",
        "name": "Ban Cán sự Đảng Viện Kiểm sát Nhân dân tỉnh",
        "roles": ["signatory"],
    },
    {
        "id": "vksnd",
        "name": "Viện Kiểm sát Nhân dân tỉnh",
        "kind": "procuracy",
        "roles": ["executor"],
        "directed_by": "bcs-vksnd",
    },
    {"id": "cuc-thads", "name": "Cục Thi hành án dân sự tỉnh", "roles": ["signatory"]},
    {"id": "ubnd", "name": "Ủy ban Nhân dân tỉnh", "short_name": "UBND tỉnh"},
]
OWNERS = ["ban-dan-van", "bcs-tand", "bcs-vksnd", "cuc-thads"]
EXECUTORS = ["tand", "vksnd", "ubnd"]
TITLES = [
    "Tuyên truyền, vận động các đối tượng thi hành bản án đã có hiệu lực pháp luật",
    "Tuyên truyền, vận động quần chúng Nhân dân phòng, chống ma túy",
    "Tuyên truyền vận động các đương sự tự nguyện thi hành án",
    "Phổ biến, giáo dục pháp luật cho đoàn viên, hội viên",
    "Tổ chức hội nghị đối thoại với Nhân dân về cải cách tư pháp",
]
STATUSES = ["needs-action", "in-process", "completed", "cancelled"]


def _task(rng: random.Random, index: int, year: int) -> dict[str, Any]:
    owners = rng.sample(OWNERS, rng.randint(1, 2))
    task: dict[str, Any] = {
        "id": f"{year}-task-{index}",
        "title": f"{rng.choice(TITLES)} ({index})",
        "owners": owners,
    }
    if rng.random() < 0.5:
        task["executor"] = rng.choice(EXECUTORS)
    if rng.random() < 0.3:
        task["partners"] = ["ubnd"]
    shape = rng.random()
    if shape < 0.4:
        task["due"] = str(year)
    elif shape < 0.7:
        task["due"] = f"{year}-{rng.randint(1, 12):02d}"
    elif shape < 0.95:
        task["due"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    else:
        task["recurrence"] = ["FREQ=MONTHLY;BYMONTHDAY=-1"]
    status = rng.choice(STATUSES)
    if status != "needs-action":
        task["status"] = status
    if status == "completed":
        month = rng.randint(1, 12)
        day = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
        task["history"] = [{"status": "completed", "on": day}]
        task["actual"] = {"start": f"{year}-{month:02d}-01", "end": day}
        if "due" in task and task["due"] < day[: len(task["due"])]:
            task["due"] = str(year)
    if rng.random() < 0.5:
        task["implements"] = [f"noi-dung-{rng.randint(1, 9)}"]
    return task


def generate(tasks: int, seed: int = 0) -> dict[str, Any]:
    """A valid document with ``tasks`` tasks across 4 yearly schedules."""
    rng = random.Random(seed)
    years = [2023, 2024, 2025, 2026]
    schedules = [
        {
            "id": str(year),
            "title": f"nhiệm vụ cụ thể trong năm {year}",
            "period": str(year),
            "tasks": [_task(rng, i, year) for i in range(k, tasks, len(years))],
        }
        for k, year in enumerate(years)
    ]
    everyone = ["ban-dan-van", "bcs-tand", "bcs-vksnd", "cuc-thads"]
    return {
        "coordagree": "1.1",
        "id": f"benchmark-{tasks}",
        "title": {
            "vi": "Chương trình phối hợp về công tác dân vận giai đoạn 2023 - 2026",
            "en": "Coordination Programme on mass mobilisation work, 2023-2026",
        },
        "kind": "coordination-programme",
        "languages": ["vi"],
        "timezone": "Asia/Ho_Chi_Minh",
        "period": {"start": "2023", "end": "2026", "as_written": "giai đoạn 2023 - 2026"},
        "parties": PARTIES,
        "people": [
            {
                "id": "le-van-bao",
                "name": "Lê Văn Bảo",
                "positions": [
                    {"id": "uv-btv", "title": "Ủy viên Ban Thường vụ", "body": "ban-thuong-vu"},
                    {"id": "truong-ban", "title": "Trưởng ban Dân vận", "body": "ban-dan-van"},
                ],
            },
            {
                "id": "ho-an-phong",
                "name": "Hồ An Phong",
                "positions": [{"id": "pct", "title": "Phó Chủ tịch UBND tỉnh", "body": "ubnd"}],
            },
        ],
        "objectives": [{"id": "chat-luong", "text": "nâng cao chất lượng công tác dân vận"}],
        "commitments": [
            {
                "id": f"noi-dung-{n}",
                "number": n,
                "title": f"nội dung phối hợp số {n}",
                "responsible": [
                    {"party": "ban-dan-van", "role": "lead"},
                    *({"party": p} for p in everyone[1:]),
                ],
                "objectives": ["chat-luong"],
            }
            for n in range(1, 10)
        ],
        "declared_commitments": 9,
        "schedules": schedules,
        "reviews": [
            {
                "id": "so-ket",
                "kind": "interim",
                "title": "Sơ kết hằng năm",
                "recurrence": ["FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"],
                "rotation": everyone,
            },
            {"id": "tong-ket", "kind": "final", "due": "2026-12", "hosts": ["ban-dan-van"]},
        ],
        "events": [
            {
                "id": "ky-ket",
                "kind": "signing",
                "date": "2023-05-29",
                "part_of_day": "afternoon",
                "date_as_written": "Chiều ngày 29/5/2023",
                "organiser": "ban-dan-van",
                "participants": [
                    {"person": "le-van-bao", "role": "chair", "positions": ["truong-ban"]},
                    {"person": "ho-an-phong", "positions": ["pct"]},
                ],
            }
        ],
        "signatures": [
            {"party": party, "date": "2023-05-29", "event": "ky-ket"} for party in everyone
        ],
        "sources": [
            {
                "id": "cong-thong-tin",
                "kind": "news-report",
                "publisher": "Cổng thông tin điện tử tỉnh Quảng Bình",
                "published": "2023-05-30T10:17+07:00",
                "author_as_written": "PV Hồng Lựu",
            }
        ],
    }


def generate_json(tasks: int, seed: int = 0) -> bytes:
    """The document as compact UTF-8 JSON, as a service would receive it."""
    return json.dumps(generate(tasks, seed), ensure_ascii=False).encode("utf-8")


if __name__ == "__main__":
    sys.stdout.write(json.dumps(generate(int(sys.argv[1])), ensure_ascii=False, indent=1))
