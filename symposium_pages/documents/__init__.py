"""The printed documents: the booklet, the report on results, and their shared layout.

Plain modules built on python-docx, with no Django imports: the service in
`symposium_pages.printing` reads the database and hands them plain data, so
they can be tested and benchmarked alone.
"""
