"""The cue lexicons of :class:`conflictkit.CauseClassifier`.

Two kinds of hand-written cues, in French and English, matched as word
beginnings on text in lower case without accents (apostrophes and hyphens
read as spaces; in an entry ``.`` stands for a space, ``$`` for the end of a
word, ``<pay>`` for the end of "retard de paiement" and its variants):

- **Register**, which tells hostility from courtesy: insults, profanity,
  hostile words (threats, contempt, "how dare you", "inadmissible"),
  courtesy (thanks, merci, please, s'il vous plaît, regards, well done),
  negation, imperatives that open a sentence ("Stop ...", "Arrêtez ...",
  "Fix it"), shouting (the share of capitals in a note with at least 12
  letters, counted from 30% up) and exclamation marks. Tone means hostility:
  no cue fires on neutral words such as *comment*, *remark*, *polite* or
  *respect*, which ordinary thankful messages use as much as hostile ones.
- **Causes**: the vocabulary of freelancing for scope, deadlines, payment,
  trust and other (not tone, whose evidence is the register above), in the
  spirit of the cause synonyms of :mod:`conflictkit.io.vocabulary`; no phrase
  is copied from the labelled corpus.

Each family becomes one feature, ``log(1 + number of matches)`` (shouting is
already a share), weighed by the regressions next to the hashed n-grams; they
help most with words the training notes never used. All matching runs once
over a whole chunk of notes, so its cost is linear in the characters.
``CauseClassifier(cues=False)`` turns them off.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

__all__ = ["CUES", "CUE_FEATURES", "REGISTER", "cue_matrix"]

REGISTER: dict[str, str] = {
    "insult": """
        idiot imbecil stupid dumb moron cretin incompeten clown pathetic useless
        loser jerk asshole arsehole bastard bitch dick$ prick scum liar$ crook
        con$ cons$ connard connasse conne$ abruti debile nul$ nuls$ nulle$
        minable pauvre.type guignol escroc voleur menteur bouffon tocard
        incapable branquignol ordure salaud salope enfoire batard
    """,
    "profanity": """
        fuck fck fuk shit crap damn wtf bullshit hell$ piss bloody$
        merde putain bordel chier emmerd foutre fous.toi ta.gueule ferme.la
        nique niquer
    """,
    "hostile": """
        shut.up how.dare screw.you go.to.hell get.lost ridiculous absurd
        unacceptable disgrac outrage insult rude yell scream shout(?:ed|ing|s)?.at
        threat hostil aggressiv abus harass humiliat belittl condescend
        patroniz contempt disrespect
        inadmissible inacceptable honteu scandal grossier insolent injur
        menac agressi hurl gueul engueul crie.dessus mepris humili rabaiss
        irrespect harcel
    """,
    "courtesy": """
        thank thanks thx merci please pls appreciat kind.regards regards
        best.regards cheers cordialement bien.a.vous bonne.journee
        bonne.soiree bon.week.end s.il.vous.plait s.il.te.plait svp stp
        avec.plaisir great.work good.job well.done nice.work bravo felicitation
        parfait perfect excellent super$ genial welcome de.rien no.problem
        pas.de.souci sounds.good looks.good lgtm
    """,
    "negation": """
        not$ no$ never nothing nobody none nor$ cannot cant$ dont$ doesnt didnt
        wont$ isnt wasnt arent n.t$ ne$ n$ pas$ jamais rien personne aucun
        aucune sans$
    """,
}
#: Sentence-opening imperatives that order the reader about.
IMPERATIVE = re.compile(
    r"(?:^|[.!?\n:]\s*)(?:just\s+|now\s+|so\s+)?(?:stop|fix|do|don't|dont|read|"
    r"listen|answer|explain|send|give|get|tell|leave|move|hurry|look|learn|shut|"
    r"go|arretez|arrete|faites|fais|envoyez|lisez|lis|ecoutez|ecoute|repondez|"
    r"reponds|expliquez|depechez|corrigez|corrige|donnez|taisez|tais)\b"
)

CUES: dict[str, str] = {
    "scope": """
        perimetre contour cahier.des.charges specification spec$ specs$
        fonctionnalit fonctionalit fonction ecran module option version ajout
        rajout supplementaire nouvelle.demande nouveau.besoin besoin
        expression.de.besoin exigence critere pas.prevu non.prevu imprevu
        hors.perimetre hors.contrat hors.devis hors.forfait inclu compris.dans
        gratuit sans.supplement meme.prix meme.budget devis forfait avenant
        evolution livrable maquette attente imagin interpret flou vague
        mal.defini derive elargi etendu extension redefini change.d.avis
        refaire refonte cadrage backlog user.stor mvp poc prototype
        scope requirement feature screen quote estimate included inclusive
        for.free free.of.charge same.price same.budget not.in.the out.of.scope
        extra additional expand widen extend redefin change.request
        change.order changed.their.mind unclear ill.defined creep balloon
        pile.up wishlist expect assum implied interpret definition.of.done
        acceptance.criteria deliverable enhancement mockup wireframe brief
        fixed.price fixed.bid
    """,
    "deadlines": """
        delai deadline retard(?!<pay>) date$ dates$
        planning calendrier echeance jalon livraison livrer mise.en.service
        mise.en.prod mep$ mise.en.ligne go.live lancement demarrage fin.de.projet
        fin.de.mission repouss reporte decal gliss avance raccourc compress
        urgent urgence vite rapidement tard semaine rythme cadence vitesse
        velocite charge sous.estim estimation duree tenir.les.delais
        tenir.la.date depass butoir date.limite sprint lundi mardi
        mercredi jeudi vendredi demain hier intenable irrealiste rattrap
        late$(?!.payment|.fee) delay behind schedule timeline milestone
        deliver ship release launch start.date end.date postpon pushed
        slipp moved.up brought.forward shorten squeez rush asap due$ time$
        pace velocity underestimat duration overr[au]n missed cutoff cut.off
        cutover sprint monday tuesday wednesday thursday friday tomorrow
        yesterday week unrealistic catch.up eta$
    """,
    "payment": """
        factur relance impaye paye payer paiement paiment regl solde virement
        cheque especes argent euro tarif tjm taux remise rabais ristourne avoir
        acompte frais note.de.frais rembours encaiss versement verse tranche
        echeancier tresorerie recouvrement contentieux huissier injonction
        mise.en.demeure indemnite interets compta daf service.fournisseur
        bon.de.commande chorus portage commission retenu deduit creance
        faillite liquidation redressement tva$ ht$ ttc$ iban rib banque
        compte.bancaire centime retard<pay>
        invoice bill pay paid unpaid owe overdue outstanding balance transfer
        wire cash money fee rate$ discount credit.note deposit expense reimburs
        refund instal?ment payout escrow chargeback charged.back collection
        debt small.claims demand.letter formal.notice late.payment late.fee
        interest accounts.payable ap$ cfo finance purchase.order po$
        withh[eo]ld deduct bankrupt trustee vat$ tax$ bank net.\\d
        dollar usd cent$ penny
    """,
    "trust": """
        confiance mefi defian dout soupcon suspect suspicion croi verifi
        controle surveill espion micro.manag micromanag preuve prouv justifi
        rendre.des.comptes transparen honnete malhonnete accus cache mensonge
        menteur fiab competence expertise serieux credibil reference diplome
        second.avis contre.expertise audit acces identifiant retire restreint
        double.validation relit relire en.copie garder.la.main fuite divulg
        concurren gonfl surfactur
        trust distrust mistrust wary doubt suspect suspicion believ verif
        check control monitor watch spy track micromanag proof prove justif
        account.for transparen honest dishonest accus hid lie$ lying liar
        reliab credib competen expertise skill qualif degree certificat
        reference second.opinion audit vet$ vetted access credential
        permission revok restrict approv cross.check cc$ cc.d leak competitor
        inflat padd overbill overcharg string.along confidence
    """,
    "other": """
        juridique clause propriete.intellectuelle droits?.d.auteur licence
        brevet rgpd donnees.personnelles confidentialite non.concurrence
        non.sollicitation nda$ assurance sante malade maladie hopital hospitalis
        accident famil enfant conge.maternite greve meteo incendie inondation
        panne materiel ordinateur poste.de.travail bureau locaux sur.site
        teletravail demenag visa fuseau langue outil logiciel stack framework
        cloud methode organisation reorg restructur rachat fusion sponsor
        interlocut contact recrut debauch salari statut urssaf requalif
        ethique valeurs conscience annul suspendu gel$ gele strategi covid
        pandemie securite
        legal lawyer intellectual.property ip$ copyright license patent gdpr
        personal.data confidential non.compete non.solicitation insurance
        liabilit health sick ill$ hospital accident family strike weather
        fire flood outage hardware computer laptop equipment desk office
        premises on.site remote reloc visa time.?zone language tool software
        framework cloud methodolog agile waterfall reorg restructur merger
        acqui takeover taken.over sponsor point.of.contact recruit poach hire
        employee status ir35 reclassif ethic values conscience cancel
        on.hold frozen pivot strateg covid pandemic security
    """,
}
# "retard de paiement", "retarde le règlement": late payment, not a deadline.
_LATE_PAYMENT = r"\w* (?:de|du|le|les|son|ses|des) (?:paiement|reglement|virement)"

_SEP = "\x00"


def _pattern(words: str) -> re.Pattern[str]:
    alts = [
        w.replace(".", " ").replace("$", r"\b").replace("<pay>", _LATE_PAYMENT)
        for w in words.split()
    ]
    return re.compile(r"\b(?:" + "|".join(alts) + ")")


_REGISTER_PATTERNS = {key: _pattern(words) for key, words in REGISTER.items()}
_CAUSE_PATTERNS = {cause: _pattern(words) for cause, words in CUES.items()}
#: The columns of :func:`cue_matrix`, in order.
CUE_FEATURES = (
    *REGISTER,
    "imperative",
    "shouting",
    "exclamations",
    *(f"cause_{c}" for c in CUES),
)


def cue_matrix(texts: list[str]) -> np.ndarray:
    """Per text, one value per cue family (columns named by ``CUE_FEATURES``).

    Examples
    --------
    >>> m = cue_matrix(["Thanks, nice comment!", "STOP SENDING THIS CRAP, idiot!!"])
    >>> dict(zip(CUE_FEATURES, m[0].round(2)))["courtesy"]
    np.float64(0.69)
    >>> [k for k, v in zip(CUE_FEATURES, m[1]) if v > 0]
    ['insult', 'profanity', 'imperative', 'shouting', 'exclamations']
    """
    n = len(texts)
    out = np.zeros((n, len(CUE_FEATURES)))
    if n == 0:
        return out
    big = _SEP.join(t.replace(_SEP, " ") for t in texts)
    plain = unicodedata.normalize("NFKD", big).encode("ascii", "ignore").decode()
    flat = re.sub(r"[\u2019'`\-_/]", " ", plain.lower())
    seps = np.array([m.start() for m in re.finditer(_SEP, flat)], dtype=np.int64)

    def per_note(positions: list[int]) -> np.ndarray:
        if not positions:
            return np.zeros(n)
        rows = np.searchsorted(seps, np.asarray(positions), side="right")
        return np.bincount(rows, minlength=n).astype(float)

    col = 0
    for pattern in _REGISTER_PATTERNS.values():
        out[:, col] = np.log1p(per_note([m.start() for m in pattern.finditer(flat)]))
        col += 1
    lines = flat.replace(_SEP, "\n")
    out[:, col] = np.log1p(per_note([m.end() - 1 for m in IMPERATIVE.finditer(lines)]))
    codes = np.frombuffer(plain.encode(), dtype=np.uint8)
    note = np.cumsum(codes == 0)
    upper = (codes >= 65) & (codes <= 90)
    letters = upper | ((codes >= 97) & (codes <= 122))
    n_up = np.bincount(note, weights=upper, minlength=n)
    n_letters = np.bincount(note, weights=letters, minlength=n)
    share = np.divide(n_up, n_letters, out=np.zeros(n), where=n_letters > 0)
    out[:, col + 1] = np.where(n_letters >= 12, np.clip((share - 0.3) / 0.5, 0, 1), 0)
    out[:, col + 2] = np.log1p(np.bincount(note, weights=codes == 33, minlength=n))
    col += 3
    for pattern in _CAUSE_PATTERNS.values():
        out[:, col] = np.log1p(per_note([m.start() for m in pattern.finditer(flat)]))
        col += 1
    return out
