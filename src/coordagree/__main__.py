"""``python -m coordagree``: the command line, as the ``coordagree`` script runs it."""

from coordagree.cli import main

main()
