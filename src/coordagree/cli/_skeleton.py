"""The commented skeleton document ``coordagree new`` writes; it validates as it stands."""

from __future__ import annotations

__all__ = ["SKELETON"]

SKELETON = """\
# A coordagree document. Keys are the Python classes' attribute names; see the format reference.
coordagree: "1.1"                 # the format version: keep it first
id: my-programme                  # letters, digits and . _ : -
title: Chương trình phối hợp      # a string, or a language map {vi: ..., en: ...}
kind: coordination-programme      # or coordination-regulation, mou, moa, ...
languages: [vi]
timezone: Asia/Ho_Chi_Minh
period:                           # years, months or days: "2024", "2024-06", "2024-06-30"
  start: "2024"
  end: "2025"
parties:                          # every body involved, listed once, referenced by id
  - id: party-a
    name: Cơ quan A
    roles: [convener, signatory]
  - id: party-b
    name: Cơ quan B
    roles: [signatory]
commitments:
  - id: commitment-1
    number: 1
    title: Phối hợp tuyên truyền
    responsible:
      - {party: party-a, role: lead}
      - {party: party-b, role: co-operating}
schedules:                        # the task list of a sub-period
  - id: "2024"
    period: "2024"
    tasks:
      - id: task-1
        title: Sơ kết 6 tháng
        owners: [party-a, party-b]
        due: "2024-06"            # due within June 2024
        implements: [commitment-1]
"""
