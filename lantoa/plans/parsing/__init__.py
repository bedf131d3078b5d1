"""Reading plan documents (P2): `extract` gets the text out, `structure` finds the plan in it."""

from lantoa.plans.parsing.extract import DocumentError, read_document
from lantoa.plans.parsing.structure import ParsedPlan, parse_plan


def parse_document(content: bytes, filename: str) -> ParsedPlan:
    """Read and parse a plan file; DocumentError carries the Vietnamese reason."""
    return parse_plan(read_document(content, filename))


__all__ = ["DocumentError", "ParsedPlan", "parse_document", "parse_plan", "read_document"]
