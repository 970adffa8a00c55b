"""CI controls over a finished set of verdicts: editorial suppressions, the baseline, changed-lines narrowing."""
