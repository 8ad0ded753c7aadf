#!/usr/bin/env python3
"""Conformance check of chargeback-sandbox against botocore's own signing and parsing.

Walks the role chain the reporter uses (reporter -> Role A with a scope-down policy -> retail's
Role B with its ExternalId), then calls every Athena, Cost Explorer and QuickSight operation the
tool uses, and asserts that botocore parses each answer into the documented keys and types.

Usage:
    python3 Tests/conformance/boto3_sandbox.py http://127.0.0.1:PORT

The base URL may also come from SANDBOX_URL; the reporter's keys from SANDBOX_ACCESS_KEY_ID and
SANDBOX_SECRET_ACCESS_KEY (default: the built-in sample organisation's demo keys). The sandbox
must serve the sample organisation (`chargeback-sandbox --sample`).
"""

import datetime
import decimal
import json
import os
import sys
import traceback

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

CENTRAL = "111111111111"
RETAIL = "222222222222"
REGION = "us-east-1"
ROLE_A = f"arn:aws:iam::{CENTRAL}:role/qs-athena-cross-account-role-a"
RETAIL_ROLE_B = f"arn:aws:iam::{RETAIL}:role/qs-athena-consumer-role"
RETAIL_EXTERNAL_ID = f"arn:aws:quicksight:{REGION}:{CENTRAL}:datasource/athena-retail"
SAMPLE_ACCESS_KEY_ID = "AKIASANDBOXREPORTER1"
SAMPLE_SECRET_ACCESS_KEY = "sandboxReporterSecretKeyNotForRealAWS001"


