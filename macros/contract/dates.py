"""Calendar arithmetic in whole months (review cycles, follow-up intervals, freshness limits)."""

from __future__ import annotations

from datetime import date


def add_months(start: date, months: int) -> date:
    """The same day `months` later; days past the 28th become the 28th so every month has them."""
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, min(start.day, 28))


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (negative when `later` comes first)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)
