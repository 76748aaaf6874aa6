"""Denials in any wording (issue 13): evaluations anywhere in what is said, of reported items and
things; idioms and verbs of rejection; a denial's words beside it; dispute pairs (a statement
that negates a reported or headline claim, answers an accusation, or says true what another calls
false); and the hard negatives that stay claims. Sentences written for these tests.
"""
import pytest

from claimlens import actors, attribution, segment, stance
from claimlens.resources import cue_lexicon

from .helpers import assert_offsets

# (text, cue of the statement checked or None for the article's own sentence, label, rule prefix)
SINGLE = [
    # evaluations anywhere in what is said: under think/suspect/find, in a quote's second sentence
    ('"I suspect the whole video is a hoax," park ranger Ana Ruiz said.', "said", "denial",
     "content:evaluation"),
    ('"I think the photo is fake," the curator said.', "said", "denial", "content:evaluation"),
    ('"We looked at it closely. The letter is a forgery," the archivist said.', "said", "denial",
     "content:evaluation"),
    ("Investigators found that the email was fabricated.", "found", "denial", "content:evaluation"),
    ('"The opposition is lying about the budget," minister Omar Haddad said.', "said", "denial",
     "content:evaluation:lie"),
    ("Engineer Lisa Marsh said it was impossible for the bridge to carry that load.", "said", "denial",
     "content:evaluation:impossible"),
    ('"It is not true that the factory will close," the manager said.', "said", "denial", "content:not-true"),
    ('"It is false to say that the mayor lied," she said.', "said", "denial", "content:evaluation:false"),
    ('"The story turned out to be a hoax," the editor said.', "said", "denial", "content:evaluation:hoax"),
    ("The ranger said there was no way the bear could have opened the car.", "said", "denial",
     "content:no-ground:way"),
    ("The ministry said there was no evidence that the ship had sunk.", "said", "denial",
     "content:no-ground:evidence"),
    # of reported items and things: images, videos, screenshots, accounts
    ("The agency said the image is a well-doctored fake.", "said", "denial", "content:evaluation:fake"),
    ("Experts said the video was staged.", "said", "denial", "content:evaluation:staged"),
    ("The museum said the screenshot had been doctored.", "said", "denial", "content:evaluation:doctored"),
    ("The council said the account was a parody.", "said", "denial", "content:evaluation:parody"),
    ("The shark in the picture is fake.", None, "denial", "content:evaluation:fake"),
    ("The photo has since been proven false.", None, "denial", "content:evaluation:false"),
    ("The claims were exposed as a hoax.", None, "denial", "content:evaluation:hoax"),
    ("The quote was misattributed.", None, "denial", "content:evaluation:misattributed"),
    # evaluations of several words, or of a quantity of lies; a claim's ground denied by an idiom
    ("The minister said the report was a pack of lies.", "said", "denial", "content:evaluation:lie"),
    ('"My remarks were taken out of context," the coach said.', "said", "denial",
     "content:evaluation:out of context"),
    ("The coach said the newspaper took his words out of context.", "said", "denial",
     "content:evaluation:out of context"),
    ('"Nothing could be further from the truth," the mayor said.', "said", "denial", "content:not-true:truth"),
    ("The company said the information circulating online was incorrect.", "said", "denial",
     "content:evaluation:incorrect"),
    ('"There is no such plan," the minister said.', "said", "denial", "content:no-such:plan"),
    # compounds and phrases of evaluation; a word that is one of spaCy's symbols ("mark") counts too
    ("The minister said the claims were a conspiracy theory.", "said", "denial",
     "content:evaluation:conspiracy theory"),
    ('The senator called the report "a hatchet job".', "called", "denial", "cue+evaluation:call:hatchet job"),
    # an object the parse made a modifier of its predicate ("the report" a compound of "nonsense")
    ("The minister called the report nonsense.", "called", "denial", "cue+evaluation:call:nonsense"),
    ("The minister called the reports rubbish.", "called", "denial", "cue+evaluation:call:rubbish"),
    ("The president labelled the article fake news.", "labelled", "denial", "cue+evaluation:label:fake"),
    ("The minister called the plan nonsense.", "called", "claim", "cue:call"),
    ("The minister called the press conference.", None, "claim", "default"),
    ("The mayor called a news conference on Monday.", None, "claim", "default"),
    ("The minister criticized the news media.", "criticized", "claim", "cue:criticize"),
    # an evaluation in a quantity of it ("a pack of lies")
    ('The minister called the allegations "a pack of lies".', "called", "denial", "cue+evaluation:call:lie"),
    ('The spokesman said the report was "wide of the mark".', "said", "denial",
     "content:evaluation:wide of the mark"),
    ("The spokesman said the story was completely made up.", "said", "denial", "content:evaluation:make up"),
    ("The spokesman said the story had been blown out of proportion.", "said", "denial",
     "content:evaluation:out of proportion"),
    # what was said, twisted by another; an evaluation quoted alone
    ("The governor said the paper had misinterpreted his remarks.", "said", "denial",
     "content:evaluation:misinterpret"),
    ('"Completely false," the spokesman said.', "said", "denial", "content:evaluation:false"),
    ('"Absolutely not true," the minister said.', "said", "denial", "content:not-true:true"),
    # a wrong denied by its noun; not when it is asserted or asked about
    ("The company said there was no wrongdoing.", "said", "denial", "content:no-involvement:wrongdoing"),
    ('"We committed no misconduct," the coach said.', "said", "denial", "content:no-involvement:misconduct"),
    ("The firm said it had not committed any impropriety.", "said", "denial",
     "content:no-involvement:impropriety"),
    ("Critics said there was misconduct at the agency.", "said", "claim", "cue:say"),
    ("The board is examining whether there was misconduct.", None, "claim", "default"),
    ("The inspector said the misconduct was serious.", "said", "claim", "cue:say"),
    # negated lies, wrongs, events; innocence
    ("The lawyer said she did not lie.", "said", "denial", "content:not-false:lie"),
    ("The coach said he did nothing wrong.", "said", "denial", "content:no-involvement:nothing wrong"),
    ("The singer said she was innocent.", "said", "denial", "content:no-involvement:innocent"),
    ("The suspect pleaded not guilty.", None, "denial", "content:no-involvement:guilty"),
    ('"That never happened," the mayor said.', "said", "denial", "content:no-such"),
    ('"That\'s not what I said," the senator said.', "said", "denial", "content:never-said:say"),
    ('"That is not what happened," the officer said.', "said", "denial", "content:never-said:happen"),
    ("The ministry said no such law exists.", "said", "denial", "content:no-such:law"),
    # the article's own debunking without an evaluation word
    ("Contrary to the viral post, the mayor has not resigned.", None, "denial", "content:contrary:post"),
    # idioms and verbs of rejection, by what they reject; an idiom with its fixed word is the cue of a
    # statement by its subject (or a passive's agent), a verb of rejection alone ("quashed") is not
    ("The minister poured cold water on reports that he would resign.", "poured cold water on", "denial",
     "idiom:pour water:report"),
    ("The company shot down the story.", "shot down", "denial", "idiom:shoot down:story"),
    ("The mayor pushed back on the claim.", "pushed back on", "denial", "idiom:push back:claim"),
    ("The police knocked down the rumour.", "knocked down", "denial", "idiom:knock down:rumour"),
    ("The senator called his bluff.", None, "denial", "idiom:call bluff"),
    ("The club took issue with the report.", "took issue with", "denial", "idiom:take issue:report"),
    ("The agency cast doubt on the claims.", "cast doubt on", "denial", "idiom:cast doubt:claim"),
    ("The company brushed off the allegations.", "brushed off", "denial", "idiom:brush off:allegation"),
    # the object the parse hangs on the particle
    ("The coach laughed off the reports.", "laughed off", "denial", "idiom:laugh off:report"),
    ("The crowd laughed off the rain.", None, "claim", "default"),
    ("As easy as it may seem to laugh off the claims, the pastor has a following.", None, "claim", "default"),
    ("The palace quickly quashed the rumours.", None, "denial", "idiom:quash:rumour"),
    ("The president hit out at reports that he was ill.", "hit out at", "denial", "idiom:hit out:report"),
    ("The singer scoffed at the rumours.", None, "denial", "idiom:scoff:rumour"),
    ("The mayor's office rubbished the claims.", None, "denial", "idiom:rubbish:claim"),
    ("The minister mocked claims that he had resigned.", "mocked", "denial", "idiom:mock:claim"),
    # a reported item shown as what it is not: what it in fact is or shows, or where it comes from
    ("Police in Leeds said the photo was actually taken in 2009.", "said", "denial", "content:contrast:photo"),
    ("In fact, the picture shows a protest in Valletta in 2011.", None, "denial", "content:contrast:picture"),
    ("The paper defended its articles.", "defended", "denial", "cue+object:defend:article"),
    ("The company rejected any suggestion of wrongdoing.", "rejected", "denial",
     "cue+object:reject:suggestion"),
    # a denying cue whose object is a claim, an utterance or a part in something (denial_objects.tsv)
    ("The senator rejected the label.", "rejected", "denial", "cue+object:reject:label"),
    ("Mayor Ana Ruiz dismissed the critique.", "dismissed", "denial", "cue+object:dismiss:critique"),
    ("The minister dismissed his role in the affair.", "dismissed", "denial", "cue+object:dismiss:role"),
    # a relative clause without its pronoun: the head noun is what is denied
    ("The club faced bribery charges, a charge it has always denied.", "denied", "denial", "cue:deny"),
    ("He was accused of fraud, an accusation he denies.", "denies", "denial", "cue:deny"),
    ("The senator faced an allegation that he had lied, a claim he rejected.", "rejected", "denial",
     "cue:reject"),
    # a gerund object after an adverb; a ground modified ("absolutely no"), or the agent of a negated
    # passive; the subject of the first of two coordinated verbs
    ("The senator denied ever meeting the lobbyist.", "denied", "denial", "cue:deny"),
    ('"There is absolutely no truth to these reports," she said.', "said", "denial", "content:no-ground:truth"),
    ("The claims are not supported by any evidence.", None, "denial", "content:no-ground:evidence"),
    ("The rumour has been circulating since 2012 and is false.", None, "denial", "content:evaluation:false"),
    # what was said, said not to hold; not supported by the facts; a prefix that negates involvement;
    # contrary to what someone says
    ("That claim does not hold water.", None, "denial", "content:not-true:hold water"),
    ("The story does not stand up to scrutiny.", None, "denial", "content:not-true:stand up"),
    ("The senator said the figures in the report do not add up.", "said", "denial", "content:not-true:add up"),
    ("The claim is not supported by the facts.", None, "denial", "content:no-ground:fact"),
    ("The image is unrelated to the attack, police said.", "said", "denial", "content:no-involvement:unrelated"),
    ("Contrary to what the post says, the mayor has not resigned.", None, "denial", "content:contrary:say"),
    ("The bridge does not hold water.", None, "claim", "default"),         # not something said
    ("The plan does not add up to much.", None, "claim", "default"),
    ("The two cases are unrelated, the judge said.", "said", "denial", "content:no-involvement:unrelated"),
    ("Contrary to what we expected, the bridge held.", None, "claim", "default"),  # not negated, not said
    # a negative quantifier evaluates what it is a part of ("nothing in the article", "no part of")
    ("Nothing in the article is accurate, the spokesman said.", "said", "denial", "content:"),
    ("No part of the report is true, the ministry said.", "said", "denial", "content:"),
    ("Not a word of the story is true.", None, "denial", "content:"),
    ("No part of the bridge is safe, the engineer said.", "said", "claim", "cue:say"),
    # a cue participle beside a denial gives its words
    ("The governor denied the report, saying it was wrong.", "saying", "denial", "governed:cue+object:deny"),
    # hard negatives: plans, offers, things; declining; predictions; criticism and accusation
    ("The mayor rejected the plan.", None, "claim", "default"),
    ("The union shot down the pay offer.", None, "claim", "default"),
    ("The army shot down the drone.", None, "claim", "default"),
    ("The boxer knocked down his opponent.", None, "claim", "default"),
    ("Poking holes in the claims was easy.", None, "claim", "default"),  # nobody named rejects
    ("He shrugged off the injury.", None, "claim", "default"),
    ("The spokesman declined to comment.", "declined", "claim", "cue:comment"),
    ("The minister said the border would not reopen.", "said", "claim", "cue:say"),
    ("The union criticised the decision.", "criticised", "claim", "cue:criticise"),
    ("The senator accused the mayor of lying.", "accused", "claim", "cue:accuse"),
    ("The company is a fraud, the senator said.", "said", "claim", "cue:say"),
    ('"It is impossible to say when the vote will be held," the clerk said.', "said", "claim", "cue:say"),
    ('"It is absurd to wait so long," she said.', "said", "claim", "cue:say"),
    ("The union called the deadline impossible.", "called", "claim", "cue:call"),
    ('"You did nothing wrong," the coach told the player.', "told", "claim", "cue:tell"),
    ('"I don\'t know," the mayor said.', "said", "claim", "cue:say"),
    ('"I don\'t think the video is fake," the curator said.', "said", "claim", "cue:say"),
    ('"If the photo is fake, we will say so," the editor said.', "said", "claim", "cue:say"),
    ("There is no way to know.", None, "claim", "default"),
    ("There is no sign of recovery, the bank said.", "said", "claim", "cue:say"),
    ("He was found not guilty.", None, "claim", "default"),
    ("The town lies on the river.", None, "claim", "default"),
    ("The critic said the film was a fantasy about dragons.", "said", "claim", "cue:say"),
    ("The workers said they would not accept the offer.", "said", "claim", "cue:say"),
    ("The coach said the players were taken out of the game.", "said", "claim", "cue:say"),
    ('"Nothing could be further from the station," the driver said.', "said", "claim", "cue:say"),
    ("The council said it had no plans to raise taxes.", "said", "claim", "cue:say"),
    ("The critic said the novel was a pack of cards.", "said", "claim", "cue:say"),
    ("The video actually went viral last week.", None, "claim", "default"),
    ("The senator actually voted for the bill.", None, "claim", "default"),
    ("The photo was taken in 2009.", None, "claim", "default"),
    ("The critic scoffed at the price.", None, "claim", "default"),
    ("The crowd mocked the referee.", "mocked", "claim", "cue:mock"),
    ("The council rejected the idea of a summit.", "rejected", "claim", "cue+object:reject:idea"),
    ("The council approved the budget, a plan it had rejected in May.", None, "claim", "default"),
    ("The firm challenged the ruling, a decision it has long disputed.", None, "claim", "default"),
    ("The union turned down the offer, a deal it rejected twice.", None, "claim", "default"),
    ("The theory is supported by evidence.", None, "claim", "default"),
    ("The plan was not backed by the council.", None, "claim", "default"),
    ("There is almost no traffic on the bridge.", None, "claim", "default"),
    ("The mayor has served since 2012 and is not happy.", None, "claim", "default"),
    ("The senator called the investigation a witch hunt.", "called", "claim", "cue:call"),
    ("The team was made up of veterans.", None, "claim", "default"),
    ("The coach said the ball was wide of the post.", "said", "claim", "cue:say"),
    ('"I misread the letter," the mayor said.', "said", "claim", "cue:say"),
    ('"Great news," the coach said.', "said", "claim", "cue:say"),
    ('"Not fair," the coach said.', "said", "claim", "cue:say"),
    ('"That is not what we want," the mayor said.', "said", "claim", "cue:say"),
    # every sentence of a quotation counts, the cue before it or after it
    ('Ana Ruiz, counsel for the baker, told reporters "My client has run the shop for years. The '
     'jury found that he did not lie."', "told", "denial", "content:not-false"),
    ('Ana Ruiz, counsel for the baker, told reporters "My client has run the shop for years. The '
     'rumours about him are false."', "told", "denial", "content:evaluation:false"),
    ('The curator told reporters "We opened the room at noon. The photo of the vase is a fake."', "told",
     "denial", "content:evaluation:fake"),
    ('The curator told reporters "We opened the room at noon. The vase is a copy of an older one."', "told",
     "claim", "cue:tell"),
    # a thing said not to be what it is shown as: "not genuine", "not authentic", "not real"
    ("Experts said the photo is not authentic.", "said", "denial", "content:not-true:authentic"),
    ("The painting in the photo is not genuine.", None, "denial", "content:not-true:genuine"),
    ('"The video is not real," the director said.', "said", "denial", "content:not-true:real"),
    ("The curator said the painting was genuine.", "said", "claim", "cue:say"),
    ('"The danger is real," the mayor said.', "said", "claim", "cue:say"),
    ('"He is not a genuine leader," the senator said.', "said", "claim", "cue:say"),
    # a definite utterance one did not make: "did not make those remarks", "never wrote that letter"
    ('"He did not make those remarks," a spokesman said.', "said", "denial", "content:never-said:make"),
    ('"I never wrote that letter," Kent said.', "said", "denial", "content:never-said:write"),
    ("The senator's office said he did not post the tweet.", "said", "denial", "content:never-said:post"),
    ('"We have not issued a statement yet," the spokesman said.', "said", "claim", "cue:say"),
    ('"You did not write the report," the judge said.', "said", "claim", "cue:say"),
    ("Kent said he did not make the team this year.", "said", "claim", "cue:say"),
    ('"I did not send the letter yet," Kent said.', "said", "claim", "cue:say"),
    ("The senator did not make a speech on Monday.", None, "claim", "default"),
    # reported items that carry claims (an ad, a poll); idioms of disagreeing, questioning a truth,
    # keeping one's innocence
    ("The campaign said the ad was false.", "said", "denial", "content:evaluation:false"),
    ('"The ad is a lie," the senator said.', "said", "denial", "content:evaluation:lie"),
    ('Kent\'s campaign said the poll was "deeply flawed."', "said", "denial", "content:evaluation:flawed"),
    ("The senator condemned the ad.", "condemned", "claim", "cue:condemn"),
    ("The campaign said the poll was accurate.", "said", "claim", "cue:say"),
    ("Kent maintained his innocence.", None, "denial", "idiom:maintain innocence"),
    ("Kent has protested his innocence throughout the trial.", None, "denial", "idiom:protest innocence"),
    ("Kent maintained his lead.", None, "claim", "default"),
    ("Kent challenged the accuracy of the report.", "challenged the accuracy of", "denial",
     "idiom:challenge accuracy:report"),
    ("The minister questioned the veracity of the claims.", "questioned", "denial",
     "idiom:question veracity:claim"),
    ("Kent questioned the credibility of the witness.", "questioned", "claim", "cue:question"),
    ("Kent challenged the validity of the election.", None, "claim", "default"),
    ("Kent disagreed with the report's conclusions.", None, "denial", "idiom:disagree:conclusion"),
    ('The company said it "strongly disagrees" with the findings.', "said", "denial",
     "content:idiom:disagree:finding"),
    ("Kent disagreed with the senator on taxes.", None, "claim", "default"),
    # linking verbs as "be": "seems untrue", "proved false", "remain unsubstantiated"
    ("The news is old, and it seems not even true.", None, "denial", "content:not-true:true"),
    ("The story seems untrue.", None, "denial", "content:evaluation:untrue"),
    ('"The report looks fake to me," the curator said.', "said", "denial", "content:evaluation:fake"),
    ("The reports remain unsubstantiated.", None, "denial", "content:evaluation:unsubstantiated"),
    ("The mayor seems tired.", None, "claim", "default"),
    ("The plan seems wrong.", None, "claim", "default"),
    ("The bridge remains closed.", None, "claim", "default"),
    # what a thing held true shows: "records showing that ...", "a study proving that ..."
    ('"Our archive holds letters showing that the rumours are false," the bishop wrote.', "wrote", "denial",
     "content:evaluation:false"),
    ("The ministry said it held a study proving that the claims were untrue.", "said", "denial",
     "content:evaluation:untrue"),
    ('"Our archive holds letters showing that the bridge was expensive," the bishop wrote.', "wrote", "claim",
     "cue:write"),
    ('"Our archive holds no letters showing that the rumours are false," the bishop wrote.', "wrote", "claim",
     "cue:write"),
    # "no way" with a clause of what will be is a vow or a prediction, not a denial
    ('"There is no way we will let them in," the guard said.', "said", "claim", "cue:say"),
    ("There is no way we are going to let the rats land.", None, "claim", "default"),
    ("The coach said there was no way the team would lose.", "said", "claim", "cue:say"),
    ('"There is no way I took the money," Kent said.', "said", "denial", "content:no-ground:way"),
    # never having said that: a closing "that" the parser hangs on the verb outside the quote
    ('"I never said that," Kent said.', "said", "denial", "content:never-said:say"),
    ('"We never claimed this," the spokesman said.', "said", "denial", "content:never-said:claim"),
    ('"I never said goodbye to my father," Kent said.', "said", "claim", "cue:say"),
    ('"I never told him to leave," Kent said.', "said", "claim", "cue:say"),
    ("Kent said the minister never said the tax would rise.", "said", "claim", "cue:say"),
    ('"It does not answer whether the driver had a gun," the lawyer said.', "said", "claim", "cue:say"),
    ('"I never said that to anyone before," the coach said.', "said", "claim", "cue:say"),
    ('"I never say no to a good meal," the chef said.', "said", "claim", "cue:say"),
    # a missing ground or evidence as any verb's object, with what it would show
    ("The committee found no evidence that the order had been given.", None, "denial",
     "content:no-ground:evidence"),
    ("The inquiry found no evidence of wrongdoing by the mayor.", None, "denial", "content:no-ground:evidence"),
    ("The campaign has offered no evidence for the claim.", None, "denial", "content:no-ground:evidence"),
    ('"He has no proof of that," the spokesman said.', "said", "denial", "content:no-ground:proof"),
    ("Investigators said they did not find any evidence that the fire was set.", "said", "denial",
     "content:no-ground:evidence"),
    ("The panel found no evidence to support the allegations.", None, "denial", "content:no-ground:evidence"),
    ("The senator has provided no proof of his claims.", None, "denial", "content:no-ground:proof"),
    ('An audit by the board found "no evidence that the funds had been moved."', "found", "denial",
     "cue+no-ground:find:evidence"),
    ('The report found "no proof of the allegations."', "found", "denial", "cue+no-ground:find:proof"),
    ('The report found "no sign of recovery."', "found", "claim", "cue:find"),
    ("The committee found no evidence of recovery in the market.", None, "claim", "default"),
    ('"Frankly, I see no evidence that the club wants to grow," the fan said.', "said", "claim", "cue:say"),
    ("The doctors found no evidence of cancer.", None, "claim", "default"),
    ("The police have no evidence yet.", None, "claim", "default"),
    ("The team found no trace of the missing hikers.", None, "claim", "default"),
    ("The court said the lawyers had no basis to appeal.", "said", "claim", "cue:say"),
    ("The mayor has no proof of residence.", None, "claim", "default"),
    # what someone said, got wrong
    ("The senator got the facts wrong.", None, "denial", "content:evaluation:wrong"),
    ("The paper got the story wrong, the mayor said.", "said", "denial", "content:evaluation:wrong"),
    ("The waiter got the order wrong.", None, "claim", "default"),
    ("The team got the result it wanted.", None, "claim", "default"),
    # a claim a thing that shows does not corroborate; a claim that does not survive scrutiny
    ("The numbers don't back up his claim.", None, "denial", "content:not-supported:back up"),
    ("The facts do not support the senator's claim.", None, "denial", "content:not-supported:support"),
    ("The study did not support the claim that the drug works.", None, "denial",
     "content:not-supported:support"),
    ("His claim doesn't survive scrutiny.", None, "denial", "content:not-true:survive scrutiny"),
    ("Voters do not support the claim.", None, "claim", "default"),
    ("The senator does not support the plan.", None, "claim", "default"),
    ("The data do not support the plan.", None, "claim", "default"),
    ("The data support his claim.", None, "claim", "default"),
    # a ground in a quantity ("not a shred of", WordNet's nouns of an indefinite quantity)
    ('"There is not a shred of truth in it," the spokesman said.', "said", "denial", "content:no-ground:truth"),
    ('"There is not an iota of truth in the story," Kent said.', "said", "denial", "content:no-ground:truth"),
    ('"There is not a shred of doubt in my mind," Kent said.', "said", "claim", "cue:say"),
    ('"There is a lot of truth in it," Kent said.', "said", "claim", "cue:say"),
    # no such thing received or held: "any such", "no such" on the object
    ('"We have never received any such request," the ministry said.', "said", "denial",
     "content:no-such:request"),
    ("The airline said it had no such policy.", "said", "denial", "content:no-such:policy"),
    ('"I have never seen such a crowd," the mayor said.', "said", "claim", "cue:say"),
    ("The actor had no such praise for the senator.", None, "claim", "default"),
    ('"We have not received any request," the ministry said.', "said", "claim", "cue:say"),
    # an utterance pointed at, never said by whoever is named
    ("The senator never said those words, her aide said.", "said", "denial", "content:never-said:say"),
    ("The quote attributed to the senator was never said by her.", None, "denial", "content:never-said:say"),
    ("The senator never said the word sorry, her critics said.", "said", "claim", "cue:say"),
    ("The senator has not said a word about the vote.", None, "claim", "default"),
]

