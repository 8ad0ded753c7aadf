/// An execution as it stands at a moment of the sandbox clock: before its queue time has passed
/// it is QUEUED, before its total time has passed it is RUNNING with the bytes scanned so far,
/// then it shows its final state. Executions a scenario declares QUEUED or RUNNING stay so.
struct AthenaExecutionProgress {
    let record: AthenaExecutionRecord
    let timings: AthenaWireRenderer.Timings

    init(_ finished: AthenaExecutionRecord, timings finalTimings: AthenaWireRenderer.Timings, nowMillis: Int64) {
        let elapsed = nowMillis - finished.submittedMillis
        guard finished.state != .queued, finished.state != .running, elapsed < finalTimings.total else {
            record = finished
            timings = finalTimings
            return
        }
        var current = finished
        var shown = finalTimings
        shown.total = max(0, elapsed)
        if elapsed < finalTimings.queue {
            current.state = .queued
            current.engineMillis = 0
            current.dataScannedBytes = 0
            shown.queue = max(0, elapsed)
            shown.preProcessing = 0
            shown.planning = 0
        } else {
            current.state = .running
            let engine = max(0, elapsed - finalTimings.queue - finalTimings.preProcessing)
            let fraction = finished.engineMillis > 0 ? min(1, Double(engine) / Double(finished.engineMillis)) : 0
            current.engineMillis = Int32(clamping: min(engine, Int64(finished.engineMillis)))
            current.dataScannedBytes = Int64(Double(finished.dataScannedBytes) * fraction)
            shown.planning = min(shown.planning, Int64(current.engineMillis))
        }
        shown.serviceProcessing = 0
        record = current
        timings = shown
    }
}
