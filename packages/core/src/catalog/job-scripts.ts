/** Shared docs text: what the script rules (HFJ301, and the script sides of HFJ103 and HFJ104) call a job script. */
export const JOB_SCRIPT_DEFINITION =
  "A file is a job script only when something says so, and the finding names that evidence (a `note:` line, a SARIF related location, `hf-jobs-lint scope`): " +
  "a PEP 723 `# /// script` header (the form `hf jobs uv run` runs); a launch, CI step, shell line or doc in the checked files that runs it " +
  '(`hf jobs uv run scripts/train.py`, `run_uv_job("train.py")`, a tool call\'s `script`, a Hub or GitHub URL of the file); usage text in the file ' +
  "itself that runs it with `hf jobs`; a `job-scripts` glob in the configuration; or the inline script of a launch. " +
  "A file that launches jobs is a launcher, not a job script. Library modules, tests and tools nothing runs as a job are not judged: " +
  "when only part of a repository is checked, the launches outside it are not seen, so name such scripts in `job-scripts`.";
