"""Derive ``models/cues.tsv`` and ``models/cue_frames.tsv`` from VerbNet 3.4 and CAMEO.

Run at development time only (standard library): ``python tools/derive_cues.py [--lexicons DIR]``
(default ``../shared/lexicons``). It reads the VerbNet classes of communication, judgement and
declaration verbs (``verbnet/*.xml``: MEMBERS and the ``DESCRIPTION primary`` of FRAMES, with the
prepositions of their SYNTAX) and the CAMEO verb dictionary of PETRARCH2 (``cameo/CAMEO.2.0.txt``:
synonym blocks and their event codes), and rewrites the two TSVs that ship in ``models/``.

What it decides, and where each decision is written:

- a class of VerbNet is speech, belief or not speech (``CLASSES``); a member whose main sense is
  not speech in news writing is left out (``POLYSEMOUS``) or listed as an official act,
  perception, support or search (``NOT_SPEECH``: kind ``act``, never a cue);
- the speech act comes from the lemma's CAMEO code (``CAMEO_ACTS``), else from the class;
- the frames come from the class's primary frames (``frames_of``), restricted for verbs whose
  object is only sometimes something said (``PROPOSITION_ONLY``, ``TOPIC_ONLY``) or never
  (``CLAUSE_ONLY``);
- a row of the current TSVs is kept (its act, kind and frames win) unless VerbNet or CAMEO
  contradict it (``CONTRADICTED``); a row neither source gives is kept only with a general
  reason (``MANUAL``), written into its ``source`` column.
"""
from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"

# class id (a prefix covers its subclasses; the longest prefix wins) -> (act, kind), or None: not speech
CLASSES: dict[str, tuple[str, str] | None] = {
    "say-37.7": ("assert", "speech"),
    "tell-37.2": ("assert", "speech"),
    "transfer_mesg-37.1.1": ("assert", "speech"),
    "inquire-37.1.2": ("ask", "speech"),
    "interrogate-37.1.3": None,  # questioning a person is an official act (the topic frame below is CAMEO's)
    "manner_speaking-37.3": ("assert", "speech"),
    "talk-37.5": ("assert", "speech"),
    "lecture-37.11": ("assert", "speech"),
    "chit_chat-37.6": None,  # talking with someone: no content reported
    "complain-37.8": ("condemn", "speech"),
    "advise-37.9": ("warn", "speech"),
    "confess-37.10": ("concede", "speech"),
    "overstate-37.12": None,  # the article's judgement of how something was said
    "promise-37.13": ("promise", "speech"),
    "declare-29.4": ("assert", "speech"),
    "conjecture-29.5": ("assert", "belief"),
    "consider-29.9": ("assert", "belief"),
    "characterize-29.2": ("assert", "speech"),
    "dub-29.3.2": ("assert", "speech"),
    "pronounce-29.3.1": None,  # pronouncing a word
    "judgment-33.1": ("condemn", "speech"),
    "suspect-81": ("accuse", "speech"),
    "prosecute-33.2": None,  # official acts: arrest, charge, indict
    "indicate-78": ("assert", "speech"),
    "accept-77.1": ("concede", "speech"),
    "reject-77.2": ("reject", "speech"),
    "correspond-36.1": None,  # interaction: negotiate, collaborate
    "battle-36.4": None,  # conflict, mostly physical
    "initiate_communication-37.4.2": None,  # getting in touch: no content
    "instr_communication-37.4.1": None,  # the instrument (cable, fax, wire): rare in news, polysemous
}

# CAMEO code (its first two or three digits) -> speech act; codes 010-019 are statements
CAMEO_ACTS = [
    ("016", "deny"), ("015", "assert"), ("01", "assert"), ("02", "demand"), ("03", "promise"),
    ("051", "praise"), ("055", "concede"), ("10", "demand"), ("110", "condemn"), ("111", "condemn"),
    ("112", "accuse"), ("12", "reject"), ("13", "warn"),
]
# CAMEO blocks of speech whose members are added even when VerbNet lacks them (a block is a
# synonym set; the others mix speech with deeds: ESTIMATE holds "score", OBSERVE "watch")
CAMEO_SPEECH_BLOCKS = {
    "EXPLAIN_VERBAL", "EMPHASIZE", "QUOTE", "REFUTE", "APPEAL", "SUGGEST", "PLEDGE", "PROMISE",
    "DEMAND", "INSIST", "ALLEGE", "DISAPPROVE", "LAMENT", "VERBAL_CONFLICT", "DENIGRATE",
    "DENOUNCE", "DEPLORE", "JEER", "SAVAGE", "BLAME", "THREATEN", "WARN", "THANK",
    "APOLOGIZE", "ACCLAIM", "LAUD", "DISCLOSE",
}

