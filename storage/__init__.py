"""Persistence: sqlmodel tables, repositories and the unit of work, on SQLite or PostgreSQL."""
