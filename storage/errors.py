"""Storage failures the rest of the bot can act on without knowing SQLAlchemy."""


class StorageUnavailable(RuntimeError):
    """The database cannot be reached, is locked, or is not set up; nothing was written."""
