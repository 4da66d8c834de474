"""Drafts as the rules see them: a source file parsed by its format into a Document (the prose,
its exact offsets back into the file) and the analysis computed once per Document (tokens,
sentences, paragraphs, quotations, speakers)."""
