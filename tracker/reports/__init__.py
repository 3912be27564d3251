"""Layer 5, beside notify: compliance counts, roll-ups and the report writers (docx,
xlsx). It reads deadlines through their one read model (:mod:`tracker.deadlines.read`)."""
