extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent or null: how scenario YAML
    /// leaves optional settings out.
    func decode<T: Decodable>(_ key: Key, default fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
