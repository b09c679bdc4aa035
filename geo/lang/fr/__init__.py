"""French language tables, one module per topic (places, positions, events, dates)."""
