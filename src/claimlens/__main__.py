"""``python -m claimlens``: the ``claimlens`` command, for environments without its script on PATH."""
from .cli import main

main()
