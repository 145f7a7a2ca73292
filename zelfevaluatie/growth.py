"""Growth over rounds: agreed scores per profile as a server-side SVG chart, and what changed in the profiles.

Profiles are matched across rounds by name, so a round on a newer framework version still lines
up with the rounds before it.
"""

from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from frameworks.models import Framework

# Colours with at least 3:1 contrast on white, each paired with a dash pattern so the lines
# can be told apart without colour.
PALETTE = ["#0b5394", "#b45309", "#047857", "#9d174d", "#4c1d95", "#374151", "#0e7490", "#a16207"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "3 2 1 2"]


@dataclass
class Series:
    name: str
    scores: list[int | None] = field(default_factory=list)


@dataclass
class Growth:
    labels: list[str]
    series: list[Series]
    scale_values: list[int]

    @property
    def rows(self):
        """The text alternative: one row per profile with its score per round."""
        return [(series.name, series.scores) for series in self.series]

    @property
    def has_scores(self) -> bool:
        return any(score is not None for series in self.series for score in series.scores)


def growth_per_framework(rounds, **options) -> list[tuple["Framework", Growth]]:
    """Rounds grouped by framework lineage (library → own copy → versions), oldest first.

    Growth is only comparable within a lineage; the per-profile history uses the same grouping.
    """
    groups: dict[int, list] = {}
    for round in rounds:
        groups.setdefault(round.lineage_id or round.framework.lineage_id, []).append(round)
    return [(items[-1].framework, growth_for(items, **options)) for items in groups.values()]


def growth_for(rounds, *, scale_values: list[int] | None = None, only_profile: str | None = None) -> Growth:
    """Agreed scores per profile across the given rounds (oldest first; uses prefetched relations)."""
    rounds = list(rounds)
    names: list[str] = []
    for round in rounds:
        for round_profile in round.round_profiles.all():
            name = round_profile.profile.name
            if name not in names and (only_profile is None or name == only_profile):
                names.append(name)
    agreed = [{c.profile.name: c.agreed_score for c in round.conclusions.all()} for round in rounds]
    series = [Series(name=name, scores=[scores.get(name) for scores in agreed]) for name in names]
    if scale_values is None:
        scale_values = list(range(1, 6))
    return Growth(labels=[round.period for round in rounds], series=series, scale_values=scale_values)


def growth_svg(growth: Growth, *, title: str | None = None, width: int = 640) -> SafeString:
    """An accessible SVG line chart; works in browsers and in WeasyPrint."""
    title = title or _("Afgesproken scores per profiel per ronde")
    low, high = min(growth.scale_values), max(growth.scale_values)
    left, right, top = 40, 20, 20
    legend_height = 18 * len(growth.series) + 10
    plot_height = 180
    height = top + plot_height + 40 + legend_height
    plot_width = width - left - right
    count = max(len(growth.labels), 1)
    step = plot_width / count

    def x(index: int) -> float:
        return left + step * index + step / 2

    def y(value: float) -> float:
        span = (high - low) or 1
        return top + plot_height - (value - low) / span * plot_height

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="growth-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for value in growth.scale_values:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="#d0d5dd" stroke-width="1"/>'
            f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="12" fill="#212529">{value}</text>'
        )
    for index, label in enumerate(growth.labels):
        parts.append(
            f'<text x="{x(index):.1f}" y="{top + plot_height + 20}" text-anchor="middle" font-size="12" '
            f'fill="#212529">{escape(label)}</text>'
        )
    for number, series in enumerate(growth.series):
        colour = PALETTE[number % len(PALETTE)]
        dash = DASHES[number % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        points = [(x(i), y(score)) for i, score in enumerate(series.scores) if score is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        # Offset markers a little per profile so equal scores stay visible side by side.
        offset = (number - (len(growth.series) - 1) / 2) * 4
        for px, py in points:
            parts.append(f'<circle cx="{px + offset:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
        legend_y = top + plot_height + 40 + 18 * number
        parts.append(
            f'<line x1="{left}" x2="{left + 28}" y1="{legend_y}" y2="{legend_y}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
            f'<text x="{left + 36}" y="{legend_y + 4}" font-size="12" fill="#212529">{escape(series.name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _by_name(items: list[dict]) -> dict[str, dict]:
    return {item["name"]: item for item in items}


def profile_changes(previous, current) -> list[dict]:
    """Per profile of the current round: new, unchanged or changed since the previous round, and how."""
    if previous is None:
        return []
    before = {rp.profile.name: rp for rp in previous.round_profiles.all()}
    changes = []
    for round_profile in current.round_profiles.all():
        name = round_profile.profile.name
        old = before.get(name)
        if old is None:
            changes.append({"name": name, "status": "new", "details": [_("Nieuw profiel in deze ronde.")]})
            continue
        if old.fingerprint == round_profile.fingerprint:
            changes.append({"name": name, "status": "unchanged", "details": []})
            continue
        details = []
        if old.snapshot.get("description") != round_profile.snapshot.get("description"):
            details.append(_("De omschrijving van de rol is gewijzigd."))
        old_competencies = _by_name(old.snapshot.get("competencies", []))
        new_competencies = _by_name(round_profile.snapshot.get("competencies", []))
        for competency in new_competencies:
            if competency not in old_competencies:
                details.append(_("Competentie toegevoegd: %(name)s.") % {"name": competency})
            elif new_competencies[competency] != old_competencies[competency]:
                details.append(_("Competentie gewijzigd: %(name)s.") % {"name": competency})
        for competency in old_competencies:
            if competency not in new_competencies:
                details.append(_("Competentie vervallen: %(name)s.") % {"name": competency})
        changes.append({"name": name, "status": "changed", "details": details or [_("De tekst is gewijzigd.")]})
    for name in before:
        if name not in {rp.profile.name for rp in current.round_profiles.all()}:
            changes.append(
                {"name": name, "status": "removed", "details": [_("Dit profiel wordt niet meer beoordeeld.")]}
            )
    return changes


def spread_svg(distribution, *, profile_name: str, width: int = 760) -> SafeString:
    """The spread of handed-in scores as a bar chart (one bar per scale point), readable on a projector.

    distribution: [(scale point, count)]. The table next to it is the text alternative.
    """
    title = _("Spreiding van de ingeleverde scores voor %(profile)s") % {"profile": profile_name}
    left, right, top, bar_height, gap = 360, 50, 10, 34, 12
    height = top + len(distribution) * (bar_height + gap) + 10
    most = max((count for _point, count in distribution), default=0) or 1
    plot_width = width - left - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spread-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for index, (point, count) in enumerate(distribution):
        y = top + index * (bar_height + gap)
        label = f"{point.value} – {point.label}"
        label = label if len(label) <= 34 else label[:33] + "…"
        bar = plot_width * count / most
        parts.append(
            f'<text x="{left - 10}" y="{y + bar_height / 2 + 6:.1f}" text-anchor="end" font-size="18" '
            f'fill="#212529">{escape(label)}</text>'
            f'<rect x="{left}" y="{y}" width="{bar:.1f}" height="{bar_height}" fill="#0b5394"/>'
            f'<text x="{left + bar + 8:.1f}" y="{y + bar_height / 2 + 6:.1f}" font-size="20" font-weight="bold" '
            f'fill="#212529">{count}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
