"""The context layer: a compact trigram model of English (``model``) and what the GR1 rules
ask of it: real-word slips (``slips``, ``slip_scores``), dropped words (``gap_scores``), and the
sentence guards that veto what the model cannot see (``guards``).  Knows nothing of Documents:
it reads lists of words."""
