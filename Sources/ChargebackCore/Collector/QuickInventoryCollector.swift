import AWSServices
import ChargebackModel
import Foundation

/// Reads the central account's Quick data sources and SPICE data sets: which consumer account
/// each data set's bytes come from, for the `spice_bytes` driver.
struct QuickInventoryCollector: Sendable {
    let quickSight: QuickSightClient
    let accountId: String

    func collect() async throws -> (dataSources: [QuickDataSource], dataSets: [QuickDataSet]) {
        var sources: [QuickDataSource] = []
        for try await page in quickSight.listDataSourcesPages(accountId: accountId) {
            sources += page.dataSources.compactMap(QuickDataSource.init)
        }
        var sets: [QuickDataSet] = []
        for try await page in quickSight.listDataSetsPages(accountId: accountId) {
            for summary in page.dataSetSummaries {
                guard let id = summary.dataSetId else { continue }
                // Only SPICE data sets hold SPICE bytes; direct-query ones need no further call.
                if summary.importMode == .directQuery {
                    sets.append(QuickDataSet(id: id, arn: summary.arn, name: summary.name, importMode: "DIRECT_QUERY",
                                             spiceBytes: 0, dataSourceArns: []))
                    continue
                }
                let described = try await quickSight.describeDataSet(accountId: accountId, dataSetId: id)
                if let set = QuickDataSet(described) { sets.append(set) }
            }
        }
        return (sources.sorted { $0.id < $1.id }, sets.sorted { $0.id < $1.id })
    }
}
