"""Speakers: the actor each speaker mention refers to, the one place for every "mention → actor"
decision. The attribution stage finds cues, contents and speaker mentions; it hands each mention
(and the whole name phrase it stands for) to :meth:`Speakers.resolve`:

- a relative pronoun ("X, who said") to its antecedent;
- a personal pronoun to the nearest antecedent of its number, gender (titles, gendered nouns and
  the pronouns used of each person in the article) and animacy within a few sentences,
  preferring the previous statement's speaker and sentence subjects; "they" also to people
  named together ("X and Y") or to a plural subject just before ("The officers ... They said");
- a name to its actor, also a surname or name the entity recognizer missed here;
- a message or document to its author: its possessor, a by-phrase, where it was published, the
  author of the last message of that name, the last statement's speaker ("the statement said"),
  or the outlet the text names as a story's source;
- a description ("the spokesman", "the ministry", "the kingdom") to the actor the text gave that
  role, word or kind (:func:`claimlens.descriptions.resolve_description`);
- an unnamed member to the body the text names ("a court clerk" → the court, "several
  senators" → the Senate; :func:`claimlens.descriptions.resolve_body`), and unnamed officials
  to the body acting in the clause they comment on ("X banned the flights, with officials
  saying ...").

Unnamed sources tied to no body ("a source", "officials") are anonymous
(:meth:`Speakers.anonymous`); a subject that says no one spoke ("nobody said") makes no statement
(:func:`nobody`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Protocol

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from .actors import ActorDraft, ActorTable, Mention
from .actorwords import lexicon
from .columns import columns
from .countries import capital_of, fold
from .descriptions import outlets, press_origin, resolve_body, resolve_description
from .resources import given_names
from .segment import Segment
from .syntax import name_phrase, subject_of

if TYPE_CHECKING:
    from .drafts import Draft

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
GROUP_PRONOUNS = {"it", "its", "itself", "they", "them", "their", "themselves"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
POSSESSIVES = {"his", "her", "its", "their"}
FIRST_PERSON = {"i", "we", "me", "us", "you"}
NOBODY = {"nobody", "none", "nothing", "no-one", "noone"}
INDEFINITE = {"a", "an", "another", "other", "some", "any", "one", "several", "many"}
DEFINITE = {"the", "this", "that", "these", "those"}
LOCATIVE = {"in", "at", "on", "near", "inside", "outside", "during"}
ANTECEDENT_WINDOW = 4
"""How many sentences back a pronoun looks for a named antecedent before falling back."""


class Stage(Protocol):
    """What the resolver reads from the attribution stage that feeds it."""

    doc: Doc
    segments: list[Segment]
    table: ActorTable
    words: dict[str, frozenset[str]]
    drafts: list[Draft]
    """Attributed statements found so far, in the order of their cues."""

    def word(self, cls: str, token: Token) -> bool: ...

    def inside_quote(self, token: Token) -> bool: ...

    def sentence_of(self, char: int) -> int: ...


class Speakers:
    """The speaker resolution of one document: its indexes are built once, in linear time."""

    def __init__(self, stage: Stage) -> None:
        self.doc, self.segments, self.table, self.words = stage.doc, stage.segments, stage.table, stage.words
        self.drafts = stage.drafts
        self.word, self.inside_quote, self.sentence_of = stage.word, stage.inside_quote, stage.sentence_of
        mentions = sorted(
            ((m.token_start, m.token_end, a) for a in self.table.actors for m in a.mentions), key=lambda m: m[:2]
        )
        self._mentions = mentions
        self._mention_starts = [m[0] for m in mentions]
        self.gender = self._genders()
        self.names: dict[str, ActorDraft] = {}
        """Folded names and surnames of the actors, for names the entity recognizer missed."""
        for actor in self.table.actors:
            for alias in {actor.name, *actor.aliases}:
                self.names.setdefault(fold(alias), actor)
            if actor.type == "PERSON" and " " in actor.name:
                self.names.setdefault(fold(actor.name.split()[-1]), actor)

    def resolve(self, mention: Token, phrase: Span, depth: int = 0) -> ActorDraft | None:
        """The actor a speaker mention refers to: a relative pronoun's antecedent, a personal
        pronoun's nearest compatible antecedent, the author of a message, or the actor the name
        phrase names."""
        word = mention.lower_
        if word in RELATIVE_PRONOUNS and mention.head.dep_ == "relcl" and mention.head.head.i != mention.i:
            antecedent = mention.head.head
            return self.resolve(antecedent, name_phrase(antecedent), depth)
        if word in PRONOUN_GENDER:
            return self.antecedent(mention, True, PRONOUN_GENDER[word])
        if word in GROUP_PRONOUNS:
            return self.antecedent(mention, False, None, plural=word in PLURAL_PRONOUNS)
        if word in FIRST_PERSON:
            return None
        table = self.table
        actor = table.actor_at(mention.i)
        if actor is not None:
            return actor
        for child in mention.children:
            if child.dep_ == "appos" and table.actor_at(child.i) is not None:
                return table.actor_at(child.i)
        if self.is_message(mention):
            author = self.message_author(mention, depth)
            if author is not None:
                return author
        said = self.originator(mention, depth)
        if said is not None:
            return said
        if mention.pos_ == "NOUN" or _titled_description(mention):
            # a description whose head is a role or a kind of body: "the foreign ministry spokesman"
            # is the person with that role, not the ministry named in it; "a protester" is someone new;
            # "The Governor" written with a capital is one too
            described = resolve_description(table, mention.i, people=not _indefinite(mention))
            if described is not None:
                return described
            earlier = self.earlier_speaker(mention)
            if earlier is not None:
                return earlier
        # names in the phrase, less places it is set in ("ministers in Geneva")
        where = {t.i for c in phrase if c.dep_ == "prep" and c.lower_ in LOCATIVE for t in c.subtree}
        for head in (mention, *(c for c in mention.children if c.dep_ == "conj")):
            where |= press_origin(table, head)  # "(Gulf and) UK media outlets": where they are from
        found = [a for i in range(phrase.start, phrase.end) if i not in where
                 for a in [table.actor_at(i)] if a is not None]
        people = [a for a in found if a.type == "PERSON"]
        heads = [table.actor_at(t.i) for t in phrase if t.i not in where and t.dep_ != "amod"
                 and table.actor_at(t.i) is not None]  # "Dutch banks including Rabobank": Rabobank
        if found:
            return (people or heads or found)[0]
        if self.word("agent", mention):  # "officials in Tehran": the government seated there
            seats = [capital_of(phrase.doc[i].text) for i in sorted(where) if phrase.doc[i].pos_ == "PROPN"]
            seated = next((a for name in seats if name for a in table.actors
                           if a.type == "GPE" and a.name == name), None)
            if seated is not None:
                return seated
        # a name the entity recognizer missed here but found elsewhere ("Okafor said", "the Sentinel")
        names = [t for t in phrase if t.pos_ == "PROPN" and t.i not in where]
        if names:
            whole = fold(phrase.doc[names[0].i : names[-1].i + 1].text)
            named = self.names.get(whole) or self.names.get(fold(names[-1].text))
            if named is not None:
                return named
        # an unnamed member of a body the text names: "a court clerk", "a number of senators", "a
        # spokesman for the ministry" (not a body it speaks to: "her letter to the court")
        if not any(c.dep_ == "poss" for c in mention.lefts):
            for t in phrase:
                if t.i not in where and t.pos_ in ("NOUN", "PROPN") and _member_word(t, mention):
                    body = resolve_body(table, t.i)
                    if body is not None:
                        return body
        # one who speaks for whom a possessive pronoun stands for: "his spokesman", "its spokeswoman"
        owner = next((c for c in mention.lefts if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
        if owner is not None and self.word("agent", mention) and depth < 2:
            actor = self.resolve(owner, mention.doc[owner.i : owner.i + 1], depth + 1)
            if actor is not None:
                return actor
        return _body_agents(self, mention) or self.described(mention, phrase)

    def originator(self, mention: Token, depth: int) -> ActorDraft | None:
        """Whoever said the words a description names as its own ("the source of the quote", "the
        author of the remarks"): the quote's speaker, the last quoted before it; a message's author."""
        if not self.word("originator", mention):
            return None
        of = next((c for c in mention.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        words = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if words is None or not self.is_message(words):
            return None
        if self.word("quotation", words):
            quoted = next((d for d in reversed(self.drafts) if d.start < words.idx and d.quote == "direct"
                           and d.speaker is not None), None)
            return quoted.actor if quoted is not None else None
        return self.message_author(words, depth)

    def described(self, mention: Token, phrase: Span) -> ActorDraft | None:
        """A person the text describes without naming, by a role and what it is the role of ("the head
        of the internal inquiry", "the chief executive of the state lottery"): an actor of its own,
        so that the pronouns and descriptions that refer back to it find it. Not an unnamed source
        ("the official"), a bare title ("the president", someone the text has not named), or a
        plural."""
        lex = lexicon()
        if (
            mention.pos_ != "NOUN"
            or mention.tag_ != "NN"
            or mention.lemma_.lower() not in lex.titles
            or self.word("anonymous", mention)
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in mention.lefts)
            or not any(c.dep_ == "prep" and c.lower_ in ("of", "at") for c in mention.rights)
            or self.inside_quote(mention)
        ):
            return None
        start = phrase.start + 1 if phrase[0].dep_ == "det" else phrase.start
        name = self.doc[start : phrase.end].text
        return self._new_actor(phrase, name, "PERSON", "described", [name.lower()])

    def _new_actor(self, span: Span, name: str, kind: str, key: str, roles: list[str]) -> ActorDraft:
        """An actor the speaker stage adds to the table, with ``span`` as its one mention."""
        ids = {a.id for a in self.table.actors}
        n = len(self.table.actors) + 1
        while f"A{n}" in ids:
            n += 1
        actor = ActorDraft(f"A{n}", name, kind, f"{key}:{fold(name)}", roles=roles)
        self.table.actors.append(actor)
        self.names.setdefault(fold(name), actor)
        self._add_mention(actor, span, key)
        return actor

    def _add_mention(self, actor: ActorDraft, span: Span, key: str) -> None:
        actor.mentions.append(Mention(span.start_char, span.end_char, span.text, key.upper(), span.start, span.end))
        actor.mentions.sort(key=lambda m: m.start)
        self.table._index()
        k = bisect.bisect_left(self._mention_starts, span.start)
        self._mentions.insert(k, (span.start, span.end, actor))
        self._mention_starts.insert(k, span.start)

    def anonymous(self, mention: Token, actor: ActorDraft | None) -> bool:
        """An unnamed source: "a source", "officials", "two people familiar with ..."."""
        if actor is not None or mention.pos_ != "NOUN" or not self.word("anonymous", mention):
            return False
        return not any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in mention.lefts)

    def is_message(self, token: Token) -> bool:
        """A noun of a message or document ("statement", "report")."""
        return self.word("communication", token) or self.word("document", token)

    def previous_speaker(self, char: int) -> Draft | None:
        """The last statement before ``char`` whose speaker is named in the text."""
        for d in reversed(self.drafts):
            if d.start < char and d.speaker is not None:
                return d
        return None

    def earlier_speaker(self, mention: Token) -> ActorDraft | None:
        """The actor of a recent statement whose speaker the definite description names again: "a
        Chilean official said ... according to the official" (the official is the earlier one's)."""
        lemma = mention.lemma_.lower()
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in mention.lefts) or not (
            lemma in lexicon().titles or self.word("anonymous", mention)
        ):
            return None  # a person described again, not a document or a thing ("the report", "the casinos")
        here = self.sentence_of(mention.idx)
        for d in reversed(self.drafts):
            if d.speaker is None or d.speaker.start >= mention.i:
                continue
            if here - self.sentence_of(d.speaker.start_char) > ANTECEDENT_WINDOW:
                break
            if d.speaker.root.lemma_.lower() == lemma and d.speaker.root.i != mention.i:
                return d.actor
        return None

    def antecedent(
        self, token: Token, person: bool, gender: str | None, plural: bool = False
    ) -> ActorDraft | None:
        """The actor a pronoun refers to: the nearest compatible name in the last sentences,
        preferring the previous statement's speaker and sentence subjects. When the previous
        speaker is a description no actor was found for ("the spokesman"), the pronoun shares it.
        A plural pronoun ("they") may also refer to people named together ("X and Y"): to the
        first of them."""
        last = self.previous_speaker(token.idx)
        here = self.sentence_of(token.idx)
        floor = self.segments[max(0, here - ANTECEDENT_WINDOW)].span.start if self.segments else 0
        best, best_score = None, None
        if last is not None and self._fits(last.actor, person, gender, last.speaker):
            best = last.actor
            best_score = 2.5 - (here - self.sentence_of(last.speaker.start_char))
        i = bisect.bisect_left(self._mention_starts, token.i) - 1
        while i >= 0 and self._mentions[i][0] >= floor:
            _, end, actor = self._mentions[i]
            i -= 1
            head = self.doc[end - 1]
            group = plural and _coordinated(head)
            if not group and not self._fits(actor, person, gender):
                continue
            if head.dep_ in ("amod", "compound") and head.head.i >= end:
                continue  # a name used as a modifier ("Chilean senators") is not an antecedent
            if _in_participle_of(head, token) or self._name_line(head):
                continue
            score = -(here - self.sentence_of(head.idx)) + (1 if group else 0)
            score += 1.5 if last is not None and last.actor is actor else 0
            score += 1 if head.dep_ in ("nsubj", "nsubjpass") else 0
            score -= 1 if self.inside_quote(head) else 0
            if best_score is None or score > best_score:
                best, best_score = actor, score
        if plural:
            # "The officers ... They said": a plural subject that names no one, in this sentence or
            # the one before, is nearer than any name
            group = self._plural_subject(token, here)
            nearer = group is not None and 1 - (here - self.sentence_of(group.idx))
            if group is not None and (best_score is None or nearer > best_score):
                return resolve_description(self.table, group.i)
        if best_score is not None:
            return best
        i = bisect.bisect_left(self._mention_starts, token.i) - 1
        while i >= 0:
            _, end, actor = self._mentions[i]
            if (self._fits(actor, person, gender) or (plural and _coordinated(self.doc[end - 1]))) and (
                    not self._name_line(self.doc[end - 1])):
                return actor
            i -= 1
        return None

    def _name_line(self, head: Token) -> bool:
        """A name on a line of its own ("Jane Doe." signing a letter, a byline): no antecedent of
        the text's pronouns."""
        if not self.segments:
            return False
        span, doc = self.segments[self.sentence_of(head.idx)].span, self.doc
        opens = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
        closes = span.end == len(doc) or "\n" in doc[span.end - 1].whitespace_ + doc[span.end].text
        if not (opens and closes):
            return False
        punct, space = columns(doc).is_punct, columns(doc).is_space
        words = [i for i in range(span.start, span.end) if not (punct[i] or space[i])]
        return all(self.table.actor_at(i) is self.table.actor_at(head.i) for i in words)

    def _fits(
        self, actor: ActorDraft | None, person: bool, gender: str | None, mention: Span | None = None
    ) -> bool:
        """Can a pronoun of this animacy and gender refer to ``actor`` (or, unresolved, to ``mention``)?"""
        if actor is None:
            if mention is None or mention.root.pos_ not in ("NOUN", "PROPN"):
                return False
            root = mention.root
            thing = self.word("document", root) or self.word("communication", root)
            plural = root.tag_ in ("NNS", "NNPS")
            if person:
                own = "m" if self.word("male", root) else "f" if self.word("female", root) else None
                return not thing and not plural and (gender is None or own in (None, gender))
            return thing or plural
        if person:
            return actor.type == "PERSON" and (gender is None or self.gender.get(actor.id, gender) == gender)
        return actor.type != "PERSON"

    def _plural_subject(self, token: Token, here: int) -> Token | None:
        """The last plural common noun subject before ``token`` in its sentence or the one before."""
        lo = self.segments[max(0, here - 1)].span.start if self.segments else 0
        for t in reversed(self.doc[lo : token.i]):
            if (
                t.dep_ in ("nsubj", "nsubjpass")
                and t.tag_ == "NNS"
                and self.table.actor_at(t.i) is None
                and not self.inside_quote(t)
            ):
                return t
        return None

    def _genders(self) -> dict[str, str]:
        """Gender of person actors from titles and gendered nouns by their names, their given name
        (``models/given_names.tsv``, a weaker vote), and from the pronouns of sentences that name
        one person only."""
        doc, votes = self.doc, {}
        male, female = self.words.get("male", frozenset()), self.words.get("female", frozenset())

        def vote(actor: ActorDraft, word: str, weight: int) -> None:
            if word in male or word in female:
                v = votes.setdefault(actor.id, [0, 0])
                v[0 if word in male else 1] += weight

        cols = columns(doc)  # the words around each mention read by index, not as Tokens
        dep = cols.dep
        names = given_names()
        for actor in {a.id: a for _, _, a in self._mentions if a.type == "PERSON"}.values():
            words = actor.name.split()
            given = names.get(words[0].lower()) if len(words) > 1 else None
            if given is not None:  # the given name: one weak vote, under titles and pronouns
                votes.setdefault(actor.id, [0, 0])[0 if given == "m" else 1] += 2
        for start, end, actor in self._mentions:
            if actor.type != "PERSON":
                continue
            if start > 0:
                vote(actor, cols.lower[start - 1], 3)
            head = end - 1
            for t in (cols.head[head], *cols.children(head)):
                if dep[t] in ("appos", "compound") or dep[head] in ("appos", "compound"):
                    vote(actor, cols.lemma[t], 3)
        # a gendered pronoun votes for the person last named as a subject, in its sentence or the one before
        subject: tuple[ActorDraft, int] | None = None
        by_token = {m[1] - 1: m[2] for m in self._mentions if m[2].type == "PERSON"}
        # only the names and the gendered pronouns matter: find them in the array of lower forms
        lower = doc.to_array(LOWER)
        gendered = np.isin(lower, np.array([doc.vocab.strings[w] for w in PRONOUN_GENDER], dtype=np.uint64))
        seg_starts = [seg.span.start for seg in self.segments]
        for i in sorted(set(np.flatnonzero(gendered).tolist()) | set(by_token)):
            si = bisect.bisect_right(seg_starts, i) - 1
            if si < 0 or i >= self.segments[si].span.end:
                continue
            t = doc[i]
            actor = by_token.get(i)
            if actor is not None and t.dep_ in ("nsubj", "nsubjpass") and not self.inside_quote(t):
                subject = (actor, si)
            elif (
                t.lower_ in PRONOUN_GENDER
                and subject is not None
                and si - subject[1] <= 1
                and t.dep_ in ("nsubj", "nsubjpass", "poss")
                and not self.inside_quote(t)
            ):
                vote(subject[0], t.lower_, 1)
        k = 0
        for seg in self.segments:
            persons: dict[str, ActorDraft] = {}
            pronouns = []
            while k < len(self._mentions) and self._mentions[k][0] < seg.span.end:
                if self._mentions[k][0] >= seg.span.start and self._mentions[k][2].type == "PERSON":
                    persons[self._mentions[k][2].id] = self._mentions[k][2]
                k += 1
            if len(persons) != 1:
                continue
            words = columns(doc).lower
            for i in range(seg.span.start, seg.span.end):
                if words[i] in PRONOUN_GENDER and not self.inside_quote(doc[i]) and not self._owner_of_role(i, persons):
                    pronouns.append(words[i])
            (actor,) = persons.values()
            for p in pronouns:
                vote(actor, p, 1)
        return {aid: ("m" if m > f else "f") for aid, (m, f) in votes.items() if m != f}

    def _owner_of_role(self, i: int, persons: dict[str, ActorDraft]) -> bool:
        """Whether the pronoun at ``i`` owns the role a person of the sentence is named in ("her
        deputy, John Smith", "his wife Ann"): it stands for someone else."""
        cols = columns(self.doc)
        if cols.dep[i] != "poss":
            return False
        role = cols.head[i]
        return any(
            cols.head[end - 1] == role and cols.dep[end - 1] in ("appos", "compound")
            or cols.head[role] == end - 1 and cols.dep[role] in ("appos", "compound")
            for start, end, actor in self._mentions if actor.id in persons
        )

    def _messages(self) -> None:
        """Index the nouns of messages and documents by lemma, and the outlets the text names as
        where a story comes from ("it comes from the website X", "an article published on X")
        or calls an outlet ("the news website X"); one pass over the tokens, on first use."""
        self._by_lemma = {}
        sources: list[tuple[int, ActorDraft]] = list(outlets(self.table))
        doc = self.doc
        cols = columns(doc)  # a Token is made only for a noun or an "it"
        pos, lower, dep, lemma = cols.pos, cols.lower, cols.dep, cols.lemma
        for i in range(len(doc)):
            message = pos[i] == "NOUN" and self.is_message(doc[i])
            if message:
                self._by_lemma.setdefault(lemma[i], []).append(i)
            if message or (lower[i] == "it" and dep[i] == "nsubj"):
                t = doc[i]
                author = _published_by(self, t)
                actor = self.table.actor_at(author.i) if author is not None else None
                if actor is not None and actor.type != "PERSON":
                    sources.append((t.i, actor))
        sources.sort(key=lambda p: p[0])
        self._sources = sources
        self._source_starts = [p[0] for p in sources]

    def message_author(self, noun: Token, depth: int = 0) -> ActorDraft | None:
        """The actor a message or document speaks for: its author in the phrase ("its disclaimer",
        "a report by the agency", "an article published on X"); else the author of the last
        message of that name ("Acme said in a filing ... the filing says"); else, for "the
        statement", the last statement's speaker; else, for a story with no author ("the
        article", "this report"), the outlet the text names as its source, before it or after."""
        author = _author(self, noun)
        if author is not None and depth < 2:
            actor = self.resolve(author, name_phrase(author), depth + 1)
            if actor is not None:
                return actor
        if not hasattr(self, "_by_lemma"):
            self._messages()
        earlier = self._by_lemma.get(noun.lemma_.lower(), []) if not _indefinite(noun) else []
        k = bisect.bisect_left(earlier, noun.i)
        for i in reversed(earlier[max(0, k - 3) : k]):
            author = _author(self, self.doc[i])
            if author is not None:
                actor = self.resolve(author, name_phrase(author), depth + 1) if depth < 2 else None
                if actor is not None:
                    return actor
        dets = [c.lower_ for c in noun.lefts if c.dep_ == "det"]
        definite = any(d in DEFINITE for d in dets)
        if definite:
            # "the statement said": the statement reported last, so its speaker; a document
            # ("the study found", "the data show") only an organisation's, the kind of actor that
            # makes one (not a person's or a country's: "an official said ... The record shows")
            last = self.previous_speaker(noun.idx)
            if last is not None and last.actor is not None and (
                    self.word("communication", noun) or last.actor.type == "ORG"):
                return last.actor
        if (definite or not dets) and noun.tag_ == "NN" and not any(c.dep_ == "poss" for c in noun.lefts):
            return self.outlet_near(noun.i)
        return None

    def outlet_near(self, token_i: int) -> ActorDraft | None:
        """The outlet the text names as a story's source nearest before ``token_i``, else after it."""
        if not hasattr(self, "_sources"):
            self._messages()
        k = bisect.bisect_left(self._source_starts, token_i)
        if k > 0:
            return self._sources[k - 1][1]
        return self._sources[k][1] if k < len(self._sources) else None


