"""Language tables: one sub-package per language (``fr``), data only, no code paths."""
