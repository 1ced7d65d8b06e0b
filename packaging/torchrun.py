# Debian 12's torchrun (torch 1.13 on Python 3.11) cannot parse its own default "-r 0":
# Std.from_str("0") returns None there. Patch that one function, then run torchrun.
import sys
import torch.distributed.elastic.multiprocessing.api as api
_orig = api.Std.from_str
def _from_str(vm):
    r = _orig(vm)
    return api.Std.NONE if r is None else r
api.Std.from_str = staticmethod(_from_str)
from torch.distributed.run import main
sys.exit(main())
