"""Human views of records: the rich terminal view."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .records import Article

LABEL_STYLE = {"claim": "cyan", "denial": "bold red"}


def article_view(article: Article) -> Panel:
    """Actors, then each statement with speaker, label, quote type and its text."""
    actors = Table(title="Actors", title_justify="left", expand=True, show_lines=False)
    for col in ("id", "name", "type", "aliases"):
        actors.add_column(col, overflow="fold")
    for a in article.actors:
        actors.add_row(a.id, a.name, a.type, ", ".join(x for x in a.aliases if x != a.name))
    statements = Table(title="Statements", title_justify="left", expand=True, show_lines=True)
    statements.add_column("id", no_wrap=True)
    statements.add_column("speaker", ratio=1, overflow="fold")
    statements.add_column("label", no_wrap=True)
    statements.add_column("quote", no_wrap=True)
    statements.add_column("cue", no_wrap=True)
    statements.add_column("text", ratio=3, overflow="fold")
    for s in article.statements:
        speaker = Text("(article)", style="dim")
        if s.speaker is not None:
            actor = article.actor(s.speaker.actor)
            name = actor.name if actor is not None else s.speaker.text
            speaker = Text(name)
            if actor is not None and s.speaker.text and s.speaker.text != name:
                speaker.append(f" ({s.speaker.text})", style="dim")
        statements.add_row(
            s.id, speaker, Text(s.label, style=LABEL_STYLE[s.label]), s.quote,
            s.cue.text if s.cue else "", s.text,
        )
    title = article.doc_id or "article"
    subtitle = f"{len(article.actors)} actors, {len(article.statements)} statements"
    return Panel(Group(actors, statements), title=title, subtitle=subtitle, title_align="left")


def print_articles(articles, console: Console) -> int:
    n = 0
    for article in articles:
        console.print(article_view(article))
        n += 1
    return n
