"""The record contract (schema 1.0): frozen dataclasses, their dicts, and the JSON Schema.

This is the only module that knows the shape of the output. Stages produce plain data on the
``Doc`` (``doc._.claimlens``, see :mod:`claimlens.components`); :func:`Article.from_dict`
turns that, or a line of claimlens JSON Lines output, back into records.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from .resources import read_text

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Span:
    """A stretch of the article: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(d["start"], d["end"], d["text"])


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    boilerplate: bool = False
    """True for site furniture (navigation, captions, bylines, share buttons, footers)."""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "boilerplate": self.boilerplate}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(d["start"], d["end"], d["text"], d.get("boilerplate", False))


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    roles: tuple[str, ...] = ()
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": list(self.roles),
            "affiliation": self.affiliation,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            d["id"], d["name"], d["type"], tuple(d.get("aliases", ())),
            tuple(Span.from_dict(m) for m in d.get("mentions", ())),
            tuple(d.get("roles", ())), d.get("affiliation"),
        )


@dataclass(frozen=True)
class Speaker:
    """Who said it: ``actor`` is the resolved actor id (or None), the span is the mention here."""

    actor: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(d.get("actor"), d["text"], d["start"], d["end"])


@dataclass(frozen=True)
class Evidence:
    """Why the statement is what it is: the attribution rule, its confidence, what set the label."""

    rule: str
    confidence: float
    label_rule: str = "default"

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "confidence": self.confidence, "label_rule": self.label_rule}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d["rule"], d["confidence"], d.get("label_rule", "default"))


@dataclass(frozen=True)
class Statement:
    id: str
    start: int
    end: int
    text: str
    label: str
    quote: str
    speaker: Speaker | None
    cue: Span | None
    act: str
    evidence: Evidence
    sentence: int
    """Index into ``Article.sentences`` of the sentence the statement starts in."""
    parts: tuple[Span, ...] = ()
    anonymous: bool = False
    targets: tuple[str, ...] = ()
    refutes: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "act": self.act,
            "quote": self.quote,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "anonymous": self.anonymous,
            "targets": list(self.targets),
            "refutes": self.refutes,
            "sentence": self.sentence,
            "evidence": self.evidence.to_dict(),
        }
        if self.parts:
            d["parts"] = [p.to_dict() for p in self.parts]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(
            id=d["id"], start=d["start"], end=d["end"], text=d["text"], label=d["label"],
            quote=d["quote"],
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            act=d.get("act", "assert"),
            evidence=Evidence.from_dict(d.get("evidence") or {"rule": "unknown", "confidence": 0.0}),
            sentence=d.get("sentence", 0),
            parts=tuple(Span.from_dict(p) for p in d.get("parts") or ()),
            anonymous=d.get("anonymous", False),
            targets=tuple(d.get("targets", ())),
            refutes=d.get("refutes"),
        )


@dataclass(frozen=True)
class Article:
    """One analysed article: its text, sentences, actors and statements."""

    doc_id: str
    text: str
    sentences: tuple[Sentence, ...]
    actors: tuple[Actor, ...]
    statements: tuple[Statement, ...]
    schema_version: str = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Further top-level fields of the record (reading details such as the encoding)."""

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None (a lookup, not a scan: views ask once per statement)."""
        return self._actors_by_id.get(actor_id) if actor_id is not None else None

    def speaker_name(self, statement: Statement) -> str | None:
        """Who made ``statement``: its actor's name, else the words naming the speaker, else
        None (the article's own statement, or an unnamed source)."""
        if statement.speaker is None:
            return None
        actor = self.actor(statement.speaker.actor)
        return actor.name if actor is not None else (statement.speaker.text or None)

    def speaker_mention(self, statement: Statement) -> str | None:
        """The words naming the speaker here when they say more than :meth:`speaker_name` ("He",
        "the spokesman", "The city council of Lakeport"); None when they only repeat the name or a
        form of it ("Ortiz", "Its spokesman, Daniel Ortiz")."""
        who = self.speaker_name(statement)
        mention = statement.speaker.text if statement.speaker is not None else ""
        if not mention or who is None or who in mention:
            return None
        actor = self.actor(statement.speaker.actor)
        return None if actor is not None and mention in actor.aliases else mention

    def _repr_html_(self) -> str:
        """The article with its statements highlighted (Jupyter and other notebooks)."""
        from .htmlview import article_html

        return article_html(self)

    def to_dataframe(self):
        """A ``pandas.DataFrame``, one row per statement (see :func:`claimlens.to_dataframe`)."""
        from .frames import to_dataframe

        return to_dataframe([self])

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "doc_id": self.doc_id,
            "actors": [a.to_dict() for a in self.actors],
            "statements": [s.to_dict() for s in self.statements],
            "sentences": [s.to_dict() for s in self.sentences],
            "text": self.text,
            **self.extra,
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_doc(cls, doc: Any, doc_id: str = "") -> Article:
        """The article of a spaCy ``Doc`` that went through the ``claimlens`` component."""
        from spacy.tokens import Doc

        data = doc._.claimlens if Doc.has_extension("claimlens") else None
        if data is None:
            from .errors import ClaimlensError

            raise ClaimlensError("CL011", "doc._.claimlens is not set")
        text = doc.text
        return cls.from_dict({**data, "doc_id": doc_id, "text": text, "text_sha256": text_sha256(text)})

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        known = {"schema_version", "doc_id", "actors", "statements", "sentences", "text"}
        return cls(
            doc_id=d.get("doc_id", ""),
            text=d.get("text", ""),
            sentences=tuple(Sentence.from_dict(s) for s in d.get("sentences", ())),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors", ())),
            statements=tuple(Statement.from_dict(s) for s in d.get("statements", ())),
            schema_version=d.get("schema_version", SCHEMA_VERSION),
            extra={k: v for k, v in d.items() if k not in known},
        )


