// Before sveltia-cms.js: Motverka starts the editor itself (motverka.js), once its own file formats are known.
window.CMS_MANUAL_INIT = true;

// Swedish interface unless the person chose another language in the editor's settings. Set here, before
// sveltia-cms.js reads its settings: set later, the first visit would open in the browser's language.
try {
  const prefs = JSON.parse(localStorage.getItem('sveltia-cms.prefs') || '{}') || {};
  if (!prefs.locale) localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ ...prefs, locale: 'sv' }));
} catch {
  // Storage turned off: the browser's language decides.
}