# (text, cue of the denial or None, cue of the statement it answers or None, rule prefix)
PAIRS = [
    # a claim negated by an unnamed speaker whose "he"/"she" is the person the claim is about
    ("Reports said Coach Ray Dunn had been fired. A club spokesman said he had not been fired.", "said",
     "said", "content:negates:fire"),
    ("Posts on social media claimed that Mayor Maria Lopez had resigned. Her office said she has not resigned.",
     "said", "claimed", "content:negates:resign"),
    # a flat negation answering an accusation, by the accused or by someone for them
    ('Mayor Bo Kent was accused of bribery. Kent said: "I never took a cent."', "said", None,
     "content:answers:take"),
    ("Mayor Bo Kent faces charges of bribery. Kent said he never took money from anyone.", "said", None,
     "content:answers:take"),
    ("The driver was charged with the hit-and-run. The driver's lawyer said his client had never been near "
     "the scene.", "said", None, "content:answers:be"),
    ("Critics accused Lopez of making $40 million from the deal. Lopez said he did not make $40 million "
     "from the deal.", "said", "accused", "content:answers:make"),
    # in a later sentence of a quotation, naming the accusation's event; by whom a claim is about, of
    # its event; by a speaker whose title names the accused; an evaluation after the accused's first words
    ('Mayor Bo Kent was accused of taking bribes. Kent said: "We worked hard. I never took a cent."', "said",
     None, "content:answers:take"),
    ('Mayor Bo Kent was accused of taking bribes. Kent said: "We worked hard. I never accepted a bribe."',
     "said", None, "content:answers:accept"),
    ('Critics said Mayor Bo Kent had cut the school budget. Kent said: "We have not cut a single dollar from '
     'schools."', "said", "said", "content:answers:cut"),
    ('The governor was accused of ignoring warnings. "I didn\'t ignore anything," Governor Tim Roe said.',
     "said", None, "content:answers:ignore"),
    ('Mayor Bo Kent was accused of taking bribes. Kent said: "I have served this city for years. These claims '
     'are lies."', "said", None, "content:evaluation:lie"),
    # the accused party negates the act it is accused of, whoever the subject: members of the body
    # ("officers" of the police, "officials" of the ministry, "soldiers", "a military spokesman",
    # "company executives"), "its president", "a lawyer for the defendant"
    ("Police were accused of beating protesters. Officers said they did not beat anyone.", "said", None,
     "content:answers:beat"),
    ("Police were accused of beating protesters. Two officers said no protester had been beaten.", "said", None,
     "content:answers:beat"),
    ("The army was accused of shelling the village. Soldiers said they had never shelled the village.", "said",
     None, "content:answers:shell"),
    ("The army was accused of shelling the village. A military spokesman said troops had never shelled the "
     "village.", "said", None, "content:answers:shell"),
    ("Rights groups accused the Interior Ministry of torturing prisoners. Officials said no prisoner had been "
     "tortured.", "said", "accused", "content:answers:torture"),
    ("Rights groups accused the government of torturing prisoners. Government officials said no prisoner had "
     "been tortured.", "said", "accused", "content:answers:torture"),
    ("Delmar Steel Corp was accused of dumping waste in the river. Company executives said nothing had been "
     "dumped.", "said", None, "content:answers:dump"),
    ('Delmar Steel Corp was accused of dumping waste in the river. Its president said: "We never dumped '
     'anything."', "said", None, "content:answers:dump"),
    ("Delmar Steel Corp was accused of dumping waste in the river. Its president said nothing had been "
     "dumped.", "said", None, "content:answers:dump"),
    ("Tom Hale was charged with arson. Mia Brandt, a lawyer for the defendant, said he had never been near the "
     "warehouse.", "said", None, "content:answers:be"),
    # a negated passive: what was done to, by the claim's subject or by anyone
    ("The website claimed Delmar Steel Corp had fired 500 workers. A company spokeswoman said no workers had "
     "been fired.", "said", "claimed", "content:negates:fire"),
    ("Reports claimed that Delmar Steel Corp dumped waste in the river. A spokesman for the firm said no waste "
     "was dumped.", "said", "claimed", "content:negates:dump"),
    ("Several websites reported that the Lakeport council had banned dogs from parks. Councillors said dogs had "
     "not been banned.", "said", "reported", "content:negates:ban"),
    # the same event with the polarity flipped: a reported claim, the headline, the article's own
    ("A report said that the mayor made a deal with the developer. The mayor's office said the mayor did "
     "not make any deal with the developer.", "said", "said", "content:negates:deal"),
    ("Mayor Bo Kent resigns over bribery claims\n\nThe mayor's office said Kent had not resigned and was at "
     "work on Monday.", "said", None, "content:negates:resign"),
    ("A viral post claimed that the mayor had resigned. The mayor has not resigned.", None, "claimed",
     "content:negates:resign"),
    # one event in other words (WordNet senses and derivations): "backed" and "endorse", "have plans
    # to" and "planned to" (the plan's act may be worded otherwise), "no plans to sell" and "intends to sell"
    ("Reports claimed that Mayor Lena Ortiz backed the governor. Ortiz said she did not endorse the governor.",
     "said", "claimed", "content:negates:back"),
    ("A newspaper reported that the council planned to charge visitors for parking. The council does "
     "not have plans to introduce parking fees, a spokesman said.", "said", "reported",
     "content:negates:plan"),
    ("A blog reported that the club intends to sell its stadium. The club said it had no plans to sell the "
     "stadium.", "said", "reported", "content:negates:sell"),
    # the speaker speaks for whom its description names
    ('A website reported that singer Tess Varga was pregnant. "She is not pregnant," Varga\'s publicist said.',
     "said", "reported", "content:negates:pregnant"),
    ("A website reported that singer Tess Varga was pregnant. Her publicist said she was not pregnant.",
     "said", "reported", "content:negates:pregnant"),
    # the opposite event (WordNet antonyms) of the same participants, after the claim
    ("A tabloid reported that the union accepted the offer. The union said it had rejected the offer.", "said",
     "reported", "content:opposes:reject"),
    ("The paper reported that singer Tess Varga was dead. Her manager said Varga was alive.", "said", "reported",
     "content:opposes:alive"),
    # the speaker of a claim called wrong
    ("Senator Ann Tallis said crime had doubled. But the senator is wrong.", None, "said", "content:faults:wrong"),
    ('Senator Ann Tallis said crime had doubled. "She is mistaken," the mayor said.', "said", "said",
     "content:faults:mistaken"),
    # ... or the article's own, set against the claim ("in fact", "actually")
    ("The senator claimed the jobless rate had risen. In fact, the jobless rate has fallen.", None, "claimed",
     "content:opposes:fall"),
    ("Senator Ann Tallis said sales had increased. Actually, sales decreased last year.", None, "said",
     "content:opposes:decrease"),
    # a clause negated by its object: the same event, subject and object
    ("Posts online claimed the vaccine contains a microchip. The health ministry said the vaccine contains "
     "no microchip.", "said", "claimed", "content:negates:contain"),
    ("Critics said the Delmar firm paid a bribe to the minister. The firm said it paid no bribe.", "said",
     "said", "content:negates:pay"),
    # true what another calls false
    ("The union called the figures misleading. The auditor said the figures were accurate.", "said",
     "called", "content:affirms:accurate"),
]

