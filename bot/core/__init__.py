"""Platform-neutral runtime: messages, routing, per-message context and translations.

Imports the standard library and babel only (enforced by import-linter), so every adapter and
every handler can depend on it without dragging a platform or a database along.
"""
