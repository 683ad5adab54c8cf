"""Small data sets the chapters use. Everything here works offline.

The toy sets are typed in by hand so a reader can check every number.
Bigger sets (Iris, the 8x8 digits) come from the copies scikit-learn
ships inside its package: nothing is ever downloaded.
"""

import numpy as np

# --8<-- [start:fruit]
FRUIT_FEATURES = ("roundness", "redness")

#                    roundness  redness   (0 = not at all, 1 = very)
_FRUIT = [
    ("apple", 0.8, 0.9),
    ("banana", 0.1, 0.2),
    ("strawberry", 0.4, 0.9),
    ("apple", 0.9, 0.4),
    ("lemon", 0.6, 0.2),
    ("apple", 0.7, 0.8),
    ("banana", 0.2, 0.3),
    ("apple", 0.8, 0.3),
    ("strawberry", 0.3, 0.8),
    ("lemon", 0.5, 0.1),
    ("apple", 0.9, 0.7),
    ("banana", 0.1, 0.1),
]
# --8<-- [end:fruit]


def fruit():
    """The fruit basket: is this fruit an apple?

    Twelve fruits, each described by two scores from 0 to 1: how round it
    is and how red it is. The label is 1 for an apple (YES) and 0 for
    anything else (NO).

    Returns
    -------
    X : numpy.ndarray
        Shape (12, 2): roundness and redness of each fruit.
    y : numpy.ndarray
        Shape (12,): 1 for an apple, 0 otherwise.
    names : list of str
        The name of each fruit.

    Examples
    --------
    >>> X, y, names = fruit()
    >>> X.shape, y.tolist(), names[:3]
    ((12, 2), [1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0], ['apple', 'banana', 'strawberry'])
    """
    names = [name for name, *_ in _FRUIT]
    X = np.array([features for _, *features in _FRUIT], dtype=np.float64)
    y = np.array([1 if name == "apple" else 0 for name in names])
    return X, y, names


def logic_gate(name):
    """The truth table of a logic gate with two inputs.

    Parameters
    ----------
    name : str
        ``"and"``, ``"or"`` or ``"xor"``.

    Returns
    -------
    X : numpy.ndarray
        Shape (4, 2): the inputs (0, 0), (0, 1), (1, 0), (1, 1).
    y : numpy.ndarray
        Shape (4,): the gate's answer for each input.

    Raises
    ------
    ValueError
        If ``name`` is not one of the three gates.

    Examples
    --------
    >>> X, y = logic_gate("xor")
    >>> y.tolist()
    [0, 1, 1, 0]
    """
    gates = {
        "and": lambda a, b: a & b,
        "or": lambda a, b: a | b,
        "xor": lambda a, b: a ^ b,
    }
    if name not in gates:
        raise ValueError(f"name must be one of {sorted(gates)}, got {name!r}")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([gates[name](a, b) for a, b in X])
    return X.astype(np.float64), y


def iris():
    """The Iris flowers (150 samples, 4 measurements, 3 species), from scikit-learn's copy.

    Returns
    -------
    X : numpy.ndarray
        Shape (150, 4).
    y : numpy.ndarray
        Shape (150,), species 0, 1 or 2.

    Examples
    --------
    >>> X, y = iris()
    >>> X.shape, sorted(set(y.tolist()))
    ((150, 4), [0, 1, 2])
    """
    from sklearn.datasets import load_iris

    data = load_iris()
    return data.data.astype(np.float64), data.target


def digits():
    """The 8x8 handwritten digits (1797 images), from scikit-learn's copy.

    Pixel values go from 0 to 16.

    Returns
    -------
    X : numpy.ndarray
        Shape (1797, 64): each image flattened row by row.
    y : numpy.ndarray
        Shape (1797,): the digit 0 to 9.

    Examples
    --------
    >>> X, y = digits()
    >>> X.shape, int(X.max())
    ((1797, 64), 16)
    """
    from sklearn.datasets import load_digits

    data = load_digits()
    return data.data.astype(np.float64), data.target


# --8<-- [start:students]
STUDENT_FEATURES = ("study hours", "sleep hours", "attendance %")

#            study     sleep the       attendance
#            (hours)   night before    (% of lessons)
_STUDENTS = [
    (8.0, 8.0, 80),
    (7.0, 5.0, 40),
    (1.0, 7.0, 90),
    (5.5, 8.0, 60),
    (2.5, 5.5, 95),
    (6.5, 9.5, 90),
    (7.5, 4.0, 70),
    (5.0, 6.5, 70),
    (3.5, 7.0, 70),
    (4.0, 8.0, 100),
    (0.0, 8.0, 90),
    (8.0, 7.0, 50),
    (6.5, 4.5, 90),
    (2.5, 6.0, 55),
    (9.0, 6.5, 65),
    (4.0, 10.0, 70),
    (6.0, 7.0, 75),
    (5.0, 4.5, 40),
    (4.0, 7.5, 95),
    (3.0, 9.0, 80),
    (6.0, 5.5, 100),
    (5.0, 9.0, 85),
    (2.0, 7.0, 60),
    (7.5, 7.5, 90),
    (4.5, 7.0, 90),
    (5.5, 5.0, 70),
    (1.5, 8.5, 100),
    (6.0, 6.5, 55),
    (4.5, 6.5, 45),
    (7.0, 8.5, 80),
]


def _passes(study, sleep, attendance):
    """The made-up rule behind the labels: enough sleep, and enough study plus attendance."""
    return int(sleep >= 6 and study + attendance / 20 >= 8)
    # --8<-- [end:students]


def students():
    """A made-up class of 30 students: did each one pass the test?

    Each student is described by three numbers: hours spent studying for
    the test, hours of sleep the night before, and attendance (the
    percentage of lessons they came to). The label is 1 for a pass and 0
    for a fail.

    The class is invented, and its labels follow a simple made-up rule, so
    every one can be checked: a student passes when they slept at least 6
    hours *and* study hours + attendance / 20 is at least 8. A network
    trained on the students never sees this rule, only the examples. (Real
    students are messier: no rule this simple decides a real test.)

    Returns
    -------
    X : numpy.ndarray
        Shape (30, 3): study hours, sleep hours and attendance % of each student.
    y : numpy.ndarray
        Shape (30,): 1 for a pass, 0 for a fail.

    Examples
    --------
    >>> X, y = students()
    >>> X.shape, X[0].tolist(), int(y[0])
    ((30, 3), [8.0, 8.0, 80.0], 1)
    >>> int(y.sum()), y[24:].tolist()   # 14 passes; the last six students
    (14, [1, 0, 0, 1, 0, 1])
    """
    X = np.array(_STUDENTS, dtype=np.float64)
    y = np.array([_passes(*student) for student in _STUDENTS])
    return X, y