def text_sha256(text: str) -> str:
    """The record's ``text_sha256``: the hex SHA-256 of the analysed text's UTF-8 bytes (what
    ``--resume`` compares to tell a finished document from a changed one)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record, as shipped in the package."""
    return json.loads(read_text("record.schema.json"))


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def merge_data(parts: list[tuple[int, dict[str, Any]]], text: str) -> dict[str, Any]:
    """The record data of ``text`` from the data of its consecutive pieces, each given with the
    offset where its piece starts (see :func:`document_data`): offsets shifted, every span's text
    taken from ``text`` (so a piece may have been analysed in a same-length form), sentence
    indices and statement ids continued, and an actor of a later piece merged into the earlier
    actor of the same type and name."""
    actors: list[dict[str, Any]] = []
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    statements: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    for offset, data in parts:
        def span(d: dict[str, Any], offset: int = offset) -> dict[str, Any]:
            return _span(text, d["start"] + offset, d["end"] + offset)

        ids: dict[str, str] = {}
        created: list[dict[str, Any]] = []
        affiliations: list[tuple[dict[str, Any], str]] = []  # (actor, its affiliation's id in this piece)
        for a in data["actors"]:
            known = by_name.get((a["type"], a["name"]))
            mentions = [span(m) for m in a["mentions"]]
            if known is None:
                known = {**a, "id": f"A{len(actors) + 1}", "aliases": list(a["aliases"]),
                         "mentions": mentions, "roles": list(a.get("roles", ())), "affiliation": None}
                actors.append(known)
                created.append(known)
            else:
                known["aliases"] += [x for x in a["aliases"] if x not in known["aliases"]]
                known["roles"] += [r for r in a.get("roles", ()) if r not in known["roles"]]
                known["mentions"] += mentions
            if a.get("affiliation") is not None and known["affiliation"] is None:
                affiliations.append((known, a["affiliation"]))
            ids[a["id"]] = known["id"]
        for actor, local in affiliations:
            actor["affiliation"] = ids.get(local)
        by_name.update(((a["type"], a["name"]), a) for a in created)  # no merging within a piece
        sids = {s["id"]: f"S{len(statements) + i}" for i, s in enumerate(data["statements"], 1)}
        for s in data["statements"]:
            speaker = s["speaker"]
            statement = {
                **s, **span(s), "id": sids[s["id"]],
                "speaker": None if speaker is None else {"actor": ids.get(speaker["actor"]), **span(speaker)},
                "cue": None if s["cue"] is None else span(s["cue"]),
                "targets": [ids[t] for t in s.get("targets", ())],
                "refutes": sids.get(s["refutes"]) if s.get("refutes") is not None else None,
                "sentence": s.get("sentence", 0) + len(sentences),
            }
            if "parts" in s:
                statement["parts"] = [span(p) for p in s["parts"]]
            statements.append(statement)
        sentences += [{**span(s), "boilerplate": s["boilerplate"]} for s in data["sentences"]]
    return {"schema_version": SCHEMA_VERSION, "actors": actors, "statements": statements,
            "sentences": sentences}


def document_data(
    doc: Any, segments: list[Any], actors: list[Any], drafts: list[Any], text: str | None = None
) -> dict[str, Any]:
    """The record of one parsed document as plain data (JSON types only), without ``doc_id``.

    ``segments``, ``actors`` and ``drafts`` are what the segment, actors, attribution and stance
    stages computed; this is where their results take the shape of the contract. ``text`` is
    ``doc.text`` when the caller has it.
    """
    text = doc.text if text is None else text
    ids = {id(d): f"S{i}" for i, d in enumerate(drafts, 1)}
    statements = []
    for d in drafts:
        speaker = None
        if d.speaker is not None or d.actor is not None:
            sp = d.speaker
            speaker = {"actor": d.actor.id if d.actor is not None else None,
                       **(_span(text, sp.start_char, sp.end_char) if sp is not None else
                          {"start": d.start, "end": d.start, "text": ""})}
        s = {
            "id": ids[id(d)],
            **_span(text, d.start, d.end),
            "label": d.label,
            "act": d.act,
            "quote": d.quote,
            "speaker": speaker,
            "cue": _span(text, d.cue.start_char, d.cue.end_char) if d.cue is not None else None,
            "anonymous": d.anonymous,
            "targets": [a.id for a in d.targets],
            "refutes": ids.get(id(d.refutes)) if d.refutes is not None else None,
            "sentence": d.sent,
            "evidence": {"rule": d.rule, "confidence": d.confidence, "label_rule": d.label_rule},
        }
        if len(d.parts) > 1:
            s["parts"] = [_span(text, a, b) for a, b in d.parts]
        statements.append(s)
    return {
        "schema_version": SCHEMA_VERSION,
        "actors": [
            {"id": a.id, "name": a.name, "type": a.type, "aliases": a.aliases,
             "mentions": [_span(text, m.start, m.end) for m in a.mentions],
             "roles": list(a.roles), "affiliation": a.affiliation}
            for a in actors
        ],
        "statements": statements,
        "sentences": [{**_span(text, s.start, s.end), "boilerplate": s.boilerplate is not None}
                      for s in segments],
    }
