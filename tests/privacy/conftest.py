# The selection day of the selectie tests: candidates are where most personal data lives.
from ..selectie.conftest import client_for, day, selecteurs, vth_profile  # noqa: F401
