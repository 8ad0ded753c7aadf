/// How the sandbox behaves beyond the scenario: AWS's API quotas and injected faults.
public struct SandboxOptions: Sendable, Equatable {
    public enum QuotaMode: String, Sendable, CaseIterable {
        /// Token buckets with AWS's rates (see `APIQuota.awsDefaults`).
        case aws
        /// No throttling except what the fault plan injects.
        case off
    }

    public var quotas: QuotaMode
    public var faults: FaultPlan

    public init(quotas: QuotaMode = .aws, faults: FaultPlan = FaultPlan()) {
        self.quotas = quotas
        self.faults = faults
    }
}

/// The service engines the router hands authenticated calls to.
public struct SandboxEngines: Sendable {
    public var athena: any SandboxServiceEngine
    public var costExplorer: any SandboxServiceEngine
    public var quickSight: any SandboxServiceEngine

    public init(athena: any SandboxServiceEngine, costExplorer: any SandboxServiceEngine, quickSight: any SandboxServiceEngine) {
        self.athena = athena
        self.costExplorer = costExplorer
        self.quickSight = quickSight
    }

    func engine(for service: SandboxService) -> (any SandboxServiceEngine)? {
        switch service {
        case .athena: athena
        case .ce: costExplorer
        case .quicksight: quickSight
        case .sts: nil
        }
    }
}
