"""Targets, reported results, outcomes and indicator series: the numbers in the texts."""
