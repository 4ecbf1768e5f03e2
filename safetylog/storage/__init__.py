"""SQLAlchemy models, the engine factory, migrations and queries. Repositories never commit."""
