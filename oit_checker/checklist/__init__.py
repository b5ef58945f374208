"""Checklists: what to check, per scheme and year (the model and its YAML loader)."""
