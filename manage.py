#!/usr/bin/env python
"""Django's command-line utility; `lantoa` (see lantoa/cli.py) is the same thing installed."""

from lantoa.cli import main

if __name__ == "__main__":
    main()
