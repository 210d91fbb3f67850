"""``python -m quotegraph.cli`` runs the command line, like the ``quotegraph`` script."""

from quotegraph.cli import main

main()
