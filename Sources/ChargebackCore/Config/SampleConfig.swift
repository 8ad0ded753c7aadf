/// The commented sample configuration `chargeback init` writes. It describes the sandbox's
/// sample organisation, so `chargeback-sandbox --sample` can serve it unchanged.
public enum SampleConfig {
    public static let text = #"""
# chargeback.yaml: monthly chargeback of Amazon Quick (QuickSight) and Athena costs per business unit.
# Replace the account ids, role ARNs and ExternalIds with your own, then run:
#   chargeback check --config chargeback.yaml

version: 1                      # file format version; always 1
currency: USD                   # ISO 4217 code every amount is reported in

central:                        # the account where Quick runs and its own costs are billed
  account_id: "111111111111"    # 12 digits, quoted so YAML keeps leading zeros
  region: us-east-1             # Quick's region (QuickSight API calls)
  # Role A, Quick's RunAsRole; when set, each business unit's role is assumed through it
  # with a session policy allowing only that unit's role. Optional.
  run_as_role_arn: arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a
  # Cost Explorer SERVICE of Quick's costs: auto finds it each month (GetDimensionValues,
  # a value naming Quick or QuickSight); or give it, e.g. Amazon QuickSight.
  quick_service_name: auto
  # A role for the central Cost Explorer and QuickSight calls; base credentials when omitted.
  # cost_role_arn: arn:aws:iam::111111111111:role/chargeback-central-costs

pricing:                        # optional: the price used to estimate each Athena query
  athena_usd_per_tb: 5.00       # US dollars per TB scanned; default 5.00
  athena_usd_per_tb_by_region: {eu-west-1: 5.00}   # per-region overrides; optional

cost_metric: UnblendedCost      # UnblendedCost | NetUnblendedCost | AmortizedCost | NetAmortizedCost

services:                       # consumer-account services read from Cost Explorer (column: SERVICE)
  athena: Amazon Athena         # Athena's bill, reconciled against the per-query estimates
  glue: AWS Glue                # the Glue Data Catalog behind Athena tables
  s3: Amazon Simple Storage Service   # the data Athena scans and its query results
  # any further column: SERVICE pair is added to other_services

business_units:                 # one consumer account per business unit
  - id: retail                  # [a-z0-9-]{1,40}, unique; used in file names
    name: Retail Banking        # shown in reports; defaults to the id
    account_id: "222222222222"  # 12 digits, quoted; must be the account in role_arn
    role_arn: arn:aws:iam::222222222222:role/qs-athena-consumer-role   # Role B
    # the ExternalId Role B's trust policy expects: the Quick data source ARN
    external_id: arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail
    region: us-east-1           # where Athena is collected; or `regions: [..]` for several
    workgroups: [primary, bi]   # optional; default: every workgroup in the account
    cost_center: CC-1001        # optional; shown in reports and CSV
    budget: 1500.00             # optional monthly budget in `currency`

  - id: invest                  # [a-z0-9-]{1,40}, unique
    name: Investment Banking    # display name
    account_id: "333333333333"  # 12 digits, quoted
    role_arn: arn:aws:iam::333333333333:role/qs-athena-consumer-role   # Role B
    external_id: arn:aws:quicksight:us-east-1:111111111111:datasource/athena-invest   # Role B's ExternalId
    region: us-east-1           # Athena region
    cost_center: CC-2001        # optional
    budget: 2500.00             # optional

  - id: risk                    # [a-z0-9-]{1,40}, unique
    name: Risk Management       # display name
    account_id: "444444444444"  # 12 digits, quoted
    role_arn: arn:aws:iam::444444444444:role/qs-athena-consumer-role   # Role B
    external_id: arn:aws:quicksight:us-east-1:111111111111:datasource/athena-risk     # Role B's ExternalId
    regions: [us-east-1, eu-west-1]   # Athena is collected in each region
    cost_center: CC-3001        # optional
    budget: 1000.00             # optional

allocation:                     # optional; how central Quick costs are charged back (default: none, stays central)
  sessions: {method: proportional, driver: query_count}   # drivers: query_count | billed_bytes | athena_cost | spice_bytes
  spice: {method: proportional, driver: spice_bytes}      # by SPICE bytes built from each unit's data sources
  users: {method: even}                                   # split evenly over every business unit
  other: {method: fixed, shares: {retail: 50, invest: 30, risk: 20}}   # percent; must sum to 100

usage_type_rules:               # optional; Quick usage types → category, first match wins (spice, sessions, users)
  spice: "(?i)spice"            # SPICE capacity
  sessions: "(?i)reader|session|capacity"   # reader sessions and capacity pricing
  users: "(?i)user|author"      # author and user subscriptions
  # usage types no rule matches are "other"

cost_source: cost_explorer      # cost_explorer, or cur to query a Cost and Usage Report table instead
# cur:                          # needed only with `cost_source: cur`
#   database: cur_database      # Glue database of the CUR 2.0 / Data Exports table
#   table: cur_table            # the table
#   region: us-east-1           # region of the billing account's Athena
#   workgroup: primary          # Athena workgroup the query runs in; default primary
#   role_arn: arn:aws:iam::555555555555:role/chargeback-cur-reader   # optional role in the billing account
#   output_location: s3://example-athena-results/chargeback/           # optional query result location

"""#
}
