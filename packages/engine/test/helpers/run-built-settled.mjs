// Runs the built engine outside the test runner (whose `--conditions source` a worker thread would inherit, and then
// load TypeScript sources it cannot run). Argument: JSON { files: CheckTarget[], run: names, ahead: names, settings,
// pauseMs, jobScripts, unsettled }. Sends `ahead` to the prestarted worker with `settings`, waits `pauseMs` (its
// answers then come before a pool takes it), then checks `run` with `settings` and the job-script index `jobScripts`
// (by name; default: the one sent), with scan verdicts that settle every file but those named `unsettled` as if its
// text held nothing: a settled file the pool triaged itself comes out empty. Prints { name: codes, or the per-file
// error } as JSON.
import { checkFiles, prestartWorker, ScanVerdicts, sendAhead } from "../../dist/index.js";

const { files, run, ahead, settings: sent, pauseMs, jobScripts, unsettled = [] } = JSON.parse(process.argv[2]);
const byName = new Map(files.map((file) => [file.filename, file]));
const targets = run.map((name) => byName.get(name));
prestartWorker();
prestartWorker(targets);
for (const name of ahead) sendAhead(byName.get(name), "", sent);
if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
const settings = jobScripts ? { ...sent, jobScripts: Object.fromEntries(Object.entries(jobScripts).map(([name, evidence]) => [byName.get(name).path, evidence])) } : sent;
const verdicts = new ScanVerdicts(targets, () => ({ key: "", settings }));
targets.forEach((target, index) => unsettled.includes(target.filename) || verdicts.note(index, "nothing here\n"));
const reported = {};
await checkFiles(targets, settings, {
  threads: 1,
  verdicts,
  onOutcome: (_index, outcome) => (reported[outcome.filename] = outcome.error ? [outcome.error] : outcome.diagnostics.map((diagnostic) => diagnostic.code)),
});
process.stdout.write(JSON.stringify(reported));