# members whose main sense in news is not speech, or that are too rare to test: left out
POLYSEMOUS = {
    # say, tell, transfer of a message
    "go", "be_like", "go_like", "relate", "interpose", "purpose", "volunteer", "leak", "blabber", "blab",
    "acquaint", "update", "demonstrate", "pose", "sniff", "illustrate", "teach", "dictate", "quote",
    "snitch", "boil_down", "sum_up", "write_in", "verify", "consult", "pry", "convey", "promulgate",
    # manner of speaking: a sound first
    "sing", "smile", "hum", "whistle", "blare", "gurgle", "warble", "yodel", "twitter", "chirp", "coo",
    "purr", "croon", "carol", "trill", "lilt", "twang", "trumpet", "rumble", "pant", "wheeze", "boom",
    "crow", "cluck", "bleat", "bray", "hoot", "howl", "yelp", "yap", "squawk", "squeak", "squeal",
    "keen", "mewl", "snivel", "snuffle", "nasal", "tisk", "smatter", "stemmer", "gibber", "gabble",
    "blubber", "burble", "whimper", "whoop", "squall", "sibilate", "simper", "witter", "vociferate",
    "natter", "jabber", "yammer", "prattle", "chatter", "quaver", "drone", "rage", "roar", "grunt",
    "groan", "gasp", "cackle", "chortle", "chuckle", "croak", "bawl", "moan", "wail", "bellow",
    # complaint and lecture words that are nouns or slang first
    "bitch", "crab", "grouse", "caterwaul", "kvetch", "grouch", "bellyache", "rave", "rap",
    "speak_out", "speak_up", "dwell", "write", "rhapsodize", "theorize", "moralize", "pontificate",
    # advise, confess, promise, declare, conjecture, consider
    "educate", "fess_up", "hold", "repute", "prognosticate", "vaticinate", "foreknow", "spectulate",
    "trust", "esteem", "rate", "posit", "avow", "adjudge", "prove", "profess",
    # characterize: choosing and classifying, imagining
    "adopt", "bill", "class", "count", "diagnose", "envision", "fancy", "moot", "picture",
    "pigeonhole", "rank", "recast", "redraw", "select", "stamp", "stereotype", "subselect", "take",
    "treat", "typecast", "conceive", "underestimate", "accept", "envisage", "recollect",
    "represent", "visualize", "detail", "specify", "interpret", "define",
    # judgement: deeds, not words
    "abuse", "assault", "bless", "celebrate", "commemorate", "condone", "excuse", "forgive", "reward",
    "greet", "honor", "salute", "toast", "snub", "shame", "curse", "damn", "chasten", "gibe",
    "imprecate", "slang", "backbite", "blaspheme", "write_up", "approve_of", "find_fault_with",
    "calumniate", "felicitate", "herald", "judge", "glorify", "eulogize", "lampoon", "satirize",
    # indicate, accept, reject
    "advertise", "denote", "expose", "forebode", "establish", "buy", "encourage", "disprefer",
    "pooh_pooh", "turn-down", "discourage", "decline", "refuse", "ensure", "honour", "exalt",
    # CAMEO blocks: words of the block that are not speech verbs
    "impress", "pinpoint", "punctuate", "spotlight", "accentuate", "enunciate", "impart",
    "rationalize", "refer", "tell", "solicit", "subscribe", "bid", "campaign", "crusade",
    "necessitate", "need", "push", "clamor", "clamour", "want", "grieve", "mourn", "weep", "cry",
    "compete", "contrast", "contravene", "counterbalance", "differ", "wrangle", "debate",
    "cane", "flog", "+dress_down", "+lash_out", "abhor", "crucify", "convict", "indict",
    "admire", "clap", "respect", "recognise", "recognize", "retell", "copy", "imitate", "mimic",
    "bemock", "adjure", "entreat", "aver", "oppugn", "expound", "explicate", "elucidate",
    "protest", "reprobate",
}

