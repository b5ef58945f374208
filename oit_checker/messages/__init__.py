"""Message catalogues: code → template, one module per language."""
