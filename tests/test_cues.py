"""The cue lexicon derived from VerbNet and CAMEO (tools/derive_cues.py): verbs and frames no
example of the kit gave, the verbs that are not speech, and the files' shape. Sentences made up
for these tests; offsets always checked. Expected statements as in tests/test_attribution.py:
(content, cue, speaker mention, quote type), parts joined with " | "."""
import pytest

from claimlens.resources import cue_frames, cue_lexicon, read_model_tsv

from .helpers import ROOT, SHARED, assert_offsets, load_script
from .test_attribution import _statements

COVERAGE = [
    # a thing questioned is disapproval (CAMEO); a person questioned is an official act
    ("Mayor Lena Ortiz questioned the timing of the audit.",
     [("the timing of the audit", "questioned", "Mayor Lena Ortiz", "indirect")]),
    ("Police questioned him for hours.", []),
    ("Police questioned Ray Dunn about the fire.", []),
    # VerbNet say-37.7-1 "NP V NP.topic": the object is what is said
    ("Residents voiced concern about the noise.",
     [("concern about the noise", "voiced", "Residents", "indirect")]),
    ("The ministry divulged the names of the contractors.",
     [("the names of the contractors", "divulged", "The ministry", "indirect")]),
    # advise-37.9 with a clause; promise-37.13 with an infinitive
    ("The minister cautioned the plan would fail.",
     [("the plan would fail", "cautioned", "The minister", "indirect")]),
    ("The coach pledged to appeal.", [("to appeal", "pledged", "The coach", "indirect")]),
    # inquire-37.1.2 "NP V NP whether/if S": the question, which the parser hangs as an adverbial clause
    ("Mayor Lena Ortiz asked the students if they were ready.",
     [("if they were ready", "asked", "Mayor Lena Ortiz", "indirect")]),
    ("The reporter asked Ortiz whether the audit was fair.",
     [("whether the audit was fair", "asked", "The reporter", "indirect")]),
    ("Ortiz will resign if asked.", []),
    ("Ortiz called the clerk if the audit was late.", []),
    # CAMEO CALL FOR with a for-to clause (the parser makes "for" the clause's mark)
    ("The union called for the mayor to resign.", [("the mayor to resign", "called for", "The union", "indirect")]),
    ("Mayor Lena Ortiz is calling for the state to step up its efforts.",
     [("the state to step up its efforts", "calling for", "Mayor Lena Ortiz", "indirect")]),
    ("Ortiz pleaded for the court to show mercy.",
     [("the court to show mercy", "pleaded", "Ortiz", "indirect")]),
    ("Ortiz waited for the mayor to resign.", []),
    # a noun of saying made or issued by the verb's subject
    ("Senator Ray Dunn made the suggestion that the vote was rigged.",
     [("the vote was rigged", "suggestion", "Senator Ray Dunn", "indirect")]),
    ("The senator faced accusations that he took bribes.", []),
    # ... else its topic or infinitive, read as the noun phrase (a thought or a tale has no statement)
    ("Senator Ray Dunn made grave allegations of budget fraud.",
     [("grave allegations of budget fraud", "allegations", "Senator Ray Dunn", "indirect")]),
    ("The mayor's warnings about the dam went unheeded.",
     [("warnings about the dam", "warnings", "The mayor", "indirect")]),
    ("Mayor Lena Ortiz's pledge to resign surprised the council.",
     [("pledge to resign", "pledge", "Mayor Lena Ortiz", "indirect")]),
    # ... by a verb that lends the noun its act ("leveled", "hurled", "raised")
    ("Senator Ray Dunn leveled allegations of fraud against the board.",
     [("allegations of fraud against the board", "allegations", "Senator Ray Dunn", "indirect")]),
    ("Senator Ray Dunn raised the allegation that the vote was rigged.",
     [("the vote was rigged", "allegation", "Senator Ray Dunn", "indirect")]),
    ("The senator faced allegations of bribery.", []),
    ("The senator answered allegations of bribery.", []),
    ("Ortiz's fear of flying is well known.", []),
    ("The story of his life is sad.", []),
    # talk-37.5 "NP V PP.topic": spoke of, spoke about
    ("The senator spoke of a betrayal.", [("a betrayal", "spoke", "The senator", "indirect")]),
    # judgment-33.1: object, "as", "for"
    ("The union lambasted the plan as reckless.",
     [("the plan as reckless", "lambasted", "The union", "indirect")]),
    ("The mayor lauded the volunteers for their work.",
     [("the volunteers for their work", "lauded", "The mayor", "indirect")]),
    # manner of speaking and confiding: a clause only
    ("The senator muttered that the vote was rigged.",
     [("the vote was rigged", "muttered", "The senator", "indirect")]),
    ("The coach confided that he would retire.",
     [("he would retire", "confided", "The coach", "indirect")]),
    ('"We are not done," the captain growled.',
     [("We are not done,", "growled", "the captain", "direct")]),
    # any verb right after a quotation that closes a clause and its subject, with nothing of its own,
    # reports it in the manner it names; not after a title, nor a verb with an object
    ('"We would have gone to the only bill," Ray Dunn fumed on Tuesday.',
     [("We would have gone to the only bill,", "fumed", "Ray Dunn", "direct")]),
    ('"We won," she beamed.', [("We won,", "beamed", "she", "direct")]),
    ('"Hamlet," the play opened.', []),
    ('"We won," Ray Dunn left the room.', []),
    ('After "Hamlet," Ray Dunn slept.', []),
    # "put it": a manner of saying, with a direct quote only
    ('As Professor Ray Dunn put it, "there was not much to complain about."',
     [("there was not much to complain about.", "put it", "Professor Ray Dunn", "direct")]),
    ('The mayor put it bluntly: "The plan is dead."', [("The plan is dead.", "put it", "The mayor", "direct")]),
    ("Ray Dunn put it on the table.", []),
    ("Ray Dunn put it to the council that the plan was dead.", []),
    # a speech act refused (a blocker of models/negation.tsv with a speech verb's infinitive):
    # the refusal is the cue; not a passive ("declined to be named"), not an act refused
    ("A spokeswoman for the ministry declined to comment.",
     [("to comment", "declined", "A spokeswoman for the ministry", "indirect")]),
    ("The campaign refused to answer questions about the loan.",
     [("to answer questions about the loan", "refused", "The campaign", "indirect")]),
    ("Ortiz declined to say whether the audit was fair.",
     [("whether the audit was fair", "say", "Ortiz", "indirect")]),
    ("The mayor refused to fight the ruling.", []),
    ("An aide who declined to be named was fired.", []),
    # verbs of official acts, perception, support and search are not speech
    ("The group supports the new law.", []),
    ("Police seek a man in his thirties.", []),
    ("The court ruled the contract void.", []),
    ("Police arrested two men on Friday.", []),
    ("Witnesses heard a loud bang.", []),
    ("The council approved the budget.", []),
    ("The governor signed the bill into law.", []),
    ("Police charged him with theft.", []),  # VerbNet prosecute-33.2: an official act
    # polysemous members left out or restricted: a deed, not a statement
    ("The chef added salt to the soup.", []),
    ("The choir sang a hymn.", []),
    ("The senator noted the time and left.", []),
]