def _in_participle_of(name: Token, pronoun: Token) -> bool:
    """Whether a name stands in a participial phrase whose understood subject is the pronoun, so
    that it cannot be the pronoun's antecedent ("Talking to Sam Hale, she said": she is not Hale)."""
    cols = columns(name.doc)  # the walk up the tree by index, not by Token
    dep, head = cols.dep, cols.head
    if dep[pronoun.i] not in ("nsubj", "nsubjpass"):
        return False
    verb, t = head[pronoun.i], name.i
    while head[t] != t and head[t] != verb:
        t = head[t]
    return (
        head[t] == verb
        and t != verb
        and name.doc[t].tag_ in ("VBG", "VBN")
        and not any(dep[c] in ("nsubj", "nsubjpass") for c in cols.children(t))
    )


def _coordinated(head: Token) -> bool:
    """Whether a name stands first in a coordination of nouns ("X and Y", "X and his colleagues")."""
    return any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _author(speakers: Speakers, noun: Token) -> Token | None:
    """The author a message names in its phrase: its possessor ("its disclaimer"), a name before
    it ("a Brightline poll", "the Harbor survey"), a by-phrase ("a report by the agency"), where it
    was published ("an article published on X"), or who issued it ("X filed a complaint")."""
    author = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if author is None:
        author = next((c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                       and speakers.table.actor_at(c.i) is not None), None)
    if author is not None:
        return author
    by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
    if by is not None:
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    return _published_by(speakers, noun) or _issued_by(speakers, noun)


