// Every string the reader sees, in French, in one place.
import type { DefaultTheme } from 'vitepress'

export const fr = {
  outline: { label: 'Sur cette page', level: [2, 3] as [number, number] },
  docFooter: { prev: 'Page précédente', next: 'Page suivante' },
  returnToTopLabel: 'Retour en haut',
  sidebarMenuLabel: 'Menu',
  darkModeSwitchLabel: 'Apparence',
  lightModeSwitchTitle: 'Passer au thème clair',
  darkModeSwitchTitle: 'Passer au thème sombre',
  skipToContentLabel: 'Aller au contenu',
  langMenuLabel: 'Changer de langue',
  externalLinkIcon: true,
  lastUpdated: {
    text: 'Dernière mise à jour',
    formatOptions: { dateStyle: 'long', timeStyle: undefined, forceLocale: true },
  },
  notFound: {
    title: 'Page introuvable',
    quote: 'Cette adresse ne correspond à aucune page du manuel. Elle a peut-être changé, ou le lien est erroné.',
    linkLabel: 'Retour à l’accueil',
    linkText: 'Retour à l’accueil',
    code: '404',
  },
  search: {
    provider: 'local',
    options: {
      translations: {
        button: { buttonText: 'Rechercher', buttonAriaLabel: 'Rechercher' },
        modal: {
          displayDetails: 'Afficher la liste détaillée',
          resetButtonTitle: 'Effacer la recherche',
          backButtonTitle: 'Fermer la recherche',
          noResultsText: 'Aucun résultat pour',
          footer: {
            selectText: 'ouvrir',
            selectKeyAriaLabel: 'Entrée',
            navigateText: 'naviguer',
            navigateUpKeyAriaLabel: 'flèche haut',
            navigateDownKeyAriaLabel: 'flèche bas',
            closeText: 'fermer',
            closeKeyAriaLabel: 'Échap',
          },
        },
      },
    },
  },
} satisfies Partial<DefaultTheme.Config>
