/**
 * .github/workflows/mlcost.yml: the CI gate of docs/ci-gate.md (audit with a read-only role over
 * OIDC, gate against the last main-branch result, comment on the PR) whose Monday run is also the
 * weekly report (the HTML report kept as an artifact). The role ARN stays a repository variable.
 */
export function workflowText(region: string): string {
  return `# Written by \`mlcost init\`: the CI gate (docs/ci-gate.md) and the weekly report (docs/reports.md).
# Set the repository variable MLCOST_ROLE_ARN to a role with the policy from \`mlcost permissions\`.
name: mlcost
on:
  push:
    branches: [main]
  pull_request:
  schedule:
    - cron: "0 6 * * 1"          # every Monday, 06:00 UTC: the weekly report
  workflow_dispatch: {}

permissions:
  id-token: write                # OIDC token for the AWS role
  contents: read
  actions: read                  # download the main-branch artifact
  pull-requests: write           # comment on the PR

jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4          # for mlcost.budget.yaml and mlcost.config.yaml
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --global mlcost

      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ vars.MLCOST_ROLE_ARN }}
          aws-region: ${region}

      - name: Audit
        run: mlcost audit --output json --out audit.json

      - name: Weekly report
        run: mlcost report audit.json --format html --out mlcost-report.html

      - uses: actions/upload-artifact@v4
        with:
          name: mlcost-audit
          path: |
            audit.json
            mlcost-report.html
          retention-days: 90

      - name: Download the last main-branch audit
        if: github.ref != 'refs/heads/main'
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          run_id=$(gh run list --repo "$GITHUB_REPOSITORY" --workflow mlcost.yml --branch main \\
            --status success --limit 1 --json databaseId --jq '.[0].databaseId // empty')
          if [ -n "$run_id" ]; then
            gh run download "$run_id" --repo "$GITHUB_REPOSITORY" --name mlcost-audit --dir baseline
          else
            echo "no main-branch audit yet: gating without a baseline"
          fi

      - name: Gate
        id: gate
        continue-on-error: true      # comment on the PR first, fail the job below
        run: |
          args=(--current audit.json --summary gate.md --junit gate.xml)
          [ -f baseline/audit.json ] && args+=(--baseline baseline/audit.json)
          [ -f mlcost.budget.yaml ] && args+=(--budget mlcost.budget.yaml)
          mlcost gate "\${args[@]}"

      - name: Comment on the pull request
        if: github.event_name == 'pull_request' && always() && hashFiles('gate.md') != ''
        env:
          GH_TOKEN: \${{ github.token }}
        run: gh pr comment "\${{ github.event.pull_request.number }}" --repo "$GITHUB_REPOSITORY" --body-file gate.md --edit-last --create-if-none

      - name: Fail on a broken budget
        if: steps.gate.outcome == 'failure'
        run: exit 1
`;
}
