"""Word knowledge: the shipped word table (``store``), the Lexicon that answers known word?,
frequency and suggestions (``lexicon``, ``edits``, ``suggest``, ``morph``), names and run-together
words (``names``), and the judgement of a Document's words (``judge``) that the SP and WS1 rules
report."""
