"""The people layer below the product apps: employees, teams and their one development plan (POP).

`medewerkers` (appraisal cycles) and `ontwikkeling` (development programmes) both stand on it, so a
person and their plan exist once. It depends on `frameworks` (function profiles, competencies) and the
organisations app only; no product app is imported here.
"""
