"""Outcomes and indicator series: what the next year's report says became of each target."""
