"""Medewerkers: every employee assessed and developed against their own function profile (issue 26).

Stands on `competentie.people` (employees, teams, the POP) and `frameworks` (profiles, scales); imports
from no other product app, and nothing here ever reaches `selectie`.
"""
