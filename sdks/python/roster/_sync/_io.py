"""What the sync client waits with. Written by hand (scripts/unasync.py leaves it alone); its async
twin is roster/_async/_io.py.
"""

from __future__ import annotations

import threading
import time

sleep = time.sleep

#: Shared by the threads that use one client.
Lock = threading.Lock
