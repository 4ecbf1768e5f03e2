"""Qt item models over the services: lazily fetched keyset tables and small record tables."""
