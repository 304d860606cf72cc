"""The cue lexicons of :class:`conflictkit.CauseClassifier`.

Two kinds of hand-written cues, in French and English, matched as word
beginnings on text in lower case without accents (apostrophes and hyphens
read as spaces; in an entry ``.`` stands for a space, ``$`` for the end of a
word, ``<pay>`` for the end of "retard de paiement" and its variants):

- **Register**, which tells hostility from courtesy: insults, profanity,
  hostile words (threats, contempt, "how dare you", "inadmissible"),
  courtesy (thanks, merci, please, s'il vous plaît, regards, well done),
  settled matters (paid, received, approved, validé, réglé, on track, as
  agreed: "Invoice paid" is no payment dispute), negation, imperatives
  that open a sentence ("Stop ...", "Arrêtez ...", "Fix it"), shouting
  (the share of capitals in a note with at least 12 letters, counted from
  30% up) and exclamation marks. Tone means hostility:
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

import numpy as np

from ._features import BREAK, SEP, Stream

__all__ = ["CUES", "CUE_FEATURES", "IMPERATIVES", "REGISTER", "cue_matrix"]

REGISTER: dict[str, str] = {
    "insult": """
        idiot imbecil stupid dumb moron cretin incompeten clown pathetic useless
        loser jerk asshole arsehole bastard bitch dick$ prick scum liar$ crook
        dumbass dipshit douche twat wanker fool$ fools$ ignorant hypocrit
        troll$ trolls$ retarded morons idiots clueless worthless
        con$ cons$ connard connasse conne$ abruti debile nul$ nuls$ nulle$
        minable pauvre.type guignol escroc voleur menteur bouffon tocard
        incapable branquignol ordure salaud salope enfoire batard encule
        attarde gogol golmon mongol teube cassos clochard gueux crevard
        raclure pourriture imposteur charlatan pignouf blaireau baltringue
        fdp$ ntm$ tg$ fils.de.pute fils.de.chien pute$ putes$ chienne
        lamentable pathetique nullite
    """,
    "profanity": """
        fuck fck fuk shit crap damn wtf bullshit hell$ piss bloody$ stfu
        merde putain bordel chier emmerd foutre fous.toi ta.gueule ferme.la
        nique niquer niquez ptn$ bordel.de.merde va.te.faire
    """,
    "hostile": """
        shut.up how.dare screw.you go.to.hell get.lost ridiculous absurd
        unacceptable disgrac outrage insult rude yell scream
        shout.at shouted.at shouting.at shouts.at
        threat hostil aggressiv abus harass humiliat belittl condescend
        patroniz contempt disrespect
        inadmissible inacceptable honteu scandal grossier insolent injur
        menac agressi hurl gueul engueul crie.dessus mepris humili rabaiss
        irrespect harcel degueulasse honte.a.vous foutez.vous foutre.de
        vous.vous.moquez se.moque.de.moi casse.toi degage degagez
    """,
    "courtesy": """
        thank thanks thx merci please pls appreciat kind.regards regards
        best.regards cheers cordialement bien.a.vous bonne.journee
        bonne.soiree bon.week.end s.il.vous.plait s.il.te.plait svp stp
        avec.plaisir great.work good.job well.done nice.work bravo felicitation
        parfait perfect excellent super$ genial welcome de.rien no.problem
        pas.de.souci sounds.good looks.good lgtm
    """,
    "settled": """
        paid$ received recieved confirm approved approve$ signed validat valide$
        validee valides$ recu$ recue$ regle$ reglee$ regles$ effectue on.track
        all.good all.set done$ merged lgtm bien.recu bien.note c.est.note
        noted$ comme.prevu as.planned as.agreed comme.convenu
    """,
    "negation": """
        not$ no$ never nothing nobody none nor$ cannot cant$ dont$ doesnt didnt
        wont$ isnt wasnt arent n.t$ ne$ n$ pas$ jamais rien personne aucun
        aucune sans$
    """,
}
#: Verbs that order the reader about when they open a sentence ("Stop ...",
#: "Arrêtez ..."); matched as whole words right after a sentence break.
IMPERATIVES = """
    stop fix do dont read listen answer explain send give get tell leave move
    hurry look learn shut go arretez arrete faites fais envoyez lisez lis
    ecoutez ecoute repondez reponds expliquez depechez corrigez corrige donnez
    taisez tais
