"""Readability: textstat's scores computed from the draft's own sentences (``measure``,
``scores``, ``words``), the target profiles (``profiles``) and the per-document and per-paragraph
figures (``document``) that the RD rules, ``draftlint stats`` and the reports share."""
