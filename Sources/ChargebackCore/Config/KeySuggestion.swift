/// Finds the known key a misspelt one was probably meant to be, for "did you mean" hints.
enum KeySuggestion {
    /// The closest known key within a small edit distance, or nil when none is close.
    static func closest(to key: String, among known: [String]) -> String? {
        let lowered = key.lowercased()
        let allowance = max(2, lowered.count / 3)
        let ranked = known
            .map { (key: $0, distance: editDistance(lowered, $0.lowercased())) }
            .filter { $0.distance <= allowance }
            .min { $0.distance < $1.distance }
        return ranked?.key
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            previous = current
        }
        return previous[right.count]
    }
}
