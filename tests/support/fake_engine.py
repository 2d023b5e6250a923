"""A stand-in for `python -m mkdocs` (tests/test_mkdocs_processes.py): says what it was given, then exits with
its first argument."""

import os
import sys
import time

print("folder", os.getcwd())
print("arguments", sys.argv[1:])
print("given", os.environ.get("MV_GIVEN"), "not given", os.environ.get("MV_NOT_GIVEN"))
print("utf-8", sys.flags.utf8_mode, "åäö")
print("kit", "macros.build_state" in sys.modules)
sys.stderr.write("on stderr\n")
if "--busy" in sys.argv:      # some CPU time to account for, as a build has
    started = time.process_time()
    while time.process_time() - started < 0.3:
        pass
if "--sleep" in sys.argv:     # a build that is still running when the command line gives up
    time.sleep(60)
sys.exit(int(sys.argv[1]))
