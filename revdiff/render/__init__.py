"""Renderers: make tracker pages and files from Versions (for samples and round-trip tests)."""
