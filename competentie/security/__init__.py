"""Cross-cutting account security: login lockout, idle sessions, two-factor authentication, retention."""
