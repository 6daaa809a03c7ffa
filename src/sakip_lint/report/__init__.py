"""The reviewer's deliverables, built from the same findings as every other output: a
self-contained HTML report with the pohon kinerja drawn as SVG (``html``, ``tree_svg``), and a
draft of the Catatan Hasil Reviu as Word and Markdown (``review``).

``content`` gathers what both say (the summary, the findings by chapter and place with their
evidence, the tables); the writers only lay it out and escape it for their format.
"""
