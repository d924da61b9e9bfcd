"""chengnuo: government commitments as open data."""

__version__ = "0.1.0"
