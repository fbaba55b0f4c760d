"""coordagree: typed models of inter-agency agreements.

The whole library in one screen:

Model (frozen attrs classes, `pendulum` dates)
    `Agreement` holds `Party` (bodies, hierarchy, roles), `Person` with `Position`,
    `Objective`, `Commitment` with `Responsibility`, `TaskSchedule` with `Task`
    (`Recurrence`, `StatusChange`), `Review`, `Event` with `Participant`, `Signature`,
    `Termination`, `Amendment`, `RelatedInstrument` (lineage); where facts come from:
    `Source`, `Identifier`, `OtherName`, `Claim`; human text is `Text`; spans of days are
    `Period` with their `DatePrecision`, dates at any precision `PartialDate` (fiscal years
    too, read with `reading_dates`), lengths of time `Duration`. Open codelists:
    `AgreementKind`, `PartyKind`, `PartyRole`, `ParticipantRole`, `EventKind`, `RelationKind`,
    `InstrumentKind`, `IdentifierScheme`, `NameKind`, `SourceKind`; closed ones: `Modality`,
    `ResponsibilityRole`, `TaskStatus`, `ReviewKind`, `PartOfDay`.
Documents (JSON, YAML, TOML)
    `load`, `loads`, `dump`, `dumps`, `Limits`, `make_converter`, `json_schema`,
    `upgrade`, `FORMAT_VERSION`, `configure_converter`; `seed_programme` is the bundled example.
Lineage
    `Lineage` reads the `Link` objects of a set of agreements both ways (supersedes,
    superseded-by...).
Validation
    `validate` returns a `Report` of `Finding` objects (`Severity`); `RULES` lists every code.
Schedules and exports
    `Occurrence`, `occurrences`, `agenda`, `due`, `overdue`, `workload`, `event_span`;
    `to_ics`, `to_mermaid`, `to_csv`.
Errors
    `coordagree.errors`: `CoordagreeError` and its family.
Edges
    `coordagree.strategies` (Hypothesis strategies), `coordagree.cli` (the command line).
"""

from coordagree._agenda import (
    Agenda,
    Occurrence,
    Workload,
    agenda,
    due,
    event_span,
    occurrences,
    overdue,
    workload,
)
from coordagree._agreement import Agreement
from coordagree._budget import occurrence_budget
from coordagree._codelists import (
    Act,
    AgreementKind,
    AmountQualifier,
    CountBound,
    EventKind,
    Firmness,
    IdentifierScheme,
    InstrumentKind,
    MembershipRole,
    Modality,
    NameKind,
    ParticipantRole,
    PartOfDay,
    PartyKind,
    PartyRole,
    RelationKind,
    ResponsibilityRole,
    ReviewKind,
    SourceKind,
    TaskStatus,
)
from coordagree._commitments import Commitment, Objective, Responsibility
from coordagree._convert import configure_converter, make_converter
from coordagree._date_context import reading_dates
from coordagree._documents import (
    FORMAT_VERSION,
    dump,
    dumps,
    from_document,
    load,
    loads,
    to_document,
    upgrade,
)
from coordagree._duration import Duration
from coordagree._events import Event, Participant, Signature
from coordagree._exports import to_csv, to_ics, to_mermaid
from coordagree._formats import Limits
from coordagree._lineage import Lineage, Link
from coordagree._money import FundingRow, funding_totals
from coordagree._partial_date import PartialDate
from coordagree._parties import Membership, Party, Person, Position
from coordagree._period import DatePrecision, Period
from coordagree._recurrence import Recurrence
from coordagree._reviews import Review
from coordagree._rules import RULES, Rule
from coordagree._schema import json_schema
from coordagree._seed import seed_programme
from coordagree._sources import Claim, Identifier, OtherName, Source
from coordagree._tasks import StatusChange, Task, TaskSchedule
from coordagree._terms import Amendment, RelatedInstrument, Termination
from coordagree._text import Text
from coordagree._validate import Report, validate
from coordagree.errors import Finding, Severity, UnknownIdError

__version__ = "0.1.0"

__all__ = [
    "Act",
    "Agenda",
    "Agreement",
    "AgreementKind",
    "Amendment",
    "AmountQualifier",
    "Claim",
    "Commitment",
    "CountBound",
    "DatePrecision",
    "Duration",
    "Event",
    "EventKind",
    "FORMAT_VERSION",
    "Finding",
    "Firmness",
    "FundingRow",
    "Identifier",
    "IdentifierScheme",
    "InstrumentKind",
    "Limits",
    "Lineage",
    "Link",
    "Membership",
    "MembershipRole",
    "Modality",
    "NameKind",
    "Objective",
    "Occurrence",
    "OtherName",
    "PartOfDay",
    "PartialDate",
    "Participant",
    "ParticipantRole",
    "Party",
    "PartyKind",
    "PartyRole",
    "Period",
    "Person",
    "Position",
    "RULES",
    "Recurrence",
    "RelatedInstrument",
    "RelationKind",
    "Report",
    "Responsibility",
    "ResponsibilityRole",
    "Review",
    "ReviewKind",
    "Rule",
    "Severity",
    "Signature",
    "Source",
    "SourceKind",
    "StatusChange",
    "Task",
    "TaskSchedule",
    "TaskStatus",
    "Termination",
    "Text",
    "UnknownIdError",
    "Workload",
    "__version__",
    "agenda",
    "configure_converter",
    "due",
    "dump",
    "dumps",
    "event_span",
    "from_document",
    "funding_totals",
    "json_schema",
    "load",
    "loads",
    "make_converter",
    "occurrence_budget",
    "occurrences",
    "overdue",
    "reading_dates",
    "seed_programme",
    "to_csv",
    "to_document",
    "to_ics",
    "to_mermaid",
    "upgrade",
    "validate",
    "workload",
]

_READY = True  # for the Hypothesis entry point: every public name above is bound
if "hypothesis" in __import__("sys").modules:  # Hypothesis came first; its hook waited
    from coordagree._hypothesis_plugin import _register as _register_strategies

    _register_strategies()
