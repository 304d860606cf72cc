"""The glossary at the end of the report: each term in plain words."""

from __future__ import annotations

#: Term keys in the order the glossary lists them.
TERMS = (
    "rate",
    "rate_ratio",
    "ci",
    "p",
    "q",
    "recurring",
    "median",
    "open",
    "km",
    "logrank",
    "verdict",
    "too_few",
)

GLOSSARY: dict = {
    "term.rate": ("Dispute rate", "Taux de litiges"),
    "def.rate": (
        "Disputes per 100 days worked on missions. It lets you compare a busy"
        " year with a quiet one, or a big client with a small one.",
        "Nombre de litiges pour 100 jours travaillés en mission. Il permet de"
        " comparer une année chargée avec une année calme, un gros client avec un"
        " petit.",
    ),
    "term.rate_ratio": ("Ratio (×)", "Rapport (×)"),
    "def.rate_ratio": (
        "One rate divided by another: 2× means twice as many disputes, 0.5× half"
        " as many, 1× no difference.",
        "Un taux divisé par un autre : 2× veut dire deux fois plus de litiges,"
        " 0,5× deux fois moins, 1× aucune différence.",
    ),
    "term.ci": (
        "Likely range (95% confidence interval)",
        "Fourchette (intervalle de confiance à 95 %)",
    ),
    "def.ci": (
        "The values the true figure most likely lies between, given how few"
        " disputes there are. A wide range means the data cannot say much yet.",
        "Les valeurs entre lesquelles se trouve vraisemblablement le vrai"
        " chiffre, compte tenu du petit nombre de litiges. Une fourchette large"
        " veut dire que les données ne permettent pas encore de conclure.",
    ),
    "term.p": ("p", "p"),
    "def.p": (
        "How often a difference at least this large would turn up by chance"
        " alone if there were no real difference. Below 0.05 it is usually"
        ' taken as real; "p < 0.001" means less than one chance in a thousand.',
        "La probabilité d'observer un écart au moins aussi grand par simple"
        " hasard s'il n'y avait aucune différence réelle. Sous 0,05 on le"
        " considère en général comme réel ; « p < 0,001 » veut dire moins d'une"
        " chance sur mille.",
    ),
    "term.q": ("q", "q"),
    "def.q": (
        "A p corrected because several tests were made at once (every cause,"
        " practice or client-and-cause pair of a table; Benjamini–Hochberg"
        " method): with many tests, some small p turn up by chance, and q"
        " accounts for it. The verdicts are drawn from q.",
        "Un p corrigé parce que plusieurs tests ont été faits à la fois (chaque"
        " cause, pratique ou couple client-cause d'un tableau ; méthode de"
        " Benjamini–Hochberg) : avec beaucoup de tests, quelques petits p"
        " apparaissent par hasard, et q en tient compte. Les verdicts se fondent"
        " sur q.",
    ),
    "term.recurring": ("Recurring cause", "Cause récurrente"),
    "def.recurring": (
        "A cause that comes up with one client in at least two disputes and"
        " clearly more often than your work with them would lead you to expect"
        " (q below 0.05); its ratio compares the client with your other clients.",
        "Une cause qui revient avec un client dans au moins deux litiges et"
        " nettement plus souvent que votre travail avec lui ne le laisserait"
        " attendre (q sous 0,05) ; son rapport compare ce client à vos autres"
        " clients.",
    ),
    "term.median": ("Median", "Médiane"),
    "def.median": (
        "The middle value: half of the disputes took less, half took more. Unlike"
        " an average, one very long dispute does not pull it up.",
        "La valeur du milieu : la moitié des litiges ont pris moins, la moitié"
        " plus. Contrairement à une moyenne, un seul litige très long ne la tire"
        " pas vers le haut.",
    ),
    "term.open": ("Still open (censored)", "Encore ouvert (censuré)"),
    "def.open": (
        "A dispute not settled yet. It counts as lasting at least until the data"
        " date; it is neither dropped nor treated as settled.",
        "Un litige pas encore réglé. Il compte comme ayant duré au moins jusqu'à"
        " la date des données ; il n'est ni écarté ni compté comme réglé.",
    ),
    "term.km": ("Kaplan–Meier curve", "Courbe de Kaplan–Meier"),
    "def.km": (
        "The share of disputes still open after each number of days, computed so"
        " that disputes still open today are counted fairly.",
        "La part des litiges encore ouverts après chaque nombre de jours,"
        " calculée pour tenir compte correctement des litiges encore ouverts.",
    ),
    "term.logrank": ("p, q (days)", "p, q (jours)"),
    "def.logrank": (
        "For time to settle, a log-rank test: whether disputes with and without"
        " a habit took clearly different times to settle (q: the same, allowing"
        " for the number of habits compared).",
        "Pour le délai de règlement, un test du log-rank : les litiges avec et"
        " sans une habitude ont-ils pris des temps nettement différents ? (q : le"
        " même, compte tenu du nombre d'habitudes comparées).",
    ),
    "term.verdict": (
        "Rising, falling, lower, higher, no clear change",
        "En hausse, en baisse, plus bas, plus haut, pas de changement net",
    ),
    "def.verdict": (
        "Whether a rate changes over your career (rising, falling) or differs"
        " with a practice (lower, higher), said only when the difference is"
        ' clear enough (q below 0.05); otherwise "no clear change", which is'
        " not proof that nothing changed: the detectable column says how large"
        " a change the data could have caught.",
        "Si un taux évolue au fil de votre carrière (en hausse, en baisse) ou"
        " diffère avec une pratique (plus bas, plus haut), dit seulement quand"
        " l'écart est assez net (q sous 0,05) ; sinon « pas de changement"
        " net », qui ne prouve pas que rien n'a changé : la colonne détectable"
        " dit quelle taille de changement les données auraient pu repérer.",
    ),
    "term.too_few": ("Too few to tell", "Trop peu pour conclure"),
    "def.too_few": (
        "There are not enough disputes for any answer to be more than a guess;"
        " keep recording and look again later.",
        "Il n'y a pas assez de litiges pour qu'une réponse soit plus qu'une"
        " supposition ; continuez à noter et regardez de nouveau plus tard.",
    ),
}
