"""Draft an agreement's dates from the words of a news item and of an MOU clause.

A provincial portal reports a signing; an MOU states its term and notice. `coordagree.wording`
finds the expressions, the model's values are made from them, the wording is kept beside each
value, and `validate` checks that the two agree.
"""

from __future__ import annotations

import pendulum

import coordagree
from coordagree import wording

NEWS = (
    "Chiều ngày 29/5/2023, Ban Dân vận Tỉnh ủy, Ban cán sự đảng Tòa án nhân dân tỉnh và Ban "
    "cán sự đảng Viện kiểm sát nhân dân tỉnh ký kết Chương trình phối hợp giai đoạn 2023 - 2026."
)
CLAUSE = (
    "This MOU is effective on September 30th, 2004 and may be terminated by either party upon "
    "thirty (30) days written notice."
)


def main() -> coordagree.Agreement:
    signed, term = wording.find(NEWS, lang="vi")
    print(f"{signed.text!r} -> {signed.edtf} ({signed.part_of_day})")
    print(f"{term.text!r} -> {term.edtf}")
    programme = coordagree.Agreement(
        id="ct-phoi-hop-2023",
        languages=("vi",),
        period=wording.period(term.text, lang="vi"),
        events=(
            coordagree.Event(
                id="ky-ket",
                kind="signing",
                date=wording.date(signed.text, lang="vi"),
                part_of_day=signed.part_of_day,
                date_as_written=signed.text,
            ),
        ),
    )
    assert programme.period is not None
    assert programme.period.end == pendulum.Date(2026, 12, 31)

    effective, notice = wording.find(CLAUSE, lang="en")
    print(f"{effective.text!r} -> {effective.edtf}; {notice.text!r} -> {notice.edtf}")
    assert isinstance(notice.value, coordagree.Duration)
    assert notice.value.days == 30

    findings = coordagree.validate(programme).findings
    assert "wording-mismatch" not in {finding.code for finding in findings}
    return programme


if __name__ == "__main__":
    main()