UNPAIRED = [
    'Senator Ann Tallis said crime had doubled. "I was wrong," Tallis later said.',  # one's own error
    "Senator Ann Tallis said crime had doubled. Tallis was wrong to resign.",  # an act judged
    "Senator Ann Tallis resigned. Tallis is wrong.",  # no claim of hers
    "Senator Ann Tallis said crime had doubled. The mayor is wrong.",
    "Senator Ann Tallis said crime had doubled. Even when Tallis was wrong, it was not for ideological reasons.",
    "The senator claimed the jobless rate had risen. The jobless rate has fallen since.",  # no "in fact"
    "The senator claimed the jobless rate had risen. In fact, the price of bread has fallen.",
    "Reports said Coach Ray Dunn had been fired. A club spokesman said he had not been consulted.",
    "Mayor Bo Kent made allegations of bribery. Kent said he never took money from anyone.",
    "Mayor Bo Kent faces a tough race. Kent said he never took money from anyone.",
    "The senator said the plan was not ready. The governor said it was ready.",
    "The minister said the bridge would open in May. The mayor said the bridge would not open in May.",
    "Critics accused the mayor of waste. The mayor said he did not know the figures.",
    "The senator accused the mayor of lying. The mayor said he was not happy.",
    "The paper reported that the mayor met the developer. The mayor said he did not meet the governor.",
    "The minister made no comment. Reports said the minister commented on the case.",
    "The minister made no comment. Reports said the minister made a comment.",
    "A tabloid said singer Tess Varga owns a yacht. Her agent said she owns no car.",
    "A spokesman said the Delmar firm offers mothers eight weeks of paid leave. Workers said the firm offers "
    "no paid leave to fathers.",
    "Critics said the Delmar firm paid a bribe. The firm said it would pay no fine.",
    "A blog reported that the club wants to sell its stadium. The club said it had no plans to buy a stadium.",
    "Reports said singer Tess Varga was pregnant. Her publicist said the tour was not cancelled.",
    "The senator said profits rose. The minister said profits fell.",
    "Ortiz won the seat, the paper said. Reyes said he lost the seat.",
    "The union accepted the offer, a report said. The union rejected the plan, its leader said.",
    "The union rejected the offer, its leader said. A tabloid later reported that the union accepted the offer.",
    "Mayor Bo Kent said he would stop the project. Kent said he is going to help the builders.",
    # a quotation's later sentence that names nothing of the accusation; "I never said I would run";
    # a negated prediction; criticism; another event of one a claim is about; another office
    'Mayor Bo Kent was accused of taking bribes. Kent said: "We worked hard. I never went to Paris."',
    'Mayor Bo Kent was accused of taking bribes. Kent said: "The vote is in May. I never said I would run."',
    'A blog said Mayor Bo Kent met the builders in May. Kent said: "We worked hard. The tram will not open '
    'in May."',
    'Critics accused Mayor Bo Kent of waste. Kent said: "We worked hard. The council\'s plan is a disaster."',
    'Critics said Mayor Bo Kent had cut the school budget. Kent said: "We have not visited the schools."',
    'The governor was accused of ignoring warnings. "I didn\'t ignore anything," Senator Tim Roe said.',
    # the accused party negating another act, a prediction, a refusal, no comment, blame turned back;
    # another party negating something of the accusation; another object or agent of a passive
    "Police were accused of beating protesters. Officers said they had not received a pay rise.",
    "Police were accused of beating protesters. Officers said the march would not be allowed next week.",
    "Police were accused of beating protesters. Officers declined to comment.",
    "Police were accused of beating protesters. Officers said the protesters had not obeyed orders.",
    "Police were accused of beating protesters. The protesters said officers had not warned them.",
    "The army was accused of shelling the village. A military spokesman said the army would not withdraw.",
    "The army was accused of shelling the village. Villagers said troops had not left the village.",
    "Delmar Steel Corp was accused of dumping waste in the river. The firm said it would not accept the "
    "union's offer.",
    "Delmar Steel Corp was accused of dumping waste in the river. The firm said it had not seen the report yet.",
    "Critics accused Delmar Steel Corp of fraud. The company said the critics had not read its accounts.",
    "Tom Hale was charged with arson. Mia Brandt, a lawyer for the defendant, said the trial would not start "
    "in May.",
    "Several websites reported that the Lakeport council had banned dogs from parks. Residents said cats had "
    "not been banned.",
    "Reports said the council banned dogs from parks. The mayor said dogs had not been banned by the governor.",
    "The website claimed Delmar Steel Corp had fired 500 workers. A spokeswoman said no managers had been hired.",
]


