// What every French public site shows and the ministry must write itself: the
// publisher, the accessibility status, the legal pages. The header, the footer
// and the pages « Déclaration d'accessibilité », « Mentions légales »,
// « Données personnelles » read it from here. Every text the ministry has to
// provide is a PLACEHOLDER, shown as such on the site until replaced.

/** Marks a text the publisher must write; the pages show it highlighted. */
export const PLACEHOLDER = 'À compléter'
const todo = (what: string) => `[${PLACEHOLDER} : ${what}]`

/** RGAA status, as the law names it (décret 2019-768, art. 7). */
export type Conformity = 'non' | 'partiellement' | 'totalement'

export interface PublicSite {
  /** Name of the service shown next to the Marianne block. */
  service: string
  /** One line under the service name. */
  tagline: string
  /** The ministry, as written under « République française ». */
  ministry: string
  /** The department that publishes the site. */
  publisher: string
  accessibility: {
    status: Conformity
    /** Percentage of RGAA criteria met, once audited. */
    rate?: string
    auditDate: string
    auditor: string
    nonCompliant: string[]
    contact: string
  }
  legal: {
    director: string
    host: string
  }
  privacy: {
    /** The site sets no cookie and measures nothing: say so, or change it. */
    tracking: string
    dpo: string
  }
}

export const publicSite: PublicSite = {
  service: 'Ressources DNUM',
  tagline: 'Le manuel produit de la direction du numérique',
  ministry: todo('nom du ministère'),
  publisher: 'Direction du numérique (DNUM)',
  accessibility: {
    // No audit yet: the law says « non conforme » until one is published.
    status: 'non',
    auditDate: todo('date de l’audit RGAA'),
    auditor: todo('organisme ou personne ayant réalisé l’audit'),
    nonCompliant: [todo('liste des non-conformités relevées par l’audit')],
    contact: todo('adresse électronique ou formulaire pour signaler un défaut d’accessibilité'),
  },
  legal: {
    director: todo('directeur ou directrice de la publication'),
    host: todo('hébergeur : nom, adresse, téléphone'),
  },
  privacy: {
    tracking:
      'Ce site ne dépose aucun cookie, ne contient aucun traceur et ne fait appel à aucun service extérieur : les pages, polices et scripts sont servis par le même serveur.',
    dpo: todo('contact du délégué ou de la déléguée à la protection des données'),
  },
}

/** Routes of the pages, under the base. */
export const PUBLIC_ROUTES = {
  accessibility: 'accessibilite',
  legal: 'mentions-legales',
  privacy: 'donnees-personnelles',
  sitemap: 'plan-du-site',
} as const

export const conformityLabel = (s: Conformity) => `Accessibilité : ${s === 'non' ? 'non' : s} conforme`

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A configured text as HTML; the placeholders stand out until written. */
function text(s: string): string {
  return esc(s).replace(/\[À compléter : [^\]]*\]/g, (m) => `<mark class="gb-placeholder">${m}</mark>`)
}

export interface StaticPage {
  route: string
  title: string
  /** The content, as the page's `.vp-doc` holds it. */
  html: string
}

/** « Déclaration d'accessibilité », on the model the law requires (arrêté du 20 septembre 2019). */
export function accessibilityPage(site: PublicSite = publicSite): StaticPage {
  const a = site.accessibility
  return {
    route: PUBLIC_ROUTES.accessibility,
    title: 'Déclaration d’accessibilité',
    html: `<h1 id="declaration-d-accessibilite" tabindex="-1">Déclaration d’accessibilité</h1>
<p>${text(site.publisher)} s’engage à rendre son site internet accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
<p>Cette déclaration d’accessibilité s’applique au site « ${text(site.service)} ».</p>
<h2 id="etat-de-conformite">État de conformité</h2>
<p>Le site « ${text(site.service)} » est <strong>${a.status === 'non' ? 'non' : a.status} conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1${a.rate ? `, avec ${text(a.rate)} des critères respectés` : ''}.</p>
<h2 id="resultats-des-tests">Résultats des tests</h2>
<p>Audit réalisé le ${text(a.auditDate)} par ${text(a.auditor)}.</p>
<h2 id="contenus-non-accessibles">Contenus non accessibles</h2>
<ul>${a.nonCompliant.map((n) => `<li>${text(n)}</li>`).join('')}</ul>
<h2 id="retour-d-information-et-contact">Retour d’information et contact</h2>
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme : ${text(a.contact)}.</p>
<h2 id="voies-de-recours">Voies de recours</h2>
<p>Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou une fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits : par écrit (Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07), par téléphone au 09 69 39 00 00, ou auprès d’un délégué du Défenseur des droits dans votre région.</p>`,
  }
}

export function legalPage(site: PublicSite = publicSite): StaticPage {
  return {
    route: PUBLIC_ROUTES.legal,
    title: 'Mentions légales',
    html: `<h1 id="mentions-legales" tabindex="-1">Mentions légales</h1>
<h2 id="editeur">Éditeur</h2>
<p>${text(site.ministry)} — ${text(site.publisher)}.</p>
<h2 id="directeur-de-la-publication">Directeur ou directrice de la publication</h2>
<p>${text(site.legal.director)}</p>
<h2 id="hebergement">Hébergement</h2>
<p>${text(site.legal.host)}</p>
<h2 id="accessibilite">Accessibilité</h2>
<p>La conformité aux normes d’accessibilité numérique est un objectif. Voir la <a href="./${PUBLIC_ROUTES.accessibility}">déclaration d’accessibilité</a>.</p>
<h2 id="reutilisation">Réutilisation des contenus</h2>
<p>Sauf mention contraire, les contenus de ce site sont publiés sous la Licence Ouverte / Open Licence version 2.0 (Etalab).</p>`,
  }
}

export function privacyPage(site: PublicSite = publicSite): StaticPage {
  return {
    route: PUBLIC_ROUTES.privacy,
    title: 'Données personnelles',
    html: `<h1 id="donnees-personnelles" tabindex="-1">Données personnelles</h1>
<h2 id="cookies-et-mesure-d-audience">Cookies et mesure d’audience</h2>
<p>${text(site.privacy.tracking)}</p>
<p>Votre choix de thème clair ou sombre est gardé dans votre navigateur (stockage local), sans être transmis.</p>
<h2 id="vos-droits">Vos droits</h2>
<p>Vous disposez d’un droit d’accès, de rectification et d’effacement des données vous concernant (règlement général sur la protection des données). Pour les exercer : ${text(site.privacy.dpo)}.</p>`,
  }
}
