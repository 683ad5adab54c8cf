"""How a number is written in figures and clips, and in the tests that read their text.

One formatter, ``fmt``, so every picture writes numbers the same way: a real minus
sign (−, not the hyphen -), never "−0.00", and the digits the caller asks for.
"""

_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def fmt(x, digits=2, sign=False, trim=False, sci_below=None):
    """A number as the pictures write it: ``digits`` decimals and a real minus sign (−).

    Parameters
    ----------
    x : float
        The number.
    digits : int, optional
        Decimals to show.
    sign : bool, optional
        Write ``+`` in front of positive numbers too.
    trim : bool, optional
        Drop trailing zeros (``0.250`` becomes ``0.25``, ``1.0`` becomes ``1``), as for
        hand-picked settings written the way the code types them.
    sci_below : float, optional
        Write numbers smaller than this (in size, and not 0) as a power of ten with one
        decimal, ``3.9 × 10⁻⁷``, for gradients too tiny for fixed decimals.

    Returns
    -------
    str

    Examples
    --------
    >>> fmt(-0.1), fmt(0.25, 3), fmt(1, sign=True), fmt(-0.0001)
    ('−0.10', '0.250', '+1.00', '0.00')
    >>> fmt(-0.2, 3, trim=True), fmt(2.0, 1, trim=True)
    ('−0.2', '2')
    >>> fmt(0.0534, 3, sci_below=0.01), fmt(3.86e-07, 3, sci_below=0.01)
    ('0.053', '3.9 × 10⁻⁷')
    """
    if sci_below is not None and x != 0 and abs(x) < sci_below:
        mantissa, exponent = f"{x:.1e}".split("e")
        return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPTS)}".replace("-", "−")
    text = f"{x:+.{digits}f}" if sign else f"{x:.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("+-").strip("0.") == "":  # no "−0.00"
        text = "0" if trim else f"{0:.{digits}f}"
    return text.replace("-", "−")
