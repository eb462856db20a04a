"""`python -m bot` runs the `oerbot` command line."""

from bot.cli import main

main()
