"""Messages and table headers of the ``conflictkit`` command."""

from __future__ import annotations

CLI: dict = {
    'cli.per_client': ('Disputes per client and cause (a dispute counts once per cause it cites)', 'Litiges par client et par cause (un litige compte une fois par cause citée)'),
    'cli.report_written': ('Report written to {path}', 'Rapport écrit dans {path}'),
    'cli.clean': ('{path}: no problems ({n} disputes{m}).', '{path} : aucun problème ({n} litiges{m}).'),
    'cli.n_missions': (', {n} missions', ', {n} missions'),
    'cli.problems': ('{path}: {n} problems in {rows} rows; these rows would be rejected:', '{path} : {n} problèmes dans {rows} lignes ; ces lignes seraient rejetées :'),
    'cli.file_problem': ('{path}: the file cannot be read as a dispute log:', '{path} : le fichier ne peut pas être lu comme un journal de litiges :'),
    'cli.no_unlabelled': ('Every dispute cites a cause: nothing to suggest.', 'Chaque litige cite une cause : rien à suggérer.'),
    'cli.suggested': ('Suggested causes for {n} disputes that cite none (check them before use):', "Causes suggérées pour {n} litiges qui n'en citent aucune (à vérifier) :"),
    'cli.added': ('Logged {id} in {journal}', '{id} enregistré dans {journal}'),
    'cli.resolved': ('Resolved {id}', '{id} clos'),
    'cli.imported': ('Imported {n} disputes{m} into {journal}', '{n} litiges{m} importés dans {journal}'),
    'cli.exported': ('Wrote {paths}', 'Écrit : {paths}'),
    'cli.empty': ('The journal is empty.', 'Le journal est vide.'),
    'cli.error': ('error', 'erreur'),
}

CLI_HEADERS: dict = {
    'cli.header.row': ('row', 'ligne'),
    'cli.header.table': ('table', 'table'),
    'cli.header.dispute_id': ('dispute_id', 'litige'),
    'cli.header.column': ('column', 'colonne'),
    'cli.header.value': ('value', 'valeur'),
    'cli.header.problem': ('problem', 'problème'),
    'cli.header.client': ('client', 'client'),
    'cli.header.opened_at': ('opened', 'ouvert le'),
    'cli.header.resolved_at': ('resolved', 'clos le'),
    'cli.header.causes': ('causes', 'causes'),
    'cli.header.outcome': ('outcome', 'issue'),
    'cli.header.notes': ('notes', 'notes'),
    'cli.header.suggested_causes': ('suggested causes', 'causes suggérées'),
}
