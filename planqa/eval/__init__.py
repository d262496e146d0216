"""Evaluation: question sets (JSONL in this folder), loading, and metrics as pure functions."""
