"""Text facts in the article's language: words, word forms, readability, rendered width, dates."""
