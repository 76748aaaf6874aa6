"""Segmentation: sentences with offsets; site furniture found by general rules."""
import pytest


def verdicts(extractor, text):
    art = extractor(text)
    for s in art.sentences:
        assert text[s.start:s.end] == s.text
    return [(s.text, s.boilerplate) for s in art.sentences]


@pytest.mark.parametrize("line, furniture", [
    ("World  /  Europe", True),                                         # navigation crumbs
    ("Home > Business > Markets", True),
    ("SHARE THIS STORY", True),                                         # a button
    ("Follow us on social media", True),
    ("Follow Maria Ortega on Twitter @mortega.", True),                 # an author's account
    ("Follow the senator on Twitter, the campaign urged its volunteers last week.", False),
    ("Read more", True),
    ("Got something to add to this story?", True),                     # an invitation to comment
    ("Let us know what you think in the comments below.", True),
    ("Please leave your thoughts in the comments section.", True),
    ("Readers shared their stories in the comments.", False),
    ("She left a note in the comments of the blog post, the police said.", False),
    ("This handout picture taken on Monday shows the damaged bridge.", True),   # caption
    ("Photo: Reuters", True),
    ("Our reports can also be read at the following mirror sites:", True),      # footer
    ("The full text is also available at the agency's site.", True),
    ("www.example-news.net", True),                                     # a bare address
    ("By Jane Q. Doe", True),                                           # byline
    ("Thursday, March 5, 2020", True),                                  # dateline
    ("All rights reserved.", True),
    ("Key points", True),                                               # short verbless label
    ("related Links", True),
    ("Latest   Most Read   Video   Newsletters", True),                 # a menu spaced out
    ("@media screen and (max-width: 600px) {.promo { display: none; }}", True),     # style and script
    ("<!-- ad_slot = 'top'; ad_size = '728x90'; //-->", True),
    ("The ministry said x = 5; y = 6 were the settings.", False),
    ("The council  voted  to close the road.", False),                  # stray double spaces
    ("Most voters in the Globe/Suffolk poll said the state needs more money for schools.", False),
    ("Lawmakers approved the budget on Tuesday.", False),               # content
    ("Senate passes climate bill", False),                              # a headline with a verb
    ("The minister said the photo shows nothing new.", False),
    ("The video of the mayor saying the bridge was safe went viral.", False),  # a caption's opening, a sentence
    ("By the end of the week, prices had doubled.", False),
    ("Share prices fell sharply after the announcement.", False),
    ("LETTERS.", True),                                # a section label in capitals, full stop and all
    ("ABSTRACT.", True),
    ("Ray Dunn.", True),                               # a letter's signature
    ("Springfield, Ill.", True),                       # where the writer lives
    ("Ann Marsh", True),
    ("Old news from last year.", False),               # verbless, with a full stop: still a sentence
    ("Ana Pires: 'Bill Dunn\u2019s fair game.'", False),  # ... its full stop inside the quotation marks
    ("POLICE DENY THE REPORT.", False),                # a headline in capitals, with its verb
    ("SENATE VOTES.", False),
    ("Ray Dunn resigned.", False),
    ("Fresh doubts over the levee.", False),
])
def test_furniture(extractor, line, furniture):
    text = f"{line}\n\nThe council voted to close the road.\n"
    found = verdicts(extractor, text)
    assert found[0] == (line.strip(), furniture)
    assert found[-1] == ("The council voted to close the road.", False)


def test_a_signature_keeps_its_signer_as_an_actor(extractor):
    text = ("The new toll is unfair to commuters who have no other road into town.\n\n"
            "Ray Dunn.\n\nSpringfield, Ill.\n")
    art = extractor(text)
    assert [s.text for s in art.sentences if s.boilerplate] == ["Ray Dunn.", "Springfield, Ill."]
    assert "Ray Dunn" in [a.name for a in art.actors]
    assert [text[s.start:s.end] for s in art.statements] == [
        "The new toll is unfair to commuters who have no other road into town"]


def test_no_sentence_crosses_a_line_break(extractor):
    text = "Breaking news\nThe army said it had withdrawn. Officials agreed\n\nTalks resume today."
    assert [t for t, _ in verdicts(extractor, text)] == [
        "Breaking news", "The army said it had withdrawn.", "Officials agreed", "Talks resume today."]


def test_closing_quote_stays_with_its_sentence(extractor):
    text = 'He said the deal "was finished." Then he left.'
    assert [t for t, _ in verdicts(extractor, text)] == ['He said the deal "was finished."', "Then he left."]


@pytest.mark.parametrize("text, expected", [
    ("''It is over,'' she wrote. ''We lost.''", ["''It is over,'' she wrote.", "''We lost.''"]),
    ('She left. \u201cWe lost.\u201d', ["She left.", "\u201cWe lost.\u201d"]),
    # negatives: the point of an abbreviation, a closing mark after the stop
    ("She met Mr. ''Big'' Jones.", ["She met Mr. ''Big'' Jones."]),
    ('He said it "was over." Then he left.', ['He said it "was over."', "Then he left."]),
])
def test_opening_quote_after_a_full_stop_starts_a_sentence(extractor, text, expected):
    assert [t for t, _ in verdicts(extractor, text)] == expected


def test_headline_is_one_sentence(extractor):
    text = "Minister rejects 'baseless' claims as talks stall\n\nThe talks stalled."
    assert verdicts(extractor, text)[0] == ("Minister rejects 'baseless' claims as talks stall", False)


@pytest.mark.parametrize("text, sentence, whole", [
    ("Read more", "Read more", True),
    ("  Read more \t\nNext line", "Read more", True),                 # white space around it
    ("First line\nRead more\nLast line", "Read more", True),
    ("First line\n\n  Read more  \n\nLast line", "Read more", True),
    ("He said so. Read more", "Read more", False),                    # another sentence before it
    ("Read more. He said so.\nNext", "Read more.", False),            # ... or after it
    ("x\nHe left. Read more now\n", "Read more now", False),
])
def test_whole_line(text, sentence, whole):
    from claimlens.segment import _whole_line

    start = text.index(sentence)
    assert _whole_line(text, start, start + len(sentence)) is whole


def test_a_caption_opening_inside_a_paragraph_is_content(extractor):
    text = ("The mayor spoke on Monday. A video shows the mayor saying the bridge is safe. Critics disagreed.\n\n"
            "This file photo shows the entrance to the city hall.\n")
    found = verdicts(extractor, text)
    assert ("A video shows the mayor saying the bridge is safe.", False) in found
    assert found[-1] == ("This file photo shows the entrance to the city hall.", True)
