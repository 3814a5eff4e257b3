"""Amounts of money as people read them: $12,500, cents only when there are some."""

from decimal import Decimal

MINUS = "\u2212"  # a true minus sign: it lines up with the plus in columns of figures


def dollars(amount: Decimal | int | None) -> str:
    """$12,500 or $12.50 per member; a minus sign for a cut; an em dash for no amount."""
    if amount is None or amount == "":
        return "—"
    amount = Decimal(amount)
    sign = MINUS if amount < 0 else ""
    amount = abs(amount)
    whole = amount == amount.to_integral_value()
    return f"{sign}${amount:,.0f}" if whole else f"{sign}${amount:,.2f}"


def signed_dollars(amount: Decimal | int | None) -> str:
    """A change of amount: +$2,000, a minus sign and $500, or $0."""
    if amount is None or amount == "":
        return "—"
    return ("+" if Decimal(amount) > 0 else "") + dollars(amount)


def short_dollars(amount: Decimal | int) -> str:
    """A round amount for a chart's scale: $0, $500, $25k, $1.5M."""
    amount = Decimal(amount)
    for size, suffix in ((Decimal(1_000_000), "M"), (Decimal(1_000), "k")):
        if abs(amount) >= size:
            return f"${(amount / size).normalize():f}{suffix}"
    return dollars(amount)
