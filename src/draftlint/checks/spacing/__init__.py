"""WS: spacing.  WS1xx words run together (``joins``), WS2xx extra or odd spaces (``spaces``)."""
