"""The `downloads` stage: the data package as zip, XLSX, SQLite, CSV, JSON and extracts."""
