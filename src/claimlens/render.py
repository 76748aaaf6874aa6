"""Human views of records: the rich terminal view."""
from __future__ import annotations

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .htmlview import summary
from .records import Article, Statement

LABEL_STYLE = {"claim": "cyan", "denial": "bold red"}


def _speaker(article: Article, s: Statement) -> Text:
    """Who said it: the actor's name, with the words of this mention when they add something
    ("he", "the spokesman"); dim for the article's own statements and unnamed sources."""
    who = article.speaker_name(s)
    if who is None:
        return Text("anonymous" if s.anonymous else "(article)", style="dim")
    speaker = Text(who, style="bold")
    mention = article.speaker_mention(s)
    if mention is not None:
        speaker.append(f"\n{mention}", style="dim")
    return speaker


def article_view(article: Article) -> Panel:
    """Actors, then each statement with speaker, label, quote type (unless the article's own), cue
    and text (the parts of a quote its cue splits joined by an ellipsis); laid out to read on an
    80-column terminal as on a wide one."""
    actors = Table(title="Actors", title_justify="left", title_style="bold", expand=True, box=box.SIMPLE_HEAD,
                   pad_edge=False)
    actors.add_column("id", no_wrap=True, style="dim")
    actors.add_column("name", ratio=2)
    actors.add_column("type", no_wrap=True)
    actors.add_column("also written", ratio=3, style="dim")
    for a in article.actors:  # every cell a Text: article text is never read as rich markup
        also = ", ".join(x for x in a.aliases if x != a.name)
        actors.add_row(Text(a.id), Text(a.name), Text(a.type), Text(also))
    statements = Table(title="Statements", title_justify="left", title_style="bold", expand=True,
                       box=box.SIMPLE_HEAD, pad_edge=False, show_lines=True)
    statements.add_column("id", no_wrap=True, style="dim")
    statements.add_column("speaker", ratio=2, min_width=12)
    statements.add_column("label", no_wrap=True)
    statements.add_column("cue", no_wrap=True, style="italic")
    statements.add_column("text", ratio=5)
    for s in article.statements:
        label = Text(s.label, style=LABEL_STYLE[s.label])
        if s.quote != "none":
            label.append(f"\n{s.quote}", style="dim")
        text = " \u2026 ".join(p.text for p in s.parts) if s.parts else s.text
        cue = Text(s.cue.text if s.cue else "")
        statements.add_row(Text(s.id), _speaker(article, s), label, cue, Text(text))
    return Panel(Group(actors, statements), title=Text(article.doc_id or "article"),
                 subtitle=summary(article), title_align="left", subtitle_align="right")
