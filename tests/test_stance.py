"""Stance: claim or denial, the act, targets and refutes. Sentences written for these tests.

Each case is (text, cue of the statement checked or None for the article's own sentence,
label, act). Hard negatives sit beside the denials they resemble.
"""
import pytest

from claimlens import stance
from claimlens.resources import cue_lexicon, read_model_tsv

from .helpers import assert_offsets

CASES = [
    # denial by cue
    ("The ministry denied the allegations.", "denied", "denial", "deny"),
    ("The company denies any wrongdoing.", "denies", "denial", "deny"),
    ("The coach refuted the report on Monday.", "refuted", "denial", "deny"),
    ("Her lawyer rebutted the prosecution's account.", "rebutted", "denial", "deny"),
    ("The council disputed the figures.", "disputed", "denial", "deny"),
    ("The party disowned the statement.", "disowned", "denial", "deny"),
    ("The senator denied that she had met the lobbyist.", "denied", "denial", "deny"),
    # denial by cue and object; refusals and persons are not
    ("Police rejected the accusation outright.", "rejected", "denial", "deny"),
    ("The club rejected claims that it had paid the referee.", "rejected", "denial", "deny"),
    ("The board dismissed the rumours about a takeover.", "dismissed", "denial", "deny"),
    ("The council rejected the proposal as too costly.", "rejected", "claim", "reject"),
    ("The mayor rejected the idea of a second vote.", "rejected", "claim", "reject"),
    ("The mayor rejected the notion that the vote was rigged.", "rejected", "denial", "deny"),
    ("The union rejected the pay offer as an insult.", "rejected", "claim", "reject"),
    # official acts that are not speech are the article's own (the guidelines)
    ("The embassy denied him a visa.", None, "claim", "assert"),
    ("The judge dismissed the lawsuit.", None, "claim", "assert"),
    ("The governor dismissed the senator as a career politician.", "dismissed", "claim", "condemn"),
    # denial by evaluation of an allegation
    ("The minister branded the accusations groundless.", "branded", "denial", "deny"),
    ("She dismissed the claims as unfounded.", "dismissed", "denial", "deny"),
    ("The spokesman described the report as a fabrication.", "described", "denial", "deny"),
    ("The mayor called the reports fake.", "called", "denial", "deny"),
    ("The charges are false, his lawyer said.", "said", "denial", "deny"),
    ("The story is untrue.", None, "denial", "deny"),
    ("The rumour is simply not true.", None, "denial", "deny"),
    ("There is no truth in the reports, the agency said.", "said", "denial", "deny"),
    ("The allegations have no basis in fact.", None, "denial", "deny"),
    ("Reports of a secret deal may have been exaggerated.", None, "denial", "deny"),
    ("The blog post contained fabricated quotes.", None, "denial", "deny"),
    ("The mayor called the decision absurd.", "called", "claim", "assert"),
    ('"It is absurd that they waited so long," she said.', "said", "claim", "assert"),
    ("The bogus leaflet came from a printer in the suburbs.", None, "claim", "assert"),
    ("There is no question that the bridge needs repairs.", None, "claim", "assert"),
    ("No money was paid, and there are no credible reports that support the claims.", None, "denial", "deny"),
    ("Nothing published on the Daily Lark website has any credibility.", None, "denial", "deny"),
    ("Everything published on the site has credibility.", None, "claim", "assert"),
    ("Nothing in the house has any value.", None, "claim", "assert"),
    # denial by negated content: a part in something, an answer to an accusation
    ("The group said it had no role in the bombing.", "said", "denial", "deny"),
    ("The driver said he was not involved in the crash.", "said", "denial", "deny"),
    ("The firm said it had nothing to do with the leak.", "said", "denial", "deny"),
    ("The minister said he would have no role in the new cabinet.", "said", "claim", "assert"),
    ("The audit does not involve the pension fund, officials said.", "said", "claim", "assert"),
    ('"You have never been involved in a hard decision," he told her.', "told", "claim", "assert"),
    ("She said there was nothing anyone could have done.", "said", "claim", "assert"),
    ('"I don\'t think the vote will pass," he said.', "said", "claim", "assert"),
    ("The inspector said there was no evidence of wrongdoing.", "said", "denial", "deny"),
    # a denying verb in what is said: the speaker's own denial, or a report of someone else's
    ("The company said it categorically denies the allegations.", "said", "denial", "deny"),
    ("The senator said her rival denied the report.", "said", "claim", "assert"),
    ("The palace pushed back against the story, calling it fake news.", "calling", "denial", "deny"),
    # nominal denials
    ("In a denial, the ministry said the report was wrong.", "said", "denial", "deny"),
    ("The company reiterated its rejection of the claims.", "reiterated", "denial", "deny"),
    ("The firm said in a statement denying the reports that sales were strong.", "said", "denial", "deny"),
    ("The agency announced the rejection of the merger.", "announced", "claim", "announce"),
    ("The ministry issued a swift denial of the reports.", None, "denial", "deny"),
    ("The ministry issued a denial of entry to the visitors.", None, "claim", "assert"),
    ("That was wrong, the senator said.", "said", "claim", "assert"),
    ("The report was wrong, the senator said.", "said", "denial", "deny"),
    # negation, blocking and modals flip the cue
    ("The government did not deny the report.", "deny", "claim", "assert"),
    ("He refused to deny the reports.", "deny", "claim", "assert"),
    ("The firm never disputed the figures.", "disputed", "claim", "assert"),
    ("The board could reject the allegations next week.", "reject", "claim", "assert"),
    # the other acts
    ("The spokesman said the plan would go ahead.", "said", "claim", "assert"),
    ("The union accused the mayor of lying.", "accused", "claim", "accuse"),
    ("The minister condemned the attack.", "condemned", "claim", "condemn"),
    ("The minister condemned the remarks.", "condemned", "claim", "condemn"),
    ("The committee denounced the allegations.", "denounced", "denial", "deny"),
    ("The agency announced new rules.", "announced", "claim", "announce"),
    ("The council urged residents to stay indoors.", "urged", "claim", "demand"),
    ("The chairman admitted the accounts were late.", "admitted", "claim", "concede"),
    ("The spokesman refused to comment.", "refused", "claim", "assert"),
]


