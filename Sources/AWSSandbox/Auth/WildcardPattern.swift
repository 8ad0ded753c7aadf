/// IAM-style wildcard matching: `*` matches any run of characters, `?` exactly one.
enum WildcardPattern {
    static func matches(_ pattern: String, _ value: String, caseInsensitive: Bool = false) -> Bool {
        let p = Array(caseInsensitive ? pattern.lowercased() : pattern)
        let v = Array(caseInsensitive ? value.lowercased() : value)
        var (pi, vi) = (0, 0)
        var star: Int? = nil
        var resume = 0
        while vi < v.count {
            if pi < p.count, p[pi] == "?" || p[pi] == v[vi] {
                pi += 1
                vi += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                resume = vi
                pi += 1
            } else if let starIndex = star {
                pi = starIndex + 1
                resume += 1
                vi = resume
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// IAM actions compare case-insensitively.
    static func actionAllowed(_ action: String, by patterns: [String]) -> Bool {
        patterns.contains { matches($0, action, caseInsensitive: true) }
    }
}