"""

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
        delai deadline retard <late-payment> date$ dates$
        planning calendrier echeance jalon livraison livrer mise.en.service
        mise.en.prod mep$ mise.en.ligne go.live lancement demarrage fin.de.projet
        fin.de.mission repouss reporte decal gliss avance raccourc compress
        urgent urgence vite rapidement tard semaine rythme cadence vitesse
        velocite charge sous.estim estimation duree tenir.les.delais
        tenir.la.date depass butoir date.limite sprint lundi mardi
        mercredi jeudi vendredi demain hier intenable irrealiste rattrap
        late$ -late.payment -late.fee delay behind schedule timeline milestone
        deliver ship release launch start.date end.date postpon pushed
        slipp moved.up brought.forward shorten squeez rush asap due$ time$
        pace velocity underestimat duration overran overrun missed cutoff cut.off
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
        compte.bancaire centime <late-payment+>
        invoice bill pay paid unpaid owe overdue outstanding balance transfer
        wire cash money fee rate$ discount credit.note deposit expense reimburs
        refund instalment installment payout escrow chargeback charged.back collection
        debt small.claims demand.letter formal.notice late.payment late.fee
        interest accounts.payable ap$ cfo finance purchase.order po$
        withheld withhold deduct bankrupt trustee vat$ tax$ bank net.0
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
        juridique clause propriete.intellectuelle droit.d.auteur droits.d.auteur licence
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
        premises on.site remote reloc visa time.zone timezone language tool software
        framework cloud methodolog agile waterfall reorg restructur merger
        acqui takeover taken.over sponsor point.of.contact recruit poach hire
        employee status ir35 reclassif ethic values conscience cancel
        on.hold frozen pivot strateg covid pandemic security
    """,
}
# "retard de paiement", "retarde le règlement": late payment, not a deadline.
# <late-payment+> stands for these phrases (a payment cue); <late-payment> for
# the same phrases with weight -1 (they cancel the deadlines cue "retard").
_LATE_PAYMENT = [
    f"retard{end} {det} {what}"
    for end in ("", "e", "es", "s", "ent", "er")
    for det in ("de", "du", "le", "les", "son", "ses", "des")
    for what in ("paiement", "reglement", "virement")
]

#: The columns of :func:`cue_matrix`, in order.
CUE_FEATURES = (
    *REGISTER,
    "imperative",
    "shouting",
    "exclamations",
    *(f"cause_{c}" for c in CUES),
)
_WORD_COLUMNS = (*REGISTER, "imperative", *CUES)


def _entries(words: str) -> list[tuple[str, bool, float]]:
    """(literal, must end a word, weight) for each entry of a lexicon string."""
    out = []
    for w in words.split():
        if w in ("<late-payment+>", "<late-payment>"):
            sign = 1.0 if w.endswith("+>") else -1.0
            out += [(phrase, True, sign) for phrase in _LATE_PAYMENT]
            continue
        weight = -1.0 if w.startswith("-") else 1.0
        w = w.lstrip("-")
        out.append((w.rstrip("$").replace(".", " "), w.endswith("$"), weight))
    return out


def _compile() -> list[tuple]:
    """Groups of entries looked up together: (length, first word's length or
    None, whole word only, sentence-initial only, sorted unique hashes, weights
    per hash and column)."""
    rows = []
    for col, key in enumerate(_WORD_COLUMNS):
        if key == "imperative":
            items = [(w, True, 1.0) for w in IMPERATIVES.split()]
        else:
            items = _entries({**REGISTER, **CUES}[key])
        for text, end, weight in items:
            first = len(text.split(" ")[0]) if " " in text else None
            rows.append((text, col, end, weight, key == "imperative", first))
    groups: dict[tuple, list] = {}
    for text, col, end, weight, initial, first in rows:
        groups.setdefault((len(text), first, end, initial), []).append(
            (text, col, weight)
        )
    table = []
    for (length, first, end, initial), items in sorted(groups.items(), key=str):
        st = Stream([t for t, _, _ in items])
        h = st.window_hash(
            st.starts[np.searchsorted(st.note[st.starts], np.arange(len(items)))],
            length,
        )
        uniq, inverse = np.unique(h, return_inverse=True)
        weights = np.zeros((len(uniq), len(_WORD_COLUMNS)))
        np.add.at(
            weights,
            (inverse, np.array([c for _, c, _ in items], dtype=int)),
            np.array([w for _, _, w in items]),
        )
        table.append((length, first, end, initial, uniq, weights))
    return table


