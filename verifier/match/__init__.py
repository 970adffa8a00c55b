"""Matching: which source and series can answer a claim (the planner), and which source its text names (routing)."""
