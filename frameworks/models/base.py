# The revision counter is the product's one stale-edit rule; it lives in competentie/revisions.py.
from competentie.revisions import Revisioned

__all__ = ["Revisioned"]
