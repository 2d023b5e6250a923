// Before sveltia-cms.js: Motverka starts the editor itself (motverka.js), once its own file formats are known.
window.CMS_MANUAL_INIT = true;
