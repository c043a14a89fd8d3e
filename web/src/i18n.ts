// Every text of the dashboard in French (the default) and English, and the language in use,
// remembered between visits and reflected in <html lang>.
export type Language = "fr" | "en";

// Each key: [French, English]. Exported for the test that checks both are there, with the same
// {placeholders}.
export const texts = {
  skip: ["Aller au contenu", "Skip to content"],
  nav: ["Navigation principale", "Main navigation"],
  navClients: ["Clients", "Clients"],
  navModel: ["Le modèle", "The model"],
  switchLanguage: ["English", "Français"],
  switchLanguageLabel: ["Switch to English", "Passer en français"],
  loginTitle: ["Connexion", "Log in"],
  loginIntro: [
    "Connectez-vous avec l'identifiant et le mot de passe que votre administrateur vous a donnés.",
    "Log in with the user name and password your administrator gave you.",
  ],
  loginUser: ["Identifiant", "User name"],
  loginPassword: ["Mot de passe", "Password"],
  loginButton: ["Se connecter", "Log in"],
  loginWrong: ["Identifiant ou mot de passe incorrect.", "Wrong user name or password."],
  loginThrottled: [
    "Trop d'essais manqués : réessayez dans {minutes} min.",
    "Too many failed attempts: try again in {minutes} min.",
  ],
  loginExpired: [
    "Votre session a expiré. Reconnectez-vous : la page et ce que vous y avez saisi sont conservés.",
    "Your session has expired. Log in again: the page and what you typed on it are kept.",
  ],
  loggedInAs: ["{user}, {role}", "{user}, {role}"],
  logout: ["Se déconnecter", "Log out"],
  roleAdvisor: ["conseiller", "advisor"],
  roleAnalyst: ["analyste", "analyst"],
  roleAdmin: ["administrateur", "administrator"],
  roleSystem: ["machine", "machine"],
  searchTitle: ["Trouver un client", "Find a client"],
  searchLabel: ["Numéro du client", "Client number"],
  searchButton: ["Rechercher", "Search"],
  recent: ["Clients consultés récemment", "Recently viewed clients"],
  noRecent: ["Aucun client consulté pour l'instant.", "No client viewed yet."],
  results: ["Résultats", "Results"],
  foundOne: ["1 client trouvé.", "1 client found."],
  foundMany: ["{n} clients trouvés ; {from} à {to} ci-dessous.", "{n} clients found; {from} to {to} below."],
  previousPage: ["Page précédente", "Previous page"],
  nextPage: ["Page suivante", "Next page"],
  fileColumn: ["Dossier", "File"],
  noResult: ["Aucun client ne commence par ces chiffres.", "No client starts with these digits."],
  clientColumn: ["Client", "Client"],
  contract: ["Contrat", "Contract"],
  credit: ["Montant du crédit", "Credit amount"],
  income: ["Revenu", "Income"],
  probability: ["Probabilité de défaut", "Probability of default"],
  decision: ["Décision", "Decision"],
  granted: ["Accordé", "Granted"],
  notScored: ["Pas encore évalué", "Not scored yet"],
  refused: ["Refusé", "Refused"],
  open: ["Ouvrir", "Open"],
  clientTitle: ["Client {id}", "Client {id}"],
  newApplication: ["demande en cours", "application under review"],
  pastApplication: ["dossier passé", "past application"],
  outcomeRepaid: ["a remboursé", "repaid"],
  outcomeDefaulted: ["a fait défaut", "defaulted"],
  scoreTitle: ["Score et décision", "Score and decision"],
  gaugeLabel: ["Jauge : probabilité de défaut {p}, seuil {t}", "Gauge: probability of default {p}, threshold {t}"],
  threshold: ["Seuil de décision", "Decision threshold"],
  belowThreshold: [
    "La probabilité de défaut ({p}) est inférieure au seuil ({t}) de {d} points : le crédit est accordé.",
    "The probability of default ({p}) is {d} points below the threshold ({t}): the credit is granted.",
  ],
  belowThresholdOne: [
    "La probabilité de défaut ({p}) est inférieure au seuil ({t}) de {d} point : le crédit est accordé.",
    "The probability of default ({p}) is {d} point below the threshold ({t}): the credit is granted.",
  ],
  aboveThreshold: [
    "La probabilité de défaut ({p}) dépasse le seuil ({t}) de {d} points : le crédit est refusé.",
    "The probability of default ({p}) is {d} points above the threshold ({t}): the credit is refused.",
  ],
  aboveThresholdOne: [
    "La probabilité de défaut ({p}) dépasse le seuil ({t}) de {d} point : le crédit est refusé.",
    "The probability of default ({p}) is {d} point above the threshold ({t}): the credit is refused.",
  ],
  whyTitle: ["Pourquoi ce score ?", "Why this score?"],
  whyIntro: [
    "Un client moyen a une probabilité de défaut de {b}. Chaque facteur ci-dessous l'augmente ou la réduit, en points ; ensemble ils donnent {p}.",
    "An average client has a probability of default of {b}. Each factor below raises or lowers it, in points; together they give {p}.",
  ],
  towardsRefusal: ["Ce qui augmente le risque", "What raises the risk"],
  towardsAcceptance: ["Ce qui réduit le risque", "What lowers the risk"],
  none: ["Aucun.", "None."],
  noDecision: ["Aucune pour l'instant.", "None yet."],
  waterfallTitle: ["Du client moyen à ce client", "From the average client to this one"],
  averageClient: ["Client moyen", "Average client"],
  otherFactors: ["{n} autres facteurs", "{n} other factors"],
  thisClient: ["Ce client", "This client"],
  factor: ["Facteur", "Factor"],
  value: ["Valeur", "Value"],
  effect: ["Effet (points)", "Effect (points)"],
  chartTable: ["Les chiffres du graphique", "The chart's numbers"],
  infoTitle: ["Informations du client", "Client information"],
  historyTitle: ["Historique de crédit", "Credit history"],
  applicationTitle: ["Demande", "Application"],
  field: ["Champ", "Field"],
  notGiven: ["non renseigné", "not given"],
  years: ["ans", "years"],
  compareTitle: ["Comparer avec d'autres clients", "Compare with other clients"],
  feature: ["Caractéristique", "Feature"],
  group: ["Groupe", "Group"],
  groupAll: ["Tous les clients", "All clients"],
  groupSimilar: ["Clients similaires", "Similar clients"],
  groupFiltered: ["Groupe filtré", "Filtered group"],
  filterAge: ["Âge (années)", "Age (years)"],
  filterIncome: ["Revenu annuel", "Annual income"],
  filterContract: ["Type de contrat", "Contract type"],
  filterGender: ["Genre", "Gender"],
  any: ["Tous", "Any"],
  cash: ["Prêt personnel", "Cash loan"],
  revolving: ["Crédit renouvelable", "Revolving loan"],
  women: ["Femmes", "Women"],
  men: ["Hommes", "Men"],
  from: ["de", "from"],
  to: ["à", "to"],
  show: ["Afficher", "Show"],
  repaid: ["Remboursé", "Repaid"],
  defaulted: ["Défaut", "Defaulted"],
  unknown: ["En cours", "Pending"],
  missing: ["Non renseigné", "Not given"],
  clients: ["clients", "clients"],
  groupLine: ["{count} : {group}.", "{count}: {group}."],
  clientsNone: ["Aucun client", "No client"],
  clientsOne: ["1 client", "1 client"],
  clientsMany: ["{n} clients", "{n} clients"],
  everyone: ["tous les clients", "all clients"],
  closest: ["les clients les plus proches de celui-ci", "the clients closest to this one"],
  agesBetween: ["de {a} à {b} ans", "aged {a} to {b}"],
  agesFrom: ["{a} ans et plus", "aged {a} and over"],
  agesTo: ["jusqu'à {b} ans", "aged up to {b}"],
  incomeBetween: ["revenu annuel de {a} à {b}", "annual income {a} to {b}"],
  incomeFrom: ["revenu annuel d'au moins {a}", "annual income at least {a}"],
  incomeTo: ["revenu annuel jusqu'à {b}", "annual income up to {b}"],
  clientValue: ["Valeur du client : {v}", "The client's value: {v}"],
  distributionLabel: [
    "Répartition de « {f} » par issue du crédit ; la barre du client est marquée",
    "Distribution of “{f}” by credit outcome; the client's bar is marked",
  ],
  bin: ["Intervalle", "Range"],
  bivariateTitle: ["Deux caractéristiques ensemble", "Two features together"],
  xFeature: ["Axe horizontal", "Horizontal axis"],
  yFeature: ["Axe vertical", "Vertical axis"],
  bivariateLabel: [
    "Nuage de points : {x} et {y}, couleur selon la probabilité de défaut ; le client est marqué",
    "Scatter plot: {x} and {y}, coloured by probability of default; the client is marked",
  ],
  similarTitle: ["Les clients les plus proches", "The closest clients"],
  similarRate: [
    "Parmi les {n} clients proches dont l'issue est connue, {r} ont fait défaut.",
    "Among the {n} close clients whose outcome is known, {r} defaulted.",
  ],
  distance: ["Écart", "Gap"],
  similarHelp: [
    "Proches sur les {n} caractéristiques qui comptent le plus pour le modèle, chacune ramenée à la même échelle. L'écart vaut 0 pour un client identique : plus il est petit, plus le client ressemble à celui-ci.",
    "Close on the {n} features that matter most to the model, each brought to the same scale. The gap is 0 for an identical client: the smaller it is, the more the client resembles this one.",
  ],
  outcome: ["Issue", "Outcome"],
  whatIfTitle: ["Et si… ? Simuler une autre demande", "What if…? Try another application"],
  whatIfIntro: [
    "Modifiez des champs de la demande : le nouveau score s'affiche à côté de l'actuel. Rien n'est enregistré sans votre accord.",
    "Change some fields of the application: the new score appears beside the current one. Nothing is saved unless you submit it.",
  ],
  recourseRefusedTitle: ["Pour obtenir un accord", "What would lead to acceptance"],
  recourseGrantedTitle: ["Marge avant un refus", "Room before a refusal"],
  recourseIntro: [
    "Seuls le montant, la durée et le prix de l'achat changent ; l'âge, la famille, l'historique et l'emploi jamais. Chaque proposition a été vérifiée par le modèle.",
    "Only the amount, the term and the price of the purchase change; age, family, history and employment never do. Each proposal was checked by the model.",
  ],
  recourseRange: [
    "Recherche parmi nos produits : de {a} à {b}, sur {m} à {n} mois.",
    "Searched within our products: from {a} to {b}, over {m} to {n} months.",
  ],
  tryInWhatIf: ["Essayer dans la simulation", "Try in the simulation"],
  tryInWhatIfLabel: ["Essayer dans la simulation : {s}", "Try in the simulation: {s}"],
  simulate: ["Simuler", "Simulate"],
  current: ["Actuel", "Current"],
  simulated: ["Simulé", "Simulated"],
  saveAsNew: ["Enregistrer comme nouvelle demande", "Save as a new application"],
  saved: [
    "Nouvelle demande enregistrée, avec les montants ci-dessous : client {id}.",
    "New application saved, with the amounts below: client {id}.",
  ],
  openSaved: ["Ouvrir son dossier", "Open its file"],
  saveQuestion: [
    "Enregistrer la demande du client {id} ainsi modifiée comme une nouvelle demande, à décider ensuite ?",
    "Save client {id}'s application so changed as a new application, to be decided next?",
  ],
  saveConfirmButton: ["Oui, enregistrer la nouvelle demande", "Yes, save the new application"],
  cancel: ["Annuler", "Cancel"],
  changedField: ["{f} : {from} → {to}", "{f}: {from} → {to}"],
  termMonths: ["Durée (mois)", "Term (months)"],
  monthsCount: ["{n} mois", "{n} months"],
  annuityFollows: [
    "Mensualité : {a}. Elle suit le montant et la durée, dans la même proportion que dans la demande.",
    "Monthly repayment: {a}. It follows the amount and the term, in the same proportion as in the application.",
  ],
  nothingChanged: ["Aucun montant modifié.", "No amount changed."],
  whatIfMove: ["Le risque de défaut change de {p} points.", "The risk of default changes by {p} points."],
  whatIfMoveOne: ["Le risque de défaut change de {p} point.", "The risk of default changes by {p} point."],
  decisionStays: ["La décision reste : {d}.", "The decision stays: {d}."],
  decisionFlips: ["La décision change : {from} → {to}.", "The decision changes: {from} → {to}."],
  modelTitle: ["Le modèle de scoring", "The scoring model"],
  versionLine: ["Version : {run} ({at})", "Version: {run} ({at})"],
  titledFigure: ["{title} : {figure}", "{title}: {figure}"],
  metrics: ["Qualité mesurée (validation croisée)", "Measured quality (cross-validation)"],
  metric: ["Mesure", "Measure"],
  rocAuc: ["AUC ROC", "ROC AUC"],
  prAuc: ["AUC précision-rappel", "Precision-recall AUC"],
  brier: ["Score de Brier", "Brier score"],
  costAtThreshold: ["Coût par client au seuil", "Cost per client at the threshold"],
  costAtHalf: ["Coût par client au seuil naïf 0,5", "Cost per client at the naive 0.5"],
  meaning: ["Ce que cela veut dire", "What it means"],
  effectOnRisk: ["Effet sur le risque", "Effect on the risk"],
  valueHigh: ["valeur élevée", "high value"],
  valueLow: ["valeur basse", "low value"],
  rocAucMeaning: [
    "La capacité à classer un client à risque avant un client sûr : 0,5 au hasard, 1 sans erreur.",
    "The ability to rank a risky client before a safe one: 0.5 by chance, 1 without error.",
  ],
  prAucMeaning: [
    "La justesse avec laquelle le modèle repère les défauts parmi les clients qu'il signale ; à comparer à la part des défauts.",
    "How accurately the model finds defaults among the clients it flags; to compare with the share of defaults.",
  ],
  brierMeaning: [
    "L'écart moyen entre la probabilité annoncée et ce qui est arrivé : plus il est bas, plus les probabilités sont justes.",
    "The mean gap between the probability given and what happened: the lower, the truer the probabilities.",
  ],
  thresholdMeaning: [
    "Au-delà de cette probabilité de défaut, le modèle recommande de refuser.",
    "Above this probability of default, the model recommends refusing.",
  ],
  costAtThresholdMeaning: [
    "Le coût moyen des erreurs par client, un défaut accordé comptant {r} fois un bon client refusé.",
    "The mean cost of errors per client, a granted default counting {r} times a good client refused.",
  ],
  costAtHalfMeaning: [
    "Le même coût en refusant seulement au-delà de 50 % : l'écart est ce que le choix du seuil fait gagner.",
    "The same cost when refusing only above 50%: the gap is what choosing the threshold saves.",
  ],
  costRule: [
    "Accorder un crédit qui fait défaut coûte {r} fois plus que refuser un bon client ; le seuil minimise ce coût.",
    "Granting a credit that defaults costs {r} times more than refusing a good client; the threshold minimises that cost.",
  ],
  rocTitle: ["Courbe ROC", "ROC curve"],
  falsePositiveRate: ["Taux de faux positifs", "False positive rate"],
  truePositiveRate: ["Taux de vrais positifs", "True positive rate"],
  costTitle: ["Coût selon le seuil", "Cost by threshold"],
  importanceTitle: ["Les caractéristiques qui comptent le plus", "The features that matter most"],
  importance: ["Influence moyenne sur le score", "Average influence on the score"],
  summaryTitle: ["Effet de chaque caractéristique selon sa valeur", "Each feature's effect by its value"],
  summaryHelp: [
    "Chaque point est un client : à droite, la caractéristique augmente le risque ; la couleur indique si sa valeur est basse ou élevée.",
    "Each dot is a client: to the right, the feature raises the risk; the colour tells whether its value is low or high.",
  ],
  worklistTitle: ["Demandes à décider", "Applications to decide"],
  worklistIntro: [
    "Les nouvelles demandes sans décision, de la plus ancienne à la plus récente, avec la recommandation du modèle.",
    "New applications without a decision, oldest first, with the model's recommendation.",
  ],
  worklistEmpty: ["Aucune demande n'attend de décision.", "No application is waiting for a decision."],
  worklistDecided: ["Dernières décisions", "Latest decisions"],
  receivedColumn: ["Reçue le", "Received"],
  recommendationColumn: ["Recommandation du modèle", "Model's recommendation"],
  decisionColumn: ["Décision", "Decision"],
  byColumn: ["Par", "By"],
  moreApplications: ["Demandes suivantes", "Next applications"],
  decisionTitle: ["Votre décision", "Your decision"],
  headerScore: ["Probabilité de défaut : {p}", "Probability of default: {p}"],
  recommends: ["Le modèle recommande : {d}.", "The model recommends: {d}."],
  clientReasonsTitle: [
    "Ce que le client lira dans sa lettre",
    "What the client will read in their letter",
  ],
  noClientReason: ["Aucun élément du dossier ne domine.", "No single part of the file stands out."],
  confirm: ["Confirmer : {d}", "Confirm: {d}"],
  override: ["Changer la décision : {d}", "Change the decision: {d}"],
  commentLabel: ["Pourquoi changez-vous la recommandation ?", "Why do you change the recommendation?"],
  commentHelp: [
    "Obligatoire pour changer la recommandation : au moins 20 caractères, conservés avec la décision.",
    "Required to change the recommendation: at least 20 characters, kept with the decision.",
  ],
  commentOptional: ["Commentaire (facultatif)", "Comment (optional)"],
  recordDecision: ["Enregistrer la décision", "Record the decision"],
  decisionRecorded: ["Décision enregistrée.", "Decision recorded."],
  historyOfDecisions: ["Historique des décisions", "History of decisions"],
  decisionLine: ["{d} le {at} par {who}", "{d} on {at} by {who}"],
  overridesModel: ["change la recommandation du modèle", "changes the model's recommendation"],
  replacesDecision: ["corrige la décision précédente", "corrects the previous decision"],
  pastNotDecided: [
    "Demande passée dont l'issue est connue : elle ne se décide plus.",
    "A past application whose outcome is known: it is no longer decided.",
  ],
  modelCardFr: ["Fiche du modèle (français, PDF)", "Model card (French, PDF)"],
  modelCardEn: ["Fiche du modèle (anglais, PDF)", "Model card (English, PDF)"],
  modelCardMarkdown: ["Fiche du modèle (français, texte Markdown)", "Model card (French, Markdown text)"],
  letterFr: ["Lettre au client (français, PDF)", "Letter to the client (French, PDF)"],
  letterEn: ["Lettre au client (anglais, PDF)", "Letter to the client (English, PDF)"],
  exportData: ["Toutes les données du client (JSON)", "All the client's data (JSON)"],
  clientView: ["Vue à montrer au client", "View to show the client"],
  viewTitle: ["Votre dossier, client n° {id}", "Your file, client number {id}"],
  viewBack: ["Retour à la fiche du conseiller", "Back to the advisor's page"],
  print: ["Imprimer", "Print"],
  viewDecisionTitle: ["La décision et ses raisons", "The decision and its reasons"],
  viewUnderReview: ["Votre demande est en cours d'examen par un conseiller.", "An advisor is reviewing your application."],
  viewDecision: ["Décision d'un conseiller : {d}.", "An advisor's decision: {d}."],
  viewReasons: ["Les principales raisons", "The main reasons"],
  viewApplicationTitle: ["Votre demande, telle que vous l'avez faite", "Your application, as you made it"],
  viewHistoryTitle: ["Ce que nous savons de votre historique", "What we know of your history"],
  viewStandingTitle: ["Où vous vous situez", "Where you stand"],
  viewStandingIntro: [
    "Comparé à l'ensemble des demandeurs, sans les données d'aucun autre client en particulier.",
    "Compared with all applicants together, without any other client's own data.",
  ],
  viewStanding: [
    "{what} : plus élevé que pour {p}\u202f% des demandeurs.",
    "{what}: higher than for {p}% of applicants.",
  ],
  viewStandingLower: [
    "{what} : plus bas que pour {p}\u202f% des demandeurs.",
    "{what}: lower than for {p}% of applicants.",
  ],
  viewStandingHighest: ["{what} : le plus élevé des demandeurs.", "{what}: the highest of all applicants."],
  viewStandingLowest: ["{what} : le plus bas des demandeurs.", "{what}: the lowest of all applicants."],
  viewNotGiven: ["{what} : non renseigné.", "{what}: not given."],
  viewRightsTitle: ["Vos droits", "Your rights"],
  viewRights: [
    "Vous pouvez demander qu'une autre personne réexamine votre demande, nous donner votre point de vue, contester la décision et obtenir une copie de toutes vos données. Votre conseiller vous remet la lettre qui l'explique.",
    "You may ask for another person to review your application, give us your point of view, contest the decision and get a copy of all your data. Your advisor gives you the letter that explains how.",
  ],
  navMonitoring: ["Surveillance", "Monitoring"],
  monitoringTitle: ["Surveillance du modèle", "Watching the model"],
  monitoringIntro: [
    "Les nouvelles demandes ressemblent-elles encore à celles dont le modèle a appris ? Ses scores et ses refus ont-ils bougé ? Traite-t-il de la même façon les femmes et les hommes, les jeunes et les aînés ? Prédit-il aussi bien qu'annoncé, à mesure que les remboursements et les impayés sont connus ?",
    "Do new applications still look like those the model learned from? Have its scores and refusals moved? Does it treat women and men, young and old alike? Does it predict as well as stated, as repayments and defaults come in?",
  ],
  windowTitle: ["Quelles demandes comparer", "Which applications to compare"],
  windowSince: ["Faites ou modifiées depuis le", "Made or updated since"],
  windowUntil: ["Jusqu'au (exclu)", "Until (excluded)"],
  windowLast: ["Seulement les N dernières", "Only the last N"],
  datasetDrift: ["Les données ont changé.", "The data has changed."],
  noDatasetDrift: ["Pas de changement d'ensemble des données.", "No overall change in the data."],
  driftCount: [
    "{n} des {top} caractéristiques que le modèle utilise le plus ont changé ({share}) ; l'alerte est à {alarm}.",
    "{n} of the {top} features the model uses most have changed ({share}); the alarm is at {alarm}.",
  ],
  driftCountOne: [
    "{n} des {top} caractéristiques que le modèle utilise le plus a changé ({share}) ; l'alerte est à {alarm}.",
    "{n} of the {top} features the model uses most has changed ({share}); the alarm is at {alarm}.",
  ],
  driftCountNone: [
    "Aucune des {top} caractéristiques que le modèle utilise le plus n'a changé ; l'alerte est à {alarm}.",
    "None of the {top} features the model uses most has changed; the alarm is at {alarm}.",
  ],
  comparedClients: [
    "{now} nouvelles demandes comparées aux {before} clients d'apprentissage du modèle {run}.",
    "{now} new applications compared with the {before} training clients of model {run}.",
  ],
  comparedClientsOne: [
    "{now} nouvelle demande comparée aux {before} clients d'apprentissage du modèle {run}.",
    "{now} new application compared with the {before} training clients of model {run}.",
  ],
  scoresTitle: ["Les scores, à l'apprentissage et maintenant", "Scores, at training and now"],
  refusalRates: [
    "Part de refus : {now} maintenant, contre {before} à l'apprentissage (hors échantillon).",
    "Share refused: {now} now, against {before} at training (out of fold).",
  ],
  scoresMoved: ["La distribution des scores a changé (PSI {psi}).", "The scores' distribution has changed (PSI {psi})."],
  scoresStable: ["La distribution des scores est stable (PSI {psi}).", "The scores' distribution is stable (PSI {psi})."],
  driftTitle: ["Ce qui a changé, caractéristique par caractéristique", "What changed, feature by feature"],
  driftHelp: [
    "Les caractéristiques les plus utilisées par le modèle et toutes celles qui ont changé, les plus importantes pour la décision d'abord (changement × importance). Le PSI mesure l'écart entre hier et aujourd'hui : sous 0,10 stable, jusqu'à 0,25 modéré, au-delà important. Le test est celui d'Evidently : Kolmogorov–Smirnov, khi-deux ou test Z jusqu'à 1 000 demandes, distance de Wasserstein ou de Jensen–Shannon au-delà.",
    "The features the model uses most and every one that changed, those that matter most to the decision first (change × importance). The PSI measures the gap between then and now: below 0.10 stable, up to 0.25 moderate, above significant. The test is Evidently's: Kolmogorov–Smirnov, chi-squared or Z-test up to 1,000 applications, Wasserstein or Jensen–Shannon distance beyond.",
  ],
  showAllFeatures: ["Afficher les {n} caractéristiques", "Show the {n} features"],
  sortHint: ["Cliquez sur un titre de colonne pour trier.", "Click a column title to sort."],
  psiColumn: ["PSI (niveau)", "PSI (level)"],
  testColumn: ["Test et statistique", "Test and statistic"],
  driftedColumn: ["A changé", "Changed"],
  missingBefore: ["Non renseigné, avant", "Not given, before"],
  missingNow: ["Non renseigné, maintenant", "Not given, now"],
  stable: ["stable", "stable"],
  moderate: ["modéré", "moderate"],
  significant: ["important", "significant"],
  kolmogorov_smirnov: ["Kolmogorov–Smirnov", "Kolmogorov–Smirnov"],
  chi_squared: ["khi-deux", "chi-squared"],
  z_test: ["test Z", "Z-test"],
  wasserstein: ["Wasserstein", "Wasserstein"],
  jensen_shannon: ["Jensen–Shannon", "Jensen–Shannon"],
  yes: ["oui", "yes"],
  no: ["non", "no"],
  thenNowTitle: ["Une caractéristique, avant et maintenant", "One feature, then and now"],
  thenNowHelp: [
    "Choisissez une caractéristique qui a changé : la part des clients dans chaque tranche de valeurs, à l'apprentissage et maintenant. Les tranches sont les déciles des clients d'apprentissage, ou leurs valeurs.",
    "Choose a feature that changed: the share of clients in each range of values, at training and now. The ranges are the training clients' deciles, or their values.",
  ],
  thenNowLine: [
    "PSI {psi} ; non renseigné : {before} avant, {now} maintenant.",
    "PSI {psi}; not given: {before} before, {now} now.",
  ],
  thenNowLabel: ["{f} : part des clients par tranche, à l'apprentissage et maintenant", "{f}: share of clients by range, at training and now"],
  nothingDrifted: ["Aucune caractéristique n'a changé.", "No feature has changed."],
  atTraining: ["À l'apprentissage", "At training"],
  now: ["Maintenant", "Now"],
  valuesColumn: ["Valeurs", "Values"],
  otherValue: ["Autre valeur", "Other value"],
  allValues: ["Toutes les valeurs", "All values"],
  fairnessTitle: ["Équité des décisions", "Fairness of the decisions"],
  fairnessHelp: [
    "Pour chaque groupe : la part des demandes que le modèle accepterait, et son rapport à celle du groupe le plus accepté (impact disproportionné). Les bons clients refusés et les défaillants refusés ne se mesurent que sur les demandes dont l'issue est connue. Un chiffre demande au moins {n} clients : en dessous, « trop peu » plutôt que du bruit.",
    "For each group: the share of applications the model would grant, and its ratio to the most granted group's (disparate impact). Good clients refused and defaulters refused are measured only on the applications whose outcome is known. A figure needs at least {n} clients: below, “too few” rather than noise.",
  ],
  fourFifthsLimits: [
    "La règle des quatre cinquièmes (rapport d'au moins 0,8) est un signal de tri, pas un verdict : elle ignore si les groupes diffèrent par leur risque réel, et un petit groupe peut la franchir par hasard. Un rapport sous 0,8 demande qu'on examine les raisons, pas une conclusion automatique.",
    "The four-fifths rule (a ratio of at least 0.8) is a screening signal, not a verdict: it ignores whether the groups differ in their real risk, and a small group may cross it by chance. A ratio below 0.8 calls for a look at the reasons, not an automatic conclusion.",
  ],
  bySex: ["Par sexe", "By sex"],
  byAge: ["Par âge", "By age"],
  groupColumn: ["Groupe", "Group"],
  clientsColumn: ["Clients", "Clients"],
  approvedColumn: ["Acceptés", "Granted"],
  ratioColumn: ["Rapport au plus accepté", "Ratio to the most granted"],
  fourFifthsColumn: ["Quatre cinquièmes", "Four-fifths"],
  fourFifthsMet: ["respectée", "met"],
  fourFifthsNotMet: ["non respectée", "not met"],
  goodRefusedColumn: ["Bons clients refusés", "Good clients refused"],
  defaultersRefusedColumn: ["Défaillants refusés", "Defaulters refused"],
  approvedAtTraining: ["Acceptés à l'apprentissage", "Granted at training"],
  ratioAtTraining: ["Rapport à l'apprentissage", "Ratio at training"],
  tooFew: ["trop peu", "too few"],
  ageUnder25: ["moins de 25 ans", "under 25"],
  age25to34: ["25 à 34 ans", "25 to 34"],
  age35to49: ["35 à 49 ans", "35 to 49"],
  age50to64: ["50 à 64 ans", "50 to 64"],
  age65andOver: ["65 ans et plus", "65 and over"],
  qualityTitle: ["Qualité des prédictions", "Quality of the predictions"],
  noOutcomes: [
    "Aucune issue connue pour ces demandes : la qualité se mesurera quand les remboursements et les impayés seront enregistrés.",
    "No outcome known for these applications: the quality will be measured once repayments and defaults are recorded.",
  ],
  outcomesLine: [
    "Sur {n} demandes dont l'issue est connue, dont {d} impayés, à côté des chiffres annoncés à l'apprentissage.",
    "Over {n} applications whose outcome is known, {d} of them defaulted, beside the figures stated at training.",
  ],
  outcomesLineOne: [
    "Sur {n} demandes dont l'issue est connue, dont {d} impayé, à côté des chiffres annoncés à l'apprentissage.",
    "Over {n} applications whose outcome is known, {d} of them defaulted, beside the figures stated at training.",
  ],
  costPerClient: ["Coût métier par client", "Business cost per client"],
  calibrationError: ["Écart de calibration", "Calibration error"],
  qualityOverTime: ["Qualité par mois de demande", "Quality by month of application"],
  monthColumn: ["Mois", "Month"],
  clientNotPlaced: [
    "Ce client n'apparaît pas sur le nuage : l'une des deux valeurs n'est pas renseignée dans son dossier.",
    "This client is not on the plot: one of the two values is not given in their file.",
  ],
  // The scatter plot's colour scale: its title over its highest value.
  riskScaleTop: ["Risque de\ndéfaut\n{p}", "Risk of\ndefault\n{p}"],
  shareOfApplications: ["Part des demandes", "Share of applications"],
  outcomesColumn: ["Issues connues", "Outcomes known"],
  loading: ["Chargement…", "Loading…"],
  failedOffline: [
    "Le serveur ne répond pas : vérifiez la connexion, puis réessayez.",
    "The server does not answer: check the connection, then try again.",
  ],
  failedRequest: ["La demande n'a pas pu être lue.", "The request could not be read."],
  failedSession: ["Votre session a pris fin : reconnectez-vous.", "Your session ended: please log in again."],
  failedForbidden: ["Votre rôle ne permet pas de voir ou de faire ceci.", "Your role does not allow you to see or do this."],
  failedNotFound: ["Introuvable : ce client ou cette page n'existe pas.", "Not found: this client or page does not exist."],
  failedConflict: ["Impossible dans l'état actuel du dossier.", "Not possible in the file's current state."],
  failedTooLarge: ["La demande est trop volumineuse.", "The request is too large."],
  failedInvalid: [
    "Une valeur n'est pas acceptée : les détails disent laquelle.",
    "A value is not accepted: the details say which.",
  ],
  failedBusy: ["Trop de demandes à la fois : réessayez dans un instant.", "Too many requests at once: try again in a moment."],
  failedServer: [
    "Le serveur a rencontré un problème : réessayez, ou signalez-le avec les détails.",
    "The server ran into a problem: try again, or report it with the details.",
  ],
  details: ["Détails", "Details"],
  emptyWindow: [
    "Aucune demande nouvelle dans cette période : rien à comparer. Élargissez la période.",
    "No new application in this window: nothing to compare. Widen the window.",
  ],
  notFound: ["Client introuvable.", "Client not found."],
} as const;

