"""The HTML view of records: the article with its statements highlighted, for notebooks
(:meth:`Article._repr_html_`) and for a page of many articles (:class:`HtmlPage`, which
``claimlens extract --format html`` writes; :func:`write_html` in Python).

The markup is self-contained: inline styles only (notebook front ends such as GitHub's drop
``<style>`` from cell output), no scripts, fonts, images or links outside the page, and every
piece of article text HTML-escaped. The text keeps its own line breaks (``white-space:
pre-wrap``), so what is shown is exactly ``article.text``, offset for offset.

Highlights are nested elements built in one pass over the sorted boundaries of every mark
(statements, or their parts when a cue splits them; speakers; cues; boilerplate sentences).
Statements can nest (a denial inside a reported claim); a mark that crosses another is closed
and reopened around it, so the markup is always well formed.
"""
from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import IO

from .records import Article, Statement

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"

# Statement kinds: a denial, a claim someone is reported to make, a claim of the article itself.
KINDS = ("denial", "reported", "own")
MARK = {
    "denial": "background:#fde2e1;border-bottom:2px solid #d92d20;",
    "reported": "background:#dbeafe;border-bottom:2px solid #2563eb;",
    "own": "background:#f1f5f9;border-bottom:1px solid #cbd5e1;",
}
TAG = {
    "denial": "background:#d92d20;color:#fff;",
    "reported": "background:#2563eb;color:#fff;",
    "own": "background:#e2e8f0;color:#475569;",
}
LEGEND = {"denial": "denial", "reported": "claim (reported)", "own": "claim (the article's own)"}
MARK_BASE = ("color:inherit;border-radius:3px;padding:0.1em 0.05em;"
             "-webkit-box-decoration-break:clone;box-decoration-break:clone;")
TAG_BASE = ("font-size:0.68em;font-weight:700;letter-spacing:0.03em;text-transform:uppercase;"
            "border-radius:3px;padding:0 0.3em;margin-left:0.3em;vertical-align:0.12em;white-space:nowrap;")
SPEAKER = "color:#6d28d9;font-weight:700;"
CUE = "color:#b45309;font-style:italic;text-decoration:underline dotted #b45309;text-underline-offset:0.2em;"
BOILERPLATE = "color:#98a2b3;"
WRAP = (f"font-family:{FONT};font-size:15px;line-height:1.75;color:#1f2937;background:#fff;max-width:62rem;"
        "border:1px solid #e4e7ec;border-radius:8px;padding:1rem 1.25rem;box-sizing:border-box;")
TEXT = "white-space:pre-wrap;overflow-wrap:anywhere;margin:0.6em 0;"
HEAD = "font-size:1.05em;font-weight:700;margin:0 0 0.2em;"
SUB = "color:#667085;font-size:0.9em;margin:0 0 0.5em;"
CHIP = ("display:inline-block;border:1px solid #d0d5dd;border-radius:999px;padding:0 0.55em;"
        "margin:0 0.3em 0.3em 0;font-size:0.85em;line-height:1.6;background:#fff;")
TABLE = "border-collapse:collapse;width:100%;font-size:0.88em;line-height:1.45;margin-top:0.4em;"
TH = "text-align:left;border-bottom:2px solid #d0d5dd;padding:0.3em 0.5em;background:#f9fafb;"
TD = "text-align:left;vertical-align:top;border-bottom:1px solid #eaecf0;padding:0.3em 0.5em;"
DIM = "color:#667085;"


def kind(statement: Statement) -> str:
    """``denial``, ``reported`` (a claim with a speaker or cue) or ``own`` (the article's claim)."""
    if statement.label == "denial":
        return "denial"
    return "own" if statement.speaker is None and statement.cue is None else "reported"


def _describe(article: Article, s: Statement) -> str:
    """The tooltip of a statement: id, label, act, quote type, speaker and cue."""
    bits = [f"{s.id} \u00b7 {s.label} ({s.act})",
            "the article's own" if s.quote == "none" else f"{s.quote} quote"]
    who = article.speaker_name(s)
    if who is not None:
        bits.append(f"speaker: {who}" + (f" ({s.speaker.actor})" if s.speaker.actor else ""))
    elif s.anonymous:
        bits.append("speaker: anonymous")
    if s.cue is not None:
        bits.append(f"cue: {s.cue.text}")
    return " \u00b7 ".join(bits)


