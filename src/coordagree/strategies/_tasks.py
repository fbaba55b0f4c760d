"""Tasks and the schedules that hold them."""

from __future__ import annotations

from hypothesis import strategies as st

from coordagree._codelists import (
    TaskStatus,
)
from coordagree._period import Period
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree.strategies._base import (
    _DEFAULT_PARTIES,
    _DEFAULT_WINDOW,
    _check_refs,
    _check_sizes,
    _closed,
    _code,
    _complete,
    _day,
    _detail,
    _details,
    _extras,
    _memoised,
    _none_or_one_of,
    _rules,
    _subsets,
    _text,
    _within,
)


@st.composite
def _draw_schedules(
    draw: st.DrawFn,
    pieces: tuple[Period, ...],
    party_ids: tuple[str, ...],
    commitment_ids: tuple[str, ...],
    min_tasks: int,
    max_tasks: int,
) -> tuple[TaskSchedule, ...]:
    total = draw(st.integers(min_tasks, max_tasks))
    used = pieces[: draw(st.integers(1, len(pieces)))]
    found = []
    counter = 0
    for index, piece in enumerate(used):
        left = total - counter
        share = left if index == len(used) - 1 else draw(st.integers(min(1, left), left))
        drawn = draw(
            tasks(
                window=piece,
                party_ids=party_ids,
                commitment_ids=commitment_ids,
                min_size=share,
                max_size=share,
                first=counter,
            )
        )
        counter += share
        found.append(
            _complete(
                draw,
                TaskSchedule,
                id=f"schedule-{index}",
                period=piece,
                title=_detail(draw),
                tasks=drawn,
            )
        )
    return tuple(found)


@st.composite
def _task(
    draw: st.DrawFn,
    task_id: str,
    window: Period,
    party_ids: tuple[str, ...],
    commitment_ids: tuple[str, ...],
) -> Task:
    due = _within(draw, window) if draw(st.booleans()) else None
    status = draw(_code(TaskStatus))
    actual = None
    history: tuple[StatusChange, ...] = ()
    limit = due if due is not None else window
    if status == TaskStatus.COMPLETED:
        actual = _within(draw, limit)
        if draw(st.booleans()) and actual.end is not None:
            history = (
                _complete(
                    draw, StatusChange, status=TaskStatus.IN_PROCESS, on=actual.start, note=None
                ),
                _complete(
                    draw,
                    StatusChange,
                    status=TaskStatus.COMPLETED,
                    on=actual.end,
                    note=_detail(draw),
                ),
            )
    elif status != TaskStatus.NEEDS_ACTION and draw(st.booleans()):
        history = (
            _complete(
                draw,
                StatusChange,
                status=status,
                on=draw(_day(limit.start, limit.end or limit.start)),
                note=None,
            ),
        )
    if due is not None and _details() and draw(st.integers(0, 4)) == 0:
        due = Period(end=due.end, end_precision=due.end_precision, as_written=due.as_written)
    rotate = draw(st.booleans())
    owners = draw(_subsets(tuple(party_ids), 1, 3))
    return _complete(
        draw,
        Task,
        id=task_id,
        title=_text(draw),
        description=_detail(draw),
        owners=tuple(owners),
        executor=draw(_none_or_one_of(tuple(party_ids))) if _details() else None,
        partners=tuple(draw(_subsets(tuple(party_ids), 0, 2))) if _details() else (),
        target_group=_detail(draw),
        means=_detail(draw),
        due=due,
        recurrence=_rules(draw, 2),
        rotation=tuple(owners) if rotate and len(owners) > 1 else (),
        status=status,
        history=history,
        planned=_within(draw, limit) if _details() and draw(st.booleans()) else None,
        actual=actual,
        implements=tuple(draw(_subsets(commitment_ids, 0, 2))) if commitment_ids else (),
        extensions=_extras(draw),
    )


@_memoised
def tasks(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    commitment_ids: tuple[str, ...] = (),
    min_size: int = 0,
    max_size: int = 4,
    first: int = 0,
) -> st.SearchStrategy[tuple[Task, ...]]:
    """Tasks (``task-{first}``, ...) due inside ``window``, owned by the given parties.

    Tasks may be undated, recur (RRULEs that fall on their start day), rotate between their
    owners, carry a status history coherent with their status, and implement commitments.
    Shrinks towards ``min_size`` undated, one-off tasks with one owner.

    Raises:
        InvalidArgument: ``party_ids`` is empty, or the sizes are out of order.
    """
    _check_refs(party_ids)
    _check_sizes("min_size", "max_size", (min_size, max_size))
    return st.integers(min_size, max_size).flatmap(
        lambda n: st.tuples(
            *(_task(f"task-{first + k}", window, party_ids, commitment_ids) for k in range(n))
        )
    )


@_memoised
def schedules(
    *,
    window: Period = _DEFAULT_WINDOW,
    party_ids: tuple[str, ...] = _DEFAULT_PARTIES,
    commitment_ids: tuple[str, ...] = (),
    min_tasks: int = 0,
    max_tasks: int = 8,
) -> st.SearchStrategy[tuple[TaskSchedule, ...]]:
    """Yearly task schedules (``schedule-0``, ...) covering the first years of ``window``.

    Between ``min_tasks`` and ``max_tasks`` tasks in all, with ids unique across schedules.
    An open-ended window is planned for its first two years. Shrinks towards one schedule.

    Raises:
        InvalidArgument: ``party_ids`` is empty, or the task counts are out of order.
    """
    _check_refs(party_ids)
    _check_sizes("min_tasks", "max_tasks", (min_tasks, max_tasks))
    pieces = _closed(window).split("year")

    return _draw_schedules(pieces, party_ids, commitment_ids, min_tasks, max_tasks)