def _statement(art, cue):
    found = [s for s in art.statements if (s.cue.text if s.cue is not None else None) == cue]
    assert found, [(s.text, s.cue) for s in art.statements]
    return found[-1]


@pytest.mark.parametrize("text, cue, label, rule", SINGLE, ids=[c[0][:50] for c in SINGLE])
def test_denials_in_any_wording(extractor, text, cue, label, rule):
    art = extractor(text)
    assert_offsets(art)
    s = _statement(art, cue)
    assert (s.label, s.act == "deny") == (label, label == "denial"), s.evidence.label_rule
    assert s.evidence.label_rule.startswith(rule), s.evidence.label_rule


@pytest.mark.parametrize("text, cue, answered, rule", PAIRS, ids=[c[0][:50] for c in PAIRS])
def test_dispute_pairs(extractor, text, cue, answered, rule):
    art = extractor(text)
    assert_offsets(art)
    by_id = {s.id: s for s in art.statements}
    denial = _statement(art, cue)
    rule_found = denial.evidence.label_rule
    assert denial.label == "denial" and rule_found.startswith(rule), rule_found
    other = by_id[denial.refutes]
    assert other is not denial
    assert other.label == ("denial" if rule == "content:affirms:accurate" else "claim")
    assert (other.cue.text if other.cue is not None else None) == answered
    assert other.start < denial.start


