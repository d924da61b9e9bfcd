"""Chinese text, defined once (ground floor: imports no stage).

- `chengnuo.zh.numerals`: Chinese numerals both ways and magnitudes (万, 亿, 千亿, 万亿).
- `chengnuo.zh.text`: sentence cutting, normalisation for comparison, character bigrams.

Every stage that reads or compares Chinese text uses these, so two stages can
never disagree on what a number, a sentence or "the same name" is.
"""
