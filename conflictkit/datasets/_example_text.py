"""Text the simulation draws on: client names and note templates.

The notes are short: a lead sentence and a follow-up, per primary cause, in
English and French. The cause classifier learns from its own labelled corpus
(``load_example_notes``), not from these.
"""

__all__ = ["NAME_A", "NAME_B", "NOTES_TEXT"]

NAME_A = (
    "Atelier Azur Boréal Cobalt Delta Épure Forge Granit Helios Iris Jade Kairos "
    "Lumen Mistral Nova Onyx Opale Pixel Quartz Rivage Saphir Tilleul Vega Zénith"
).split()
NAME_B = (
    "Conseil Digital Finance Logistique Santé Studio Systems Labs Industries "
    "Assurances Énergie Médias Retail Partners Voyages Immobilier Mutuelle "
    "Éditions Robotique Télécom Foods Analytics Mobility Bank"
).split()

# Notes: per primary cause and language, leads (+) and follow-ups (-); a note
# is one lead and one follow-up.
NOTES_TEXT = """
[scope en]
+ Client asked for features outside the agreed scope.
+ Scope creep on the reporting module.
+ Disagreement on what the quote included.
+ New requirements added mid-sprint without a change request.
- Proposed a priced change request.
- Went through the specification together.
- Client says it was obviously included.
[scope fr]
+ Le client demande des fonctionnalités hors périmètre.
+ Dérive du périmètre sur le module de reporting.
+ Désaccord sur ce que couvrait le devis.
+ Nouvelles exigences ajoutées en cours de sprint.
- Proposé un avenant chiffré.
- Relu le cahier des charges ensemble.
- Le client estime que c'était évidemment inclus.
[deadlines en]
+ Client disputes the delivery date.
+ Deadline moved up by two weeks without notice.
+ Delivery late because API access came late.
+ Disagreement on the planning of the next release.
- Agreed on a new milestone plan.
- Sent a revised schedule.
- Client wants penalties for the delay.
[deadlines fr]
+ Le client conteste la date de livraison.
+ Échéance avancée de deux semaines sans prévenir.
+ Retard de livraison : les accès à l'API sont arrivés tard.
+ Désaccord sur le planning de la prochaine version.
- Nouveau planning validé.
- Envoyé un rétroplanning révisé.
- Le client réclame des pénalités de retard.
[payment en]
+ Invoice unpaid after the due date.
+ Client delays payment pending internal approval.
+ Late payment, second reminder sent.
+ Client disputes part of the invoice.
- Payment promised by the end of the month.
- Offered a payment schedule.
- Mentioned the late-payment fees.
[payment fr]
+ Facture impayée après l'échéance.
+ Le client retarde le paiement (validation interne).
+ Retard de paiement, deuxième relance envoyée.
+ Le client conteste une partie de la facture.
- Paiement promis pour la fin du mois.
- Proposé un échéancier.
- Rappelé les pénalités de retard.
[tone en]
+ Client's tone in meetings too directive.
+ Harsh emails from the project manager.
+ Talked down to during the demo.
+ Tense exchange about working methods.
- Asked for a calm one-to-one.
- Rephrased the concerns to find the real issue.
- Agreed on how to give feedback.
[tone fr]
+ Ton trop directif du client en réunion.
+ Mails agressifs du chef de projet.
+ Remarques condescendantes pendant la démo.
+ Échange tendu sur les méthodes de travail.
- Demandé un point en tête-à-tête au calme.
- Reformulé pour trouver le vrai problème.
- Convenu d'une façon de faire les retours.
[trust en]
+ Client doubts the hours billed.
+ Client wants a second opinion on the architecture.
+ Lack of trust after the production incident.
+ Client asks for a daily report of my work.
- Shared the time sheets and commits.
- Offered a review with their lead developer.
- Set up a weekly check-in.
[trust fr]
+ Le client doute des heures facturées.
+ Le client veut un second avis sur l'architecture.
+ Manque de confiance après l'incident en production.
+ Le client exige un compte rendu quotidien.
- Partagé les feuilles de temps et les commits.
- Proposé une revue avec leur développeur principal.
- Mis en place un point hebdomadaire.
[other en]
+ Disagreement on the tools imposed by the client.
+ Access to the premises withdrawn.
+ Dispute over travel expenses.
+ Client changed the contact person without notice.
- Clarified by email.
- Discussed with the account manager.
- Settled at the next meeting.
[other fr]
+ Désaccord sur les outils imposés par le client.
+ Accès aux locaux retiré.
+ Litige sur les frais de déplacement.
+ Changement d'interlocuteur sans prévenir.
- Clarifié par mail.
- Discuté avec le responsable du compte.
- Réglé à la réunion suivante.
"""
