"""The English edition: the translation store, its coverage, and the checks on it."""
