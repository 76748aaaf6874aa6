"""A parsed document's token attributes as plain lists, each read once per document.

``doc[i].lemma_`` makes a ``Token`` object on every access; a loop over the tokens of a document,
or over a clause's subtree for every statement, pays for it token by token. The stages that walk
many tokens index these lists instead (``columns(doc).lower[i]``); each list is read from the
``Doc`` on its first use (``Doc.to_array`` for the string and flag attributes) and kept for as
long as the ``Doc`` lives. The lists are read after the parse: the ``Doc``'s annotation must not
change once they are.
"""
from __future__ import annotations

import bisect
import weakref
from functools import cached_property

import numpy as np
from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, LOWER,
                         ORTH, POS, SPACY)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc


class Columns:
    """Token attributes of one ``Doc``, by token index."""

    def __init__(self, doc: Doc) -> None:
        self._doc = weakref.ref(doc)  # the cache below holds this object for as long as the Doc lives
        self._subtrees: dict[int, tuple[int, ...]] = {}

    def _strings(self, attr: int, lower: bool = False) -> list[str]:
        doc = self._doc()
        strings = doc.vocab.strings
        hashes = doc.to_array(attr).tolist()
        names = {h: strings[h].lower() if lower else strings[h] for h in set(hashes)}  # each string once
        return list(map(names.__getitem__, hashes))

    def _flags(self, attr: int) -> list[bool]:
        return self._doc().to_array(attr).astype(bool).tolist()

    @cached_property
    def doc_text(self) -> str:
        """``Doc.text``, which makes every token's ``Token`` anew on each access: here joined from
        the tokens' texts, a space after each that has one (``Token.text_with_ws``)."""
        return "".join([t + " " if s else t for t, s in zip(self.text, self.whitespace)])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``0 <= start <= end <= len(doc)``), cut out of the document's text."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        """The lemma in lower case (``token.lemma_.lower()``)."""
        return self._strings(LEMMA, lower=True)

    @cached_property
    def pos(self) -> list[str]:
        return [POS_NAMES[p] for p in self._doc().to_array(POS).tolist()]  # as Token.pos_ reads it

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def head(self) -> list[int]:
        """The index of each token's head (a root's is its own)."""
        doc = self._doc()
        return (np.arange(len(doc)) + doc.to_array(HEAD).view("int64")).tolist()  # offsets → indices

    @cached_property
    def _by_head(self) -> tuple[list[int], list[int]]:
        """The token indices ordered by their head (a root by none), in order among one head's, and
        where each head's run begins: the children of ``i`` are ``order[begins[i] : begins[i + 1]]``."""
        heads = np.array(self.head)
        heads[heads == np.arange(len(heads))] = -1  # a root is no child of its own
        order = np.argsort(heads, kind="stable")
        begins = np.searchsorted(heads[order], np.arange(len(heads) + 1))
        return order.tolist(), begins.tolist()

    def children(self, i: int) -> list[int]:
        """The indices of ``doc[i].children``, in order."""
        order, begins = self._by_head
        return order[begins[i] : begins[i + 1]]

    def subtree(self, i: int) -> tuple[int, ...]:
        """The indices of ``doc[i].subtree`` in its order: the subtrees of the token's left children,
        the token, those of its right children (not sorted where the parse is not projective).
        Made once per token: the stages walk one clause's subtree many times."""
        found = self._subtrees.get(i)
        if found is None:
            out, stack = [], [i]
            while stack:  # the next to emit on top; ~j: emit j, its left children's subtrees done
                j = stack.pop()
                if j < 0:
                    out.append(~j)
                    continue
                kids = self.children(j)
                if not kids:
                    out.append(j)
                    continue
                split = bisect.bisect(kids, j)  # the left children before, the right ones after
                stack += kids[split:][::-1]
                stack.append(~j)
                stack += kids[:split][::-1]
            found = self._subtrees[i] = tuple(out)
        return found

    @cached_property
    def idx(self) -> list[int]:
        return self._doc().to_array(IDX).tolist()

    @cached_property
    def ent_type(self) -> list[str]:
        """The entity label of each token (``Token.ent_type_``, "" outside an entity)."""
        return self._strings(ENT_TYPE)

    @cached_property
    def whitespace(self) -> list[bool]:
        """Whether a space follows the token (``Token.whitespace_`` is one)."""
        return self._flags(SPACY)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flags(IS_ALPHA)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def is_stop(self) -> list[bool]:
        return self._flags(IS_STOP)


_COLUMNS: weakref.WeakKeyDictionary[Doc, Columns] = weakref.WeakKeyDictionary()


_last: tuple[weakref.ref[Doc], Columns] | None = None
"""The document asked for last and its columns: the stages ask for one document many times over."""


def columns(doc: Doc) -> Columns:
    """The columns of ``doc``, made on first use and kept while ``doc`` lives."""
    global _last
    if _last is not None and _last[0]() is doc:
        return _last[1]
    cols = _COLUMNS.get(doc)
    if cols is None:
        cols = _COLUMNS[doc] = Columns(doc)
    _last = (cols._doc, cols)
    return cols

