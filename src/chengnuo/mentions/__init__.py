"""Mentions: the counties and zones each commitment names or involves."""
