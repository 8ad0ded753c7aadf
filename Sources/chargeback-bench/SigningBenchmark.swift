import AWSCore
import ChargebackBuildInfo
import Foundation

/// SigV4 signing of a typical Athena JSON 1.1 call (a ListQueryExecutions page with a token,
/// temporary credentials), on one thread.
enum SigningBenchmark {
    static func run(count: Int) async throws -> BenchResult {
        ProcessMemory.resetPeak()
        // Fixed, public placeholder credentials: nothing here is ever sent anywhere.
        let credentials = AWSCredentials(
            accessKeyId: "ASIABENCHMARKEXAMPLE", secretAccessKey: "benchmarkSecretKeyExampleNotARealKey0000",
            sessionToken: String(repeating: "IQoJb3JpZ2luX2VjEXAMPLE", count: 30))
        let signer = SigV4Signer(credentials: credentials, signingName: "athena", region: "us-east-1")
        var request = HTTPRequest(method: "POST", host: "athena.us-east-1.amazonaws.com", path: "/",
                                  body: Data(#"{"MaxResults":50,"NextToken":"eyJwb3NpdGlvbiI6MTUwLCJraW5kIjoiTGlzdFF1ZXJ5RXhlY3V0aW9ucyJ9","WorkGroup":"primary"}"#.utf8))
        request.headers["Content-Type"] = "application/x-amz-json-1.1"
        request.headers["X-Amz-Target"] = "AmazonAthena.ListQueryExecutions"
        request.headers["User-Agent"] = ChargebackVersion.userAgent
        let start = Date()

        let (signatureBytes, seconds) = await measure { () async -> Int in
            var total = 0
            for index in 0..<count {
                // A new second now and then, as a real run's clock moves.
                let signed = signer.sign(request, date: start.addingTimeInterval(Double(index / 1_000)))
                total &+= signed.headers["Authorization"]?.utf8.count ?? 0
            }
            return total
        }
        guard signatureBytes > 0 else { throw BenchError("the signer produced no Authorization header") }
        return BenchResult(name: "sigv4_sign", unit: "signatures", count: count, wallSeconds: seconds,
                           peakRSSKiB: ProcessMemory.peakResidentKiB())
    }
}
