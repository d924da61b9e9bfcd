"""Links: plan commitments to the report paragraphs they came from, and where they differ."""
