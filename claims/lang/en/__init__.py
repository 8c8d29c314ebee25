"""English: verbs of saying, titles, source nouns, grammar words, the opinion model's weights."""