# verbs of official acts, perception, support and search: listed as not speech (kind act)
NOT_SPEECH = {
    "official": ["rule", "decree", "vote", "name", "rename", "nickname", "anoint", "baptize", "christen",
                 "consecrate", "crown", "style", "certify", "classify", "arrest", "book", "bust",
                 "collar", "impeach", "indict", "nab", "penalize", "persecute", "prosecute", "punish",
                 "sanction", "try", "pardon", "convict", "sentence", "fine", "sue", "ban", "approve",
                 "sign", "appoint", "nominate", "interview", "interrogate", "cross-examine", "award"],
    "perception": ["hear", "notice", "watch", "witness", "perceive", "spot"],
    "support": ["support", "back", "promote", "champion", "sponsor", "fund"],
    "search": ["seek", "search", "look for", "hunt", "probe", "investigate"],
}
CLAUSE_ONLY = {"add", "note", "observe", "write", "venture", "intimate", "relay", "explain", "post",
               "signal", "show", "indicate", "imply", "suggest", "hint", "charge", "insist",
               "determine", "learn", "remember", "know", "understand", "feel", "reckon"}
"""Verbs whose object and phrases are not what is said ("added sugar", "noted the time",
"explained the rules" is teaching): a clause or a quote only. ``charge``: VerbNet's prosecute class
makes "charged X with Y" an official act, so only "charged that ..." is speech."""

PROPOSITION_ONLY = {"claim", "repeat", "state", "reiterate", "recount", "narrate", "recite",
                    "communicate", "outline", "summarize", "recap", "corroborate", "confirm", "reply",
                    "respond", "answer", "counter", "reject", "dismiss", "contest", "disown",
                    "repudiate", "rebuff", "affirm", "reaffirm", "assert", "preach", "contradict",
                    "dissent", "doubt", "challenge", "dispute", "argue", "contend", "maintain"}
"""Verbs whose object is something said only sometimes ("confirmed the report", "confirmed the
appointment"): an object only when it is a proposition noun or a quote."""

TOPIC_ONLY = {"question", "query"}
"""Verbs whose object is a person questioned (an official act, VerbNet interrogate-37.1.3) or a
thing questioned (disapproval, CAMEO QUESTION + ASSERTION/PROMISE [110/111]): an object only when
it is not a person."""

TOPIC_PREPS = {"about": ("about", "of")}
"""VerbNet's topic preposition "about" stands for the topic prepositions of English verbs of
speaking ("spoke about", "spoke of"); "on" is left out: it also gives a time ("spoke on Monday")."""

# rows of the current TSVs neither source gives, kept for a general reason (lemma -> reason)
MANUAL = {
    "answer": "reply to a question",
    "recall": "verb of telling a memory",
    "estimate": "CAMEO ESTIMATE [010]",
    "conclude": "verb of a finding said",
    "tweet": "verb of publishing a message (social media)",
    "post": "verb of publishing a message",
    "characterise": "British spelling",
    "agree": "VerbNet correspond-36.1-1 'NP V that S'",
    "concede": "CAMEO DISCLOSE (admit)",
    "slam": "news word for criticise",
    "blast": "news word for criticise",
    "lambast": "VerbNet judgment-33.1-1 lambaste",
    "unveil": "CAMEO DISCLOSE UNVEIL",
    "vow": "CAMEO PLEDGE (a vow is a pledge)",
    "urge": "appeal to do (CAMEO DEMAND)",
    "request": "CAMEO ASK REQUEST [020]",
    "rebut": "a denial",
    "debunk": "a denial of a story",
    "disown": "CAMEO 12x reject",
    "according to": "phrase: the reporting phrase of news writing",
    "call for": "phrase: CAMEO's CALL FOR [020] appeal",
    "call on": "phrase: CAMEO's CALL ON [020]",
    "point out": "phrase",
    "point to": "phrase",
    "joke": "VerbNet chit_chat-37.6",
    "quip": "manner of speaking",
    "muse": "manner of speaking",
    "signal": "CAMEO SIGNAL [030]",
    "speculate": "VerbNet conjecture-29.5 (spelt spectulate there)",
    "forecast": "verb of prediction (CAMEO PREDICT)",
    "project": "verb of prediction",
    "calculate": "verb of estimation (CAMEO ESTIMATE)",
    "concur": "VerbNet correspond-36.1 (agreement is said)",
    "question": "CAMEO ASK QUESTION",
    "defend": "CAMEO DEFEND: defending a position",
    "tout": "VerbNet overstate-37.12 tout",
    "endorse": "CAMEO SUPPORT ENDORSE [051]",
    "hope": "belief or intention (CAMEO HOPE [020])",
    "wish": "belief or intention",
    "fear": "belief (CAMEO WORRY [012])",
    "worry": "belief (CAMEO WORRY [012])",
    "know": "belief",
    "see": "belief: 'sees X as Y'",
    "realize": "belief",
    "realise": "belief",
    "prefer": "belief (CAMEO FAVOR PREFER)",
    "plan": "intention (CAMEO INTEND PLAN)",
    "intend": "intention (CAMEO INTEND)",
    "favor": "CAMEO FAVOR [051]",
    "favour": "CAMEO FAVOR [051]",
    "echo": "CAMEO REPEAT ECHO",
    "mouth": "manner of speaking",
    "marvel": "manner of speaking",
    "laugh": "manner of speaking",
    "wonder": "verb of asking (CAMEO ASK WONDER)",
    "chime in": "phrase: manner of speaking",
    "refer to": "phrase: CAMEO EXPLAIN_VERBAL REFER",
    "learn": "belief",
    "list": "verb of enumerating what is said",
    "invite": "CAMEO INVITE: an appeal to do",
}

