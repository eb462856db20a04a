"""Slack keeps messages that start with "/" for its own slash commands: the bot's are shown via /oer."""

from __future__ import annotations

from bot.adapters.slack import slack_command_hints

COMMANDS = frozenset({"help", "language", "settings", "mydata"})


def test_the_bots_commands_are_shown_as_oer_subcommands() -> None:
    text = "/help — what I can do\nType /language fr, or /settings."
    assert (
        slack_command_hints(text, COMMANDS)
        == "/oer help — what I can do\nType /oer language fr, or /oer settings."
    )


def test_urls_unknown_commands_and_paths_are_left_alone() -> None:
    text = "See https://creativecommons.org/licenses/by/4.0/ and /usr/share, /unknown or and/or."
    assert slack_command_hints(text, COMMANDS) == text
