"""History of nightly runs in SQLite: the store and the run-to-run comparison."""
