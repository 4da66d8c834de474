"""GR: words and grammar.  GR1xx real-word slips and dropped words (``slips``), GR2xx repeated
words (``repetition``)."""
