"""For the tests: comparing importer output with a golden file (shared/golden/README.md).

Every key of the golden file must be present and equal after NFC and white-space collapsing; a
trailing ";" or "." may differ; extra keys in the output are allowed."""

from __future__ import annotations

from typing import Any

from lantoa.core.text import nfc


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value).rstrip(";.").rstrip()
    return value


def golden_differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Human-readable differences, empty when `actual` satisfies `expected`."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out.extend(golden_differences(value, actual[key], f"{path}.{key}"))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list, got {actual!r}"]
        out = []
        if len(expected) != len(actual):
            out.append(f"{path}: {len(actual)} items, expected {len(expected)}")
        for index, (e, a) in enumerate(zip(expected, actual, strict=False)):
            out.extend(golden_differences(e, a, f"{path}[{index}]"))
        return out
    if _norm(expected) != _norm(actual):
        return [f"{path}: {actual!r} != expected {expected!r}"]
    return []
