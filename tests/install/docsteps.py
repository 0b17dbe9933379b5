"""The install document's steps, read from docs/install.md so the test cannot drift from it.

A step is an HTML comment (invisible on PyPI and GitHub) before fenced code blocks:

- `<!-- install: append PATH -->` then one block, appended to PATH in the site;
- `<!-- install: replace PATH -->` then two blocks: text of the stock file, and its
  replacement (the stock text must be there exactly once);
- `<!-- install: run -->` then one block of shell commands, one a line, run in the site.
"""

import re
from dataclasses import dataclass
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "install.md"
STEP = re.compile(r"<!-- install: (append|replace|run)(?: (\S+))? -->")
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```\n", re.S | re.M)


@dataclass
class Step:
    action: str
    path: str | None
    blocks: list[str]


def steps(text=None):
    text = DOC.read_text(encoding="utf-8") if text is None else text
    found = []
    for match in STEP.finditer(text):
        action, path = match.groups()
        wanted = 2 if action == "replace" else 1
        blocks = [fence.group(1) for fence in FENCE.finditer(text, match.end())][:wanted]
        assert len(blocks) == wanted, f"{match.group(0)}: {wanted} code block(s) expected"
        found.append(Step(action, path, blocks))
    return found


def apply_edits(site, all_steps):
    """Every file edit, in the document's order."""
    for step in all_steps:
        if step.action == "run":
            continue
        target = Path(site, step.path)
        text = target.read_text(encoding="utf-8")
        if step.action == "append":
            text = text.rstrip("\n") + "\n\n" + step.blocks[0]
        else:
            stock, replacement = step.blocks
            assert text.count(stock) == 1, f"{step.path} does not hold, once:\n{stock}"
            text = text.replace(stock, replacement)
        target.write_text(text, encoding="utf-8")


def commands(all_steps):
    """The shell commands of the `run` steps, in the document's order."""
    return [
        line
        for step in all_steps
        if step.action == "run"
        for line in step.blocks[0].splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
