// Attacker HTML of every class the sanitizer must neutralise (issue #13). Each
// payload, if it ever ran, would leave a trace: in Node (during `npm run
// build`) it writes the marker file; in the browser it sets `window.__pwned`
// and the document title. Visible words around each payload must survive.

export interface Attack {
  /** Class name, for the report: `script`, `on-handler`, `javascript-url`… */
  kind: string
  /** Markdown to insert in a page. */
  markdown: string
}

/** The payloads, for a marker file path. */
export function attacks(marker: string): Attack[] {
  const node = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`
  const js = `window.__pwned=1;document.title='pwned'`
  const both = `${js};try{${node}}catch(e){}`
  const attr = both.replace(/"/g, '&quot;')
  return [
    { kind: 'script', markdown: `<script>\n${both}\n</script>` },
    { kind: 'script-module', markdown: `<script type="module">\n${both}\n</script>` },
    { kind: 'script-setup', markdown: `<script setup>\n${both}\n</script>` },
    { kind: 'script-inline', markdown: `Texte <script>${both}</script> autour.` },
    { kind: 'style', markdown: `<style>\nmain { display: none }\n</style>` },
    { kind: 'link', markdown: `<link rel="stylesheet" href="https://evil.example/x.css">` },
    { kind: 'meta-refresh', markdown: `<meta http-equiv="refresh" content="0; url=https://evil.example/">` },
    { kind: 'base', markdown: `<base href="https://evil.example/">` },
    { kind: 'iframe', markdown: `<iframe src="javascript:${attr}"></iframe>` },
    { kind: 'object', markdown: `<object data="javascript:${attr}">objet</object>` },
    { kind: 'embed', markdown: `<embed src="javascript:${attr}">` },
    { kind: 'form', markdown: `<form action="https://evil.example/"><input name="q" value="valeur"><textarea>zone</textarea><select><option>choix</option></select><button>Envoyer</button></form>` },
    { kind: 'on-handler', markdown: `<img src="x" onerror="${attr}" alt="image">` },
    { kind: 'on-handler-details', markdown: `<details open ontoggle="${attr}"><summary>Résumé piégé</summary>\n\nContenu piégé.\n\n</details>` },
    { kind: 'style-attr', markdown: `<p style="position:fixed;inset:0;background:red">Paragraphe stylé.</p>` },
    { kind: 'v-html', markdown: `<div v-html="'<img src=x onerror=${js}>'">enfant</div>` },
    { kind: 'v-bind', markdown: `<p :title="constructor.constructor(&quot;${node.replace(/"/g, '\\x22')}&quot;)()">Lié.</p>` },
    { kind: 'v-on', markdown: `<button @click="${attr}">Bouton Vue</button>` },
    { kind: 'v-slot', markdown: `<template #x>Gabarit.</template>` },
    { kind: 'v-if', markdown: `<p v-if="constructor.constructor(&quot;${node.replace(/"/g, '\\x22')}&quot;)()">Condition.</p>` },
    { kind: 'mustache', markdown: `Moustache {{ constructor.constructor("${node.replace(/"/g, '\\x22')}")() }} fin.` },
    { kind: 'javascript-url', markdown: `<a href="javascript:${attr}">lien piégé</a>` },
    { kind: 'vbscript-url', markdown: `<a href="vbscript:msgbox(1)">lien vbscript</a>` },
    // `<` and `>` percent-encoded: the browser decodes them, and a `>` inside an
    // attribute would make the word check read the payload as prose.
    { kind: 'data-url', markdown: `<a href="data:text/html,%3Cscript%3E${encodeURI(js)}%3C/script%3E">lien data</a>` },
    { kind: 'markdown-link', markdown: `[lien markdown](javascript:${encodeURI(js)})` },
    { kind: 'markdown-image', markdown: `![image piégée](javascript:${encodeURI(js)})` },
    { kind: 'embed-tag', markdown: `{% embed url="javascript:${attr}" %}\nLégende intégrée.\n{% endembed %}` },
    { kind: 'content-ref', markdown: `{% content-ref url="javascript:${attr}" %}\n[cible](javascript:${encodeURI(js)})\n{% endcontent-ref %}` },
    { kind: 'button', markdown: `<a href="javascript:${attr}" class="button primary">Bouton piégé</a>` },
    { kind: 'mention', markdown: `<a href="javascript:${attr}" data-mention>mention piégée</a>` },
  ]
}

/** A SUMMARY.md entry that would run code from the sidebar of every page. */
export function summaryAttack(): string {
  return `* [Entrée piégée](javascript:window.__pwned=1;document.title='pwned')`
}
