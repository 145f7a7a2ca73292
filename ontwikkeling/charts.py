"""Server-side SVG pictures: the programme at a glance and a participant's growth.

Both work in browsers and in WeasyPrint; each carries a title, and the pages give a table as the
text alternative. Colours have at least 3:1 contrast on white and are paired with dash patterns
or numbers, so nothing is told by colour alone.
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import KolbStage, LearningLevel

PALETTE = ["#0b5394", "#b45309", "#047857", "#9d174d", "#4c1d95", "#374151", "#0e7490", "#a16207"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "3 2 1 2"]
KOLB_ORDER = list(KolbStage.values)
KOLB_COLOURS = dict(zip(KOLB_ORDER, ["#0b5394", "#b45309", "#047857", "#9d174d"]))
INK = "#212529"


def _short(text: str, length: int) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def _text(x, y, text, *, size=12, weight="normal", anchor="start", fill=INK, length=None) -> str:
    shown = _short(text, length) if length else str(text)
    title = f"<title>{escape(str(text))}</title>" if shown != str(text) else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" text-anchor="{anchor}" '
        f'fill="{fill}">{title}{escape(shown)}</text>'
    )


def kolb_number(stage: str) -> int:
    return KOLB_ORDER.index(stage) + 1


def _kolb_cycle(cx: float, cy: float, radius: float, stages: set[str]) -> str:
    """A small cycle of four quarters, clockwise from the top: a filled quarter is a stage the line covers."""
    parts = []
    corners = [(0, -1), (1, 0), (0, 1), (-1, 0)]
    for index, stage in enumerate(KOLB_ORDER):
        (x1, y1), (x2, y2) = corners[index], corners[(index + 1) % 4]
        filled = stage in stages
        parts.append(
            f'<path d="M{cx:.1f},{cy:.1f} L{cx + x1 * radius:.1f},{cy + y1 * radius:.1f} '
            f'A{radius},{radius} 0 0 1 {cx + x2 * radius:.1f},{cy + y2 * radius:.1f} Z" '
            f'fill="{KOLB_COLOURS[stage] if filled else "#ffffff"}" stroke="{INK}" stroke-width="1"/>'
        )
    return "".join(parts)


def overview_svg(programme, *, phases, lines, interventions) -> SafeString:
    """Phases × themes × competencies, with the learning lines per level and their interventions."""
    label_width, column, pad = 230, 250, 10
    phases = list(phases) or []
    columns = max(len(phases), 1)
    # Wide enough for the Kolb legend too.
    width = max(label_width + column * columns + pad, label_width + 4 * 40 + 7 * 90)
    by_cell: dict[tuple[int, int], list] = {}
    for intervention in interventions:
        by_cell.setdefault((intervention.line_id, intervention.phase_id), []).append(intervention)
    competency_rows = max((len(phase.competencies.all()) for phase in phases), default=0)
    title = _("%(name)s in één oogopslag") % {"name": programme.name}
    body = []
    y = 36
    body.append(_text(pad, 24, programme.name, size=18, weight="bold", length=70))
    # Phase headers with their theme.
    for index, phase in enumerate(phases):
        x = label_width + column * index
        body.append(f'<rect x="{x + 2}" y="{y}" width="{column - 4}" height="44" fill="#e7f0fa" stroke="#0b5394"/>')
        body.append(_text(x + 10, y + 18, phase.name, weight="bold", length=34))
        body.append(_text(x + 10, y + 36, phase.theme, length=36))
    body.append(_text(pad, y + 28, _("Fase en thema"), weight="bold"))
    y += 52
    # Central competencies per phase.
    body.append(_text(pad, y + 14, _("Centrale competenties"), weight="bold"))
    for index, phase in enumerate(phases):
        x = label_width + column * index
        for row, competency in enumerate(phase.competencies.all()):
            body.append(_text(x + 10, y + 14 + row * 17, f"• {competency.name}", length=36))
    y += max(competency_rows, 1) * 17 + 12
    # One band per level of learning, one row per learning line.
    for level, level_label in LearningLevel.choices:
        level_lines = [line for line in lines if line.level == level]
        body.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y}" y2="{y}" stroke="#6c757d"/>')
        body.append(_text(pad, y + 18, level_label, size=13, weight="bold", length=80))
        y += 26
        if not level_lines:
            body.append(_text(label_width + 10, y + 8, _("Nog geen leerlijn op dit niveau."), fill="#495057"))
            y += 22
        for line in level_lines:
            cells = [by_cell.get((line.pk, phase.pk), []) for phase in phases]
            height = max([len(cell) for cell in cells] + [1]) * 26 + 8
            stages = {i.kolb_stage for cell in cells for i in cell}
            body.append(_kolb_cycle(pad + 12, y + 14, 11, stages))
            body.append(_text(pad + 30, y + 18, line.name, length=26))
            for index, cell in enumerate(cells):
                x = label_width + column * index
                for row, intervention in enumerate(cell):
                    top = y + row * 26
                    colour = KOLB_COLOURS[intervention.kolb_stage]
                    body.append(
                        f'<rect x="{x + 4}" y="{top}" width="{column - 8}" height="22" rx="4" fill="#ffffff" '
                        f'stroke="{colour}" stroke-width="2"/>'
                    )
                    body.append(f'<circle cx="{x + 16}" cy="{top + 11}" r="8" fill="{colour}"/>')
                    body.append(
                        _text(
                            x + 16,
                            top + 15,
                            kolb_number(intervention.kolb_stage),
                            size=11,
                            weight="bold",
                            anchor="middle",
                            fill="#ffffff",
                        )
                    )
                    body.append(_text(x + 30, top + 15, intervention.name, length=30))
            y += height
    # Legend: the Kolb cycle.
    y += 10
    body.append(_text(pad, y + 14, _("Leercyclus van Kolb"), weight="bold"))
    x = label_width
    for index, (stage, label) in enumerate(KolbStage.choices):
        body.append(f'<circle cx="{x + 8:.1f}" cy="{y + 10}" r="8" fill="{KOLB_COLOURS[stage]}"/>')
        body.append(_text(x + 8, y + 14, index + 1, size=11, weight="bold", anchor="middle", fill="#ffffff"))
        body.append(_text(x + 22, y + 14, label))
        x += 40 + len(str(label)) * 7
    height = y + 30
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="programme-overview" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    )
    return mark_safe(head + "".join(body) + "</svg>")


def growth_svg(growth, *, width: int = 640) -> SafeString:
    """Self-rated level per competency across the moments handed in: one line per competency."""
    title = _("Groei per competentie: eigen niveau per meetmoment")
    levels = growth.scale
    positions = {level.pk: index for index, level in enumerate(levels, start=1)}
    left, right, top, plot_height = 110, 20, 20, 180
    legend_height = 18 * len(growth.rows) + 10
    height = top + plot_height + 44 + legend_height
    count = max(len(growth.moments), 1)
    step = (width - left - right) / count

    def x(index):
        return left + step * index + step / 2

    def y(position):
        span = max(len(levels) - 1, 1)
        return top + plot_height - (position - 1) / span * plot_height

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="growth-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for level in levels:
        level_y = y(positions[level.pk])
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{level_y:.1f}" y2="{level_y:.1f}" stroke="#d0d5dd"/>')
        parts.append(_text(left - 8, level_y + 4, level.name, anchor="end", length=16))
    for index, (_code, label) in enumerate(growth.moments):
        parts.append(_text(x(index), top + plot_height + 22, label, anchor="middle", size=11, length=24))
    for number, row in enumerate(growth.rows):
        colour, dash = PALETTE[number % len(PALETTE)], DASHES[number % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        # Shift each competency a few pixels so equal levels stay visible as separate lines.
        shift = (number - (len(growth.rows) - 1) / 2) * 3
        points = [(x(i), y(positions[level.pk]) + shift) for i, level in enumerate(row.levels) if level is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        for px, py in points:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>')
        legend_y = top + plot_height + 44 + 18 * number
        parts.append(
            f'<line x1="{left}" x2="{left + 28}" y1="{legend_y}" y2="{legend_y}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
        )
        parts.append(_text(left + 36, legend_y + 4, row.competency.name, length=60))
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _decimal(value: float) -> str:
    return f"{value:.2f}".replace(".", ",").replace("-", "−")


def effect_svg(row, *, width: int = 720) -> SafeString:
    """One competency's effect sizes: per comparison the point d_z and its 95 % interval as a bar, with
    the numbers written beside it; lines mark 0 and Cohen's 0,2 / 0,5 / 0,8, each labelled in words."""
    title = _("Effect op %(name)s: Cohen's d_z met 95%%-betrouwbaarheidsinterval") % {"name": row.name}
    shown = [c for c in row.comparisons if c.shown and c.effect.d_z is not None]
    low = min([-0.5] + [c.effect.d_z_low for c in shown])
    high = max([1.5] + [c.effect.d_z_high for c in shown])
    low, high = float(int(low * 2 - 1)) / 2, float(int(high * 2 + 1)) / 2
    left, plot_width, row_height, top = 170, 280, 34, 58
    height = top + row_height * len(row.comparisons) + 34

    def x(value):
        return left + (value - low) / (high - low) * plot_width

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="effect-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        _text(8, 18, row.name, size=13, weight="bold", length=40),
    ]
    bottom = top + row_height * len(row.comparisons)
    # Labels stacked one above the other, so that close lines keep readable words.
    for step, (value, label) in enumerate(((0.8, _("groot")), (0.5, _("middelgroot")), (0.2, _("klein")))):
        label_y = top - 8 - 11 * step
        parts.append(
            f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{label_y + 2}" y2="{bottom}" stroke="#6c757d" '
            f'stroke-dasharray="2 3"/>'
        )
        parts.append(_text(x(value) + 3, label_y, f"{_decimal(value)} {label}", size=9, fill="#495057"))
    parts.append(f'<line x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top - 6}" y2="{bottom}" stroke="{INK}"/>')
    tick = low
    while tick <= high + 1e-9:
        parts.append(_text(x(tick), bottom + 14, _decimal(tick), size=9, anchor="middle"))
        tick += 0.5
    parts.append(_text(left + plot_width / 2, bottom + 28, _("d_z (0 = geen verandering)"), size=10, anchor="middle"))
    for index, comparison in enumerate(row.comparisons):
        y = top + row_height * index + row_height / 2
        parts.append(_text(8, y + 4, comparison.label, size=10, length=34))
        if comparison.shown and comparison.effect.d_z is not None:
            effect = comparison.effect
            parts.append(
                f'<line x1="{x(effect.d_z_low):.1f}" x2="{x(effect.d_z_high):.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{PALETTE[0]}" stroke-width="3"/>'
            )
            parts.append(f'<rect x="{x(effect.d_z) - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{INK}"/>')
            text = (
                f"{_decimal(effect.d_z)} ({_decimal(effect.d_z_low)} {_('tot')} {_decimal(effect.d_z_high)}) "
                f"· n = {effect.n}"
            )
        elif comparison.shown:
            text = _("geen spreiding · n = %(n)s") % {"n": comparison.n}
        else:
            text = _("niet getoond: %(n)s paren (minder dan 5)") % {"n": comparison.n}
        parts.append(_text(left + plot_width + 12, y + 4, text, size=10))
    parts.append("</svg>")
    return mark_safe("".join(parts))
