"""A team's view of a target role: aggregates of its members' ratings that single no one out.

A coach sees where a group stands, never a person. Two rules keep it so:

- nothing is aggregated before `MIN_SHARED` members shared their ratings (fewer: the view says
  how many more it waits for);
- a count of people is shown only when it is 0 or at least `MIN_CELL`. A row of the heatmap
  (one skill, the people at each level) merges a level of 1 or 2 people with the levels above
  it until the band holds at least `MIN_CELL` people (at the top, with the levels below): the
  row then says "levels 3–4: 4 people". Even knowing this rule and the number of members,
  every level inside a band could hold two counts or more (tested exhaustively).

Every other figure is computed from what the heatmap shows: the people below a level are those
of the bands wholly below it ("at least" when a band straddles it), so no figure tells more
than the heatmap does.

Members' levels are their ratings raised to what their other ratings imply (as their plans count
them): someone who rated Kubernetes at 4 counts at networking 2 even without rating it.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from advisor.core.errors import InvalidInput
from advisor.core.limits import MAX_LEVEL, MAX_TEAM_NAME, MIN_LEVEL
from advisor.core.planning.implied import implied_levels, with_floors
from advisor.core.taxonomy import Role, Taxonomy

# Members who shared before any aggregate is shown, and the smallest count shown as a number.
MIN_SHARED = 5
MIN_CELL = 3
LEVELS = tuple(range(MIN_LEVEL, MAX_LEVEL + 1))


@dataclass(frozen=True)
class TeamSettings:
    """What a team is created with: a name, the language of its pages and exports, and the
    role its dashboard measures against (None: the role most members aim for)."""

    name: str
    language: str
    target_role: str | None


def parse_team(data: object, taxonomy: Taxonomy) -> TeamSettings:
    """`data` as team settings, or `InvalidInput` naming every wrong field."""
    if not isinstance(data, Mapping):
        raise InvalidInput({"(body)": "must be an object"})
    errors: dict[str, str] = {}
    unknown = sorted(str(k) for k in data if k not in ("name", "language", "target_role"))
    errors.update({name: "unknown field" for name in unknown})
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        errors["name"] = "is required" if name is None else "must be text, not empty"
    elif len(name.strip()) > MAX_TEAM_NAME:
        errors["name"] = f"must be at most {MAX_TEAM_NAME} characters"
    elif not name.isprintable() or not _encodable(name):
        errors["name"] = "must be printable text on one line"
    language = data.get("language", "en")
    if language not in ("en", "fr"):
        errors["language"] = "must be en or fr"
    role = data.get("target_role")
    if role is not None and (not isinstance(role, str) or role not in taxonomy.roles):
        errors["target_role"] = "must be a role id, or null"
    if errors:
        raise InvalidInput(errors)
    assert isinstance(name, str) and isinstance(language, str)
    return TeamSettings(" ".join(name.split()), language, role)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Band:
    """`people` members at a level from `low` to `high` (one level when `low == high`)."""

    low: int
    high: int
    people: int


@dataclass(frozen=True)
class HeatRow:
    """One requirement of the role: how many members are at each level, in bands."""

    skill: str
    required: int
    importance: int
    bands: tuple[Band, ...]
    # The people below the required level, and whether the count is exact or a lower bound
    # (a band straddles the required level).
    below: int
    below_exact: bool

    @property
    def reached(self) -> bool:
        """Whether anyone may be at the required level or above (False: no one is)."""
        return any(band.people for band in self.bands if band.high >= self.required)


@dataclass(frozen=True)
class SharedGap:
    """A gap many members share: one course of `course_hours` for all of them, from the
    commonest level shown below the required one, instead of one per person."""

    skill: str
    people: int
    exact: bool
    required: int
    importance: int
    course_hours: int
    saved_hours: int

    @property
    def weight(self) -> int:
        """People × importance × hours: the order of the shared gaps."""
        return self.people * self.importance * self.course_hours


@dataclass(frozen=True)
class TeamView:
    """What the dashboard shows: empty aggregates until `MIN_SHARED` members shared."""

    members: int
    role: str | None
    coverage: float | None
    rows: tuple[HeatRow, ...]
    shared_gaps: tuple[SharedGap, ...]

    @property
    def waiting_for(self) -> int:
        """How many more members must share before anything is shown."""
        return max(0, MIN_SHARED - self.members)

    @property
    def missing(self) -> tuple[HeatRow, ...]:
        """The requirements no member reaches: the levels missing from the team entirely."""
        return tuple(row for row in self.rows if not row.reached)


def team_view(
    taxonomy: Taxonomy, role: Role | None, ratings: Sequence[Mapping[str, int]]
) -> TeamView:
    """The view of `role` from the members' `ratings` (one mapping of skill → level each)."""
    if role is None or len(ratings) < MIN_SHARED:
        return TeamView(len(ratings), role.id if role else None, None, (), ())
    levels = [with_floors(r, implied_levels(taxonomy, r)) for r in ratings]
    coverage = statistics.fmean(role.fit_of(person) for person in levels)
    rows = tuple(
        _heat_row(skill, req, imp, people) for skill, req, imp, people in _rows(role, levels)
    )
    gaps = (_shared_gap(taxonomy, role, row) for row in rows)
    shared = sorted((g for g in gaps if g is not None), key=lambda g: (-g.weight, g.skill))
    return TeamView(len(ratings), role.id, coverage, rows, tuple(shared))


