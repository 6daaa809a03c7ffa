"""The names of the output formats: what the command line offers before anything is loaded."""

FINDINGS = ("rich", "json", "markdown", "plain")  # findings, capaian tables, rules
GRAPH = ("dot", "mermaid", "json")  # the performance tree
CAPAIAN = FINDINGS + ("xlsx",)  # the capaian tables; xlsx: the PKK measurement form
REVIEW = ("docx", "markdown")  # the draft Catatan Hasil Reviu
