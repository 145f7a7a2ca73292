"""Data generators for measurements: a large, realistic municipality (development only).

Nothing in the product imports from here; these modules import the apps' models and services.
"""
