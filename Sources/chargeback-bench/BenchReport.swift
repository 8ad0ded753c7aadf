import Foundation

/// Prints the results as a table for people and one JSON line for scripts.
struct BenchReport: Sendable, Encodable {
    var mode: String
    var cores: Int
    var results: [BenchResult]
    /// Resident memory when the last benchmark ended, in KiB.
    var finalRSSKiB: Int?
    /// False when the kernel would not reset the peak: each peak then covers everything before it.
    var peakIsPerBenchmark: Bool

    enum CodingKeys: String, CodingKey {
        case mode, cores, results
        case finalRSSKiB = "final_rss_kib"
        case peakIsPerBenchmark = "peak_is_per_benchmark"
    }

    /// The largest per-benchmark peak: the process's high-water mark over the whole run.
    var maxPeakRSSKiB: Int? { results.compactMap(\.peakRSSKiB).max() }

    func table() -> String {
        let header = ["benchmark", "count", "unit", "wall s", "rate /s", "peak RSS MiB", "figures"]
        let rows = results.map { result in
            [result.name, String(result.count), result.unit, String(format: "%.3f", result.wallSeconds),
             String(format: "%.0f", result.ratePerSecond), result.peakRSSKiB.map(Self.mebibytes) ?? "n/a",
             result.figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        // Numbers right-aligned, text left-aligned.
        let rightAligned: Set<Int> = [1, 3, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
        lines.append("")
        lines.append("peak RSS over the run: \(maxPeakRSSKiB.map(Self.mebibytes) ?? "n/a") MiB; "
            + "RSS at the end: \(finalRSSKiB.map(Self.mebibytes) ?? "n/a") MiB; \(cores) cores; mode \(mode)")
        if !peakIsPerBenchmark {
            lines.append("note: the kernel refused to reset the peak, so each peak includes every benchmark before it")
        }
        return lines.joined(separator: "\n")
    }

    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func mebibytes(_ kibibytes: Int) -> String { String(format: "%.1f", Double(kibibytes) / 1024) }
}
