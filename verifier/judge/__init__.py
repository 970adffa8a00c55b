"""Judging: a claim and its evidence become a verdict."""