@dataclass(eq=False)
class _Mark:
    """One highlighted stretch: the markup that opens it (first time, and again after a
    crossing mark closed it), closes it, and goes just before its final close."""

    start: int
    end: int
    rank: int
    """Among marks with the same span, lower ranks go outside."""
    opening: str
    reopening: str
    closing: str
    tail: str = ""
    opened: bool = field(default=False)


def _marks(article: Article, prefix: str) -> list[_Mark]:
    marks = [
        _Mark(s.start, s.end, 0, f'<span class="cl-boilerplate" style="{BOILERPLATE}">',
              f'<span class="cl-boilerplate" style="{BOILERPLATE}">', "</span>")
        for s in article.sentences if s.boilerplate
    ]
    roles: dict[tuple[str, int, int], list[str]] = {}
    for s in article.statements:
        k = kind(s)
        title = escape(_describe(article, s))
        pieces = [(p.start, p.end) for p in s.parts] or [(s.start, s.end)]
        style = MARK_BASE + MARK[k]
        attrs = f'class="cl-statement cl-{k}" data-statement="{escape(s.id)}" data-label="{escape(s.label)}"'
        tag = (f'<span class="cl-tag" style="{TAG_BASE}{TAG[k]}">{escape(s.id)}'
               f'{" " + escape(s.label) if k != "own" else ""}</span>')
        for i, (start, end) in enumerate(pieces):
            anchor = f' id="{prefix}-{escape(s.id)}"' if i == 0 else ""
            marks.append(_Mark(start, end, 1, f'<mark{anchor} {attrs} title="{title}" style="{style}">',
                               f'<mark {attrs} title="{title}" style="{style}">', "</mark>",
                               tag if i == len(pieces) - 1 else ""))
        if s.speaker is not None:
            roles.setdefault(("speaker", s.speaker.start, s.speaker.end), []).append(s.id)
        if s.cue is not None:
            roles.setdefault(("cue", s.cue.start, s.cue.end), []).append(s.id)
    speakers = {(s.speaker.start, s.speaker.end): s for s in article.statements if s.speaker is not None}
    for (role, start, end), ids in roles.items():
        if role == "speaker":
            who = article.speaker_name(speakers[start, end])
            title = escape(f"speaker of {', '.join(ids)}: {who}")
            style, rank = SPEAKER, 2
        else:
            title, style, rank = escape(f"cue of {', '.join(ids)}"), CUE, 3
        attrs = f'class="cl-{role}" data-statements="{escape(" ".join(ids))}"'
        marks.append(_Mark(start, end, rank, f'<span {attrs} title="{title}" style="{style}">',
                           f'<span {attrs} style="{style}">', "</span>"))
    return [m for m in marks if m.start < m.end]


def highlight(article: Article, prefix: str) -> str:
    """``article.text``, escaped, with every mark as nested elements."""
    text = article.text
    marks = _marks(article, prefix)
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0
    for b in bounds:
        out.append(escape(text[pos:b], quote=False))
        pos = b
        ending = [m for m in stack if m.end == b]
        reopen: list[_Mark] = []
        while ending:
            m = stack.pop()
            if m in ending:
                ending.remove(m)
                out.append(m.tail + m.closing)
            else:
                out.append(m.closing)
                reopen.append(m)
        for m in sorted(reopen + starts.get(b, []), key=lambda m: (-m.end, m.rank)):
            out.append(m.reopening if m.opened else m.opening)
            m.opened = True
            stack.append(m)
    return "".join(out)


def _legend() -> str:
    chips = [f'<mark style="{MARK_BASE}{MARK[k]}">{LEGEND[k]}</mark>' for k in KINDS]
    chips += [f'<span style="{SPEAKER}">speaker</span>', f'<span style="{CUE}">cue</span>',
              f'<span style="{BOILERPLATE}">site furniture</span>']
    return f'<div class="cl-legend" style="{SUB}">' + " &nbsp; ".join(chips) + "</div>"


