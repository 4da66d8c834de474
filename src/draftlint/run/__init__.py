"""Running draftlint: lint one Document (``lint``: place, stamp and suppress findings), and the loop
over files that ``draftlint check`` runs (``runner``) with its cache, worker processes, fixes,
baseline and changed-lines filters."""
