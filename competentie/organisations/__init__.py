"""Organisations, memberships and roles: who belongs where, in which role, and who manages that.

Every product app (frameworks, selectie, zelfevaluatie, ontwikkeling) reads roles through
`competentie.organisations.access`; this app imports none of them.
"""