@pytest.mark.parametrize("text", UNPAIRED, ids=[t[:50] for t in UNPAIRED])
def test_negations_that_answer_nothing_stay_claims(extractor, text):
    art = extractor(text)
    assert all(s.label == "claim" and s.refutes is None for s in art.statements), [
        (s.text, s.evidence.label_rule) for s in art.statements]


def test_no_denial_refutes_itself(extractor):
    art = extractor("The union called the figures misleading. The auditor said the figures were accurate.")
    assert all(s.refutes != s.id for s in art.statements)


def test_table_covers_denials_and_hard_negatives():
    denials = [c for c in SINGLE if c[2] == "denial"] + PAIRS
    negatives = [c for c in SINGLE if c[2] == "claim"] + UNPAIRED
    assert len(denials) + len(negatives) >= 60 and len(negatives) >= 20


@pytest.mark.parametrize("text, verb, answered", [
    ("The minister was accused of taking bribes, which he denied.", "denied", "accused"),
    ("The mayor faced claims that she lied, which she dismissed as baseless.", "dismissed", "claims"),
])
def test_a_nested_denial_is_labelled_when_it_arrives(extractor, text, verb, answered):
    """A relative cue ("..., which he denied") that the attribution stage gives as a statement of its
    own, beside the sentence around it, is a denial answering that sentence (stance's own entry point)."""
    doc = extractor.nlp.make_doc(text)
    for _, proc in extractor.nlp.pipeline:
        if proc.__class__.__name__ != "ClaimlensComponent":
            doc = proc(doc)
    segments = segment.sentences(doc)
    table = actors.find_actors(doc, segments)
    sent = segments[0].span
    cue = next(t for t in sent if t.text == verb)
    subject = next(c for c in cue.children if c.dep_ == "nsubj")
    outer = attribution.Draft(parts=[(sent.start_char, cue.idx - 2)], quote="none", sent=0, rule="own")
    which = next(c for c in cue.children if c.dep_ == "dobj")
    nested = attribution.Draft(parts=[(which.idx, which.idx + len(which))], quote="indirect", sent=0,
                               rule="object", cue=doc[cue.i : cue.i + 1], cue_lemma=cue.lemma_,
                               speaker=doc[subject.i : subject.i + 1],
                               content=doc[which.i : which.i + 1])
    stance.label([outer, nested], segments, table, cue_lexicon())
    assert (outer.label, nested.label) == ("claim", "denial")
    assert nested.refutes is outer
    assert any(t.text == answered for t in doc[sent.start : cue.i]) and outer.label_rule == "default"


