"""The one flow: documents -> claims -> queries -> evidence -> verdicts -> report."""
