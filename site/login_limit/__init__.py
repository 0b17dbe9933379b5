"""Failed logins counted in the database, so every worker and app server sees the same counts."""
