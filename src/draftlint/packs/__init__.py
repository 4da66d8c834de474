"""Rule packs: rules as YAML data.  ``kinds`` holds the rule kinds (code), ``files`` and
``file_checks`` read and check a pack's files (errors as path:line), ``runs`` runs a data rule
over a Document, and ``vale`` is the layer that makes Vale's styles run as Vale runs them."""
