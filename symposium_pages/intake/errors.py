"""Why the intake refuses a file: one exception, a stable code and a message for the sender."""


class PaperRejected(Exception):
    """A file the intake will not take.

    `code` is a short English slug that callers and tests branch on (it never
    changes with the language); `message` is the translated sentence shown to
    the person who uploaded the file, and is what `str()` returns.
    """

    def __init__(self, code: str, message: str):
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return str(self.message)

    def __repr__(self) -> str:
        return f"PaperRejected({self.code!r}, {str(self.message)!r})"