OBJECT_CLASSES = ("judgment-33.1", "suspect-81", "confess-37.10", "say-37.7-1", "dub-29.3.2")
"""Classes whose direct object is what is said or judged ("denounced the plan", "voiced concern",
"admitted the error"); elsewhere VerbNet's object is a person told or a thing believed, no content
("believed him", "anticipated the move")."""
NO_FRAME_CLASSES = ("manner_speaking-37.3", "conjecture-29.5", "consider-29.9", "inquire-37.1.2")
"""Classes whose members take no frame from VerbNet: the manner of speaking is a sound first
("growled"), a conjecture's object is a thing foreseen, not said, and what a question is about is
no statement ("asked about the deal")."""
QUESTION_CLASSES = ("inquire-37.1.2",)
"""Classes whose "whether" clause is what is said ("asked if the vote was fair"); elsewhere it is
what is not said ("did not say whether", "declined to confirm whether")."""
AS_ONLY_CLASSES = ("characterize-29.2",)
"""Describing X as Y: only with "as" (VerbNet's other frames of the class are choosing and ranking)."""
ADDED_TO_CURRENT = ("pobj:", "prep:", "as", "whether", "recipient")
"""Frames VerbNet adds to a current row: a phrase with its own preposition, or a question's clause
("asked if S", which the parser hangs as an adverbial clause) only (the object, predicate and
infinitive frames of the current rows were chosen verb by verb)."""

FRAME_ORDER = ["object", "proposition", "topic", "as", "predicate", "to", "whether", "quote", "subject:document",
               "recipient"]


def vn_classes(verbnet: Path):
    """(class id, members, primary frames with their syntax) for every class and subclass; a
    subclass inherits its parent's frames."""
    def walk(el, inherited):
        frames = list(inherited)
        for f in el.findall("FRAMES/FRAME"):
            syntax = []
            for part in f.find("SYNTAX"):
                if part.tag == "NP":
                    syntax.append(("NP", part.get("value") or ""))
                elif part.tag == "PREP":
                    syntax.append(("PREP", (part.get("value") or "").replace("|", " ")))
                elif part.tag == "VERB":
                    syntax.append(("V", ""))
                else:
                    syntax.append((part.tag, part.get("value") or ""))
            frames.append((f.find("DESCRIPTION").get("primary"), syntax))
        yield el.get("ID"), [m.get("name") for m in el.findall("MEMBERS/MEMBER")], frames
        for sub in el.findall("SUBCLASSES/VNSUBCLASS"):
            yield from walk(sub, frames)

    for path in sorted(verbnet.glob("*.xml")):
        yield from walk(ET.parse(path).getroot(), [])


