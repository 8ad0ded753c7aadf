import Foundation

/// Picks the region the way the AWS SDKs do.
public enum RegionResolver {
    /// `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`; nil when none is set.
    /// Empty values count as unset.
    public static func resolve(environment: [String: String], profileRegion: String?) -> String? {
        for candidate in [environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"], profileRegion] {
            if let region = candidate?.trimmingCharacters(in: .whitespaces), !region.isEmpty { return region }
        }
        return nil
    }
}
