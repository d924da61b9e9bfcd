"""Adding new reports: inspect a file, register it, and compare data packages."""