def _statement(art, cue):
    if cue is None:
        (s,) = art.statements
        assert s.cue is None and s.speaker is None
        return s
    (s,) = [s for s in art.statements if s.cue is not None and s.cue.text == cue]
    return s


@pytest.mark.parametrize("text, cue, label, act", CASES, ids=[c[0][:45] for c in CASES])
def test_label_and_act(extractor, text, cue, label, act):
    art = extractor(text)
    assert_offsets(art)
    s = _statement(art, cue)
    assert (s.label, s.act) == (label, act), s.evidence.label_rule
    assert s.evidence.label_rule != "default" or (cue is None and label == "claim")


def test_table_is_large_with_hard_negatives():
    denials = [c for c in CASES if c[2] == "denial"]
    assert len(CASES) >= 40 and len(denials) >= 20 and len(CASES) - len(denials) >= 20


@pytest.mark.parametrize("text, rule", [
    ("The ministry denied the allegations.", "cue+object:deny:allegation"),
    ("The senator denied that she had met the lobbyist.", "cue+clause:deny"),
    ("The minister branded the accusations groundless.", "cue+evaluation:brand:groundless"),
    ("The council rejected the proposal as too costly.", "cue+object:reject:proposal"),
    ("The union rejected the pay offer as an insult.", "cue+object:reject:offer"),
    ("The government did not deny the report.", "negated_cue:deny"),
    ("The group said it had no role in the bombing.", "content:no-involvement:role"),
    ("There is no truth in the reports, the agency said.", "content:no-ground:truth"),
    ("In a denial, the ministry said the report was wrong.", "nominal:denial"),
])
def test_label_rule_names_what_decided(extractor, text, rule):
    (s,) = [s for s in extractor(text).statements if s.cue is not None]
    assert s.evidence.label_rule == rule


@pytest.mark.parametrize("text, label, rule", [
    # a paragraph quoted after a denial that ends in a colon gives the denial's words
    ("The judge rejected this argument:\n\nThe claim has no support in the law. It ignores the record.\n\n"
     "The case goes on.", "denial", "block:cue+object:reject:argument"),
    # negatives: a paragraph after an announcement, after an accusation
    ("The judge announced her ruling:\n\nThe claim has support in the law. It follows the record.\n\n"
     "The case goes on.", "claim", "default"),
    ("The judge accused the firm of lying:\n\nThe plan costs too much. It helps nobody.\n\n"
     "The case goes on.", "claim", "default"),
])
def test_block_quotation_follows_its_opener(extractor, text, label, rule):
    art = extractor(text)
    assert_offsets(art)
    (s,) = [s for s in art.statements if s.evidence.rule == "block"]
    assert (s.text, s.label, s.evidence.label_rule) == (
        text.split("\n\n")[1].rstrip("."), label, rule)


