"""The demo in the middle of its year: a deterministic history of work done on the demo
plans (:mod:`tracker.demo.history`) and extra communes under Hải Phòng with real names
(:mod:`tracker.demo.communes`). Only demo data is ever touched: the seed plans and the
copies this package makes, never a plan someone imported.
"""
