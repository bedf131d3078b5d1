"""Lan Tỏa: a ward's communication plan, from the plan document to the signed report."""
