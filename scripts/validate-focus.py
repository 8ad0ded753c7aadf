"""Runs the FinOps Foundation's FOCUS validator (PyPI focus-validator) on FOCUS CSV files,
offline, and exits 1 when any rule fails.

Usage: python validate-focus.py FOCUS-VERSION FILE...   (run from the validator's package folder,
which holds the currency list it reads by a relative path)

Two adjustments, both about what a CSV cannot say and neither about values:
- Types. CSV has none, and the validator lets its CSV reader guess them for every column that has
  values, so a String column of 12-digit AWS account ids reads as integers ("MUST be of type
  String" fails) and a Decimal column of whole numbers as integers ("MUST be of type Decimal"
  fails). Columns FOCUS types as String are read as text, and whole numbers in Decimal columns
  count as decimals; a non-number in a Decimal column still reads as text and fails.
- Alternatives. A rule whose requirement is "one of these rules" (InvoiceId is null when the charge
  has no invoice, not null when it has one) is judged by that rule; its alternatives are checked
  one by one without their condition, so the one that does not apply always fails and is not
  counted against the file when the rule that joins them passes.
"""
import os
import sys
import tempfile

import polars as pl
from focus_validator.data_loaders.csv_data_loader import CSVDataLoader
from focus_validator.validator import Validator

guess_all_null_columns = CSVDataLoader._peek_for_all_null_columns
load_csv = CSVDataLoader.load


def columns_read_with_spec_types(self, source, dtype_dict, *args, **kwargs):
    """The validator forces the specification's type on the columns this returns."""
    forced = set(guess_all_null_columns(self, source, dtype_dict, *args, **kwargs))
    return forced | {column for column, kind in dtype_dict.items() if kind == "string"}


def load_with_whole_numbers_as_decimals(self):
    frame = load_csv(self)
    whole = [column for column, kind in self.column_types.items()
             if kind == "float64" and column in frame.columns and frame[column].dtype.is_integer()]
    return frame.with_columns([pl.col(column).cast(pl.Float64) for column in whole])


CSVDataLoader._peek_for_all_null_columns = columns_read_with_spec_types
CSVDataLoader.load = load_with_whole_numbers_as_decimals


def validate(version, path):
    """Every rule's outcome for one file; the validator's own JUnit report goes to a scratch file."""
    with tempfile.TemporaryDirectory() as scratch:
        validator = Validator(
            data_filename=path, output_destination=os.path.join(scratch, "junit.xml"),
            output_type="unittest", rules_version=version, focus_dataset="CostAndUsage",
            rules_block_remote_download=True,
        )
        results = validator.validate()
    outcomes = {rule: status(entry) for rule, entry in results.by_rule_id.items()}
    for rule in settled_alternatives(results, outcomes):
        if outcomes[rule] == "fail":
            outcomes[rule] = "alternative"
    return outcomes, results


def status(entry):
    if (entry.get("details") or {}).get("skipped"):
        return "skip"
    return "pass" if entry.get("ok") else "fail"


def settled_alternatives(results, outcomes):
    """The rules named as alternatives by an "OR" rule that passed."""
    settled = set()
    for rule_id, rule in results.rules.items():
        requirement = rule.validation_criteria.requirement
        if requirement.get("CheckFunction") == "OR" and outcomes.get(rule_id) == "pass":
            settled |= {item["ModelRuleId"] for item in requirement.get("Items", [])
                        if item.get("CheckFunction") == "CheckModelRule"}
    return settled


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: validate-focus.py FOCUS-VERSION FILE...")
    version, paths = sys.argv[1], sys.argv[2:]
    failed = []
    for path in paths:
        outcomes, results = validate(version, path)
        for rule, outcome in sorted(outcomes.items()):
            if outcome == "fail":
                details = results.by_rule_id[rule].get("details") or {}
                print(f"  FAIL {rule}: {details.get('message') or details.get('reason') or ''}")
        counts = list(outcomes.values())
        print(f"FOCUS {version} {path}: {counts.count('pass')} rules pass, {counts.count('fail')} fail, "
              f"{counts.count('skip')} skipped, {counts.count('alternative')} alternatives not taken")
        if counts.count("fail") or not counts.count("pass"):
            failed.append(path)
    if failed:
        sys.exit(f"FOCUS {version}: rules fail in {', '.join(failed)}")


if __name__ == "__main__":
    main()
