"""The learning rate of every epoch under three schedules: constant, step decay and cosine.

Numbers: ``site_src.examples.choosing.schedules`` (``step_lr`` and ``cosine_lr``, equal to
PyTorch's ``StepLR`` and ``CosineAnnealingLR``).
"""

import matplotlib.pyplot as plt
import numpy as np

from scripts.style.plotting import themed
from site_src.examples.choosing import SCHEDULE_EPOCHS, SCHEDULE_LR, STEP_GAMMA, STEP_SIZE, schedules

WIDE, NARROW = 7.17, 3.73  # inches: the content column at 1280 px, and a 390-px phone


def draw(theme, layout="wide"):
    """One panel: learning rate against epoch, one line per schedule, labelled at its end."""
    rates = schedules()
    epochs = np.arange(SCHEDULE_EPOCHS)
    looks = {"constant": ("muted", ":", f"constant: {SCHEDULE_LR:g}"),
             "step": ("text", "-", f"step: ×{STEP_GAMMA:g} every {STEP_SIZE} epochs"),
             "cosine": ("text", "--", "cosine: half a wave down to 0")}
    with themed(theme):
        size = (WIDE, 3.3) if layout == "wide" else (NARROW, 3.6)
        figure, ax = plt.subplots(figsize=size, constrained_layout=True)
        for name, (role, style, text) in looks.items():
            ax.plot(epochs, rates[name], style, color=theme[role], linewidth=2.2, label=text,
                    drawstyle="steps-post" if name == "step" else "default")
        ax.set(xlabel="epoch", ylabel="learning rate", xlim=(0, SCHEDULE_EPOCHS - 1),
               ylim=(-0.004, SCHEDULE_LR * 1.55), yticks=np.linspace(0, SCHEDULE_LR, 6))
        ax.legend(loc="upper right", fontsize=10)  # above the lines: nothing hidden
    return figure