def _published_by(speakers: Speakers, noun: Token) -> Token | None:
    """The outlet a story comes from: "an article published on X", "a post written by X", "the
    story comes from X", "it hails from X"."""
    verbs = [c for c in noun.rights if c.dep_ in ("acl", "relcl") and speakers.word("publishing", c)]
    if noun.dep_ == "nsubj" and speakers.word("origin", noun.head):
        verbs.append(noun.head)
    for verb in verbs:
        for prep in verb.rights:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "on", "in", "from", "at", "with"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _issued_by(speakers: Speakers, noun: Token) -> Token | None:
    """The author of a message as the subject of the verb that issued it ("the union filed a
    complaint", "the agency published a report"), or its agent ("a complaint was filed by X")."""
    verb = noun.head
    if verb.pos_ != "VERB" or not (speakers.word("issuing", verb) or speakers.word("publishing", verb)):
        return None
    if noun.dep_ == "dobj":
        return subject_of(verb)
    if noun.dep_ == "nsubjpass":
        agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return None


def _member_word(t: Token, mention: Token) -> bool:
    """A word of a speaker's phrase that may name the body the speaker belongs to: the head, a
    modifier before it, or the object of "of", "for", "from" or "at" after it."""
    if t.i <= mention.i:
        return True
    return t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "from", "at") and t.head.head.i == mention.i