# (text, cue of the denial, cue of the statement it refutes or None for none)
REFUTES = [
    # the denial names the act it answers ("this argument" ← "argued"), not the statement sharing words
    ("The lawyer argued that the contract was void. Critics said the contract was signed in May. The judge "
     "rejected this argument.", "rejected", "argued"),
    # whose words are denied ("the ministry's claims"), though another statement shares more words
    ("The ministry claimed that the dam had cracked. The governor said the river had risen near the dam. "
     "Engineer Lisa Marsh rejected the ministry's claims.", "rejected", "claimed"),
    # a claim about the denier, asserted (a negated one says nothing the denier would deny)
    ("The witness testified that she was attacked by Tom Hale in the car park. Hale denied any violence.",
     "denied", "testified"),
    ("The witness testified that Tom Hale did not attack her. Hale denied any violence.", "denied", None),
    # one party never answers itself: a spokesman and the one he speaks for
    ("Mayor Bo Kent accused the paper of bias. Kent's spokesman Dan Reyes said the articles were misleading.",
     "said", None),
]


@pytest.mark.parametrize("text, cue, answered", REFUTES, ids=[c[0][:50] for c in REFUTES])
def test_what_a_denial_refutes(extractor, text, cue, answered):
    art = extractor(text)
    assert_offsets(art)
    by_id = {s.id: s for s in art.statements}
    denial = _statement(art, cue)
    assert denial.label == "denial", denial.evidence.label_rule
    other = by_id.get(denial.refutes)
    assert (other.cue.text if other is not None and other.cue is not None else None) == answered, other