def _actors(article: Article) -> str:
    if not article.actors:
        return f'<div class="cl-actors" style="{SUB}">No actors.</div>'
    chips = []
    for a in article.actors:
        aliases = ", ".join(x for x in a.aliases if x != a.name)
        title = escape(f"{a.id} \u00b7 {a.type}" + (f" \u00b7 also: {aliases}" if aliases else ""))
        chips.append(f'<span class="cl-actor" data-actor="{escape(a.id)}" title="{title}" style="{CHIP}">'
                     f'<span style="font-weight:700;">{escape(a.name)}</span> '
                     f'<span style="{DIM}">{escape(a.type)} \u00b7 '
                     f'{count(len(a.mentions), "mention")}</span></span>')
    return (f'<div class="cl-actors"><span style="{DIM}font-size:0.85em;margin-right:0.4em;">Actors</span>'
            + "".join(chips) + "</div>")


def _statements_table(article: Article, prefix: str, open_: bool) -> str:
    n = len(article.statements)
    rows = []
    for s in article.statements:
        k = kind(s)
        who, mention = article.speaker_name(s), article.speaker_mention(s)
        if who is None:
            speaker = f'<span style="{DIM}">{"anonymous" if s.anonymous else "(article)"}</span>'
        else:
            speaker = escape(who) + (f' <span style="{DIM}">({escape(mention)})</span>' if mention else "")
        label = f'<span style="{TAG_BASE}margin-left:0;{TAG[k]}">{escape(s.label)}</span>'
        link = f'<a href="#{prefix}-{escape(s.id)}" style="color:#2563eb;">{escape(s.id)}</a>'
        cells = [link, speaker, label,
                 escape(s.act), escape(s.quote), escape(s.cue.text) if s.cue else "",
                 escape(s.text, quote=False), f"{s.start}\u2013{s.end}"]
        rows.append(f'<tr data-statement="{escape(s.id)}">'
                    + "".join(f'<td style="{TD}">{c}</td>' for c in cells) + "</tr>")
    head = "".join(f'<th style="{TH}">{h}</th>'
                   for h in ("id", "speaker", "label", "act", "quote", "cue", "text", "offsets"))
    return (f'<details class="cl-statements"{" open" if open_ else ""} style="margin-top:0.6em;">'
            f'<summary style="cursor:pointer;font-weight:600;">Statements ({n})</summary>'
            f'<table style="{TABLE}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            '</details>')


def count(n: int, noun: str) -> str:
    """``n`` and the noun, in the plural unless ``n`` is 1: "1 actor", "3 denials"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary(article: Article) -> str:
    """The line under an article's title: "18 statements (3 denials), 13 actors"."""
    denials = sum(s.label == "denial" for s in article.statements)
    return (f"{count(len(article.statements), 'statement')} ({count(denials, 'denial')}), "
            f"{count(len(article.actors), 'actor')}")


def article_html(article: Article, *, prefix: str | None = None, table_open: bool = False) -> str:
    """One article as an HTML fragment: a heading, the legend, the actors, the highlighted text
    and the table of statements (folded unless ``table_open``). ``prefix`` makes the element ids
    unique on a page; by default it is derived from the article."""
    if prefix is None:
        prefix = "cl-" + hashlib.sha1(f"{article.doc_id}\0{article.text}".encode()).hexdigest()[:10]
    title = escape(article.doc_id) if article.doc_id else "article"
    return (f'<div class="claimlens" style="{WRAP}">'
            f'<div style="{HEAD}">{title}</div><div style="{SUB}">{summary(article)}</div>'
            f"{_legend()}{_actors(article)}"
            f'<div class="cl-text" style="{TEXT}">{highlight(article, prefix)}</div>'
            f"{_statements_table(article, prefix, table_open)}</div>")


PAGE_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimlens {version}">
<title>{title}</title>
</head>
<body style="margin:0;background:#f2f4f7;">
<main style="max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem;font-family:{font};color:#1f2937;">
<h1 style="font-size:1.4em;margin:0 0 0.2em;">{title}</h1>
<p style="margin:0 0 1.2em;color:#667085;">Statements highlighted in each article: who said what,
and whether it is a claim or a denial. Hover over a highlight for its speaker and cue.</p>
"""
SECTION = '<section id="{prefix}" style="margin:0 0 1.25rem;">{body}</section>\n'
PAGE_TAIL = """<footer style="color:#667085;font-size:0.9em;">{summary} \u00b7 claimlens {version}</footer>
</main>
</body>
</html>
"""


INDEX_ROW = ('<tr><td style="{td}"><a href="#{prefix}" style="color:#2563eb;">{title}</a></td>'
             '<td style="{td}">{statements}</td><td style="{td}">{denials}</td>'
             '<td style="{td}">{actors}</td></tr>')


class HtmlPage:
    """A self-contained page built piece by piece: ``head()``, then ``index()`` (a row per
    article and the inputs that failed), the sections, and ``tail()``. ``section(article)`` and
    ``failure(...)`` record what ``index()`` and ``tail()`` count, so the sections are made
    first and written after the index (:func:`write_html`, ``claimlens.sinks.HtmlSink``)."""

    def __init__(self, title: str = "claimlens report") -> None:
        self.title = title
        self.articles = self.statements = self.denials = 0
        self.rows: list[str] = []
        self.failures: list[tuple[str, str, str]] = []

    def head(self) -> str:
        from . import __version__

        return PAGE_HEAD.format(title=escape(self.title), font=FONT, version=escape(__version__))

    def section(self, article: Article) -> str:
        self.articles += 1
        denials = sum(s.label == "denial" for s in article.statements)
        self.statements += len(article.statements)
        self.denials += denials
        prefix = f"a{self.articles}"
        self.rows.append(INDEX_ROW.format(td=TD, prefix=prefix, title=escape(article.doc_id or "article"),
                                          statements=len(article.statements), denials=denials,
                                          actors=len(article.actors)))
        return SECTION.format(prefix=prefix, body=article_html(article, prefix=prefix, table_open=True))

    def failure(self, doc_id: str, code: str, message: str) -> None:
        """An input that has no article on the page: listed under the index with its error."""
        self.failures.append((doc_id, code, message))

    def index(self) -> str:
        head = "".join(f'<th style="{TH}">{h}</th>' for h in ("article", "statements", "denials", "actors"))
        out = [(f'<nav class="cl-index" style="{WRAP}margin-bottom:1.25rem;">'
                f'<div style="{HEAD}">{count(self.articles, "article")}</div>'
                f'<table style="{TABLE}"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(self.rows)}</tbody></table>')]
        if self.failures:
            rows = "".join(f'<tr><td style="{TD}">{escape(d)}</td><td style="{TD}">{escape(c)}</td>'
                           f'<td style="{TD}">{escape(m)}</td></tr>' for d, c, m in self.failures)
            heads = "".join(f'<th style="{TH}">{h}</th>' for h in ("input", "code", "error"))
            out.append(f'<div class="cl-failures"><div style="{HEAD}margin-top:0.8em;">'
                       f'{count(len(self.failures), "input")} failed</div>'
                       f'<table style="{TABLE}"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody>'
                       '</table></div>')
        return "".join(out) + "</nav>\n"

    def tail(self) -> str:
        from . import __version__

        summary = (f"{count(self.articles, 'article')}, {count(self.statements, 'statement')}, "
                   f"{count(self.denials, 'denial')}")
        if self.failures:
            summary += f", {count(len(self.failures), 'failed input')}"
        return PAGE_TAIL.format(summary=summary, version=escape(__version__))


def write_html(articles: Iterable[Article], out: IO[str], title: str = "claimlens report") -> int:
    """One self-contained HTML page for all ``articles`` (an index, then each article, kept in a
    temporary file until the index is known); returns how many articles the page holds."""
    page = HtmlPage(title)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as sections:
        for article in articles:
            sections.write(page.section(article))
        out.write(page.head() + page.index())
        sections.seek(0)
        shutil.copyfileobj(sections, out)
    out.write(page.tail())
    out.flush()
    return page.articles
