"""Earnings-call report site generator: transcripts in, YAML summaries and a searchable site out.

The pipeline, one module a stage:

    read       source file  -> Document (decoded, cleaned, line-numbered)
    summarize  Document     -> Summary  (company, period, people, metrics, Q&A, quotes)
    store      Summary     <-> YAML     (validated load, deterministic dump, corrections merged)
    render     Summaries    -> Markdown pages (Jinja2 templates)
    build      the whole chain, then MkDocs and the search index
    cli        the command line (python -m generator --help)
"""

__version__ = "0.1.0"