class Conformance:
    def __init__(self, base_url, access_key_id, secret_access_key):
        self.base_url = base_url
        self.reporter = {
            "aws_access_key_id": access_key_id,
            "aws_secret_access_key": secret_access_key,
        }
        self.passed = 0
        self.failed = 0
        self.role_b = None

    def client(self, service, credentials):
        # botocore's standard retries ride out the sandbox's AWS-rate quotas while paging.
        config = Config(retries={"total_max_attempts": 6, "mode": "standard"}, connect_timeout=5, read_timeout=30)
        return boto3.session.Session().client(
            service, region_name=REGION, endpoint_url=self.base_url, config=config, **credentials
        )

    def check(self, name, function):
        try:
            function()
        except Exception as error:  # noqa: BLE001 - every failure is reported and counted
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}")
            if os.environ.get("CONFORMANCE_VERBOSE"):
                traceback.print_exc()
        else:
            self.passed += 1
            print(f"ok   {name}")

    # --- STS and the role chain -------------------------------------------------------------

    def caller_identity(self):
        identity = self.client("sts", self.reporter).get_caller_identity()
        expect(identity["Account"] == CENTRAL, f"Account is {identity['Account']!r}, expected {CENTRAL}")
        expect_type(identity, "Arn", str)
        expect_type(identity, "UserId", str)

    def role_chain(self):
        sts = self.client("sts", self.reporter)
        scope_down = json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": RETAIL_ROLE_B}],
        })
        role_a = sts.assume_role(RoleArn=ROLE_A, RoleSessionName="chargeback-conformance", Policy=scope_down)
        check_credentials(role_a)
        expect(role_a["AssumedRoleUser"]["Arn"].startswith(f"arn:aws:sts::{CENTRAL}:assumed-role/"),
               f"AssumedRoleUser.Arn is {role_a['AssumedRoleUser']['Arn']!r}")

        sts_a = self.client("sts", session_credentials(role_a))
        role_b = sts_a.assume_role(RoleArn=RETAIL_ROLE_B, RoleSessionName="chargeback-conformance",
                                   ExternalId=RETAIL_EXTERNAL_ID, DurationSeconds=3600)
        check_credentials(role_b)
        self.role_b = session_credentials(role_b)
        identity = self.client("sts", self.role_b).get_caller_identity()
        expect(identity["Account"] == RETAIL, f"Role B session is in {identity['Account']!r}, expected {RETAIL}")

    def wrong_external_id(self):
        sts = self.client("sts", self.reporter)
        role_a = session_credentials(sts.assume_role(RoleArn=ROLE_A, RoleSessionName="chargeback-conformance"))
        try:
            self.client("sts", role_a).assume_role(RoleArn=RETAIL_ROLE_B, RoleSessionName="chargeback-conformance",
                                                   ExternalId="arn:aws:quicksight:us-east-1:111111111111:datasource/wrong")
        except ClientError as error:
            code = error.response["Error"]["Code"]
            expect(code == "AccessDenied", f"error code is {code!r}, expected AccessDenied")
            expect(error.response["ResponseMetadata"]["HTTPStatusCode"] == 403,
                   f"HTTP status is {error.response['ResponseMetadata']['HTTPStatusCode']}, expected 403")
        else:
            raise AssertionError("AssumeRole with a wrong ExternalId succeeded")

    # --- Athena as Role B ---------------------------------------------------------------------

    def athena(self):
        require(self.role_b, "the role chain failed, so there is no Role B session")
        return self.client("athena", self.role_b)

    def athena_workgroups(self):
        athena = self.athena()
        listed = athena.list_work_groups(MaxResults=50)
        groups = listed["WorkGroups"]
        names = sorted(group["Name"] for group in groups)
        expect(names == ["bi", "primary"], f"workgroups are {names}")
        for group in groups:
            expect_type(group, "State", str)
            expect_type(group, "CreationTime", datetime.datetime)
            expect_type(group["EngineVersion"], "EffectiveEngineVersion", str)

        bi = athena.get_work_group(WorkGroup="bi")["WorkGroup"]
        configuration = bi["Configuration"]
        expect_type(configuration, "EnforceWorkGroupConfiguration", bool)
        expect("BytesScannedCutoffPerQuery" not in configuration, "retail's bi workgroup should have no scan limit")
        expect_type(configuration["ResultConfiguration"], "OutputLocation", str)
        primary = athena.get_work_group(WorkGroup="primary")["WorkGroup"]["Configuration"]
        expect_type(primary, "BytesScannedCutoffPerQuery", int)
        expect_type(primary["ResultConfiguration"]["EncryptionConfiguration"], "EncryptionOption", str)

    def athena_unknown_workgroup(self):
        try:
            self.athena().get_work_group(WorkGroup="does-not-exist")
        except ClientError as error:
            code = error.response["Error"]["Code"]
            expect(code == "InvalidRequestException", f"error code is {code!r}, expected InvalidRequestException")
        else:
            raise AssertionError("GetWorkGroup of an unknown workgroup succeeded")

    def athena_executions(self):
        athena = self.athena()
        ids = []
        pages = 0
        for page in athena.get_paginator("list_query_executions").paginate(WorkGroup="bi"):
            expect(len(page["QueryExecutionIds"]) <= 50, f"a page held {len(page['QueryExecutionIds'])} ids")
            ids.extend(page["QueryExecutionIds"])
            pages += 1
        expect(pages > 1, f"expected several pages of ids, got {pages}")
        expect(len(ids) == len(set(ids)), "the pages repeated ids")

        batch = athena.batch_get_query_execution(QueryExecutionIds=ids[:49] + ["00000000-0000-4000-8000-000000000000"])
        executions = batch["QueryExecutions"]
        expect(len(executions) == 49, f"BatchGet returned {len(executions)} executions, expected 49")
        unprocessed = batch["UnprocessedQueryExecutionIds"]
        expect(len(unprocessed) == 1 and unprocessed[0]["ErrorCode"] == "INVALID_INPUT",
               f"UnprocessedQueryExecutionIds is {unprocessed}")
        submitted = []
        for execution in executions:
            check_execution(execution)
            submitted.append(execution["Status"]["SubmissionDateTime"])
        expect(submitted == sorted(submitted, reverse=True), "ids are not newest first")

        single = athena.get_query_execution(QueryExecutionId=ids[0])["QueryExecution"]
        check_execution(single)
        expect(single["QueryExecutionId"] == ids[0], "GetQueryExecution returned another execution")

    # --- Cost Explorer as Role B --------------------------------------------------------------

    def cost_and_usage(self):
        require(self.role_b, "the role chain failed, so there is no Role B session")
        ce = self.client("ce", self.role_b)
        today = datetime.datetime.now(datetime.timezone.utc).date()
        start = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        request = {
            "TimePeriod": {"Start": start.isoformat(), "End": today.replace(day=1).isoformat()},
            "Granularity": "DAILY",
            "Metrics": ["UnblendedCost", "UsageQuantity"],
            "Filter": {"Dimensions": {"Key": "SERVICE",
                                      "Values": ["Amazon Athena", "AWS Glue", "Amazon Simple Storage Service"]}},
            "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "USAGE_TYPE"}],
        }
        pages = 0
        groups = 0
        services = set()
        while True:
            response = ce.get_cost_and_usage(**request)
            pages += 1
            for result in response["ResultsByTime"]:
                expect_type(result, "Estimated", bool)
                expect_type(result["TimePeriod"], "Start", str)
                expect(result["Total"] == {}, "Total should be empty when grouping")
                for group in result["Groups"]:
                    groups += 1
                    services.add(group["Keys"][0])
                    amount = group["Metrics"]["UnblendedCost"]["Amount"]
                    expect(isinstance(amount, str), f"Amount {amount!r} is not a string")
                    decimal.Decimal(amount)
                    expect(group["Metrics"]["UnblendedCost"]["Unit"] == "USD", "UnblendedCost unit is not USD")
            token = response.get("NextPageToken")
            if not token:
                break
            request["NextPageToken"] = token
        expect(pages > 1, f"expected the grouped daily answer to span pages, got {pages}")
        expect(services == {"Amazon Athena", "AWS Glue", "Amazon Simple Storage Service"}, f"services {services}")
        expect(groups > 20, f"only {groups} groups")

    def cost_explorer_fidelity(self):
        require(self.role_b, "the role chain failed, so there is no Role B session")
        ce = self.client("ce", self.role_b)
        today = datetime.datetime.now(datetime.timezone.utc).date()
        last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        period = {"Start": last_month.isoformat(), "End": today.replace(day=1).isoformat()}
        metrics = ["UnblendedCost", "NetUnblendedCost", "AmortizedCost", "UsageQuantity"]
        response = ce.get_cost_and_usage(TimePeriod=period, Granularity="MONTHLY", Metrics=metrics)
        expect("date" in response["ResponseMetadata"]["HTTPHeaders"], "the response has no Date header")
        total = {name: decimal.Decimal(value["Amount"]) for name, value in response["ResultsByTime"][0]["Total"].items()}
        expect(total["NetUnblendedCost"] < total["UnblendedCost"], f"Net metrics see no discount: {total}")
        expect(total["AmortizedCost"] != total["UnblendedCost"], f"amortised equals unblended: {total}")
        expect(total["UsageQuantity"] != total["UnblendedCost"], f"usage quantity equals the cost: {total}")
        twice = ce.get_cost_and_usage(TimePeriod=period, Granularity="MONTHLY", Metrics=["UnblendedCost", "UnblendedCost"])
        amount = decimal.Decimal(twice["ResultsByTime"][0]["Total"]["UnblendedCost"]["Amount"])
        expect(amount == total["UnblendedCost"], f"a metric named twice answered {amount}, not {total['UnblendedCost']}")
        credits = ce.get_cost_and_usage(TimePeriod=period, Granularity="MONTHLY", Metrics=["UnblendedCost"],
                                        Filter={"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Credit", "Refund"]}})
        expect(decimal.Decimal(credits["ResultsByTime"][0]["Total"]["UnblendedCost"]["Amount"]) < 0, "no negative credits")
        accounts = ce.get_cost_and_usage(TimePeriod=period, Granularity="MONTHLY", Metrics=["UnblendedCost"],
                                         GroupBy=[{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}])
        names = {item["Value"]: item["Attributes"].get("description") for item in accounts["DimensionValueAttributes"]}
        expect(names == {RETAIL: "retail banking"}, f"DimensionValueAttributes {names}")
        future = {"Start": (today + datetime.timedelta(days=2)).isoformat(), "End": (today + datetime.timedelta(days=40)).isoformat()}
        try:
            ce.get_cost_and_usage(TimePeriod=future, Granularity="MONTHLY", Metrics=["UnblendedCost"])
            raise AssertionError("a start after today was answered")
        except ClientError as error:
            expect(error.response["Error"]["Code"] == "ValidationException", f"code {error.response['Error']['Code']}")

    def cost_explorer_dimension_values(self):
        ce = self.client("ce", self.reporter)
        today = datetime.datetime.now(datetime.timezone.utc).date()
        last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        period = {"Start": last_month.isoformat(), "End": today.replace(day=1).isoformat()}
        response = ce.get_dimension_values(TimePeriod=period, Dimension="SERVICE", SearchString="quick")
        values = [item["Value"] for item in response["DimensionValues"]]
        expect(values == ["Amazon QuickSight"], f"SERVICE values containing quick: {values}")
        expect(response["ReturnSize"] == 1 and response["TotalSize"] == 1, f"sizes {response['ReturnSize']}, {response['TotalSize']}")

    def signing_ignores_the_data_clock(self):
        import urllib.request
        request = urllib.request.Request(self.base_url + "/_sandbox/clock", method="POST",
                                         data=json.dumps({"set": "2020-01-01T00:00:00Z"}).encode())
        urllib.request.urlopen(request).read()
        try:
            identity = self.client("sts", self.reporter).get_caller_identity()
            expect(identity["Account"] == CENTRAL, f"account {identity['Account']}")
        finally:
            request = urllib.request.Request(self.base_url + "/_sandbox/clock", method="POST",
                                             data=json.dumps({"set": datetime.datetime.now(datetime.timezone.utc)
                                                              .strftime("%Y-%m-%dT%H:%M:%SZ")}).encode())
            urllib.request.urlopen(request).read()

    # --- QuickSight as the central reporter ---------------------------------------------------

    def quicksight(self):
        quicksight = self.client("quicksight", self.reporter)
        sources = []
        for page in quicksight.get_paginator("list_data_sources").paginate(AwsAccountId=CENTRAL):
            sources.extend(page["DataSources"])
        athena_sources = {source["DataSourceId"]: source for source in sources if source["Type"] == "ATHENA"}
        expect(set(athena_sources) == {"athena-retail", "athena-invest", "athena-risk"},
               f"Athena data sources are {sorted(athena_sources)}")
        retail = athena_sources["athena-retail"]
        expect(retail["Arn"] == RETAIL_EXTERNAL_ID, f"retail data source ARN is {retail['Arn']!r}")
        expect_type(retail, "CreatedTime", datetime.datetime)
        parameters = retail["DataSourceParameters"]["AthenaParameters"]
        expect(parameters["ConsumerAccountRoleArn"] == RETAIL_ROLE_B, f"ConsumerAccountRoleArn {parameters}")
        expect(parameters["RoleArn"] == ROLE_A, f"RoleArn {parameters}")

        described = quicksight.describe_data_source(AwsAccountId=CENTRAL, DataSourceId="athena-retail")
        expect(described["DataSource"]["DataSourceId"] == "athena-retail", "DescribeDataSource answered another source")
        expect(described["Status"] == 200, f"Status is {described['Status']!r}")

        summaries = quicksight.list_data_sets(AwsAccountId=CENTRAL)["DataSetSummaries"]
        expect(len(summaries) >= 5, f"only {len(summaries)} datasets")
        modes = {summary["ImportMode"] for summary in summaries}
        expect(modes == {"SPICE", "DIRECT_QUERY"}, f"import modes {modes}")
        for summary in summaries:
            data_set = quicksight.describe_data_set(AwsAccountId=CENTRAL, DataSetId=summary["DataSetId"])["DataSet"]
            expect_type(data_set, "ConsumedSpiceCapacityInBytes", int)
            expect_type(data_set, "LastUpdatedTime", datetime.datetime)
            tables = data_set["PhysicalTableMap"]
            expect(tables, f"dataset {summary['DataSetId']} has no physical tables")
            for table in tables.values():
                # Exactly one table kind (RelationalTable, CustomSql, S3Source, ...) names the source.
                expect(len(table) == 1, f"a physical table has {sorted(table)}")
                expect_type(next(iter(table.values())), "DataSourceArn", str)

    def quicksight_other_account(self):
        try:
            self.client("quicksight", self.reporter).list_data_sources(AwsAccountId=RETAIL)
        except ClientError as error:
            code = error.response["Error"]["Code"]
            expect(code == "AccessDeniedException", f"error code is {code!r}, expected AccessDeniedException")
        else:
            raise AssertionError("ListDataSources of another account succeeded")

    def run(self):
        self.check("STS GetCallerIdentity as the reporter", self.caller_identity)
        self.check("STS AssumeRole chain: Role A (scope-down policy) -> retail Role B (ExternalId)", self.role_chain)
        self.check("STS AssumeRole with a wrong ExternalId is AccessDenied", self.wrong_external_id)
        self.check("Athena ListWorkGroups and GetWorkGroup", self.athena_workgroups)
        self.check("Athena GetWorkGroup of an unknown workgroup", self.athena_unknown_workgroup)
        self.check("Athena ListQueryExecutions (paginator), BatchGet and GetQueryExecution", self.athena_executions)
        self.check("Cost Explorer GetCostAndUsage with Filter, GroupBy and NextPageToken", self.cost_and_usage)
        self.check("Cost Explorer metrics, record types, duplicate metric, account names, future start", self.cost_explorer_fidelity)
        self.check("Cost Explorer GetDimensionValues of SERVICE with a SearchString", self.cost_explorer_dimension_values)
        self.check("Signatures are checked against the real time, not the data clock", self.signing_ignores_the_data_clock)
        self.check("QuickSight ListDataSources, DescribeDataSource, ListDataSets, DescribeDataSet", self.quicksight)
        self.check("QuickSight of another account is AccessDeniedException", self.quicksight_other_account)
        print(f"{self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def require(value, message):
    if not value:
        raise AssertionError(message)


def expect_type(container, key, kind):
    expect(key in container, f"missing key {key}")
    value = container[key]
    # bool is an int in Python; an int field must not arrive as a JSON boolean.
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    expect(ok, f"{key} is {type(value).__name__} ({value!r}), expected {kind.__name__}")


def check_credentials(response):
    credentials = response["Credentials"]
    for key in ("AccessKeyId", "SecretAccessKey", "SessionToken"):
        expect_type(credentials, key, str)
    expect_type(credentials, "Expiration", datetime.datetime)
    expect_type(response["AssumedRoleUser"], "AssumedRoleId", str)


def session_credentials(response):
    credentials = response["Credentials"]
    return {
        "aws_access_key_id": credentials["AccessKeyId"],
        "aws_secret_access_key": credentials["SecretAccessKey"],
        "aws_session_token": credentials["SessionToken"],
    }


def check_execution(execution):
    for key in ("QueryExecutionId", "Query", "StatementType", "WorkGroup"):
        expect_type(execution, key, str)
    status = execution["Status"]
    expect(status["State"] in {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}, f"State {status['State']!r}")
    expect_type(status, "SubmissionDateTime", datetime.datetime)
    if status["State"] in {"SUCCEEDED", "FAILED", "CANCELLED"}:
        expect_type(status, "CompletionDateTime", datetime.datetime)
    if status["State"] == "FAILED":
        expect_type(status, "StateChangeReason", str)
        expect_type(status["AthenaError"], "ErrorCategory", int)
    statistics = execution["Statistics"]
    for key in ("EngineExecutionTimeInMillis", "DataScannedInBytes", "TotalExecutionTimeInMillis",
                "QueryQueueTimeInMillis", "ServicePreProcessingTimeInMillis", "QueryPlanningTimeInMillis",
                "ServiceProcessingTimeInMillis"):
        expect_type(statistics, key, int)
    expect_type(statistics["ResultReuseInformation"], "ReusedPreviousResult", bool)
    context = execution["QueryExecutionContext"]
    expect(context.get("Catalog") == "AwsDataCatalog", f"Catalog {context.get('Catalog')!r}")
    expect_type(context, "Database", str)
    expect_type(execution["EngineVersion"], "EffectiveEngineVersion", str)
    expect_type(execution["ResultConfiguration"], "OutputLocation", str)


def main():
    base_url = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SANDBOX_URL")
    if not base_url:
        print("usage: boto3_sandbox.py http://127.0.0.1:PORT  (or set SANDBOX_URL)", file=sys.stderr)
        return 2
    access_key_id = os.environ.get("SANDBOX_ACCESS_KEY_ID", SAMPLE_ACCESS_KEY_ID)
    secret_access_key = os.environ.get("SANDBOX_SECRET_ACCESS_KEY", SAMPLE_SECRET_ACCESS_KEY)
    return Conformance(base_url.rstrip("/"), access_key_id, secret_access_key).run()


if __name__ == "__main__":
    sys.exit(main())
