import Foundation

/// Expands a `ScenarioQueryGenerator` into execution records, deterministically from its seed:
/// submissions spread evenly over [from, to) with jitter, and a mix of DDL, FAILED, CANCELLED
/// (half with bytes), reused results and small queries; the rest SUCCEEDED DML with log-normal
/// sizes around `meanBytes`. Failed queries may report scanned bytes; the last two are still
/// QUEUED and RUNNING at `to`.
struct QueryGeneratorExpander {
    let generator: ScenarioQueryGenerator

    func expand(slot: Int32, into records: inout [AthenaExecutionRecord]) {
        guard generator.count > 0 else { return }
        var random = ScenarioRandom(seed: generator.seed)
        let fromMillis = generator.from.epochMillis
        let toMillis = generator.to.epochMillis
        let span = Double(max(0, toMillis - fromMillis))
        let step = span / Double(generator.count)
        let thresholds = cumulativeThresholds()
        records.reserveCapacity(records.count + generator.count)

        for index in 0..<generator.count {
            let id = AthenaExecutionID.make(high: random.next(), low: random.next())
            let offset = min(span - 1, (Double(index) + random.unit()) * step).rounded(.down)
            let draw = random.unit()
            var record = AthenaExecutionRecord(
                idHigh: id.high, idLow: id.low, submittedMillis: fromMillis + Int64(max(0, offset)),
                dataScannedBytes: 0, engineMillis: 0, queueMillis: 0, slot: slot, explicitIndex: -1,
                state: .succeeded, statement: .dml, reusedPreviousResult: false,
                template: UInt8(random.next() % UInt64(AthenaQueryTemplate.all.count)))
            switch draw {
            case ..<thresholds.ddl:
                record.statement = .ddl
                record.engineMillis = Int32(random.integer(in: 150...2_500))
            case ..<thresholds.failed:
                record.state = .failed
                // Half fail after reading data: they report scanned bytes that are never billed.
                let scannedBeforeFailure = random.unit() < 0.5
                record.dataScannedBytes = scannedBeforeFailure ? logNormalBytes(&random) / 4 + 1 : 0
                record.engineMillis = Int32(random.integer(in: 80...4_000))
            case ..<thresholds.cancelled:
                record.state = .cancelled
                let scannedBeforeCancel = random.unit() < 0.5
                record.dataScannedBytes = scannedBeforeCancel ? logNormalBytes(&random) / 3 + 1 : 0
                record.engineMillis = Int32(random.integer(in: 500...60_000))
            case ..<thresholds.reused:
                record.reusedPreviousResult = true
                record.engineMillis = Int32(random.integer(in: 40...400))
            case ..<thresholds.small:
                record.dataScannedBytes = random.integer(in: 1_024...(10 * 1_048_576 - 1))
                record.engineMillis = Int32(random.integer(in: 200...3_000))
            default:
                record.dataScannedBytes = logNormalBytes(&random)
                record.engineMillis = Int32(clamping: 800 + record.dataScannedBytes / 40_000_000 + random.integer(in: 0...4_000))
            }
            records.append(record)
        }
        keepLastRunning(records.indices.suffix(min(2, generator.count)), in: &records)
    }

    /// The last executions of a history still run at its end (`to`): the very last waits in the
    /// queue for 5 more minutes, the one before runs for 15 more. Both then finish SUCCEEDED with
    /// their bytes as the sandbox clock advances. Their final state is what the bill counts.
    private func keepLastRunning(_ indices: Range<Int>, in records: inout [AthenaExecutionRecord]) {
        let toMillis = generator.to.epochMillis
        for (position, index) in indices.reversed().enumerated() {
            var record = records[index]
            let sinceSubmission = max(0, toMillis - record.submittedMillis)
            record.state = .succeeded
            record.statement = .dml
            record.reusedPreviousResult = false
            record.dataScannedBytes = max(record.dataScannedBytes, 10 * 1_048_576)
            if position == 0 {
                record.queueMillis = Int32(clamping: sinceSubmission + 5 * 60_000)
                record.engineMillis = 20 * 60_000
            } else {
                record.engineMillis = Int32(clamping: sinceSubmission + 15 * 60_000)
            }
            records[index] = record
        }
    }

    private func cumulativeThresholds() -> (ddl: Double, failed: Double, cancelled: Double, reused: Double, small: Double) {
        let ddl = max(0, generator.ddlFraction)
        let failed = ddl + max(0, generator.failedFraction)
        let cancelled = failed + max(0, generator.cancelledFraction)
        let reused = cancelled + max(0, generator.reusedFraction)
        return (ddl, failed, cancelled, reused, reused + max(0, generator.smallFraction))
    }

    /// Log-normal with median below the mean (sigma 0.8), so the mean stays near `meanBytes`.
    private func logNormalBytes(_ random: inout ScenarioRandom) -> Int64 {
        let sigma = 0.8
        let factor = exp(sigma * random.normal() - sigma * sigma / 2)
        let bytes = Double(max(generator.meanBytes, 1)) * factor
        return Int64(max(10 * 1_048_576, min(bytes, 9.0e15)))
    }
}
