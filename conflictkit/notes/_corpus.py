"""Real corpora mapped onto causes, for building and measuring the bundled model.

Private to :mod:`conflictkit.notes`; used by ``datasets/make_cause_model.py``
and ``benchmarks/bench_classifier.py``. The corpora themselves are not shipped:
:func:`load_real` reads them from a folder laid out as the project's
``shared/realdata`` (one sub-folder per corpus, each with a ``SOURCE.md``
giving its licence, columns and provenance). ``datasets/README.md`` credits
each source and documents the mapping below.

Mapping of labels onto causes (an empty string is "no cause"; ``None``
means the row is not used to train, only to measure):

- code-review comments and Gitter chat (CC0): toxic -> tone, else no cause;
- Wikipedia talk comments (CC0 labels, CC BY-SA text): toxic -> tone, else
  no cause;
- tweets, hate speech / offensive / neither (MIT repository, tweet text under
  Twitter's terms): hate or offensive -> tone, neither -> no cause;
- Stanford politeness requests (Apache-2.0 / CC BY): polite and neutral ->
  no cause; impolite -> not trained on (curt, not hostile), measured only;
- BANKING77 support queries (CC BY 4.0): the SOURCE.md mapping of intents
  (payment, deadlines, trust, other, no dispute -> no cause);
- CFPB complaint narratives (US public domain, repositories without licence
  file): the issue / sub-issue mapping of ``cfpb_cause`` (trust, deadlines,
  payment, tone, other);
- ToxiFrench (MIT; labels possibly LLM-assisted, so *silver*): toxic -> tone,
  else no cause;
- XED French subtitles (CC BY; labels projected from English, so *silver*):
  anger or disgust -> tone, trust or joy without them -> no cause, others not
  trained on;
- Allociné reviews (sample from a repository without licence file; MIT
  upstream): positive -> no cause; negative -> not trained on (dissatisfaction
  with a film is not a dispute cause), measured only.

Splits are grouped: identical texts (after trimming, lower case, collapsed
spaces) share a group, and a fixed draw of 30% of the groups of each corpus
forms its test side (BANKING77 keeps its published split). Rows of silver
corpora are marked ``gold=False``: their test side is reported as indicative,
never as test truth.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

COLUMNS = ["source", "lang", "text", "causes", "tone_truth", "group", "split", "gold"]

# CFPB issue -> cause (SOURCE.md's suggested mapping; sub-issues refine deadlines).
_CFPB_TRUST = {
    "Incorrect information on your report",
    "Incorrect information on credit report",
    "Improper use of your report",
    "Improper use of my credit report",
    "Attempts to collect debt not owed",
    "Cont'd attempts collect debt not owed",
    "False statements or representation",
    "Problem with fraud alerts or security freezes",
    "Fraud or scam",
    "Credit monitoring or identity theft protection services",
    "Identity theft / Fraud / Embezzlement",
    "Problem with a credit reporting company's investigation into an existing problem",
    "Credit reporting company's investigation",
    "Unauthorized transactions or other transaction problem",
}
_CFPB_DEADLINES_SUB = {
    "Investigation took more than 30 days",
    "Was not notified of investigation status or results",
}
_CFPB_DEADLINES = {
    "Money was not available when promised",
    "Was approved for a loan, but didn't receive money",
    "Was approved for a loan, but didn't receive the money",
}
_CFPB_PAYMENT = {
    "Trouble during payment process",
    "Problem when making payments",
    "Fees or interest",
    "Charged fees or interest you didn't expect",
    "Charged fees or interest I didn't expect",
    "Unexpected or other fees",
    "Problem with a purchase shown on your statement",
    "Problem with a lender or other company charging your account",
    "Problem caused by your funds being low",
    "Struggling to pay mortgage",
    "Struggling to pay your loan",
    "Struggling to pay your bill",
    "Struggling to repay your loan",
    "Written notification about debt",
    "Billing disputes",
    "Late fee",
    "Loan servicing, payments, escrow account",
}
_CFPB_TONE = {
    "Communication tactics",
    "Took or threatened to take negative or legal action",
    "Taking/threatening an illegal action",
    "Threatened to contact someone or share information improperly",
}


def cfpb_cause(issue: str, sub_issue: str) -> str:
    if sub_issue in _CFPB_DEADLINES_SUB or issue in _CFPB_DEADLINES:
        return "deadlines"
    if issue in _CFPB_TONE:
        return "tone"
    if issue in _CFPB_PAYMENT:
        return "payment"
    if issue in _CFPB_TRUST:
        return "trust"
    return "other"


def _group(texts: pd.Series, prefix: str) -> pd.Series:
    """Identical texts (after trimming and lower-casing) share a group."""
    norm = texts.str.strip().str.lower().str.replace(r"\s+", " ", regex=True)
    return (
        prefix
        + ":"
        + norm.map(lambda t: hashlib.blake2b(t.encode(), digest_size=6).hexdigest())
    )


def _split(groups: pd.Series, test_share: float, seed: int) -> pd.Series:
    """A fixed draw of whole groups to the test side."""
    uniq = np.sort(groups.unique())
    rng = np.random.default_rng(seed)
    test = set(uniq[rng.random(len(uniq)) < test_share])
    return groups.map(lambda g: "test" if g in test else "train")


def _labels(tone: Any, trained: Any) -> np.ndarray:
    """ "tone", "" (no cause) or None (not trained on), per row."""
    keep = np.asarray(trained, dtype=bool)
    hostile = np.broadcast_to(np.asarray(tone, dtype=bool), keep.shape)
    out = np.where(hostile, "tone", "").astype(object)
    out[~keep] = None
    return out


def _frame(
    source: Any,
    lang: str,
    text: pd.Series,
    causes: Any,
    tone_truth: Any,
    group: pd.Series,
    gold: bool,
    split: Any = None,
) -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "source": source,
            "lang": lang,
            "text": text.astype(str).str.strip(),
            "causes": causes,
            "tone_truth": tone_truth,
            "group": group,
        }
    )
    df["gold"] = gold
    df["split"] = split if split is not None else _split(df["group"], 0.3, 13)
    return df[COLUMNS]


def _read(root: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(root / name, keep_default_na=False)


def _hostility(
    source: Any,
    lang: str,
    text: pd.Series,
    hostile: Any,
    prefix: str,
    gold: bool,
    trained: Any = True,
) -> pd.DataFrame:
    """A corpus of hostile (or negative) texts and others, in the layout of
    :func:`load_real`: hostile -> tone, others -> no cause, and ``tone_truth``
    1.0 for hostile, 0.0 for others. Rows where ``trained`` is False get no
    cause label (``None``): they are measured, never trained on."""
    hostile = np.asarray(hostile, dtype=bool)
    return _frame(
        source,
        lang,
        text,
        _labels(
            hostile, np.broadcast_to(np.asarray(trained, dtype=bool), hostile.shape)
        ),
        hostile.astype(float),
        _group(text, prefix),
        gold,
    )


def load_real(root: str | Path) -> pd.DataFrame:
    """The real corpora under ``root``, one row per text, labels mapped to causes.

    Returns a frame with columns ``source``, ``lang``, ``text``, ``causes``
    (``;``-separated causes, ``""`` for no cause, ``None`` when not trained
    on), ``tone_truth`` (1.0 hostile, 0.0 not, NaN not applicable),
    ``group``, ``split`` (``"train"``/``"test"``) and ``gold``.
    """
    root = Path(root)
    se = _read(root, "en-code-review-toxicity/se_toxicity.csv")
    se = se[se["text"].str.strip() != ""]
    wk = _read(root, "en-wikipedia-toxicity/wikipedia_talk_toxicity.csv")
    dv = _read(root, "en-offensive-tweets-davidson/davidson_tweets_sample.csv")
    po = _read(root, "en-politeness-stanford/politeness_requests.csv")
    bk = _read(root, "en-banking77-support/banking77_queries.csv")
    cf = _read(root, "en-cfpb-narratives/cfpb_narratives_labelled.csv")
    tf = _read(root, "fr-toxifrench-benchmark/toxifrench_balanced.csv")
    xe = _read(root, "fr-xed-emotions/xed_fr_projected_emotions.csv")
    al = _read(root, "fr-allocine-sentiment/allocine_reviews_sample.csv")
    cfpb_causes = [
        cfpb_cause(i, s) for i, s in zip(cf["issue"], cf["sub_issue"], strict=True)
    ]
    xed_hostile = (xe["anger"] == 1) | (xe["disgust"] == 1)
    xed_friendly = ~xed_hostile & ((xe["trust"] == 1) | (xe["joy"] == 1))
    impolite = po["label"] == "impolite"
    negative = al["label"].astype(int) == 0
    parts = [
        # code review + gitter: toxic -> tone, else no cause
        _hostility(
            se["source"].map(
                {"code_review": "code-review", "gitter_ethereum": "gitter"}
            ),
            "en",
            se["text"],
            se["is_toxic"].astype(int) == 1,
            "se",
            True,
        ),
        _hostility(
            "wikipedia-talk", "en", wk["text"], wk["toxic"].astype(int) == 1, "wk", True
        ),
        _hostility("tweets", "en", dv["text"], dv["label"] != "neither", "tw", True),
        # impolite requests are curt, not hostile: no cause label is given to
        # them (left out of training), they only enter the tone AUC as the
        # positive side.
        _hostility(
            "politeness", "en", po["text"], impolite, "po", True, trained=~impolite
        ),
        _frame(
            "banking77",
            "en",
            bk["text"],
            bk["suggested_cause"].replace({"no_dispute": ""}),
            np.nan,
            _group(bk["text"], "bk"),
            True,
            split=np.where(bk["split"] == "test", "test", "train"),
        ),
        _frame(
            "cfpb",
            "en",
            cf["narrative"],
            cfpb_causes,
            (np.array(cfpb_causes) == "tone").astype(float),
            _group(cf["narrative"], "cf"),
            True,
        ),
        # French
        _hostility(
            "toxifrench", "fr", tf["text"], tf["toxic"].astype(int) == 1, "tf", False
        ),
        _hostility(
            "xed",
            "fr",
            xe["text"],
            xed_hostile,
            "xe",
            False,
            trained=xed_hostile | xed_friendly,
        ),
        # negative film reviews are dissatisfaction, not a dispute cause: kept
        # out of training, used only as the positive side of a French
        # negativity AUC.
        _hostility(
            "allocine", "fr", al["text"], negative, "al", True, trained=~negative
        ),
    ]
    out = pd.concat(parts, ignore_index=True)
    out = out[out["text"].str.len() > 0].reset_index(drop=True)
    return out


#: Total weight of each source in training, relative to 1 (every source's
#: rows share its weight equally, so large corpora do not drown small ones).
#: The hand-written notes are the closest to a dispute log (and the only
#: source of scope and of ordinary client messages); tweets and film subtitles
#: the furthest; French hostility has one corpus against four English ones,
#: so it counts double.
SOURCE_WEIGHTS = {
    "author-notes": 10.0,
    "tweets": 0.5,
    "xed": 0.5,
    "allocine": 0.5,
    "toxifrench": 2.0,
}


def author_frame(notes: pd.DataFrame) -> pd.DataFrame:
    """The hand-written notes in the layout of :func:`load_real`."""
    causes = notes["causes"].astype(str)
    return pd.DataFrame(
        {
            "source": "author-notes",
            "lang": notes["lang"].astype(str),
            "text": notes["text"].astype(str),
            "causes": causes,
            "tone_truth": causes.str.split(";")
            .map(lambda c: "tone" in c)
            .astype(float),
            "group": "an:" + notes["group"].astype(str),
            "split": notes["split"].astype(str),
            "gold": True,
        }
    )[COLUMNS]


def training_weights(frame: pd.DataFrame) -> np.ndarray:
    """Per row, its source's weight shared equally among the source's rows."""
    n = frame.groupby("source")["text"].transform("size").to_numpy(dtype=float)
    w = frame["source"].map(lambda s: SOURCE_WEIGHTS.get(s, 1.0)).to_numpy(dtype=float)
    return w / n * 1000.0


def find_realdata(start: str | Path | None = None) -> Path | None:
    """The folder of real corpora: ``$CONFLICTKIT_REALDATA``, else the first
    ``shared/realdata`` beside ``start`` (default: this checkout) or one of
    its parents; None when there is none (an installed package has none)."""
    env = os.environ.get("CONFLICTKIT_REALDATA")
    if env:
        return Path(env)
    here = Path(start) if start is not None else Path(__file__).resolve().parents[2]
    for folder in (here, *here.parents):
        candidate = folder / "shared" / "realdata"
        if candidate.is_dir():
            return candidate
    return None
