"""Fetching: the only package that imports httpx (STYLE habit 4)."""