export type TextKey = keyof typeof texts;

let language: Language = localStorage.getItem("language") === "en" ? "en" : "fr";
const listeners: Array<() => void> = [];

export function currentLanguage(): Language {
  return language;
}

export function setLanguage(next: Language): void {
  language = next;
  localStorage.setItem("language", next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener());
}

export function onLanguageChange(listener: () => void): void {
  listeners.push(listener);
}

// The text in the current language, with {name} replaced by params[name].
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const text: string = texts[key][language === "fr" ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

// The sentence `key` agreeing with the count `n`: its "None" form for none, where it has one, and
// its "One" form where the language takes the singular (French below 2: « 0 impayé »,
// « 1,5 point »; English for exactly 1).
export function tCount(key: TextKey, n: number, params: Record<string, string | number> = {}): string {
  const form = (suffix: string) => (`${key}${suffix}` in texts ? (`${key}${suffix}` as TextKey) : null);
  const singular = language === "fr" ? Math.abs(n) < 2 : Math.abs(n) === 1;
  return t((n === 0 && form("None")) || (singular && form("One")) || key, params);
}

// A label given by the API in both languages.
export function label(item: { label_fr: string; label_en: string }): string {
  return language === "fr" ? item.label_fr : item.label_en;
}

// The label where no value is shown in days, or where it is shown in years: without the
// "(days, negative)" that says how the tables count ("Âge", not « Âge (jours, négatif) »).
export function labelWithoutDays(item: { label_fr: string; label_en: string }): string {
  return label(item).replace(/\s*\((jours|days)[^)]*\)/, "");
}
