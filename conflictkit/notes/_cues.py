"""The cue lexicon of :class:`conflictkit.CauseClassifier`.

Generic words that signal each cause, in French and English: the vocabulary of
freelancing and of the field advice the taxonomy comes from, in the same
spirit as the cause synonyms of :mod:`conflictkit.io.vocabulary` (no phrase is
copied from the labelled corpus). They are matched as word beginnings on
normalised text (lower case, no accents, punctuation as spaces; ``.`` in an
entry stands for a space, ``$`` for the end of a word, ``<pay>`` for the
end of "retard de paiement" and its variants); each cause becomes one
feature, ``log(1 + number of its cues in the note)``, weighed by the
regressions next to the n-grams. They help most with words the labelled notes
never used. ``CauseClassifier(cues=False)`` turns them off.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .._labels import Cause
from ..io.vocabulary import normalize

__all__ = ["CUES", "cue_counts"]

_ALL_CAUSES = tuple(c.value for c in Cause)

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
    "tone": """
        ton$ crie crier hurl gueul engueul enerv colere agress violen brutal
        sec$ seche cassant froid glacial hautain condescend mepris paternal
        infantilis rabaiss humili insult injur grossier vulgaire impoli
        politesse courtois respect irrespect desobligeant blessant vexant moqu
        ridicul ironi sarcas pique remarque reflexion reproche critique morale
        menac ordre injonction directif autoritaire imperatif majuscule
        tutoie parle.mal parle.comme me.parle coupe.la.parole raccroch
        leve.la.voix hausse.le.ton le.ton.monte houleu tendu tension sexist
        racist deplace ambiance incendiaire agac
        tone yell shout scream angry anger rage aggressi hostil harsh curt
        terse abrasive cold frosty icy haughty patroniz contempt disdain
        belittl humiliat abus swear foul vulgar rude impolite polite courtesy
        disrespect hurtful offensive mock sarcas snark snide jab remark
        comment reproach lectur scold told.off threat order command bossy
        directive all.caps exclamation talk(?:s|ed|ing)?.down speaks?.to.me spoke.to.me
        interrupt cut.me.off hung.up raised.(?:his|her|my).voice heated tense
        tension inappropriate unpleasant atmosphere toxic
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
_CUE_PATTERNS = {
    cause: re.compile(
        r"\b(?:"
        + "|".join(
            w.replace(".", " ").replace("$", r"\b").replace("<pay>", _LATE_PAYMENT)
            for w in words.split()
        )
        + ")"
    )
    for cause, words in CUES.items()
}


def cue_counts(texts: Any) -> np.ndarray:
    """Per text and cause (in the taxonomy's order), log(1 + cues found)."""
    norm = [normalize(t) for t in texts]
    counts = np.array(
        [[len(_CUE_PATTERNS[c].findall(t)) for c in _ALL_CAUSES] for t in norm],
        dtype=float,
    ).reshape(len(norm), len(_ALL_CAUSES))
    return np.log1p(counts)
