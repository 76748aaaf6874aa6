"""Reading claimlens's HTML back: well-formedness, the article text shown, and what is marked."""
from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "link", "input", "hr", "wbr"}


class Marked(HTMLParser):
    """Parses a page or fragment, asserting every element closes in order. Collects, per
    article (``div.claimlens``): the text shown in ``div.cl-text`` without the statement tags,
    the text inside each statement's marks (by id), speakers and cues (a mark that another
    crosses comes in pieces, joined here), actors and table rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.articles: list[dict] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()

    def _classes(self, attrs: dict[str, str]) -> set[str]:
        return set((attrs.get("class") or "").split())

    def _inside(self, cls: str) -> bool:
        return any(cls in self._classes(a) for _, a, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if "claimlens" in self._classes(a):
            self.articles.append({"text": [], "statements": defaultdict(str), "labels": {},
                                  "speakers": defaultdict(str), "cues": defaultdict(str),
                                  "actors": [], "rows": []})
        if tag not in VOID:
            self.stack.append((tag, a, []))

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, a, buf = self.stack.pop()
        assert open_tag == tag, f"<{open_tag}> closed by </{tag}>"
        classes = self._classes(a)
        text = "".join(buf)
        if not self.articles:
            return
        art = self.articles[-1]
        if "cl-statement" in classes:
            art["statements"][a["data-statement"]] += text
            art["labels"][a["data-statement"]] = a["data-label"]
        elif "cl-speaker" in classes:
            art["speakers"][a["data-statements"]] += text
        elif "cl-cue" in classes:
            art["cues"][a["data-statements"]] += text
        elif "cl-actor" in classes:
            art["actors"].append(a["data-actor"])
        elif tag == "tr" and "data-statement" in a:
            art["rows"].append(a["data-statement"])

    def handle_data(self, data):
        if self._inside("cl-text") and not self._inside("cl-tag"):
            self.articles[-1]["text"].append(data)
            for _, a, buf in self.stack:
                if self._classes(a) & {"cl-statement", "cl-speaker", "cl-cue"}:
                    buf.append(data)

    def close(self):
        super().close()
        assert not self.stack, f"unclosed: {[t for t, _, _ in self.stack]}"


def read_marks(markup: str) -> Marked:
    parser = Marked()
    parser.feed(markup)
    parser.close()
    for art in parser.articles:
        art["text"] = "".join(art["text"])
        art["speakers"] = list(art["speakers"].values())
        art["cues"] = list(art["cues"].values())
    return parser


def assert_shows(article, shown: dict) -> None:
    """The HTML of ``article`` shows its text unchanged and marks every statement, speaker and cue."""
    assert shown["text"] == article.text
    for s in article.statements:
        expected = "".join(p.text for p in s.parts) if s.parts else s.text
        assert shown["statements"][s.id] == expected, s.id
        assert shown["labels"][s.id] == s.label
        if s.speaker is not None and s.speaker.text:
            assert s.speaker.text in shown["speakers"]
        if s.cue is not None:
            assert s.cue.text in shown["cues"]
    assert shown["actors"] == [a.id for a in article.actors]
    assert shown["rows"] == [s.id for s in article.statements]
