#!/usr/bin/env python3
"""Lints the IAM policies in docs/iam/ so the README's policies cannot drift.

Permission policies go through the parliament linter (AWS's service authorization reference:
known actions, and resource ARNs of the types each action takes); any finding fails.
Trust policies (files named *-trust*.json) have no Resource element and may name an OIDC
provider, which parliament 1.6 neither expects nor knows; those two findings are set aside for
them, and the trust-specific rules are checked here instead.

Beyond parliament: the permission policies together grant exactly the actions the tool calls,
each with the resource scope documented in the README, and nothing else; and every statement the
README's IAM section shows is one of the files' statements, word for word.

Usage: scripts/lint-iam-policies.py [DIRECTORY [README]]   (default: docs/iam and README.md of the repository)
Exit status: 0 clean, 1 findings, 2 parliament missing.
"""
import json
import re
import sys
from pathlib import Path

try:
    import parliament
except ImportError:
    print("lint-iam-policies: the parliament linter is not installed (pip install parliament)", file=sys.stderr)
    sys.exit(2)

# Least privilege: the resources each action may be granted on. "*" only where the action takes
# no resource type (IAM then requires "*").
RESOURCE_PATTERNS = {
    "sts:AssumeRole": r"arn:aws:iam::\d{12}:role/[\w+=,.@/-]+",
    "athena:ListWorkGroups": r"\*",
    "athena:GetWorkGroup": r"arn:aws:athena:[a-z0-9*-]+:\d{12}:workgroup/[\w.*-]+",
    "athena:ListQueryExecutions": r"arn:aws:athena:[a-z0-9*-]+:\d{12}:workgroup/[\w.*-]+",
    "athena:BatchGetQueryExecution": r"arn:aws:athena:[a-z0-9*-]+:\d{12}:workgroup/[\w.*-]+",
    "athena:GetQueryExecution": r"arn:aws:athena:[a-z0-9*-]+:\d{12}:workgroup/[\w.*-]+",
    "ce:GetCostAndUsage": r"\*",
    "ce:GetDimensionValues": r"\*",
    "quicksight:ListDataSources": r"\*",
    "quicksight:ListDataSets": r"\*",
    "quicksight:DescribeDataSource": r"arn:aws:quicksight:[a-z0-9-]+:\d{12}:datasource/[\w*-]+",
    "quicksight:DescribeDataSet": r"arn:aws:quicksight:[a-z0-9-]+:\d{12}:dataset/[\w*-]+",
}

# The IAM actions chargeback calls (sts:GetCallerIdentity needs no permission): those above.
TOOL_ACTIONS = set(RESOURCE_PATTERNS)

TRUST_ACTIONS = {"sts:AssumeRole", "sts:AssumeRoleWithWebIdentity"}
OIDC_PROVIDER = re.compile(r"^arn:aws:iam::\d{12}:oidc-provider/.+$")


def as_list(value):
    return value if isinstance(value, list) else [value]


def lint_trust(path, document, problems):
    for index, statement in enumerate(as_list(document.get("Statement", []))):
        where = f"{path.name}: Statement[{index}]"
        if "Resource" in statement or "NotResource" in statement:
            problems.append(f"{where}: a trust policy statement takes no Resource")
        if "Principal" not in statement:
            problems.append(f"{where}: a trust policy statement needs a Principal")
        actions = set(as_list(statement.get("Action", [])))
        if not actions or not actions <= TRUST_ACTIONS:
            problems.append(f"{where}: trust actions must be among {sorted(TRUST_ACTIONS)}, got {sorted(actions)}")
        if "sts:AssumeRoleWithWebIdentity" in actions:
            federated = as_list(statement.get("Principal", {}).get("Federated", []))
            if not federated or not all(OIDC_PROVIDER.match(f) for f in federated):
                problems.append(f"{where}: web identity must name an IAM OIDC provider as the Federated principal")
            conditions = {}
            for operator, pairs in statement.get("Condition", {}).items():
                for key, value in pairs.items():
                    conditions.setdefault(key.split(":")[-1], []).append((operator, value))
            host = federated[0].split("/", 1)[-1] if federated else ""
            if ("StringEquals", "sts.amazonaws.com") not in conditions.get("aud", []):
                problems.append(f"{where}: web identity needs StringEquals {host}:aud = sts.amazonaws.com")
            if not conditions.get("sub"):
                problems.append(f"{where}: web identity needs a condition on {host}:sub (which repository and branch)")


