"""Adapters translate between a platform and the neutral types of bot.core; no feature logic here."""
