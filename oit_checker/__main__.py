"""``python -m oit_checker`` runs the command line."""

from oit_checker.cli import main

raise SystemExit(main())
