"""QT: quotations.  QT1xx quotation marks (``marks``), QT2xx attribution (``attribution``)."""
