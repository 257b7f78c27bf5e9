import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { chosenFormat, jsonFlag, outputFlag } from '../cli/flags.js';
import { ExitCode, UserError } from '../errors.js';
import { SEVERITIES, type Severity } from '../engine/result.js';
import { writeCiFiles } from '../gate/ci-files.js';
import { evaluateGate } from '../gate/evaluate.js';
import { readGateInput } from '../gate/inputs.js';
import { githubAnnotations } from '../gate/output/annotations.js';
import { GATE_OUTPUTS, GATE_OUTPUT_FORMATS } from '../gate/output/index.js';
import { brokenChecks } from '../gate/verdict.js';

export default class Gate extends BaseCommand {
  static override description = 'Compare an audit result with a baseline and hold it to a budget file; exit 1 when a budget is broken.';

  static override exitCodes = [ExitCode.ok, ExitCode.gateFailed, ExitCode.usage, ExitCode.internal];

  static override examples = [
    '<%= config.bin %> gate --current audit.json --baseline main-audit.json --budget mlcost.budget.yaml',
    '<%= config.bin %> gate --current audit.json --baseline main-audit.json --fail-on-new high',
    '<%= config.bin %> gate --current audit.json --budget mlcost.budget.yaml --summary gate.md --junit gate.xml',
    '<%= config.bin %> gate --current audit.json --budget mlcost.budget.yaml --spend spend.json',
    '<%= config.bin %> gate --current audit.json --baseline main-audit.json --json > verdict.json',
  ];

  static override flags = {
    // Checked in run(), not with `required`: oclif's missing-flag message spans lines the base command cuts to one.
    current: Flags.string({ description: 'Audit result to check (`mlcost audit --output json`); required.' }),
    baseline: Flags.string({ description: 'Audit result to compare against, e.g. the last one from the main branch.' }),
    budget: Flags.string({ description: 'Budget file (default: ./mlcost.budget.yaml when present).' }),
    spend: Flags.string({ description: "Spend report (`mlcost spend --output json`) the budget's spend limits apply to." }),
    'fail-on-new': Flags.string({
      description: 'Fail when a finding at or above this severity is new against the baseline (overrides the budget file).',
      options: [...SEVERITIES],
    }),
    summary: Flags.string({ description: 'Also write the Markdown summary to this file (e.g. for a PR comment).' }),
    junit: Flags.string({ description: 'Also write a JUnit XML report, one test case per budget.' }),
    output: outputFlag(GATE_OUTPUT_FORMATS, 'text', 'Output format on stdout.'),
    json: jsonFlag,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Gate);
    if (flags.current === undefined) {
      throw new UserError('missing --current FILE: the audit result to check (write it with `mlcost audit --output json > audit.json`)');
    }
    const input = await readGateInput(
      {
        current: flags.current,
        ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
        ...(flags.budget !== undefined ? { budget: flags.budget } : {}),
        ...(flags.spend !== undefined ? { spend: flags.spend } : {}),
        ...(flags['fail-on-new'] !== undefined ? { failOnNew: flags['fail-on-new'] as Severity } : {}),
      },
      new Date(),
    );
    const verdict = evaluateGate(input);
    if (input.spend && !input.budget?.loaded.budget.spend) {
      this.stderr.warn(`mlcost: warning: ${input.spend.file} is not checked: the budget has no \`spend\` limits`);
    }
    await this.emit(GATE_OUTPUTS[chosenFormat(flags)](verdict));
    await writeCiFiles(verdict, {
      ...(flags.summary !== undefined ? { summary: flags.summary } : {}),
      ...(flags.junit !== undefined ? { junit: flags.junit } : {}),
      ...(process.env['GITHUB_STEP_SUMMARY'] ? { githubStepSummary: process.env['GITHUB_STEP_SUMMARY'] } : {}),
    });
    // The runner reads workflow commands from stderr too; stdout stays the requested output (e.g. JSON).
    for (const line of githubAnnotations(verdict, process.env)) this.stderr.workflowCommand(line);
    const broken = brokenChecks(verdict);
    if (broken.length) {
      this.stderr.warn(`mlcost: gate failed: ${broken.length} budget(s) broken: ${broken.map((c) => c.id).join(', ')}`);
      this.exit(ExitCode.gateFailed);
    }
  }
}
