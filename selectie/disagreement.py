"""The one rule for "the panel disagrees", used by the calibration overview, the candidate page,
the chair's board, the meeting mode, the procedure report and the insight page.

Disagreement is about differences *between selecteurs*: each selecteur's scores for a competency
are first averaged over the exercises they gave them in, then the spread between those selecteur
means is compared with the procedure's threshold (2 points on the scale by default). One
selecteur's own scores across exercises never count as disagreement.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The default threshold; each procedure can set its own (SelectionProcedure.disagreement_threshold).
DEFAULT_THRESHOLD = 2


def rounded_mean(values: list) -> float | int:
    """The mean to two decimals; whole numbers stay int (a selecteur's mean over exercises, a ranking's
    mean over competencies). Not statistics.mean: it computes in fractions and costs 20× more, and the
    calibration matrix takes thousands."""
    result = round(sum(values) / len(values), 2)
    return int(result) if result == int(result) else result


@dataclass(frozen=True)
class Disagreement:
    spread: float  # highest minus lowest selecteur mean; 0 with fewer than two selecteurs
    selecteurs: int  # selecteurs with a score
    threshold: int

    @property
    def flagged(self) -> bool:
        return self.selecteurs >= 2 and self.spread >= self.threshold

    def __bool__(self) -> bool:
        return self.flagged


def threshold_of(procedure) -> int:
    return getattr(procedure, "disagreement_threshold", None) or DEFAULT_THRESHOLD


def selecteur_means(values_by_selecteur: Mapping[object, Iterable]) -> dict:
    """Each selecteur's mean over exercises; selecteurs without a value are left out."""
    means = {}
    for selecteur, values in values_by_selecteur.items():
        if values is None:
            continue
        if isinstance(values, int | float):
            values = [values]
        values = [v for v in values if v is not None]
        if values:
            means[selecteur] = rounded_mean(values)
    return means


def panel_disagreement(values_by_selecteur: Mapping[object, Iterable], *, threshold: int) -> Disagreement:
    """The rule: selecteur means (over exercises) that differ by `threshold` points or more.

    `values_by_selecteur` maps a selecteur to their values for one candidate × competency (a list
    over exercises, or one number already averaged).
    """
    return disagreement_of_means(list(selecteur_means(values_by_selecteur).values()), threshold=threshold)


def disagreement_of_means(means: list, *, threshold: int) -> Disagreement:
    """The same rule on selecteur means already computed (one per selecteur with a value): what the
    calibration matrix holds per cell, so it does not average its averages again."""
    spread = max(means) - min(means) if len(means) >= 2 else 0
    spread = int(spread) if spread == int(spread) else round(spread, 2)
    return Disagreement(spread=spread, selecteurs=len(means), threshold=threshold)