def frames_of(frames) -> set[str]:
    """claimlens frames from VerbNet's primary frames and their syntax. A clause ("NP V that S",
    "NP V S", "what S") and a quote ("S-Quote") need no frame: every cue takes them. A recipient
    or a co-agent is no content ("told him", "argued with her")."""
    out: set[str] = set()
    content = ("Topic", "Theme", "Attribute")
    for primary, syntax in frames:
        kinds = [k for k, _ in syntax]
        after = syntax[kinds.index("V") + 1:] if "V" in kinds else []
        roles = [(k, v.split(".")[0] if k == "NP" else v.split()) for k, v in after]
        if primary.split()[2:] in (["NP"], ["NP.topic"]) and roles[0][1] in content:
            out.add("object")  # "NP V NP": denounced the plan, voiced concern
        if len(roles) >= 3 and roles[0] == ("NP", "Theme") and roles[1][0] == "PREP":
            for p in roles[1][1]:  # "NP V NP PP.attribute": described X as Y, praised X for Y
                out.add("as" if p == "as" else f"prep:{p}")
        if len(roles) == 2 and roles[0] == ("NP", "Theme") and roles[1] == ("NP", "Attribute"):
            out.add("predicate")  # "NP V NP ADJ", "NP V NP NP": called X a liar
        if "to be" in primary:
            out.add("predicate")
        if len(roles) >= 2 and roles[0][0] == "PREP" and roles[1] in (("NP", "Topic"), ("NP", "Theme")):
            for p in roles[0][1]:  # "NP V PP.topic": complained about X, warned against X
                for q in TOPIC_PREPS.get(p, (p,)):
                    if q in ("about", "of", "against", "for"):
                        out.add(f"pobj:{q}")
        words = primary.split()
        if "S_INF" in words and not {"how", "what", "whether", "when"} & set(words) and roles \
                and roles[-1] == ("NP", "Topic"):
            out.add("to")  # "NP V S_INF": vowed to resign
        if "S" in words and any(w in ("whether", "whether/if") for w in words):
            out.add("whether")  # "NP V NP whether S": asked (him) whether/if the vote was fair
        if roles and roles[0] == ("NP", "Recipient"):
            out.add("recipient")  # "NP V NP.recipient": told reporters (no inverted subject: "said a driver")
    if frames and all(p.endswith("S-Quote") for p, _ in frames):
        out.add("quote")  # say-37.7: "continued", only with the words said
    return out


def cameo_blocks(path: Path):
    """(block name, code, member lemmas) of the verb patterns of the CAMEO dictionary."""
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    block = None
    for line in lines[start + 1:]:
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if head:
            if block:
                yield block
            block = (head.group(1), head.group(2).split(":")[0].rstrip("-"), [])
            continue
        word = re.sub(r"\{.*?\}|\[.*?\]|#.*", "", line).strip()
        if block and word and not word.startswith("-"):
            block[2].append(word.lower().replace("_", " ").strip("+ "))
    if block:
        yield block


def cameo_act(code: str) -> str | None:
    if not code.isdigit():
        return None
    return next((act for prefix, act in CAMEO_ACTS if code.startswith(prefix)), None)


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return header, rows


def derive(lexicons: Path) -> tuple[dict, dict, dict]:
    """(cues: lemma -> [act, kind, source], frames: lemma -> (frames, source), every member of a
    speech class or block, left out or not: lemma -> source)."""
    cues: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    frames: dict[str, tuple[set[str], str]] = {}
    cameo: dict[str, tuple[str, str]] = {}
    for name, code, members in cameo_blocks(lexicons / "cameo" / "CAMEO.2.0.txt"):
        act = cameo_act(code)
        for m in members:
            if act is not None:
                cameo.setdefault(m, (act, f"CAMEO {name} [{code}]"))
            if act is not None and name in CAMEO_SPEECH_BLOCKS:
                seen.setdefault(m, f"CAMEO {name} [{code}]")
            if act is not None and name in CAMEO_SPEECH_BLOCKS and m not in POLYSEMOUS and " " not in m:
                cues.setdefault(m, [act, "speech", f"CAMEO {name} [{code}]"])
    for cid, members, vn_frames in vn_classes(lexicons / "verbnet"):
        prefix = max((p for p in CLASSES if cid.startswith(p)), key=len)
        policy = CLASSES[prefix]
        if policy is None:
            continue
        derived = frames_of(vn_frames)
        if not cid.startswith(OBJECT_CLASSES):
            derived.discard("object")
        if not cid.startswith(QUESTION_CLASSES):
            derived.discard("whether")
        if cid.startswith(NO_FRAME_CLASSES):
            derived &= {"whether"}
        if cid.startswith(AS_ONLY_CLASSES):
            derived &= {"as"}
        for m in members:
            seen.setdefault(m.replace("_", " "), f"VerbNet {cid}")
            if m in POLYSEMOUS or "_" in m:
                continue
            act = policy[0] if policy[0] in ("reject", "deny", "accuse") else cameo.get(m, (policy[0], ""))[0]
            if prefix == "judgment-33.1" and cameo.get(m, ("",))[0] == "praise":
                act = "praise"
            source = f"VerbNet {cid}" + (f"; {cameo[m][1]}" if m in cameo else "")
            if m not in cues or cues[m][2].startswith("CAMEO"):
                cues[m] = [act, policy[1], source]
            old = frames.get(m, (set(), ""))[0]
            frames[m] = (old | derived, f"VerbNet {cid}")
    for m in list(frames):
        fs, src = frames[m]
        if m in CLAUSE_ONLY:
            fs = set()
        elif m in TOPIC_ONLY and "object" in fs:
            fs = (fs - {"object"}) | {"topic"}
        elif m in PROPOSITION_ONLY and "object" in fs:
            fs = (fs - {"object"}) | {"proposition"}
        frames[m] = (fs, src)
    for kind_reason, verbs in NOT_SPEECH.items():
        for v in verbs:
            cues[v] = ["none", "act", f"not speech: {kind_reason}"]
            frames.pop(v, None)
    return cues, frames, seen


