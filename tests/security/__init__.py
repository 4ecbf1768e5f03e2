"""Attack tests: each fails if the protection it names is removed."""
