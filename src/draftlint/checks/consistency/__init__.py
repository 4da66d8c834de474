"""CN: consistency.  CN1xx spelling variants and dialect (``variants``), CN2xx names (``names``),
CN3xx numbers (``numbers``) and abbreviations (``abbreviations``)."""
