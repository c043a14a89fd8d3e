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
  searchLabel: ["Numéro du client (SK_ID_CURR)", "Client number (SK_ID_CURR)"],
  searchButton: ["Rechercher", "Search"],
  recent: ["Clients consultés récemment", "Recently viewed clients"],
  noRecent: ["Aucun client consulté pour l'instant.", "No client viewed yet."],
  results: ["Résultats", "Results"],
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
  aboveThreshold: [
    "La probabilité de défaut ({p}) dépasse le seuil ({t}) de {d} points : le crédit est refusé.",
    "The probability of default ({p}) is {d} points above the threshold ({t}): the credit is refused.",
  ],
  whyTitle: ["Pourquoi ce score ?", "Why this score?"],
  whyIntro: [
    "Un client moyen a une probabilité de défaut de {b}. Chaque facteur ci-dessous l'augmente ou la réduit, en points ; ensemble ils donnent {p}.",
    "An average client has a probability of default of {b}. Each factor below raises or lowers it, in points; together they give {p}.",
  ],
  towardsRefusal: ["Ce qui augmente le risque", "What raises the risk"],
  towardsAcceptance: ["Ce qui réduit le risque", "What lowers the risk"],
  none: ["Aucun.", "None."],
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
  groupSize: ["{n} clients dans le groupe.", "{n} clients in the group."],
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
  distance: ["Distance", "Distance"],
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
  saved: ["Nouvelle demande enregistrée : client {id}.", "New application saved: client {id}."],
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
  costRule: [
    "Accorder un crédit qui fait défaut coûte {r} fois plus que refuser un bon client ; le seuil minimise ce coût.",
    "Granting a credit that defaults costs {r} times more than refusing a good client; the threshold minimises that cost.",
  ],
  rocTitle: ["Courbe ROC", "ROC curve"],
  falsePositiveRate: ["Taux de faux positifs", "False positive rate"],
  truePositiveRate: ["Taux de vrais positifs", "True positive rate"],
  costTitle: ["Coût selon le seuil", "Cost by threshold"],
  importanceTitle: ["Les caractéristiques qui comptent le plus", "The features that matter most"],
  importance: ["Importance (|SHAP| moyen)", "Importance (mean |SHAP|)"],
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
  viewNotGiven: ["{what} : non renseigné.", "{what}: not given."],
  viewRightsTitle: ["Vos droits", "Your rights"],
  viewRights: [
    "Vous pouvez demander qu'une autre personne réexamine votre demande, nous donner votre point de vue, contester la décision et obtenir une copie de toutes vos données. Votre conseiller vous remet la lettre qui l'explique.",
    "You may ask for another person to review your application, give us your point of view, contest the decision and get a copy of all your data. Your advisor gives you the letter that explains how.",
  ],
  loading: ["Chargement…", "Loading…"],
  error: ["Erreur : {m}", "Error: {m}"],
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

// A label given by the API in both languages.
export function label(item: { label_fr: string; label_en: string }): string {
  return language === "fr" ? item.label_fr : item.label_en;
}

// The label where no value is shown in days, or where it is shown in years: without the
// "(days, negative)" that says how the tables count ("Âge", not « Âge (jours, négatif) »).
export function labelWithoutDays(item: { label_fr: string; label_en: string }): string {
  return label(item).replace(/\s*\((jours|days)[^)]*\)/, "");
}
