// Runs Lighthouse for a list of jobs in one Node process and one Chromium, one job at a time (make bench).
// Reusing the browser saves Lighthouse's start-up per page (several seconds each on two cores).
// Usage: node lighthouse.mjs jobs.json results.json  (jobs: [{url, formFactor}], flags from $LH_CHROME_FLAGS)
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [jobsFile, resultsFile] = process.argv.slice(2);
const jobs = JSON.parse(fs.readFileSync(jobsFile, "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: (process.env.LH_CHROME_FLAGS || "--headless=new").split(" "),
});
const results = [];

// Only what bench/lighthouse.py reads: a full report is about a megabyte.
function slim(lhr) {
  const audits = {};
  for (const [id, a] of Object.entries(lhr.audits)) {
    audits[id] = { score: a.score, displayValue: a.displayValue, numericValue: a.numericValue };
  }
  const categories = {};
  for (const [id, c] of Object.entries(lhr.categories)) {
    categories[id] = { score: c.score, auditRefs: c.auditRefs.map((r) => ({ id: r.id, weight: r.weight })) };
  }
  return { categories, audits, runtimeError: lhr.runtimeError };
}
try {
  for (const job of jobs) {
    const flags = { port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      disableFullPageScreenshot: true };
    try {
      const run = await lighthouse(job.url, flags, job.formFactor === "desktop" ? desktopConfig : undefined);
      results.push({ ...job, report: slim(run.lhr) });
    } catch (error) {
      results.push({ ...job, error: String(error) });
    }
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(resultsFile, JSON.stringify(results));