def lint_permissions(path, document, granted, problems):
    for index, statement in enumerate(as_list(document.get("Statement", []))):
        where = f"{path.name}: Statement[{index}]"
        if statement.get("Effect") != "Allow":
            continue
        for action in as_list(statement.get("Action", [])):
            if "*" in action:
                problems.append(f"{where}: wildcard action {action}")
                continue
            if action not in TOOL_ACTIONS:
                problems.append(f"{where}: {action} is not an action the tool calls")
                continue
            granted.add(action)
            pattern = re.compile("^" + RESOURCE_PATTERNS[action] + "$")
            for resource in as_list(statement.get("Resource", [])):
                if not pattern.match(resource):
                    problems.append(f"{where}: {action} on {resource}: expected {RESOURCE_PATTERNS[action]}")


def readme_statements(readme):
    """The statements shown in the README's IAM section, block by block."""
    text = readme.read_text()
    start = text.find("## The IAM the reporter needs")
    if start < 0:
        return None
    end = text.find("\n## ", start + 1)
    section = text[start:end if end > 0 else len(text)]
    blocks = re.findall(r"```json\n(.*?)```", section, flags=re.S)
    shown = []
    for block in blocks:
        value = json.loads(block)
        if isinstance(value, dict) and "Statement" in value:
            value = value["Statement"]
        shown.extend(as_list(value))
    return shown


def canonical(statement):
    return json.dumps(statement, sort_keys=True)


def main():
    root = Path(__file__).resolve().parent.parent
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "docs" / "iam"
    readme = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "README.md"
    files = sorted(directory.glob("*.json"))
    if not files:
        print(f"lint-iam-policies: no policies in {directory}", file=sys.stderr)
        return 1
    problems = []
    granted = set()
    in_files = set()
    for path in files:
        text = path.read_text()
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}: not valid JSON: {error}")
            continue
        in_files.update(canonical(st) for st in as_list(document.get("Statement", [])))
        trust = "-trust" in path.stem
        for finding in parliament.analyze_policy_string(text, str(path)).findings:
            if trust and finding.issue == "MALFORMED" and "neither Resource nor NotResource" in str(finding.detail):
                continue
            if trust and finding.issue == "UNKNOWN_FEDERATION_SOURCE" and OIDC_PROVIDER.match(str(finding.detail)):
                continue
            line = (finding.location or {}).get("line", "?")
            problems.append(f"{path.name}:{line}: parliament {finding.issue}: {finding.detail}")
        if trust:
            lint_trust(path, document, problems)
        else:
            lint_permissions(path, document, granted, problems)
    try:
        shown = readme_statements(readme)
    except json.JSONDecodeError as error:
        shown = []
        problems.append(f"{readme.name}: a JSON block of the IAM section is not valid JSON: {error}")
    if shown is None:
        problems.append(f"{readme.name}: no '## The IAM the reporter needs' section")
    else:
        for statement in shown:
            if canonical(statement) not in in_files:
                problems.append(f"{readme.name}: the IAM section shows a statement no file in {directory.name}/ has: "
                                f"{statement.get('Sid', statement)}")
    missing = TOOL_ACTIONS - granted
    if missing:
        problems.append(f"no policy grants {sorted(missing)}, which the tool calls")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"lint-iam-policies: {len(problems)} finding(s) in {directory}", file=sys.stderr)
        return 1
    print(f"lint-iam-policies: {len(files)} policies in {directory} are clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