def _names(art, ids):
    return [art.actor(i).name for i in ids]


@pytest.mark.parametrize("text, cue, targets", [
    ("Poland accused Hungary of stalling the talks.", "accused", ["Hungary"]),
    ("Germany condemned Turkey's decision to close the border with Greece.", "condemned", ["Turkey"]),
    ("The minister blamed the delay on Rabobank.", "blamed", ["Rabobank"]),
    # a denial is about whom the allegation is against, else its speaker
    ("The ministry rejected the allegations against Rabobank.", "rejected", ["Rabobank"]),
    ("Microsoft denied the report.", "denied", ["Microsoft"]),
    ("The weather was mild, the agency said.", "said", []),
])
def test_targets(extractor, text, cue, targets):
    art = extractor(text)
    (s,) = [s for s in art.statements if s.cue is not None and s.cue.text == cue]
    assert _names(art, s.targets) == targets


@pytest.mark.parametrize("text, denial_cue, answered_cue", [
    # an accusation and its denial, in either order
    ("Chile accused Peru of the border raid. Peru rejected the accusation as baseless.", "rejected", "accused"),
    ("Peru said it had no role in the raid. Chile had accused Peru of the raid.", "said", "accused"),
    # a negated statement answering an accusation about its speaker
    ('Critics accused Microsoft of hiding the losses. "We never hid any losses," Microsoft said.', "said",
     "accused"),
    # a correction of a reported figure
    ("The magazine reported that Lopez earned $40 million last year. The club said Lopez did not earn "
     "$40 million last year.", "said", "reported"),
])
def test_refutes(extractor, text, denial_cue, answered_cue):
    art = extractor(text)
    assert_offsets(art)
    by_id = {s.id: s for s in art.statements}
    (denial,) = [s for s in art.statements if s.label == "denial"]
    assert denial.cue.text == denial_cue
    assert by_id[denial.refutes].cue.text == answered_cue


@pytest.mark.parametrize("text", [
    # the same verb by another speaker, but no accusation and nothing else in common
    "He said the plan was not ready. She said it was ready.",
    # a negation that answers nothing the article reports
    '"We never sleep," the baker said.',
])
def test_negation_without_an_answered_statement_is_a_claim(extractor, text):
    art = extractor(text)
    assert all(s.label == "claim" and s.refutes is None for s in art.statements)


def test_claims_refute_nothing(extractor):
    art = extractor("Poland accused Hungary of stalling the talks. The talks resume on Monday.")
    assert all(s.refutes is None for s in art.statements)


def test_stance_data_is_well_formed():
    lex = stance.stance_lexicon()
    assert set(lex.objects.values()) == {"allegation", "utterance", "involvement", "involved", "innocent", "idea", "proposal"}
    assert set(lex.evaluations.values()) == {"false", "dismissive", "truth", "ground", "evidence", "impossible"}
    assert {"hoax", "staged", "doctored"} <= lex.fakes
    assert {"not", "never", "no"} <= lex.negators and "refuse" in lex.blockers
    cues = cue_lexicon()
    assert all(verb in cues for verb in lex.nominals.values())
    for name in ("denial_objects.tsv", "evaluations.tsv", "negation.tsv", "nominal_denials.tsv"):
        assert all(len(row) == 2 for row in read_model_tsv(name)), name


def test_acts_of_the_cue_lexicon_are_the_documented_ones():
    documented = {"assert", "accuse", "deny", "condemn", "announce", "demand", "concede", "warn", "promise",
                  "ask", "praise", "reject"}
    assert {e.act for e in cue_lexicon().values() if e.kind != "act"} <= documented
    assert {e.act for e in cue_lexicon().values() if e.kind == "act"} == {"none"}  # not speech
    assert {e.lemma for e in cue_lexicon().values() if e.act == "deny"} >= {
        "deny", "reject", "dismiss", "refute", "rebut", "debunk", "disown"}
