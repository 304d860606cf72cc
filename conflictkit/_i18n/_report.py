"""Texts of the HTML report: titles, cards, "how to read this", missing data."""

from __future__ import annotations

#: Section ids, in the order of the report.
SECTION_KEYS = (
    "summary",
    "causes",
    "trend",
    "clients",
    "recurring",
    "resolution",
    "outcomes",
    "prevention",
    "handling",
    "recommendations",
    "quality",
    "glossary",
)

REPORT: dict = {
    "section.summary": ("At a glance", "En bref"),
    "section.causes": ("Causes", "Causes"),
    "section.trend": ("Over the career", "Au fil de la carrière"),
    "section.clients": ("Clients", "Clients"),
    "section.recurring": ("Recurring causes", "Causes récurrentes"),
    "section.resolution": ("Time to settle", "Délai de règlement"),
    "section.outcomes": ("How disputes ended", "Issue des litiges"),
    "section.prevention": (
        "What went with fewer disputes",
        "Ce qui va avec moins de litiges",
    ),
    "section.handling": ("Handling a dispute", "Conduite des litiges"),
    "section.recommendations": ("What to do next", "Que faire ensuite"),
    "section.quality": ("Data quality", "Qualité des données"),
    "section.glossary": ("Words used in this report", "Les mots de ce rapport"),
    "report.title": ("Disputes with clients", "Litiges avec les clients"),
    "report.as_of": ("Data as of {date}", "Données au {date}"),
    "report.source": ("Source: {source}", "Source : {source}"),
    "report.contents": ("Contents", "Sommaire"),
    "report.filter_period": (
        "Disputes opened from {start} to {end}",
        "Litiges ouverts du {start} au {end}",
    ),
    "report.filter_since": (
        "Disputes opened from {start}",
        "Litiges ouverts depuis le {start}",
    ),
    "report.filter_until": (
        "Disputes opened until {end}",
        "Litiges ouverts jusqu'au {end}",
    ),
    "report.filter_clients": ("Clients: {clients}", "Clients : {clients}"),
    "report.period": ("From {start} to {end}.", "Du {start} au {end}."),
    "report.generated": (
        "Made with conflictkit {version}.",
        "Produit avec conflictkit {version}.",
    ),
    "report.details": (
        {"one": "Show the other row", "other": "Show the other {count} rows"},
        {
            "one": "Afficher l'autre ligne",
            "other": "Afficher les {count} autres lignes",
        },
    ),
    "report.more_columns": ("More columns", "Plus de colonnes"),
    "report.per_cause": ("The same, per cause", "La même chose, par cause"),
    "report.no_dispute_clients": (
        {
            "one": "{count} more client had missions but no dispute.",
            "other": "{count} more clients had missions but no dispute.",
        },
        {
            "one": "{count} autre client a eu des missions mais aucun litige.",
            "other": "{count} autres clients ont eu des missions mais aucun litige.",
        },
    ),
    "report.no_disputes": (
        "No dispute in this selection yet: record disputes (conflictkit add, or"
        " the spreadsheet from conflictkit template) and run the report again.",
        "Aucun litige dans cette sélection : enregistrez vos litiges (conflictkit"
        " add, ou le classeur de conflictkit template) puis relancez le rapport.",
    ),
    # cards
    "card.disputes": (
        {"one": "dispute", "other": "disputes"},
        {"one": "litige", "other": "litiges"},
    ),
    "card.clients": (
        {"one": "client with a dispute", "other": "clients with disputes"},
        {"one": "client avec un litige", "other": "clients avec des litiges"},
    ),
    "card.open": ("still open", {"one": "encore ouvert", "other": "encore ouverts"}),
    "card.missions": (
        {"one": "mission", "other": "missions"},
        {"one": "mission", "other": "missions"},
    ),
    "card.at_stake": ("at stake", "en jeu"),
    "card.recovered": ("recovered", "récupérés"),
    "card.not_recorded": ("not recorded", "non renseigné"),
    # one line under each figure or table: how to read it
    "read.causes_fig": (
        "How to read this: each bar is a cause, tallest first; the line climbs to"
        " 100% as causes add up. A dispute counts once for each cause it cites.",
        "Comment lire : chaque barre est une cause, la plus fréquente d'abord ;"
        " la courbe monte jusqu'à 100 % en cumulant les causes. Un litige compte"
        " une fois pour chaque cause citée.",
    ),
    "read.trend_fig_rate": (
        "How to read this: each bar is a year, split by cause; its height is"
        " disputes per 100 days worked, so a busy year does not look worse just"
        " because you worked more.",
        "Comment lire : chaque barre est une année, découpée par cause ; sa"
        " hauteur est le nombre de litiges pour 100 jours travaillés, pour qu'une"
        " année chargée ne paraisse pas pire parce que vous avez plus travaillé.",
    ),
    "read.trend_unlabelled": (
        "{n} of the {total} disputes cite no cause (cause not recorded) and are"
        " not in the bars; a dispute citing two causes counts in both.",
        "{n} des {total} litiges ne citent aucune cause (cause non renseignée)"
        " et ne sont pas dans les barres ; un litige à deux causes compte"
        " dans les deux.",
    ),
    "read.clients_fig_some": (
        "The grid shows the {shown} of the {total} clients with a dispute citing"
        " a cause; the others' disputes have no cause recorded.",
        "La grille montre les {shown} des {total} clients dont un litige cite"
        " une cause ; les litiges des autres n'ont pas de cause renseignée.",
    ),
    "read.clients_fig_top": (
        "The grid shows the {shown} of the {total} clients with the most"
        " disputes citing a cause; the table below has them all.",
        "La grille montre les {shown} des {total} clients qui ont le plus de"
        " litiges citant une cause ; le tableau ci-dessous les a tous.",
    ),
    "read.trend_fig_count": (
        "How to read this: each bar is a year, split by cause; its height is the"
        " number of disputes (no missions recorded, so not per day worked).",
        "Comment lire : chaque barre est une année, découpée par cause ; sa"
        " hauteur est le nombre de litiges (pas de missions enregistrées, donc"
        " pas rapporté aux jours travaillés).",
    ),
    "read.partial": (
        "The last year is not over ({days} of it in the data): its bar is hatched,"
        " or left blank when too few days were worked in it to give a rate.",
        "La dernière année n'est pas finie ({days} dans les données) : sa barre"
        " est hachurée, ou laissée vide quand trop peu de jours y ont été"
        " travaillés pour calculer un taux.",
    ),
    "read.partial_count": (
        "The last year is not over ({days} of it in the data): its bar is"
        " hatched, and holds only the disputes of those days.",
        "La dernière année n'est pas finie ({days} dans les données) : sa barre"
        " est hachurée et ne compte que les litiges de ces jours-là.",
    ),
    "read.trend_table": (
        'How to read this: "per year" is how much the rate is multiplied each'
        " year (1.10 = +10% a year); the verdict says whether the change is"
        ' clear enough to trust; "detectable" is the yearly factor (up, or down'
        " by its inverse) these data would catch four times in five, so"
        ' "no clear change" does not rule out a smaller change.',
        "Comment lire : « par an » indique par combien le taux est multiplié"
        " chaque année (1,10 = +10 % par an) ; le verdict dit si l'évolution est"
        " assez nette pour s'y fier ; « détectable » est le facteur annuel (à la"
        " hausse, ou son inverse à la baisse) que ces données repéreraient quatre"
        " fois sur cinq : « pas de changement net » n'exclut donc pas une"
        " évolution plus petite.",
    ),
    "read.change_table": (
        "How to read this: the date from which a cause's rate most likely"
        " changed, with the rate before and after (disputes per 100 days worked)"
        ' and their ratio; "detectable" is the ratio (or its inverse) these data'
        " would catch four times in five. A cause can show no steady change per"
        " year above and still a clear step at one date here: the two tables"
        " ask different questions.",
        "Comment lire : la date à partir de laquelle le taux d'une cause a le"
        " plus probablement changé, avec le taux avant et après (litiges pour"
        " 100 jours travaillés) et leur rapport ; « détectable » est le rapport"
        " (ou son inverse) que ces données repéreraient quatre fois sur cinq."
        " Une cause peut ne montrer aucune évolution régulière par an dans le"
        " tableau précédent et un net palier à une date ici : les deux tableaux"
        " posent des questions différentes.",
    ),
    "read.clients_fig": (
        "How to read this: one row per client, one column per cause; darker"
        " cells hold more disputes and outlined cells are causes that keep"
        " coming back with that client.",
        "Comment lire : une ligne par client, une colonne par cause ; plus la"
        " case est foncée, plus il y a de litiges, et les cases encadrées sont"
        " les causes qui reviennent avec ce client.",
    ),
    "risk.too_few": ("too few to tell", "trop peu pour conclure"),
    "read.profiles_too_few": (
        '"Too few to tell": no test backs a risk level for these clients (no'
        " days worked recorded for them, so no dispute rate to compare, and"
        " {n} citing a cause, when recurring causes need at least {need});"
        ' the open disputes and the "why" column are facts, not a level.',
        "« Trop peu pour conclure » : aucun test ne fonde un niveau de risque"
        " pour ces clients (pas de jours travaillés notés pour eux, donc pas"
        " de taux à comparer, et {n} citant une cause, alors qu'il en faut"
        " au moins {need} pour les causes récurrentes) ; les litiges ouverts"
        " et la colonne « pourquoi » sont des faits, pas un niveau.",
    ),
    "read.profiles_table": (
        'How to read this: one row per client, riskiest first; "why" gives the'
        " reasons for the risk.",
        "Comment lire : une ligne par client, les plus à risque d'abord ;"
        " « pourquoi » donne les raisons du risque.",
    ),
    "read.recurring_table": (
        'How to read this: "expected" is how many such disputes your work with'
        ' this client would give at your usual rate; "ratio" is this client\'s'
        " rate of the cause over your other clients' rate; q below 0.05 means"
        " the gap is unlikely to be chance alone, allowing for every client and"
        " cause checked.",
        "Comment lire : « attendu » est le nombre de tels litiges que votre"
        " travail avec ce client donnerait à votre rythme habituel ; le"
        " « rapport » est le taux de cette cause chez ce client divisé par celui"
        " de vos autres clients ; un q sous 0,05 veut dire que l'écart a peu de"
        " chances d'être dû au seul hasard, compte tenu de tous les clients et"
        " causes vérifiés.",
    ),
    "read.resolution_fig": (
        "How to read this: each curve starts at 100% of disputes open and drops"
        " as they are settled; where it crosses 50% is the median time to"
        " settle. Disputes still open count until today.",
        "Comment lire : chaque courbe part de 100 % de litiges ouverts et"
        " descend à mesure qu'ils se règlent ; là où elle croise 50 %, c'est le"
        " délai médian. Les litiges encore ouverts comptent jusqu'à aujourd'hui.",
    ),
    "read.resolution_few": (
        '"Too few to tell": fewer than {need} settled disputes in the group;'
        " its median and range are shown, but they are not a finding yet.",
        "« Trop peu pour conclure » : moins de {need} litiges réglés dans le"
        " groupe ; sa médiane et sa fourchette sont affichées, mais ce n'est"
        " pas encore un constat.",
    ),
    "read.resolution_table": (
        "How to read this: half of the disputes were settled within the median"
        " number of days; the range is where the true median most likely lies.",
        "Comment lire : la moitié des litiges ont été réglés en moins de jours"
        " que la médiane ; la fourchette est l'intervalle où se trouve"
        " vraisemblablement la vraie médiane.",
    ),
    "read.outcomes_few": (
        'Hatched bars and "too few to tell": fewer than {need} disputes with a'
        " known outcome; their shares are shown, but they are not a finding yet.",
        "Barres hachurées et « trop peu pour conclure » : moins de {need}"
        " litiges dont l'issue est connue ; leurs parts sont affichées, mais ce"
        " n'est pas encore un constat.",
    ),
    "read.outcomes_fig": (
        "How to read this: one bar per cause, split by how the settled disputes"
        " ended; blues are agreements.",
        "Comment lire : une barre par cause, découpée selon l'issue des litiges"
        " réglés ; les bleus sont des accords.",
    ),
    "read.outcomes_table": (
        "How to read this: shares are of the settled disputes whose outcome was"
        ' recorded; "recovered" is the share of the money at stake you got back.',
        "Comment lire : les parts portent sur les litiges réglés dont l'issue est"
        " connue ; « récupéré » est la part du montant en jeu que vous avez"
        " récupérée.",
    ),
    "read.prevention_fig": (
        "How to read this: a dot left of the dashed line means fewer disputes"
        " with the practice; the bar is the range of plausible values, and a bar"
        " crossing the line means no clear difference.",
        "Comment lire : un point à gauche de la ligne pointillée signifie moins"
        " de litiges avec la pratique ; la barre est la fourchette des valeurs"
        " plausibles, et une barre qui traverse la ligne signifie pas de"
        " différence nette.",
    ),
    "read.prevention_table": (
        'How to read this: "ratio" is the dispute rate with the practice divided'
        " by the rate without (0.5 = half as many disputes per day worked), an"
        ' association rather than proof; "detectable" is the ratio (or its'
        " inverse) these data would catch four times in five.",
        "Comment lire : le « rapport » est le taux de litiges avec la pratique"
        " divisé par le taux sans (0,5 = deux fois moins de litiges par jour"
        " travaillé), une association et non une preuve ; « détectable » est le"
        " rapport (ou son inverse) que ces données repéreraient quatre fois sur"
        " cinq.",
    ),
    "read.handling_fig": (
        "How to read this: for each habit, the dispute with and without it:"
        " days to settle, share ending in agreement, share of clients kept.",
        "Comment lire : pour chaque habitude, les litiges avec et sans : jours"
        " pour régler, part conclue par un accord, part des clients conservés.",
    ),
    "read.handling_table": (
        "How to read this: a q below 0.05 means a gap this large is unlikely"
        " to be chance alone, allowing for the several comparisons made; above,"
        ' the data cannot tell. "Detectable": how many times faster (or slower)'
        " disputes with the habit would have to settle for these data to show"
        " it four times in five.",
        "Comment lire : un q sous 0,05 veut dire qu'un tel écart a peu de"
        " chances d'être dû au seul hasard, compte tenu des comparaisons"
        " faites ; au-dessus, les données ne permettent pas de conclure."
        " « Détectable » : combien de fois plus vite (ou plus lentement) les"
        " litiges avec l'habitude devraient se régler pour que ces données le"
        " montrent quatre fois sur cinq.",
    ),
    "read.recommendations_table": (
        'How to read this: the most urgent first; "basis" says whether the'
        " advice rests on your own data or on general advice for freelancers.",
        "Comment lire : les plus urgentes d'abord ; « fondement » dit si le"
        " conseil repose sur vos propres données ou sur un conseil général aux"
        " indépendants.",
    ),
    "read.rejected_table": (
        "How to read this: each row the file could not use, as the spreadsheet"
        " numbers it, with the reason; fix them in the file and run again.",
        "Comment lire : chaque ligne du fichier inutilisable, numérotée comme"
        " dans le tableur, avec la raison ; corrigez-les dans le fichier et"
        " relancez.",
    ),
    # a section that does not apply: what is missing and how to record it
    "na.no_missions": (
        "Not shown: this needs your missions (client, start and end dates, and"
        " the practices used). Add a missions sheet, e.g. from conflictkit"
        " template.",
        "Non affiché : il faut pour cela vos missions (client, dates de début et"
        " de fin, et pratiques utilisées). Ajoutez une feuille des missions, par"
        " exemple avec conflictkit template.",
    ),
    # unknown is not none: practices nobody recorded are not compared
    "na.practices_not_recorded": (
        "Not shown: your missions record none of the practices compared here"
        " (written scope, regular check-ins, meeting minutes, intermediary,"
        " contract type). A practice nobody recorded is unknown, not unused:"
        " add its column to your missions to compare.",
        "Non affiché : vos missions ne notent aucune des pratiques comparées ici"
        " (périmètre écrit, points réguliers, comptes rendus, intermédiaire,"
        " type de contrat). Une pratique que personne n'a notée est inconnue,"
        " pas absente : ajoutez sa colonne à vos missions pour comparer.",
    ),
    "prevention.not_recorded": (
        "Not recorded in your missions, so not compared (unknown, not unused):"
        " {practices}.",
        "Non notés dans vos missions, donc non comparés (inconnus, pas absents) :"
        " {practices}.",
    ),
    "value.contract": ("contract type", "type de contrat"),
    "na.no_outcomes": (
        "Not shown: no settled dispute records how it ended. Fill in the"
        " outcome column (amicable, compromise, conceded, prevailed, abandoned).",
        "Non affiché : aucun litige réglé n'indique son issue. Remplissez la"
        " colonne issue (à l'amiable, compromis, concédé, gain de cause,"
        " abandonné).",
    ),
    "na.no_handling": (
        "Not shown: record for each dispute how many options you proposed and"
        " whether you sent a written follow-up (columns options_proposed and"
        " followup_sent).",
        "Non affiché : notez pour chaque litige le nombre d'options proposées et"
        " si un suivi écrit a été envoyé (colonnes options_proposed et"
        " followup_sent).",
    ),
    "na.no_causes": (
        "Not shown: no dispute cites a cause. Fill in the causes column, or let"
        " conflictkit suggest propose some from your notes.",
        "Non affiché : aucun litige ne cite de cause. Remplissez la colonne"
        " causes, ou laissez conflictkit suggest en proposer à partir de vos"
        " notes.",
    ),
    "na.too_few_recurring": (
        {
            "one": "Not shown: {n} cites a cause; at least {need} are needed to"
            " tell whether a cause keeps coming back with a client.",
            "other": "Not shown: {n} cite a cause; at least {need} are needed to"
            " tell whether a cause keeps coming back with a client.",
        },
        {
            "one": "Non affiché : {n} cite une cause ; il en faut au moins {need}"
            " pour dire si une cause revient avec un client.",
            "other": "Non affiché : {n} citent une cause ; il en faut au moins"
            " {need} pour dire si une cause revient avec un client.",
        },
    ),
    "na.too_few_recommendations": (
        {
            "one": "No advice yet: {n} cites a cause, too few to tell which cause"
            " to work on first (at least {need} are needed).",
            "other": "No advice yet: {n} cite a cause, too few to tell which cause"
            " to work on first (at least {need} are needed).",
        },
        {
            "one": "Pas encore de conseil : {n} cite une cause, trop peu pour dire"
            " sur laquelle agir d'abord (il en faut au moins {need}).",
            "other": "Pas encore de conseil : {n} citent une cause, trop peu pour"
            " dire sur laquelle agir d'abord (il en faut au moins {need}).",
        },
    ),
    "na.no_resolved": (
        "Not shown: no dispute is settled yet (resolved_at is empty everywhere).",
        "Non affiché : aucun litige n'est encore réglé (resolved_at est vide partout).",
    ),
    "na.too_short": (
        "Not shown: the disputes span less than two periods, too short to see a"
        " change over time.",
        "Non affiché : les litiges couvrent moins de deux périodes, trop peu pour"
        " voir une évolution.",
    ),
    "na.too_few_trend": (
        {
            "one": "Rising or falling is not shown: {n} over this span is too few"
            " to tell (at least {need} disputes over two years are needed).",
            "other": "Rising or falling is not shown: {n} over this span are too"
            " few to tell (at least {need} disputes over two years are needed).",
        },
        "Hausse ou baisse non affichée : {n} sur cette durée, c'est trop peu pour"
        " conclure (il faut au moins {need} litiges sur deux ans).",
    ),
    "na.too_few_prevention": (
        {
            "one": "Not shown: {n} is too few to compare missions with and without"
            " each practice (at least {need} are needed). Keep recording your"
            " missions.",
            "other": "Not shown: {n} are too few to compare missions with and"
            " without each practice (at least {need} are needed). Keep recording"
            " your missions.",
        },
        "Non affiché : {n}, c'est trop peu pour comparer les missions avec et"
        " sans chaque pratique (il en faut au moins {need}). Continuez à noter vos"
        " missions.",
    ),
    "no_recurring": (
        "No cause keeps coming back with a particular client.",
        "Aucune cause ne revient avec un client en particulier.",
    ),
    "no_recommendations": (
        "No recommendation: no dispute cites a cause.",
        "Aucune recommandation : aucun litige ne cite de cause.",
    ),
    # data quality
    "quality.rejected": (
        {
            "one": "{count} row of the file was rejected and is not analysed:",
            "other": "{count} rows of the file were rejected and are not analysed:",
        },
        {
            "one": "{count} ligne du fichier a été rejetée et n'est pas analysée :",
            "other": "{count} lignes du fichier ont été rejetées et ne sont pas"
            " analysées :",
        },
    ),
    "quality.rejected_missions": (
        {
            "one": "{count} mission row was rejected:",
            "other": "{count} mission rows were rejected:",
        },
        {
            "one": "{count} ligne de missions a été rejetée :",
            "other": "{count} lignes de missions ont été rejetées :",
        },
    ),
    "quality.no_rejected": ("No row was rejected.", "Aucune ligne rejetée."),
    "quality.unlabelled": (
        {
            "one": "{count} dispute cites no cause (conflictkit suggest can"
            " propose some).",
            "other": "{count} disputes cite no cause (conflictkit suggest can"
            " propose some).",
        },
        {
            "one": "{count} litige ne cite aucune cause (conflictkit suggest peut"
            " en proposer).",
            "other": "{count} litiges ne citent aucune cause (conflictkit suggest peut"
            " en proposer).",
        },
    ),
    "quality.few": (
        'Some results rest on few disputes and say so ("too few to tell"):'
        " read them as hints, not findings.",
        "Certains résultats reposent sur peu de litiges et le disent (« trop peu"
        " pour conclure ») : lisez-les comme des pistes, pas des constats.",
    ),
    "quality.from_invoices": (
        "{d} of the {n} invoices read are payment disputes: paid late, unpaid past "
        "their due date, written off or flagged as disputed.",
        "{d} des {n} factures lues sont des litiges de paiement : payées en retard, "
        "impayées après l'échéance, passées en perte ou signalées contestées.",
    ),
    "quality.per_invoice": (
        "Exposure is counted in invoices (the export does not say the days billed): "
        "rates labelled per 100 mission-days are per 100 invoices.",
        "L'exposition est comptée en factures (l'export ne dit pas les jours "
        "facturés) : les taux notés pour 100 jours de mission sont pour 100 factures.",
    ),
    "quality.merged": (
        "Two sources were merged; what was counted once:",
        "Deux sources ont été fusionnées ; ce qui n'a été compté qu'une fois :",
    ),
    "quality.undated": (
        {
            "one": "{count} dispute has an outcome but no resolution date: it is"
            " counted in the outcomes and left out of the time to settle.",
            "other": "{count} disputes have an outcome but no resolution date:"
            " they are counted in the outcomes and left out of the time to settle.",
        },
        {
            "one": "{count} litige a une issue mais pas de date de règlement : il"
            " compte dans les issues et reste hors du délai de règlement.",
            "other": "{count} litiges ont une issue mais pas de date de règlement :"
            " ils comptent dans les issues et restent hors du délai de règlement.",
        },
    ),
    "quality.skipped": (
        {
            "one": "{count} row of the file is not a dispute and was skipped"
            " ({reasons}).",
            "other": "{count} rows of the file are not disputes and were skipped"
            " ({reasons}).",
        },
        {
            "one": "{count} ligne du fichier n'est pas un litige et a été"
            " ignorée ({reasons}).",
            "other": "{count} lignes du fichier ne sont pas des litiges et ont été"
            " ignorées ({reasons}).",
        },
    ),
    "quality.skipped.blank rows": ("blank rows", "lignes vides"),
    "quality.skipped.total rows": ("total lines", "lignes de total"),
    "quality.skipped.left out by where=": ("left out by where=", "écartées par where="),
    "quality.unused": (
        "Columns of the file that were not used: {names}. To use one, name the"
        " column conflictkit should read it as: with the command, --columns"
        " '{header}=name' (e.g. notes, causes, amount_at_stake); in Python,"
        " read_history(..., columns={{'{header}': 'name'}}).",
        "Colonnes du fichier non utilisées : {names}. Pour en utiliser une,"
        " dites à quelle colonne de conflictkit elle correspond : avec la"
        " commande, --columns '{header}=nom' (par exemple notes, causes,"
        " amount_at_stake) ; en Python, read_history(..., columns={{'{header}':"
        " 'nom'}}).",
    ),
    "quality.read_warnings": (
        "What the reader noticed in the file:",
        "Ce que la lecture du fichier a relevé :",
    ),
    "quality.notes": ("Notes from the analyses:", "Remarques des analyses :"),
    "quality.note_in": ("{section}: {message}", "{section} : {message}"),
    # table headers
    **{
        f"header.{k}": v
        for k, v in {
            "action": ("action", "action"),
            "agreement_p": ("p (agreement)", "p (accord)"),
            "agreement_q": ("q (agreement)", "q (accord)"),
            "logrank_q": ("q (days)", "q (jours)"),
            "retention_q": ("q (client kept)", "q (client conservé)"),
            "verdict": ("verdict", "verdict"),
            "with_without": ("(with / without)", "(avec / sans)"),
            "agreement_with": ("agreement with", "accord avec"),
            "agreement_without": ("agreement without", "accord sans"),
            "amount_at_stake": ("at stake", "en jeu"),
            "amount_recovered": ("recovered", "récupéré"),
            "basis": ("basis", "fondement"),
            "cause": ("cause", "cause"),
            "changed_at": ("changed around", "changement vers le"),
            "rate_before": ("rate before", "taux avant"),
            "rate_after": ("rate after", "taux après"),
            "ci_high": ("up to", "jusqu'à"),
            "ci_low": ("from", "de"),
            "client": ("client", "client"),
            "column": ("column", "colonne"),
            "cumulative_share": ("cumulative share", "part cumulée"),
            "detectable_ratio": ("detectable", "détectable"),
            "days_with": ("days worked with", "jours travaillés avec"),
            "days_without": ("days worked without", "jours travaillés sans"),
            "direction": ("verdict", "verdict"),
            "disputes_with": ("disputes with", "litiges avec"),
            "disputes_without": ("disputes without", "litiges sans"),
            "evidence": ("evidence", "constat"),
            "expected": ("expected", "attendu"),
            "group": ("group", "groupe"),
            "last_dispute_at": ("last dispute", "dernier litige"),
            "logrank_p": ("p (days)", "p (jours)"),
            "median_days": ("median days", "jours (médiane)"),
            "median_days_with": ("median days with", "jours (médiane) avec"),
            "median_days_without": ("median days without", "jours (médiane) sans"),
            "median_gap_days": ("median gap (days)", "écart médian (jours)"),
            "mission_days": ("days worked", "jours travaillés"),
            "missions_with": ("missions with", "missions avec"),
            "missions_without": ("missions without", "missions sans"),
            "n": ("disputes", "litiges"),
            "n_disputes": ("disputes", "litiges"),
            "n_missions": ("missions", "missions"),
            "n_open": ("open", "ouverts"),
            "n_resolved": ("settled", "réglés"),
            "n_outcome_known": ("outcome known", "issue connue"),
            "n_escalation_known": ("escalation known", "escalade connue"),
            "n_retention_known": ("client kept known", "maintien connu"),
            "n_unknown": ("unknown", "inconnus"),
            "n_with": ("with", "avec"),
            "n_without": ("without", "sans"),
            "p_value": ("p", "p"),
            "practice": ("practice", "pratique"),
            "priority": ("priority", "priorité"),
            "problem": ("problem", "problème"),
            "problems": ("problems", "problèmes"),
            "q_value": ("q", "q"),
            "range": ("likely range", "fourchette"),
            "rate_per_100_days": ("per 100 days", "pour 100 j"),
            "rate_ratio": ("ratio", "rapport"),
            "rate_ratio_per_year": ("per year", "par an"),
            "reached_proposal": ("reached a proposal", "jusqu'à une proposition"),
            "reached_court": ("reached court", "jusqu'au tribunal"),
            "reached_mediation": ("reached mediation", "jusqu'à la médiation"),
            "recovery_rate": ("share recovered", "part récupérée"),
            "recurring_causes": ("recurring causes", "causes récurrentes"),
            "retention": ("client kept", "client conservé"),
            "retention_p": ("p (client kept)", "p (client conservé)"),
            "retention_with": ("client kept with", "client conservé avec"),
            "retention_without": ("client kept without", "client conservé sans"),
            "risk": ("risk", "risque"),
            "risk_reason": ("why", "pourquoi"),
            "row": ("row", "ligne"),
            "share": ("share", "part"),
            "share_agreement": ("agreement", "accord"),
            "share_amicable": ("amicable", "à l'amiable"),
            "share_abandoned": ("abandoned", "abandon"),
            "share_compromise": ("compromise", "compromis"),
            "share_conceded": ("conceded", "concédé"),
            "share_prevailed": ("prevailed", "gain de cause"),
            "slope": ("slope", "pente"),
            "table": ("table", "table"),
            "top_cause": ("main cause", "cause principale"),
            "value": ("value", "valeur"),
            "dispute_id": ("dispute", "litige"),
            "period": ("period", "période"),
            "disputes": ("disputes", "litiges"),
        }.items()
    },
}