@pytest.mark.parametrize("text, expected", COVERAGE, ids=[c[0][:40] for c in COVERAGE])
def test_cue_coverage(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    assert _statements(art) == expected


def test_lexicon_rows_say_where_they_come_from():
    rows = read_model_tsv("cues.tsv")
    assert all(len(r) == 4 and r[3].strip() for r in rows)
    assert all(r[3].startswith(("VerbNet", "CAMEO", "claimlens", "not speech:")) for r in rows)
    kinds = {r[2] for r in rows}
    assert kinds == {"speech", "belief", "phrase", "act"}


@pytest.mark.parametrize("lemma", ["support", "back", "seek", "search", "rule", "arrest", "hear", "watch",
                                   "approve", "sentence"])
def test_verbs_that_are_not_speech_are_listed_as_acts(lemma):
    entry = cue_lexicon()[lemma]
    assert entry.kind == "act" and entry.act == "none"
    assert lemma not in cue_frames()


@pytest.mark.parametrize("lemma, frames", [
    ("question", {"topic"}),
    ("ask", {"to", "whether"}),
    ("inquire", {"whether"}),
    ("voice", {"object"}),
    ("speak", {"pobj:about", "pobj:of"}),
    ("caution", {"to", "recipient", "pobj:against", "pobj:about", "pobj:of"}),
    ("pledge", {"object", "to", "recipient"}),  # "NP V NP.recipient": whom one tells, no speaker
    ("inform", {"recipient"}),
    ("tell", {"recipient"}),
    ("lambaste", {"object", "as", "prep:for"}),
])
def test_frames_derived_from_verbnet(lemma, frames):
    assert cue_frames()[lemma] == frames


@pytest.mark.parametrize("lemma", ["add", "note", "write", "explain", "charge"])
def test_polysemous_verbs_take_a_clause_only(lemma):
    assert lemma in cue_lexicon() and not cue_frames().get(lemma)


EVERY_CUE = [
    # nested sources: the outer statement, and the one of the source named inside it
    ("The Ledger reported that Mayor Lena Ortiz had said the audit was late.",
     [("Mayor Lena Ortiz had said the audit was late", "reported", "The Ledger", "indirect"),
      ("the audit was late", "said", "Mayor Lena Ortiz", "indirect")]),
    ("The Ledger reported that Ray Dunn had denied taking the payment.",
     [("Ray Dunn had denied taking the payment", "reported", "The Ledger", "indirect"),
      ("taking the payment", "denied", "Ray Dunn", "indirect")]),
    ("Dunn denied the payment, the Ledger reported.",
     [("Dunn denied the payment", "reported", "the Ledger", "indirect"),
      ("the payment", "denied", "Dunn", "indirect")]),
    # ... but not the same speaker again, nor a relative clause's cue, nor a belief inside speech
    ("The senator said the bill, which he said was rushed, would fail in the House.",
     [("the bill, which he said was rushed, would fail in the House", "said", "The senator", "indirect")]),
    ("The mayor said residents believe the bridge is safe.",
     [("residents believe the bridge is safe", "said", "The mayor", "indirect")]),
    ("The mayor said Ray Dunn endorsed the plan.",
     [("Ray Dunn endorsed the plan", "said", "The mayor", "indirect")]),
    # a participle or a second clause after a cue that fired
    ("Coach Ray Dunn claimed the team was ready, insisting the injuries were minor.",
     [("the team was ready", "claimed", "Coach Ray Dunn", "indirect"),
      ("the injuries were minor", "insisting", "Coach Ray Dunn", "indirect")]),
    ("The minister said the plan was sound, adding that the money was there.",
     [("the plan was sound", "said", "The minister", "indirect"),
      ("the money was there", "adding", "The minister", "indirect")]),
    # ... a participle the parse hung on the clause the cue reports ("told reporters X, adding")
    ('Coach Ray Dunn told reporters the team was ready, adding, "We will win on Sunday."',
     [("the team was ready", "told", "Coach Ray Dunn", "indirect"),
      ("We will win on Sunday.", "adding", "Coach Ray Dunn", "direct")]),
    ("The mayor said the vote was held on Monday, ending weeks of talks.",
     [("the vote was held on Monday, ending weeks of talks", "said", "The mayor", "indirect")]),
    ("The regulator fined the bank on Monday, suggesting that other lenders would be next.",
     [("other lenders would be next", "suggesting", "The regulator", "indirect")]),
    # ... where the parse took the participle and its object for the clause's subject
    ("The regulator fined the bank, implying other lenders would be next.",
     [("other lenders would be next", "implying", "The regulator", "indirect")]),
    ("The court fined the firm, warning others would follow.",
     [("others would follow", "warning", "The court", "indirect")]),
    ("Running the company, taking risks was his style.", []),
    ("The coach said he would stay, and the club said it would back him.",
     [("he would stay", "said", "The coach", "indirect"),
      ("it would back him", "said", "the club", "indirect")]),
    # a later cue reporting a clause that holds an earlier cue's statement: the reporting one stands
    ("Though the owners boast of record sales, the shop is losing money, analysts say.",
     [("Though the owners boast of record sales, the shop is losing money", "say", "analysts", "indirect")]),
    ("The mayor praised the plan, and the bridge will reopen in May, officials said.",
     [("The mayor praised the plan, and the bridge will reopen in May", "said", "officials", "indirect")]),
    # a speaker the parse hung on the clause before a cue with no subject; not whom one tells
    ("The bill would pass, Okafor, who chairs the committee, told reporters.",
     [("The bill would pass", "told", "Okafor", "indirect")]),
    ("The bill would pass on Monday, Okafor, a Democrat, said.",
     [("The bill would pass on Monday", "said", "Okafor, a Democrat", "indirect")]),
    ("The bill would pass on Monday, March 5, the mayor said.",
     [("The bill would pass on Monday, March 5", "said", "the mayor", "indirect")]),
    # a cue after its clause, an adverb of its own between
    ("The bridge will reopen, probably, the mayor said.",
     [("The bridge will reopen", "said", "the mayor", "indirect")]),
    # ... not one whose clause leaves the earlier cue out
    ("The firm said in a statement denying the reports that sales were strong.",
     [("sales were strong", "said", "The firm", "indirect")]),
    # relative and passive cues
    ("The referee faced claims of taking bribes, which he denied.",
     [("claims of taking bribes", "denied", "he", "indirect")]),
    ("The referee faced a fine, which he paid.", []),
    ("The arson was claimed by the Green Dawn group.",
     [("The arson", "claimed", "the Green Dawn group", "indirect")]),
    ("The land was claimed by the state.", []),
    # a hedge does not override the cue and its named speaker
    ("The interior ministry reportedly said the border would reopen.",
     [("the border would reopen", "said", "The interior ministry", "indirect")]),
    ("The talks reportedly collapsed on Friday.",
     [("The talks reportedly collapsed on Friday", "reportedly", None, "indirect")]),
    # "as X noted," reports the clause it is set in; "as" of time does not
    ("As the Ledger reported, the mayor was discussing a plan.",
     [("the mayor was discussing a plan", "reported", "the Ledger", "indirect")]),
    ("The bridge, as the minister noted, was closed in May.",
     [("The bridge | was closed in May", "noted", "the minister", "indirect")]),
    ("The plan failed, and as the auditor noted, the money was gone.",
     [("the money was gone", "noted", "the auditor", "indirect")]),
    ("The crowd cheered as the mayor said goodbye.", []),
    ("The crowd cheered as the mayor spoke.", []),
    ("The bill, as it is called, failed.", []),
    # "in X's view": X's statement; a view with no owner is nobody's
    ("In her view, the plan will fail.", [("the plan will fail", "In her view", "her", "indirect")]),
    ("In Mayor Lena Ortiz's opinion, the bridge is unsafe.",
     [("the bridge is unsafe", "In Mayor Lena Ortiz's opinion", "Mayor Lena Ortiz", "indirect")]),
    ("In the view of many, the plan failed.", []),
    # "according to X," in mid-sentence
    ("In May, according to the auditors, prices fell by ten percent.",
     [("prices fell by ten percent", "according to", "the auditors", "indirect")]),
    ("The talks failed, and according to the ministry, a new round is planned.",
     [("a new round is planned", "according to", "the ministry", "indirect")]),
    ("The vote, according to the council, was postponed until June.",
     [("The vote | was postponed until June", "according to", "the council", "indirect")]),
]


@pytest.mark.parametrize("text, expected", EVERY_CUE, ids=[c[0][:40] for c in EVERY_CUE])
def test_every_cue_yields_its_statement(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    assert _statements(art) == expected


def test_nested_statement_lies_inside_the_outer(extractor):
    art = extractor("The Ledger reported that Mayor Lena Ortiz had said the audit was late.")
    outer, inner = sorted((s for s in art.statements if s.quote != "none"), key=lambda s: s.start)
    assert outer.start <= inner.start < inner.end <= outer.end
    assert outer.speaker.text == "The Ledger" and inner.speaker.text == "Mayor Lena Ortiz"
    assert art.text[inner.cue.start:inner.cue.end] == "said"


MISPARSED = [
    # a present-tense cue the parse takes for a noun ("Crump/nsubj claims/ROOT(NOUN)"): its subject, a
    # name of the article, just before it, a clause of its own after it
    ("Senator Ed Crump toured the plant on Monday. Crump claims he's worth $10 billion.",
     [("he's worth $10 billion", "claims", "Crump", "indirect")]),
    ("Senator Ed Noble toured the plant on Monday. Noble claims he's worth $10 billion.",
     [("he's worth $10 billion", "claims", "Noble", "indirect")]),
    ("Senator Ed Noble toured the plant on Monday. The Noble claims were false.", []),
    ("Senator Ed Little toured the plant on Monday. Little claims he made were true.", []),
    ("Small claims courts hear such cases.", []),
    ("The appeals court ruling placed a stay on the order.", []),
    ("The United States District Court heard the case.", []),
    # a gerund subject the parse hangs as the cue's complement ("said/ROOT legalizing/xcomp ... put/ccomp")
    ("He said legalizing it could put thousands of people to work in the north.",
     [("legalizing it could put thousands of people to work in the north", "said", "He", "indirect")]),
    ("The mayor said closing it could save money.",
     [("closing it could save money", "said", "The mayor", "indirect")]),
    ("She recalled meeting him in Paris.", []),
    ("He kept saying the vote was rigged.", [("the vote was rigged", "saying", "He", "indirect")]),
    # a parenthetical cue after an adverbial of what it reports ("..., sooner than expected, X reported"),
    # not after a question word ("when he said so")
    ("Deficits will rise this year, sooner than expected, the budget office reported on Monday.",
     [("Deficits will rise this year, sooner than expected", "reported", "the budget office", "indirect")]),
    ("The plan failed when he said so.", []),
    # an inverted cue the parse makes the last conjunct of what it reports ("X, but Y, said Z")
    ("The plant is hanging on, but it is under intense pressure from imports, said its chief executive, Ray Dunn.",
     [("The plant is hanging on, but it is under intense pressure from imports", "said",
       "its chief executive, Ray Dunn", "indirect")]),
    ("Ortiz resigned, and the mayor said nothing.", []),
    # a quote before the cue that is a fragment of the words before it (a title, a partial quote) is not
    # what the cue reports
    ("In an interview with “Town Talk,” Ray Dunn said the plan would fail.",
     [("the plan would fail", "said", "Ray Dunn", "indirect")]),
    ("Appearing on “Meet the Voters,” Senator Ray Dunn said the plan would fail.",
     [("the plan would fail", "said", "Senator Ray Dunn", "indirect")]),
    ("The plan was “a disgrace,” Ortiz said.", [("The plan was “a disgrace,”", "said", "Ortiz", "partial")]),
    ("“We followed every rule,” Ortiz told reporters.",
     [("We followed every rule,", "told", "Ortiz", "direct")]),
]


@pytest.mark.parametrize("text, expected", MISPARSED, ids=[c[0][:40] for c in MISPARSED])
def test_cue_through_a_misparse(extractor, text, expected):
    art = extractor(text)
    assert_offsets(art)
    assert _statements(art) == expected


LEXICONS = SHARED / "lexicons"


@pytest.mark.skipif(not (LEXICONS / "verbnet").is_dir(), reason=f"the lexicon sources are not at {LEXICONS}")
def test_shipped_lexicons_are_what_the_derivation_writes(tmp_path, monkeypatch):
    """models/cues.tsv and cue_frames.tsv are tools/derive_cues.py's output: no row edited by hand."""
    derive_cues = load_script(ROOT / "tools" / "derive_cues.py")
    for name in ("cues.tsv", "cue_frames.tsv"):
        (tmp_path / name).write_bytes((ROOT / "models" / name).read_bytes())
    monkeypatch.setattr(derive_cues, "MODELS", tmp_path)
    assert derive_cues.main(["--lexicons", str(LEXICONS)]) == 0
    for name in ("cues.tsv", "cue_frames.tsv"):
        shipped = (ROOT / "models" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped, name
