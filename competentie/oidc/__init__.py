"""Login through an organisation's own identity provider (OpenID Connect, per organisation)."""
