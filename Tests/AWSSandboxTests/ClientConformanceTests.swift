import AWSCore
import AWSSandbox
import AWSServices
import Foundation
import Testing

/// Every operation the sandbox emulates, driven by the project's own clients through
/// `CurlHTTPClient` over real HTTP on loopback, and checked against the sample organisation.
@Suite(.timeLimit(.minutes(1))) struct ClientConformanceTests {
    // MARK: STS

    @Test func roleChainReachesTheBusinessUnitAccount() async throws {
        try await ClientSandbox.run { sandbox in
            let reporter = try await STSClient(client: sandbox.client(ClientSandbox.reporter)).getCallerIdentity()
            #expect(reporter.account == SandboxScenarios.centralAccountId)
            #expect(reporter.arn == "arn:aws:iam::\(SandboxScenarios.centralAccountId):user/reporter")

            let chain = ClientRoleChain(sandbox: sandbox)
            let roleA = try await chain.roleA(scopedTo: [.retail])
            #expect(roleA.assumedRoleUser.arn.hasPrefix(
                "arn:aws:sts::\(SandboxScenarios.centralAccountId):assumed-role/\(SandboxScenarios.runAsRoleName)/"))
            #expect(roleA.packedPolicySize != nil)
            #expect(roleA.credentials.sessionToken?.isEmpty == false)
            #expect(try #require(roleA.credentials.expiration) > sandbox.server.clock.signingNow())

            let roleB = try await chain.roleB(.retail, from: roleA.credentials)
            #expect(roleB.assumedRoleUser.arn.hasPrefix(
                "arn:aws:sts::\(SampleBusinessUnit.retail.accountId):assumed-role/\(SandboxScenarios.consumerRoleName)/"))
            #expect(roleB.credentials.accessKeyId != roleA.credentials.accessKeyId)

            let asRoleB = try await STSClient(client: sandbox.client(roleB.credentials)).getCallerIdentity()
            #expect(asRoleB.account == SampleBusinessUnit.retail.accountId)
            #expect(asRoleB.arn == roleB.assumedRoleUser.arn)
        }
    }

    @Test func assumeRoleRefusalsAreAccessDeniedServiceErrors() async throws {
        try await ClientSandbox.run { sandbox in
            let chain = ClientRoleChain(sandbox: sandbox)
            let scopedToRetail = try await chain.roleA(scopedTo: [.retail]).credentials

            let wrongExternalId = try await #require(throws: AWSServiceError.self) {
                try await chain.roleB(.retail, from: scopedToRetail, externalId: SampleBusinessUnit.invest.externalId)
            }
            expectAccessDenied(wrongExternalId)

            let outsideThePolicy = try await #require(throws: AWSServiceError.self) {
                try await chain.roleB(.invest, from: scopedToRetail)
            }
            expectAccessDenied(outsideThePolicy)

            // The same Role B is reachable without the scope-down policy: the policy made the refusal.
            let unscoped = try await chain.roleA(scopedTo: nil).credentials
            let invest = try await chain.roleB(.invest, from: unscoped)
            #expect(invest.assumedRoleUser.arn.contains(":\(SampleBusinessUnit.invest.accountId):"))
        }
    }

    private func expectAccessDenied(_ error: AWSServiceError, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error.service == "STS", sourceLocation: sourceLocation)
        #expect(error.operation == "AssumeRole", sourceLocation: sourceLocation)
        #expect(error.code == "AccessDenied", sourceLocation: sourceLocation)
        #expect(error.httpStatus == 403, sourceLocation: sourceLocation)
        #expect(error.requestId?.isEmpty == false, sourceLocation: sourceLocation)
    }

    // MARK: Athena

    @Test func workGroupsAreListedPageByPageAndDescribedAsTheScenarioDeclares() async throws {
        try await ClientSandbox.run { sandbox in
            let chain = ClientRoleChain(sandbox: sandbox)
            var described: [AthenaWorkGroup] = []
            for unit in SampleBusinessUnit.allCases {
                let roleB = try await chain.credentials(for: unit)
                let account = try #require(sandbox.scenario.account(unit.accountId))
                for region in Set(account.workgroups.map(\.region)).sorted() {
                    // `primary` exists in every region, with AWS's defaults where the scenario does not state it.
                    var expected = account.workgroups.filter { $0.region == region }
                    if !expected.contains(where: { $0.name == "primary" }) {
                        expected.append(ScenarioWorkgroup(name: "primary", region: region, enforceWorkGroupConfiguration: false, resultEncryption: nil))
                    }
                    expected.sort { $0.name < $1.name }
                    let athena = AthenaClient(client: sandbox.client(roleB, region: region))

                    var pages = 0
                    var names: [String] = []
                    for try await page in athena.listWorkGroupsPages(maxResults: 1) {
                        pages += 1
                        names += page.workGroups.compactMap(\.name)
                    }
                    #expect(names == expected.map(\.name), "\(unit) in \(region)")
                    #expect(pages == expected.count, "one workgroup per page for \(unit) in \(region)")

                    for workgroup in expected {
                        let decoded = try await athena.getWorkGroup(name: workgroup.name)
                        let configuration = try #require(decoded.configuration)
                        #expect(decoded.name == workgroup.name)
                        #expect(decoded.state?.rawValue == workgroup.state)
                        #expect(configuration.bytesScannedCutoffPerQuery == workgroup.bytesScannedCutoffPerQuery)
                        #expect(configuration.enforceWorkGroupConfiguration == workgroup.enforceWorkGroupConfiguration)
                        #expect(configuration.resultConfiguration?.encryptionConfiguration?.encryptionOption.rawValue
                            == workgroup.resultEncryption)
                        #expect(configuration.engineVersion?.effectiveEngineVersion == workgroup.engineVersion)
                        described.append(decoded)
                    }
                }
            }
            // The sample covers the optional settings, so their absence is decoded too.
            #expect(described.contains { $0.configuration?.bytesScannedCutoffPerQuery == nil })
            #expect(described.contains { $0.configuration?.resultConfiguration?.encryptionConfiguration == nil })
            #expect(described.contains { $0.configuration?.resultConfiguration?.encryptionConfiguration?.kmsKey != nil })
        }
    }

    @Test func queryHistoryIsPagedNewestFirstAndEveryFieldDecodes() async throws {
        try await ClientSandbox.run { sandbox in
            let unit = SampleBusinessUnit.retail
            let athena = AthenaClient(client: sandbox.client(try await ClientRoleChain(sandbox: sandbox).credentials(for: unit)))
            let workgroup = try #require(sandbox.scenario.account(unit.accountId)?.workgroups.first { $0.name == "primary" })

            let listedFrom = sandbox.server.clock.now()
            var pageSizes: [Int] = []
            var ids: [String] = []
            for try await page in athena.listQueryExecutionsPages(workGroup: workgroup.name) {
                pageSizes.append(page.queryExecutionIds.count)
                ids += page.queryExecutionIds
            }
            #expect(pageSizes.count >= 2)
            #expect(ids.count > 50)
            #expect(pageSizes.dropLast().allSatisfy { $0 == 50 }, "every page but the last is full: \(pageSizes)")
            #expect(Set(ids).count == ids.count, "no id is listed twice")

            var executions: [String: AthenaQueryExecution] = [:]
            for start in stride(from: 0, to: ids.count, by: 50) {
                let chunk = Array(ids[start..<min(start + 50, ids.count)])
                let output = try await athena.batchGetQueryExecution(ids: chunk)
                #expect(output.unprocessedQueryExecutionIds.isEmpty)
                #expect(output.queryExecutions.compactMap(\.queryExecutionId).sorted() == chunk.sorted())
                for execution in output.queryExecutions {
                    executions[try #require(execution.queryExecutionId)] = execution
                }
            }

            // Athena keeps 45 days of history, counted from when each page was served.
            let retention = listedFrom.addingTimeInterval(-45 * 86_400)...sandbox.server.clock.now()
            var submissions: [Date] = []
            for id in ids {
                let execution = try #require(executions[id])
                let submitted = try #require(execution.status?.submissionDateTime, "\(id)")
                submissions.append(submitted)
                #expect(retention.contains(submitted), "\(id) submitted \(submitted)")
                #expect(execution.status?.state?.unknownRawValue == nil, "\(id): \(String(describing: execution.status?.state))")
                #expect(execution.statementType?.unknownRawValue == nil, "\(id)")
                #expect(try #require(execution.statistics?.dataScannedInBytes, "\(id)") >= 0)
                #expect(execution.statistics?.resultReuseInformation != nil, "\(id)")
                #expect(execution.workGroup == workgroup.name)
                #expect(execution.engineVersion?.effectiveEngineVersion == workgroup.engineVersion)
                #expect(execution.queryExecutionContext?.database?.isEmpty == false, "\(id)")
            }
            #expect(zip(submissions, submissions.dropFirst()).allSatisfy { $0 >= $1 }, "ids are listed newest first")

            // The history mixes what cost estimation must tell apart.
            let all = Array(executions.values)
            #expect(all.contains { $0.status?.state == .succeeded })
            #expect(all.contains { $0.status?.state == .failed })
            #expect(all.contains { $0.statementType == .ddl })
            #expect(all.contains { $0.statistics?.resultReuseInformation?.reusedPreviousResult == true })

            // The newest execution is still queued (its statistics grow with the clock): compare a finished one.
            let finished = try #require(ids.first { executions[$0]?.status?.completionDateTime != nil })
            let single = try await athena.getQueryExecution(id: finished)
            #expect(single == executions[finished])
            #expect(executions[ids[0]]?.status?.state == .queued)
        }
    }

    @Test func athenaErrorsComeBackAsServiceErrorsAndUnprocessedIds() async throws {
        try await ClientSandbox.run { sandbox in
            let athena = AthenaClient(client: sandbox.client(
                try await ClientRoleChain(sandbox: sandbox).credentials(for: .retail)))

            let unknownWorkGroup = try await #require(throws: AWSServiceError.self) {
                try await athena.getWorkGroup(name: "no-such-workgroup")
            }
            #expect(unknownWorkGroup.service == "Athena")
            #expect(unknownWorkGroup.operation == "GetWorkGroup")
            #expect(unknownWorkGroup.code == "InvalidRequestException")
            #expect(unknownWorkGroup.httpStatus == 400)
            #expect(unknownWorkGroup.requestId?.isEmpty == false)

            let unknownHistory = try await #require(throws: AWSServiceError.self) {
                try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "no-such-workgroup"))
            }
            #expect(unknownHistory.operation == "ListQueryExecutions")
            #expect(unknownHistory.code == "InvalidRequestException")

            let known = try #require(try await athena.listQueryExecutions(
                ListQueryExecutionsInput(workGroup: "bi", maxResults: 1)).queryExecutionIds.first)
            let unknown = UUID().uuidString.lowercased()
            let output = try await athena.batchGetQueryExecution(ids: [known, unknown])
            #expect(output.queryExecutions.map(\.queryExecutionId) == [known])
            let unprocessed = try #require(output.unprocessedQueryExecutionIds.first)
            #expect(output.unprocessedQueryExecutionIds.count == 1)
            #expect(unprocessed.queryExecutionId == unknown)
            #expect(unprocessed.errorCode?.isEmpty == false)
        }
    }

    // MARK: Cost Explorer

    @Test func groupedCostsFollowEveryPageAndSumExactlyToTheUngroupedTotal() async throws {
        try await ClientSandbox.run { sandbox in
            // Risk bills Glue and S3 in two regions: enough groups for more than one page.
            let unit = SampleBusinessUnit.risk
            let costExplorer = CostExplorerClient(client: sandbox.client(
                try await ClientRoleChain(sandbox: sandbox).credentials(for: unit)))
            let today = try #require(sandbox.scenario.clock)
            let period = CostDateInterval(start: CivilMonth.firstDay(of: today, addingMonths: -2),
                                          end: CivilMonth.firstDay(of: today, addingMonths: 1))
            let services = ["AWS Glue", "Amazon Simple Storage Service"]
            let metric = "UnblendedCost"
            let ungrouped = GetCostAndUsageInput(timePeriod: period, granularity: .monthly, metrics: [metric],
                                                 filter: .dimension("SERVICE", services))
            var grouped = ungrouped
            grouped.groupBy = [.dimension("SERVICE"), .dimension("USAGE_TYPE")]

            let counter = PageCounter()
            var pages = 0
            var groupSums: [String: Decimal] = [:]
            var groupServices: Set<String> = []
            for try await page in costExplorer.getCostAndUsagePages(grouped, counter: counter) {
                pages += 1
                for result in page.resultsByTime {
                    let start = try #require(result.timePeriod?.start)
                    for group in result.groups {
                        #expect(group.keys.count == 2)
                        groupServices.insert(try #require(group.keys.first))
                        groupSums[start, default: 0] += try #require(group.metrics[metric]?.decimalAmount, "\(group.keys)")
                    }
                }
            }
            #expect(pages > 1)
            #expect(counter.count == pages)
            #expect(groupServices == Set(services), "the SERVICE filter keeps only the services it names")

            let totals = try await costExplorer.getCostAndUsage(ungrouped)
            #expect(totals.nextPageToken == nil)
            #expect(totals.resultsByTime.count == 3)
            let lines = try #require(sandbox.scenario.account(unit.accountId)).costLines
            for result in totals.resultsByTime {
                let range = try #require(result.timePeriod)
                let total = try #require(result.total[metric]?.decimalAmount)
                #expect(groupSums[range.start, default: 0] == total, "groups of \(range.start) sum to its total")
                let billed = lines
                    .filter { services.contains($0.service) && $0.date >= range.start && $0.date < range.end }
                    .reduce(Decimal(0)) { $0 + Decimal(string: $1.amount, locale: Locale(identifier: "en_US_POSIX"))! }
                #expect(total == billed, "the total of \(range.start) is what the scenario billed")
            }
        }
    }

    // MARK: QuickSight

    @Test func dataSourcesAndDataSetsDecodeAsTheScenarioDeclares() async throws {
        try await ClientSandbox.run { sandbox in
            let quick = QuickSightClient(client: sandbox.client(ClientSandbox.reporter))
            let central = try #require(sandbox.scenario.account(SandboxScenarios.centralAccountId))

            var sourcePages = 0
            var sourceIds: [String] = []
            for try await page in quick.listDataSourcesPages(accountId: central.id, maxResults: 3) {
                sourcePages += 1
                sourceIds += page.dataSources.compactMap(\.dataSourceId)
            }
            #expect(sourceIds == central.quickDataSources.map(\.id).sorted())
            #expect(sourcePages == (central.quickDataSources.count + 2) / 3)

            for expected in central.quickDataSources {
                let source = try await quick.describeDataSource(accountId: central.id, dataSourceId: expected.id)
                let athena = source.dataSourceParameters?.athenaParameters
                #expect(source.arn == SandboxScenarios.dataSourceArn(expected.id))
                #expect(source.type == expected.type)
                #expect(athena?.workGroup == expected.workgroup)
                #expect(athena?.roleArn == expected.roleArn)
                #expect(athena?.consumerAccountRoleArn == expected.consumerAccountRoleArn)
            }
            for unit in SampleBusinessUnit.allCases {
                let source = try await quick.describeDataSource(accountId: central.id, dataSourceId: unit.dataSourceId)
                #expect(source.dataSourceParameters?.athenaParameters?.consumerAccountRoleArn == unit.roleBArn)
            }

            var setPages = 0
            var summaries: [QuickSightDataSetSummary] = []
            for try await page in quick.listDataSetsPages(accountId: central.id, maxResults: 4) {
                setPages += 1
                summaries += page.dataSetSummaries
            }
            #expect(summaries.compactMap(\.dataSetId) == central.quickDataSets.map(\.id).sorted())
            #expect(setPages == (central.quickDataSets.count + 3) / 4)

            for expected in central.quickDataSets {
                let dataSet = try await quick.describeDataSet(accountId: central.id, dataSetId: expected.id)
                #expect(dataSet.importMode?.rawValue == expected.importMode)
                #expect(summaries.first { $0.dataSetId == expected.id }?.importMode == dataSet.importMode)
                #expect((dataSet.consumedSpiceCapacityInBytes ?? 0) == expected.spiceBytes)
                #expect(dataSet.dataSourceArns == expected.dataSourceIds.map(SandboxScenarios.dataSourceArn).sorted())
            }
            #expect(central.quickDataSets.contains { $0.importMode == "DIRECT_QUERY" })
            #expect(central.quickDataSets.contains { $0.dataSourceIds.count > 1 })
        }
    }

    @Test func quickSightOfAnotherAccountIsAccessDenied() async throws {
        try await ClientSandbox.run { sandbox in
            let quick = QuickSightClient(client: sandbox.client(ClientSandbox.reporter))
            let error = try await #require(throws: AWSServiceError.self) {
                try await quick.listDataSources(accountId: SampleBusinessUnit.retail.accountId)
            }
            #expect(error.service == "QuickSight")
            #expect(error.operation == "ListDataSources")
            #expect(error.code == "AccessDeniedException")
            #expect(error.requestId?.isEmpty == false)
        }
    }

    // MARK: Transport

    @Test func sequentialCallsReuseOneConnection() async throws {
        try await ClientSandbox.run { sandbox in
            let client = sandbox.client(ClientSandbox.reporter)
            let sts = STSClient(client: client)
            let athena = AthenaClient(client: client)
            let quick = QuickSightClient(client: client)
            let calls = 60
            for index in 0..<calls {
                switch index % 3 {
                case 0: _ = try await sts.getCallerIdentity()
                case 1: _ = try await athena.listWorkGroups()
                default: _ = try await quick.listDataSources(accountId: SandboxScenarios.centralAccountId)
                }
            }
            #expect(sandbox.http.count == calls)
            let connections = sandbox.server.counters.acceptedConnections
            #expect(connections >= 1)
            #expect(connections <= calls / 10, "\(calls) calls opened \(connections) connections")
        }
    }
}
