"""The expert keying panel: how the scores of situational options are settled.

A panel of experts rates every option of every situational item from 1 (clearly
wrong here) to 5 (the best thing to do); their ratings, not one author's judgement,
decide the key.

- ``form``: the rating workbook (`asn-assess bank panel export`);
- ``ratings``: reading filled workbooks back, every mistake located;
- ``agreement``: per option the mean, SD and r_wg, the proposed scores, best and worst
  option per item, and the items where the panel disagrees or departs from the key;
- ``keys``: the proposed scores written into a copy of the bank file, its comments and
  layout kept.

Nothing here prints or reads the terminal; the command line is ``cli/panel.py``.
"""