def frame_text(fs: set[str]) -> str:
    def key(f: str) -> tuple[int, str]:
        base = f.split(":")[0] if f.startswith(("prep:", "pobj:")) else f
        order = FRAME_ORDER.index(base) if base in FRAME_ORDER else len(FRAME_ORDER)
        return order, f
    return ",".join(sorted(fs, key=key))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lexicons", type=Path, default=ROOT.parent / "shared" / "lexicons")
    args = ap.parse_args(argv)
    cues, frames, seen = derive(args.lexicons)
    cue_header, cue_rows = read_rows(MODELS / "cues.tsv")
    frame_header, frame_rows = read_rows(MODELS / "cue_frames.tsv")
    order = []
    for row in cue_rows:  # the rows written for claimlens: kept unless contradicted, in their order
        lemma, act, kind = row[:3]
        source = row[3] if len(row) > 3 else ""
        if source and not source.startswith("claimlens"):
            continue  # a derived row: derived again
        order.append(lemma)
        if lemma in cues and cues[lemma][1] == "act":
            continue  # listed as not speech
        if lemma in cues or lemma in seen:
            cues[lemma] = [act, kind, f"claimlens; {cues[lemma][2] if lemma in cues else seen[lemma]}"]
        elif source.startswith("claimlens:"):
            cues[lemma] = [act, kind, source]
        elif lemma in MANUAL:
            cues[lemma] = [act, kind, f"claimlens: {MANUAL[lemma]}"]
        else:
            print(f"dropped (no source, no reason): {lemma}")
    current = {row[0]: row[1] for row in frame_rows if len(row) < 3 or row[2].startswith("claimlens")}
    current |= {lemma: "" for lemma in order if lemma not in current}
    for lemma, text in current.items():
        fs = {f.strip() for f in text.split(",") if f.strip()}
        if lemma not in cues or cues[lemma][1] == "act":
            continue
        new, src = frames.get(lemma, (set(), ""))
        if lemma == "charge":
            fs.discard("prep:with")  # VerbNet prosecute-33.2-1: "charged X with Y" is an official act
        added = {f for f in new if f.startswith(ADDED_TO_CURRENT)} if lemma not in CLAUSE_ONLY else set()
        if lemma in TOPIC_ONLY and "proposition" in fs:
            fs = (fs - {"proposition"}) | {"topic"}  # CAMEO QUESTION: a thing questioned, not a person
        frames[lemma] = (fs | added, f"claimlens; {src}" if added else "claimlens")
    order = [lemma for lemma in order if lemma in cues and cues[lemma][2].startswith("claimlens")]
    lemmas = order + sorted(set(cues) - set(order))
    with open(MODELS / "cues.tsv", "w", encoding="utf-8") as out:
        out.write("\n".join(cue_header) + "\n")
        for lemma in lemmas:
            if lemma in cues:
                out.write("\t".join([lemma, *cues[lemma]]) + "\n")
    frame_lemmas = list(current) + sorted(set(frames) - set(current))
    with open(MODELS / "cue_frames.tsv", "w", encoding="utf-8") as out:
        out.write("\n".join(frame_header) + "\n")
        for lemma in frame_lemmas:
            if lemma in frames and frames[lemma][0] and lemma in cues and cues[lemma][1] != "act":
                out.write(f"{lemma}\t{frame_text(frames[lemma][0])}\t{frames[lemma][1]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
