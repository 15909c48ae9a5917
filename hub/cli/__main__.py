"""``python -m hub.cli``: the ``hrishub`` command without the console script."""

from hub.cli import main

main()
