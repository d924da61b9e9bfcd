"""Topics: a bilingual taxonomy and one topic for every commitment."""