_LOOKUPS = _compile()


def cue_matrix(texts: list[str] | Stream) -> np.ndarray:
    """Per text, one value per cue family (columns named by ``CUE_FEATURES``).

    Every entry is looked up at every word start of the chunk at once (a
    polynomial hash of the text from there, compared with the entries'), so the
    cost is linear in the characters whatever the size of the lexicons.

    Examples
    --------
    >>> m = cue_matrix(["Thanks, nice comment!", "STOP SENDING THIS CRAP, idiot!!"])
    >>> float(dict(zip(CUE_FEATURES, m[0].round(2)))["courtesy"])  # thank, thanks
    1.1
    >>> [k for k, v in zip(CUE_FEATURES, m[1]) if v > 0]
    ['insult', 'profanity', 'imperative', 'shouting', 'exclamations']
    """
    st = texts if isinstance(texts, Stream) else Stream(list(texts))
    n = st.n
    out = np.zeros((n, len(CUE_FEATURES)))
    if n == 0:
        return out
    counts = np.zeros((n, len(_WORD_COLUMNS)))
    starts, size = st.starts, len(st.codes)
    if len(starts):
        ends = np.flatnonzero(st.bound)
        word_len = ends[np.searchsorted(ends, starts)] - starts
        initial = np.isin(st.codes[starts - 1], (BREAK, SEP)) | (starts == 1)
        by_len = np.argsort(word_len, kind="stable")
        sorted_len = word_len[by_len]
        for length, first, end, only_initial, hashes, weights in _LOOKUPS:
            if first is not None:  # several words: the first must have its length
                lo, hi = np.searchsorted(sorted_len, [first, first + 1])
            elif end:  # a whole word
                lo, hi = np.searchsorted(sorted_len, [length, length + 1])
            else:  # a word beginning
                lo, hi = np.searchsorted(sorted_len, length), len(sorted_len)
            at = by_len[lo:hi]
            if only_initial:
                at = at[initial[at]]
            at = at[starts[at] + length < size]
            if len(at) == 0:
                continue
            pos = starts[at]
            h = st.window_hash(pos, length)
            idx = np.minimum(np.searchsorted(hashes, h), len(hashes) - 1)
            ok = hashes[idx] == h
            if first is not None:  # within one note, ending a word if asked
                ok &= st.note[pos + length - 1] == st.note[pos]
                if end:
                    ok &= st.bound[pos + length]
            if ok.any():
                np.add.at(counts, st.note[pos[ok]], weights[idx[ok]])
    counts = np.log1p(np.maximum(counts, 0))
    n_register = len(REGISTER)
    out[:, : n_register + 1] = counts[:, : n_register + 1]
    out[:, n_register + 3 :] = counts[:, n_register + 1 :]
    raw, note = st.raw, st.raw_note
    upper = (raw >= 65) & (raw <= 90)
    letters = upper | ((raw >= 97) & (raw <= 122))
    n_up = np.bincount(note, weights=upper, minlength=n)[:n]
    n_letters = np.bincount(note, weights=letters, minlength=n)[:n]
    share = np.divide(n_up, n_letters, out=np.zeros(n), where=n_letters > 0)
    shouting = np.where(n_letters >= 12, np.clip((share - 0.3) / 0.5, 0, 1), 0)
    out[:, n_register + 1] = shouting
    out[:, n_register + 2] = np.log1p(
        np.bincount(note, weights=raw == 33, minlength=n)[:n]
    )
    return out
