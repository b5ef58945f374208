"""``python -m oit_checker`` runs the command line."""

from oit_checker.cli import run

run()