# (text, cue, content of the denial, speaker mention): what a denying cue's object draft spans
DENIED_OBJECTS = [
    ("The senator rejected the label.", "rejected", "the label", "The senator"),
    ("Mayor Ana Ruiz dismissed the critique.", "dismissed", "the critique", "Mayor Ana Ruiz"),
    ("The club faced bribery charges, a charge it has always denied.", "denied", "a charge", "it"),
    ("He was accused of fraud, an accusation he denies.", "denies", "an accusation", "he"),
    ("The minister faced claims of bribery, which he denied.", "denied", "claims of bribery", "he"),
    ("The mayor denied the notion that she had lied.", "denied", "the notion that she had lied", "The mayor"),
    ("The mayor disputed that account.", "disputed", "that account", "The mayor"),
    ("The senator denied ever meeting the lobbyist.", "denied", "ever meeting the lobbyist", "The senator"),
    # an idiom of rejection with its fixed word: its subject rejects, or a passive's agent
    ("The ministry poured cold water on reports that talks had collapsed.", "poured cold water on",
     "reports that talks had collapsed", "The ministry"),
    ("A spokesperson for the club shot down the rumour on Tuesday.", "shot down", "the rumour",
     "A spokesperson for the club"),
    ("The rumour was shot down by police on Monday.", "shot down", "The rumour", "police"),
    ("Critics poked holes in the study's claims.", "poked holes in", "the study's claims", "Critics"),
    ("The coach played down reports of a rift.", "played down", "reports of a rift", "The coach"),
]


@pytest.mark.parametrize("text, cue, said, speaker", DENIED_OBJECTS, ids=[c[0][:50] for c in DENIED_OBJECTS])
def test_what_a_denying_cue_denies(extractor, text, cue, said, speaker):
    art = extractor(text)
    assert_offsets(art)
    s = _statement(art, cue)
    assert (s.label, s.text, s.speaker.text if s.speaker is not None else None) == ("denial", said, speaker)
    assert s.start == text.index(said) and s.end == s.start + len(said)
