"""Small SVG charts, computed here and drawn by templates (no JavaScript, no inline styles).

Each function returns plain numbers (pixel positions) for a template to put into <svg>
elements; the templates also give every chart a text alternative.
"""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Axis:
    left: float
    right: float
    low: float
    high: float
    ticks: list = field(default_factory=list)  # (x, label)

    def x(self, value: float) -> float:
        if self.high == self.low:
            return (self.left + self.right) / 2
        return round(self.left + (value - self.low) / (self.high - self.low) * (self.right - self.left), 1)


def _axis(low, high, *, width, margin=24, step=1, signed=False) -> Axis:
    axis = Axis(left=margin, right=width - margin, low=low, high=high)
    value = low
    while value <= high + 1e-9:
        label = f"{value:+g}" if signed and value else f"{value:g}"
        axis.ticks.append((axis.x(value), label))
        value += step
    return axis


@dataclass
class Dot:
    x: float
    y: float
    label: str


def score_dots(values: list[tuple[str, float]], *, low: int, high: int, width: int = 320) -> dict:
    """A dot plot of scores on the scale: one dot per (label, value), stacked where they coincide."""
    axis = _axis(low, high, width=width)
    seen: Counter = Counter()
    dots = []
    for label, value in values:
        if value is None:
            continue
        dots.append(Dot(x=axis.x(value), y=44 - 12 * seen[value], label=label))
        seen[value] += 1
    height = 70 + 12 * max(0, max(seen.values(), default=1) - 1)
    shift = height - 70
    for dot in dots:
        dot.y += shift
    return {"axis": axis, "dots": dots, "width": width, "height": height, "baseline": 56 + shift}


@dataclass
class DeviationRow:
    label: str
    y: float
    dots: list  # x positions
    mean_x: float | None
    mean: float | None
    n: int


def deviation_plot(rows: list[tuple[str, list[float]]], *, span: float, width: int = 560) -> dict:
    """Each selecteur's deviations from colleagues on the same candidate × competency: one line
    per selecteur, a dot per paired score, a bar at their mean deviation, 0 in the middle."""
    span = max(1, span)
    axis = _axis(-span, span, width=width, margin=150, signed=True)
    axis.left, axis.right = 150, width - 20
    axis.ticks = []
    value = -span
    while value <= span + 1e-9:
        axis.ticks.append((axis.x(value), f"{value:+g}" if value else "0"))
        value += 1
    drawn = []
    for index, (label, deviations) in enumerate(rows):
        y = 30 + index * 34
        mean = round(sum(deviations) / len(deviations), 2) if deviations else None
        drawn.append(
            DeviationRow(
                label=label,
                y=y,
                dots=[axis.x(max(-span, min(span, d))) for d in deviations],
                mean_x=axis.x(mean) if mean is not None else None,
                mean=mean,
                n=len(deviations),
            )
        )
    height = 50 + 34 * len(rows)
    return {"axis": axis, "rows": drawn, "width": width, "height": height, "zero": axis.x(0), "bottom": height - 22}


def level_bar(value: float | None, required: float | None, *, low: int, high: int, width: int = 180) -> dict:
    """A small bar from the bottom of the scale to the consensus, with a line at the required level."""
    axis = _axis(low, high, width=width, margin=10)
    return {
        "axis": axis,
        "width": width,
        "bar_x": axis.left,
        "track_width": round(axis.right - axis.left, 1),
        "bar_width": round(axis.x(value) - axis.left, 1) if value is not None else 0,
        "required_x": axis.x(required) if required is not None else None,
        "value": value,
        "required": required,
    }
