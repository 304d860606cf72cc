# The notes below are data, one per line, so long lines are expected.
# ruff: noqa: E501
"""Build ``datasets/notes.csv``, the labelled notes behind ``load_example_notes()``.

Run from the repository root: ``python datasets/make_notes.py``. It needs no
network and is deterministic (fixed seed): running it twice writes the same file.

How the corpus is made
----------------------
Every note below was written by the project: none is a real client note.

1. **Hand-written notes, one cause each** (``SINGLE``): for each cause, lines of
   ``french || english``. Most lines are a pair written together (an adaptation
   rather than a literal translation); ``-`` marks a side left empty, so some
   notes exist in one language only (French administrative words, English
   platform jargon, notes that mix both languages).
2. **Hand-written notes with several causes** (``MULTI``): ``causes | french ||
   english``, the primary cause first.
3. **Combined notes**: two single-cause notes of different causes from the same
   language and the same side of the split, joined the way people chain remarks
   ("En plus, ...", "Also ..."), labelled with both causes (the first primary).
   Each note enters at most one combination.
4. **Surface variety**, drawn at random and independent of the cause: a neutral
   context before or after (client, date, mission, amount at stake, what was
   done next), French accents removed, all lower case, all capitals, one or two
   typos (swapped, dropped or doubled letters).

The split is fixed here, before any model sees the data. A pair of notes (its
French and English sides) is one group, always on the same side of the split;
groups are drawn per primary cause so that about 25% of them go to ``test``
(the same share in both languages). Combined notes are built within a split,
so no sentence of a test note appears in a training note.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pandas as pd

SEED = 20240615
TEST_SHARE = 0.25
N_COMBINED = 64
CAUSES = ("scope", "deadlines", "payment", "tone", "trust", "other")
#: Key of the hand-written notes that cite no cause.
NONE = "none"
N_COURTEOUS = 48

SINGLE: dict[str, str] = {}

SINGLE["scope"] = """
Le client ajoute des fonctionnalités à chaque réunion sans jamais parler de budget. || Client keeps adding features in every call, never a word about budget.
« Tant que tu y es, tu peux faire la version mobile ? » Pas prévu au devis. || PM asked for a mobile version "while you're at it". Not in the quote.
Cahier des charges flou, chacun l'interprète à sa façon. || Spec was vague from day one, everyone reads it differently.
Périmètre jamais figé, on en est à la V7 des specs. || Scope never frozen, we're on version 7 of the requirements.
Le PO a rajouté 3 user stories en plein sprint, sans arbitrage. || PO slipped 3 new user stories into the running sprint, no trade-off.
Demande d'un module de reporting qui n'était pas dans le contrat. || They asked for a reporting module that was explicitly excluded in section 4.
Selon lui l'export PDF était "évidemment inclus". Rien d'écrit là-dessus. || "I assumed the admin panel was part of it." It was never mentioned.
Devis signé pour 5 écrans, on en est à 12. || Quote covered 5 pages, we're at 14.
ils veulent maintenant que je gère aussi la migration des données, hors périmètre || they now want the data migration too. not in the SOW
Désaccord sur ce que couvre la maintenance : corrections ou évolutions ? || Disagreement on what "maintenance" covers: bug fixes or new features?
Le DSI considère que la formation des utilisateurs fait partie de la prestation. || CIO considers end-user training part of the engagement.
perimetre mal defini des le depart, ma faute aussi, pas de spec ecrite || no written scope, my bad, now we argue about what was promised
Nouvelle demande : connecteur SAP. Pas chiffré, pas prévu. || New requirement: Salesforce integration. Not estimated, not agreed.
Ils ont changé d'avis sur l'architecture après validation, tout est à refaire. || They changed the architecture after sign-off, half the work is wasted.
Réunion de cadrage : le client ne voit pas la différence entre un MVP et un produit fini. || Kickoff: the client can't tell an MVP from a finished product.
Le client estime que les traductions en anglais et en allemand sont comprises dans le forfait. || client expects translations in 3 languages included in the fixed price
Avenant refusé pour les 4 jours de dév supplémentaires : « c'était implicite ». || Change request refused: "it was implied in the original brief".
On me demande de refaire la charte graphique alors que je suis là pour le back-end. || Asked to redo the branding although I was hired for the backend.
Scope creep classique : des petites demandes qui s'accumulent, 10 jours non prévus au total. || Scope creep again: six small requests this week, roughly 4 days of unplanned work.
Spécifications reçues au compte-gouttes, chaque lot remet en cause le précédent. || Requirements drip-fed, each batch contradicts the last one.
Livrable contesté : ils attendaient un tableau de bord interactif, j'ai livré ce qui était dans la spec. || Deliverable rejected: they expected an interactive dashboard, I built what the spec said.
Le contrat parle de "site vitrine", le client veut un e-commerce. || Contract says brochure site, client wants a full online shop.
ajout de l'authentification SSO en cours de route, refus de revoir le forfait || SSO added mid-project, they refuse to reopen the fixed price
Mail du client : « Je pensais que l'hébergement était compris. » Il ne l'était pas. || Email from client: "I thought hosting was included." It was not.
Liste des exigences passée de 20 à 45 lignes depuis la signature. || Requirements doc went from 20 to 50 items since signing.
Le client veut que je prenne en charge le support N1 le week-end, pas dans le contrat. || They think weekend on-call support is part of the deal. It isn't.
Expression de besoin très vague : "une appli comme Uber mais pour les plombiers". || Brief was literally "like Airbnb but for boats".
Discussion tendue sur ce qui relève du correctif et ce qui relève de l'évolution. || Arguing over whether the data model redesign counts as a change request.
Ils ont élargi l'audit à trois filiales sans revoir l'enveloppe. || Audit scope widened to 3 subsidiaries, same budget.
Besoin redéfini pour la 3e fois en deux mois. Je n'arrive plus à chiffrer. || Needs redefined for the third time in two months, I can't estimate anything anymore.
La recette révèle des attentes jamais exprimées (gestion multi-devises). || Acceptance testing revealed expectations nobody wrote down (multi-currency).
Fonctionalités en plus demandées par mail, sans bon de commande. || extra fetaures requested by email, no purchase order, no amendment
Le nouveau directeur veut revoir tout le périmètre signé avec son prédécesseur. || New VP wants to revisit the whole scope agreed with his predecessor.
Ticket "petite modif" qui est en réalité une refonte du moteur de règles. || "Tiny tweak" ticket is actually a rewrite of the pricing engine.
Le client pense que l'appli doit tourner sur iOS, Android ET web. Devis : web seulement. || Client wants iOS, Android and web. Estimate was web only.
Demande d'intégrer le module RH "vu qu'on y est". || They want the HR module integrated too, "since we're at it".
Pas d'accord sur la définition de "terminé" pour le lot 2. || We disagree on the definition of done for milestone 2.
Ils veulent une doc utilisateur de 80 pages en plus du code, non chiffrée. || They want an 80-page user manual on top of the code, unquoted.
Le périmètre du POC a gonflé jusqu'à devenir un projet complet. || Proof of concept ballooned into a production system.
Cadrage bâclé par l'ESN, c'est moi qui récupère le flou. || The agency did a sloppy discovery phase and I inherit the mess.
Refonte de l'API publique exigée alors que le lot ne prévoyait que la correction de bugs. || Redesign of the public API demanded, the phase only covered bug fixing.
Client : « Vous deviez aussi vous occuper du référencement. » Jamais évoqué. || Client insists SEO was part of the website job. Never discussed.
Spec fonctionnelle de 2 pages pour un projet de 60 jours... on découvre tout au fil de l'eau. || Two-page spec for a 60-day project, we discover the real needs as we go.
Ils me demandent d'encadrer leur stagiaire en plus de ma mission. || Asked to mentor their junior dev on top of the engagement.
Les maquettes validées en janvier ne correspondent plus à rien, nouvelles exigences chaque semaine. || Mockups signed off in March are meaningless now, new asks every week.
Le comité de pilotage ajoute des indicateurs au dashboard sans en parler au chef de projet. || Stakeholders add KPIs to the dashboard behind the PM's back.
périmètre qui bouge tout le temps, impossible de tenir le forfait || feature requests pile up in Slack, no PO to say no
ils considèrent que la reprise de l'existant est incluse, moi non || They expect me to also handle legacy data cleanup. Out of scope IMO.
Malentendu sur le livrable : un prototype cliquable, pas une appli en prod. || Misunderstanding: clickable prototype vs live app.
Le client a rajouté un deuxième site à déployer, même budget. || Second country rollout added, no change to the budget.
"Juste un petit formulaire en plus" = 3 jours de travail. || "Just one more form" = three days.
Ma proposition listait les exclusions, le client ne l'a pas lue. || my proposal listed the exclusions. nobody read it.
Le backlog initial a doublé et le PO refuse de prioriser. || Backlog doubled, PO won't prioritise.
Le "petit site" est devenu une plateforme avec espace membre, newsletter et paiement en ligne. || The "quick landing page" now has a members area, a newsletter and a checkout.
Devis 12 j, réalisé 19 j : les 7 j d'écart sont des demandes "mineures" du client. || Quoted 12 days, spent 19, the gap is all "minor" asks.
la cliente veut que je fasse aussi les visuels insta, pas dans le devis || she also wants me to do the instagram graphics, wasn't in the quote
Ajout d'un 3e profil utilisateur non prévu, tout le modèle de droits à refaire. || Third user role added, whole permission model to redo.
Le cahier des charges a été rédigé par quelqu'un qui a quitté la boîte, personne ne sait ce qu'il voulait dire. || Nobody at the client knows what the author of the RFP actually meant.
La démo aux parties prenantes a tourné à la liste au Père Noël, tout est devenu prioritaire. || Stakeholder demo turned into a wishlist session; now everything is a must-have.
On me demande de "jeter un œil" à leur entrepôt de données. C'est un autre projet. || Asked to "also look at" their data warehouse. That's a whole other project.
Le PM m'a sorti un "nice to have" qui est devenu un must-have en deux jours. || -
Lot "reprise de données" considéré comme acquis par la MOA alors qu'on l'avait exclu en réunion de lancement. || -
- || Fixed-bid gig on Upwork, client keeps stuffing more work into each milestone.
Désaccord sur la méthode : ils veulent du cycle en V, moi de l'agile. || Methodology clash: they want waterfall, I work agile.
Malentendu sur la façon de travailler : stand-up quotidien imposé à 8h. || Misunderstanding about ways of working: daily 8am stand-ups imposed.
Ils veulent tout par mail, je préfère les appels : on ne travaille pas pareil. || They want everything by email, I prefer calls: different ways of working.
- || They keep calling new requirements "clarifications".
- || Spec said CSV export, now they want a live API feed.
Le client voulait finalement gérer les stocks dans l'outil, ce n'était pas dans l'expression de besoin. || Turns out they wanted inventory management in the tool too, never in the brief.
Trois services, trois visions du produit, aucune n'est écrite. || Three departments, three visions of the product, none written down.
Demande de refaire tout le parcours d'inscription "pour le même prix". || They want the whole sign-up flow redone "for the same price".
Il voulait un site bilingue, on n'en avait jamais parlé. || He wanted a bilingual site, we never talked about it.
Le lot 1 devait couvrir l'import, ils y mettent aussi l'export et l'archivage. || Phase 1 was the import; they've piled export and archiving on top.
Les attentes du client dépassent largement le nombre de jours vendus. || Client expectations go far beyond the days sold.
chaque point hebdo finit avec 2 ou 3 "petits trucs" à rajouter || every weekly ends with 2 or 3 "little things" to add
Ils contestent la recette parce que l'appli ne fait pas ce qu'ils avaient "imaginé". || They reject acceptance because the app doesn't do what they had "pictured".
Le besoin exprimé en réunion ne correspond pas au document signé. || What they ask for in meetings doesn't match the signed document.
On m'a vendu une mission d'audit, on attend de moi la mise en œuvre. || I was hired for an audit, they expect me to implement it too.
Le périmètre fonctionnel n'a jamais été validé par le métier. || The business never approved the functional scope.
Ils ont découvert l'existence d'un deuxième back-office à intégrer. || They found a second back office that also needs integrating.
"Pouvez-vous aussi regarder la perf de l'ancien site ?" Non prévu. || "Could you also look at the old site's performance?" Not planned.
Les user stories sont des titres sans critères d'acceptation. || User stories are one-line titles with no acceptance criteria.
Exigence de conformité bancaire découverte à mi-parcours. || Banking compliance requirement surfaced halfway through.
on se dispute sur ce que veut dire "responsive" || arguing about what "responsive" means
Devis accepté pour une V1 simple, ils veulent toutes les options de la V2. || Quote accepted for a simple v1, they want every v2 option.
Ils refusent de signer le document de cadrage mais attendent que je réponde à leurs attentes. || They won't sign the scoping document but expect me to meet their expectations.
Extension du projet à l'appli de la filiale belge, sans discussion. || Project extended to the Belgian subsidiary's app, no discussion.
Les demandes d'évolution arrivent par WhatsApp, impossible de tracer ce qui a été convenu. || Change requests come over WhatsApp, no way to track what was agreed.
Ils appellent "ajustement" ce qui est en fait un nouveau module complet. || What they call an "adjustment" is really a whole new module.
Le client attendait aussi l'hébergement, la maintenance et la formation pour le prix du développement. || Client expected hosting, maintenance and training too, all for the price of the build.
Trois allers-retours sur le wireframe, et à chaque fois une exigence de plus. || Three rounds on the wireframe, and every round one more requirement.
L'appel d'offres mentionnait 2 interfaces, la réalité en compte 9. || The tender mentioned 2 interfaces, reality has 9.
Le métier découvre ses propres règles de gestion au fil des ateliers. || The business discovers its own rules as the workshops go.
"Ce serait bien si..." : chaque phrase du client commence comme ça et finit en travail gratuit. || "It would be nice if..." — every sentence of theirs starts like that and ends in free work.
Mon devis ne couvrait que le front, ils veulent que je touche aussi à la base de données. || My quote only covered the front end, they want me in the database too.
Après la livraison, ils veulent "quelques ajustements" qui représentent deux semaines. || After delivery they want "a few adjustments" worth two weeks.
Personne n'a écrit les critères de validation, du coup rien n'est jamais fini. || Nobody wrote the acceptance criteria, so nothing is ever finished.
Je dois rédiger moi-même les spécifications que le client aurait dû fournir. || I'm writing the specs the client should have provided.
Ils ont ajouté un espace client et un chatbot au projet initial de site vitrine. || They added a customer portal and a chatbot to the original brochure site.
La liste des écrans à produire change après chaque comité. || The list of screens to build changes after every steering meeting.
Contrat pour un audit de sécurité, on me demande maintenant de corriger les failles. || Contract was a security audit, now they want me to fix the holes as well.
La mission "d'accompagnement" n'a pas de contour défini, tout peut y entrer. || The "support" engagement has no defined boundaries, anything goes.
Le client réinterprète le contrat à chaque livraison. || Client reinterprets the contract at every delivery.
Ils veulent une appli hors ligne alors que rien ne le prévoyait. || They want offline mode, nothing in the plan said so.
On est passé d'un simple export à un entrepôt de données complet. || We went from a simple export to a full data warehouse.
Désaccord sur ce que comprend la "mise en place" : installation seule ou paramétrage complet. || Disagreement on what "setup" covers: install only or full configuration.
Le chef de projet promet des fonctions à ses utilisateurs sans m'en parler. || Their PM promises features to users without telling me.
Ils ont doublé le nombre de rapports attendus en cours de projet. || They doubled the number of expected reports mid-project.
"""

SINGLE["deadlines"] = """
Date de mise en prod avancée de 3 semaines sans concertation. || Go-live pulled forward 3 weeks without asking me.
Le client me reproche un retard de livraison alors que j'attends ses contenus depuis 15 jours. || Client blames me for late delivery but I've been waiting two weeks for their content.
Délai irréaliste : refonte complète pour le 30/06. || Unrealistic deadline: full redesign by June 30.
Jalon 2 glissé de 10 jours, le chef de projet est furieux. || Milestone 2 slipped 10 days, PM is fuming.
« Il nous faut ça pour lundi. » Reçu vendredi à 18h. || "We need this by Monday." Sent Friday 6pm.
Planning intenable : 40 jours de travail à caser en 20. || 40 days of work squeezed into 20.
retard sur le lot 3, accès aux serveurs obtenus avec une semaine de retard || server access came a week late, now lot 3 is behind
Le client menace d'appliquer les pénalités de retard prévues au contrat. || Client threatening the late-delivery penalties in the contract.
Désaccord sur l'échéance : eux disent fin mars, le contrat dit fin avril. || We disagree on the due date: they say end of March, the contract says end of April.
Validation des maquettes bloquée 3 semaines chez le client, et c'est moi qui suis en retard ? || Design sign-off stuck 3 weeks on their side and I'm the one who's late?
La recette a pris deux fois plus de temps que prévu, le go-live est repoussé. || UAT took twice as long as planned, go-live pushed.
Date du salon imposée, non négociable, alors que les specs arrivent à peine. || Trade show date is fixed and the specs are barely arriving.
On me demande de livrer avant Noël au lieu de mi-janvier. || Asked to ship before Christmas instead of mid-January.
planning revu à la baisse sans me demander mon avis || timeline cut without asking me
Sprint raccourci d'une semaine pour tenir la démo devant le board. || Sprint shortened by a week to make the board demo.
Ils attendaient une livraison hebdo, j'avais prévu toutes les deux semaines. || They expected weekly drops, I planned fortnightly.
Les retards s'accumulent côté intégrateur et on m'en tient responsable. || Integrator delays piling up, I'm being held responsible.
Date butoir réglementaire au 1er janvier, le client a lancé le projet en octobre. || Regulatory deadline Jan 1st, client kicked off in October.
Délais non tenus sur la V2, j'ai sous-estimé la charge. || Missed the v2 dates, I underestimated the effort.
Rétroplanning jamais validé, chacun a sa date en tête. || Nobody ever signed off the schedule, everyone has a different date in mind.
La date de livraison a changé 4 fois, je ne sais plus laquelle est la bonne. || Delivery date changed four times, no idea which one holds.
MEP prévue le 15, reportée au 22 puis au 29. || Release planned for the 15th, moved to the 22nd then the 29th.
urgent urgent urgent, tout est urgent, rien n'est planifié || everything is urgent, nothing is planned
Pas eu le temps de tester, livré en retard quand même. || Shipped late anyway, with no time to test.
Le chantier a pris 6 semaines de retard à cause des congés côté client. || Project 6 weeks behind because their team was on holiday.
Délai de livraison contractuel dépassé de 8 jours. || Contractual delivery date missed by 8 days.
Ils veulent compresser la phase de tests pour tenir la date. || They want to compress QA to hit the date.
La démo client a été avancée à jeudi, il manque deux écrans. || Demo moved up to Thursday, two screens missing.
Échéancier non respecté, ni par eux ni par moi. || Neither side kept to the schedule.
Le client a fixé une deadline au 12 mai sans regarder le planning. || Client set a May 12 deadline without looking at the plan.
délai trop court pour la migration, je l'avais dit dès le début || migration window way too short, said so from the start
Retard de 2 semaines sur le lot 1, le client parle de rupture. || Two weeks late on milestone 1, client mentioning termination.
Le comité a décalé la validation, tout le calendrier glisse. || Steering committee postponed approval, whole calendar slipping.
Chaque relecture chez le client prend 10 jours, impossible de tenir le planning. || Each review round on their side takes 10 days, the timeline is impossible.
On me reproche de ne pas avoir prévenu assez tôt du glissement. || Blamed for not flagging the slip early enough.
L'ouverture du site doit coïncider avec la campagne TV du 3 septembre. || Launch has to match the TV campaign on Sept 3rd.
Jalons intermédiaires ajoutés en cours de route, calendrier intenable. || Extra intermediate milestones added, the schedule no longer holds.
Je livre à l'heure mais le client trouve que "ça traîne". || I deliver on time but client says things are "dragging".
Lancement repoussé sine die, et on me demande d'être dispo du jour au lendemain. || Launch postponed indefinitely, yet they want me available at a day's notice.
Revue de sprint : le client trouve la vélocité trop faible. || Sprint review: client says velocity is too low.
Durée de la mission sous-estimée de moitié. || Engagement length underestimated by half.
date de fin de mission avancée de 2 semaines par le client || contract end date brought forward two weeks by the client
Le prestataire précédent a laissé le projet avec 3 mois de retard, on m'impose de rattraper. || Previous vendor left the project 3 months behind, I'm told to catch up.
Recette reportée faute de jeu de données, délais explosés. || Testing postponed for lack of test data, timeline blown.
Je devais rendre l'audit le 15/11, rendu le 22/11, client mécontent. || Audit due 11/15, delivered 11/22, client unhappy.
Ils comptent en jours calendaires, moi en jours ouvrés : deux semaines d'écart. || They count calendar days, I count business days: two weeks apart.
On me demande de livrer en 48h un correctif qui en demande 5 jours. || Asked to ship in 48 hours a fix that needs 5 days.
Livraison promise "en fin de semaine", comprise comme vendredi matin. || "End of week" meant Friday morning to them.
Tension sur les délais depuis que le projet a été réduit à 6 semaines. || Time pressure since the project was cut to six weeks.
Le client a bloqué la recette 3 semaines puis exige la MEP sous 48h. || They sat on UAT for 3 weeks and now want prod in 48 hours.
J+12 sur la date de livraison, je n'ai pas pu tenir avec les congés d'août. || 12 days past the due date, couldn't make it with the August holidays.
les délais c'est toujours "pour hier" avec eux || with them the deadline is always "yesterday"
Planning présenté en COPIL sans que je l'aie vu. || Schedule presented to the steering committee before I'd even seen it.
Ils veulent la V1 pour VivaTech, soit dans 3 semaines. || They want v1 for the trade fair, i.e. in 3 weeks.
La phase de cadrage a duré 2 mois au lieu de 2 semaines, mais la date finale ne bouge pas. || Discovery took 2 months instead of 2 weeks, end date unchanged.
Retard de l'hébergeur sur la bascule DNS, la mise en ligne est repoussée et le client s'impatiente. || The hosting provider is late on the DNS cutover, launch pushed, client getting impatient.
Le go-live c'est "ASAP", aucune date réaliste. || -
Calendrier raccourci de moitié après le gel budgétaire. || -
- || dealine moved AGAIN
- || ETA questioned daily by the account manager.
- || Hard cutoff for the release train missed, next one is in 6 weeks.
- || They want it "pour hier", as usual.
Le client veut tout livrer avant la fin du trimestre pour des raisons budgétaires. || They want everything shipped before quarter end for budget reasons.
J'ai demandé une semaine de plus, refusé. || Asked for one more week, refused.
La mise en production a été reportée trois fois de leur fait, ils parlent pourtant de mon retard. || The release slipped three times because of them, yet they talk about my delay.
Date de livraison fixée par leur commercial sans consulter personne. || Delivery date set by their sales rep without asking anyone.
Le calendrier ne prévoit aucune marge pour les corrections. || The schedule leaves no slack for fixes.
Dépassement de 10 jours sur la livraison finale. || Final delivery overran by 10 days.
Ils ont besoin de la version de démo demain matin, 9h. || They need the demo build tomorrow 9am.
Le projet devait durer 3 mois, on en est à 7. || Project was meant to last 3 months, we're at 7.
Le client tient un décompte des jours de retard depuis le 1er mars. || Client keeps a running count of days late since March 1st.
La bascule était prévue ce week-end, décalée faute de validation. || Cutover was planned this weekend, pushed back for lack of approval.
la date de rendu a été avancée au 2 juin, impossible || hand-in date moved up to June 2, impossible
Les livrables arrivent toujours avec quelques jours de décalage, le client s'agace. || Deliverables always land a few days behind, client getting annoyed.
Ils veulent doubler la cadence des livraisons sans renfort. || They want to double the release cadence with no extra help.
Fin du projet repoussée à septembre, mais mon contrat s'arrête en juin. || End of project pushed to September, my contract stops in June.
Le rythme imposé ne laisse pas le temps de faire les revues de code. || The pace leaves no time for code reviews.
Le client m'a donné 24h pour une estimation détaillée. || Client gave me 24 hours for a detailed estimate.
On attend les API du partenaire depuis un mois, tout le planning est décalé. || Partner APIs a month late, whole plan shifted.
Le jalon de recette du 18 est manqué, personne n'était prêt. || The testing milestone on the 18th was missed, nobody was ready.
Démarrage annoncé le jeudi pour le lundi, aucun délai de prévenance. || Start date announced Thursday for Monday, no notice.
On a perdu deux semaines à attendre les accès, et la date de fin n'a pas bougé. || Lost two weeks waiting for access and the end date hasn't moved.
Le client a promis une date à son propre client sans m'en parler. || Client promised his own customer a date without asking me.
La phase de tests a été sacrifiée pour tenir l'échéance. || Testing was sacrificed to hit the due date.
J'ai annoncé 6 semaines, ils ont entendu 3. || I said six weeks, they heard three.
Les validations intermédiaires prennent plus de temps que le développement. || Interim approvals take longer than the development itself.
Ils reprochent un retard de deux jours sur un livrable mineur. || They're complaining about a two-day slip on a minor deliverable.
Livraison du module facturation prévue le 10, on est le 17. || Billing module due on the 10th, it's now the 17th.
Le lancement commercial est calé sur une date que personne n'a vérifiée. || The commercial launch is pinned to a date nobody checked.
On m'impose une livraison quotidienne alors qu'on était sur des sprints de deux semaines. || Now they want daily drops, we were on two-week sprints.
Le projet a pris un mois de retard à cause des arbitrages internes. || Internal decision-making put the project a month behind.
Délais de réponse du client de plusieurs semaines, et il s'étonne que ça n'avance pas. || Client takes weeks to answer, then wonders why nothing moves.
Ils veulent avancer la mise en service au 1er au lieu du 15. || They want to bring the go-live forward to the 1st instead of the 15th.
La démo du vendredi a sauté, personne n'était prêt chez eux, mais le planning reste le même. || Friday's demo was dropped, their side wasn't ready, but the plan stays the same.
Estimation jugée trop longue : "un dev interne le ferait en 2 jours". || Estimate deemed too long: "an in-house dev would do it in 2 days".
Fin de projet prévue fin juin, personne n'y croit plus, moi compris. || End of project set for late June, nobody believes it anymore, me included.
Le client veut que je travaille le week-end pour rattraper le planning. || Client wants me working weekends to get back on schedule.
"""

SINGLE["payment"] = """
Relance n°3 pour la facture, toujours rien. || Invoice #1042 still unpaid, third reminder sent.
Facture F-2023-041 de 4 800 € impayée depuis 60 jours. || $4,800 outstanding for 60 days.
retard de paiement de 45 jours, la compta ne répond plus || payment 45 days late, accounts payable not answering
Le client conteste le montant : 12 jours facturés, il en reconnaît 9. || Client disputes the invoice: I billed 12 days, he acknowledges 9.
Acompte de 30 % jamais versé, j'ai quand même commencé. Erreur. || 30% deposit never paid, started anyway. Mistake.
Virement annoncé "pour la semaine prochaine" depuis un mois. || "The transfer goes out next week" for a month now.
Mise en demeure envoyée en recommandé le 02/05. || Sent a formal demand letter on May 2nd.
FACTURE IMPAYÉE. Troisième relance. Aucune réponse. || UNPAID INVOICE. Third reminder. No answer.
Ils paient à 90 jours fin de mois alors que le contrat dit 30 jours. || They pay net 90 while the contract says net 30.
Paiement partiel reçu : 1 500 € sur 3 200 €. || Partial payment: $1,500 of $3,200.
Le client refuse de rembourser les frais de déplacement. || Client refuses to reimburse travel expenses.
Note de frais contestée (train + hôtel, 380 €). || Expense claim contested (train + hotel, £380).
Bon de commande jamais émis, donc la facture est bloquée par les achats. || No PO issued so procurement blocks the invoice.
paiment toujours pas recu || havent been paid yet
Ils ont retenu 10 % sur ma facture sans explication. || They withheld 10% of my invoice without explanation.
La plateforme bloque mes paiements depuis 3 semaines. || Platform holding my payouts for 3 weeks.
Désaccord sur le TJM : 550 € négociés, ils en appliquent 500. || Day rate dispute: agreed $650, they pay $600.
Facture rejetée pour un numéro de commande manquant. || Invoice rejected over a missing PO number.
Injonction de payer déposée au tribunal de commerce. || Filed in small claims court for the balance.
Le chèque est arrivé, mais sans provision. || Cheque bounced.
Solde de 2 100 € toujours dû après la fin de la mission. || Balance of $2,100 still owed after the engagement ended.
On me demande d'attendre que leur propre client les paie. || Told to wait until their own client pays them.
relance tél + mail, la compta dit que c'est "en cours de traitement" || chased by phone and email, AP says it's "being processed"
Ils veulent négocier une remise a posteriori sur la facture finale. || They want a retroactive discount on the final invoice.
Retard de paiement récurrent : chaque mois c'est le même cirque. || Late payment every single month, same circus.
Facture de mars payée le 20 juin. || March invoice paid on June 20.
Le client a changé de banque et "a perdu" mes coordonnées. || Client "lost" my bank details after switching banks.
Recouvrement confié à un huissier. || Handed the debt to a collection agency.
TVA oubliée sur le virement, il manque 600 €. || Sales tax left off the transfer, $600 short.
Ils demandent un avoir de 800 € pour des jours "non productifs". || Asked for a credit note of $800 for "unproductive" days.
En attente de règlement depuis le 15 janvier. || Awaiting payment since January 15.
Le dernier versement est conditionné à une validation qui ne vient jamais. || Final payment tied to a sign-off that never comes.
Le DAF m'explique que leur trésorerie est tendue, "patience". || CFO says cash is tight, "be patient".
3 factures en souffrance, total 7 950 €. || 3 overdue invoices, $7,950 total.
Ils contestent les heures sup facturées le week-end. || They dispute the weekend overtime I billed.
Proposition d'échéancier : 4 fois 900 €. || Offered a payment plan: 4 x $900.
Le client dit avoir payé, je n'ai rien reçu sur le compte. || Client says they paid, nothing in my account.
Refus de payer la dernière tranche tant que la garantie court. || Won't release the last instalment until the warranty ends.
Frais bancaires du virement international déduits de ma facture. || Wire fees deducted from my invoice.
Pas payé. Point. || Not paid. Period.
Indemnités de retard calculées et ajoutées à la relance. || Added late fees to the reminder per the contract.
Ils veulent me payer en "visibilité" au lieu de cash. || They offered "exposure" instead of money.
Ils exigent le remboursement de l'acompte après avoir annulé le projet. || Demanding the deposit back after cancelling the project.
Montant du forfait remis en cause après coup : "c'est trop cher". || Fixed price questioned after the fact: "too expensive".
Versement de 2 300 € reçu avec 40 jours de retard. || Got the $2,300 payment 40 days late.
Mon intermédiaire ne me reverse pas ce que le client lui a payé. || The agency isn't passing on what the client paid them.
Relances restées sans effet, j'envisage le recouvrement. || Reminders ignored, considering debt collection.
Le client paie au compte-gouttes, 500 € par-ci par-là. || Paying in dribs and drabs, $500 here and there.
Ils refusent de régler les jours d'astreinte. || They refuse to pay for on-call hours.
Le client a réglé la facture de janvier mais "oublie" systématiquement celle des frais. || Paid the invoice but not the expenses, again.
rien reçu sur le compte pro, 3e mail au service compta || transfer landed $210 short, no explanation
Ils attendent la clôture de l'exercice pour régler les prestataires. || They'll pay "after the fiscal year closes".
Client en redressement, créance déclarée au mandataire. || Client filed for bankruptcy, my claim is with the trustee.
Mon TJM de 650 € HT payé comme s'il était TTC. || Rate of $95/h paid as if it included VAT.
Le montant du virement ne correspond pas : 2 940 € au lieu de 3 150 €. || Invoice sitting in their ERP "pending approval" for 7 weeks.
Facture déposée sur Chorus Pro le 03/02, statut "en attente de service fait" depuis. || -
Pénalités de retard de paiement réclamées (taux BCE + 10 points), le client est outré. || -
Invoice pending depuis 6 semaines, le client m'a ghosté. || -
- || Net 60 became net 120 without anyone telling me.
- || Client on Fiverr opened a refund request after accepting delivery.
- || Upwork escrow not released although the milestone was approved.
- || Client wrote "la facture est partie en validation" three weeks ago, still nothing.
Le virement est parti sur un mauvais IBAN, ils refusent de le refaire. || Transfer went to the wrong account, they won't resend it.
Ils paieront "quand le projet sera en production". || They'll pay "once the project is live".
Licences avancées pour eux, 1 200 € jamais remboursés. || Paid 1,200 € of licences on their behalf, never reimbursed.
Le client demande de refaire la facture pour la 4e fois. || Client asks me to reissue the invoice for the fourth time.
Encore une facture à 45 jours dépassée. || Another invoice past 45 days.
L'agence prélève une commission de 20 % non prévue. || Agency takes an unexpected 20% commission.
On me propose de payer en deux fois, dont la moitié dans six mois. || They offer to pay in two halves, the second in six months.
La compta m'a répondu que ma facture n'était "pas dans le système". || AP replied that my invoice is "not in the system".
Ils ont payé en dollars au lieu d'euros, perte de change de 300 €. || Paid in euros instead of dollars, lost $300 on the exchange.
Après 3 relances écrites, j'ai envoyé une lettre de mise en demeure. || After 3 written reminders I sent a formal notice.
Montant dû : 5 600 € TTC, échéance dépassée depuis le 1er avril. || Amount due: $5,600, overdue since April 1st.
Le client ne règle que les jours qu'il juge "utiles". || Client only pays for the days he deems "useful".
Ils ont réglé 80 % et considèrent le solde comme une remise. || They paid 80% and treat the rest as a discount.
la facture d'avril est partie, pas un centime reçu || april invoice sent, not a cent received
Refus de payer l'acompte prévu à la signature. || Refused to pay the deposit due at signing.
Pas de paiement sans bon de livraison signé, qu'ils ne signent pas. || No payment without a signed delivery note, which they won't sign.
Ils contestent les frais kilométriques. || They contest my mileage claim.
Le client veut compenser ma facture avec une "dette" imaginaire. || Client wants to offset my invoice against an imaginary "debt".
Paiement reçu mais amputé des frais PayPal. || Payment arrived minus the PayPal fees.
Relancé le service fournisseurs, on me répond "semaine prochaine" depuis mai. || Chased vendor payments, "next week" since May.
Le client règle systématiquement 15 jours après l'échéance. || Client always pays 15 days after the due date.
Les frais de mission de mars (hôtel 3 nuits) toujours pas remboursés. || March travel costs (3 hotel nights) still not reimbursed.
Facture renvoyée par le client : "mauvais format, merci de refaire". || Invoice sent back: "wrong format, please redo".
La société a changé de nom et prétend ne plus devoir les anciennes factures. || The company renamed itself and claims the old invoices are no longer owed.
Ils veulent réduire le TJM rétroactivement sur les 3 derniers mois. || They want to cut my day rate retroactively for the last 3 months.
Le client a payé le mauvais montant et ne répond pas pour la régularisation. || Client paid the wrong amount and ignores my request to settle the difference.
Acompte de 2 000 € encaissé, puis plus rien pendant 4 mois. || $2,000 deposit received, then nothing for 4 months.
Le paiement dépend d'une signature du directeur, en congé jusqu'au 20. || Payment needs the director's signature, he's on leave until the 20th.
J'ai dû avancer les frais de serveur, le client refuse de les refacturer. || I fronted the server costs, client refuses to be billed for them.
Les jours de formation ne sont pas payés car "non productifs". || Training days not paid because "not productive".
L'ancien DAF avait validé ma facture, le nouveau la bloque. || The old CFO approved my invoice, the new one blocks it.
Recu 2 virements sur 5, le reste "en cours". || Got 2 transfers out of 5, rest "in progress".
Ils exigent que je baisse ma facture finale de 30 % pour "solde de tout compte". || They want 30% off my final invoice as a "full and final settlement".
Pénalités forfaitaires de 40 € par facture réclamées, aucune réaction. || Claimed the statutory late-payment fee on each invoice, no reaction.
Le portail fournisseur est en panne depuis des semaines, aucune facture ne passe. || Their supplier portal has been broken for weeks, no invoice goes through.
"""

SINGLE["tone"] = """
Mails sur un ton très directif, des ordres plutôt que des demandes. || Emails read like orders, not requests.
Le DSI m'a crié dessus en pleine réunion devant l'équipe. || CTO yelled at me in front of the whole team.
« Vous êtes payé pour exécuter, pas pour réfléchir. » || "You're paid to execute, not to think."
Messages en MAJUSCULES à 23h. || ALL CAPS messages at 11pm.
Ton condescendant du chef de projet à chaque point hebdo. || PM is condescending in every weekly.
Remarques désobligeantes sur mon âge. || Snide comments about my age.
Il me tutoie et me parle comme à un stagiaire. || He talks to me like an intern.
Échanges tendus, le client coupe la parole en permanence. || Tense calls, client interrupts constantly.
Mail agressif avec toute la direction en copie. || Aggressive email cc'ing the entire leadership.
Réponse sèche : « Non. Faites ce qu'on vous dit. » || Curt reply: "No. Do what you're told."
Sarcasme permanent dans les commentaires de revue de code. || Constant sarcasm in code review comments.
ton tres sec au telephone, aucune politesse || very rude on the phone, zero courtesy
Il m'a raccroché au nez au bout de 2 minutes. || Hung up on me after two minutes.
J'ai moi-même répondu trop vivement, mail regretté. || I replied too sharply myself, regret that email.
Insultes à peine voilées dans le channel Slack. || Thinly veiled insults in the Slack channel.
Le client me parle sur un ton méprisant devant ses équipes. || Client speaks to me with contempt in front of his team.
Formulations passives-agressives : "comme déjà dit trois fois..." || Passive-aggressive wording: "as I've said three times already..."
Remarque humiliante sur la qualité de mon français écrit. || Humiliating remark about my accent.
Le responsable hurle dès que quelque chose ne va pas. || The manager shouts whenever something goes wrong.
Communication brutale, zéro bonjour, zéro merci. || Brutal communication, no hello, no thanks.
Je me suis senti rabaissé pendant la rétro. || Felt belittled during the retro.
Ton menaçant : "on verra si on renouvelle votre contrat". || Threatening tone: "we'll see about renewing your contract".
Mails en rafale avec des points d'exclamation partout !!! || Barrage of emails with exclamation marks everywhere!!!
Langage grossier pendant le point téléphonique. || Foul language during the call.
La manière de me parler a changé depuis l'arrivée du nouveau manager. || The way they talk to me changed since the new manager arrived.
Le directeur technique m'a traité d'incapable devant le client final. || Called me useless in front of the end client.
Blagues déplacées en réunion, ambiance pénible. || Inappropriate jokes in meetings, unpleasant atmosphere.
Propos limites sur les freelances ("des mercenaires"). || Dismissive comments about freelancers being "mercenaries".
Les consignes tombent comme des ordres militaires. || Instructions barked like military orders.
Le ton monte à chaque comité, difficile de garder son calme. || Voices raised at every steering meeting, hard to stay calm.
Emails très secs, je ne sais pas si c'est du stress ou du mépris. || Very curt emails, can't tell if it's stress or disdain.
Elle m'a expliqué comme à un enfant un process que j'avais moi-même conçu. || Explained my own process back to me like I'm a child.
Message vocal énervé laissé à 7h du matin. || Left an angry voicemail at 7am.
Manque de courtoisie flagrant, pas un remerciement en 6 mois. || No courtesy at all, not a single thank-you in 6 months.
Ton autoritaire, il exige des comptes rendus "immédiatement". || Bossy tone, demands reports "immediately".
Engueulade au téléphone, j'ai préféré écourter. || Shouting match on the phone, I cut it short.
Commentaires moqueurs sur mon tarif devant ses collègues. || Mocked my rate in front of colleagues.
Il m'interpelle avec "Hé, le prestataire !" au lieu de mon prénom. || Calls me "hey, contractor" instead of my name.
Réunion houleuse, il a tapé du poing sur la table. || Heated meeting, he slammed the table.
ton cassant dans les tickets jira || snarky jira comments again
Mails rédigés comme des mises en demeure pour des broutilles. || Writes emails like legal notices over trifles.
Ambiance glaciale, le client ne me dit plus bonjour. || Frosty atmosphere, client no longer says hello.
J'ai perdu mon calme et haussé le ton, à éviter. || I lost my temper and raised my voice. Must avoid.
Reproches publics plutôt qu'en tête-à-tête. || Criticised publicly instead of one-on-one.
Le PO écrit "URGENT!!!" et "inacceptable" sur chaque ticket. || PO writes "URGENT!!!" and "unacceptable" on every ticket.
Mépris affiché pour le travail des indépendants. || Open contempt for contractors' work.
Il termine ses mails par "Merci de vous exécuter." || Ends emails with "Please comply."
Attitude hautaine du sponsor pendant la démo. || Sponsor was haughty throughout the demo.
Des piques à chaque échange, usant. || Jabs in every exchange, exhausting.
Ton paternaliste : "Laissez, je vais vous expliquer comment on travaille ici." || Patronizing: "Let me explain how things work here."
Reçu un mail incendiaire après une simple question. || Got a scorching email after a simple question.
On me demande de "me taire et coder". || Told to "shut up and code".
Mail qui commence par "Je ne comprends pas comment vous avez pu..." suivi de trois paragraphes de reproches. || Email starting "I fail to understand how you could..." followed by three paragraphs of blame.
Il m'appelle "le free" devant tout le monde. || He calls me "the freelancer" in front of everyone, like a label.
Ton glacial et phrases d'une ligne depuis que j'ai refusé de travailler le samedi. || Icy one-liners since I refused to work Saturdays.
Le client a été franchement impoli avec ma sous-traitante. || Client was outright rude to my subcontractor.
Il répond à mes questions par "c'est évident, non ?" || Answers my questions with "isn't it obvious?"
Engueulade en plein open space, tout le monde a entendu. || Chewed me out in the open-plan office, everyone heard.
ton directif +++ , aucune écoute || super bossy, doesn't listen at all
La cheffe de projet m'écrit comme à un subordonné ("je veux", "tu fais"). || Project lead writes to me like I'm her direct report.
Il m'a dit "you're just a contractor" en pleine réunion. || -
Le client parle fort, coupe, impose. Impossible de discuter. || -
- || Client said "vous êtes lent" in front of the team, very condescending.
- || Meeting got personal, he attacked me instead of the issue.
Il parle de moi à la troisième personne en me mettant en copie, très désagréable. || He writes about me in the third person with me in cc, very unpleasant.
Pas de "s'il vous plaît", que des injonctions. || No "please", only commands.
Le client a levé les yeux au ciel à chacune de mes propositions. || Client rolled his eyes at every one of my suggestions.
Réflexion sur ma tenue vestimentaire en réunion. || Comment about my clothes in the meeting.
Il m'a coupé la parole pour dire que ma question était "stupide". || Cut me off to say my question was "stupid".
Remarques acides dans le compte rendu diffusé à toute l'équipe. || Acid remarks in the minutes sent to the whole team.
Le ton des échanges s'est durci depuis la dernière démo. || The tone of our exchanges hardened since the last demo.
Il me donne des ordres par SMS à 6h du matin. || He texts me orders at 6am.
mail super agressif, j'ai attendu le lendemain pour répondre || super aggressive email, waited a day before replying
Elle ne me regarde pas et s'adresse uniquement à mon binôme. || She never looks at me and only addresses my colleague.
On me parle comme si j'étais la cause de tous leurs problèmes. || They talk to me as if I caused all their problems.
Commentaires cinglants sur mes maquettes devant le comité. || Scathing comments on my mockups in front of the committee.
Il emploie un vocabulaire militaire : "exécution", "rapport", "rompez". || He uses military words: "execute", "report", "dismissed".
Échange vif avec le DG, on s'est quittés fâchés. || Sharp exchange with the CEO, we parted on bad terms.
Critiques personnelles plutôt que sur le travail. || Personal criticism instead of feedback on the work.
Le client ironise sur mon statut d'auto-entrepreneur. || Client makes snide remarks about me being self-employed.
Ton infantilisant dans chaque ticket. || Infantilising tone in every ticket.
Il tape sur la table et parle de "faute grave". || He bangs the table and talks about "gross misconduct".
Mon interlocutrice est devenue cassante depuis sa promotion. || My contact became abrasive since her promotion.
Ils m'ont fait la morale pendant vingt minutes pour une faute de frappe. || Lectured me for twenty minutes over a typo.
Il me parle sur un ton de reproche permanent, même quand tout va bien. || He speaks in a constantly reproachful tone, even when things are fine.
Réunion où l'on m'a pointé du doigt devant vingt personnes. || Meeting where I got singled out in front of twenty people.
Les messages du client sont secs au point d'être blessants. || Client's messages are curt to the point of being hurtful.
Elle a soupiré et levé la voix quand j'ai posé une question. || She sighed loudly and raised her voice when I asked a question.
Il m'a envoyé un mail à minuit rempli de reproches et de fautes de frappe. || He sent a midnight email full of reproaches and typos.
Le client ne dit jamais bonjour, ne dit jamais merci, donne juste des consignes. || Client never says hi, never says thanks, just gives instructions.
"Vous n'avez rien compris" en plein atelier, devant les utilisateurs. || "You haven't understood a thing" in the middle of the workshop, users watching.
Ton méprisant quand j'ai évoqué mes autres clients. || Contemptuous tone when I mentioned my other clients.
Remarques sexistes en réunion, j'ai recadré. || Sexist remarks in a meeting, I pushed back.
Il s'énerve au moindre désaccord et devient insultant. || He loses it at the slightest disagreement and becomes insulting.
Échanges devenus froids et impersonnels depuis le changement de manager. || Exchanges turned cold and impersonal since the manager changed.
Le sponsor a ridiculisé ma présentation devant le comité. || The sponsor ridiculed my presentation in front of the committee.
Mails en gras rouge avec "INADMISSIBLE". || Emails in bold red saying "UNACCEPTABLE".
Je me suis fait recadrer comme un junior pour un simple oubli. || Got told off like a junior for a minor oversight.
Attitude agressive du client pendant la visio, caméra coupée et ton dur. || Client aggressive on the video call, camera off and harsh tone.
Message du client : « Vous êtes un incapable, je regrette de vous avoir pris. » || Client's message: "You are useless, I regret ever hiring you."
« Vous vous foutez de moi ? Ça fait trois fois que je le demande ! » || "Are you kidding me? This is the third time I've asked!"
« Arrêtez de vous justifier et faites ce qu'on vous dit. » || "Stop making excuses and just do what you're told."
SMS à 23h : « c'est nul, vraiment nul, refaites tout » || Text at 11pm: "this is crap, total crap, redo all of it"
« Franchement c'est du travail d'amateur, un stagiaire ferait mieux. » || "Honestly this is amateur work, an intern would do better."
Mail reçu : « TOUJOURS RIEN ?? VOUS ÊTES SÉRIEUX ?? » || Email received: "STILL NOTHING?? ARE YOU SERIOUS??"
« Taisez-vous et écoutez-moi. » en pleine réunion. || "Shut up and listen to me." in the middle of the meeting.
« Espèce d'escroc, vous ne verrez pas un centime de plus. » || "You crook, you won't see another cent."
« Je n'ai jamais vu quelqu'un d'aussi lent et d'aussi borné. » || "I've never seen anyone so slow and so stubborn."
Le client m'a traité d'abruti devant son équipe. || The client called me an idiot in front of his team.
« Putain mais c'est pas compliqué quand même ! » au téléphone. || "For fuck's sake, it's not that complicated!" on the phone.
« Si c'est pas réglé demain, je vous pourris sur tous les réseaux. » || "If this isn't fixed tomorrow, I'll trash you all over social media."
« Vous êtes payé à rien foutre ou quoi ? » || "Are you being paid to sit on your hands or what?"
Réponse du DSI : « Lamentable. On en reparlera. » || CIO's reply: "Pathetic. We'll talk about this."
« Dégagez, je ne veux plus vous voir sur ce projet. » || "Get out, I don't want to see you on this project again."
« Vos excuses, gardez-les. Vous êtes nul. » || "Keep your excuses. You're hopeless."
« Je vais vous apprendre votre métier, visiblement il le faut. » || "I'll teach you your job, since apparently someone has to."
« Bougez-vous, bon sang ! » || "Move it, for God's sake!"
"""

SINGLE["trust"] = """
Le client ne me fait plus confiance depuis le bug en prod. || Client stopped trusting me after the prod incident.
Il vérifie chaque ligne de code derrière moi. || He checks every line of my code behind my back.
On me demande un relevé horaire à la demi-heure, comme si je gonflais mes jours. || Asked for half-hour timesheets, as if I padded my days.
Ils ont fait auditer mon travail par un autre freelance sans me prévenir. || They had another contractor audit my work without telling me.
Le RSSI doute de mes compétences en cybersécurité. || CISO doubts my security skills.
Micro-management : point quotidien pour valider la moindre décision. || Micromanagement: daily call to approve every decision.
Ils soupçonnent que je travaille pour un concurrent. || They suspect I'm moonlighting for a competitor.
Accès à la prod retiré "par précaution". || Prod access revoked "as a precaution".
Le client remet en question chacune de mes estimations. || Client questions every single estimate I give.
Perte de confiance après la fuite de données (pas de mon fait). || Trust gone after the data leak (not my doing).
Logiciel de suivi qui fait une capture d'écran toutes les 10 minutes. || Time-tracking software taking screenshots every 10 min.
Il ne croit pas que la tâche prenne vraiment 3 jours. || He doesn't believe the task really takes 3 days.
Le nouveau manager ne me connaît pas et se méfie des externes. || New manager doesn't know me and distrusts contractors.
on me demande de justifier chaque heure, ambiance de suspicion || every hour must be justified, feels like suspicion
Ils doublent systématiquement mes recommandations par un avis interne. || Every recommendation of mine gets a second opinion in-house.
Accusé d'avoir copié du code open source sans le dire. || Accused of copying open-source code without attribution.
Le client pense que je fais traîner pour facturer plus. || Client thinks I'm dragging my feet to bill more.
Réunion de "recadrage" : ils ne sont plus sûrs que je sois le bon profil. || "Realignment" meeting: they're no longer sure I'm the right fit.
Méfiance depuis que j'ai refusé un avenant. || Suspicion ever since I turned down the change order.
Leur juriste doit valider par écrit chaque livrable. || Their lawyer must sign off every deliverable.
Doute sur mon CV : ils ont appelé mon ancien client pour vérifier. || They called my former client to check my CV.
Le client ne me laisse plus parler aux utilisateurs en direct. || I'm no longer allowed to talk to users directly.
Il relit tous mes mails avant qu'ils partent à ses équipes. || He reads all my emails before they go to his team.
Sentiment d'être surveillé en permanence. || Feel watched all the time.
Ils ont exigé une garantie bancaire avant de signer. || Asked for a bank guarantee before signing.
Confiance rompue après la présentation ratée devant le comité. || Trust broken after the failed steering committee demo.
Le client ne croit pas à mes alertes sur la dette technique. || Client doesn't believe my warnings about tech debt.
Ils m'accusent d'avoir cassé la base de test alors que les logs prouvent le contraire. || Accused me of breaking the test DB, logs say otherwise.
On me retire la gestion des mises en prod, "on préfère garder la main". || Deployments taken away from me, "we prefer to keep control".
manque de confiance flagrant, chaque décision doit passer par 3 personnes || zero trust, every decision goes through 3 people
Ils pensent que je surfacture par rapport au marché. || They think I overcharge compared to the market.
Le sponsor a demandé un second avis à un cabinet de conseil. || Sponsor hired a consultancy for a second opinion.
Soupçons sur mon temps de présence en télétravail. || Doubts about my hours when working remotely.
Je découvre qu'ils comptent mes commits pour vérifier mes heures. || Found out they count my commits to check my hours.
Ils ne me transmettent plus les informations sensibles. || They no longer share sensitive information with me.
Défiance envers les freelances après une mauvaise expérience avec mon prédécesseur. || Wary of freelancers since my predecessor burned them.
Le client me demande de prouver que je n'ai pas gardé de copie des données. || Asked to prove I didn't keep a copy of the data.
Double contrôle imposé sur tout ce que je livre. || Double sign-off imposed on everything I ship.
On doute de mon engagement parce que j'ai d'autres clients. || They question my commitment because I have other clients.
Le chef de projet vérifie mes tickets auprès des devs internes. || PM cross-checks my tickets with the in-house devs.
Plus de confiance depuis que j'ai signalé un problème de sécurité à leur direction. || Trust dropped since I escalated a security issue to their execs.
Ils conditionnent la suite à une "période d'observation". || Continuation depends on a "probation period".
Le client m'a reproché de "cacher des choses" sur l'avancement. || Client says I'm "hiding things" about progress.
Il exige d'être en copie de tous mes échanges avec son équipe. || Wants to be cc'd on all my exchanges with his team.
Il pense que mes alertes sont un prétexte pour vendre des jours. || Thinks my risk warnings are a ploy to sell more days.
Rapport d'avancement remis en cause, ils veulent des preuves. || Progress report challenged, they want proof.
Le client m'accuse de la panne de son hébergeur. || Blamed me for their hosting provider's outage.
Accès restreints au strict minimum, je ne peux plus travailler correctement. || Access cut to the bare minimum, can't work properly.
confiance zéro depuis l'incident de vendredi || no trust left since friday's incident
L'acheteur pense que mon devis est gonflé. || Buyer thinks my quote is inflated.
Ils ont installé un mouchard sur mon poste de travail. || They installed monitoring software on my laptop.
Le client ne valide plus rien sans l'avis de son ancien prestataire. || Client won't approve anything without the old vendor's opinion.
On me demande des références supplémentaires après 4 mois de mission. || Asked for extra references after 4 months on the job.
Le sponsor ne croit plus à la réussite du projet et me le fait sentir. || Sponsor no longer believes in the project and makes me feel it.
Mes choix techniques sont toujours soupçonnés d'être intéressés. || My tech choices are always suspected of being self-serving.
Le client a demandé les logs Git pour "vérifier mon activité". || Client asked for the git logs to "verify my activity".
Il a demandé à un de ses devs de refaire ma tâche en parallèle pour comparer. || He had one of his devs redo my task in parallel to compare.
Ils ne me croient pas quand je dis que l'API tierce est en panne. || They don't believe me when I say the third-party API is down.
Chaque livrable passe par trois niveaux de validation "parce qu'on ne vous connaît pas". || Every deliverable goes through 3 approval levels "because we don't know you".
soupçonne que je sous-traite sans le dire || suspects I'm secretly subcontracting
On m'a fait signer une attestation sur l'honneur que je ne travaille pas pour la concurrence. || Asked me to sign a sworn statement that I don't work for competitors.
Il doute que j'aie vraiment passé 5 jours sur l'audit. || He doubts I really spent 5 days on the audit.
La nouvelle DSI remet en cause tout ce qui a été fait avant elle, mon travail compris. || -
- || Their PM says "on vérifie" about everything I deliver, zero trust.
Ils veulent valider chacun de mes commits avant fusion, même les corrections de coquilles. || They want to approve each of my commits before merging, even typo fixes.
Le client a demandé à voir mes factures précédentes pour comparer mes tarifs. || Client asked to see my past invoices to compare rates.
On me soupçonne d'avoir divulgué la roadmap à un concurrent. || Suspected of leaking the roadmap to a competitor.
Mes rapports sont relus ligne à ligne par leur contrôleur de gestion. || My reports are read line by line by their controller.
Ils exigent un reporting quotidien de ce que j'ai fait heure par heure. || They demand a daily hour-by-hour report of what I did.
Le client pense que mon code est volontairement obscur pour le rendre dépendant. || Client thinks I write obscure code on purpose to keep them dependent.
Il refuse que je travaille seul sur la base de production. || He won't let me work alone on the production database.
Ils ont consulté un expert pour vérifier mon devis. || They got an expert to check my quote.
Le nouveau RSSI veut repasser tout mon code au crible. || The new CISO wants to comb through all my code.
Ils ne me confient plus que des tâches secondaires. || They only give me minor tasks now.
on me demande des preuves pour tout, même les réunions || need proof for everything, even meetings
Le DG a demandé si j'étais "vraiment à temps plein sur le projet". || The CEO asked if I was "really full time on the project".
Le client doute de mon diagnostic et refuse d'appliquer le correctif. || Client doubts my diagnosis and refuses to apply the fix.
Ils me soupçonnent de réutiliser le code d'un autre client. || They suspect I reuse another client's code.
Je sens qu'ils cherchent une faute pour se séparer de moi. || Feels like they're looking for a mistake to let me go.
Interdiction d'accéder au dépôt sans un interne à côté. || Not allowed in the repo without an employee beside me.
Le client vérifie mes heures de connexion au VPN. || Client checks my VPN login times.
Il pense que je lui vends des solutions dont il n'a pas besoin. || He thinks I sell him things he doesn't need.
Après l'incident, ils ont mis en place une double validation de mes accès. || After the incident, they put a second approval on my access.
Ils ne croient pas que j'ai testé avant de livrer. || They don't believe I tested before delivering.
On me demande de présenter chaque décision technique à un comité avant de l'appliquer. || Every technical decision has to go through a committee before I apply it.
Le client est persuadé que je lui cache des bugs. || Client is convinced I'm hiding bugs from him.
Ils ont demandé mes diplômes et mes attestations de formation après 6 mois. || They asked for my degrees and training certificates after 6 months.
Le client refuse que je parte en congé sans laisser toutes mes notes "au cas où". || Client won't let me take leave without handing over all my notes "just in case".
Il me soupçonne de surfacturer le temps passé en réunion. || He suspects I overbill the time spent in meetings.
Toutes mes propositions sont vérifiées par leur ancien prestataire. || All my proposals are vetted by their former vendor.
Ils ont mis un interne en binôme avec moi "pour sécuriser". || They paired me with an employee "to be safe".
Le client ne me croit pas quand je dis que la tâche est terminée. || Client doesn't believe me when I say a task is done.
On me reproche de ne pas être transparent sur mes autres missions. || Told I'm not transparent about my other engagements.
Réunion de suivi quotidienne imposée après un seul bug. || Daily follow-up meeting imposed after a single bug.
Le client a l'impression que je le mène en bateau sur l'avancement. || Client feels I'm stringing him along about progress.
Ils refusent de me donner les identifiants de la prod, même en lecture. || They won't give me production credentials, not even read-only.
Ils vérifient mes notes de frais ligne par ligne en demandant les tickets. || They go through my expense claims line by line asking for receipts.
Il remet en doute mon expertise devant son équipe. || He questions my expertise in front of his team.
Le client craint que je parte avec le savoir-faire et exige une documentation exhaustive. || Client fears I'll walk off with the know-how and demands exhaustive documentation.
"""

SINGLE["other"] = """
Désaccord sur la propriété intellectuelle du code livré. || Disagreement over who owns the IP of the delivered code.
Le client veut m'imposer une clause de non-concurrence de 2 ans. || Client wants to add a 2-year non-compete clause.
Poste de travail fourni inutilisable, pas de droits admin. || Laptop they provided is unusable, no admin rights.
Ils exigent une présence sur site 5 jours sur 5 alors qu'on avait dit full remote. || They now require 5 days on site, we had agreed fully remote.
Friction avec un autre prestataire sur qui fait quoi. || Friction with another vendor about who is responsible for what.
Le client a été racheté, plus d'interlocuteur. || Client got acquired, nobody to talk to anymore.
Arrêt maladie de 2 semaines, le client ne l'a pas bien pris. || Off sick for two weeks, client didn't take it well.
Problème d'outillage : impossible d'installer Docker sur leur réseau. || Tooling issue: can't install Docker on their network.
Ils veulent que je signe un NDA rétroactif très large. || They want me to sign a very broad retroactive NDA.
Le client a essayé de recruter mon sous-traitant en direct. || Client tried to hire my subcontractor directly.
Litige sur la licence open source utilisée dans le projet. || Dispute over the open-source license used in the project.
Horaires imposés 8h-19h, incompatibles avec mes autres missions. || Imposed 8-to-7 hours, incompatible with my other clients.
Changement d'interlocuteur tous les mois, personne ne suit le projet. || New point of contact every month, nobody owns the project.
Leur RH évoque un risque de requalification en salariat. || Their HR raised the risk of the contract being reclassified as employment.
Désaccord sur l'outil de gestion de projet (Jira ou Trello). || We disagree on the project tool, Jira vs Trello.
Mon assurance RC pro ne couvre pas le type d'intervention qu'ils veulent. || My liability insurance doesn't cover what they want me to do.
Le service achats impose un référencement fournisseur interminable. || Procurement demands a vendor onboarding process that takes forever.
Le client a présenté mon travail sous son nom à une conférence. || Client presented my work at a conference as his own.
Le CTO et le CEO ne sont pas d'accord entre eux, je suis pris entre deux feux. || CTO and CEO disagree with each other, I'm caught in the crossfire.
Problème de visa pour l'intervention sur site à l'étranger. || Visa issue for the on-site trip abroad.
Désaccord sur l'usage de Copilot dans leur code. || Disagreement on using Copilot on their codebase.
Projet annulé du jour au lendemain pour raisons stratégiques. || Project cancelled overnight for strategic reasons.
Locaux bruyants, open space sans bureau attitré. || Noisy open space, no desk assigned.
Le client refuse que je cite la mission dans mon portfolio. || Client won't let me list the project in my portfolio.
Réorganisation interne, mon sponsor est parti. || Internal reorg, my sponsor left.
Règles de sécurité : le VPN coupe toutes les heures. || Security rules: VPN drops every hour.
Ils veulent que j'utilise leur adresse mail et leur signature. || They want me to use their email address and signature.
Différend sur la conservation des données après la fin du contrat. || Disagreement on data retention after the contract ends.
Ils veulent que je sois joignable pendant mes congés annoncés. || They want me reachable during my announced holidays.
Langue de travail imposée : toute la doc en anglais. || Working language imposed: all docs must be in German.
Décalage horaire ingérable avec l'équipe offshore. || Time zone mismatch with the offshore team.
Désaccord technique sur le choix du framework. || Technical disagreement over the choice of framework.
Un dev interne refuse de me passer la main sur son module. || An in-house dev refuses to hand his module over to me.
Le serveur de recette est en panne depuis une semaine. || Staging server has been down for a week.
Ils m'ont mis dans l'organigramme comme un salarié. || They put me on the org chart as an employee.
Rien de précis, mauvaise ambiance générale sur le projet. || Nothing specific, just a bad vibe on the project.
Désaccord sur le lieu des ateliers (Lyon ou Paris). || Disagreement on where the workshops take place.
Le client a perdu le contrat signé, on cherche la dernière version. || Client lost the signed contract, hunting for the latest version.
Litige sur la restitution du matériel que j'avais prêté. || Dispute over returning the equipment I had lent them.
Le client a débauché mon ancien collaborateur malgré la clause de non-sollicitation. || Client poached my former collaborator, breaching the non-solicitation clause.
Ils veulent que je déménage à Nantes pour la mission. || They want me to relocate for the gig.
désaccord sur l'utilisation de ma propre librairie maison || disagreement over using my own in-house library in their codebase
Incident de sécurité chez le client, tout est gelé. || Security incident at the client, everything frozen.
Ma mère hospitalisée, j'ai dû m'absenter, tensions. || Family emergency, had to step away, tension followed.
Le client veut enregistrer toutes les visios. || Client wants to record every video call.
Sinistre sur le serveur : qui est responsable, quelle assurance ? || Insurance question after the server incident: whose liability?
Le client a changé de stratégie produit, la mission n'a plus de sens. || Client pivoted, the engagement no longer makes sense.
Conflit d'agenda avec la mission d'un autre client. || Calendar clash with another client's engagement.
Je ne me retrouve plus dans les valeurs de l'entreprise. || Not comfortable with the company's values anymore.
Pas de cause claire, à creuser. || No clear cause yet, need to dig.
Le client impose Teams, tous mes outils sont sur Slack. || Client forces Teams, all my tooling is on Slack.
Le client a changé de locaux, plus de place pour les externes. || Client moved offices, no room for contractors anymore.
Problème de droits d'auteur sur les photos fournies par le client. || Copyright issue with the stock photos the client supplied.
Ils veulent que je vienne au séminaire d'entreprise le week-end. || They want me at the company retreat over the weekend.
grève des transports, impossible d'aller sur site de la semaine || rail strike, couldn't get on site all week
AWS ou Azure : désaccord, aucun argument technique de leur côté. || AWS vs Azure argument, no technical reasoning on their side.
Différend sur la clause de réversibilité au renouvellement. || Reversibility clause dispute at contract renewal.
Attestation de vigilance URSSAF demandée tous les 6 mois, j'ai oublié de l'envoyer. || -
Onboarding chaotique : pas de badge, pas de laptop, pas d'accès. || -
- || IR35 status determination disagreement with the end client.
- || Kick-off postponed because legal is still reviewing the contrat cadre.
Le client veut que je signe une charte informatique qui m'interdit mes propres outils. || Client wants me to sign an IT policy banning my own tools.
Désaccord sur la mention de mon nom dans les crédits de l'appli. || Disagreement about crediting my name in the app.
Incompatibilité d'humeur avec un autre consultant de l'équipe. || Personality clash with another consultant on the team.
Le badge d'accès ne marche plus depuis 2 semaines, personne ne s'en occupe. || Building badge hasn't worked for two weeks, nobody cares.
Déménagement de leur datacenter, projet en pause. || Their data centre is moving, project on hold.
Question éthique : ils veulent collecter des données sans consentement. || Ethical issue: they want to collect data without consent.
Problème de matériel : mon PC a lâché, pas de machine de prêt. || Hardware problem: my laptop died, no loaner.
Ma référente part en congé maternité, plus personne pour valider. || My contact went on maternity leave, nobody left to approve.
Désaccord avec leur juriste sur la loi applicable au contrat. || Disagreement with their lawyer on the contract's governing law.
Réorg : l'équipe qui m'a recruté est dissoute. || Reorg: the team that hired me has been dissolved.
Mauvaise connexion internet sur site, on ne peut pas travailler. || Bad internet on site, impossible to work.
Je refuse de travailler sur un projet de surveillance des salariés. || I won't work on an employee-surveillance project.
Confusion sur qui est mon interlocuteur : trois personnes me donnent des directives. || Confusion about who my contact is: three people give me directions.
Le client veut me faire intervenir sous la marque de son cabinet. || Client wants me to work under his firm's brand.
Covid : site fermé, rien ne peut avancer. || Covid: site closed, nothing can move.
Le client veut des droits exclusifs sur un composant que je réutilise partout. || Client wants exclusive rights on a component I reuse everywhere.
Problèmes de parking et d'accès au site client, ça use. || Parking and site access problems, wearing me down.
Ils veulent me présenter comme un salarié à leur client final. || They want to pass me off as an employee to their end client.
Conflit entre deux équipes internes qui bloque mes décisions. || Two internal teams feuding, blocking my decisions.
Pas vraiment un litige, juste une incompréhension à clarifier. || Not really a dispute, just a misunderstanding to clear up.
Le client veut imposer son propre modèle de contrat, avec des clauses de responsabilité illimitée. || Client wants his own contract template with unlimited liability clauses.
Problème de compatibilité entre leurs licences logicielles et ma configuration. || Compatibility problem between their software licences and my setup.
La cliente est en arrêt longue durée, la mission est suspendue. || My contact is on long-term sick leave, the engagement is on hold.
Ils veulent que je travaille depuis leurs locaux à Lille alors que j'habite à Bordeaux. || They want me working from their Lille office, I live in Bordeaux.
Divergence sur l'usage des données personnelles des utilisateurs. || Disagreement over how users' personal data may be used.
L'entreprise a été placée sous la tutelle d'un groupe, tout est gelé. || The company was taken over by a group, everything frozen.
Je n'arrive pas à travailler avec le designer qu'ils ont choisi. || I can't work with the designer they picked.
Le client veut que je change de statut juridique pour continuer. || Client wants me to change my legal status to continue.
Désaccord sur les heures de réunion : tout est calé à 18h. || Disagreement on meeting times: everything is booked at 6pm.
Ils refusent l'open source pour des raisons de politique interne. || They refuse open source for internal policy reasons.
Incendie dans leurs locaux, projet à l'arrêt. || Fire at their premises, project at a standstill.
Leur cabinet d'avocats veut relire tous mes livrables pour des questions de conformité. || Their law firm wants to review my deliverables for compliance.
Je suis tombé malade pendant la phase critique, mauvaise période. || I fell ill during the critical phase, bad timing.
Désaccord avec le client sur l'architecture cloud, chacun campe sur ses positions. || Disagreement on the cloud architecture, each side digging in.
Le client a changé d'avis sur le fait de travailler avec des freelances en général. || Client changed his mind about working with freelancers at all.
Pas de bureau, pas d'écran, je travaille sur un coin de table en salle de pause. || No desk, no screen, working on a corner of the break-room table.
Le client m'a ajouté à des groupes WhatsApp personnels, malaise. || Client added me to personal WhatsApp groups, awkward.
Querelle sur le nom de domaine : il est à mon nom, le client le veut. || Fight over the domain name: it's registered to me, client wants it.
Une erreur de leur fournisseur d'énergie a coupé le datacenter, tout le monde cherche un coupable. || Their power supplier's fault took the data centre down, everyone's looking for someone to blame.
Mésentente avec la chargée de recrutement de la plateforme. || Falling-out with the platform's recruiter.
"""

# Ordinary client-freelancer messages that cite no cause (labelled ""): thanks,
# scheduling, approvals, payments made, neutral status updates, content-free
# jottings. Many use the words of the causes ("invoice", "deadline", "scope",
# "comment") without any dispute, so that the words alone do not make a cause.
SINGLE["none"] = """
Merci pour la démo de ce matin, l'équipe est ravie. || Thanks for this morning's demo, the team loved it.
Virement de 4 200 € effectué ce jour, merci pour votre patience. || Payment of $4,200 sent today, thanks for your patience.
Facture n°2024-031 bien reçue, elle part en paiement à 30 jours comme prévu. || Invoice #2024-031 received, it goes out on the usual 30-day terms.
Réunion décalée à jeudi 14h, ça vous convient ? || Can we move the meeting to Thursday 2pm? Does that work for you?
Le périmètre du lot 2 est validé, vous pouvez démarrer lundi. || Scope for phase 2 is approved, you can start Monday.
Merci pour votre réactivité sur le correctif d'hier. || Thanks for turning the hotfix around so quickly yesterday.
Je vous confirme la date de mise en production au 12 mars. || Confirming the go-live date of March 12.
Bon de commande signé en pièce jointe. || Signed purchase order attached.
Point d'avancement : 8 tickets sur 10 terminés, les 2 derniers sont en recette. || Status: 8 of 10 tickets done, the last 2 are in QA.
Parfait, c'est exactement ce qu'on voulait. Merci ! || Perfect, that's exactly what we wanted. Thank you!
Je serai en congé du 5 au 9, Julie prend le relais pour les validations. || I'm off from the 5th to the 9th, Julie will handle approvals meanwhile.
Vous trouverez le compte rendu de la réunion en pièce jointe. || Please find the meeting minutes attached.
Tout est OK de notre côté pour la livraison de vendredi. || All good on our side for Friday's delivery.
Bien reçu, je regarde ça demain matin. || Got it, I'll look at it tomorrow morning.
Le paiement de l'acompte a été validé par la compta. || Accounting has approved the deposit payment.
Merci pour le devis, on le signe cette semaine. || Thanks for the quote, we'll sign it this week.
Pouvez-vous m'envoyer vos disponibilités pour la semaine prochaine ? || Could you send me your availability for next week?
Nouvelle version déployée en préprod, à vous de tester. || New version deployed to staging, over to you for testing.
La recette s'est bien passée, aucune anomalie bloquante. || Acceptance testing went fine, no blocking issues.
Super boulot sur la migration, rien à redire. || Great job on the migration, nothing to add.
Je vous ajoute au canal Slack du projet. || Adding you to the project Slack channel.
On garde le créneau habituel du mardi pour le point hebdo. || Let's keep the usual Tuesday slot for the weekly check-in.
Facture réglée par virement le 3, référence FAC-118. || Invoice paid by bank transfer on the 3rd, reference INV-118.
Merci beaucoup, bonne fin de journée ! || Thanks a lot, have a good evening!
RAS cette semaine, le projet avance normalement. || Nothing to report this week, the project is on track.
Les accès au serveur de test vous ont été envoyés par mail. || Your test server credentials have been emailed to you.
Je valide les maquettes, on peut passer au développement. || I approve the mockups, we can move on to development.
Petite question : préférez-vous qu'on fasse le point en visio ou par téléphone ? || Quick question: would you rather catch up by video or by phone?
C'est noté pour le 15, merci. || Noted for the 15th, thanks.
Le contrat renouvelé pour six mois est signé des deux côtés. || The six-month renewal is signed by both parties.
Merci pour vos remarques sur la doc, j'ai tout intégré. || Thanks for your comments on the docs, I've worked them all in.
Le client a commenté la maquette : deux petites retouches de couleur, rien de plus. || The client commented on the mockup: two small colour tweaks, nothing else.
Réunion de lancement très constructive, tout le monde est aligné. || Very constructive kickoff meeting, everyone is aligned.
Je vous transmets les identifiants du nouveau dépôt Git. || Sending you the credentials for the new Git repository.
La facture de mars a été payée, merci de m'envoyer celle d'avril. || March's invoice is paid, please send April's when ready.
Bonne nouvelle : le comité a validé la suite du projet. || Good news: the steering committee approved the next phase.
Pas de souci pour décaler la démo d'une semaine, c'était prévu de notre côté aussi. || No problem pushing the demo back a week, we had planned for that too.
Je vous remercie pour votre accompagnement tout au long de la mission. || Thank you for your support throughout the engagement.
Est-ce que la salle du 3e est libre pour l'atelier de mercredi ? || Is the 3rd-floor room free for Wednesday's workshop?
Livraison reçue, on teste et on revient vers vous. || Delivery received, we'll test and get back to you.
Le budget de la phase 3 a été débloqué ce matin. || The phase 3 budget was released this morning.
Mise à jour : le module d'export est terminé et documenté. || Update: the export module is finished and documented.
Merci d'avoir pris le temps de former l'équipe. || Thanks for taking the time to train the team.
Je vous envoie l'ordre du jour de demain d'ici ce soir. || I'll send tomorrow's agenda by tonight.
Code relu et fusionné, merci pour la qualité des tests. || Code reviewed and merged, thanks for the solid tests.
Les horaires de l'atelier sont confirmés : 9h30-12h. || Workshop hours confirmed: 9:30 to noon.
Nous avons bien reçu votre attestation d'assurance. || We received your insurance certificate.
Avez-vous besoin d'un badge pour accéder au bâtiment ? || Do you need a badge to get into the building?
Félicitations pour la mise en ligne, les premiers retours utilisateurs sont très bons. || Congrats on the launch, early user feedback is very positive.
Voici le lien vers le tableau de suivi partagé. || Here's the link to the shared tracking board.
Je passe au bureau jeudi pour récupérer le matériel. || I'll drop by the office on Thursday to pick up the equipment.
Je vous confirme la réception du paiement, merci. || Confirming I've received the payment, thank you.
Le planning proposé nous va très bien. || The proposed schedule works well for us.
On se voit à 10h comme convenu. || See you at 10 as agreed.
Merci pour l'échange de ce matin, c'est plus clair pour moi. || Thanks for this morning's call, it's clearer now.
Le devis a été transmis aux achats pour signature. || The quote has gone to procurement for signature.
La nouvelle version de la spec est sur le drive, rien de changé sur le fond. || New version of the spec is on the drive, nothing changed in substance.
Vous pouvez facturer les jours de janvier dès maintenant. || You can invoice January's days now.
J'ai mis à jour le ticket avec les logs demandés. || I've updated the ticket with the requested logs.
Tout est clair, merci pour ces précisions. || All clear, thanks for the details.
Réunion annulée aujourd'hui, on se retrouve la semaine prochaine. || Today's meeting is cancelled, we'll meet next week instead.
Le client remercie toute l'équipe pour le travail rendu. || The client thanks the whole team for the work delivered.
Je reste disponible si vous avez des questions. || I remain available if you have any questions.
Le prochain sprint commence lundi, backlog priorisé avec le PO. || Next sprint starts Monday, backlog prioritised with the PO.
Accord de confidentialité signé et renvoyé. || NDA signed and sent back.
Très bonne présentation hier, le directeur a apprécié. || Great presentation yesterday, the director liked it.
Merci pour la relecture attentive du rapport. || Thanks for the careful review of the report.
Nous validons la proposition commerciale telle quelle. || We accept the proposal as it stands.
Les tests de charge sont concluants, on peut lancer. || Load tests look good, we can launch.
Je vous envoie la facture finale, merci pour cette belle collaboration. || Sending the final invoice, thanks for a great collaboration.
L'équipe vous attend à 9h à l'accueil. || The team will meet you at reception at 9.
Petit rappel : atelier de recette demain 14h. || Friendly reminder: acceptance workshop tomorrow at 2pm.
Je vous propose de caler un point mensuel pour la suite. || I suggest we set up a monthly check-in going forward.
Bien noté pour le changement d'interlocuteur, bienvenue à Marc. || Noted on the change of contact, welcome aboard Mark.
Le paiement partira avec le prochain cycle de règlement, le 15. || Payment goes out with the next payment run, on the 15th.
Parfait pour moi, on part là-dessus. || Works for me, let's go with that.
Merci, la nouvelle fonctionnalité plaît beaucoup aux utilisateurs. || Thanks, users really like the new feature.
On a bien avancé aujourd'hui, je vous fais un résumé demain. || Good progress today, I'll send you a summary tomorrow.
Pouvez-vous me rappeler quand vous avez un moment ? || Could you call me back when you have a moment?
Je confirme ma présence au comité de pilotage. || I confirm I'll attend the steering committee.
La mission se termine fin juin comme prévu, merci pour tout. || The engagement ends in late June as planned, thanks for everything.
Les droits d'accès au CRM ont été activés. || Your CRM access has been activated.
Le rendez-vous de demain est maintenu. || Tomorrow's appointment is still on.
J'ai bien reçu vos commentaires, je m'y mets. || Got your comments, I'm on it.
Merci pour la recommandation, le nouveau client m'a contacté. || Thanks for the referral, the new client got in touch.
Vous avez carte blanche pour la partie technique. || You have a free hand on the technical side.
Réception des livrables du lot 1 confirmée. || Receipt of the phase 1 deliverables confirmed.
Le RIB a été mis à jour dans notre système fournisseur. || Your bank details have been updated in our supplier system.
On s'appelle après le déjeuner ? || Shall we talk after lunch?
Démo validée par le métier, bravo. || Demo signed off by the business, well done.
Je vous transmets les coordonnées de notre DSI. || Here are the contact details of our CIO.
Nous prolongeons la mission de deux mois aux mêmes conditions. || We're extending the engagement by two months on the same terms.
Bonne année et merci pour cette première année ensemble ! || Happy new year and thanks for our first year working together!
La version 2.3 est en ligne depuis ce matin. || Version 2.3 went live this morning.
Point téléphonique de 15 minutes demain pour caler la suite ? || 15-minute call tomorrow to plan next steps?
Documentation reçue, elle est très complète. || Documentation received, it's very thorough.
Ok pour moi. || Fine by me.
Je m'occupe de réserver la salle. || I'll book the room.
Le virement de l'acompte arrivera sous 48 h. || The deposit transfer should arrive within 48 hours.
Merci pour les remarques constructives lors de la revue. || Thanks for the constructive remarks during the review.
Les utilisateurs pilotes sont satisfaits de la nouvelle interface. || Pilot users are happy with the new interface.
L'atelier de cadrage a permis de tout clarifier. || The scoping workshop cleared everything up.
Je vous laisse la main sur le choix des outils. || I'll leave the choice of tools to you.
La facture corrigée est bien arrivée, merci. || The corrected invoice arrived, thanks.
Planning mis à jour sur le drive, aucune date ne bouge. || Schedule updated on the drive, no dates change.
Merci de votre confiance pour cette nouvelle mission. || Thank you for trusting me with this new engagement.
Le prestataire a livré en avance, excellent travail. || The contractor delivered early, excellent work.
Notre service comptable vous a réglé ce matin. || Our accounts team paid you this morning.
Je vous ai ajouté en copie du mail au client final. || I've copied you on the email to the end client.
Les échanges avec l'équipe se passent très bien. || Working with the team is going very well.
Rendez-vous confirmé lundi 9h dans vos locaux. || Meeting confirmed Monday 9am at your offices.
voir mail du 12/03 || see email of 03/12
RAS || nothing to report
cf. compte rendu || see minutes
appel client, tout va bien || client call, all fine
- || n/a
? || ?
à compléter || TBD
point hebdo OK || weekly sync ok
- || done
- || LGTM, thanks!
- || Sounds good, see you then.
- || Approved. Go ahead.
- || Thanks, merging now.
- || Kudos to the whole team for shipping this on time.
- || Happy to help, let me know if anything else comes up.
- || Invoice 2231 was paid via Stripe, receipt attached.
- || Quick heads-up: I'll be 10 minutes late to the standup.
- || Could you share the Figma link again? Can't find it.
- || Client signed the SOW for the next milestone.
- || Deadline for the beta is confirmed for the 30th, all on track.
- || Following up on our call, here are the next steps we agreed on.
- || Appreciate the quick turnaround on the feedback!
Merci, c'est réglé. || -
Je vous souhaite un bon week-end. || -
Le client est content du résultat, on en reste là pour cette semaine. || -
Devis accepté, démarrage prévu le 2. || -
Merci pour votre retour rapide. || -
Paiement reçu, je vous envoie le reçu. || -
Réunion reportée à la demande du client, sans souci. || -
Nos équipes sont ravies de travailler avec vous. || -
"""

MULTI = """
payment;scope | Le client refuse de payer les 4 jours de fonctionnalités ajoutées en cours de route. || Client refuses to pay for the 4 days of features added along the way.
deadlines;scope | Les demandes en plus font glisser la date de livraison, et c'est moi qu'on blâme. || Extra requests push back the delivery date and I get the blame.
tone;payment | Quand j'ai relancé pour la facture, il m'a répondu sur un ton odieux. || When I chased the invoice he replied in an obnoxious tone.
trust;deadlines | Depuis le retard du lot 2, ils vérifient tout ce que je fais. || Since milestone 2 slipped they check everything I do.
payment;deadlines | Ils retiennent 15 % de la facture au titre des pénalités de retard. || They're withholding 15% of the invoice as late-delivery penalties.
scope;tone | Nouvelle fonctionnalité exigée sur un ton qui n'admettait aucune discussion. || New feature demanded in a tone that left no room for discussion.
trust;payment | Ils contestent mes relevés d'heures et bloquent le paiement. || They challenge my timesheets and hold the payment.
tone;trust | Il m'a traité de menteur en réunion à propos de l'avancement. || He called me a liar in the meeting about progress.
scope;payment | Cahier des charges flou, et maintenant ils ne veulent payer que ce qu'ils "avaient en tête". || Vague spec, and now they only want to pay for what they "had in mind".
deadlines;tone | Deadline impossible annoncée par mail en majuscules. || Impossible deadline announced by email in all caps.
other;payment | Projet annulé brutalement, et la dernière facture est en suspens. || Project abruptly cancelled, and the last invoice is in limbo.
trust;scope | Ils pensent que je gonfle le périmètre pour vendre des jours. || They think I'm inflating the scope to sell more days.
deadlines;payment | Livraison en retard selon eux, donc paiement suspendu. || Delivery late according to them, so payment suspended.
payment;tone | Relance courtoise pour la facture de 3 400 €, réponse insultante. || Polite reminder for the €3,400 invoice, insulting reply.
scope;deadlines | Ajout d'un module de paiement à deux semaines de la mise en ligne, date inchangée. || Payment module added two weeks before launch, date unchanged.
other;deadlines | Serveur de recette en panne, on accumule du retard. || Staging server down again, we're falling behind.
tone;scope | Le PO m'engueule parce que je refuse une demande hors périmètre. || PO yells at me because I turned down an out-of-scope request.
trust;tone | Ton soupçonneux dans chaque mail, comme si je cachais quelque chose. || Suspicious tone in every email, as if I were hiding something.
payment;trust | Pas de paiement tant que leur auditeur n'a pas "vérifié" mes jours. || No payment until their auditor has "verified" my days.
deadlines;trust | Ils ne croient plus à mes dates de livraison. || They no longer believe my delivery dates.
scope;other | Réorganisation chez le client : le nouveau directeur redéfinit tout le besoin. || Reorg at the client: the new director redefines the whole need.
other;tone | Le désaccord sur le télétravail a tourné à l'engueulade. || Remote-work disagreement turned into a shouting match.
payment;other | Le client est en liquidation, ma créance de 6 000 € est déclarée mais je n'y crois pas. || Client went into administration, my $6,000 claim is filed but I'm not hopeful.
scope;deadlines;payment | Périmètre qui gonfle, délais intenables, et ils refusent l'avenant. || Scope ballooning, impossible deadlines, and they refuse to pay for the change order.
tone;deadlines | Appel très agressif parce que la démo a glissé d'un jour. || Very aggressive call because the demo slipped a day.
trust;other | Ils soupçonnent une fuite et m'ont coupé tous mes accès VPN pendant l'enquête interne. || They suspect a leak and cut all my VPN access during the internal investigation.
scope;trust | Le client me reproche de ne pas avoir livré "tout ce qui était promis" et doute de mon sérieux. || Client says I didn't deliver "everything promised" and doubts my professionalism.
payment;deadlines | Facture payée avec 2 mois de retard, et ils me reprochent 3 jours de retard sur le livrable. || Invoice paid two months late, yet they complain my deliverable was 3 days late.
trust;tone | Micro-management permanent et remarques humiliantes. || Constant micromanagement and humiliating remarks.
other;scope | Leur sécurité interdit l'outil prévu au devis, il faut revoir ce qu'on livre. || Their security policy bans the tool in the quote, what we deliver must be rethought.
payment;scope | Facture des évolutions contestée : « pour nous c'était inclus ». || Invoice for the enhancements disputed: "we considered it included".
deadlines;tone | Le chef de projet m'a parlé comme à un chien parce que la MEP a été décalée. || PM spoke to me like dirt because the release was postponed.
scope;deadlines | Specs reçues au dernier moment, nouvelles demandes, et la date du 30 ne bouge pas. || Specs came in at the last minute, new asks keep coming, and the 30th doesn't move.
trust;payment | Ils pensent que je surfacture et veulent renégocier mon TJM en cours de mission. || They think I overcharge and want to renegotiate my day rate mid-engagement.
other;tone | Réunion sur le choix du framework qui dégénère, il me coupe et m'insulte. || Meeting about the framework choice derails, he interrupts and insults me.
payment;trust | Il ne paiera qu'après avoir relu tous les commits, "pour être sûr". || He'll only pay after reviewing every commit, "to be sure".
deadlines;other | Arrêt maladie d'une semaine, le jalon est décalé et le client grince. || Off sick a week, milestone pushed, client grumbling.
scope;tone;trust | Il exige des ajouts hors contrat, me parle mal et dit que je ne suis pas à la hauteur. || He demands out-of-contract additions, talks down to me and says I'm not up to it.
payment;deadlines | Acompte versé avec 3 semaines de retard, donc démarrage décalé d'autant. || Deposit paid 3 weeks late, so kickoff delayed by as much.
tone;payment | Mail très agressif pour contester ma note de frais. || Very aggressive email disputing my travel expenses.
other;trust | Conflit d'intérêts soulevé par leur juriste, ambiance de méfiance. || Conflict of interest raised by their lawyer, atmosphere of suspicion.
scope;payment | Tout ce qui dépasse le devis, ils refusent de le payer. || Anything beyond the quote, they refuse to pay.
trust;deadlines | Le client dit que je fais traîner exprès. || Client says I'm stalling on purpose.
payment;tone | Pas payé depuis 3 mois et il me crie dessus quand je relance. || Unpaid for 3 months and he yells when I chase it.
other;payment | Mon intermédiaire a fait faillite, le client dit l'avoir payé, moi je n'ai rien. || My agency went bust, client says he paid them, I got nothing.
deadlines;scope | Le planning ne tient plus depuis qu'ils ont ajouté l'appli mobile. || The plan fell apart once they added the mobile app.
scope;payment | Le module ajouté en cours de route n'est pas payé : "c'était dans l'esprit du contrat". || The module added along the way isn't paid: "it was in the spirit of the contract".
deadlines;tone | Il m'a hurlé dessus au téléphone parce que la livraison avait un jour de retard. || He screamed at me on the phone because delivery was a day late.
payment;trust | Ils bloquent la facture le temps de "vérifier" si j'ai vraiment travaillé ces jours-là. || They're holding the invoice to "check" whether I really worked those days.
trust;scope | Le client pense que je complique volontairement les specs pour allonger la mission. || Client thinks I make the specs complicated on purpose to stretch the engagement.
tone;other | Dispute sur le télétravail : il m'a traité de "touriste" devant l'équipe. || Argument about remote work: he called me a "tourist" in front of the team.
other;deadlines | Mon ordinateur a rendu l'âme, deux jours de perdus sur une échéance serrée. || My computer died, two days lost on a tight deadline.
scope;deadlines;trust | Ils ajoutent des écrans, raccourcissent les délais et me soupçonnent de traîner. || They add screens, shorten the timeline and suspect me of dragging my feet.
payment;tone | Quand j'ai demandé où en était mon règlement, réponse sèche : "on paie quand on veut". || When I asked about my payment, curt reply: "we pay when we feel like it".
deadlines;payment | Ils refusent de payer la dernière tranche à cause d'une semaine de retard sur la recette. || They refuse the last instalment because acceptance was a week late.
trust;tone | Il vérifie tout et le fait savoir avec des commentaires blessants. || He checks everything and lets me know with hurtful comments.
other;scope | Leur nouvelle politique de sécurité impose des outils qui changent tout ce que je dois livrer. || Their new security policy imposes tools that change everything I have to deliver.
scope;tone | Réunion tendue sur le périmètre, le directeur a fini par crier. || Tense meeting about scope, the director ended up shouting.
"""

CONTEXT = {
    "fr": {
        "pre": [
            "Client Martin :",
            "Mission ERP Lyon -",
            "Appel du 14/03 :",
            "[Acme]",
            "RDV hebdo :",
            "Note perso :",
            "Point avec la DAF.",
            "Mission Duval & Fils,",
            "Visio du mardi :",
            "Re : point d'étape -",
            "Projet refonte site,",
            "Le 7 avril 2021 :",
            "Startup fintech, mission de 45 j à 550 €/j.",
            "Client historique (3e mission).",
            "Via la plateforme :",
            "Résumé de l'échange :",
        ],
        "post": [
            "À suivre.",
            "Je note pour la prochaine fois.",
            "Call prévu mardi.",
            "cf. mail du 03/04",
            "Rien de réglé pour l'instant.",
            "Proposé deux options, en attente de réponse.",
            "J'ai proposé un compromis.",
            "Compte rendu envoyé le soir même.",
            "Enjeu : environ 1 500 €.",
            "Montant en jeu 2 300 €.",
            "On en reparle au comité du 12.",
            "Je garde une trace écrite de tout.",
            "Réglé à l'amiable finalement.",
            "Pas de réponse depuis.",
            "Leçon : tout écrire dès le départ.",
            "Médiation envisagée si ça continue.",
        ],
    },
    "en": {
        "pre": [
            "Client Miller:",
            "ERP gig, Leeds -",
            "Call on 3/14:",
            "[Acme]",
            "Weekly sync:",
            "Note to self:",
            "Meeting with their finance lead.",
            "Harper & Sons engagement,",
            "Tuesday video call:",
            "Re: status update -",
            "Website rebuild project,",
            "April 7, 2021:",
            "Fintech startup, 45-day gig at $650/day.",
            "Long-time client (3rd engagement).",
            "Via the platform:",
            "Summary of the exchange:",
        ],
        "post": [
            "To be continued.",
            "Noting it for next time.",
            "Call scheduled Tuesday.",
            "see email of 4/3",
            "Nothing settled yet.",
            "Offered two options, waiting to hear back.",
            "I suggested a compromise.",
            "Sent written minutes the same evening.",
            "About $1,500 at stake.",
            "Amount at stake: $2,300.",
            "Will raise it at the steering meeting on the 12th.",
            "Keeping a written record of everything.",
            "Settled amicably in the end.",
            "No reply since.",
            "Lesson: put everything in writing up front.",
            "Considering mediation if this goes on.",
        ],
    },
}

CONNECTORS = {
    "fr": [
        ". En plus, ",
        ". Et puis ",
        " + ",
        ". Par ailleurs, ",
        " / ",
        ". Autre souci : ",
    ],
    "en": [". Also, ", ". On top of that, ", " + ", ". Plus ", " / ", ". Separately, "],
}


COURTEOUS_JOINERS = {
    "fr": [". Par contre, ", ". Mais ", ". En revanche ", " ; cela dit, "],
    "en": [". However, ", ". But ", ". That said, ", "; on the other hand, "],
}


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def _pairs(block: str) -> list[tuple[str | None, str | None]]:
    out = []
    for line in _lines(block):
        fr, en = (side.strip() for side in line.split("||"))
        out.append((None if fr == "-" else fr, None if en == "-" else en))
    return out


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == "drop":
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _surface(text: str, lang: str, rng: random.Random) -> str:
    """Add a neutral context and surface noise, independently of the cause."""
    ctx = CONTEXT[lang]
    if rng.random() < 0.22:
        text = f"{rng.choice(ctx['pre'])} {_lower_first(text)}"
    if rng.random() < 0.2:
        end = "" if text.rstrip().endswith((".", "!", "?", "»", '"')) else "."
        text = f"{text}{end} {rng.choice(ctx['post'])}"
    if rng.random() < 0.14:
        text = _typo(text, rng)
    if rng.random() < 0.05:
        text = _typo(text, rng)
    if lang == "fr" and rng.random() < 0.18:
        text = _strip_accents(text)
    r = rng.random()
    if r < 0.08:
        text = text.lower()
    elif r < 0.1:
        text = text.upper()
    return text


def _split_groups(groups: list[str], rng: random.Random) -> set[int]:
    """Indices of the groups drawn for the test split (TEST_SHARE of them)."""
    order = list(range(len(groups)))
    rng.shuffle(order)
    return set(order[: round(TEST_SHARE * len(groups))])


def build_notes(seed: int = SEED) -> pd.DataFrame:
    """Build the corpus as a DataFrame (deterministic for a given seed)."""
    # One source per hand-written line: (group, causes, split, fr text, en text).
    sources: list[tuple[str, str, str, str | None, str | None]] = []
    for cause in (*CAUSES, NONE):
        pairs = _pairs(SINGLE[cause])
        test = _split_groups(pairs, random.Random(f"{seed}:single:{cause}"))
        for g, (fr, en) in enumerate(pairs):
            split = "test" if g in test else "train"
            label = "" if cause == NONE else cause
            sources.append((f"{cause[:2]}{g:03d}", label, split, fr, en))
    multi = [line.split("|", 1) for line in _lines(MULTI)]
    for primary in CAUSES:
        group = [(c.strip(), t) for c, t in multi if c.split(";")[0] == primary]
        test = _split_groups(group, random.Random(f"{seed}:multi:{primary}"))
        for g, (causes, sides) in enumerate(group):
            fr, en = (side.strip() for side in sides.split("||"))
            split = "test" if g in test else "train"
            sources.append((f"m{primary[:2]}{g:02d}", causes, split, fr, en))

    # Combined notes: two single-cause lines of different causes, on the same
    # side of the split, joined in each language both have. A line joins at
    # most one combination and then no longer appears on its own.
    combined: dict[str, str] = {}  # group -> group of the combined note
    singles = [s for s in sources if ";" not in s[1] and s[1]]
    courteous = [s for s in sources if not s[1]]
    rows: list[dict] = []
    for split, n in (
        ("train", N_COMBINED - N_COMBINED // 4),
        ("test", N_COMBINED // 4),
    ):
        rng = random.Random(f"{seed}:combined:{split}")
        pool = [s for s in singles if s[2] == split]
        rng.shuffle(pool)
        for _ in range(n):
            first = pool.pop()
            k = next(i for i in range(len(pool) - 1, -1, -1) if pool[i][1] != first[1])
            second = pool.pop(k)
            group = f"{first[0]}+{second[0]}"
            combined[first[0]] = combined[second[0]] = group
            for lang, a, b in (
                ("fr", first[3], second[3]),
                ("en", first[4], second[4]),
            ):
                if a is None or b is None:
                    continue
                joiner = rng.choice(CONNECTORS[lang])
                tail = b if joiner in (" + ", " / ") else _lower_first(b)
                rows.append(
                    {
                        "text": a.rstrip(" .") + joiner + tail,
                        "lang": lang,
                        "causes": f"{first[1]};{second[1]}",
                        "split": split,
                        "group": group,
                    }
                )
    # Courteous wrappers: a message that cites no cause said around a note
    # that does ("Thanks for the transfer. But ..."), labelled with that cause
    # alone, so that courtesy does not cancel a cause. Both lines come from the
    # same split.
    for split, n in (
        ("train", N_COURTEOUS - N_COURTEOUS // 4),
        ("test", N_COURTEOUS // 4),
    ):
        rng = random.Random(f"{seed}:courteous:{split}")
        polite = [s for s in courteous if s[2] == split]
        pool = [s for s in singles if s[2] == split and s[0] not in combined]
        rng.shuffle(polite)
        rng.shuffle(pool)
        for _ in range(min(n, len(polite), len(pool))):
            first, second = polite.pop(), pool.pop()
            # the courteous line stays on its own too, in the same group (so
            # no sentence crosses the split or a grouped fold); the cause
            # line appears only here
            group = first[0]
            combined[second[0]] = group
            for lang, a, b in (
                ("fr", first[3], second[3]),
                ("en", first[4], second[4]),
            ):
                if a is None or b is None:
                    continue
                joiner = rng.choice(COURTEOUS_JOINERS[lang])
                rows.append(
                    {
                        "text": a.rstrip(" .") + joiner + _lower_first(b),
                        "lang": lang,
                        "causes": second[1],
                        "split": split,
                        "group": group,
                    }
                )
    for group, causes, split, fr, en in sources:
        if group in combined:
            continue
        for lang, text in (("fr", fr), ("en", en)):
            if text is not None:
                rows.append(
                    {
                        "text": text,
                        "lang": lang,
                        "causes": causes,
                        "split": split,
                        "group": group,
                    }
                )

    notes = pd.DataFrame(rows)
    # Surface noise is seeded by the note itself, so adding a note elsewhere
    # leaves every other note (and its split) unchanged.
    notes["text"] = [
        _surface(text, lang, random.Random(f"{seed}:surface:{lang}:{causes}:{text}"))
        for text, lang, causes in zip(
            notes["text"], notes["lang"], notes["causes"], strict=True
        )
    ]
    # Shuffle so that note ids say nothing about cause, language or split.
    notes = notes.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    notes.insert(0, "note_id", [f"N{i + 1:04d}" for i in range(len(notes))])
    return notes[["note_id", "text", "lang", "causes", "split", "group"]]


def main() -> None:
    notes = build_notes()
    path = Path(__file__).resolve().parent / "notes.csv"
    notes.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    primary = notes["causes"].str.split(";").str[0].replace("", "(none)")
    print(f"wrote {len(notes)} notes to {path}")
    print(pd.crosstab([notes["lang"], notes["split"]], primary, margins=True))
    print("multi-cause share:", round(notes["causes"].str.contains(";").mean(), 3))


if __name__ == "__main__":
    main()
