"""The robot guesses how heavy melons are: squared error against absolute error.

The story of "Loss functions, MSE and MAE" (docs/losses/loss-functions.md): four melons'
true weights and the robot's guesses, in kg, then the same guesses with the last one off
by 10 kg; and one melon of ``ONE_TRUTH`` kg for the curves of each loss and its slope.
"""

MELONS_TRUE = [2.0, 3.5, 1.5, 3.0]
MELONS_GUESS = [2.5, 3.0, 1.5, 4.0]
OUTLIER_GUESS = [2.5, 3.0, 1.5, 13.0]  # the last guess is off by 10 instead of by 1
ONE_TRUTH = 3.0  # one melon whose true weight is 3 kg
