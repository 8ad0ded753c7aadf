extension SandboxEngines {
    /// The sandbox's Athena, Cost Explorer and QuickSight engines over one scenario.
    public init(scenario: Scenario) {
        self.init(athena: AthenaEngine(scenario: scenario), costExplorer: CostExplorerEngine(scenario: scenario),
                  quickSight: QuickSightEngine(scenario: scenario))
    }
}

extension SandboxServer {
    /// A server answering for `scenario` with the standard service engines.
    public convenience init(scenario: Scenario, options: SandboxOptions) {
        self.init(scenario: scenario, options: options, engines: SandboxEngines(scenario: scenario))
    }
}
