"""The selection day of tests/selectie, for the calibration matrix's cache."""

from ..selectie.conftest import client_for, day, selecteurs, vth_profile  # noqa: F401 - fixtures
