"""``python -m tracker``: the command line. Ctrl+C while it is still starting exits quietly
with the conventional status 130 instead of a traceback."""

import sys

try:
    from tracker.cli import main

    main()
except KeyboardInterrupt:
    sys.exit(130)
