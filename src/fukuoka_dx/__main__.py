"""``python -m fukuoka_dx``: the same as the ``fukuoka-dx`` command."""

import sys

from fukuoka_dx.cli import main

sys.exit(main())
