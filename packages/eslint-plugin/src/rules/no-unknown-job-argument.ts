/**
 * HFJ206: a launch passes a field its surface ignores.
 * - `hf_jobs` tool calls: any key the server does not read for the operation is dropped silently (core's launch
 *   policy decides it, as in Python files); known renames (`dependencies` -> `with_deps`) are safe fixes.
 * - `runJob` / `createScheduledJob` / REST bodies: names carried over from the Python API or the tool call
 *   (`env`, `image`, `timeout`, `script`, ...) are not job fields (huggingface.js packages/hub
 *   src/types/api/api-jobs.ts `CreateJobOptions`). `env` -> `environment` and `image` -> `dockerImage` are
 *   offered as suggestions: the rename makes the values reach the job, which changes what it runs with.
 * - `createScheduledJob`: job fields written next to `jobSpec` instead of inside it, and `jobSpec.arguments`,
 *   which `createScheduledJob` does not send.
 * Only these known-wrong names are reported for the library and REST, so newer fields are never flagged.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { findProperty, namedProperties, propertyValue, resolveObject } from "../ast.js";
import { catalogMeta, createRule } from "../create-rule.js";
import { reportSandboxToolFindings } from "../launch/sandbox-tools.js";
import { getLaunch, type Launch } from "../launch/detect.js";
import { labelOf } from "../launch/policy.js";
import { renameKeyEdit } from "../launch/edits.js";
import { isCredentialKey } from "../settings.js";
import { FORWARDED_MESSAGES, report, reportInlineScriptFindings, reportLaunchFindings } from "../report.js";

const meta = catalogMeta("HFJ206");

/** Names that are surely not `@huggingface/hub`/REST job fields, with the field meant when that is certain. */
const NOT_JOB_FIELDS: ReadonlyMap<string, string | null> = new Map([
  ["env", "environment"],
  ["image", "dockerImage"],
  ["docker_image", null],
  ["space_id", null],
  ["timeout", null],
  ["timeout_seconds", null],
  ["script", null],
  ["script_args", null],
  ["dependencies", null],
  ["with_deps", null],
  ["python", null],
  ["token", null],
  ["detach", null],
]);

/** Job fields that `createScheduledJob` reads from `jobSpec` only. */
const JOB_SPEC_FIELDS = new Set(["dockerImage", "spaceId", "command", "environment", "secrets", "flavor", "arch", "timeoutSeconds", "attempts", "labels"]);

export default createRule({
  name: meta.name,
  meta: {
    ...meta.eslint,
    messages: {
      notJobField: "`{{key}}` is not a job field of {{surface}} and is ignored{{hint}}",
      outsideJobSpec: "`{{key}}` belongs inside `jobSpec`: `createScheduledJob` ignores it here",
      argumentsInSchedule: "`createScheduledJob` does not send `jobSpec.arguments`; put the arguments in `command`",
      rename: "Rename `{{from}}` to `{{to}}`",
      ...FORWARDED_MESSAGES,
    },
  },
  create(context) {
    function checkJobFields(launch: Exclude<Launch, { kind: "argv" }>, fields: TSESTree.ObjectExpression | null, offerRename = true): void {
      if (!fields) return;
      const present = new Set(namedProperties(fields).map((entry) => entry.name));
      for (const { name, property } of namedProperties(fields)) {
        if (!NOT_JOB_FIELDS.has(name)) continue;
        const to = NOT_JOB_FIELDS.get(name) ?? null;
        // `env` holding a token would move into the stored environment: HFJ201 must look at it first.
        const holdsToken =
          name === "env" &&
          namedProperties(resolveObject(context, propertyValue(property)) ?? ({ properties: [] } as unknown as TSESTree.ObjectExpression)).some((entry) =>
            isCredentialKey(context, entry.name),
          );
        const edit = offerRename && to && !present.has(to) && !holdsToken ? renameKeyEdit(context, property, to) : null;
        report(context, meta.rule, {
          node: property.key,
          messageId: "notJobField",
          data: { key: name, surface: labelOf(launch), hint: to && offerRename ? `; the field is \`${to}\`` : "" },
          proposal: edit ? { applicability: "unsafe", messageId: "rename", data: { from: name, to: to! }, edits: [edit] } : null,
        });
      }
    }

    return {
      CallExpression(node) {
        reportSandboxToolFindings(context, meta.rule, node);
        const launch = getLaunch(context, node);
        if (!launch) return;
        if (launch.kind === "tool") {
          reportLaunchFindings(context, meta.rule, launch);
          reportInlineScriptFindings(context, meta.rule, launch);
          return;
        }
        if (launch.kind === "rest") checkJobFields(launch, launch.spec);
        if (launch.kind !== "hub") return;
        if (launch.fn === "runJob") checkJobFields(launch, launch.options);
        if (launch.fn === "createScheduledJob" && launch.options) {
          for (const { name, property } of namedProperties(launch.options)) {
            if (JOB_SPEC_FIELDS.has(name)) report(context, meta.rule, { node: property.key, messageId: "outsideJobSpec", data: { key: name } });
          }
          // Next to `jobSpec` even the right name would be ignored: report without a rename.
          checkJobFields(launch, launch.options, false);
          checkJobFields(launch, launch.spec);
          const args = findProperty(launch.spec, "arguments");
          if (args) report(context, meta.rule, { node: args.key, messageId: "argumentsInSchedule" });
        }
      },
    };
  },
});