def _body_agents(speakers: Speakers, mention: Token) -> ActorDraft | None:
    """Unnamed officials of the body that acts in the clause they comment on: "Norway banned the
    flights, with officials saying ..." (officials of Norway)."""
    if not speakers.word("agent", mention) or any(
        c.dep_ in ("det", "poss", "compound", "amod") for c in mention.lefts
    ):
        return None
    prep = mention.head if mention.dep_ == "pobj" else None
    if prep is None and mention.dep_ == "nsubj" and mention.head.dep_ in ("pcomp", "advcl"):
        prep = mention.head.head
    if prep is None or prep.lower_ != "with" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(prep.head)
    actor = speakers.table.actor_at(subject.i) if subject is not None else None
    return actor if actor is not None and actor.type != "PERSON" else None


def nobody(mention: Token) -> bool:
    """A subject that says no one spoke: "nobody", "none of them", "no report" (also through a
    relative pronoun: "there are no reports that confirm it")."""
    if mention.lower_ in RELATIVE_PRONOUNS and mention.head.dep_ == "relcl":
        mention = mention.head.head
    return mention.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in mention.children)


def _titled_description(mention: Token) -> bool:
    """A title or a word for a body written with a capital and standing for the one named before
    ("Governor Ruth Vance ... The Governor said", "The Ministry said")."""
    if mention.pos_ != "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in mention.lefts):
        return False
    lex = lexicon()
    word = mention.lower_.rstrip(".")
    return word in lex.titles or word in lex.nouns


def _indefinite(noun: Token) -> bool:
    """A noun phrase that introduces someone new: "a protester", "another lawyer", "two officials",
    "other lawyers", "officers" (but "the two officers", "both officers" refer back)."""
    lefts = list(noun.lefts)
    if any(c.lower_ in DEFINITE or c.lower_ in ("both", "all") or c.dep_ == "poss" for c in lefts):
        return False
    if any(c.lower_ in INDEFINITE or c.dep_ == "nummod" for c in lefts):
        return True
    return noun.tag_ == "NNS" and not any(c.dep_ == "det" for c in lefts)