def _rows(role: Role, levels: Sequence[Mapping[str, int]]) -> list[tuple[str, int, int, list[int]]]:
    """Each requirement with each member's level in it (in a group of alternatives, the
    member's strongest skill of the group), most important first."""
    found = [
        (skill, req.level, req.importance, [person.get(skill, 0) for person in levels])
        for skill, req in role.requirements.items()
    ]
    found += [
        (g.id, g.level, g.importance, [max(p.get(s, 0) for s in g.skills) for p in levels])
        for g in role.alternatives
    ]
    return sorted(found, key=lambda row: (-row[2], -row[1], row[0]))


def _heat_row(skill: str, required: int, importance: int, people: Sequence[int]) -> HeatRow:
    shown = bands_of([sum(1 for level in people if level == n) for n in LEVELS])
    below = sum(band.people for band in shown if band.high < required)
    exact = not any(band.low < required <= band.high for band in shown)
    return HeatRow(skill, required, importance, shown, below, exact)


def bands_of(counts: Sequence[int]) -> tuple[Band, ...]:
    """The people at each level (`counts[level]`) in bands of 0 or at least `MIN_CELL`: a
    level of 1 or 2 people opens a band that takes the levels above it until it holds
    `MIN_CELL`; what is left at the top joins the bands below it until it does."""
    found: list[Band] = []
    low, total = -1, 0
    for level, count in enumerate(counts):
        if low < 0 and (count == 0 or count >= MIN_CELL):
            found.append(Band(level, level, count))
            continue
        low, total = (level, count) if low < 0 else (low, total + count)
        if total >= MIN_CELL:
            found.append(Band(low, level, total))
            low, total = -1, 0
    while low >= 0 and total < MIN_CELL and found:
        merged = found.pop()
        low, total = merged.low, total + merged.people
    if low >= 0:
        found.append(Band(low, len(counts) - 1, total))
    return tuple(found)


def _shared_gap(taxonomy: Taxonomy, role: Role, row: HeatRow) -> SharedGap | None:
    if row.below < MIN_CELL:
        return None
    # The course starts at the commonest level shown below the required one.
    below = [(b.people, -b.low, b.low) for b in row.bands if b.high < row.required and b.people]
    start = max(below)[2] if below else 0
    skill = taxonomy.skills.get(row.skill)
    group = next((g for g in role.alternatives if g.id == row.skill), None)
    if skill is None and group is not None:
        skill = taxonomy.skills[group.skills[0]]
    if skill is None:
        return None
    hours = skill.hours_between(start, row.required)
    saved = (row.below - 1) * hours
    return SharedGap(
        row.skill, row.below, row.below_exact, row.required, row.importance, hours, saved
    )
