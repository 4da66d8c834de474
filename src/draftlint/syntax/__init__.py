"""The syntactic layer: a dependency parse of the sentences the cheap passes find suspicious."""
