"""``python -m scripts.render``: see ``scripts.render``."""

import sys

from scripts.render.cli import main

sys.exit(main())
